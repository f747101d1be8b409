// The table of built-in (C++) modules: one row per module name with the
// function that creates it. Importing a name in this table never touches
// sys.path.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

void module_table_init_types();     // ready types that built-in modules define
void module_table_register_all();   // make every row importable
Ref<> module_table_names();         // sys.builtin_module_names (sorted tuple)

}  // namespace ftpy
