// The _bisect module (C++); see bisect_module.cpp.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> bisect_module_create();  // the `_bisect` module

}  // namespace ftpy
