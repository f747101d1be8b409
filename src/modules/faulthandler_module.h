// The faulthandler module (faulthandler_module.cpp).
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> faulthandler_module_create();

}  // namespace ftpy
