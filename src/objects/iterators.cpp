// enumerate, zip, map, filter, reversed and the list/tuple iterators. See
// iterators.h for the thread-safety rules.
#include "objects/iterators.h"

#include <string>
#include <vector>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/generic_alias.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"
#include "vm/eval.h"

namespace ftpy {

Type g_list_iter_type;
Type g_list_reverse_iter_type;
Type g_tuple_iter_type;
Type g_enumerate_type;
Type g_zip_type;
Type g_map_type;
Type g_filter_type;
Type g_reversed_type;

namespace {

Ref<> iter_self(Value self) { return Ref<>::borrow(self); }

bool no_keywords(const char* name, Value kwnames) {
  if (!kwnames.is_null() && tuple_size(kwnames) > 0) {
    err_format(g_TypeError, "%s() takes no keyword arguments", name);
    return false;
  }
  return true;
}

// --- list / tuple iterators and reversed(): an index over a sequence ---------------

void index_iter_dealloc(Object* o) {
  decref(static_cast<IndexIter*>(o)->seq);
  free_object(o);
}
void index_iter_traverse(Object* o, VisitFn visit, void* arg) { visit(static_cast<IndexIter*>(o)->seq, arg); }

Ref<> index_iter_new(Type* t, Value seq, int64_t index) {
  auto* it = alloc_object<IndexIter>(t, t->basic_size);
  if (!it) return nullptr;
  it->index = index;
  it->seq = Ref<>::borrow(seq).release();
  return Ref<>::steal(Value(it));
}

// Drop the sequence (with the iterator's lock held).
void exhaust(IndexIter* it, Ref<>* hold) {
  *hold = Ref<>::steal(it->seq);
  it->seq = Value();
}

// The list iterators take no lock (list.h): they read items lock-free and
// claim an index with a CAS, so threads sharing one iterator each get distinct
// items. An exhausted iterator has index -1 (set by CAS too, so it stays
// exhausted) and keeps its list until it is freed: clearing `seq` would need
// QSBR (another thread's next() may be reading the list), and retiring on
// every exhausted loop keeps the QSBR machinery busy in threaded programs.
// `index` is accessed atomically after creation; `seq` never changes.
inline int64_t iter_index(IndexIter* it) {
  return std::atomic_ref<int64_t>(it->index).load(std::memory_order_relaxed);
}
inline bool iter_claim(IndexIter* it, int64_t i, int64_t next) {
  return std::atomic_ref<int64_t>(it->index).compare_exchange_strong(i, next, std::memory_order_relaxed);
}

}  // namespace

Ref<> list_iter_next(Value self) {
  auto* it = self.as<IndexIter>();
  for (;;) {
    int64_t i = iter_index(it);
    if (i < 0) return nullptr;
    Ref<> item = list_get_or_null(it->seq, i);
    if (iter_claim(it, i, item ? i + 1 : -1)) return item;
  }
}

namespace {

// A reverse iterator's index runs down to -1 (past the first item, still
// live: it pickles as reversed(list) at -1, as CPython's) and becomes
// kReverseDone when a next() finds nothing (CPython then drops the list).
constexpr int64_t kReverseDone = -2;

Ref<> list_reverse_iter_next(Value self) {
  auto* it = self.as<IndexIter>();
  for (;;) {
    int64_t i = iter_index(it);
    if (i == kReverseDone) return nullptr;
    Ref<> item = i < 0 ? nullptr : list_get_or_null(it->seq, i);
    if (iter_claim(it, i, item ? i - 1 : kReverseDone)) return item;
  }
}

Ref<> tuple_iter_next(Value self) {
  auto* it = self.as<IndexIter>();
  Ref<> dead;
  CriticalSection cs(it);
  if (it->seq.is_null()) return nullptr;
  int64_t i = it->index;
  if (i < tuple_size(it->seq)) {
    it->index = i + 1;
    return Ref<>::borrow(tuple_item(it->seq, i));
  }
  exhaust(it, &dead);
  return nullptr;
}

Ref<> list_iter_length_hint(Value self, Value*) {
  auto* it = self.as<IndexIter>();
  int64_t i = iter_index(it);
  if (i < 0) return small_int(0);
  int64_t n = list_size(it->seq) - i;
  return small_int(n < 0 ? 0 : n);
}

Ref<> list_reverse_iter_length_hint(Value self, Value*) {
  auto* it = self.as<IndexIter>();
  int64_t i = iter_index(it);
  if (i < 0 || i >= list_size(it->seq)) return small_int(0);
  return small_int(i + 1);
}

Ref<> tuple_iter_length_hint(Value self, Value*) {
  auto* it = self.as<IndexIter>();
  CriticalSection cs(it);
  if (it->seq.is_null()) return small_int(0);
  int64_t n = tuple_size(it->seq) - it->index;
  return small_int(n < 0 ? 0 : n);
}

// --- pickling (CPython's forms: an exhausted iterator reduces to an iterator
// over an empty sequence, a live one to its sequence and position) ----------------

Ref<> empty_list_iter_reduce() {
  Ref<> empty = list_new();
  if (!empty) return nullptr;
  return iter_reduce(empty.val(), Value());
}

Ref<> list_iter_reduce(Value self, Value*) {
  auto* it = self.as<IndexIter>();
  int64_t i = iter_index(it);  // one atomic read: the position another thread advances
  if (i < 0) return empty_list_iter_reduce();
  return iter_reduce(it->seq, Value::small(i));
}

Ref<> list_reverse_iter_reduce(Value self, Value*) {
  auto* it = self.as<IndexIter>();
  int64_t i = iter_index(it);
  if (i == kReverseDone) return empty_list_iter_reduce();
  Ref<> args = tuple_pack({it->seq});
  if (!args) return nullptr;
  return tuple_pack({Value(&g_reversed_type), args.val(), Value::small(i)});
}

// Moves a live list iterator to `want` clamped to [lo, len + hi_off]; an
// exhausted one (index below `lo`: -1, or kReverseDone for a reverse one)
// stays exhausted, as CPython ignores the state once the sequence is dropped. The CAS keeps a concurrent next() from being undone
// half-way: either it claimed its item first or it sees the new index.
Ref<> list_iter_set_index(Value self, Value state, int64_t lo, int64_t hi_off) {
  auto* it = self.as<IndexIter>();
  int64_t want;
  if (!iter_state_index(state, &want)) return nullptr;
  for (;;) {
    int64_t i = iter_index(it);
    if (i < lo) break;
    int64_t hi = list_size(it->seq) + hi_off;
    int64_t n = want < lo ? lo : want > hi ? hi : want;
    if (iter_claim(it, i, n)) break;
  }
  return Ref<>::steal(none());
}

Ref<> list_iter_setstate(Value self, Value* args) { return list_iter_set_index(self, args[0], 0, 0); }
Ref<> list_reverse_iter_setstate(Value self, Value* args) { return list_iter_set_index(self, args[0], -1, -1); }

Ref<> tuple_iter_reduce(Value self, Value*) {
  auto* it = self.as<IndexIter>();
  Ref<> seq;
  int64_t i;
  {
    CriticalSection cs(it);
    seq = Ref<>::borrow(it->seq);
    i = it->index;
  }
  if (!seq) return iter_reduce(Value(empty_tuple().get()), Value());
  return iter_reduce(seq.val(), Value::small(i));
}

Ref<> tuple_iter_setstate(Value self, Value* args) {
  auto* it = self.as<IndexIter>();
  int64_t want;
  if (!iter_state_index(args[0], &want)) return nullptr;
  CriticalSection cs(it);
  if (!it->seq.is_null()) {
    int64_t n = tuple_size(it->seq);
    it->index = want < 0 ? 0 : want > n ? n : want;
  }
  return Ref<>::steal(none());
}

const char kLengthHintDoc[] = "Private method returning an estimate of len(list(it)).";
const char kReduceDoc[] = "Return state information for pickling.";
const char kSetStateDoc[] = "Set state information for unpickling.";
const MethodDef kListIterMethods[] = {{"__length_hint__($self, /)", list_iter_length_hint, kLengthHintDoc},
                                      {"__reduce__($self, /)", list_iter_reduce, kReduceDoc},
                                      {"__setstate__($self, state, /)", list_iter_setstate, kSetStateDoc},
                                      {nullptr}};
const MethodDef kListReverseIterMethods[] = {
    {"__length_hint__($self, /)", list_reverse_iter_length_hint, kLengthHintDoc},
    {"__reduce__($self, /)", list_reverse_iter_reduce, kReduceDoc},
    {"__setstate__($self, state, /)", list_reverse_iter_setstate, kSetStateDoc},
    {nullptr}};
const MethodDef kTupleIterMethods[] = {{"__length_hint__($self, /)", tuple_iter_length_hint, kLengthHintDoc},
                                       {"__reduce__($self, /)", tuple_iter_reduce, kReduceDoc},
                                       {"__setstate__($self, state, /)", tuple_iter_setstate, kSetStateDoc},
                                       {nullptr}};

// reversed(seq) over the sequence protocol.
Ref<> reversed_next(Value self) {
  auto* it = self.as<IndexIter>();
  Ref<> seq;
  int64_t i;
  {
    Ref<> dead;
    CriticalSection cs(it);
    if (it->seq.is_null()) return nullptr;
    if (it->index < 0) {
      exhaust(it, &dead);  // CPython drops the sequence here (seen by __reduce__)
      return nullptr;
    }
    seq = Ref<>::borrow(it->seq);
    i = it->index--;
  }
  Ref<> idx = int_from_int64(i);
  Ref<> r = getitem(seq.val(), idx.val());
  if (!r && (err_matches(g_IndexError) || err_matches(g_StopIteration))) {
    err_clear();
    Ref<> dead;
    CriticalSection cs(it);
    it->index = -1;
    if (!it->seq.is_null()) exhaust(it, &dead);
  }
  return r;
}

Ref<> reversed_length_hint(Value self, Value*) {
  auto* it = self.as<IndexIter>();
  Ref<> seq;
  int64_t i;
  {
    CriticalSection cs(it);
    if (it->seq.is_null()) return small_int(0);
    seq = Ref<>::borrow(it->seq);
    i = it->index;
  }
  int64_t n = length(seq.val());
  if (n < 0) return nullptr;
  return small_int(n < i + 1 ? 0 : i + 1);
}

Ref<> reversed_reduce(Value self, Value*) {
  auto* it = self.as<IndexIter>();
  Ref<> seq;
  int64_t i;
  {
    CriticalSection cs(it);
    seq = Ref<>::borrow(it->seq);
    i = it->index;
  }
  Ref<> args = tuple_pack({seq ? seq.val() : Value(empty_tuple().get())});
  if (!args) return nullptr;
  if (!seq) return tuple_pack({Value(type_of(self)), args.val()});
  return tuple_pack({Value(type_of(self)), args.val(), Value::small(i)});
}

// Clamped to [-1, len(seq) - 1]; the length is read outside the lock (it may
// call __len__), so a racing next() may be overtaken, as in CPython.
Ref<> reversed_setstate(Value self, Value* args) {
  auto* it = self.as<IndexIter>();
  int64_t want;
  if (!iter_state_index(args[0], &want)) return nullptr;
  Ref<> seq;
  {
    CriticalSection cs(it);
    seq = Ref<>::borrow(it->seq);
  }
  if (!seq) return Ref<>::steal(none());
  int64_t n = length(seq.val());
  if (n < 0) return nullptr;
  CriticalSection cs(it);
  if (!it->seq.is_null()) it->index = want < -1 ? -1 : want > n - 1 ? n - 1 : want;
  return Ref<>::steal(none());
}

const MethodDef kReversedMethods[] = {{"__length_hint__($self, /)", reversed_length_hint, kLengthHintDoc},
                                      {"__reduce__($self, /)", reversed_reduce, kReduceDoc},
                                      {"__setstate__($self, state, /)", reversed_setstate, kSetStateDoc},
                                      {nullptr}};

Ref<> reversed_for(Type* t, Value seq) {
  Value rev = type_lookup(type_of(seq), Value(ids::__reversed__));
  if (rev) {
    if (is_none(rev)) return err_format(g_TypeError, "'%s' object is not reversible", type_name(type_of(seq)));
    Ref<> hold = Ref<>::borrow(rev);
    return call_method(seq, Value(ids::__reversed__), nullptr, 0);
  }
  Type* st = type_of(seq);
  if (!st->mp_subscript || is_dict(seq) || !st->mp_length)
    return err_format(g_TypeError, "'%s' object is not reversible", type_name(st));
  int64_t n = length(seq);
  if (n < 0) return nullptr;
  return index_iter_new(t, seq, n - 1);
}

Ref<> reversed_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  if (t == &g_reversed_type && !no_keywords("reversed", kwnames)) return nullptr;
  if (nargs != 1) return err_format(g_TypeError, "reversed expected 1 argument, got %zu", nargs);
  return reversed_for(t, args[0]);
}

// --- enumerate ---------------------------------------------------------------------------

struct Enumerate : Object {
  int64_t index;     // used while big_index is null
  Value big_index;   // owned int once the count leaves int64
  Value it;          // owned
};

void enumerate_dealloc(Object* o) {
  auto* e = static_cast<Enumerate*>(o);
  decref(e->big_index);
  decref(e->it);
  free_object(o);
}
void enumerate_traverse(Object* o, VisitFn visit, void* arg) {
  auto* e = static_cast<Enumerate*>(o);
  visit(e->big_index, arg);
  visit(e->it, arg);
}

Ref<> enumerate_impl(Value cls, Value* args) {
  Type* t = cls.as<Type>();
  Ref<> it = get_iter(args[0]);
  if (!it) return nullptr;
  Ref<> start;
  if (!args[1].is_null()) {
    start = number_index(args[1]);
    if (!start) return nullptr;
  }
  auto* e = alloc_object<Enumerate>(t, t->basic_size);
  if (!e) return nullptr;
  Ref<> r = Ref<>::steal(Value(e));
  e->it = it.release();
  int64_t i = 0;
  if (start && !int_as_int64(start.val(), &i)) e->big_index = start.release();
  else e->index = i;
  return r;
}
const MethodDef kEnumerateNew = {"enumerate($type, iterable, start=0)", enumerate_impl, nullptr, kMethClass};

Ref<> enumerate_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  if (nargs == 0 && (kwnames.is_null() || tuple_size(kwnames) == 0))
    return err_set_str(g_TypeError, "enumerate() missing required argument 'iterable'");
  return native_call(&kEnumerateNew, Value(t), args, nargs, kwnames);
}

