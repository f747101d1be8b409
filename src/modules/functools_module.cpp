// The _functools module: reduce, partial (with 3.14 Placeholder support),
// Placeholder / _PlaceholderType, cmp_to_key and its KeyWrapper objects.
//
// Thread safety: KeyWrapper objects are immutable after construction. A
// partial's func/args/keywords change only in __setstate__ (unpickling), under
// the partial's critical section, with atomic stores; the values they replace
// are kept in the partial's `graveyard` list until it dies, so a call, which
// loads the fields lock-free and uses them borrowed for as long as it runs,
// never sees one freed (a call racing with __setstate__ may combine old and
// new fields; CPython's is no better). Other readers take owned copies under
// the section (PartialParts). The attribute __dict__
// slot is read lock-free and replaced by an exchange whose old dict is retired
// through QSBR, as an instance's (type.cpp). reduce keeps its accumulator on
// the C++ stack.
#include "modules/functools_module.h"

#include <string>
#include <vector>

#include "modules/module_args.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/weakref.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"
#include "runtime/qsbr.h"

namespace ftpy {

Type g_partial_type, g_placeholder_type, g_keywrapper_type;

namespace {

Object* g_placeholder = nullptr;  // the singleton (immortal)
inline bool is_placeholder(Value v) { return v.is_obj() && v.obj() == g_placeholder; }

// --- reduce ------------------------------------------------------------------------------------

Ref<> functools_reduce(Value, Value* a) {
  Value args = a[0], kwargs = a[1];
  int64_t n = tuple_size(args);
  Value initial;
  if (dict_size(kwargs) > 0) {
    Ref<> k, v;
    int64_t pos = 0;
    while (dict_next(kwargs, &pos, &k, &v)) {
      if (str_view(k.val()) != "initial" || n > 2) {
        if (str_view(k.val()) == "initial")
          return err_set_str(g_TypeError, "argument for reduce() given by name ('initial') and position (3)");
        return err_format(g_TypeError, "reduce() got an unexpected keyword argument '%s'",
                          std::string(str_view(k.val())).c_str());
      }
      initial = v.val();
    }
  }
  if (n < 2) return err_format(g_TypeError, "reduce expected at least 2 arguments, got %lld", static_cast<long long>(n));
  if (n > 3) return err_format(g_TypeError, "reduce expected at most 3 arguments, got %lld", static_cast<long long>(n));
  if (n == 3) initial = tuple_item(args, 2);
  Value func = tuple_item(args, 0);
  Ref<> it = get_iter(tuple_item(args, 1));
  if (!it) {
    if (err_matches(g_TypeError)) {
      err_clear();
      return err_set_str(g_TypeError, "reduce() arg 2 must support iteration");
    }
    return nullptr;
  }
  Ref<> acc = initial ? Ref<>::borrow(initial) : Ref<>();
  for (;;) {
    Ref<> item = iter_next(it.val());
    if (!item) {
      if (err_occurred()) return nullptr;
      break;
    }
    if (!acc) {
      acc = std::move(item);
      continue;
    }
    acc = call2(func, acc.val(), item.val());
    if (!acc) return nullptr;
  }
  if (!acc) return err_set_str(g_TypeError, "reduce() of empty iterable with no initial value");
  return acc;
}

// --- Placeholder -------------------------------------------------------------------------------

Ref<> placeholder_tp_new(Type*, const Value*, size_t nargs, Value kwnames) {
  if (nargs || (!kwnames.is_null() && tuple_size(kwnames)))
    return err_set_str(g_TypeError, "_PlaceholderType takes no arguments");
  return Ref<>::borrow(Value(g_placeholder));
}
Ref<> placeholder_repr(Value) { return str_from_ascii("Placeholder"); }
Ref<> placeholder_reduce(Value, Value*) { return str_from_ascii("Placeholder"); }
const MethodDef kPlaceholderMethods[] = {{"__reduce__($self, /)", placeholder_reduce, nullptr}, {nullptr}};

// --- partial -----------------------------------------------------------------------------------

struct Partial : Object {
  Value func;      // owned
  Value args;      // owned tuple (may contain Placeholder, never last)
  Value kw;        // owned dict
  Value dict;      // owned instance __dict__ or null
  Value weakreflist;
  int64_t phcount; // Placeholders in args
  Value graveyard; // owned list of the values __setstate__ replaced, or null
};

// The fields a call or a reader uses, owned, read as one consistent set.
struct PartialParts {
  Ref<> func, args, kw;
  int64_t phcount;
  explicit PartialParts(Partial* p) {
    CriticalSection cs(p);
    func = Ref<>::borrow(p->func);
    args = Ref<>::borrow(p->args);
    kw = Ref<>::borrow(p->kw);
    phcount = p->phcount;
  }
};

int64_t count_placeholders(Value args) {
  int64_t c = 0;
  for (int64_t i = 0; i < tuple_size(args); i++)
    if (is_placeholder(tuple_item(args, i))) c++;
  return c;
}

Ref<> partial_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (nargs < 1) return err_format(g_TypeError, "type '%s' takes at least one argument", type_name(type));
  Value func = args[0];
  if (callable(func) <= 0) return err_set_str(g_TypeError, "the first argument must be callable");
  if (nargs > 1 && is_placeholder(args[nargs - 1])) return err_set_str(g_TypeError, "trailing Placeholders are not allowed");
  int64_t nk = kwnames.is_null() ? 0 : tuple_size(kwnames);
  for (int64_t k = 0; k < nk; k++)
    if (is_placeholder(args[nargs + k]))
      return err_set_str(g_TypeError, "Placeholder cannot be passed as a keyword argument");

