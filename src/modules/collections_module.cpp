// The _collections module: deque, its iterators, defaultdict, _count_elements
// and _tuplegetter (the namedtuple field descriptor).
//
// deque layout: a circular buffer of owned Values whose capacity is a power of
// two (at least kMinCapacity), `head` the index of the leftmost item. Appends
// and pops at either end are O(1) amortised, indexing is O(1) (a block list
// would make it O(n/64)), and the buffer halves when it becomes a quarter full.
// `state` counts structural mutations so iterators can detect them.
//
// Thread safety: every operation on a deque runs inside a critical section on
// the deque. Operations that call Python code per item (count, index, remove,
// `in`, extend) take the lock for each step only and re-check `state`, so
// arbitrary __eq__ code never runs while the lock is held and never sees a
// half-updated buffer. Iterators advance under their own lock and the deque's.
// defaultdict is a dict (internally locked); its __missing__ inserts with
// setdefault semantics so two threads racing on one key get the same value.
#include "modules/collections_module.h"

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

namespace ftpy {

Type g_deque_type, g_deque_iter_type, g_deque_reviter_type, g_defaultdict_type, g_tuplegetter_type;

namespace {

constexpr int64_t kMinCapacity = 8;

struct Deque : Object {
  Value* items;     // heap array of `cap` slots; [head, head+size) mod cap are owned
  int64_t cap;      // power of two
  int64_t head;
  int64_t size;
  int64_t maxlen;   // -1 = unbounded
  uint64_t state;   // bumped by every structural mutation
  Value weakreflist;

