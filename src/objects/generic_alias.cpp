// types.GenericAlias: list[int], dict[str, int], tuple[int, ...].
#include "objects/generic_alias.h"

#include <string>
#include <vector>

#include "objects/errors.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"

namespace ftpy {

Ref<> type_or_slot(Value a, Value b);  // objects/union_type.cpp

Type g_generic_alias_type;

namespace {

bool is_type_object(Value v) { return v.is_obj() && has_flag(type_of(v), kTypeTypeSubclass); }

// Appends `p` to `params` unless it is there already (by identity).
void add_param(std::vector<Ref<>>* params, Value p) {
  for (auto& q : *params)
    if (q.val() == p) return;
  params->push_back(Ref<>::borrow(p));
}

// The type variables in `args`, in first-seen order, as CPython 3.11's
// _Py_make_parameters finds them: an argument with __typing_subst__ (a
// TypeVar, ParamSpec, TypeVarTuple) is one; any other non-class argument
// contributes its own __parameters__ (list[T] inside dict[str, list[T]]).
}  // namespace

Ref<> generic_make_parameters(Value args) {
  std::vector<Ref<>> params;
  int64_t n = tuple_size(args);
  for (int64_t i = 0; i < n; i++) {
    Value a = tuple_item(args, i);
    if (is_type_object(a)) continue;
    Ref<> subst = getattr_opt(a, str_intern("__typing_subst__"));
    if (!subst && err_occurred()) return nullptr;
    if (subst) {
      add_param(&params, a);
      continue;
    }
    Ref<> sub = getattr_opt(a, str_intern("__parameters__"));
    if (!sub && err_occurred()) return nullptr;
    if (sub && is_tuple(sub.val()))
      for (int64_t j = 0; j < tuple_size(sub.val()); j++) add_param(&params, tuple_item(sub.val(), j));
  }
  if (params.empty()) return empty_tuple();
  std::vector<Value> raw;
  for (auto& p : params) raw.push_back(p.val());
  return tuple_from_array(raw.data(), static_cast<int64_t>(raw.size()));
}

namespace {

// Allocates an alias of type `t` (GenericAlias or a subclass of it, such as
// collections.abc's _CallableGenericAlias).
Ref<> generic_alias_make(Type* t, Value origin, Value args) {
  Ref<> targs = is_tuple(args) ? Ref<>::borrow(args) : Ref<>(tuple_pack({args}));
  if (!targs) return nullptr;
  Ref<> params = generic_make_parameters(targs.val());
  if (!params) return nullptr;
  auto* g = alloc_object<GenericAlias>(t, t->basic_size);
  if (!g) return nullptr;
  g->origin = Ref<>::borrow(origin).release();
  g->args = targs.release();
  g->parameters = params.release();
  return Ref<>::steal(Value(g));
}

}  // namespace

Ref<> generic_alias_new(Value origin, Value args) { return generic_alias_make(&g_generic_alias_type, origin, args); }

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
  if (!is_subtype(type_of(b), &g_generic_alias_type) || (op != kEq && op != kNe))
    return Ref<>::steal(not_implemented());
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

// The names an alias answers itself (CPython 3.11's attr_exceptions); every
// other attribute, dunder or not, is the origin's (list[int].__name__ is
// 'list', list[int].append is list.append).
bool alias_own_attr(std::string_view n) {
  static constexpr std::string_view kOwn[] = {
      "__class__",  "__origin__", "__args__",    "__unpacked__", "__parameters__", "__typing_unpacked_tuple_args__",
      "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__"};
  for (auto o : kOwn)
    if (n == o) return true;
  return false;
}

Ref<> ga_getattro(Value self, Value name) {
  if (alias_own_attr(str_view(name))) return generic_getattr(self, name);
  return getattr(self.as<GenericAlias>()->origin, name);
}

Ref<> ga_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  if (!kwnames.is_null() && tuple_size(kwnames) > 0) return err_set_str(g_TypeError, "GenericAlias() takes no keyword arguments");
  if (nargs != 2) return err_format(g_TypeError, "GenericAlias expected 2 arguments, got %zu", nargs);
  return generic_alias_make(t, args[0], args[1]);
}

