// The atexit module (atexit_module.cpp).
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> atexit_module_create();

// Run the registered exit functions, last registered first, then forget
// them. Called by the runtime after threading._shutdown (as CPython does).
void atexit_run_callbacks();

}  // namespace ftpy