Ref<> enumerate_next(Value self) {
  auto* e = self.as<Enumerate>();
  CriticalSection cs(e);
  Ref<> item = iter_next(e->it);
  if (!item) return nullptr;
  Ref<> idx;
  if (e->big_index.is_null()) {
    if (e->index == INT64_MAX) {
      e->big_index = int_from_int64(INT64_MAX).release();
    } else {
      idx = int_from_int64(e->index++);
    }
  }
  if (!e->big_index.is_null()) {
    idx = Ref<>::borrow(e->big_index);
    Ref<> next = int_add(e->big_index, Value::small(1));
    if (!next) return nullptr;
    Value old = e->big_index;
    e->big_index = next.release();
    decref(old);
  }
  if (!idx) return nullptr;
  return tuple_pack({idx.val(), item.val()});
}

Ref<> enumerate_reduce(Value self, Value*) {
  auto* e = self.as<Enumerate>();
  Ref<> it, idx;
  {
    CriticalSection cs(e);
    it = Ref<>::borrow(e->it);
    idx = e->big_index.is_null() ? int_from_int64(e->index) : Ref<>::borrow(e->big_index);
  }
  if (!idx) return nullptr;
  Ref<> args = tuple_pack({it.val(), idx.val()});
  if (!args) return nullptr;
  return tuple_pack({Value(type_of(self)), args.val()});
}