  Value& at(int64_t i) { return items[(head + i) & (cap - 1)]; }
};

bool is_deque(Value v) { return v.is_obj() && is_subtype(type_of(v), &g_deque_type); }

// --- buffer primitives (caller holds the deque's critical section) -------------------------------

bool resize(Deque* d, int64_t newcap) {
  auto* n = static_cast<Value*>(heap_alloc(static_cast<size_t>(newcap) * sizeof(Value)));
  if (!n) {
    err_no_memory();
    return false;
  }
  for (int64_t i = 0; i < d->size; i++) n[i] = d->at(i);
  if (d->items) heap_free(d->items);
  d->items = n;
  d->cap = newcap;
  d->head = 0;
  return true;
}

bool ensure_room(Deque* d) {
  if (d->size < d->cap) return true;
  return resize(d, d->cap ? d->cap * 2 : kMinCapacity);
}

void maybe_shrink(Deque* d) {
  if (d->cap > kMinCapacity && d->size * 4 <= d->cap) resize(d, d->cap / 2) || (err_clear(), true);
}

// Steal `v` into the deque.
bool push_back(Deque* d, Value v) {
  if (!ensure_room(d)) return false;
  d->items[(d->head + d->size) & (d->cap - 1)] = v;
  d->size++;
  d->state++;
  return true;
}
bool push_front(Deque* d, Value v) {
  if (!ensure_room(d)) return false;
  d->head = (d->head - 1) & (d->cap - 1);
  d->items[d->head] = v;
  d->size++;
  d->state++;
  return true;
}
// The removed item's reference passes to the caller.
Value pop_back(Deque* d) {
  Value v = d->at(d->size - 1);
  d->size--;
  d->state++;
  return v;
}
Value pop_front(Deque* d) {
  Value v = d->items[d->head];
  d->head = (d->head + 1) & (d->cap - 1);
  d->size--;
  d->state++;
  return v;
}

// Rotate right by k (0 <= k < size), no reference count changes.
void rotate_right(Deque* d, int64_t k) {
  if (d->size == 0 || k == 0) return;
  if (d->size == d->cap) {
    d->head = (d->head - k) & (d->cap - 1);
  } else if (k <= d->size / 2) {
    for (int64_t i = 0; i < k; i++) {
      Value v = d->at(d->size - 1);
      d->head = (d->head - 1) & (d->cap - 1);
      d->items[d->head] = v;
    }
  } else {
    for (int64_t i = 0; i < d->size - k; i++) {
      Value v = d->items[d->head];
      d->head = (d->head + 1) & (d->cap - 1);
      d->at(d->size - 1) = v;
    }
  }
  d->state++;
}

// Append on the right honouring maxlen; an evicted item goes to *evicted.
bool append_locked(Deque* d, Ref<> item, Ref<>* evicted) {
  if (d->maxlen == 0) return true;
  if (!push_back(d, item.release())) return false;
  if (d->maxlen > 0 && d->size > d->maxlen) *evicted = Ref<>::steal(pop_front(d));
  return true;
}
bool appendleft_locked(Deque* d, Ref<> item, Ref<>* evicted) {
  if (d->maxlen == 0) return true;
  if (!push_front(d, item.release())) return false;
  if (d->maxlen > 0 && d->size > d->maxlen) *evicted = Ref<>::steal(pop_back(d));
  return true;
}

// Remove every item; the references are handed to `out` so they are dropped
// after the lock is released.
void clear_locked(Deque* d, std::vector<Value>* out) {
  while (d->size) out->push_back(pop_front(d));
  if (d->items) heap_free(d->items);
  d->items = nullptr;
  d->cap = 0;
  d->head = 0;
  d->state++;
}

void drop_all(std::vector<Value>& vs) {
  for (Value v : vs) decref(v);
}

// --- construction ------------------------------------------------------------------------------

Ref<> deque_tp_new(Type* type, const Value*, size_t, Value) {
  auto* d = alloc_object<Deque>(type, type->basic_size);
  if (!d) return nullptr;
  d->maxlen = -1;
  return Ref<>::steal(Value(d));
}

void deque_dealloc(Object* o) {
  auto* d = static_cast<Deque*>(o);
  if (o->ob_type == &g_deque_type) weakref_clear_all(o);
  for (int64_t i = 0; i < d->size; i++) decref(d->at(i));
  if (d->items) heap_free(d->items);
  free_object(o);
}

void deque_traverse(Object* o, VisitFn visit, void* arg) {
  auto* d = static_cast<Deque*>(o);
  for (int64_t i = 0; i < d->size; i++) visit(d->at(i), arg);
}

int deque_extend_impl(Value self, Value iterable, bool left);

int deque_tp_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("deque(iterable=?, maxlen=None)", nullptr);
  Value a[2];
  Ref<> hold[2];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return -1;
  int64_t maxlen = -1;
  if (!is_none(a[1])) {
    if (!is_int(a[1])) {
      err_set_str(g_TypeError, "an integer is required");
      return -1;
    }
    if (!to_int64(a[1], &maxlen)) return -1;
    if (maxlen < 0) {
      err_set_str(g_ValueError, "maxlen must be non-negative");
      return -1;
    }
  }
  auto* d = self.as<Deque>();
  std::vector<Value> old;
  {
    CriticalSection cs(d);
    d->maxlen = maxlen;
    if (d->size) clear_locked(d, &old);
  }
  drop_all(old);
  if (a[0] && deque_extend_impl(self, a[0], false) < 0) return -1;
  return 0;
}

// A new empty deque of the same type with the same maxlen (for copy, +, *).
Ref<> deque_new_like(Value self, Value iterable) {
  auto* d = self.as<Deque>();
  int64_t maxlen;
  {
    CriticalSection cs(d);
    maxlen = d->maxlen;
  }
  Ref<> ml = maxlen < 0 ? new_none() : int_from_int64(maxlen);
  Type* t = type_of(self);
  if (t == &g_deque_type) {
    Ref<> r = deque_tp_new(t, nullptr, 0, Value());
    if (!r) return nullptr;
    r.val().as<Deque>()->maxlen = maxlen;
    if (iterable && deque_extend_impl(r.val(), iterable, false) < 0) return nullptr;
    return r;
  }
  Value args[2] = {iterable ? iterable : Value(empty_tuple().release()), ml.val()};
  Ref<> hold = Ref<>::steal(iterable ? Value() : args[0]);
  Ref<Str> kw = str_from_ascii("maxlen");
  Ref<Tuple> kwnames = tuple_pack({kw.val()});
  return call(Value(t), args, 1, kwnames.val());
}

// A snapshot of the items as a list.
Ref<> deque_to_list(Value self) {
  auto* d = self.as<Deque>();
  CriticalSection cs(d);
  Ref<List> l = list_new(d->size);
  if (!l) return nullptr;
  for (int64_t i = 0; i < d->size; i++) list_init_item(l.get(), i, Ref<>::borrow(d->at(i)));
  return l;
}

// --- methods -----------------------------------------------------------------------------------

Ref<> deque_append(Value self, Value* args) {
  auto* d = self.as<Deque>();
  Ref<> evicted;
  CriticalSection cs(d);
  if (!append_locked(d, Ref<>::borrow(args[0]), &evicted)) return nullptr;
  return new_none();
}

Ref<> deque_appendleft(Value self, Value* args) {
  auto* d = self.as<Deque>();
  Ref<> evicted;
  CriticalSection cs(d);
  if (!appendleft_locked(d, Ref<>::borrow(args[0]), &evicted)) return nullptr;
  return new_none();
}

Ref<> deque_pop(Value self, Value*) {
  auto* d = self.as<Deque>();
  CriticalSection cs(d);
  if (d->size == 0) return err_set_str(g_IndexError, "pop from an empty deque");
  Ref<> r = Ref<>::steal(pop_back(d));
  maybe_shrink(d);
  return r;
}

Ref<> deque_popleft(Value self, Value*) {
  auto* d = self.as<Deque>();
  CriticalSection cs(d);
  if (d->size == 0) return err_set_str(g_IndexError, "pop from an empty deque");
  Ref<> r = Ref<>::steal(pop_front(d));
  maybe_shrink(d);
  return r;
}

int deque_extend_impl(Value self, Value iterable, bool left) {
  Ref<> src;
  if (iterable == self) {  // d.extend(d): iterate over a snapshot
    src = deque_to_list(self);
    if (!src) return -1;
    iterable = src.val();
  }
  Ref<> it = get_iter(iterable);
  if (!it) return -1;
  auto* d = self.as<Deque>();
  for (;;) {
    Ref<> item = iter_next(it.val());
    if (!item) return err_occurred() ? -1 : 0;
    Ref<> evicted;
    CriticalSection cs(d);
    bool ok = left ? appendleft_locked(d, std::move(item), &evicted) : append_locked(d, std::move(item), &evicted);
    if (!ok) return -1;
  }
}

Ref<> deque_extend(Value self, Value* args) {
  if (deque_extend_impl(self, args[0], false) < 0) return nullptr;
  return new_none();
}
Ref<> deque_extendleft(Value self, Value* args) {
  if (deque_extend_impl(self, args[0], true) < 0) return nullptr;
  return new_none();
}

Ref<> deque_clear(Value self, Value*) {
  auto* d = self.as<Deque>();
  std::vector<Value> old;
  {
    CriticalSection cs(d);
    clear_locked(d, &old);
  }
  drop_all(old);
  return new_none();
}

Ref<> deque_copy(Value self, Value*) {
  Ref<> items = deque_to_list(self);
  if (!items) return nullptr;
  return deque_new_like(self, items.val());
}

Ref<> deque_rotate(Value self, Value* args) {
  int64_t n = 1;
  if (args[0] && !to_int64(args[0], &n)) return nullptr;
  auto* d = self.as<Deque>();
  CriticalSection cs(d);
  if (d->size <= 1) return new_none();
  int64_t k = n % d->size;
  if (k < 0) k += d->size;
  rotate_right(d, k);
  return new_none();
}

Ref<> deque_reverse(Value self, Value*) {
  auto* d = self.as<Deque>();
  CriticalSection cs(d);
  for (int64_t i = 0, j = d->size - 1; i < j; i++, j--) std::swap(d->at(i), d->at(j));
  d->state++;
  return new_none();
}

// Walk the items calling `fn(item)` (Python code allowed) with the lock taken
// per step; stops when fn returns != 0. Returns fn's result, 0 at the end, or
// -1 on error (incl. "deque mutated during iteration").
template <typename F>
int64_t deque_scan(Deque* d, int64_t start, int64_t stop, F fn, int64_t* found_at) {
  uint64_t state;
  {
    CriticalSection cs(d);
    state = d->state;
  }
  for (int64_t i = start;; i++) {
    Ref<> item;
    {
      CriticalSection cs(d);
      if (d->state != state) {
        err_set_str(g_RuntimeError, "deque mutated during iteration");
        return -1;
      }
      if (i >= stop || i >= d->size) return 0;
      item = Ref<>::borrow(d->at(i));
    }
    int r = fn(item.val());
    if (r < 0) return -1;
    {
      CriticalSection cs(d);
      if (d->state != state) {
        err_set_str(g_RuntimeError, "deque mutated during iteration");
        return -1;
      }
    }
    if (r > 0) {
      *found_at = i;
      return 1;
    }
  }
}

Ref<> deque_count(Value self, Value* args) {
  auto* d = self.as<Deque>();
  int64_t n = 0, at;
  Value x = args[0];
  int64_t r = deque_scan(
      d, 0, INT64_MAX,
      [&](Value item) {
        int eq = richcompare_bool(item, x, kEq);
        if (eq > 0) n++;
        return eq < 0 ? -1 : 0;
      },
      &at);
  if (r < 0) return nullptr;
  return int_from_int64(n);
}

int64_t clamp_index(int64_t i, int64_t n) {
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  }
  return i;
}

