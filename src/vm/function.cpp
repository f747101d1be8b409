// function, method (bound method) and cell types.
#include "vm/function.h"

#include <cstdio>
#include <string>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/ids.h"
#include "objects/weakref.h"
#include "objects/module.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"
#include "runtime/qsbr.h"
#include "vm/eval.h"

namespace ftpy {

Type g_function_type;
Type g_method_type;
Type g_cell_type;

namespace {

// Calls on other threads read __code__, __defaults__, ... with no reference
// of their own until their next safepoint (call.cpp binds arguments from
// them): the old value is retired, not released.
Value load_field(Value& field) { return std::atomic_ref<Value>(field).load(std::memory_order_acquire); }
void set_owned(Value& field, Value v) {
  Value old = std::atomic_ref<Value>(field).exchange(Ref<>::borrow(v).release(), std::memory_order_acq_rel);
  qsbr_retire_value(old);
}

void function_dealloc(Object* o) {
  auto* f = static_cast<Function*>(o);
  weakref_clear_all(o);
  for (Value* v : {&f->code, &f->globals, &f->builtins, &f->name, &f->qualname, &f->defaults, &f->kwdefaults,
                   &f->closure, &f->doc, &f->dict, &f->module, &f->annotations, &f->type_params, &f->former_codes})
    decref(*v);
  free_object(o);
}

void function_traverse(Object* o, VisitFn visit, void* arg) {
  auto* f = static_cast<Function*>(o);
  for (Value v : {f->code, f->globals, f->defaults, f->kwdefaults, f->closure, f->doc, f->dict, f->module,
                  f->annotations, f->type_params, f->former_codes})
    visit(v, arg);
}

// Cycle collector: drop what can lead back to the function. Code, globals and
// the closure stay, so a garbage generator's clean-up that calls the function
// still finds a consistent one (cycles through the closure break at the cell).
void function_clear(Object* o) {
  auto* f = static_cast<Function*>(o);
  for (Value* v : {&f->defaults, &f->kwdefaults, &f->dict, &f->annotations, &f->type_params}) {
    Value old = *v;
    *v = Value();
    decref(old);
  }
}

Ref<> function_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  return vm_call_function(callable.as<Function>(), args, nargs, kwnames);
}

Ref<> function_descr_get(Value self, Value obj, Value type) {
  if (obj.is_null()) return Ref<>::borrow(self);
  return method_new(self, obj);
}

Ref<> function_repr(Value self) {
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(self.obj()));
  return str_from_utf8("<function " + str_utf8(self.as<Function>()->qualname) + " at " + addr + ">");
}

#define FN_GETTER(field)                                               \
  Ref<> fn_get_##field(Value self) {                                   \
    Value v = load_field(self.as<Function>()->field);                  \
    return v.is_null() ? new_none() : Ref<>::borrow(v);                \
  }
FN_GETTER(defaults)
FN_GETTER(kwdefaults)
FN_GETTER(closure)
FN_GETTER(doc)
FN_GETTER(module)
FN_GETTER(globals)
FN_GETTER(builtins)
#undef FN_GETTER