  std::vector<Value> merged;  // borrowed
  Ref<Dict> kw = dict_new();
  if (!kw) return nullptr;
  Ref<> inner_args, inner_func;
  // Flatten partial(partial(f, ...), ...) when the inner one is a plain partial without attributes.
  if (type_of(func) == &g_partial_type && type_of(func)->tp_call == g_partial_type.tp_call &&
      (!func.as<Partial>()->dict || dict_size(func.as<Partial>()->dict) == 0)) {
    PartialParts inner(func.as<Partial>());
    inner_args = inner.args;
    if (dict_merge(kw.val(), inner.kw.val(), true) < 0) return nullptr;
    size_t next = 1;
    for (int64_t i = 0; i < tuple_size(inner_args.val()); i++) {
      Value v = tuple_item(inner_args.val(), i);
      if (is_placeholder(v) && next < nargs) v = args[next++];
      merged.push_back(v);
    }
    for (; next < nargs; next++) merged.push_back(args[next]);
    inner_func = inner.func;
    func = inner_func.val();
  } else {
    for (size_t i = 1; i < nargs; i++) merged.push_back(args[i]);
  }
  for (int64_t k = 0; k < nk; k++)
    if (dict_set_item(kw.val(), tuple_item(kwnames, k), args[nargs + k]) < 0) return nullptr;
  Ref<Tuple> targs = tuple_from_array(merged.data(), static_cast<int64_t>(merged.size()));
  if (!targs) return nullptr;
  auto* p = alloc_object<Partial>(type, type->basic_size);
  if (!p) return nullptr;
  p->func = Ref<>::borrow(func).release();
  p->phcount = count_placeholders(targs.val());
  p->args = targs.release();
  p->kw = kw.release();
  return Ref<>::steal(Value(p));
}

void partial_dealloc(Object* o) {
  auto* p = static_cast<Partial*>(o);
  if (o->ob_type == &g_partial_type) weakref_clear_all(o);
  decref(p->func);
  decref(p->args);
  decref(p->kw);
  decref(p->dict);
  decref(p->graveyard);
  free_object(o);
}

void partial_traverse(Object* o, VisitFn visit, void* arg) {
  auto* p = static_cast<Partial*>(o);
  for (Value v : {p->func, p->args, p->kw, p->dict, p->graveyard})
    if (v) visit(v, arg);
}

// The fields a call uses, loaded lock-free and borrowed (see the top).
struct PartialView {
  explicit PartialView(Partial* p)
      : f(std::atomic_ref<Value>(p->func).load(std::memory_order_acquire)),
        a(std::atomic_ref<Value>(p->args).load(std::memory_order_acquire)),
        k(std::atomic_ref<Value>(p->kw).load(std::memory_order_acquire)),
        phcount(std::atomic_ref<int64_t>(p->phcount).load(std::memory_order_relaxed)) {}
  Value f, a, k;
  int64_t phcount;
};

Ref<> partial_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  PartialView p(self.as<Partial>());
  int64_t np = tuple_size(p.a);
  if (static_cast<int64_t>(nargs) < p.phcount)
    return err_format(g_TypeError, "missing positional arguments in 'partial' call; expected at least %lld, got %zu",
                      static_cast<long long>(p.phcount), nargs);
  std::vector<Value> all;
  all.reserve(static_cast<size_t>(np) + nargs);
  size_t next = 0;
  for (int64_t i = 0; i < np; i++) {
    Value v = tuple_item(p.a, i);
    all.push_back(is_placeholder(v) ? args[next++] : v);
  }
  for (; next < nargs; next++) all.push_back(args[next]);
  int64_t nk = kwnames.is_null() ? 0 : tuple_size(kwnames);
  if (dict_size(p.k) == 0) {
    for (int64_t k = 0; k < nk; k++) all.push_back(args[nargs + k]);
    return call(p.f, all.data(), all.size() - static_cast<size_t>(nk), nk ? kwnames : Value());
  }
  Ref<Dict> kw = dict_copy(p.k);
  if (!kw) return nullptr;
  for (int64_t k = 0; k < nk; k++)
    if (dict_set_item(kw.val(), tuple_item(kwnames, k), args[nargs + k]) < 0) return nullptr;
  Ref<Tuple> t = tuple_from_array(all.data(), static_cast<int64_t>(all.size()));
  if (!t) return nullptr;
  return call_tuple_dict(p.f, t.val(), kw.val());
}