Ref<> deque_index(Value self, Value* args) {
  auto* d = self.as<Deque>();
  int64_t size;
  {
    CriticalSection cs(d);
    size = d->size;
  }
  int64_t start = 0, stop = INT64_MAX;
  if (args[1] && !to_index(args[1], &start)) return nullptr;
  if (args[2] && !to_index(args[2], &stop)) return nullptr;
  start = clamp_index(start, size);
  stop = clamp_index(stop, size);
  Value x = args[0];
  int64_t at = -1;
  int64_t r = deque_scan(
      d, start, stop, [&](Value item) { return richcompare_bool(item, x, kEq); }, &at);
  if (r < 0) return nullptr;
  if (r == 0) {
    std::string s;
    if (!append_repr(s, x)) return nullptr;
    return err_format(g_ValueError, "%s is not in deque", s.c_str());
  }
  return int_from_int64(at);
}

// Remove the item at i (0 <= i < size), shifting the shorter side.
Value erase_at(Deque* d, int64_t i) {
  Value v = d->at(i);
  if (i < d->size / 2) {
    for (int64_t j = i; j > 0; j--) d->at(j) = d->at(j - 1);
    d->head = (d->head + 1) & (d->cap - 1);
  } else {
    for (int64_t j = i; j < d->size - 1; j++) d->at(j) = d->at(j + 1);
  }
  d->size--;
  d->state++;
  return v;
}

bool insert_at(Deque* d, int64_t i, Value v) {
  if (!ensure_room(d)) return false;
  if (i < d->size / 2) {
    d->head = (d->head - 1) & (d->cap - 1);
    d->size++;
    for (int64_t j = 0; j < i; j++) d->at(j) = d->at(j + 1);
  } else {
    d->size++;
    for (int64_t j = d->size - 1; j > i; j--) d->at(j) = d->at(j - 1);
  }
  d->at(i) = v;
  d->state++;
  return true;
}

Ref<> deque_remove(Value self, Value* args) {
  auto* d = self.as<Deque>();
  Value x = args[0];
  int64_t at = -1;
  int64_t r = deque_scan(
      d, 0, INT64_MAX, [&](Value item) { return richcompare_bool(item, x, kEq); }, &at);
  if (r < 0) return nullptr;
  if (r == 0) {
    std::string s;
    if (!append_repr(s, x)) return nullptr;
    return err_format(g_ValueError, "%s is not in deque", s.c_str());
  }
  Ref<> removed;
  {
    CriticalSection cs(d);
    if (at >= d->size) return err_set_str(g_RuntimeError, "deque mutated during iteration");
    removed = Ref<>::steal(erase_at(d, at));
  }
  return new_none();
}

