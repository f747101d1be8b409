// The _collections module (C++): deque, defaultdict, _count_elements and
// _tuplegetter. See collections_module.cpp for the layout and locking.
#pragma once

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

extern Type g_deque_type;
extern Type g_defaultdict_type;

void collections_types_init();      // ready the types (idempotent)
Ref<> collections_module_create();  // the `_collections` module

}  // namespace ftpy
