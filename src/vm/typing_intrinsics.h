// CALL_INTRINSIC operands for PEP 695 type parameters and type aliases
// (TypeVar, ParamSpec, TypeVarTuple, Generic[...] and TypeAliasType).
#pragma once

#include <cstdint>

#include "runtime/ref.h"

namespace ftpy {

Ref<> typing_intrinsic1(uint32_t which, Value v);
Ref<> typing_intrinsic2(uint32_t which, Value a, Value b);

}  // namespace ftpy
