// types.GenericAlias: list[int], dict[str, int], tuple[int, ...].
#include "objects/generic_alias.h"

#include <string>

#include "objects/errors.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_generic_alias_type;

Ref<> generic_alias_new(Value origin, Value args) {
  Ref<> targs = is_tuple(args) ? Ref<>::borrow(args) : Ref<>(tuple_pack({args}));
  if (!targs) return nullptr;
  Ref<> params = empty_tuple();
  auto* g = alloc_object<GenericAlias>(&g_generic_alias_type);
  if (!g) return nullptr;
  g->origin = Ref<>::borrow(origin).release();
  g->args = targs.release();
  g->parameters = params.release();
  return Ref<>::steal(Value(g));
}

namespace {

void ga_dealloc(Object* o) {
  auto* g = static_cast<GenericAlias*>(o);
  decref(g->origin);
  decref(g->args);
  decref(g->parameters);
  free_object(o);
}

void ga_traverse(Object* o, VisitFn visit, void* arg) {
  auto* g = static_cast<GenericAlias*>(o);
  visit(g->origin, arg);
  visit(g->args, arg);
  visit(g->parameters, arg);
}

// One argument as it appears between the brackets.
bool repr_item(Value v, std::string* out) {
  if (v == Value(&g_ellipsis)) {
    *out += "...";
    return true;
  }
  if (v.is_obj() && has_flag(type_of(v), kTypeTypeSubclass)) {
    Ref<> qn = getattr(v, "__qualname__");
    Ref<> mod = qn ? getattr(v, "__module__") : Ref<>();
    if (qn && mod && is_str(qn.val()) && is_str(mod.val())) {
      if (str_view(mod.val()) != "builtins") {
        *out += str_view(mod.val());
        *out += ".";
      }
      *out += str_view(qn.val());
      return true;
    }
    err_clear();
  }
  Ref<> r = repr(v);
  if (!r) return false;
  *out += str_view(r.val());
  return true;
}

Ref<> ga_repr(Value self) {
  auto* g = self.as<GenericAlias>();
  std::string s;
  if (!repr_item(g->origin, &s)) return nullptr;
  s += "[";
  int64_t n = tuple_size(g->args);
  if (n == 0) s += "()";
  for (int64_t i = 0; i < n; i++) {
    if (i) s += ", ";
    if (!repr_item(tuple_item(g->args, i), &s)) return nullptr;
  }
  s += "]";
  return str_from_utf8(s);
}

Ref<> ga_richcompare(Value a, Value b, CompareOp op) {
  if (type_of(b) != &g_generic_alias_type || (op != kEq && op != kNe)) return Ref<>::steal(not_implemented());
  auto* x = a.as<GenericAlias>();
  auto* y = b.as<GenericAlias>();
  int eq = richcompare_bool(x->origin, y->origin, kEq);
  if (eq < 0) return nullptr;
  if (eq) {
    eq = richcompare_bool(x->args, y->args, kEq);
    if (eq < 0) return nullptr;
  }
  return new_bool(op == kEq ? eq != 0 : eq == 0);
}

int64_t ga_hash(Value self) {
  auto* g = self.as<GenericAlias>();
  int64_t h1 = hash(g->origin);
  if (h1 == -1) return -1;
  int64_t h2 = hash(g->args);
  if (h2 == -1) return -1;
  int64_t h = h1 ^ h2;
  return h == -1 ? -2 : h;
}

Ref<> ga_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  auto* g = self.as<GenericAlias>();
  Ref<> obj = call(g->origin, args, nargs, kwnames);
  if (!obj) return nullptr;
  // Like CPython, record the alias on the instance when it accepts attributes.
  if (instance_dict_slot_raw(obj.val())) {
    if (setattr(obj.val(), "__orig_class__", self) < 0) err_clear();
  }
  return obj;
}

// Dunder names stay on the alias; everything else is the origin's.
Ref<> ga_getattro(Value self, Value name) {
  std::string_view n = str_view(name);
  bool dunder = n.size() > 4 && n.substr(0, 2) == "__" && n.substr(n.size() - 2) == "__";
  if (dunder) return generic_getattr(self, name);
  return getattr(self.as<GenericAlias>()->origin, name);
}

Ref<> ga_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  if (!kwnames.is_null() && tuple_size(kwnames) > 0) return err_set_str(g_TypeError, "GenericAlias() takes no keyword arguments");
  if (nargs != 2) return err_format(g_TypeError, "GenericAlias expected 2 arguments, got %zu", nargs);
  return generic_alias_new(args[0], args[1]);
}

Ref<> ga_get_origin(Value self) { return Ref<>::borrow(self.as<GenericAlias>()->origin); }
Ref<> ga_get_args(Value self) { return Ref<>::borrow(self.as<GenericAlias>()->args); }
Ref<> ga_get_parameters(Value self) { return Ref<>::borrow(self.as<GenericAlias>()->parameters); }
Ref<> ga_get_unpacked(Value) { return new_bool(false); }

Ref<> ga_mro_entries(Value self, Value*) { return tuple_pack({self.as<GenericAlias>()->origin}); }
Ref<> ga_getitem(Value self, Value* args) {
  return err_format(g_TypeError, "%s is not a generic class", repr_utf8(self).c_str());
}
Ref<> ga_reduce(Value self, Value*) {
  auto* g = self.as<GenericAlias>();
  Ref<> a = tuple_pack({g->origin, g->args});
  if (!a) return nullptr;
  return tuple_pack({Value(&g_generic_alias_type), a.val()});
}
Ref<> ga_instancecheck(Value self, Value*) {
  return err_set_str(g_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}
Ref<> ga_subclasscheck(Value self, Value*) {
  return err_set_str(g_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

const MethodDef kGaMethods[] = {
    {"__mro_entries__($self, bases, /)", ga_mro_entries, nullptr},
    {"__getitem__($self, item, /)", ga_getitem, nullptr},
    {"__reduce__($self, /)", ga_reduce, nullptr},
    {"__instancecheck__($self, obj, /)", ga_instancecheck, nullptr},
    {"__subclasscheck__($self, cls, /)", ga_subclasscheck, nullptr},
    {nullptr}};

const GetSetDef kGaGetSets[] = {
    {"__origin__", ga_get_origin, nullptr, nullptr},
    {"__args__", ga_get_args, nullptr, nullptr},
    {"__parameters__", ga_get_parameters, nullptr, "Type variables in the GenericAlias."},
    {"__unpacked__", ga_get_unpacked, nullptr, nullptr},
    {nullptr}};

}  // namespace

void generic_alias_type_init() {
  Type* t = &g_generic_alias_type;
  t->name = "types.GenericAlias";
  t->basic_size = sizeof(GenericAlias);
  t->flags = kTypeHasGc | kTypeBaseType;
  t->tp_dealloc = ga_dealloc;
  t->tp_traverse = ga_traverse;
  t->tp_repr = ga_repr;
  t->tp_richcompare = ga_richcompare;
  t->tp_hash = ga_hash;
  t->tp_call = ga_call;
  t->tp_getattro = ga_getattro;
  t->tp_new = ga_new;
  t->methods = kGaMethods;
  t->getsets = kGaGetSets;
  t->doc = "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).";
  type_ready(t);
}

}  // namespace ftpy
