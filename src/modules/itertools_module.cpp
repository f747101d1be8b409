// The itertools module: infinite iterators (count, cycle, repeat), iterators
// that terminate on the shortest input (accumulate, batched, chain, compress,
// dropwhile, filterfalse, groupby, islice, pairwise, starmap, takewhile, tee,
// zip_longest) and the module object. The combinatoric iterators live in
// itertools_combinatoric.cpp. Thread safety: see itertools_internal.h.
#include "modules/itertools_module.h"

#include <string>

#include "modules/itertools_internal.h"
#include "modules/module_args.h"
#include "objects/complex.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"
#include "runtime/interp.h"

namespace ftpy {

Type g_count_type, g_cycle_type, g_repeat_type, g_accumulate_type, g_batched_type, g_chain_type,
    g_compress_type, g_dropwhile_type, g_takewhile_type, g_filterfalse_type, g_groupby_type, g_grouper_type,
    g_islice_type, g_pairwise_type, g_starmap_type, g_tee_type, g_teedata_type, g_zip_longest_type;

Ref<> itertools_iter_self(Value self) { return Ref<>::borrow(self); }

void itertools_type_setup(Type* t, const char* name, size_t size, DeallocFn dealloc, TraverseFn traverse,
                          NewFn tp_new, UnaryFn next, const MethodDef* methods, UnaryFn repr_fn,
                          const char* doc) {
  t->name = name;
  t->basic_size = static_cast<uint32_t>(size);
  t->flags = kTypeHasGc | (tp_new ? static_cast<uint32_t>(kTypeBaseType) : 0u);
  t->tp_dealloc = dealloc;
  t->tp_traverse = traverse;
  t->tp_new = tp_new;
  t->tp_iter = itertools_iter_self;
  t->tp_iternext = next;
  t->tp_repr = repr_fn;
  t->methods = methods;
  t->doc = doc;
  t->ob_type = &g_type_type;
  type_ready(t);
}

namespace {

// Generic dealloc/traverse for structs that list their owned Values in
// for_each_field(f).
template <typename T>
void fields_dealloc(Object* o) {
  T* s = static_cast<T*>(o);
  s->for_each_field([](Value& v) { clear_field(v); });
  free_object(o);
}
template <typename T>
void fields_traverse(Object* o, VisitFn visit, void* arg) {
  static_cast<T*>(o)->for_each_field([&](Value& v) {
    if (v) visit(v, arg);
  });
}
#define ITER_FIELDS(...)                \
  template <typename F>                 \
  void for_each_field(F f) {            \
    for (Value* p : {__VA_ARGS__}) f(*p); \
  }

template <typename T>
T* alloc_iter(Type* t) {
  return alloc_object<T>(t, t->basic_size);
}

// next(it) distinguishing "exhausted" (null, no error) from errors.
inline bool exhausted_ok() { return !err_occurred(); }

// --- pickling ----------------------------------------------------------------------------------
// CPython 3.11 still pickles itertools objects (3.12 deprecates it, 3.14
// drops it); these __reduce__/__setstate__ methods give 3.11's forms. Each
// reads the fields under the iterator's critical section, so a reduce racing
// with next() on another thread sees one step's state, not a torn one.

const char kReduceDoc[] = "Return state information for pickling.";
const char kSetStateDoc[] = "Set state information for unpickling.";

Ref<> none_ref() { return Ref<>::steal(none()); }
Value or_none(Value v) { return v ? v : none(); }

bool is_number(Value v) {
  if (is_int(v) || is_float(v) || is_complex(v)) return true;
  Type* t = type_of(v);
  return t->nb_index || t->nb_int || t->nb_float || type_lookup(t, Value(ids::dunder_complex));
}

// --- count -------------------------------------------------------------------------------------

struct Count : Object {
  Value cnt;   // owned: the next value
  Value step;  // owned
  ITER_FIELDS(&cnt, &step)
};

Ref<> count_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("count(start=0, step=1)", nullptr);
  Value a[2];
  Ref<> hold[2];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  if (!is_number(a[0]) || !is_number(a[1])) return err_set_str(g_TypeError, "a number is required");
  auto* c = alloc_iter<Count>(type);
  if (!c) return nullptr;
  c->cnt = Ref<>::borrow(a[0]).release();
  c->step = Ref<>::borrow(a[1]).release();
  return Ref<>::steal(Value(c));
}

Ref<> count_next(Value self) {
  auto* c = self.as<Count>();
  CriticalSection cs(c);
  Ref<> result = Ref<>::borrow(c->cnt);
  Ref<> next;
  if (c->cnt.is_small() && c->step.is_small()) {
    int64_t s = c->cnt.small_value() + c->step.small_value();
    next = Value::fits_small(s) ? small_int(s) : int_from_int64(s);
  } else {
    next = binary_op(c->cnt, c->step, kOpAdd);
  }
  if (!next) return nullptr;
  set_field(c->cnt, std::move(next));
  return result;
}

Ref<> count_repr(Value self) {
  auto* c = self.as<Count>();
  Ref<> cnt, step;
  {
    CriticalSection cs(c);
    cnt = Ref<>::borrow(c->cnt);
    step = Ref<>::borrow(c->step);
  }
  std::string s = type_name(type_of(self));
  s += "(";
  if (!append_repr(s, cnt.val())) return nullptr;
  // The step is shown unless it is the int 1 (count(1.0) but count(1, 1.0)).
  bool unit_step = is_int(step.val()) && !is_bool(step.val()) && step.val().is_small() &&
                   step.val().small_value() == 1;
  if (!unit_step) {
    s += ", ";
    if (!append_repr(s, step.val())) return nullptr;
  }
  s += ")";
  return str_result(s);
}

// (count, (n,)) while CPython's fast mode would hold (an int count that fits
// and a step of int 1), else (count, (count, step)).
Ref<> count_reduce(Value self, Value*) {
  auto* c = self.as<Count>();
  Ref<> cnt, step;
  {
    CriticalSection cs(c);
    cnt = Ref<>::borrow(c->cnt);
    step = Ref<>::borrow(c->step);
  }
  int64_t n;
  bool fast = is_int(cnt.val()) && int_as_int64(cnt.val(), &n) && is_int(step.val()) && step.val().is_small() &&
              step.val().small_value() == 1;
  Ref<> args = fast ? tuple_pack({cnt.val()}) : tuple_pack({cnt.val(), step.val()});
  if (!args) return nullptr;
  return tuple_pack({Value(type_of(self)), args.val()});
}

const MethodDef kCountMethods[] = {{"__reduce__($self, /)", count_reduce, kReduceDoc}, {nullptr}};

// --- cycle -------------------------------------------------------------------------------------

struct Cycle : Object {
  Value it;     // owned; null once the source is exhausted
  Value saved;  // owned list of the items seen in the first pass
  int64_t index;
  bool firstpass;  // set by __setstate__: `it` yields items already in `saved`
  ITER_FIELDS(&it, &saved)
};

Ref<> cycle_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs("cycle", kwnames) || !check_positional("cycle", nargs, Value(), 1, 1)) return nullptr;
  Ref<> it = get_iter(args[0]);
  if (!it) return nullptr;
  Ref<> saved = list_new();
  if (!saved) return nullptr;
  auto* c = alloc_iter<Cycle>(type);
  if (!c) return nullptr;
  c->it = it.release();
  c->saved = saved.release();
  return Ref<>::steal(Value(c));
}

