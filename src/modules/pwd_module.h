// The pwd module (pwd_module.cpp).
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> pwd_module_create();

}  // namespace ftpy