Ref<> enumerate_class_getitem(Value cls, Value* args) { return generic_alias_new(cls, args[0]); }

const MethodDef kEnumerateMethods[] = {
    {"__reduce__($self, /)", enumerate_reduce, kReduceDoc},
    {"__class_getitem__($type, item, /)", enumerate_class_getitem, "See PEP 585", kMethClass},
    {nullptr}};

// --- zip and map share the "pull one item from each iterator" step -----------------------

struct MultiIter : Object {
  Value iters;  // owned tuple of iterators
  Value func;   // owned (map only)
  bool strict;
};

void multi_dealloc(Object* o) {
  auto* m = static_cast<MultiIter*>(o);
  decref(m->iters);
  decref(m->func);
  free_object(o);
}
void multi_traverse(Object* o, VisitFn visit, void* arg) {
  auto* m = static_cast<MultiIter*>(o);
  visit(m->iters, arg);
  visit(m->func, arg);
}

Ref<> iters_of(const Value* args, size_t n) {
  Ref<Tuple> t = tuple_new(static_cast<int64_t>(n));
  if (!t) return nullptr;
  for (size_t i = 0; i < n; i++) {
    Ref<> it = get_iter(args[i]);
    if (!it) return nullptr;
    tuple_init_item(t.get(), static_cast<int64_t>(i), std::move(it));
  }
  return t;
}

