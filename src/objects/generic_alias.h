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

// The type variables among `args` (a tuple), as CPython 3.11's
// _Py_make_parameters finds them; shared with types.UnionType.
Ref<> generic_make_parameters(Value args);
// `args` with the type variables `params` replaced by `item`'s values
// (3.11's _Py_subs_parameters; `self` names the alias in errors).
Ref<> generic_subs_parameters(Value self, Value args, Value params, Value item);

void generic_alias_type_init();  // provides types.GenericAlias

}  // namespace ftpy