Ref<> deque_insert(Value self, Value* args) {
  int64_t i;
  if (!to_index(args[0], &i)) return nullptr;
  auto* d = self.as<Deque>();
  CriticalSection cs(d);
  if (d->maxlen >= 0 && d->size >= d->maxlen)
    return err_set_str(g_IndexError, "deque already at its maximum size");
  int64_t n = d->size;
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  }
  if (i > n) i = n;
  Ref<> v = Ref<>::borrow(args[1]);
  if (!insert_at(d, i, v.val())) return nullptr;
  (void)v.release();
  return new_none();
}

Ref<> deque_iter_new(Value deque, bool reverse);

Ref<> deque_reversed(Value self, Value*) { return deque_iter_new(self, true); }

Ref<> deque_get_maxlen(Value self) {
  auto* d = self.as<Deque>();
  CriticalSection cs(d);
  return d->maxlen < 0 ? new_none() : int_from_int64(d->maxlen);
}

// types.GenericAlias(cls, item), found through list[...] so no import is needed.
Ref<> class_getitem(Value cls, Value* args) {
  Value cg = type_lookup(&g_list_type, Value(ids::__class_getitem__));
  if (!cg) return Ref<>::borrow(cls);
  Ref<> probe = call_method(Value(&g_list_type), Value(ids::__class_getitem__), args, 1);
  if (!probe) return nullptr;
  Value ctor_args[2] = {cls, args[0]};
  return call(Value(type_of(probe.val())), ctor_args, 2);
}

Ref<> deque_reduce(Value self, Value*) {
  Ref<> items = deque_to_list(self);
  if (!items) return nullptr;
  Ref<> it = get_iter(items.val());
  if (!it) return nullptr;
  Ref<> maxlen = deque_get_maxlen(self);
  Ref<Tuple> empty = empty_tuple();
  Ref<Tuple> ctor_args = tuple_pack({empty.val(), maxlen.val()});
  Ref<> state = getattr_opt(self, Value(ids::__dict__));
  if (!state) {
    if (err_occurred()) return nullptr;
    state = new_none();
  }
  return tuple_pack({Value(type_of(self)), ctor_args.val(), state.val(), it.val()});
}

const MethodDef kDequeMethods[] = {
    {"append($self, x, /)", deque_append, "Add an element to the right side of the deque."},
    {"appendleft($self, x, /)", deque_appendleft, "Add an element to the left side of the deque."},
    {"pop($self, /)", deque_pop, "Remove and return the rightmost element."},
    {"popleft($self, /)", deque_popleft, "Remove and return the leftmost element."},
    {"extend($self, iterable, /)", deque_extend, "Extend the right side of the deque with elements from the iterable."},
    {"extendleft($self, iterable, /)", deque_extendleft,
     "Extend the left side of the deque with elements from the iterable."},
    {"clear($self, /)", deque_clear, "Remove all elements from the deque."},
    {"copy($self, /)", deque_copy, "Return a shallow copy of a deque."},
    {"__copy__($self, /)", deque_copy, "Return a shallow copy of a deque."},
    {"count($self, value, /)", deque_count, "Return number of occurrences of value."},
    {"index($self, value, start=?, stop=?, /)", deque_index, "Return first index of value."},
    {"insert($self, index, value, /)", deque_insert, "Insert value before index."},
    {"remove($self, value, /)", deque_remove, "Remove first occurrence of value."},
    {"rotate($self, n=?, /)", deque_rotate, "Rotate the deque n steps to the right.  If n is negative, rotates left."},
    {"reverse($self, /)", deque_reverse, "Reverse *IN PLACE*."},
    {"__reversed__($self, /)", deque_reversed, "Return a reverse iterator over the deque."},
    {"__reduce__($self, /)", deque_reduce, "Return state information for pickling."},
    {"__class_getitem__($type, item, /)", class_getitem, "See PEP 585", kMethClass},
    {nullptr}};

const GetSetDef kDequeGetSets[] = {
    {"maxlen", deque_get_maxlen, nullptr, "maximum size of a deque or None if unbounded"}, {nullptr}};

// --- slots -------------------------------------------------------------------------------------

int64_t deque_len(Value self) {
  auto* d = self.as<Deque>();
  CriticalSection cs(d);
  return d->size;
}

int deque_contains(Value self, Value x) {
  int64_t at;
  int64_t r = deque_scan(
      self.as<Deque>(), 0, INT64_MAX, [&](Value item) { return richcompare_bool(item, x, kEq); }, &at);
  return static_cast<int>(r);
}

bool deque_index_arg(Value key, int64_t* out) {
  if (!is_int(key) && !type_of(key)->nb_index) {
    err_format(g_TypeError, "sequence index must be integer, not '%s'", type_name(type_of(key)));
    return false;
  }
  return to_index(key, out);
}

Ref<> deque_getitem(Value self, Value key) {
  int64_t i;
  if (!deque_index_arg(key, &i)) return nullptr;
  auto* d = self.as<Deque>();
  CriticalSection cs(d);
  if (i < 0) i += d->size;
  if (i < 0 || i >= d->size) return err_set_str(g_IndexError, "deque index out of range");
  return Ref<>::borrow(d->at(i));
}

