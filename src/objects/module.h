// module objects: a namespace dict plus a name.
// Thread safety: the dict is a regular (internally locked) dict; `dict` itself
// is set once at creation.
#pragma once

#include <atomic>

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

struct Module : Object {
  Value dict;             // owned Dict
  const void* native_def; // the native module definition, if any (api/)
  void* native_state;     // per-module state of a native module
  // Set while the module's body runs (vm/import.cpp): other threads that find
  // it in sys.modules wait for it. CPython keeps this in
  // __spec__._initializing; a field keeps it out of the module's globals.
  std::atomic<bool> initializing;
  Value weakreflist;      // weak references to the module (weakref.h), as CPython's md_weaklist
};
extern Type g_module_type;

inline bool is_module(Value v) { return v.is_obj() && is_subtype(v.obj()->ob_type, &g_module_type); }
inline Value module_dict(Value m) { return m.as<Module>()->dict; }

// A new module named `name` with __name__, __doc__ (None), __package__,
// __loader__ and __spec__ (None) set.
Ref<> module_new(Value name);
Ref<> module_new(const char* name);

// AttributeError for a missing module attribute ("module 'm' has no attribute 'x'").
std::nullptr_t module_attribute_error(Value module, Value name);

void module_type_init();

}  // namespace ftpy
