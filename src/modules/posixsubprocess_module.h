// The `_posixsubprocess` module: fork_exec, the fork + exec that
// subprocess.Popen uses on POSIX.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> posixsubprocess_module_create();

}  // namespace ftpy
