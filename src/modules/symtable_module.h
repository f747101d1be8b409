// The _symtable module (symtable_module.cpp): the compiler's scope analysis
// (compile/symtable.h) as the standard library's symtable module reads it.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> symtable_module_create();

}  // namespace ftpy