Ref<> cycle_next(Value self) {
  auto* c = self.as<Cycle>();
  CriticalSection cs(c);
  if (c->it) {
    Ref<> it = Ref<>::borrow(c->it);
    Ref<> item = iter_next(it.val());
    if (item) {
      if (!c->firstpass && list_append(c->saved, item.val()) < 0) return nullptr;
      return item;
    }
    if (err_occurred()) return nullptr;
    clear_field(c->it);
  }
  int64_t n = list_size(c->saved);
  if (n == 0) return nullptr;
  if (c->index >= n) c->index = 0;
  return list_get(c->saved, c->index++);
}

// (cycle, (it,), (saved, firstpass)); once the source is exhausted, `it` is an
// iterator over `saved` at the current position and firstpass is True.
Ref<> cycle_reduce(Value self, Value*) {
  auto* c = self.as<Cycle>();
  Ref<> it, saved;
  int64_t index;
  bool firstpass;
  {
    CriticalSection cs(c);
    it = Ref<>::borrow(c->it);
    saved = Ref<>::borrow(c->saved);
    index = c->index;
    firstpass = c->firstpass;
  }
  if (!it) {
    it = get_iter(saved.val());
    if (!it) return nullptr;
    if (index >= list_size(saved.val())) index = 0;  // CPython wraps right after the step
    if (index != 0) {
      Value i = Value::small(index);
      Ref<> r = call_method(it.val(), Value(str_intern("__setstate__")), &i, 1);
      if (!r) return nullptr;
    }
    firstpass = true;
  }
  Ref<> args = tuple_pack({it.val()});
  Ref<> state = args ? tuple_pack({saved.val(), firstpass ? true_value() : false_value()}) : Ref<>();
  if (!state) return nullptr;
  return tuple_pack({Value(type_of(self)), args.val(), state.val()});
}

Ref<> cycle_setstate(Value self, Value* args) {
  auto* c = self.as<Cycle>();
  Value state = args[0];
  if (!is_tuple(state)) return err_set_str(g_TypeError, "state is not a tuple");
  if (tuple_size(state) != 2)
    return err_format(g_TypeError, "function takes exactly 2 arguments (%lld given)",
                      static_cast<long long>(tuple_size(state)));
  Value saved = tuple_item(state, 0);
  if (!is_list(saved))
    return err_format(g_TypeError, "argument 1 must be list, not %s", type_name(type_of(saved)));
  int64_t fp;
  if (!to_int64(tuple_item(state, 1), &fp)) return nullptr;
  CriticalSection cs(c);
  set_field(c->saved, Ref<>::borrow(saved));
  c->firstpass = fp != 0;
  c->index = 0;
  return none_ref();
}

const MethodDef kCycleMethods[] = {{"__reduce__($self, /)", cycle_reduce, kReduceDoc},
                                   {"__setstate__($self, state, /)", cycle_setstate, kSetStateDoc},
                                   {nullptr}};

// --- repeat ------------------------------------------------------------------------------------

struct Repeat : Object {
  Value element;  // owned
  int64_t cnt;    // remaining; -1 = forever
  ITER_FIELDS(&element)
};

Ref<> repeat_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("repeat(object, times=?)", nullptr);
  Value a[2];
  Ref<> hold[2];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  int64_t cnt = -1;
  if (a[1]) {
    if (!to_int64(a[1], &cnt)) return nullptr;
    if (cnt < 0) cnt = 0;
  }
  auto* r = alloc_iter<Repeat>(type);
  if (!r) return nullptr;
  r->element = Ref<>::borrow(a[0]).release();
  r->cnt = cnt;
  return Ref<>::steal(Value(r));
}

Ref<> repeat_next(Value self) {
  auto* r = self.as<Repeat>();
  CriticalSection cs(r);
  if (r->cnt == 0) return nullptr;
  if (r->cnt > 0) r->cnt--;
  return Ref<>::borrow(r->element);
}

Ref<> repeat_repr(Value self) {
  auto* r = self.as<Repeat>();
  int64_t cnt;
  {
    CriticalSection cs(r);
    cnt = r->cnt;
  }
  std::string s = type_name(type_of(self));
  s += "(";
  if (!append_repr(s, r->element)) return nullptr;
  if (cnt >= 0) s += ", " + std::to_string(cnt);
  s += ")";
  return str_result(s);
}

Ref<> repeat_length_hint(Value self, Value*) {
  auto* r = self.as<Repeat>();
  CriticalSection cs(r);
  if (r->cnt < 0) return err_set_str(g_TypeError, "len() of unsized object");
  return int_from_int64(r->cnt);
}

// (repeat, (element,)) forever, else (repeat, (element, times left)).
Ref<> repeat_reduce(Value self, Value*) {
  auto* r = self.as<Repeat>();
  int64_t cnt;
  {
    CriticalSection cs(r);
    cnt = r->cnt;
  }
  Ref<> n = int_from_int64(cnt);
  Ref<> args = !n ? Ref<>() : cnt < 0 ? tuple_pack({r->element}) : tuple_pack({r->element, n.val()});
  if (!args) return nullptr;
  return tuple_pack({Value(type_of(self)), args.val()});
}

const MethodDef kRepeatMethods[] = {
    {"__length_hint__($self, /)", repeat_length_hint, "Private method returning an estimate of len(list(it))."},
    {"__reduce__($self, /)", repeat_reduce, kReduceDoc},
    {nullptr}};

// --- accumulate --------------------------------------------------------------------------------

struct Accumulate : Object {
  Value it;       // owned
  Value binop;    // owned or null (addition)
  Value total;    // owned; null before the first item
  Value initial;  // owned; null once yielded
  ITER_FIELDS(&it, &binop, &total, &initial)
};

Ref<> accumulate_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("accumulate(iterable, func=None, *, initial=None)", nullptr);
  Value a[3];
  Ref<> hold[2];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  Ref<> it = get_iter(a[0]);
  if (!it) return nullptr;
  auto* acc = alloc_iter<Accumulate>(type);
  if (!acc) return nullptr;
  acc->it = it.release();
  if (!is_none(a[1])) acc->binop = Ref<>::borrow(a[1]).release();
  if (!is_none(a[2])) acc->initial = Ref<>::borrow(a[2]).release();
  return Ref<>::steal(Value(acc));
}

Ref<> accumulate_next(Value self) {
  auto* acc = self.as<Accumulate>();
  CriticalSection cs(acc);
  if (acc->initial) {
    Ref<> init = Ref<>::steal(acc->initial);
    acc->initial = Value();
    set_field(acc->total, init);
    return init;
  }
  Ref<> it = Ref<>::borrow(acc->it);
  Ref<> item = iter_next(it.val());
  if (!item) return nullptr;
  if (!acc->total) {
    acc->total = Ref<>(item).release();
    return item;
  }
  Ref<> total = Ref<>::borrow(acc->total);
  Ref<> next = acc->binop ? call2(acc->binop, total.val(), item.val()) : binary_op(total.val(), item.val(), kOpAdd);
  if (!next) return nullptr;
  set_field(acc->total, next);
  return next;
}

// (accumulate, (it, func), total); an initial value not yet produced is put
// back in front of the iterator with chain((initial,), it), as CPython does.
Ref<> accumulate_reduce(Value self, Value*) {
  auto* acc = self.as<Accumulate>();
  Ref<> it, binop, total, initial;
  {
    CriticalSection cs(acc);
    it = Ref<>::borrow(acc->it);
    binop = Ref<>::borrow(acc->binop);
    total = Ref<>::borrow(acc->total);
    initial = Ref<>::borrow(acc->initial);
  }
  if (initial) {
    Ref<> first = tuple_pack({initial.val()});
    Value cargs[2] = {first ? first.val() : Value(), it.val()};
    Ref<> chained = first ? call(Value(&g_chain_type), cargs, 2) : Ref<>();
    Ref<> args = chained ? tuple_pack({chained.val(), or_none(binop.val())}) : Ref<>();
    if (!args) return nullptr;
    return tuple_pack({Value(type_of(self)), args.val(), none()});
  }
  Ref<> args = tuple_pack({it.val(), or_none(binop.val())});
  if (!args) return nullptr;
  return tuple_pack({Value(type_of(self)), args.val(), or_none(total.val())});
}

