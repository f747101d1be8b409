// The _locale module (locale_module.cpp).
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> locale_module_create();

}  // namespace ftpy
