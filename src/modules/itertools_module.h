// The itertools module (C++): see itertools_internal.h for the thread-safety
// contract shared by its iterator types.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

void itertools_types_init();      // ready the iterator types (idempotent)
Ref<> itertools_module_create();  // the module object (readies the types first)

}  // namespace ftpy