Ref<> accumulate_setstate(Value self, Value* args) {
  auto* acc = self.as<Accumulate>();
  CriticalSection cs(acc);
  if (is_none(args[0])) clear_field(acc->total);
  else set_field(acc->total, Ref<>::borrow(args[0]));
  return none_ref();
}

const MethodDef kAccumulateMethods[] = {{"__reduce__($self, /)", accumulate_reduce, kReduceDoc},
                                        {"__setstate__($self, state, /)", accumulate_setstate, kSetStateDoc},
                                        {nullptr}};

// --- batched -----------------------------------------------------------------------------------

struct Batched : Object {
  Value it;  // owned; null once exhausted
  int64_t n;
  bool strict;
  ITER_FIELDS(&it)
};

Ref<> batched_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("batched(iterable, n, *, strict=False)", nullptr);
  Value a[3];
  Ref<> hold[2];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  int64_t n;
  if (!to_index(a[1], &n)) return nullptr;
  if (n < 1) return err_set_str(g_ValueError, "n must be at least one");
  int strict = truthy(a[2]);
  if (strict < 0) return nullptr;
  Ref<> it = get_iter(a[0]);
  if (!it) return nullptr;
  auto* b = alloc_iter<Batched>(type);
  if (!b) return nullptr;
  b->it = it.release();
  b->n = n;
  b->strict = strict != 0;
  return Ref<>::steal(Value(b));
}

Ref<> batched_next(Value self) {
  auto* b = self.as<Batched>();
  CriticalSection cs(b);
  if (!b->it) return nullptr;
  Ref<> it = Ref<>::borrow(b->it);
  Ref<List> items = list_new();
  if (!items) return nullptr;
  for (int64_t i = 0; i < b->n; i++) {
    Ref<> item = iter_next(it.val());
    if (!item) {
      if (err_occurred()) return nullptr;
      clear_field(b->it);
      break;
    }
    if (list_append(items.val(), item.val()) < 0) return nullptr;
  }
  int64_t got = list_size(items.val());
  if (got == 0) return nullptr;
  if (b->strict && got < b->n) {
    clear_field(b->it);
    return err_set_str(g_ValueError, "batched(): incomplete batch");
  }
  return list_as_tuple(items.val());
}

// --- chain -------------------------------------------------------------------------------------

struct Chain : Object {
  Value source;  // owned iterator over the iterables; null when done
  Value active;  // owned iterator of the current iterable, or null
  ITER_FIELDS(&source, &active)
};

Ref<> chain_make(Type* type, Ref<> source) {
  auto* c = alloc_iter<Chain>(type);
  if (!c) return nullptr;
  c->source = source.release();
  return Ref<>::steal(Value(c));
}

Ref<> chain_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs("chain", kwnames)) return nullptr;
  Ref<Tuple> t = tuple_from_array(args, static_cast<int64_t>(nargs));
  if (!t) return nullptr;
  Ref<> source = get_iter(t.val());
  if (!source) return nullptr;
  return chain_make(type, std::move(source));
}

Ref<> chain_from_iterable(Value cls, Value* args) {
  Ref<> source = get_iter(args[0]);
  if (!source) return nullptr;
  return chain_make(cls.as<Type>(), std::move(source));
}

Ref<> chain_next(Value self) {
  auto* c = self.as<Chain>();
  CriticalSection cs(c);
  for (;;) {
    if (!c->active) {
      if (!c->source) return nullptr;
      Ref<> src = Ref<>::borrow(c->source);
      Ref<> iterable = iter_next(src.val());
      if (!iterable) {
        if (err_occurred()) return nullptr;
        clear_field(c->source);
        return nullptr;
      }
      Ref<> it = get_iter(iterable.val());
      if (!it) return nullptr;
      set_field(c->active, std::move(it));
    }
    Ref<> active = Ref<>::borrow(c->active);
    Ref<> item = iter_next(active.val());
    if (item) return item;
    if (err_occurred()) return nullptr;
    if (c->active == active.val()) clear_field(c->active);
  }
}

// types.GenericAlias(cls, item), found through list[...] so that no module import is needed.
Ref<> class_getitem(Value cls, Value* args) {
  Value cg = type_lookup(&g_list_type, Value(ids::__class_getitem__));
  if (!cg) return Ref<>::borrow(cls);
  Ref<> probe = call_method(Value(&g_list_type), Value(ids::__class_getitem__), args, 1);
  if (!probe) return nullptr;
  Value ctor_args[2] = {cls, args[0]};
  return call(Value(type_of(probe.val())), ctor_args, 2);
}

// (chain, (), (source, active)), dropping the parts that are done.
Ref<> chain_reduce(Value self, Value*) {
  auto* c = self.as<Chain>();
  Ref<> source, active;
  {
    CriticalSection cs(c);
    source = Ref<>::borrow(c->source);
    active = Ref<>::borrow(c->active);
  }
  Ref<> none_args = empty_tuple();
  if (!source) return tuple_pack({Value(type_of(self)), none_args.val()});
  Ref<> state = active ? tuple_pack({source.val(), active.val()}) : tuple_pack({source.val()});
  if (!state) return nullptr;
  return tuple_pack({Value(type_of(self)), none_args.val(), state.val()});
}

Ref<> chain_setstate(Value self, Value* args) {
  auto* c = self.as<Chain>();
  Value state = args[0];
  if (!is_tuple(state)) return err_set_str(g_TypeError, "state is not a tuple");
  int64_t n = tuple_size(state);
  if (n < 1 || n > 2)
    return err_format(g_TypeError, "function takes %s 2 arguments (%lld given)", n < 1 ? "at least 1" : "at most",
                      static_cast<long long>(n));
  Value source = tuple_item(state, 0), active = n > 1 ? tuple_item(state, 1) : Value();
  if (!type_of(source)->tp_iternext || (active && !type_of(active)->tp_iternext))
    return err_set_str(g_TypeError, "Arguments must be iterators.");
  CriticalSection cs(c);
  set_field(c->source, Ref<>::borrow(source));
  if (active) set_field(c->active, Ref<>::borrow(active));
  else clear_field(c->active);
  return none_ref();
}

const MethodDef kChainMethods[] = {
    {"__reduce__($self, /)", chain_reduce, kReduceDoc},
    {"__setstate__($self, state, /)", chain_setstate, kSetStateDoc},
    {"from_iterable($type, iterable, /)", chain_from_iterable,
     "Alternative chain() constructor taking a single iterable argument that evaluates lazily.", kMethClass},
    {"__class_getitem__($type, item, /)", class_getitem, "See PEP 585", kMethClass},
    {nullptr}};

// --- compress ----------------------------------------------------------------------------------

struct Compress : Object {
  Value data;       // owned iterator
  Value selectors;  // owned iterator
  ITER_FIELDS(&data, &selectors)
};

Ref<> compress_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("compress(data, selectors)", nullptr);
  Value a[2];
  Ref<> hold[2];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  Ref<> data = get_iter(a[0]);
  if (!data) return nullptr;
  Ref<> sel = get_iter(a[1]);
  if (!sel) return nullptr;
  auto* c = alloc_iter<Compress>(type);
  if (!c) return nullptr;
  c->data = data.release();
  c->selectors = sel.release();
  return Ref<>::steal(Value(c));
}

