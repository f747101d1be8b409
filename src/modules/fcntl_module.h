// The fcntl module (fcntl_module.cpp).
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> fcntl_module_create();

}  // namespace ftpy
