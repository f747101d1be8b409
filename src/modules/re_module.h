// The `_ftpy_sre` module: the native matcher behind lib/re (re_program.h).
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> re_module_create();

}  // namespace ftpy