Ref<> compress_next(Value self) {
  auto* c = self.as<Compress>();
  CriticalSection cs(c);
  Ref<> data = Ref<>::borrow(c->data), sel = Ref<>::borrow(c->selectors);
  for (;;) {
    Ref<> d = iter_next(data.val());
    if (!d) return nullptr;
    Ref<> s = iter_next(sel.val());
    if (!s) return nullptr;
    int t = truthy(s.val());
    if (t < 0) return nullptr;
    if (t) return d;
  }
}

Ref<> compress_reduce(Value self, Value*) {
  auto* c = self.as<Compress>();
  Ref<> args = tuple_pack({c->data, c->selectors});
  if (!args) return nullptr;
  return tuple_pack({Value(type_of(self)), args.val()});
}

const MethodDef kCompressMethods[] = {{"__reduce__($self, /)", compress_reduce, kReduceDoc}, {nullptr}};

// --- dropwhile / takewhile / filterfalse -------------------------------------------------------

struct PredIter : Object {
  Value func;  // owned (filterfalse: may be None)
  Value it;    // owned
  int state;   // dropwhile: 1 once dropping stopped; takewhile: 1 once stopped
  ITER_FIELDS(&func, &it)
};

Ref<> pred_iter_make(Type* type, const char* name, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs(name, kwnames) || !check_positional(name, nargs, Value(), 2, 2)) return nullptr;
  Ref<> it = get_iter(args[1]);
  if (!it) return nullptr;
  auto* p = alloc_iter<PredIter>(type);
  if (!p) return nullptr;
  p->func = Ref<>::borrow(args[0]).release();
  p->it = it.release();
  return Ref<>::steal(Value(p));
}

Ref<> dropwhile_new(Type* t, const Value* a, size_t n, Value k) { return pred_iter_make(t, "dropwhile", a, n, k); }
Ref<> takewhile_new(Type* t, const Value* a, size_t n, Value k) { return pred_iter_make(t, "takewhile", a, n, k); }
Ref<> filterfalse_new(Type* t, const Value* a, size_t n, Value k) {
  return pred_iter_make(t, "filterfalse", a, n, k);
}

Ref<> dropwhile_next(Value self) {
  auto* p = self.as<PredIter>();
  CriticalSection cs(p);
  Ref<> it = Ref<>::borrow(p->it), func = Ref<>::borrow(p->func);
  for (;;) {
    Ref<> item = iter_next(it.val());
    if (!item) return nullptr;
    if (p->state) return item;
    Ref<> r = call1(func.val(), item.val());
    if (!r) return nullptr;
    int ok = truthy(r.val());
    if (ok < 0) return nullptr;
    if (!ok) {
      p->state = 1;
      return item;
    }
  }
}

Ref<> takewhile_next(Value self) {
  auto* p = self.as<PredIter>();
  CriticalSection cs(p);
  if (p->state) return nullptr;
  Ref<> it = Ref<>::borrow(p->it), func = Ref<>::borrow(p->func);
  Ref<> item = iter_next(it.val());
  if (!item) return nullptr;
  Ref<> r = call1(func.val(), item.val());
  if (!r) return nullptr;
  int ok = truthy(r.val());
  if (ok < 0) return nullptr;
  if (ok) return item;
  p->state = 1;
  return nullptr;
}

Ref<> filterfalse_next(Value self) {
  auto* p = self.as<PredIter>();
  CriticalSection cs(p);
  Ref<> it = Ref<>::borrow(p->it), func = Ref<>::borrow(p->func);
  for (;;) {
    Ref<> item = iter_next(it.val());
    if (!item) return nullptr;
    int ok;
    if (is_none(func.val()) || func.val() == Value(&g_bool_type)) {
      ok = truthy(item.val());
    } else {
      Ref<> r = call1(func.val(), item.val());
      if (!r) return nullptr;
      ok = truthy(r.val());
    }
    if (ok < 0) return nullptr;
    if (!ok) return item;
  }
}

// (type, (func, it)), plus the stopped/dropping flag for dropwhile and takewhile.
Ref<> pred_iter_reduce(Value self, Value*) {
  auto* p = self.as<PredIter>();
  Ref<> args = tuple_pack({p->func, p->it});
  if (!args) return nullptr;
  return tuple_pack({Value(type_of(self)), args.val()});
}

Ref<> pred_iter_reduce_state(Value self, Value*) {
  auto* p = self.as<PredIter>();
  int state;
  {
    CriticalSection cs(p);
    state = p->state;
  }
  Ref<> args = tuple_pack({p->func, p->it});
  if (!args) return nullptr;
  return tuple_pack({Value(type_of(self)), args.val(), Value::small(state)});
}

Ref<> pred_iter_setstate(Value self, Value* args) {
  auto* p = self.as<PredIter>();
  int b = truthy(args[0]);
  if (b < 0) return nullptr;
  CriticalSection cs(p);
  p->state = b;
  return none_ref();
}

const MethodDef kPredStateMethods[] = {{"__reduce__($self, /)", pred_iter_reduce_state, kReduceDoc},
                                       {"__setstate__($self, state, /)", pred_iter_setstate, kSetStateDoc},
                                       {nullptr}};
const MethodDef kPredMethods[] = {{"__reduce__($self, /)", pred_iter_reduce, kReduceDoc}, {nullptr}};

// --- starmap -----------------------------------------------------------------------------------

Ref<> starmap_new(Type* t, const Value* a, size_t n, Value k) { return pred_iter_make(t, "starmap", a, n, k); }

Ref<> starmap_next(Value self) {
  auto* p = self.as<PredIter>();
  Ref<> args;
  Ref<> func;
  {
    CriticalSection cs(p);
    Ref<> it = Ref<>::borrow(p->it);
    func = Ref<>::borrow(p->func);
    args = iter_next(it.val());
    if (!args) return nullptr;
  }
  if (!is_tuple_exact(args.val())) {
    args = sequence_tuple(args.val());
    if (!args) return nullptr;
  }
  return call_tuple_dict(func.val(), args.val(), Value());
}

// --- groupby -----------------------------------------------------------------------------------

// The current group is identified by a generation number instead of a pointer
// to the live _grouper: every advance of the groupby bumps `group_id`, which
// retires the previous grouper (its next() then reports exhaustion).
struct GroupBy : Object {
  Value it;         // owned
  Value keyfunc;    // owned or null (identity)
  Value tgtkey;     // owned: key of the current group
  Value currkey;    // owned: key of currvalue
  Value currvalue;  // owned: the item read ahead
  int64_t group_id;
  ITER_FIELDS(&it, &keyfunc, &tgtkey, &currkey, &currvalue)
};

struct Grouper : Object {
  Value parent;  // owned GroupBy
  Value tgtkey;  // owned
  int64_t group_id;
  ITER_FIELDS(&parent, &tgtkey)
};

Ref<> groupby_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("groupby(iterable, key=None)", nullptr);
  Value a[2];
  Ref<> hold[2];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  Ref<> it = get_iter(a[0]);
  if (!it) return nullptr;
  auto* g = alloc_iter<GroupBy>(type);
  if (!g) return nullptr;
  g->it = it.release();
  if (!is_none(a[1])) g->keyfunc = Ref<>::borrow(a[1]).release();
  return Ref<>::steal(Value(g));
}

// Read the next value and its key into currvalue/currkey. -1 error, 0 exhausted, 1 ok.
int groupby_step(GroupBy* g) {
  Ref<> it = Ref<>::borrow(g->it);
  Ref<> value = iter_next(it.val());
  if (!value) return err_occurred() ? -1 : 0;
  Ref<> key = value;
  if (g->keyfunc) {
    Ref<> kf = Ref<>::borrow(g->keyfunc);
    key = call1(kf.val(), value.val());
    if (!key) return -1;
  }
  set_field(g->currvalue, std::move(value));
  set_field(g->currkey, std::move(key));
  return 1;
}