Ref<> partial_repr(Value self) {
  PartialParts parts(self.as<Partial>());
  auto* p = &parts;
  Type* t = type_of(self);
  std::string s;
  if (t == &g_partial_type) {
    s = "functools.partial";
  } else {
    Ref<> mod = getattr(Value(t), Value(ids::__module__));
    Ref<> qn = getattr(Value(t), Value(ids::__qualname__));
    if (!mod || !qn) return nullptr;
    Ref<> ms = str(mod.val()), qs = str(qn.val());
    if (!ms || !qs) return nullptr;
    s = std::string(str_view(ms.val())) + "." + std::string(str_view(qs.val()));
  }
  if (!repr_enter(self)) return str_from_ascii("...");
  s += "(";
  bool ok = append_repr(s, p->func.val());
  for (int64_t i = 0; ok && i < tuple_size(p->args.val()); i++) {
    s += ", ";
    ok = append_repr(s, tuple_item(p->args.val(), i));
  }
  int64_t pos = 0;
  Ref<> k, v;
  while (ok && dict_next(p->kw.val(), &pos, &k, &v)) {
    s += ", ";
    Ref<> ks = str(k.val());
    if (!ks) {
      ok = false;
      break;
    }
    s += str_view(ks.val());
    s += "=";
    ok = append_repr(s, v.val());
  }
  repr_leave(self);
  if (!ok) return nullptr;
  s += ")";
  return str_result(s);
}

Ref<> partial_get_func(Value self) { return PartialParts(self.as<Partial>()).func; }
Ref<> partial_get_args(Value self) { return PartialParts(self.as<Partial>()).args; }
Ref<> partial_get_keywords(Value self) { return PartialParts(self.as<Partial>()).kw; }
Ref<> partial_get_dict(Value self) {
  // As instance_get_dict (type.cpp): created lazily by a CAS, since two
  // threads may ask at once, and loaded atomically, since it may be replaced.
  std::atomic_ref<Value> slot(*instance_dict_slot(self));
  if (slot.load(std::memory_order_acquire).is_null()) {
    Ref<Dict> d = dict_new();
    if (!d) return nullptr;
    Value expected;
    if (slot.compare_exchange_strong(expected, d.val(), std::memory_order_acq_rel)) (void)d.release();
  }
  return Ref<>::borrow(slot.load(std::memory_order_acquire));
}

Ref<> class_getitem(Value cls, Value* args) {
  Value cg = type_lookup(&g_list_type, Value(ids::__class_getitem__));
  if (!cg) return Ref<>::borrow(cls);
  Ref<> probe = call_method(Value(&g_list_type), Value(ids::__class_getitem__), args, 1);
  if (!probe) return nullptr;
  Value ctor_args[2] = {cls, args[0]};
  return call(Value(type_of(probe.val())), ctor_args, 2);
}

// (type, (func,), (func, args, keywords, __dict__ or None)), as CPython.
Ref<> partial_reduce(Value self, Value*) {
  PartialParts p(self.as<Partial>());
  Value d = std::atomic_ref<Value>(*instance_dict_slot(self)).load(std::memory_order_acquire);
  Ref<> dict = d.is_null() ? Ref<>::steal(none()) : Ref<>::borrow(d);  // before any safepoint
  Ref<> fargs = tuple_pack({p.func.val()});
  Ref<> state = fargs ? tuple_pack({p.func.val(), p.args.val(), p.kw.val(), dict.val()}) : Ref<>();
  if (!state) return nullptr;
  return tuple_pack({Value(type_of(self)), fargs.val(), state.val()});
}

