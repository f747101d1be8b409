// The _pickle module: CPython's accelerator names over ftpy's native
// pickler (pickle_pickler.cpp, pickle_pickler_type.cpp), unpickler
// (pickle_unpickler.cpp) and PickleBuffer (pickle_buffer.cpp). lib/pickle.py
// imports what is here and keeps the pure-Python _Pickler/_Unpickler.
//
// Thread safety: the module's types and exception classes are created once,
// under the import lock, and are immutable afterwards.
#include "modules/pickle_module.h"

#include "modules/pickle_shared.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace ftpy {

Type* g_pickle_error = nullptr;
Type* g_pickling_error = nullptr;
Type* g_unpickling_error = nullptr;

namespace {

Type* make_error_class(const char* name, Type* base) {
  Ref<Str> n = str_from_ascii(name);
  Ref<Dict> ns = dict_new();
  Ref<Str> mod = str_from_ascii("_pickle");
  if (!n || !ns || !mod) return nullptr;
  if (dict_set_item_str(ns.val(), "__module__", mod.val()) < 0) return nullptr;
  Ref<Tuple> bases = tuple_pack({Value(static_cast<Object*>(base))});
  if (!bases) return nullptr;
  Ref<> cls = type_new_from_spec(&g_type_type, n.val(), bases.val(), ns.val(), Value());
  if (!cls) return nullptr;
  return cls.release().as<Type>();  // heap types are immortal (type_new.cpp)
}

const MethodDef kPickleFunctions[] = {
    {"dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None)", pickle_dump,
     "Write a pickle of obj to the open file (see Pickler for the arguments)."},
    {"dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None)", pickle_dumps,
     "Return the pickle of obj as a bytes object (see Pickler for the arguments)."},
    {"load(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=?)", pickle_load,
     "Read and return an object from the pickle data stored in a file."},
    {"loads(data, /, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=?)", pickle_loads,
     "Read and return an object from the given pickle data."},
    {nullptr}};

}  // namespace

Ref<> pickle_module_create() {
  if (!g_pickle_error) {
    g_pickle_error = make_error_class("PickleError", g_Exception);
    if (!g_pickle_error) return nullptr;
    g_pickling_error = make_error_class("PicklingError", g_pickle_error);
    if (!g_pickling_error) return nullptr;
    g_unpickling_error = make_error_class("UnpicklingError", g_pickle_error);
    if (!g_unpickling_error) return nullptr;
    pickle_unpickler_types_init();
    pickle_pickler_types_init();
    pickle_buffer_type_init();
  }
  Ref<> m = module_new("_pickle");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kPickleFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  if (dict_set_item_str(d, "PickleError", Value(static_cast<Object*>(g_pickle_error))) < 0 ||
      dict_set_item_str(d, "PicklingError", Value(static_cast<Object*>(g_pickling_error))) < 0 ||
      dict_set_item_str(d, "UnpicklingError", Value(static_cast<Object*>(g_unpickling_error))) < 0 ||
      dict_set_item_str(d, "Unpickler", Value(static_cast<Object*>(&g_unpickler_type))) < 0 ||
      dict_set_item_str(d, "Pickler", Value(static_cast<Object*>(&g_pickler_type))) < 0 ||
      dict_set_item_str(d, "PickleBuffer", Value(static_cast<Object*>(&g_pickle_buffer_type))) < 0)
    return nullptr;
  return m;
}

}  // namespace ftpy