int deque_setitem(Value self, Value key, Value v) {
  int64_t i;
  if (!deque_index_arg(key, &i)) return -1;
  auto* d = self.as<Deque>();
  Ref<> old;
  CriticalSection cs(d);
  if (i < 0) i += d->size;
  if (i < 0 || i >= d->size) {
    err_set_str(g_IndexError, "deque index out of range");
    return -1;
  }
  if (v.is_null()) {
    old = Ref<>::steal(erase_at(d, i));
    maybe_shrink(d);
  } else {
    incref(v);
    old = Ref<>::steal(d->at(i));
    d->at(i) = v;
  }
  return 0;
}

Ref<> deque_repr(Value self) {
  const char* name = type_name(type_of(self));
  if (!repr_enter(self)) return str_from_ascii("[...]");
  Ref<> items = deque_to_list(self);
  Ref<> r = items ? repr(items.val()) : nullptr;
  repr_leave(self);
  if (!r) return nullptr;
  std::string s = std::string(name) + "(" + std::string(str_view(r.val()));
  int64_t maxlen = self.as<Deque>()->maxlen;
  if (maxlen >= 0) s += ", maxlen=" + std::to_string(maxlen);
  s += ")";
  return str_result(s);
}

Ref<> deque_richcompare(Value a, Value b, CompareOp op) {
  if (!is_deque(a) || !is_deque(b)) return Ref<>::borrow(not_implemented());
  Ref<> la = deque_to_list(a);
  if (!la) return nullptr;
  Ref<> lb = deque_to_list(b);
  if (!lb) return nullptr;
  return richcompare(la.val(), lb.val(), op);
}

Ref<> deque_add(Value a, Value b) {
  if (!is_deque(a)) return Ref<>::borrow(not_implemented());
  if (!is_deque(b))
    return err_format(g_TypeError, "can only concatenate deque (not \"%s\") to deque", type_tp_name(type_of(b)));
  Ref<> r = deque_copy(a, nullptr);
  if (!r) return nullptr;
  if (deque_extend_impl(r.val(), b, false) < 0) return nullptr;
  return r;
}

Ref<> deque_inplace_add(Value a, Value b) {
  if (!is_deque(a)) return Ref<>::borrow(not_implemented());
  if (deque_extend_impl(a, b, false) < 0) return nullptr;
  return Ref<>::borrow(a);
}

// d *= n in place.
bool deque_repeat_inplace(Value self, int64_t n) {
  auto* d = self.as<Deque>();
  if (n <= 0) {
    Ref<> r = deque_clear(self, nullptr);
    return static_cast<bool>(r);
  }
  if (n == 1) return true;
  Ref<> items = deque_to_list(self);
  if (!items) return false;
  int64_t m = list_size(items.val());
  if (m == 0) return true;
  for (int64_t k = 1; k < n; k++) {
    for (int64_t i = 0; i < m; i++) {
      Ref<> evicted;
      CriticalSection cs(d);
      if (!append_locked(d, list_get(items.val(), i), &evicted)) return false;
    }
    if (d->maxlen >= 0 && k * m >= d->maxlen + m) break;  // everything older is evicted anyway
  }
  return true;
}

Ref<> deque_mul(Value a, Value b) {
  Value dq = is_deque(a) ? a : b, nv = is_deque(a) ? b : a;
  if (!is_deque(dq) || (!is_int(nv) && !type_of(nv)->nb_index)) return Ref<>::borrow(not_implemented());
  int64_t n;
  if (!to_int64(nv, &n)) return nullptr;
  Ref<> r = deque_copy(dq, nullptr);
  if (!r || !deque_repeat_inplace(r.val(), n)) return nullptr;
  return r;
}

Ref<> deque_inplace_mul(Value a, Value b) {
  if (!is_deque(a) || (!is_int(b) && !type_of(b)->nb_index)) return Ref<>::borrow(not_implemented());
  int64_t n;
  if (!to_int64(b, &n)) return nullptr;
  if (!deque_repeat_inplace(a, n)) return nullptr;
  return Ref<>::borrow(a);
}

int deque_bool(Value self) { return deque_len(self) > 0; }

// --- iterators ---------------------------------------------------------------------------------

struct DequeIter : Object {
  Value deque;  // owned
  int64_t index;  // items yielded so far
  uint64_t state;
};

Ref<> deque_iter_new(Value deque, bool reverse) {
  auto* d = deque.as<Deque>();
  auto* it = alloc_object<DequeIter>(reverse ? &g_deque_reviter_type : &g_deque_iter_type);
  if (!it) return nullptr;
  it->deque = Ref<>::borrow(deque).release();
  CriticalSection cs(d);
  it->state = d->state;
  return Ref<>::steal(Value(it));
}

Ref<> deque_tp_iter(Value self) { return deque_iter_new(self, false); }

void deque_iter_dealloc(Object* o) {
  decref(static_cast<DequeIter*>(o)->deque);
  free_object(o);
}
void deque_iter_traverse(Object* o, VisitFn visit, void* arg) { visit(static_cast<DequeIter*>(o)->deque, arg); }

Ref<> deque_iter_step(Value self, bool reverse) {
  auto* it = self.as<DequeIter>();
  auto* d = it->deque.as<Deque>();
  CriticalSection2 cs(it, d);
  if (d->state != it->state) {
    it->index = INT64_MAX;  // CPython keeps raising; stay exhausted after the error
    return err_set_str(g_RuntimeError, "deque mutated during iteration");
  }
  if (it->index >= d->size) return nullptr;
  int64_t i = reverse ? d->size - 1 - it->index : it->index;
  it->index++;
  return Ref<>::borrow(d->at(i));
}

