// The cmath module (cmath_module.cpp).
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> cmath_module_create();

}  // namespace ftpy