Ref<> ga_get_origin(Value self) { return Ref<>::borrow(self.as<GenericAlias>()->origin); }
Ref<> ga_get_args(Value self) { return Ref<>::borrow(self.as<GenericAlias>()->args); }
Ref<> ga_get_parameters(Value self) { return Ref<>::borrow(self.as<GenericAlias>()->parameters); }
Ref<> ga_get_unpacked(Value) { return new_bool(false); }

Ref<> ga_mro_entries(Value self, Value*) { return tuple_pack({self.as<GenericAlias>()->origin}); }
// The index of `p` in `params` (by identity), or -1.
int64_t param_index(Value params, Value p) {
  for (int64_t i = 0; i < tuple_size(params); i++)
    if (tuple_item(params, i) == p) return i;
  return -1;
}

// `item` as a tuple of arguments, with unpacked tuple aliases (*tuple[int,
// str]) spliced in, as 3.11's _unpack_args.
Ref<> unpack_args(Value item) {
  if (!is_tuple(item)) return tuple_pack({item});
  std::vector<Value> out;
  std::vector<Ref<>> keep;
  for (int64_t i = 0; i < tuple_size(item); i++) {
    Value a = tuple_item(item, i);
    if (!is_type_object(a)) {
      Ref<> sub = getattr_opt(a, str_intern("__typing_unpacked_tuple_args__"));
      if (!sub && err_occurred()) return nullptr;
      if (sub && is_tuple(sub.val())) {
        for (int64_t j = 0; j < tuple_size(sub.val()); j++) out.push_back(tuple_item(sub.val(), j));
        keep.push_back(std::move(sub));
        continue;
      }
    }
    out.push_back(a);
  }
  return tuple_from_array(out.data(), static_cast<int64_t>(out.size()));
}

// True for *Ts (an unpacked TypeVarTuple), whose substitution is spliced.
int is_unpacked_typevartuple(Value a) {
  if (is_type_object(a)) return 0;
  Ref<> v = getattr_opt(a, str_intern("__typing_is_unpacked_typevartuple__"));
  if (!v) return err_occurred() ? -1 : 0;
  return truthy(v.val());
}

// `arg` with the parameters it contains replaced (3.11's subs_tvars): an
// alias or typing construct is subscripted with the values of its own
// __parameters__.
Ref<> subs_tvars(Value arg, Value params, Value items) {
  Ref<> sub = getattr_opt(arg, str_intern("__parameters__"));
  if (!sub) return err_occurred() ? nullptr : Ref<>::borrow(arg);
  if (!is_tuple(sub.val()) || tuple_size(sub.val()) == 0) return Ref<>::borrow(arg);
  std::vector<Value> subargs;
  for (int64_t i = 0; i < tuple_size(sub.val()); i++) {
    Value p = tuple_item(sub.val(), i);
    int64_t k = param_index(params, p);
    if (k < 0) {
      subargs.push_back(p);
      continue;
    }
    Value v = tuple_item(items, k);
    if (type_of(tuple_item(params, k))->tp_iter && is_tuple(v)) {  // a TypeVarTuple's values
      for (int64_t j = 0; j < tuple_size(v); j++) subargs.push_back(tuple_item(v, j));
      continue;
    }
    subargs.push_back(v);
  }
  Ref<> key = subargs.size() == 1 ? Ref<>::borrow(subargs[0])
                                  : Ref<>(tuple_from_array(subargs.data(), static_cast<int64_t>(subargs.size())));
  if (!key) return nullptr;
  return getitem(arg, key.val());
}

}  // namespace