Ref<> deque_iter_next(Value self) { return deque_iter_step(self, false); }

// _deque_iterator(deque, index=0) and _deque_reverse_iterator(...): what
// pickling an iterator calls; the iterator skips `index` items. Without it
// object's tp_new made one with no deque (the fuzzer's SIGSEGV). Messages
// are CPython's (PyArg_ParseTuple's).
Ref<> deque_iter_tp_new(Type* t, const Value* args, size_t nargs, Value) {
  bool rev = t == &g_deque_reviter_type;
  if (nargs < 1) return err_set_str(g_TypeError, "function takes at least 1 argument (0 given)");
  if (nargs > 2) return err_format(g_TypeError, "function takes at most 2 arguments (%zu given)", nargs);
  if (!is_subtype(type_of(args[0]), &g_deque_type))
    return err_format(g_TypeError, "argument 1 must be collections.deque, not %s", type_name(type_of(args[0])));
  int64_t index = 0;
  if (nargs == 2 && !to_index(args[1], &index)) return nullptr;
  Ref<> it = deque_iter_new(args[0], rev);
  if (!it) return nullptr;
  for (int64_t i = 0; i < index; i++) {
    Ref<> x = deque_iter_step(it.val(), rev);
    if (!x) {
      if (err_occurred()) return nullptr;
      break;
    }
  }
  return it;
}
Ref<> deque_reviter_next(Value self) { return deque_iter_step(self, true); }
Ref<> iter_self(Value self) { return Ref<>::borrow(self); }

Ref<> deque_iter_length_hint(Value self, Value*) {
  auto* it = self.as<DequeIter>();
  auto* d = it->deque.as<Deque>();
  CriticalSection2 cs(it, d);
  int64_t left = d->state == it->state && it->index < d->size ? d->size - it->index : 0;
  return int_from_int64(left);
}

const MethodDef kDequeIterMethods[] = {
    {"__length_hint__($self, /)", deque_iter_length_hint, "Private method returning an estimate of len(list(it))."},
    {nullptr}};

// --- defaultdict -------------------------------------------------------------------------------

struct DefaultDict : Dict {
  Value default_factory;  // owned; None allowed
};

bool is_defaultdict(Value v) { return v.is_obj() && is_subtype(type_of(v), &g_defaultdict_type); }

Ref<> defaultdict_tp_new(Type* type, const Value*, size_t, Value) {
  auto* d = alloc_object<DefaultDict>(type, type->basic_size);
  if (!d) return nullptr;
  d->default_factory = none();
  return Ref<>::steal(Value(static_cast<Object*>(d)));
}

void defaultdict_dealloc(Object* o) {
  auto* d = static_cast<DefaultDict*>(o);
  Value f = d->default_factory;
  d->default_factory = Value();
  decref(f);
  g_dict_type.tp_dealloc(o);
}

void defaultdict_traverse(Object* o, VisitFn visit, void* arg) {
  auto* d = static_cast<DefaultDict*>(o);
  if (d->default_factory) visit(d->default_factory, arg);
  g_dict_type.tp_traverse(o, visit, arg);
}

// dict.update(self, other) semantics for the constructor's remaining arguments.
int dict_update_from(Value self, Value other) {
  Ref<> keys = getattr_opt(other, Value(ids::keys));
  if (!keys && err_occurred()) return -1;
  return keys || is_dict(other) ? dict_merge(self, other, true) : dict_merge_from_seq2(self, other);
}

int defaultdict_tp_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value factory = none();
  if (nargs > 0) {
    factory = args[0];
    if (!is_none(factory) && callable(factory) <= 0) {
      err_set_str(g_TypeError, "first argument must be callable or None");
      return -1;
    }
  }
  if (nargs > 2) {
    err_format(g_TypeError, "dict expected at most 1 argument, got %zu", nargs - 1);
    return -1;
  }
  auto* d = static_cast<DefaultDict*>(self.obj());
  incref(factory);
  Value old = d->default_factory;
  d->default_factory = factory;
  decref(old);
  if (nargs == 2 && dict_update_from(self, args[1]) < 0) return -1;
  if (!kwnames.is_null()) {
    for (int64_t k = 0; k < tuple_size(kwnames); k++)
      if (dict_set_item(self, tuple_item(kwnames, k), args[nargs + k]) < 0) return -1;
  }
  return 0;
}

Ref<> defaultdict_missing(Value self, Value* args) {
  Ref<> factory = Ref<>::borrow(static_cast<DefaultDict*>(self.obj())->default_factory);
  if (!factory || is_none(factory.val())) {
    Ref<Tuple> a = tuple_pack({args[0]});
    return err_set_object(g_KeyError, a.val());
  }
  Ref<> value = call0(factory.val());
  if (!value) return nullptr;
  // setdefault: a thread that lost the race gets the winner's value.
  return dict_setdefault(self, args[0], value.val());
}

Ref<> defaultdict_copy(Value self, Value*) {
  Value args[2] = {static_cast<DefaultDict*>(self.obj())->default_factory, self};
  return call(Value(type_of(self)), args, 2);
}

