// The _functools module (C++): reduce, partial, Placeholder, cmp_to_key.
#pragma once

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

extern Type g_partial_type;

void functools_types_init();      // ready the types (idempotent)
Ref<> functools_module_create();  // the `_functools` module

}  // namespace ftpy
