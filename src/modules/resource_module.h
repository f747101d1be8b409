// The resource module (resource_module.cpp).
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> resource_module_create();

}  // namespace ftpy