Ref<> defaultdict_reduce(Value self, Value*) {
  Value f = static_cast<DefaultDict*>(self.obj())->default_factory;
  Ref<Tuple> args = is_none(f) ? empty_tuple() : tuple_pack({f});
  Ref<> items = call_method(self, Value(ids::items), nullptr, 0);
  if (!items) return nullptr;
  Ref<> it = get_iter(items.val());
  if (!it) return nullptr;
  return tuple_pack({Value(type_of(self)), args.val(), none(), none(), it.val()});
}

Ref<> defaultdict_get_factory(Value self) {
  return Ref<>::borrow(static_cast<DefaultDict*>(self.obj())->default_factory);
}
int defaultdict_set_factory(Value self, Value v) {
  if (v.is_null()) v = none();
  incref(v);
  auto* d = static_cast<DefaultDict*>(self.obj());
  Value old = d->default_factory;
  d->default_factory = v;
  decref(old);
  return 0;
}

Ref<> defaultdict_repr(Value self) {
  Ref<> base = g_dict_type.tp_repr(self);
  if (!base) return nullptr;
  Value f = static_cast<DefaultDict*>(self.obj())->default_factory;
  std::string s = type_name(type_of(self));
  s += "(";
  if (is_none(f)) {
    s += "None";
  } else if (!repr_enter(f)) {
    s += "...";
  } else {
    bool ok = append_repr(s, f);
    repr_leave(f);
    if (!ok) return nullptr;
  }
  s += ", ";
  s += str_view(base.val());
  s += ")";
  return str_result(s);
}

Ref<> defaultdict_or(Value a, Value b) {
  Value left = a, right = b;
  if (is_defaultdict(a)) {
    if (!is_dict(b)) return Ref<>::borrow(not_implemented());
    Ref<> r = defaultdict_copy(a, nullptr);
    if (!r || dict_merge(r.val(), b, true) < 0) return nullptr;
    return r;
  }
  if (!is_defaultdict(right) || !is_dict(left)) return Ref<>::borrow(not_implemented());
  Value args[2] = {static_cast<DefaultDict*>(right.obj())->default_factory, left};
  Ref<> r = call(Value(type_of(right)), args, 2);
  if (!r || dict_merge(r.val(), right, true) < 0) return nullptr;
  return r;
}

const MethodDef kDefaultDictMethods[] = {
    {"__missing__($self, key, /)", defaultdict_missing,
     "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n"
     "  if self.default_factory is None: raise KeyError((key,))\n"
     "  self[key] = value = self.default_factory()\n"
     "  return value"},
    {"copy($self, /)", defaultdict_copy, "D.copy() -> a shallow copy of D."},
    {"__copy__($self, /)", defaultdict_copy, "D.copy() -> a shallow copy of D."},
    {"__reduce__($self, /)", defaultdict_reduce, "Return state information for pickling."},
    {nullptr}};

const GetSetDef kDefaultDictGetSets[] = {
    {"default_factory", defaultdict_get_factory, defaultdict_set_factory,
     "Factory for default value called by __missing__()."},
    {nullptr}};

// --- _count_elements ---------------------------------------------------------------------------

Ref<> count_elements(Value, Value* args) {
  Value mapping = args[0];
  Ref<> it = get_iter(args[1]);
  if (!it) return nullptr;
  bool fast = is_dict_exact(mapping);
  Ref<> get;
  if (!fast) {
    get = getattr(mapping, Value(ids::get));
    if (!get) return nullptr;
  }
  for (;;) {
    Ref<> elem = iter_next(it.val());
    if (!elem) {
      if (err_occurred()) return nullptr;
      return new_none();
    }
    Ref<> old;
    if (fast) {
      int r = dict_get_item(mapping, elem.val(), &old);
      if (r < 0) return nullptr;
      if (r == 0) old = small_int(0);
    } else {
      old = call2(get.val(), elem.val(), Value::small(0));
      if (!old) return nullptr;
    }
    Ref<> n = binary_op(old.val(), Value::small(1), kOpAdd);
    if (!n) return nullptr;
    if ((fast ? dict_set_item(mapping, elem.val(), n.val()) : setitem(mapping, elem.val(), n.val())) < 0)
      return nullptr;
  }
}

// --- _tuplegetter ------------------------------------------------------------------------------

struct TupleGetter : Object {
  int64_t index;
  Value doc;  // owned
};

Ref<> tuplegetter_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs("_tuplegetter", kwnames) || !check_positional("_tuplegetter", nargs, Value(), 2, 2))
    return nullptr;
  int64_t index;
  if (!to_index(args[0], &index)) return nullptr;
  auto* g = alloc_object<TupleGetter>(type, type->basic_size);
  if (!g) return nullptr;
  g->index = index;
  g->doc = Ref<>::borrow(args[1]).release();
  return Ref<>::steal(Value(g));
}

void tuplegetter_dealloc(Object* o) {
  decref(static_cast<TupleGetter*>(o)->doc);
  free_object(o);
}

Ref<> tuplegetter_get(Value descr, Value obj, Value) {
  if (obj.is_null() || is_none(obj)) return Ref<>::borrow(descr);
  auto* g = descr.as<TupleGetter>();
  if (!is_tuple(obj))
    return err_format(g_TypeError, "descriptor for index '%lld' for tuple subclasses doesn't apply to '%s' object",
                      static_cast<long long>(g->index), type_name(type_of(obj)));
  if (g->index < 0 || g->index >= tuple_size(obj)) return err_set_str(g_IndexError, "tuple index out of range");
  return Ref<>::borrow(tuple_item(obj, g->index));
}

