// module objects.
#include "objects/module.h"
#include "objects/weakref.h"

#include "modules/module_table.h"

#include <string>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/ids.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_module_type;

namespace {

void module_dealloc(Object* o) {
  // A subclass's instances have theirs cleared by subtype_dealloc.
  if (o->ob_type == &g_module_type) weakref_clear_all(o);
  decref(static_cast<Module*>(o)->dict);
  free_object(o);
}
void module_traverse(Object* o, VisitFn visit, void* arg) { visit(static_cast<Module*>(o)->dict, arg); }

int module_init_dict(Module* m, Value name, Value doc) {
  Value d = m->dict;
  if (dict_set_item(d, Value(ids::__name__), name) < 0) return -1;
  if (dict_set_item(d, Value(ids::__doc__), doc) < 0) return -1;
  if (dict_set_item(d, Value(ids::__package__), none()) < 0) return -1;
  if (dict_set_item(d, Value(ids::__loader__), none()) < 0) return -1;
  if (dict_set_item(d, Value(ids::__spec__), none()) < 0) return -1;
  return 0;
}

Ref<> module_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  auto* m = alloc_object<Module>(t, t->basic_size);
  if (!m) return nullptr;
  Ref<> r = Ref<>::steal(Value(m));
  m->dict = dict_new().release();
  return r;
}

Ref<> module_init_impl(Value self, Value* a) {
  if (!is_str(a[0]))
    return err_format(g_TypeError, "module.__init__() argument 'name' must be str, not %s", type_name(type_of(a[0])));
  if (module_init_dict(self.as<Module>(), a[0], a[1].is_null() ? none() : a[1]) < 0) return nullptr;
  return new_none();
}
const MethodDef kModuleInitDef = {"module($self, name, doc=None)", module_init_impl, nullptr};
int module_tp_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  return native_call(&kModuleInitDef, self, args, nargs, kwnames) ? 0 : -1;
}

Ref<> module_repr(Value self) {
  Value d = module_dict(self);
  Ref<> name, file;
  std::string n = "?";
  if (dict_get_item_str(d, ids::__name__, &name) > 0) n = str_utf8(name.val());
  if (dict_get_item_str(d, ids::__file__, &file) > 0 && is_str(file.val()))
    return str_from_utf8("<module '" + n + "' from '" + std::string(str_view(file.val())) + "'>");
  // Without a file, only the interpreter's own modules say "(built-in)";
  // types.ModuleType("m") gives "<module 'm'>".
  Ref<> builtin_names = module_table_names();
  int builtin = name && builtin_names ? contains(builtin_names.val(), name.val()) : 0;
  if (builtin < 0) return nullptr;
  return str_from_utf8("<module '" + n + (builtin ? "' (built-in)>" : "'>"));
}

Ref<> module_getattro(Value self, Value name) {
  Ref<> r = generic_getattr(self, name);
  if (r || !err_matches(g_AttributeError)) return r;
  err_clear();
  // PEP 562: module-level __getattr__.
  Ref<> ga;
  if (dict_get_item_str(module_dict(self), ids::__getattr__, &ga) > 0) return call1(ga.val(), name);
  return module_attribute_error(self, name);
}

Ref<> module_get_dict(Value self) { return Ref<>::borrow(module_dict(self)); }
const GetSetDef kModuleGetSets[] = {{"__dict__", module_get_dict, nullptr}, {nullptr}};

Ref<> module_dir(Value self, Value*) {
  Ref<> dir;
  if (dict_get_item_str(module_dict(self), ids::__dir__, &dir) > 0) return call0(dir.val());
  Ref<> keys = dict_keys_list(module_dict(self));
  if (!keys || list_sort(keys.val(), Value(), false) < 0) return nullptr;
  return keys;
}
const MethodDef kModuleMethods[] = {{"__dir__($self, /)", module_dir, nullptr}, {nullptr}};

}  // namespace

std::nullptr_t module_attribute_error(Value module, Value name) {
  Ref<> mname;
  std::string n = "?";
  if (dict_get_item_str(module_dict(module), ids::__name__, &mname) > 0 && is_str(mname.val()))
    n = std::string(str_view(mname.val()));
  err_format(g_AttributeError, "module '%s' has no attribute '%s'", n.c_str(), str_view(name).data());
  Value e = err_peek();
  if (!e.is_null()) {
    exception_set_extra_attr(e, name, module);
  }
  return nullptr;
}

Ref<> module_new(Value name) {
  Ref<> m = module_tp_new(&g_module_type, nullptr, 0, Value());
  if (!m) return nullptr;
  if (module_init_dict(m.val().as<Module>(), name, none()) < 0) return nullptr;
  return m;
}

Ref<> module_new(const char* name) {
  Ref<Str> n = str_from_utf8(name);
  return module_new(n.val());
}

void module_type_init() {
  Type* t = &g_module_type;
  t->name = "module";
  t->basic_size = sizeof(Module);
  t->flags = kTypeBaseType | kTypeHasGc;
  t->dict_offset = offsetof(Module, dict);
  t->weaklist_offset = static_cast<int32_t>(offsetof(Module, weakreflist));
  t->tp_dealloc = module_dealloc;
  t->tp_traverse = module_traverse;
  t->tp_new = module_tp_new;
  t->tp_init = module_tp_init;
  t->tp_repr = module_repr;
  t->tp_getattro = module_getattro;
  t->tp_setattro = generic_setattr;
  t->getsets = kModuleGetSets;
  t->methods = kModuleMethods;
  type_ready(t);
}

}  // namespace ftpy
