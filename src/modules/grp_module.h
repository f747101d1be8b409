// The grp module (grp_module.cpp).
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> grp_module_create();

}  // namespace ftpy
