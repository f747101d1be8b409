#include "modules/module_table.h"

#include <cstring>

#include "modules/thread_module.h"
#include "objects/errors.h"
#include "objects/list.h"
#include "objects/weakref.h"
#include "objects/str.h"
#include "runtime/interp.h"
#include "vm/import.h"

namespace ftpy {

namespace {

Ref<> sys_module_existing() { return Ref<>::borrow(g_interp.sys_mod); }
Ref<> builtins_module_existing() { return Ref<>::borrow(g_interp.builtins_mod); }

struct ModuleRow {
  const char* name;
  BuiltinModuleInit create;
};

const ModuleRow kModules[] = {
    {"builtins", builtins_module_existing},
    {"sys", sys_module_existing},
    {"_thread", thread_module_create},
    {"_weakref", weakref_module_create},
};

}  // namespace

void module_table_init_types() { weakref_types_init(); }

void module_table_register_all() {
  for (const ModuleRow& r : kModules) import_register_builtin(r.name, r.create);
}

Ref<> module_table_names() {
  Ref<List> l = list_new();
  for (const ModuleRow& r : kModules) {
    Ref<Str> s = str_from_utf8(r.name);
    if (!s || list_append(l.val(), s.val()) < 0) return nullptr;
  }
  if (list_sort(l.val(), Value(), false) < 0) return nullptr;
  return list_as_tuple(l.val());
}

}  // namespace ftpy