Ref<> groupby_next(Value self) {
  auto* g = self.as<GroupBy>();
  CriticalSection cs(g);
  g->group_id++;
  // Skip the rest of the current group.
  for (;;) {
    if (g->currkey) {
      if (!g->tgtkey) break;
      Ref<> tgt = Ref<>::borrow(g->tgtkey), cur = Ref<>::borrow(g->currkey);
      int eq = richcompare_bool(tgt.val(), cur.val(), kEq);
      if (eq < 0) return nullptr;
      if (!eq) break;
    }
    int r = groupby_step(g);
    if (r <= 0) return nullptr;
  }
  set_field(g->tgtkey, Ref<>::borrow(g->currkey));
  auto* gr = alloc_object<Grouper>(&g_grouper_type);
  if (!gr) return nullptr;
  gr->parent = Ref<>::borrow(self).release();
  gr->tgtkey = Ref<>::borrow(g->tgtkey).release();
  gr->group_id = g->group_id;
  Ref<> grouper = Ref<>::steal(Value(gr));
  return tuple_pack({g->tgtkey, grouper.val()});
}

// (groupby, (it, key)), plus (currkey, currvalue, tgtkey) once a group started.
Ref<> groupby_reduce(Value self, Value*) {
  auto* g = self.as<GroupBy>();
  Ref<> it, keyfunc, state;
  {
    CriticalSection cs(g);
    it = Ref<>::borrow(g->it);
    keyfunc = Ref<>::borrow(g->keyfunc);
    if (g->tgtkey && g->currkey && g->currvalue) {
      state = tuple_pack({g->currkey, g->currvalue, g->tgtkey});
      if (!state) return nullptr;
    }
  }
  Ref<> args = tuple_pack({it.val(), or_none(keyfunc.val())});
  if (!args) return nullptr;
  if (state) return tuple_pack({Value(type_of(self)), args.val(), state.val()});
  return tuple_pack({Value(type_of(self)), args.val()});
}

Ref<> groupby_setstate(Value self, Value* args) {
  auto* g = self.as<GroupBy>();
  Value state = args[0];
  if (!is_tuple(state)) return err_set_str(g_TypeError, "state is not a tuple");
  if (tuple_size(state) != 3)
    return err_format(g_TypeError, "function takes exactly 3 arguments (%lld given)",
                      static_cast<long long>(tuple_size(state)));
  CriticalSection cs(g);
  set_field(g->currkey, Ref<>::borrow(tuple_item(state, 0)));
  set_field(g->currvalue, Ref<>::borrow(tuple_item(state, 1)));
  set_field(g->tgtkey, Ref<>::borrow(tuple_item(state, 2)));
  return none_ref();
}

// _grouper(parent, tgtkey): what unpickling a group calls. The new group
// becomes its groupby's current one, as in CPython.
Ref<> grouper_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs("_grouper", kwnames) || !check_positional("_grouper", nargs, Value(), 2, 2)) return nullptr;
  if (type_of(args[0]) != &g_groupby_type)
    return err_format(g_TypeError, "_grouper() argument 1 must be itertools.groupby, not %s",
                      type_name(type_of(args[0])));
  auto* g = args[0].as<GroupBy>();
  auto* gr = alloc_object<Grouper>(type);
  if (!gr) return nullptr;
  gr->parent = Ref<>::borrow(args[0]).release();
  gr->tgtkey = Ref<>::borrow(args[1]).release();
  CriticalSection cs(g);
  gr->group_id = g->group_id;
  return Ref<>::steal(Value(gr));
}

// 3.11's form: (_grouper, (parent, tgtkey)) for the current group; a group
// its groupby moved past reduces to an empty iterator, iter(()).
Ref<> grouper_reduce(Value self, Value*) {
  auto* gr = self.as<Grouper>();
  auto* g = gr->parent.as<GroupBy>();
  bool current;
  {
    CriticalSection cs(g);
    current = g->group_id == gr->group_id;
  }
  if (!current) {
    Ref<> iter_fn = getattr(g_interp.builtins_mod, "iter");
    if (!iter_fn) return nullptr;
    Ref<> args = tuple_pack({Value(empty_tuple().get())});
    if (!args) return nullptr;
    return tuple_pack({iter_fn.val(), args.val()});
  }
  Ref<> args = tuple_pack({gr->parent, gr->tgtkey});
  if (!args) return nullptr;
  return tuple_pack({Value(type_of(self)), args.val()});
}

const MethodDef kGrouperMethods[] = {{"__reduce__($self, /)", grouper_reduce, kReduceDoc}, {nullptr}};

const MethodDef kGroupByMethods[] = {{"__reduce__($self, /)", groupby_reduce, kReduceDoc},
                                     {"__setstate__($self, state, /)", groupby_setstate, kSetStateDoc},
                                     {nullptr}};

Ref<> grouper_next(Value self) {
  auto* gr = self.as<Grouper>();
  auto* g = gr->parent.as<GroupBy>();
  CriticalSection cs(g);
  if (g->group_id != gr->group_id) return nullptr;
  if (!g->currvalue) {
    int r = groupby_step(g);
    if (r <= 0) return nullptr;
  }
  Ref<> cur = Ref<>::borrow(g->currkey);
  int eq = richcompare_bool(gr->tgtkey, cur.val(), kEq);
  if (eq <= 0) return nullptr;
  Ref<> value = Ref<>::steal(g->currvalue);
  g->currvalue = Value();
  clear_field(g->currkey);
  return value;
}

// --- islice ------------------------------------------------------------------------------------

struct ISlice : Object {
  Value it;  // owned; null once exhausted
  int64_t next, stop, step, cnt;  // stop -1 = None
  ITER_FIELDS(&it)
};

// None -> dflt; an int -> its value (negative ones too); anything else
// (or an int beyond int64) -> kNotIndex.
constexpr int64_t kNotIndex = INT64_MIN;
int64_t islice_arg(Value v, int64_t dflt) {
  if (is_none(v)) return dflt;
  if (!is_int(v) && !type_of(v)->nb_index) return kNotIndex;
  int64_t x;
  if (!to_index(v, &x)) {
    err_clear();
    return kNotIndex;
  }
  return x;
}

Ref<> islice_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs("islice", kwnames) || !check_positional("islice", nargs, Value(), 2, 4)) return nullptr;
  static const char kStopMsg[] = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  static const char kIndicesMsg[] = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  int64_t start = 0, stop = -1, step = 1;
  if (nargs == 2) {
    stop = islice_arg(args[1], -1);
    if (stop < 0 && !is_none(args[1])) return err_set_str(g_ValueError, kStopMsg);
  } else {
    // CPython checks stop's type first, then start's, then both signs.
    stop = islice_arg(args[2], -1);
    if (stop == kNotIndex) return err_set_str(g_ValueError, kStopMsg);
    start = islice_arg(args[1], 0);
    if (start < 0 || (stop < 0 && !is_none(args[2]))) return err_set_str(g_ValueError, kIndicesMsg);
    if (nargs == 4) {
      step = islice_arg(args[3], 1);
      if (step < 1) return err_set_str(g_ValueError, "Step for islice() must be a positive integer or None.");
    }
  }
  Ref<> it = get_iter(args[0]);
  if (!it) return nullptr;
  auto* s = alloc_iter<ISlice>(type);
  if (!s) return nullptr;
  s->it = it.release();
  s->next = start;
  s->stop = stop;
  s->step = step;
  return Ref<>::steal(Value(s));
}

