// The _imp module (imp_module.cpp): the low-level import hooks importlib,
// zipimport, pkgutil and the deprecated imp module call.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> imp_module_create();

}  // namespace ftpy