Ref<> fn_get_code(Value self) { return Ref<>::borrow(load_field(self.as<Function>()->code)); }
int fn_set_code(Value self, Value v) {
  if (v.is_null() || !is_code(v)) {
    err_set_str(g_TypeError, "__code__ must be set to a code object");
    return -1;
  }
  auto* f = self.as<Function>();
  int32_t nfree = v.as<Code>()->nfrees;
  int32_t nclosure = f->closure.is_null() ? 0 : static_cast<int32_t>(tuple_size(f->closure));
  if (nfree != nclosure) {
    err_format(g_ValueError, "%s() requires a code object with %d free vars, not %d",
               str_view(f->name).data(), nclosure, nfree);
    return -1;
  }
  // Frames running the old code borrow it from this function (vm/frame.h):
  // it stays alive with the function. Each distinct code is kept once, so
  // switching between a few codes does not grow the list.
  CriticalSection cs(self);
  if (f->former_codes.is_null()) {
    Ref<List> l = list_new();
    if (!l) return -1;
    f->former_codes = l.release();
  }
  // Only setters write the field, and they hold the critical section; the
  // list is private to the function (its appends take their own lock).
  Value old = load_field(f->code);
  bool kept = false;
  for (int64_t i = 0, n = list_size(f->former_codes); i < n && !kept; i++)
    kept = list_items_locked(f->former_codes.as<List>())[i] == old;
  if (!kept && list_append(f->former_codes, old) < 0) return -1;
  std::atomic_ref<Value>(f->code).store(Ref<>::borrow(v).release(), std::memory_order_release);
  decref(old);  // former_codes holds it
  f->version++;
  return 0;
}
Ref<> fn_get_name(Value self) { return Ref<>::borrow(load_field(self.as<Function>()->name)); }
int fn_set_name(Value self, Value v) {
  if (v.is_null() || !is_str(v)) {
    err_set_str(g_TypeError, "__name__ must be set to a string object");
    return -1;
  }
  set_owned(self.as<Function>()->name, v);
  return 0;
}
Ref<> fn_get_qualname(Value self) { return Ref<>::borrow(load_field(self.as<Function>()->qualname)); }
int fn_set_qualname(Value self, Value v) {
  if (v.is_null() || !is_str(v)) {
    err_set_str(g_TypeError, "__qualname__ must be set to a string object");
    return -1;
  }
  set_owned(self.as<Function>()->qualname, v);
  return 0;
}
int fn_set_defaults(Value self, Value v) {
  if (!v.is_null() && !is_none(v) && !is_tuple(v)) {
    err_set_str(g_TypeError, "__defaults__ must be set to a tuple object");
    return -1;
  }
  auto* f = self.as<Function>();
  set_owned(f->defaults, (v.is_null() || is_none(v)) ? Value() : v);
  f->version++;
  return 0;
}
int fn_set_kwdefaults(Value self, Value v) {
  if (!v.is_null() && !is_none(v) && !is_dict(v)) {
    err_set_str(g_TypeError, "__kwdefaults__ must be set to a dict object");
    return -1;
  }
  auto* f = self.as<Function>();
  set_owned(f->kwdefaults, (v.is_null() || is_none(v)) ? Value() : v);
  f->version++;
  return 0;
}
int fn_set_doc(Value self, Value v) {
  set_owned(self.as<Function>()->doc, v.is_null() ? none() : v);
  return 0;
}
int fn_set_module(Value self, Value v) {
  set_owned(self.as<Function>()->module, v.is_null() ? none() : v);
  return 0;
}
Ref<> fn_get_annotations(Value self) {
  std::atomic_ref<Value> slot(self.as<Function>()->annotations);
  if (slot.load(std::memory_order_acquire).is_null()) {
    Ref<Dict> d = dict_new();
    if (!d) return nullptr;
    Value expected;  // another thread may create it first
    if (slot.compare_exchange_strong(expected, d.val(), std::memory_order_acq_rel)) (void)d.release();
  }
  return Ref<>::borrow(slot.load(std::memory_order_acquire));
}
int fn_set_annotations(Value self, Value v) {
  if (!v.is_null() && !is_none(v) && !is_dict(v)) {
    err_set_str(g_TypeError, "__annotations__ must be set to a dict object");
    return -1;
  }
  set_owned(self.as<Function>()->annotations, (v.is_null() || is_none(v)) ? Value() : v);
  return 0;
}
Ref<> fn_get_type_params(Value self) {
  Value v = load_field(self.as<Function>()->type_params);
  return v.is_null() ? Ref<>(empty_tuple()) : Ref<>::borrow(v);
}
int fn_set_type_params(Value self, Value v) {
  if (v.is_null() || !is_tuple(v)) {
    err_set_str(g_TypeError, "__type_params__ must be set to a tuple");
    return -1;
  }
  set_owned(self.as<Function>()->type_params, v);
  return 0;
}

const GetSetDef kFunctionGetSets[] = {
    {"__code__", fn_get_code, fn_set_code},
    {"__defaults__", fn_get_defaults, fn_set_defaults},
    {"__kwdefaults__", fn_get_kwdefaults, fn_set_kwdefaults},
    {"__closure__", fn_get_closure, nullptr},
    {"__doc__", fn_get_doc, fn_set_doc},
    {"__globals__", fn_get_globals, nullptr},
    {"__builtins__", fn_get_builtins, nullptr},
    {"__module__", fn_get_module, fn_set_module},
    {"__name__", fn_get_name, fn_set_name},
    {"__qualname__", fn_get_qualname, fn_set_qualname},
    {"__annotations__", fn_get_annotations, fn_set_annotations},
    {"__type_params__", fn_get_type_params, fn_set_type_params},
    {nullptr}};

