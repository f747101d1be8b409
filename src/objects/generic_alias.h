// types.GenericAlias (PEP 585): what `list[int]` evaluates to. A small
// immutable object with __origin__, __args__ and __parameters__; calling it
// calls the origin; its repr is "list[int]".
// Thread safety: immutable after construction.
#pragma once

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

struct GenericAlias : Object {
  Value origin;  // owned
  Value args;    // owned tuple
  Value parameters;  // owned tuple (empty: type variables are not tracked yet)
};
extern Type g_generic_alias_type;

// `args` may be a tuple (list[int, str]) or a single value.
Ref<> generic_alias_new(Value origin, Value args);

void generic_alias_type_init();  // provides types.GenericAlias

}  // namespace ftpy