int tuplegetter_set(Value, Value, Value v) {
  err_set_str(g_AttributeError, v.is_null() ? "can't delete attribute" : "can't set attribute");
  return -1;
}

Ref<> tuplegetter_get_doc(Value self) { return Ref<>::borrow(self.as<TupleGetter>()->doc); }
int tuplegetter_set_doc(Value self, Value v) {
  auto* g = self.as<TupleGetter>();
  if (v.is_null()) v = none();
  incref(v);
  Value old = g->doc;
  g->doc = v;
  decref(old);
  return 0;
}

const GetSetDef kTupleGetterGetSets[] = {{"__doc__", tuplegetter_get_doc, tuplegetter_set_doc, nullptr},
                                         {nullptr}};

const MethodDef kCollectionsFunctions[] = {
    {"_count_elements(mapping, iterable, /)", count_elements, "Count elements in the iterable, updating the mapping"},
    {nullptr}};

}  // namespace

void collections_types_init() {
  static bool done = false;
  if (done) return;
  done = true;

  Type* t = &g_deque_type;
  t->name = "collections.deque";
  t->basic_size = sizeof(Deque);
  t->flags = kTypeBaseType | kTypeHasGc | kTypeSequence;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
  t->weaklist_offset = static_cast<int32_t>(offsetof(Deque, weakreflist));
#pragma GCC diagnostic pop
  t->tp_dealloc = deque_dealloc;
  t->tp_traverse = deque_traverse;
  // Cycle collector: empty a garbage deque.
  t->tp_clear = [](Object* o) {
    if (!deque_clear(Value(o), nullptr)) err_clear();
  };
  t->tp_new = deque_tp_new;
  t->tp_init = deque_tp_init;
  t->tp_repr = deque_repr;
  t->tp_richcompare = deque_richcompare;
  t->tp_iter = deque_tp_iter;
  t->mp_length = deque_len;
  t->mp_subscript = deque_getitem;
  t->mp_ass_subscript = deque_setitem;
  t->sq_contains = deque_contains;
  t->nb_bool = deque_bool;
  t->nb_binary[kOpAdd] = deque_add;
  t->nb_binary[kOpMul] = deque_mul;
  t->nb_inplace[kOpAdd] = deque_inplace_add;
  t->nb_inplace[kOpMul] = deque_inplace_mul;
  t->methods = kDequeMethods;
  t->getsets = kDequeGetSets;
  t->doc = "A list-like sequence optimized for data accesses near its endpoints.";
  t->ob_type = &g_type_type;
  type_ready(t);

  for (int rev = 0; rev < 2; rev++) {
    t = rev ? &g_deque_reviter_type : &g_deque_iter_type;
    t->name = rev ? "_collections._deque_reverse_iterator" : "_collections._deque_iterator";
    t->basic_size = sizeof(DequeIter);
    t->flags = kTypeHasGc;
    t->tp_dealloc = deque_iter_dealloc;
    t->tp_traverse = deque_iter_traverse;
    t->tp_iter = iter_self;
    t->tp_iternext = rev ? deque_reviter_next : deque_iter_next;
    t->tp_new = deque_iter_tp_new;
    t->methods = kDequeIterMethods;
    t->ob_type = &g_type_type;
    type_ready(t);
  }

  t = &g_defaultdict_type;
  t->name = "collections.defaultdict";
  t->basic_size = sizeof(DefaultDict);
  t->flags = kTypeBaseType | kTypeHasGc | kTypeDictSubclass | kTypeMapping;
  t->base = &g_dict_type;
  t->tp_dealloc = defaultdict_dealloc;
  t->tp_traverse = defaultdict_traverse;
  t->tp_new = defaultdict_tp_new;
  t->tp_init = defaultdict_tp_init;
  t->tp_repr = defaultdict_repr;
  t->nb_binary[kOpOr] = defaultdict_or;
  t->methods = kDefaultDictMethods;
  t->getsets = kDefaultDictGetSets;
  t->doc = "defaultdict(default_factory=None, /, [...]) --> dict with default factory";
  t->ob_type = &g_type_type;
  type_ready(t);

  t = &g_tuplegetter_type;
  t->name = "_collections._tuplegetter";
  t->basic_size = sizeof(TupleGetter);
  t->tp_dealloc = tuplegetter_dealloc;
  t->tp_new = tuplegetter_tp_new;
  t->tp_descr_get = tuplegetter_get;
  t->tp_descr_set = tuplegetter_set;
  t->getsets = kTupleGetterGetSets;
  t->ob_type = &g_type_type;
  type_ready(t);
}

Ref<> collections_module_create() {
  collections_types_init();
  Ref<> m = module_new("_collections");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kCollectionsFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  if (dict_set_item_str(d, "deque", Value(static_cast<Object*>(&g_deque_type))) < 0) return nullptr;
  if (dict_set_item_str(d, "defaultdict", Value(static_cast<Object*>(&g_defaultdict_type))) < 0) return nullptr;
  if (dict_set_item_str(d, "_deque_iterator", Value(static_cast<Object*>(&g_deque_iter_type))) < 0) return nullptr;
  if (dict_set_item_str(d, "_deque_reverse_iterator", Value(static_cast<Object*>(&g_deque_reviter_type))) < 0)
    return nullptr;
  if (dict_set_item_str(d, "_tuplegetter", Value(static_cast<Object*>(&g_tuplegetter_type))) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