Ref<> partial_setstate(Value self, Value* a) {
  Value state = a[0];
  if (!is_tuple(state) || tuple_size(state) != 4) return err_set_str(g_TypeError, "invalid partial state");
  Value fn = tuple_item(state, 0), fnargs = tuple_item(state, 1), kw = tuple_item(state, 2),
        dict = tuple_item(state, 3);
  if (callable(fn) <= 0 || !is_tuple(fnargs) || (!is_none(kw) && !is_dict(kw)))
    return err_set_str(g_TypeError, "invalid partial state");
  if (tuple_size(fnargs) > 0 && is_placeholder(tuple_item(fnargs, tuple_size(fnargs) - 1)))
    return err_set_str(g_TypeError, "trailing Placeholders are not allowed");
  Ref<> new_args = type_of(fnargs) == &g_tuple_type ? Ref<>::borrow(fnargs) : sequence_tuple(fnargs);
  if (!new_args) return nullptr;
  Ref<> new_kw;
  if (is_none(kw)) new_kw = dict_new();
  else if (type_of(kw) == &g_dict_type) new_kw = Ref<>::borrow(kw);
  else new_kw = dict_copy(kw);
  if (!new_kw) return nullptr;
  if (!is_none(dict) && !is_dict(dict))
    return err_format(g_TypeError, "__dict__ must be set to a dictionary, not a '%s'", type_name(type_of(dict)));
  {
    auto* p = self.as<Partial>();
    CriticalSection cs(p);
    if (!p->graveyard) {
      Ref<> g = list_new();
      if (!g) return nullptr;
      p->graveyard = g.release();
    }
    // The old values go to the graveyard: a call on another thread may be
    // using them borrowed (see the top of the file).
    for (Value old : {p->func, p->args, p->kw})
      if (list_append(p->graveyard, old) < 0) return nullptr;
    Value olds[3] = {p->func, p->args, p->kw};
    std::atomic_ref<int64_t>(p->phcount).store(count_placeholders(new_args.val()), std::memory_order_relaxed);
    std::atomic_ref<Value>(p->func).store(Ref<>::borrow(fn).release(), std::memory_order_release);
    std::atomic_ref<Value>(p->args).store(new_args.release(), std::memory_order_release);
    std::atomic_ref<Value>(p->kw).store(new_kw.release(), std::memory_order_release);
    for (Value old : olds) decref(old);  // the graveyard holds them
  }
  Value nd = is_none(dict) ? Value() : Ref<>::borrow(dict).release();
  Value old = std::atomic_ref<Value>(*instance_dict_slot(self)).exchange(nd, std::memory_order_acq_rel);
  qsbr_retire_value(old);
  return Ref<>::steal(none());
}

const MethodDef kPartialMethods[] = {{"__class_getitem__($type, item, /)", class_getitem, "See PEP 585", kMethClass},
                                     {"__reduce__($self, /)", partial_reduce, nullptr},
                                     {"__setstate__($self, state, /)", partial_setstate, nullptr},
                                     {nullptr}};
const GetSetDef kPartialGetSets[] = {
    {"func", partial_get_func, nullptr, "function object to use in future partial calls"},
    {"args", partial_get_args, nullptr, "tuple of arguments to future partial calls"},
    {"keywords", partial_get_keywords, nullptr, "dictionary of keyword arguments to future partial calls"},
    {"__dict__", partial_get_dict, nullptr, nullptr},
    {nullptr}};

// --- cmp_to_key --------------------------------------------------------------------------------

struct KeyWrapper : Object {
  Value cmp;  // owned
  Value obj;  // owned or null (the key function itself)
};

Ref<> keywrapper_make(Value cmp, Value obj) {
  auto* k = alloc_object<KeyWrapper>(&g_keywrapper_type);
  if (!k) return nullptr;
  k->cmp = Ref<>::borrow(cmp).release();
  if (obj) k->obj = Ref<>::borrow(obj).release();
  return Ref<>::steal(Value(k));
}

void keywrapper_dealloc(Object* o) {
  auto* k = static_cast<KeyWrapper*>(o);
  decref(k->cmp);
  decref(k->obj);
  free_object(o);
}
void keywrapper_traverse(Object* o, VisitFn visit, void* arg) {
  auto* k = static_cast<KeyWrapper*>(o);
  visit(k->cmp, arg);
  if (k->obj) visit(k->obj, arg);
}

