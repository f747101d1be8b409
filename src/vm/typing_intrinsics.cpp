// PEP 695 type parameters and type aliases: the objects that `def f[T]()`,
// `class C[T]` and `type X = ...` create (typing.TypeVar, ParamSpec,
// TypeVarTuple, TypeAliasType, Generic, NoDefault) and the CALL_INTRINSIC
// operands that build them.
//
// Bounds, constraints, defaults and alias values are evaluated lazily (on
// first attribute access), as in 3.12+, so they may refer to names defined
// later.
//
// Thread safety: a parameter or alias is immutable except for its lazily
// computed caches. Each cache is read and filled under the object's critical
// section; the evaluation itself runs outside it (it is arbitrary Python
// code), and when two threads race, the first stored result wins.
#include "vm/typing_intrinsics.h"

#include <mutex>
#include <string>

#include "compile/opcodes.h"
#include "objects/errors.h"
#include "objects/generic_alias.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"

namespace ftpy {

namespace {

Type g_typevar_type, g_paramspec_type, g_typevartuple_type, g_typealias_type, g_generic_type, g_nodefault_type;
Object g_nodefault;  // typing.NoDefault: "this parameter has no default"

struct TypeParam : Object {
  Value name;            // str
  Value bound_fn;        // lazily evaluated bound or constraints tuple, or null
  Value bound;           // cache of bound_fn() or null
  Value default_fn;      // lazily evaluated default, or null
  Value default_value;   // cache of default_fn() or null
  bool has_constraints;  // bound_fn computes __constraints__, not __bound__
};

struct TypeAlias : Object {
  Value name;         // str
  Value type_params;  // tuple
  Value compute;      // function computing __value__
  Value value;        // cache of compute() or null
};

TypeParam* TP(Value v) { return v.as<TypeParam>(); }
TypeAlias* TA(Value v) { return v.as<TypeAlias>(); }

void tp_dealloc(Object* o) {
  auto* p = static_cast<TypeParam*>(o);
  for (Value v : {p->name, p->bound_fn, p->bound, p->default_fn, p->default_value}) decref(v);
  free_object(o);
}
void tp_traverse(Object* o, VisitFn visit, void* arg) {
  auto* p = static_cast<TypeParam*>(o);
  for (Value v : {p->name, p->bound_fn, p->bound, p->default_fn, p->default_value}) visit(v, arg);
}
void ta_dealloc(Object* o) {
  auto* a = static_cast<TypeAlias*>(o);
  for (Value v : {a->name, a->type_params, a->compute, a->value}) decref(v);
  free_object(o);
}
void ta_traverse(Object* o, VisitFn visit, void* arg) {
  auto* a = static_cast<TypeAlias*>(o);
  for (Value v : {a->name, a->type_params, a->compute, a->value}) visit(v, arg);
}

// The cached result of `fn` (held in `cache`), computing it on first use.
Ref<> lazy_value(Value self, Value* fn, Value* cache) {
  Ref<> f;
  {
    CriticalSection cs(self);
    if (!cache->is_null()) return Ref<>::borrow(*cache);
    f = Ref<>::borrow(*fn);
  }
  Ref<> v = call0(f.val());  // safepoint: runs Python code
  if (!v) return nullptr;
  CriticalSection cs(self);
  if (cache->is_null()) *cache = Ref<>(v).release();
  return Ref<>::borrow(*cache);
}

Ref<> param_new(Type* t, Value name) {
  auto* p = alloc_object<TypeParam>(t);
  if (!p) return nullptr;
  p->name = Ref<>::borrow(name).release();
  return Ref<>::steal(Value(p));
}

// Parameters made by the syntax infer their variance, so their repr has no
// ~, + or - prefix.
Ref<> tp_repr(Value self) { return Ref<>::borrow(TP(self)->name); }

Ref<> tp_get_name(Value self) { return Ref<>::borrow(TP(self)->name); }
Ref<> tp_get_bound(Value self) {
  TypeParam* p = TP(self);
  if (p->bound_fn.is_null() || p->has_constraints) return Ref<>::steal(none());
  return lazy_value(self, &p->bound_fn, &p->bound);
}
Ref<> tp_get_constraints(Value self) {
  TypeParam* p = TP(self);
  if (p->bound_fn.is_null() || !p->has_constraints) return empty_tuple();
  return lazy_value(self, &p->bound_fn, &p->bound);
}
Ref<> tp_get_default(Value self) {
  TypeParam* p = TP(self);
  if (p->default_fn.is_null()) return Ref<>::borrow(Value(&g_nodefault));
  return lazy_value(self, &p->default_fn, &p->default_value);
}
Ref<> tp_get_false(Value) { return new_bool(false); }
Ref<> tp_get_true(Value) { return new_bool(true); }
Ref<> tp_has_default(Value self, Value*) { return new_bool(!TP(self)->default_fn.is_null()); }
Ref<> tp_reduce(Value self, Value*) { return Ref<>::borrow(TP(self)->name); }
const GetSetDef kTypeVarGetSets[] = {
    {"__name__", tp_get_name, nullptr, nullptr},
    {"__bound__", tp_get_bound, nullptr, nullptr},
    {"__constraints__", tp_get_constraints, nullptr, nullptr},
    {"__default__", tp_get_default, nullptr, nullptr},
    {"__covariant__", tp_get_false, nullptr, nullptr},
    {"__contravariant__", tp_get_false, nullptr, nullptr},
    {"__infer_variance__", tp_get_true, nullptr, nullptr},
    {nullptr}};
const GetSetDef kTypeVarTupleGetSets[] = {
    {"__name__", tp_get_name, nullptr, nullptr},
    {"__default__", tp_get_default, nullptr, nullptr},
    {nullptr}};
const MethodDef kTypeParamMethods[] = {
    {"has_default($self, /)", tp_has_default, nullptr},
    {"__reduce__($self, /)", tp_reduce, nullptr},
    {nullptr}};

Ref<> ta_repr(Value self) { return Ref<>::borrow(TA(self)->name); }
Ref<> ta_get_name(Value self) { return Ref<>::borrow(TA(self)->name); }
Ref<> ta_get_type_params(Value self) { return Ref<>::borrow(TA(self)->type_params); }
Ref<> ta_get_value(Value self) { return lazy_value(self, &TA(self)->compute, &TA(self)->value); }
Ref<> ta_get_module(Value self) { return getattr(TA(self)->compute, "__module__"); }
Ref<> ta_getitem(Value self, Value key) {
  if (tuple_size(TA(self)->type_params) == 0) return err_set_str(g_TypeError, "Only generic type aliases are subscriptable");
  return generic_alias_new(self, key);
}
Ref<> ta_reduce(Value self, Value*) { return Ref<>::borrow(TA(self)->name); }

const GetSetDef kTypeAliasGetSets[] = {
    {"__name__", ta_get_name, nullptr, nullptr},
    {"__type_params__", ta_get_type_params, nullptr, nullptr},
    {"__value__", ta_get_value, nullptr, nullptr},
    {"__module__", ta_get_module, nullptr, nullptr},
    {nullptr}};
const MethodDef kTypeAliasMethods[] = {{"__reduce__($self, /)", ta_reduce, nullptr}, {nullptr}};

// Generic[T, U]: the base PEP 695 classes get; subscripting it only records
// the parameters (GenericAlias.__mro_entries__ turns it back into Generic).
Ref<> generic_class_getitem(Value cls, Value* args) { return generic_alias_new(cls, args[0]); }
const MethodDef kGenericMethods[] = {
    {"__class_getitem__($type, params, /)", generic_class_getitem, nullptr, kMethClass}, {nullptr}};

Ref<> nodefault_repr(Value) { return str_from_ascii("typing.NoDefault"); }

void ready_param_type(Type* t, const char* name, const GetSetDef* getsets) {
  t->name = name;
  t->basic_size = sizeof(TypeParam);
  t->flags = kTypeHasGc;
  t->tp_dealloc = tp_dealloc;
  t->tp_traverse = tp_traverse;
  t->tp_repr = tp_repr;
  t->getsets = getsets;
  t->methods = kTypeParamMethods;
  type_ready(t);
}

void typing_types_init() {
  static std::once_flag once;
  std::call_once(once, [] {
    ready_param_type(&g_typevar_type, "typing.TypeVar", kTypeVarGetSets);
    ready_param_type(&g_paramspec_type, "typing.ParamSpec", kTypeVarTupleGetSets);
    ready_param_type(&g_typevartuple_type, "typing.TypeVarTuple", kTypeVarTupleGetSets);
    Type* t = &g_typealias_type;
    t->name = "typing.TypeAliasType";
    t->basic_size = sizeof(TypeAlias);
    t->flags = kTypeHasGc;
    t->tp_dealloc = ta_dealloc;
    t->tp_traverse = ta_traverse;
    t->tp_repr = ta_repr;
    t->mp_subscript = ta_getitem;
    t->getsets = kTypeAliasGetSets;
    t->methods = kTypeAliasMethods;
    type_ready(t);
    t = &g_generic_type;
    t->name = "typing.Generic";
    t->basic_size = sizeof(Object);
    t->flags = kTypeBaseType;
    t->methods = kGenericMethods;
    t->doc = "Abstract base class for generic types.";
    type_ready(t);
    t = &g_nodefault_type;
    t->name = "NoDefaultType";
    t->basic_size = sizeof(Object);
    t->tp_repr = nodefault_repr;
    type_ready(t);
    g_nodefault.ob_type = t;
    make_immortal(&g_nodefault);
  });
}

}  // namespace

Ref<> typing_intrinsic1(uint32_t which, Value v) {
  typing_types_init();
  switch (which) {
    case kIntrinsicTypeVar: return param_new(&g_typevar_type, v);
    case kIntrinsicParamSpec: return param_new(&g_paramspec_type, v);
    case kIntrinsicTypeVarTuple: return param_new(&g_typevartuple_type, v);
    case kIntrinsicSubscriptGeneric: return generic_alias_new(Value(&g_generic_type), v);
    case kIntrinsicTypeAlias: {
      // v = (name, type_params or None, compute_value)
      auto* a = alloc_object<TypeAlias>(&g_typealias_type);
      if (!a) return nullptr;
      Ref<> r = Ref<>::steal(Value(a));
      Value params = tuple_item(v, 1);
      a->name = Ref<>::borrow(tuple_item(v, 0)).release();
      a->type_params = is_none(params) ? empty_tuple().release() : Ref<>::borrow(params).release();
      a->compute = Ref<>::borrow(tuple_item(v, 2)).release();
      return r;
    }
    default: return err_format(g_SystemError, "unknown intrinsic %u", which);
  }
}

Ref<> typing_intrinsic2(uint32_t which, Value a, Value b) {
  typing_types_init();
  switch (which) {
    case kIntrinsicTypeVarWithBound:
    case kIntrinsicTypeVarWithConstraints: {
      Ref<> p = param_new(&g_typevar_type, a);
      if (!p) return nullptr;
      TP(p.val())->bound_fn = Ref<>::borrow(b).release();
      TP(p.val())->has_constraints = which == kIntrinsicTypeVarWithConstraints;
      return p;
    }
    case kIntrinsicSetFunctionTypeParams:
      if (setattr(a, "__type_params__", b) < 0) return nullptr;
      return Ref<>::borrow(a);
    case kIntrinsicSetTypeParamDefault: {
      // Not yet published: the parameter was made by the previous intrinsic.
      TypeParam* p = TP(a);
      decref(p->default_fn);
      p->default_fn = Ref<>::borrow(b).release();
      return Ref<>::borrow(a);
    }
    default: return err_format(g_SystemError, "unknown intrinsic %u", which);
  }
}

}  // namespace ftpy