// --- method ---------------------------------------------------------------------

void method_dealloc(Object* o) {
  auto* m = static_cast<Method*>(o);
  weakref_clear_all(o);
  decref(m->func);
  decref(m->self);
  free_object(o);
}
void method_traverse(Object* o, VisitFn visit, void* arg) {
  auto* m = static_cast<Method*>(o);
  visit(m->func, arg);
  visit(m->self, arg);
}

Ref<> method_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  auto* m = callable.as<Method>();
  size_t total = nargs + (kwnames.is_null() ? 0 : static_cast<size_t>(tuple_size(kwnames)));
  Value small[8];
  std::vector<Value> big;
  Value* all = small;
  if (total + 1 > 8) {
    big.resize(total + 1);
    all = big.data();
  }
  all[0] = m->self;
  for (size_t i = 0; i < total; i++) all[i + 1] = args[i];
  return call(m->func, all, nargs + 1, kwnames);
}

Ref<> method_repr(Value self) {
  auto* m = self.as<Method>();
  Ref<> name = getattr_opt(m->func, Value(ids::__qualname__));
  if (!name) name = getattr_opt(m->func, Value(ids::__name__));
  err_clear();
  std::string n = name && is_str(name.val()) ? std::string(str_view(name.val())) : "?";
  return str_from_utf8("<bound method " + n + " of " + repr_utf8(m->self) + ">");
}

Ref<> method_richcompare(Value a, Value b, CompareOp op) {
  if ((op != kEq && op != kNe) || !is_method(b)) return Ref<>::steal(not_implemented());
  auto* x = a.as<Method>();
  auto* y = b.as<Method>();
  int eq = richcompare_bool(x->func, y->func, kEq);
  if (eq < 0) return nullptr;
  bool r = eq && x->self == y->self;
  return new_bool(op == kEq ? r : !r);
}

int64_t method_hash(Value self) {
  auto* m = self.as<Method>();
  int64_t a = hash(m->func);
  if (a == -1) return -1;
  int64_t b = static_cast<int64_t>(m->self.bits() >> 4);
  int64_t h = a ^ b;
  return h == -1 ? -2 : h;
}

Ref<> method_getattro(Value self, Value name) {
  Ref<> r = generic_getattr(self, name);
  if (r || !err_matches(g_AttributeError)) return r;
  err_clear();
  return getattr(self.as<Method>()->func, name);
}

Ref<> method_get_func(Value self) { return Ref<>::borrow(self.as<Method>()->func); }
Ref<> method_get_self(Value self) { return Ref<>::borrow(self.as<Method>()->self); }
// The function's, as in CPython: without this the method type's own __doc__
// (None) would shadow it.
Ref<> method_get_doc(Value self) { return getattr(self.as<Method>()->func, Value(ids::__doc__)); }
const GetSetDef kMethodGetSets[] = {{"__func__", method_get_func, nullptr},
                                    {"__self__", method_get_self, nullptr},
                                    {"__doc__", method_get_doc, nullptr},
                                    {nullptr}};

Ref<> method_descr_get_impl(Value self, Value obj, Value type) { return Ref<>::borrow(self); }

// pickle and copy store a bound method by reference, as getattr(self,
// func.__name__), so the receiver is pickled and the method looked up again.
Ref<> method_reduce(Value self, Value*) { return reduce_as_getattr(self, "__self__"); }
const MethodDef kMethodMethods[] = {{"__reduce__($self, /)", method_reduce, nullptr}, {nullptr}};

// --- cell -------------------------------------------------------------------------

