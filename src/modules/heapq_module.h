// The _heapq module (C++); see heapq_module.cpp.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> heapq_module_create();  // the `_heapq` module

}  // namespace ftpy
