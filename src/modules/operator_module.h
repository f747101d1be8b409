// The _operator module (C++): operator functions, attrgetter, itemgetter,
// methodcaller.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

void operator_types_init();      // ready the types (idempotent)
Ref<> operator_module_create();  // the `_operator` module

}  // namespace ftpy