std::nullptr_t length_mismatch(const char* who, int64_t i, bool longer) {
  const char* what = longer ? "longer" : "shorter";
  if (i == 1) return err_format(g_ValueError, "%s() argument 2 is %s than argument 1", who, what);
  return err_format(g_ValueError, "%s() argument %lld is %s than arguments 1-%lld", who,
                    static_cast<long long>(i + 1), what, static_cast<long long>(i));
}

// Fill out[0..n) (n = the number of iterators) with the next item of every
// iterator; false when exhausted (an exception pending on error or a strict
// length mismatch). Items already pulled stay in `out` and are released by
// its owner.
bool pull_all(MultiIter* m, const char* who, Ref<>* out) {
  int64_t n = tuple_size(m->iters);
  for (int64_t i = 0; i < n; i++) {
    Ref<> x = iter_next(tuple_item(m->iters, i));
    if (!x) {
      if (err_occurred() || !m->strict) return false;
      if (i > 0) {
        length_mismatch(who, i, false);
        return false;
      }
      for (int64_t j = 1; j < n; j++) {
        Ref<> y = iter_next(tuple_item(m->iters, j));
        if (y) {
          length_mismatch(who, j, true);
          return false;
        }
        if (err_occurred()) return false;
      }
      return false;
    }
    out[i] = std::move(x);
  }
  return true;
}

