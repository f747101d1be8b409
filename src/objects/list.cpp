// list core: storage, lock-free item reads, append, repr, comparison.
// Methods (sort, index, slicing, ...) live in list_methods.cpp. See list.h for
// the thread-safety protocol.
#include "objects/list.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"
#include "runtime/qsbr.h"

namespace ftpy {

Type g_list_type;

// The lock-free read raced with a writer: read under the lock.
Ref<> list_get_raced(Value lv, int64_t i) {
  List* l = lv.as<List>();
  CriticalSection cs(l);
  if (i < 0 || i >= l->size.load(std::memory_order_relaxed)) return nullptr;
  return Ref<>::borrow(list_items_locked(l)[i]);
}

namespace {

void list_dealloc(Object* o) {
  List* l = static_cast<List*>(o);
  ListArray* a = l->array.load(std::memory_order_relaxed);
  if (a) {
    // Last item first, as CPython does: finalizers of the items run in that order.
    for (int64_t i = l->size.load(std::memory_order_relaxed) - 1; i >= 0; i--) decref(a->slots()[i]);
    heap_free(a);
  }
  free_object(o);
}

void list_traverse(Object* o, VisitFn visit, void* arg) {
  List* l = static_cast<List*>(o);
  ListArray* a = l->array.load(std::memory_order_relaxed);
  if (!a) return;
  int64_t n = l->size.load(std::memory_order_relaxed);
  for (int64_t i = 0; i < n; i++) visit(a->slots()[i], arg);
}

// Cycle collector: empty a garbage list. Nothing can read garbage, so the
// items and the array are released at once, not retired; outside the critical
// section, since freeing them may run finalizers.
void list_clear_slot(Object* o) {
  List* l = static_cast<List*>(o);
  ListArray* a;
  int64_t n;
  {
    CriticalSection cs(l);
    a = l->array.load(std::memory_order_relaxed);
    n = l->size.load(std::memory_order_relaxed);
    l->array.store(nullptr, std::memory_order_release);
    l->size.store(0, std::memory_order_release);
  }
  if (!a) return;
  for (int64_t i = n - 1; i >= 0; i--) decref(a->slots()[i]);  // last first, as list_dealloc
  heap_free(a);
}

}  // namespace

namespace {

// A new array whose slots from `zero_from` on are null (the caller fills the
// ones before).
ListArray* array_alloc(int64_t cap, int64_t zero_from) {
  // sizeof(Value) * cap wraps for cap >= 2**61: refuse before it does.
  if (static_cast<uint64_t>(cap) > (uint64_t{1} << 56)) return err_no_memory();
  auto* a = static_cast<ListArray*>(heap_alloc(sizeof(ListArray) + sizeof(Value) * cap));
  if (!a) return nullptr;
  a->capacity = cap;
  std::memset(static_cast<void*>(a->slots() + zero_from), 0, sizeof(Value) * (cap - zero_from));
  return a;
}

}  // namespace

ListArray* list_array_new(int64_t cap) { return array_alloc(cap, 0); }

void list_replace_array_locked(List* l, ListArray* a, int64_t n) {
  ListArray* old = l->array.load(std::memory_order_relaxed);
  l->array.store(a, std::memory_order_release);
  l->size.store(n, std::memory_order_release);
  qsbr_retire_memory(old);
}

// Readers may be in the old array, so it is copied, not realloc'd.
bool list_reserve_locked(List* l, int64_t need) {
  ListArray* old = l->array.load(std::memory_order_relaxed);
  if (need <= (old ? old->capacity : 0)) return true;
  int64_t cap = need + (need >> 3) + (need < 9 ? 3 : 6);
  int64_t n = l->size.load(std::memory_order_relaxed);
  ListArray* a = array_alloc(cap, n);
  if (!a) return false;
  if (n) std::memcpy(static_cast<void*>(a->slots()), old->slots(), sizeof(Value) * n);
  list_replace_array_locked(l, a, n);
  return true;
}

Ref<List> list_new(int64_t size) {
  List* l = alloc_object<List>(&g_list_type);
  if (!l) return nullptr;
  Ref<List> r = Ref<List>::steal(l);
  if (size > 0) {
    ListArray* a = list_array_new(size);
    if (!a) return nullptr;
    l->array.store(a, std::memory_order_relaxed);
    l->size.store(size, std::memory_order_relaxed);
  }
  return r;
}

void list_init_item(List* l, int64_t i, Ref<> v) { list_items_locked(l)[i] = v.release(); }

Ref<List> list_from_array(const Value* items, int64_t n) {
  Ref<List> l = list_new(n);
  if (!l) return nullptr;
  for (int64_t i = 0; i < n; i++) list_init_item(l.get(), i, Ref<>::borrow(items[i]));
  return l;
}

int list_append(Value lv, Value item) {
  List* l = lv.as<List>();
  CriticalSection cs(l);
  int64_t n = l->size.load(std::memory_order_relaxed);
  if (n == list_capacity_locked(l) && !list_reserve_locked(l, n + 1)) return -1;
  incref(item);
  list_slot_store(list_items_locked(l) + n, item);
  l->size.store(n + 1, std::memory_order_release);
  return 0;
}

int list_extend(Value lv, Value iterable) {
  // Exact types only: a subclass may override __iter__ (list(sub), [*sub]).
  if (is_list_exact(iterable) || is_tuple_exact(iterable)) {
    // Snapshot the source under its own lock (it may be lv itself).
    Ref<> snap = is_list(iterable) ? list_as_tuple(iterable) : Ref<>::borrow(iterable);
    if (!snap) return -1;
    Tuple* t = snap.val().as<Tuple>();
    List* l = lv.as<List>();
    CriticalSection cs(l);
    int64_t n = l->size.load(std::memory_order_relaxed);
    if (!list_reserve_locked(l, n + t->size)) return -1;
    Value* items = list_items_locked(l);
    for (int64_t i = 0; i < t->size; i++) {
      incref(t->items[i]);
      list_slot_store(items + n + i, t->items[i]);
    }
    l->size.store(n + t->size, std::memory_order_release);
    return 0;
  }
  Ref<> it = get_iter(iterable);
  if (!it) return -1;
  // CPython sizes the list from the iterable's len() first (its length
  // hint), so a user __len__ runs, and an error from it other than
  // TypeError (e.g. "__len__() should return >= 0") propagates.
  if (LenFn len_fn = type_of(iterable)->mp_length; len_fn && (type_of(iterable)->flags & kTypeHeapType)) {
    if (len_fn(iterable) < 0 && err_occurred()) {
      if (!err_matches(g_TypeError)) return -1;
      err_clear();
    }
  }
  for (;;) {
    Ref<> x = iter_next(it.val());
    if (!x) return err_occurred() ? -1 : 0;
    if (list_append(lv, x.val()) < 0) return -1;
  }
}

Ref<> list_get(Value lv, int64_t i) {
  Ref<> out = list_get_or_null(lv, i);
  if (!out) return err_set_str(g_IndexError, "list index out of range");
  return out;
}

Ref<> list_as_tuple(Value lv) {
  List* l = lv.as<List>();
  CriticalSection cs(l);
  return tuple_from_array(list_items_locked(l), l->size.load(std::memory_order_relaxed));
}

namespace {

Ref<> list_repr(Value v) {
  if (list_size(v) == 0) return str_from_ascii("[]");
  if (!repr_enter(v)) return str_from_ascii("[...]");
  std::string s = "[";
  for (int64_t i = 0;; i++) {
    Ref<> item = list_get_or_null(v, i);
    if (!item) break;
    if (i) s += ", ";
    Ref<> r = repr(item.val());
    if (!r) {
      repr_leave(v);
      return nullptr;
    }
    s += str_view(r.val());
  }
  s += "]";
  repr_leave(v);
  return str_from_utf8(s);
}

int64_t list_len(Value v) { return list_size(v); }

int list_contains(Value v, Value item) {
  for (int64_t i = 0;; i++) {
    Ref<> x = list_get_or_null(v, i);
    if (!x) return 0;
    int r = richcompare_bool(x.val(), item, kEq);
    if (r) return r;
  }
}

Ref<> list_richcompare(Value a, Value b, CompareOp op) {
  if (!is_list(b)) return Ref<>::steal(not_implemented());
  if ((op == kEq || op == kNe) && list_size(a) != list_size(b)) return new_bool(op == kNe);
  for (int64_t i = 0;; i++) {
    Ref<> x = list_get_or_null(a, i);
    if (!x) break;
    Ref<> y = list_get_or_null(b, i);
    if (!y) break;
    int eq = richcompare_bool(x.val(), y.val(), kEq);
    if (eq < 0) return nullptr;
    if (!eq) {
      if (op == kEq) return new_bool(false);
      if (op == kNe) return new_bool(true);
      return richcompare(x.val(), y.val(), op);
    }
  }
  int64_t n1 = list_size(a), n2 = list_size(b);
  bool r;
  switch (op) {
    case kLt: r = n1 < n2; break;
    case kLe: r = n1 <= n2; break;
    case kEq: r = n1 == n2; break;
    case kNe: r = n1 != n2; break;
    case kGt: r = n1 > n2; break;
    default: r = n1 >= n2; break;
  }
  return new_bool(r);
}

}  // namespace

void list_fill_methods(Type* t);  // list_methods.cpp

void list_type_init_core() {
  Type* t = &g_list_type;
  t->name = "list";
  t->basic_size = sizeof(List);
  t->flags = kTypeBaseType | kTypeListSubclass | kTypeHasGc | kTypeSequence;
  t->tp_dealloc = list_dealloc;
  t->tp_traverse = list_traverse;
  t->tp_clear = list_clear_slot;
  t->tp_repr = list_repr;
  t->tp_richcompare = list_richcompare;
  t->mp_length = list_len;
  t->sq_contains = list_contains;
  t->tp_hash = nullptr;
  list_fill_methods(t);
  t->doc = "Built-in mutable sequence.\n\nIf no argument is given, the constructor creates a new empty list.\n"
           "The argument must be an iterable if specified.";
  t->ob_type = &g_type_type;
  make_immortal(t);
}

void list_module_init() {
  if (!g_list_type.tp_new) list_type_init_core();
  type_ready(&g_list_type);
}

}  // namespace ftpy