Ref<> islice_next(Value self) {
  auto* s = self.as<ISlice>();
  CriticalSection cs(s);
  if (!s->it) return nullptr;
  Ref<> it = Ref<>::borrow(s->it);
  while (s->cnt < s->next) {
    Ref<> skipped = iter_next(it.val());
    if (!skipped) {
      if (exhausted_ok()) clear_field(s->it);
      return nullptr;
    }
    s->cnt++;
  }
  if (s->stop != -1 && s->cnt >= s->stop) {
    clear_field(s->it);
    return nullptr;
  }
  Ref<> item = iter_next(it.val());
  if (!item) {
    if (exhausted_ok()) clear_field(s->it);
    return nullptr;
  }
  s->cnt++;
  int64_t old = s->next;
  s->next += s->step;
  if (s->next < old || (s->stop != -1 && s->next > s->stop)) s->next = s->stop;
  return item;
}

// (islice, (it, next, stop, step), count), or an islice of an empty iterator
// once exhausted.
Ref<> islice_reduce(Value self, Value*) {
  auto* s = self.as<ISlice>();
  Ref<> it;
  int64_t next, stop, step, cnt;
  {
    CriticalSection cs(s);
    it = Ref<>::borrow(s->it);
    next = s->next;
    stop = s->stop;
    step = s->step;
    cnt = s->cnt;
  }
  if (!it) {
    Ref<> empty = list_new();
    Ref<> eit = empty ? get_iter(empty.val()) : Ref<>();
    Ref<> args = eit ? tuple_pack({eit.val(), Value::small(0)}) : Ref<>();
    if (!args) return nullptr;
    return tuple_pack({Value(type_of(self)), args.val(), Value::small(0)});
  }
  Ref<> vnext = int_from_int64(next), vstep = int_from_int64(step), vcnt = int_from_int64(cnt);
  Ref<> vstop = stop == -1 ? none_ref() : int_from_int64(stop);
  if (!vnext || !vstep || !vcnt || !vstop) return nullptr;
  Ref<> args = tuple_pack({it.val(), vnext.val(), vstop.val(), vstep.val()});
  if (!args) return nullptr;
  return tuple_pack({Value(type_of(self)), args.val(), vcnt.val()});
}

Ref<> islice_setstate(Value self, Value* args) {
  auto* s = self.as<ISlice>();
  int64_t cnt;
  if (!to_int64(args[0], &cnt)) return nullptr;
  CriticalSection cs(s);
  s->cnt = cnt;
  return none_ref();
}

const MethodDef kISliceMethods[] = {{"__reduce__($self, /)", islice_reduce, kReduceDoc},
                                    {"__setstate__($self, state, /)", islice_setstate, kSetStateDoc},
                                    {nullptr}};

// --- pairwise ----------------------------------------------------------------------------------

struct Pairwise : Object {
  Value it;   // owned; null once exhausted
  Value old;  // owned previous item
  ITER_FIELDS(&it, &old)
};

Ref<> pairwise_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs("pairwise", kwnames) || !check_positional("pairwise", nargs, Value(), 1, 1)) return nullptr;
  Ref<> it = get_iter(args[0]);
  if (!it) return nullptr;
  auto* p = alloc_iter<Pairwise>(type);
  if (!p) return nullptr;
  p->it = it.release();
  return Ref<>::steal(Value(p));
}

Ref<> pairwise_next(Value self) {
  auto* p = self.as<Pairwise>();
  CriticalSection cs(p);
  if (!p->it) return nullptr;
  Ref<> it = Ref<>::borrow(p->it);
  if (!p->old) {
    Ref<> first = iter_next(it.val());
    if (!first) {
      if (exhausted_ok()) clear_field(p->it);
      return nullptr;
    }
    set_field(p->old, std::move(first));
  }
  Ref<> item = iter_next(it.val());
  if (!item) {
    if (exhausted_ok()) {
      clear_field(p->it);
      clear_field(p->old);
    }
    return nullptr;
  }
  Ref<> old = Ref<>::borrow(p->old);
  Ref<> result = tuple_pack({old.val(), item.val()});
  if (!result) return nullptr;
  set_field(p->old, std::move(item));
  return result;
}

// --- tee ---------------------------------------------------------------------------------------

// The items of the source are kept in a linked list of fixed-size blocks
// shared by all the tee iterators of one tee() call; a block is freed when the
// last iterator has moved past it. Filling happens only at the last block and
// under that block's lock; each tee object advances under its own lock
// (lock order: tee, then block).
constexpr int kTeeBlock = 57;

struct TeeData : Object {
  Value it;        // owned source iterator (shared by every block of the chain)
  Value next;      // owned next block, or null
  int32_t numread;
  bool running;    // guards against the source re-entering this block
  Value values[kTeeBlock];
};

struct Tee : Object {
  Value data;  // owned TeeData
  int32_t index;
  ITER_FIELDS(&data)
};

void teedata_dealloc(Object* o) {
  auto* d = static_cast<TeeData*>(o);
  // Unlink the chain iteratively so a long buffer does not recurse.
  Value next = d->next;
  d->next = Value();
  for (int i = 0; i < d->numread; i++) clear_field(d->values[i]);
  clear_field(d->it);
  free_object(o);
  while (next) {
    auto* n = next.as<TeeData>();
    if (is_per_thread(n) || refcount_estimate(n) != 1) {
      decref(next);
      break;
    }
    Value after = n->next;
    n->next = Value();
    decref(next);
    next = after;
  }
}

void teedata_traverse(Object* o, VisitFn visit, void* arg) {
  auto* d = static_cast<TeeData*>(o);
  if (d->it) visit(d->it, arg);
  if (d->next) visit(d->next, arg);
  for (int i = 0; i < d->numread; i++) visit(d->values[i], arg);
}

Ref<> teedata_new(Value it) {
  auto* d = alloc_object<TeeData>(&g_teedata_type);
  if (!d) return nullptr;
  d->it = Ref<>::borrow(it).release();
  return Ref<>::steal(Value(d));
}

Ref<> tee_make(Type* type, Value data, int32_t index) {
  auto* t = alloc_iter<Tee>(type);
  if (!t) return nullptr;
  t->data = Ref<>::borrow(data).release();
  t->index = index;
  return Ref<>::steal(Value(t));
}

Ref<> tee_copy_of(Value self) {
  auto* t = self.as<Tee>();
  CriticalSection cs(t);
  return tee_make(&g_tee_type, t->data, t->index);
}

Ref<> tee_from_iterable(Type* type, Value iterable) {
  Ref<> it = get_iter(iterable);
  if (!it) return nullptr;
  if (type_of(it.val()) == &g_tee_type) return tee_copy_of(it.val());
  Ref<> data = teedata_new(it.val());
  if (!data) return nullptr;
  return tee_make(type, data.val(), 0);
}

Ref<> tee_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs("_tee", kwnames) || !check_positional("_tee", nargs, Value(), 1, 1)) return nullptr;
  return tee_from_iterable(type, args[0]);
}