// Room for one item per iterator: inline for the usual few iterators, so
// that a zip or map step allocates nothing but its result (a heap vector
// per step cost ~150 instructions of malloc/free on every zip()).
class PulledItems {
 public:
  explicit PulledItems(int64_t n) {
    if (n > kInline) {
      heap_.resize(static_cast<size_t>(n));
      items_ = heap_.data();
    }
  }
  Ref<>* data() { return items_; }
  Ref<>& operator[](int64_t i) { return items_[i]; }

 private:
  static constexpr int64_t kInline = 8;
  Ref<> inline_[kInline];
  std::vector<Ref<>> heap_;
  Ref<>* items_ = inline_;
};

Ref<> zip_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  bool strict = false;
  int64_t nk = kwnames.is_null() ? 0 : tuple_size(kwnames);
  for (int64_t k = 0; k < nk; k++) {
    Value name = tuple_item(kwnames, k);
    if (str_view(name) != "strict")
      return err_format(g_TypeError, "'%s' is an invalid keyword argument for zip()", std::string(str_view(name)).c_str());
    int b = truthy(args[nargs + k]);
    if (b < 0) return nullptr;
    strict = b != 0;
  }
  Ref<> iters = iters_of(args, nargs);
  if (!iters) return nullptr;
  auto* z = alloc_object<MultiIter>(t, t->basic_size);
  if (!z) return nullptr;
  z->iters = iters.release();
  z->strict = strict;
  return Ref<>::steal(Value(z));
}

Ref<> zip_next(Value self) {
  auto* z = self.as<MultiIter>();
  CriticalSection cs(z);
  int64_t n = tuple_size(z->iters);
  if (n == 0) return nullptr;
  PulledItems items(n);
  if (!pull_all(z, "zip", items.data())) return nullptr;
  Ref<Tuple> r = tuple_new(n);
  if (!r) return nullptr;
  for (int64_t i = 0; i < n; i++) tuple_init_item(r.get(), i, std::move(items[i]));
  return r;
}

// (zip, iterators) or, strict, (zip, iterators, True).
Ref<> zip_reduce(Value self, Value*) {
  auto* z = self.as<MultiIter>();
  bool strict;
  {
    CriticalSection cs(z);
    strict = z->strict;
  }
  if (strict) return tuple_pack({Value(type_of(self)), z->iters, true_value()});
  return tuple_pack({Value(type_of(self)), z->iters});
}

Ref<> zip_setstate(Value self, Value* args) {
  auto* z = self.as<MultiIter>();
  int b = truthy(args[0]);
  if (b < 0) return nullptr;
  CriticalSection cs(z);
  z->strict = b != 0;
  return Ref<>::steal(none());
}

const MethodDef kZipMethods[] = {{"__reduce__($self, /)", zip_reduce, kReduceDoc},
                                 {"__setstate__($self, state, /)", zip_setstate, kSetStateDoc},
                                 {nullptr}};