Ref<> generic_subs_parameters(Value self, Value args, Value params, Value item) {
  int64_t nparams = tuple_size(params);
  if (nparams == 0) return err_format(g_TypeError, "%s is not a generic class", repr_utf8(self).c_str());
  Ref<> items = unpack_args(item);
  if (!items) return nullptr;
  for (int64_t i = 0; i < nparams; i++) {
    Ref<> prepare = getattr_opt(tuple_item(params, i), str_intern("__typing_prepare_subst__"));
    if (!prepare) {
      if (err_occurred()) return nullptr;
      continue;
    }
    if (is_none(prepare.val())) continue;
    Value a[2] = {self, items.val()};
    Ref<> r = call(prepare.val(), a, 2);
    if (!r) return nullptr;
    if (!is_tuple(r.val())) return err_set_str(g_TypeError, "__typing_prepare_subst__ must return a tuple");
    items = std::move(r);
  }
  int64_t nitems = tuple_size(items.val());
  if (nitems != nparams)
    return err_format(g_TypeError, "Too %s arguments for %s; actual %lld, expected %lld",
                      nitems > nparams ? "many" : "few", repr_utf8(self).c_str(), static_cast<long long>(nitems),
                      static_cast<long long>(nparams));
  std::vector<Ref<>> out;
  for (int64_t i = 0; i < tuple_size(args); i++) {
    Value a = tuple_item(args, i);
    if (is_type_object(a)) {
      out.push_back(Ref<>::borrow(a));
      continue;
    }
    int unpack = is_unpacked_typevartuple(a);
    if (unpack < 0) return nullptr;
    Ref<> subst = getattr_opt(a, str_intern("__typing_subst__"));
    if (!subst && err_occurred()) return nullptr;
    Ref<> r;
    if (subst) {
      int64_t k = param_index(params, a);
      if (k < 0) return err_set_str(g_TypeError, "type variable not among the alias's parameters");
      r = call1(subst.val(), tuple_item(items.val(), k));
    } else {
      r = subs_tvars(a, params, items.val());
    }
    if (!r) return nullptr;
    if (unpack && is_tuple(r.val())) {
      for (int64_t j = 0; j < tuple_size(r.val()); j++) out.push_back(Ref<>::borrow(tuple_item(r.val(), j)));
    } else {
      out.push_back(std::move(r));
    }
  }
  std::vector<Value> raw;
  for (auto& r : out) raw.push_back(r.val());
  return tuple_from_array(raw.data(), static_cast<int64_t>(raw.size()));
}

namespace {

// alias[item]: substitutes the alias's type variables (3.11's
// _Py_subs_parameters): Pair = tuple[T, T]; Pair[int] is tuple[int, int].
Ref<> ga_subscript(Value self, Value item) {
  auto* g = self.as<GenericAlias>();
  Ref<> newargs = generic_subs_parameters(self, g->args, g->parameters, item);
  if (!newargs) return nullptr;
  return generic_alias_new(g->origin, newargs.val());
}

Ref<> ga_reduce(Value self, Value*) {
  auto* g = self.as<GenericAlias>();
  Ref<> a = tuple_pack({g->origin, g->args});
  if (!a) return nullptr;
  return tuple_pack({Value(type_of(self)), a.val()});
}
Ref<> ga_instancecheck(Value self, Value*) {
  return err_set_str(g_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}
Ref<> ga_subclasscheck(Value self, Value*) {
  return err_set_str(g_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

const MethodDef kGaMethods[] = {
    {"__mro_entries__($self, bases, /)", ga_mro_entries, nullptr},
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
  t->nb_binary[kOpOr] = type_or_slot;  // list[int] | None, list[int] | set[str]
  t->tp_richcompare = ga_richcompare;
  t->tp_hash = ga_hash;
  t->tp_call = ga_call;
  t->tp_getattro = ga_getattro;
  t->mp_subscript = ga_subscript;
  t->tp_new = ga_new;
  t->methods = kGaMethods;
  t->getsets = kGaGetSets;
  t->doc = "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).";
  type_ready(t);
}

}  // namespace ftpy
