// None, NotImplemented and Ellipsis: immortal static objects.
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/errors.h"
#include "objects/native.h"
#include "vm/warn.h"

namespace ftpy {

Type g_none_type;
Type g_not_implemented_type;
Type g_ellipsis_type;
Object g_none;
Object g_not_implemented;
Object g_ellipsis;

Value bool_value(bool b) { return b ? true_value() : false_value(); }

namespace {

Ref<> none_repr(Value) { return Ref<>(str_intern("None")); }
Ref<> notimpl_repr(Value) { return Ref<>(str_intern("NotImplemented")); }
Ref<> ellipsis_repr(Value) { return Ref<>(str_intern("Ellipsis")); }
int none_bool(Value) { return 0; }
int notimpl_bool(Value) {
  // CPython 3.11: a DeprecationWarning (an error only from 3.14), then true.
  // Old code such as `def __ne__(s, o): return not s.__eq__(o)` relies on it.
  if (!warn_from_runtime(g_DeprecationWarning, "NotImplemented should not be used in a boolean context"))
    return -1;
  return 1;
}
Ref<> none_new(Type*, const Value*, size_t nargs, Value kwnames) {
  if (nargs || kwnames) return err_set_str(g_TypeError, "NoneType takes no arguments");
  return new_none();
}
Ref<> notimpl_new(Type*, const Value*, size_t nargs, Value kwnames) {
  if (nargs || kwnames) return err_set_str(g_TypeError, "NotImplementedType takes no arguments");
  return Ref<>::steal(not_implemented());
}
Ref<> ellipsis_new(Type*, const Value*, size_t nargs, Value kwnames) {
  if (nargs || kwnames) return err_set_str(g_TypeError, "ellipsis takes no arguments");
  return Ref<>::steal(Value(&g_ellipsis));
}
// pickle stores the two singletons by name (a __reduce__ returning a str is
// looked up as a global of __module__, here builtins).
Ref<> notimpl_reduce(Value, Value*) { return Ref<>(str_intern("NotImplemented")); }
Ref<> ellipsis_reduce(Value, Value*) { return Ref<>(str_intern("Ellipsis")); }
const MethodDef kNotImplementedMethods[] = {{"__reduce__($self, /)", notimpl_reduce, nullptr}, {nullptr}};
const MethodDef kEllipsisMethods[] = {{"__reduce__($self, /)", ellipsis_reduce, nullptr}, {nullptr}};

int64_t none_hash(Value v) { return static_cast<int64_t>(0xFCA86420ull); }

void init_singleton(Object* o, Type* t) {
  o->ob_type = t;
  make_immortal(o);
}

}  // namespace

void singletons_init() {
  g_none_type.name = "NoneType";
  g_none_type.basic_size = sizeof(Object);
  g_none_type.tp_repr = none_repr;
  g_none_type.nb_bool = none_bool;
  g_none_type.tp_new = none_new;
  g_none_type.tp_hash = none_hash;
  type_ready(&g_none_type);
  init_singleton(&g_none, &g_none_type);

  g_not_implemented_type.name = "NotImplementedType";
  g_not_implemented_type.basic_size = sizeof(Object);
  g_not_implemented_type.tp_repr = notimpl_repr;
  g_not_implemented_type.nb_bool = notimpl_bool;
  g_not_implemented_type.tp_new = notimpl_new;
  g_not_implemented_type.methods = kNotImplementedMethods;
  type_ready(&g_not_implemented_type);
  init_singleton(&g_not_implemented, &g_not_implemented_type);

  g_ellipsis_type.name = "ellipsis";
  g_ellipsis_type.basic_size = sizeof(Object);
  g_ellipsis_type.tp_repr = ellipsis_repr;
  g_ellipsis_type.tp_new = ellipsis_new;
  g_ellipsis_type.methods = kEllipsisMethods;
  type_ready(&g_ellipsis_type);
  init_singleton(&g_ellipsis, &g_ellipsis_type);
}

}  // namespace ftpy
