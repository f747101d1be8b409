// The unicodedata module (unicodedata_module.cpp).
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> unicodedata_module_create();

}  // namespace ftpy