Ref<> tee_next(Value self) {
  auto* t = self.as<Tee>();
  CriticalSection cs(t);
  if (t->index >= kTeeBlock) {
    Ref<> blockref = Ref<>::borrow(t->data);
    auto* block = t->data.as<TeeData>();
    Ref<> next;
    {
      CriticalSection bcs(block);
      if (!block->next) {
        Ref<> nb = teedata_new(block->it);
        if (!nb) return nullptr;
        block->next = nb.release();
      }
      next = Ref<>::borrow(block->next);
    }
    set_field(t->data, std::move(next));
    t->index = 0;
  }
  auto* d = t->data.as<TeeData>();
  CriticalSection bcs(d);
  if (t->index < d->numread) return Ref<>::borrow(d->values[t->index++]);
  if (d->running) return err_set_str(g_RuntimeError, "cannot re-enter the tee iterator");
  d->running = true;
  Ref<> it = Ref<>::borrow(d->it);
  Ref<> item = iter_next(it.val());
  d->running = false;
  if (!item) return nullptr;
  d->values[d->numread++] = Ref<>(item).release();
  t->index++;
  return item;
}

Ref<> tee_copy_method(Value self, Value*) { return tee_copy_of(self); }

// Pickling, in 3.11's forms: a tee reduces to (_tee, ((),), (data, index))
// and a data block to (_tee_dataobject, (source, [values read], next block
// or None)), so the tees of one tee() call pickled together share their
// blocks again when loaded.
Ref<> teedata_reduce(Value self, Value*) {
  auto* d = self.as<TeeData>();
  Ref<List> values;
  Ref<> it, next;
  {
    CriticalSection cs(d);
    values = list_new(d->numread);
    if (!values) return nullptr;
    for (int i = 0; i < d->numread; i++) list_init_item(values.get(), i, Ref<>::borrow(d->values[i]));
    it = Ref<>::borrow(d->it);
    next = Ref<>::borrow(d->next);
  }
  Ref<> args = tuple_pack({it.val(), values.val(), or_none(next.val())});
  if (!args) return nullptr;
  return tuple_pack({Value(type_of(self)), args.val()});
}

// _tee_dataobject(source, values, next): a block holding `values` (at most a
// block's worth), linked to `next` only when full; else ValueError.
Ref<> teedata_tp_new(Type*, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs("_tee_dataobject", kwnames) || !check_positional("_tee_dataobject", nargs, Value(), 3, 3))
    return nullptr;
  Value values = args[1], next = args[2];
  if (!is_list(values))
    return err_format(g_TypeError, "teedataobject() argument 2 must be list, not %s", type_name(type_of(values)));
  Ref<> items = sequence_tuple(values);  // a snapshot: the list may change under us
  if (!items) return nullptr;
  int64_t n = tuple_size(items.val());
  bool ok = n <= kTeeBlock;
  if (ok && n == kTeeBlock) ok = is_none(next) || type_of(next) == &g_teedata_type;
  else if (ok) ok = is_none(next);
  if (!ok) return err_set_str(g_ValueError, "Invalid arguments");
  Ref<> block = teedata_new(args[0]);
  if (!block) return nullptr;
  auto* d = block.val().as<TeeData>();
  for (int64_t i = 0; i < n; i++) d->values[i] = Ref<>::borrow(tuple_item(items.val(), i)).release();
  d->numread = static_cast<int32_t>(n);
  if (!is_none(next)) d->next = Ref<>::borrow(next).release();
  return block;
}

Ref<> tee_reduce(Value self, Value*) {
  auto* t = self.as<Tee>();
  Ref<> data;
  int32_t index;
  {
    CriticalSection cs(t);
    data = Ref<>::borrow(t->data);
    index = t->index;
  }
  Ref<> inner = tuple_pack({Value(empty_tuple().get())});
  Ref<> state = tuple_pack({data.val(), small_int(index).val()});
  if (!inner || !state) return nullptr;
  return tuple_pack({Value(type_of(self)), inner.val(), state.val()});
}

Ref<> tee_setstate(Value self, Value* args) {
  Value state = args[0];
  if (!is_tuple(state)) return err_set_str(g_TypeError, "state is not a tuple");
  if (tuple_size(state) != 2)
    return err_format(g_TypeError, "function takes exactly 2 arguments (%lld given)",
                      static_cast<long long>(tuple_size(state)));
  Value data = tuple_item(state, 0);
  if (type_of(data) != &g_teedata_type)
    return err_format(g_TypeError, "argument 1 must be itertools._tee_dataobject, not %s",
                      type_name(type_of(data)));
  int64_t index;
  if (!to_index(tuple_item(state, 1), &index)) return nullptr;
  if (index < 0 || index > kTeeBlock) return err_set_str(g_ValueError, "Index out of range");
  auto* t = self.as<Tee>();
  CriticalSection cs(t);
  set_field(t->data, Ref<>::borrow(data));
  t->index = static_cast<int32_t>(index);
  return none_ref();
}

const MethodDef kTeeMethods[] = {{"__copy__($self, /)", tee_copy_method, "Returns an independent iterator."},
                                 {"__reduce__($self, /)", tee_reduce, kReduceDoc},
                                 {"__setstate__($self, state, /)", tee_setstate, kSetStateDoc},
                                 {nullptr}};
const MethodDef kTeeDataMethods[] = {{"__reduce__($self, /)", teedata_reduce, kReduceDoc}, {nullptr}};

void tee_dealloc(Object* o) { fields_dealloc<Tee>(o); }

// itertools.tee(iterable, n=2, /)
Ref<> itertools_tee(Value, Value* args) {
  int64_t n;
  if (!to_index(args[1], &n)) return nullptr;
  if (n < 0) return err_set_str(g_ValueError, "n must be >= 0");
  Ref<Tuple> result = tuple_new(n);
  if (!result || n == 0) return result;
  Ref<> it = get_iter(args[0]);
  if (!it) return nullptr;
  Ref<> copier = getattr_opt(it.val(), Value(ids::__copy__));
  if (!copier && err_occurred()) return nullptr;
  Ref<> first;
  if (copier) {
    first = it;
  } else {
    first = tee_from_iterable(&g_tee_type, it.val());
    if (!first) return nullptr;
    copier = getattr(first.val(), Value(ids::__copy__));
    if (!copier) return nullptr;
  }
  tuple_init_item(result.get(), 0, first);
  for (int64_t i = 1; i < n; i++) {
    Ref<> c = call0(copier.val());
    if (!c) return nullptr;
    tuple_init_item(result.get(), i, std::move(c));
  }
  return result;
}

// --- zip_longest -------------------------------------------------------------------------------

struct ZipLongest : Object {
  Value iters;      // owned private tuple of iterators; an exhausted slot becomes null
  Value fillvalue;  // owned
  int64_t numactive;
  ITER_FIELDS(&iters, &fillvalue)
};

void zip_longest_dealloc(Object* o) {
  auto* z = static_cast<ZipLongest*>(o);
  // Null slots are allowed in our private tuple; fill them so tuple dealloc is happy.
  if (z->iters) {
    Tuple* t = z->iters.as<Tuple>();
    for (int64_t i = 0; i < t->size; i++)
      if (!t->items[i]) t->items[i] = none();
  }
  fields_dealloc<ZipLongest>(o);
}

void zip_longest_traverse(Object* o, VisitFn visit, void* arg) { fields_traverse<ZipLongest>(o, visit, arg); }

Ref<> zip_longest_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value fill = none();
  if (!kwnames.is_null()) {
    for (int64_t k = 0; k < tuple_size(kwnames); k++) {
      Value name = tuple_item(kwnames, k);
      if (str_view(name) != "fillvalue")
        return err_set_str(g_TypeError, "zip_longest() got an unexpected keyword argument");
      fill = args[nargs + k];
    }
  }
  Ref<Tuple> iters = tuple_new(static_cast<int64_t>(nargs));
  if (!iters) return nullptr;
  for (size_t i = 0; i < nargs; i++) {
    Ref<> it = get_iter(args[i]);
    if (!it) {
      for (size_t j = i; j < nargs; j++) iters->items[j] = none();
      return nullptr;
    }
    tuple_init_item(iters.get(), static_cast<int64_t>(i), std::move(it));
  }
  auto* z = alloc_iter<ZipLongest>(type);
  if (!z) return nullptr;
  z->iters = iters.release();
  z->fillvalue = Ref<>::borrow(fill).release();
  z->numactive = static_cast<int64_t>(nargs);
  return Ref<>::steal(Value(z));
}

