// The time module (time_module.cpp).
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> time_module_create();

}  // namespace ftpy
