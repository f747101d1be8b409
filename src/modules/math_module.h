// The math module (math_module.cpp).
#pragma once

#include "runtime/ref.h"

namespace ftpy {

// Builds the module object: functions and the constants pi, e, tau, inf, nan.
Ref<> math_module_create();

}  // namespace ftpy