// map(func, *iterables, strict=False): strict is new in 3.14.
Ref<> map_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  bool strict = false;
  int64_t nk = kwnames.is_null() ? 0 : tuple_size(kwnames);
  for (int64_t k = 0; k < nk; k++) {
    Value name = tuple_item(kwnames, k);
    if (str_view(name) != "strict")
      return err_format(g_TypeError, "map() got an unexpected keyword argument '%s'", std::string(str_view(name)).c_str());
    int b = truthy(args[nargs + k]);
    if (b < 0) return nullptr;
    strict = b != 0;
  }
  if (nargs < 2) return err_set_str(g_TypeError, "map() must have at least two arguments.");
  Ref<> iters = iters_of(args + 1, nargs - 1);
  if (!iters) return nullptr;
  auto* m = alloc_object<MultiIter>(t, t->basic_size);
  if (!m) return nullptr;
  m->iters = iters.release();
  m->func = Ref<>::borrow(args[0]).release();
  m->strict = strict;
  return Ref<>::steal(Value(m));
}

Ref<> map_next(Value self) {
  auto* m = self.as<MultiIter>();
  int64_t n = tuple_size(m->iters);
  PulledItems items(n);
  {
    CriticalSection cs(m);
    if (!pull_all(m, "map", items.data())) return nullptr;
  }
  Value inline_argv[8];
  std::vector<Value> heap_argv;
  Value* argv = inline_argv;
  if (n > 8) {
    heap_argv.resize(static_cast<size_t>(n));
    argv = heap_argv.data();
  }
  for (int64_t i = 0; i < n; i++) argv[i] = items[i].val();
  return call(m->func, argv, static_cast<size_t>(n));
}

// (map, (func, *iterators)); strict (3.14 only) adds True, as 3.14 does.
Ref<> map_reduce(Value self, Value*) {
  auto* m = self.as<MultiIter>();
  int64_t n = tuple_size(m->iters);
  Ref<Tuple> args = tuple_new(n + 1);
  if (!args) return nullptr;
  tuple_init_item(args.get(), 0, Ref<>::borrow(m->func));
  for (int64_t i = 0; i < n; i++) tuple_init_item(args.get(), i + 1, Ref<>::borrow(tuple_item(m->iters, i)));
  bool strict;
  {
    CriticalSection cs(m);
    strict = m->strict;
  }
  if (strict) return tuple_pack({Value(type_of(self)), Value(args.get()), true_value()});
  return tuple_pack({Value(type_of(self)), Value(args.get())});
}

const MethodDef kMapMethods[] = {{"__reduce__($self, /)", map_reduce, kReduceDoc}, {nullptr}};

// --- filter ----------------------------------------------------------------------------------

Ref<> filter_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  if (t == &g_filter_type && !no_keywords("filter", kwnames)) return nullptr;
  if (nargs != 2) return err_format(g_TypeError, "filter expected 2 arguments, got %zu", nargs);
  Ref<> it = get_iter(args[1]);
  if (!it) return nullptr;
  auto* f = alloc_object<MultiIter>(t, t->basic_size);
  if (!f) return nullptr;
  f->iters = it.release();  // a single iterator here, not a tuple
  f->func = Ref<>::borrow(args[0]).release();
  return Ref<>::steal(Value(f));
}

Ref<> filter_next(Value self) {
  auto* f = self.as<MultiIter>();
  bool use_truth = is_none(f->func) || f->func == Value(&g_bool_type);
  for (;;) {
    Ref<> item;
    {
      CriticalSection cs(f);
      item = iter_next(f->iters);
    }
    if (!item) return nullptr;
    int ok;
    if (use_truth) {
      ok = truthy(item.val());
    } else {
      Ref<> r = call1(f->func, item.val());
      if (!r) return nullptr;
      ok = truthy(r.val());
    }
    if (ok < 0) return nullptr;
    if (ok) return item;
  }
}

Ref<> filter_reduce(Value self, Value*) {
  auto* f = self.as<MultiIter>();
  Ref<> args = tuple_pack({f->func, f->iters});
  if (!args) return nullptr;
  return tuple_pack({Value(type_of(self)), args.val()});
}

const MethodDef kFilterMethods[] = {{"__reduce__($self, /)", filter_reduce, kReduceDoc}, {nullptr}};