void cell_dealloc(Object* o) {
  decref(static_cast<Cell*>(o)->ref);
  free_object(o);
}
void cell_traverse(Object* o, VisitFn visit, void* arg) { visit(static_cast<Cell*>(o)->ref, arg); }
void cell_clear(Object* o) {
  auto* c = static_cast<Cell*>(o);
  Value old = c->ref;
  c->ref = Value();
  decref(old);
}
Ref<> cell_repr(Value self) {
  char addr[32], addr2[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(self.obj()));
  Value v = self.as<Cell>()->ref;
  if (v.is_null()) return str_from_utf8(std::string("<cell at ") + addr + ": empty>");
  std::snprintf(addr2, sizeof addr2, "%p", static_cast<void*>(v.obj()));
  return str_from_utf8(std::string("<cell at ") + addr + ": " + type_name(type_of(v)) + " object at " + addr2 + ">");
}
Ref<> cell_get_contents(Value self) {
  Value v = self.as<Cell>()->ref;
  if (v.is_null()) return err_set_str(g_ValueError, "Cell is empty");
  return Ref<>::borrow(v);
}
int cell_set_contents(Value self, Value v) {
  cell_set(self, v);
  return 0;
}
const GetSetDef kCellGetSets[] = {{"cell_contents", cell_get_contents, cell_set_contents}, {nullptr}};

Ref<> cell_richcompare(Value a, Value b, CompareOp op) {
  if (!is_cell(b)) return Ref<>::steal(not_implemented());
  Value x = a.as<Cell>()->ref, y = b.as<Cell>()->ref;
  if (!x.is_null() && !y.is_null()) return richcompare(x, y, op);
  int c = (x.is_null() ? 0 : 1) - (y.is_null() ? 0 : 1);
  bool r = op == kLt ? c < 0 : op == kLe ? c <= 0 : op == kEq ? c == 0 : op == kNe ? c != 0 : op == kGt ? c > 0 : c >= 0;
  return new_bool(r);
}

}  // namespace

Ref<> function_new(Value code, Value globals, Value qualname) {
  auto* f = alloc_object<Function>(&g_function_type);
  if (!f) return nullptr;
  Ref<> r = Ref<>::steal(Value(f));
  Code* c = code.as<Code>();
  f->code = Ref<>::borrow(code).release();
  f->globals = Ref<>::borrow(globals).release();
  Ref<> b;
  if (dict_get_item_str(globals, ids::__builtins__, &b) > 0) {
    if (is_module(b.val())) b = Ref<>::borrow(module_dict(b.val()));
  } else {
    b = Ref<>::borrow(current_builtins_dict());
  }
  f->builtins = b.release();
  f->name = Ref<>::borrow(c->name).release();
  f->qualname = Ref<>::borrow(qualname.is_null() ? c->qualname : qualname).release();
  // The docstring, if any, is the code's first constant (kCoHasDocstring).
  if ((c->flags & kCoHasDocstring) && tuple_size(c->consts) > 0)
    f->doc = Ref<>::borrow(tuple_item(c->consts, 0)).release();
  else
    f->doc = none();
  Ref<> modname;
  if (dict_get_item_str(globals, ids::__name__, &modname) > 0) f->module = modname.release();
  return r;
}

Ref<> method_new(Value func, Value self) {
  auto* m = alloc_object<Method>(&g_method_type);
  if (!m) return nullptr;
  m->func = Ref<>::borrow(func).release();
  m->self = Ref<>::borrow(self).release();
  return Ref<>::steal(Value(m));
}

Ref<> cell_new(Value contents) {
  auto* c = alloc_object<Cell>(&g_cell_type);
  if (!c) return nullptr;
  c->ref = Ref<>::borrow(contents).release();
  return Ref<>::steal(Value(c));
}

Value cell_get(Value cell) { return cell.as<Cell>()->ref; }

void cell_set(Value cell, Value v) {
  auto* c = cell.as<Cell>();
  Value old = c->ref;
  c->ref = Ref<>::borrow(v).release();
  decref(old);
}

