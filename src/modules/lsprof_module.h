// The _lsprof module (lsprof_module.cpp): the deterministic profiler that
// the standard library's cProfile builds on.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> lsprof_module_create();

}  // namespace ftpy