Ref<> zip_longest_next(Value self) {
  auto* z = self.as<ZipLongest>();
  CriticalSection cs(z);
  Tuple* iters = z->iters.as<Tuple>();
  int64_t n = iters->size;
  if (n == 0 || z->numactive == 0) return nullptr;
  Ref<Tuple> result = tuple_new(n);
  if (!result) return nullptr;
  for (int64_t i = 0; i < n; i++) result->items[i] = none();
  for (int64_t i = 0; i < n; i++) {
    Ref<> item;
    if (!iters->items[i]) {
      item = Ref<>::borrow(z->fillvalue);
    } else {
      Ref<> it = Ref<>::borrow(iters->items[i]);
      item = iter_next(it.val());
      if (!item) {
        if (err_occurred()) return nullptr;
        z->numactive--;
        if (z->numactive == 0) return nullptr;
        Value old = iters->items[i];
        iters->items[i] = Value();
        decref(old);
        item = Ref<>::borrow(z->fillvalue);
      }
    }
    result->items[i] = item.release();
  }
  return result;
}

// (zip_longest, iterators, fillvalue), an exhausted input given as ().
Ref<> zip_longest_reduce(Value self, Value*) {
  auto* z = self.as<ZipLongest>();
  Ref<Tuple> args;
  Ref<> fill;
  {
    CriticalSection cs(z);
    Tuple* iters = z->iters.as<Tuple>();
    args = tuple_new(iters->size);
    if (!args) return nullptr;
    for (int64_t i = 0; i < iters->size; i++)
      tuple_init_item(args.get(), i,
                      iters->items[i] ? Ref<>::borrow(iters->items[i]) : Ref<>(empty_tuple()));
    fill = Ref<>::borrow(z->fillvalue);
  }
  return tuple_pack({Value(type_of(self)), Value(args.get()), fill.val()});
}

Ref<> zip_longest_setstate(Value self, Value* args) {
  auto* z = self.as<ZipLongest>();
  CriticalSection cs(z);
  set_field(z->fillvalue, Ref<>::borrow(args[0]));
  return none_ref();
}

const MethodDef kZipLongestMethods[] = {{"__reduce__($self, /)", zip_longest_reduce, kReduceDoc},
                                       {"__setstate__($self, state, /)", zip_longest_setstate, kSetStateDoc},
                                       {nullptr}};

// --- module ------------------------------------------------------------------------------------

const MethodDef kItertoolsFunctions[] = {
    {"tee(iterable, n=2, /)", itertools_tee, "Returns a tuple of n independent iterators."},
    {nullptr}};

#define SIMPLE_TYPE(var, T, name, newfn, nextfn, ...)                                              \
  itertools_type_setup(&var, name, sizeof(T), fields_dealloc<T>, fields_traverse<T>, newfn, nextfn, \
                       ##__VA_ARGS__)

void grouper_dealloc(Object* o) { fields_dealloc<Grouper>(o); }

}  // namespace

void itertools_types_init() {
  static bool done = false;
  if (done) return;
  done = true;
  SIMPLE_TYPE(g_count_type, Count, "itertools.count", count_new, count_next, kCountMethods, count_repr);
  SIMPLE_TYPE(g_cycle_type, Cycle, "itertools.cycle", cycle_new, cycle_next, kCycleMethods);
  SIMPLE_TYPE(g_repeat_type, Repeat, "itertools.repeat", repeat_new, repeat_next, kRepeatMethods, repeat_repr);
  SIMPLE_TYPE(g_accumulate_type, Accumulate, "itertools.accumulate", accumulate_new, accumulate_next,
              kAccumulateMethods);
  SIMPLE_TYPE(g_batched_type, Batched, "itertools.batched", batched_new, batched_next);
  SIMPLE_TYPE(g_chain_type, Chain, "itertools.chain", chain_new, chain_next, kChainMethods);
  SIMPLE_TYPE(g_compress_type, Compress, "itertools.compress", compress_new, compress_next, kCompressMethods);
  SIMPLE_TYPE(g_dropwhile_type, PredIter, "itertools.dropwhile", dropwhile_new, dropwhile_next,
              kPredStateMethods);
  SIMPLE_TYPE(g_takewhile_type, PredIter, "itertools.takewhile", takewhile_new, takewhile_next,
              kPredStateMethods);
  SIMPLE_TYPE(g_filterfalse_type, PredIter, "itertools.filterfalse", filterfalse_new, filterfalse_next,
              kPredMethods);
  SIMPLE_TYPE(g_starmap_type, PredIter, "itertools.starmap", starmap_new, starmap_next, kPredMethods);
  SIMPLE_TYPE(g_groupby_type, GroupBy, "itertools.groupby", groupby_new, groupby_next, kGroupByMethods);
  itertools_type_setup(&g_grouper_type, "itertools._grouper", sizeof(Grouper), grouper_dealloc,
                       fields_traverse<Grouper>, grouper_tp_new, grouper_next, kGrouperMethods);
  SIMPLE_TYPE(g_islice_type, ISlice, "itertools.islice", islice_new, islice_next, kISliceMethods);
  SIMPLE_TYPE(g_pairwise_type, Pairwise, "itertools.pairwise", pairwise_new, pairwise_next);
  itertools_type_setup(&g_teedata_type, "itertools._tee_dataobject", sizeof(TeeData), teedata_dealloc,
                       teedata_traverse, teedata_tp_new, nullptr, kTeeDataMethods);
  itertools_type_setup(&g_tee_type, "itertools._tee", sizeof(Tee), tee_dealloc, fields_traverse<Tee>, tee_new,
                       tee_next, kTeeMethods);
  g_tee_type.flags &= ~kTypeBaseType;  // CPython: _tee is final
  itertools_type_setup(&g_zip_longest_type, "itertools.zip_longest", sizeof(ZipLongest), zip_longest_dealloc,
                       zip_longest_traverse, zip_longest_new, zip_longest_next, kZipLongestMethods);
  itertools_combinatoric_init();
}

Ref<> itertools_module_create() {
  itertools_types_init();
  Ref<> m = module_new("itertools");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kItertoolsFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  struct Row {
    const char* name;
    Type* type;
  };
  const Row rows[] = {
      {"count", &g_count_type},
      {"cycle", &g_cycle_type},
      {"repeat", &g_repeat_type},
      {"accumulate", &g_accumulate_type},
      {"batched", &g_batched_type},
      {"chain", &g_chain_type},
      {"compress", &g_compress_type},
      {"dropwhile", &g_dropwhile_type},
      {"filterfalse", &g_filterfalse_type},
      {"groupby", &g_groupby_type},
      {"_grouper", &g_grouper_type},
      {"islice", &g_islice_type},
      {"pairwise", &g_pairwise_type},
      {"starmap", &g_starmap_type},
      {"takewhile", &g_takewhile_type},
      {"_tee", &g_tee_type},
      {"_tee_dataobject", &g_teedata_type},
      {"zip_longest", &g_zip_longest_type},
      {"product", &g_product_type},
      {"permutations", &g_permutations_type},
      {"combinations", &g_combinations_type},
      {"combinations_with_replacement", &g_cwr_type},
  };
  for (const Row& r : rows)
    if (dict_set_item_str(d, r.name, Value(static_cast<Object*>(r.type))) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
