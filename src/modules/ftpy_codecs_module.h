// The _ftpy_codecs module (C++); see ftpy_codecs_module.cpp.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> ftpy_codecs_module_create();  // the `_ftpy_codecs` module

}  // namespace ftpy