Ref<> keywrapper_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("K(obj)", nullptr);
  Value a[1];
  Ref<> hold[2];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  return keywrapper_make(self.as<KeyWrapper>()->cmp, a[0]);
}

Ref<> keywrapper_richcompare(Value a, Value b, CompareOp op) {
  if (type_of(b) != &g_keywrapper_type) return err_set_str(g_TypeError, "other argument must be K instance");
  auto* ka = a.as<KeyWrapper>();
  auto* kb = b.as<KeyWrapper>();
  if (!ka->obj || !kb->obj) return err_set_str(g_AttributeError, "object");
  Ref<> res = call2(ka->cmp, ka->obj, kb->obj);
  if (!res) return nullptr;
  return richcompare(res.val(), Value::small(0), op);
}

Ref<> keywrapper_get_obj(Value self) {
  auto* k = self.as<KeyWrapper>();
  if (!k->obj) return err_set_str(g_AttributeError, "obj");
  return Ref<>::borrow(k->obj);
}
int keywrapper_set_obj(Value self, Value v) {
  auto* k = self.as<KeyWrapper>();
  if (v) incref(v);
  Value old = k->obj;
  k->obj = v;
  decref(old);
  return 0;
}
const GetSetDef kKeyWrapperGetSets[] = {{"obj", keywrapper_get_obj, keywrapper_set_obj, "Value wrapped by a key function."},
                                        {nullptr}};

Ref<> functools_cmp_to_key(Value, Value* args) { return keywrapper_make(args[0], Value()); }

const MethodDef kFunctoolsFunctions[] = {
    {"reduce(*args, **kwargs)", functools_reduce,
     "reduce(function, iterable[, initial], /) -> value\n\nApply a function of two arguments cumulatively to the "
     "items of an iterable, from left to right."},
    {"cmp_to_key(mycmp)", functools_cmp_to_key, "Convert a cmp= function into a key= function."},
    {nullptr}};

}  // namespace

void functools_types_init() {
  static bool done = false;
  if (done) return;
  done = true;
  Type* t = &g_partial_type;
  t->name = "functools.partial";
  t->basic_size = sizeof(Partial);
  t->flags = kTypeBaseType | kTypeHasGc;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
  t->dict_offset = static_cast<int32_t>(offsetof(Partial, dict));
  t->weaklist_offset = static_cast<int32_t>(offsetof(Partial, weakreflist));
#pragma GCC diagnostic pop
  t->tp_dealloc = partial_dealloc;
  t->tp_traverse = partial_traverse;
  t->tp_new = partial_tp_new;
  t->tp_call = partial_call;
  t->tp_repr = partial_repr;
  t->methods = kPartialMethods;
  t->getsets = kPartialGetSets;
  t->doc = "Create a new function with partial application of the given arguments\nand keywords.";
  t->ob_type = &g_type_type;
  type_ready(t);

  t = &g_placeholder_type;
  t->name = "functools._PlaceholderType";
  t->basic_size = sizeof(Object);
  t->tp_new = placeholder_tp_new;
  t->tp_repr = placeholder_repr;
  t->methods = kPlaceholderMethods;
  t->doc = "The type of the Placeholder singleton.\n\nUsed as a placeholder for partial arguments.";
  t->ob_type = &g_type_type;
  type_ready(t);
  g_placeholder = alloc_object<Object>(&g_placeholder_type);
  make_immortal(g_placeholder);

  t = &g_keywrapper_type;
  t->name = "functools.KeyWrapper";
  t->basic_size = sizeof(KeyWrapper);
  t->flags = kTypeHasGc;
  t->tp_dealloc = keywrapper_dealloc;
  t->tp_traverse = keywrapper_traverse;
  t->tp_call = keywrapper_call;
  t->tp_richcompare = keywrapper_richcompare;
  t->getsets = kKeyWrapperGetSets;
  t->ob_type = &g_type_type;
  type_ready(t);
}

Ref<> functools_module_create() {
  functools_types_init();
  Ref<> m = module_new("_functools");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kFunctoolsFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  if (dict_set_item_str(d, "partial", Value(static_cast<Object*>(&g_partial_type))) < 0) return nullptr;
  if (dict_set_item_str(d, "_PlaceholderType", Value(static_cast<Object*>(&g_placeholder_type))) < 0) return nullptr;
  if (dict_set_item_str(d, "Placeholder", Value(g_placeholder)) < 0) return nullptr;
  if (dict_set_item_str(d, "KeyWrapper", Value(static_cast<Object*>(&g_keywrapper_type))) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
