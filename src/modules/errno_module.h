// The errno module (errno_module.cpp).
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> errno_module_create();

}  // namespace ftpy