namespace {

// function(code, globals, name=None, argdefs=None, closure=None, kwdefaults=None)
Ref<> function_tp_new(Type*, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature(
      "function(code, globals, name=None, argdefs=None, closure=None, kwdefaults=None)", nullptr);
  Value a[6];
  Ref<> holders[2];
  if (!native_bind(sig, args, nargs, kwnames, a, holders)) return nullptr;
  if (!is_code(a[0]))
    return err_format(g_TypeError, "function() argument 'code' must be code, not %s", type_name(type_of(a[0])));
  if (!is_dict(a[1]))
    return err_format(g_TypeError, "function() argument 'globals' must be dict, not %s", type_name(type_of(a[1])));
  Value name = a[2], defs = a[3], closure = a[4], kwdefs = a[5];
  if (!name.is_null() && !is_none(name) && !is_str(name))
    return err_set_str(g_TypeError, "arg 3 (name) must be None or string");
  if (!defs.is_null() && !is_none(defs) && !is_tuple(defs))
    return err_set_str(g_TypeError, "arg 4 (defaults) must be None or tuple");
  if (!kwdefs.is_null() && !is_none(kwdefs) && !is_dict(kwdefs))
    return err_set_str(g_TypeError, "arg 6 (kwdefaults) must be None or dict");
  Code* c = a[0].as<Code>();
  bool have_closure = !closure.is_null() && !is_none(closure);
  if (have_closure && !is_tuple(closure))
    return err_set_str(g_TypeError, "arg 5 (closure) must be tuple");
  int64_t nclosure = have_closure ? tuple_size(closure) : 0;
  if (c->nfrees > 0 && !have_closure) return err_set_str(g_TypeError, "arg 5 (closure) must be tuple");
  if (nclosure != c->nfrees)
    return err_format(g_ValueError, "%s requires closure of length %d, not %lld", str_utf8(c->name).c_str(),
                      c->nfrees, static_cast<long long>(nclosure));
  for (int64_t i = 0; i < nclosure; i++)
    if (!is_cell(tuple_item(closure, i)))
      return err_format(g_TypeError, "arg 5 (closure) expected cell, found %s",
                        type_name(type_of(tuple_item(closure, i))));
  Ref<> r = function_new(a[0], a[1], Value());
  if (!r) return nullptr;
  Function* f = r.val().as<Function>();
  // Not yet published: plain stores are enough.
  if (!name.is_null() && is_str(name)) {
    decref(f->name);
    f->name = Ref<>::borrow(name).release();
  }
  if (!defs.is_null() && is_tuple(defs)) f->defaults = Ref<>::borrow(defs).release();
  if (have_closure) f->closure = Ref<>::borrow(closure).release();
  if (!kwdefs.is_null() && is_dict(kwdefs)) f->kwdefaults = Ref<>::borrow(kwdefs).release();
  return r;
}

// method(function, instance)
Ref<> method_tp_new(Type*, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("method(function, instance, /)", nullptr);
  Value a[2];
  Ref<> holders[2];
  if (!native_bind(sig, args, nargs, kwnames, a, holders)) return nullptr;
  if (!callable(a[0])) return err_set_str(g_TypeError, "first argument must be callable");
  if (is_none(a[1])) return err_set_str(g_TypeError, "instance must not be None");
  return method_new(a[0], a[1]);
}

}  // namespace

void function_types_init() {
  Type* t = &g_function_type;
  t->name = "function";
  t->basic_size = sizeof(Function);
  t->flags = kTypeHasGc | kTypeMethodDescriptor;
  t->dict_offset = offsetof(Function, dict);
  t->weaklist_offset = offsetof(Function, weakreflist);
  t->tp_dealloc = function_dealloc;
  t->tp_traverse = function_traverse;
  t->tp_clear = function_clear;
  t->tp_call = function_call;
  t->tp_descr_get = function_descr_get;
  t->tp_repr = function_repr;
  t->getsets = kFunctionGetSets;
  t->tp_new = function_tp_new;
  type_ready(t);

  t = &g_method_type;
  t->name = "method";
  t->basic_size = sizeof(Method);
  t->weaklist_offset = offsetof(Method, weakreflist);
  t->flags = kTypeHasGc;
  t->tp_dealloc = method_dealloc;
  t->tp_traverse = method_traverse;
  t->tp_call = method_call;
  t->tp_repr = method_repr;
  t->tp_richcompare = method_richcompare;
  t->tp_hash = method_hash;
  t->tp_getattro = method_getattro;
  t->tp_descr_get = method_descr_get_impl;
  t->getsets = kMethodGetSets;
  t->methods = kMethodMethods;
  t->tp_new = method_tp_new;
  type_ready(t);

  t = &g_cell_type;
  t->name = "cell";
  t->basic_size = sizeof(Cell);
  t->flags = kTypeHasGc;
  t->tp_dealloc = cell_dealloc;
  t->tp_traverse = cell_traverse;
  t->tp_clear = cell_clear;
  t->tp_repr = cell_repr;
  t->tp_richcompare = cell_richcompare;
  t->getsets = kCellGetSets;
  type_ready(t);
}

}  // namespace ftpy