// --- readying -----------------------------------------------------------------------------------

void ready_iter(Type* t, const char* name, size_t size, DeallocFn dealloc, TraverseFn traverse, UnaryFn next,
                const MethodDef* methods, NewFn tp_new = nullptr, const char* doc = nullptr) {
  t->name = name;
  t->basic_size = static_cast<uint32_t>(size);
  t->flags = kTypeHasGc | (tp_new ? kTypeBaseType : 0);
  t->tp_dealloc = dealloc;
  t->tp_traverse = traverse;
  t->tp_iter = iter_self;
  t->tp_iternext = next;
  t->tp_new = tp_new;
  t->methods = methods;
  t->doc = doc;
  type_ready(t);
}

}  // namespace

Ref<> builtin_iter_function() {
  Ref<> f;
  Value b = current_builtins_dict();
  int r = b.is_null() ? 0 : dict_get_item_str(b, str_intern("iter"), &f);
  if (r < 0) return nullptr;
  if (r == 0) return err_set_str(g_AttributeError, "iter");
  return f;
}

Ref<> iter_reduce(Value seq, Value index) {
  Ref<> f = builtin_iter_function();
  if (!f) return nullptr;
  Ref<> args = tuple_pack({seq});
  if (!args) return nullptr;
  if (index.is_null()) return tuple_pack({f.val(), args.val()});
  return tuple_pack({f.val(), args.val(), index});
}

bool iter_state_index(Value state, int64_t* out) {
  if (!is_int(state)) {
    err_set_str(g_TypeError, "an integer is required");
    return false;
  }
  if (!int_as_int64(state, out)) {
    err_set_str(g_OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

Ref<> list_iter_new(Value list) { return index_iter_new(&g_list_iter_type, list, 0); }
Ref<> list_reverse_iter_new(Value list) {
  return index_iter_new(&g_list_reverse_iter_type, list, list_size(list) - 1);
}
Ref<> tuple_iter_new(Value tuple) { return index_iter_new(&g_tuple_iter_type, tuple, 0); }
Ref<> reversed_new(Value seq) { return reversed_for(&g_reversed_type, seq); }

void iterator_types_init() {
  ready_iter(&g_list_iter_type, "list_iterator", sizeof(IndexIter), index_iter_dealloc, index_iter_traverse,
             list_iter_next, kListIterMethods);
  ready_iter(&g_list_reverse_iter_type, "list_reverseiterator", sizeof(IndexIter), index_iter_dealloc,
             index_iter_traverse, list_reverse_iter_next, kListReverseIterMethods);
  ready_iter(&g_tuple_iter_type, "tuple_iterator", sizeof(IndexIter), index_iter_dealloc, index_iter_traverse,
             tuple_iter_next, kTupleIterMethods);
  ready_iter(&g_reversed_type, "reversed", sizeof(IndexIter), index_iter_dealloc, index_iter_traverse,
             reversed_next, kReversedMethods, reversed_tp_new, "Return a reverse iterator over the values of the given sequence.");
  ready_iter(&g_enumerate_type, "enumerate", sizeof(Enumerate), enumerate_dealloc, enumerate_traverse,
             enumerate_next, kEnumerateMethods, enumerate_tp_new,
             "Return an enumerate object.\n\n  iterable\n    an object supporting iteration\n\nThe enumerate object "
             "yields pairs containing a count (from start, which\ndefaults to zero) and a value yielded by the iterable "
             "argument.");
  ready_iter(&g_zip_type, "zip", sizeof(MultiIter), multi_dealloc, multi_traverse, zip_next, kZipMethods, zip_tp_new,
             "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.");
  ready_iter(&g_map_type, "map", sizeof(MultiIter), multi_dealloc, multi_traverse, map_next, kMapMethods, map_tp_new,
             "map(function, iterable, /, *iterables, strict=False)\n--\n\nMake an iterator that computes the function "
             "using arguments from\neach of the iterables.  Stops when the shortest iterable is exhausted.");
  ready_iter(&g_filter_type, "filter", sizeof(MultiIter), multi_dealloc, multi_traverse, filter_next, kFilterMethods,
             filter_tp_new,
             "filter(function or None, iterable) --> filter object\n\nReturn an iterator yielding those items of "
             "iterable for which function(item)\nis true. If function is None, return the items that are true.");
}

}  // namespace ftpy
