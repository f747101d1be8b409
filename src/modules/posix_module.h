// The posix module (posix_module.cpp): the operating-system interface that
// lib/os.py re-exports.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> posix_module_create();

}  // namespace ftpy
