// list core: storage, append, repr, comparison. Methods (sort, index, slicing,
// ...) live in list_methods.cpp.
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

namespace ftpy {

Type g_list_type;

namespace {

void list_dealloc(Object* o) {
  List* l = static_cast<List*>(o);
  Value* items = l->items.load(std::memory_order_relaxed);
  int64_t n = l->size.load(std::memory_order_relaxed);
  for (int64_t i = 0; i < n; i++) decref(items[i]);
  if (items) heap_free(items);
  free_object(o);
}

void list_traverse(Object* o, VisitFn visit, void* arg) {
  List* l = static_cast<List*>(o);
  Value* items = l->items.load(std::memory_order_relaxed);
  int64_t n = l->size.load(std::memory_order_relaxed);
  for (int64_t i = 0; i < n; i++) visit(items[i], arg);
}

// Cycle collector: empty a garbage list (the items are released outside the
// critical section, since freeing them may run finalizers).
void list_clear_slot(Object* o) {
  List* l = static_cast<List*>(o);
  Value* items;
  int64_t n;
  {
    CriticalSection cs(l);
    items = l->items.load(std::memory_order_relaxed);
    n = l->size.load(std::memory_order_relaxed);
    l->items.store(nullptr, std::memory_order_release);
    l->size.store(0, std::memory_order_relaxed);
    l->capacity = 0;
  }
  for (int64_t i = 0; i < n; i++) decref(items[i]);
  if (items) heap_free(items);
}

}  // namespace

// Grow capacity to hold at least `need` items (critical section held).
bool list_reserve_locked(List* l, int64_t need) {
  if (need <= l->capacity) return true;
  int64_t cap = need + (need >> 3) + (need < 9 ? 3 : 6);
  Value* old = l->items.load(std::memory_order_relaxed);
  auto* items = static_cast<Value*>(heap_realloc(old, sizeof(Value) * cap));
  if (!items) return false;
  l->items.store(items, std::memory_order_release);
  l->capacity = cap;
  return true;
}

Ref<List> list_new(int64_t size) {
  List* l = alloc_object<List>(&g_list_type);
  if (!l) return nullptr;
  Ref<List> r = Ref<List>::steal(l);
  if (size > 0) {
    auto* items = static_cast<Value*>(heap_alloc(sizeof(Value) * size));
    if (!items) return nullptr;
    std::memset(items, 0, sizeof(Value) * size);
    l->items.store(items, std::memory_order_relaxed);
    l->capacity = size;
    l->size.store(size, std::memory_order_relaxed);
  }
  return r;
}

void list_init_item(List* l, int64_t i, Ref<> v) {
  l->items.load(std::memory_order_relaxed)[i] = v.release();
}

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
  if (n == l->capacity && !list_reserve_locked(l, n + 1)) return -1;
  incref(item);
  l->items.load(std::memory_order_relaxed)[n] = item;
  l->size.store(n + 1, std::memory_order_release);
  return 0;
}

int list_extend(Value lv, Value iterable) {
  if (is_list(iterable) || is_tuple(iterable)) {
    // Snapshot the source under its own lock (it may be lv itself).
    Ref<> snap = is_list(iterable) ? list_as_tuple(iterable) : Ref<>::borrow(iterable);
    if (!snap) return -1;
    Tuple* t = snap.val().as<Tuple>();
    List* l = lv.as<List>();
    CriticalSection cs(l);
    int64_t n = l->size.load(std::memory_order_relaxed);
    if (!list_reserve_locked(l, n + t->size)) return -1;
    Value* items = l->items.load(std::memory_order_relaxed);
    for (int64_t i = 0; i < t->size; i++) {
      incref(t->items[i]);
      items[n + i] = t->items[i];
    }
    l->size.store(n + t->size, std::memory_order_release);
    return 0;
  }
  Ref<> it = get_iter(iterable);
  if (!it) return -1;
  for (;;) {
    Ref<> x = iter_next(it.val());
    if (!x) return err_occurred() ? -1 : 0;
    if (list_append(lv, x.val()) < 0) return -1;
  }
}

Ref<> list_get(Value lv, int64_t i) {
  List* l = lv.as<List>();
  CriticalSection cs(l);
  int64_t n = l->size.load(std::memory_order_relaxed);
  if (i < 0 || i >= n) return err_set_str(g_IndexError, "list index out of range");
  return Ref<>::borrow(l->items.load(std::memory_order_relaxed)[i]);
}

Ref<> list_as_tuple(Value lv) {
  List* l = lv.as<List>();
  CriticalSection cs(l);
  return tuple_from_array(l->items.load(std::memory_order_relaxed), l->size.load(std::memory_order_relaxed));
}

namespace {

Ref<> list_repr(Value v) {
  if (list_size(v) == 0) return str_from_ascii("[]");
  if (!repr_enter(v)) return str_from_ascii("[...]");
  std::string s = "[";
  for (int64_t i = 0;; i++) {
    Ref<> item;
    {
      List* l = v.as<List>();
      CriticalSection cs(l);
      if (i >= l->size.load(std::memory_order_relaxed)) break;
      item = Ref<>::borrow(l->items.load(std::memory_order_relaxed)[i]);
    }
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
    Ref<> x;
    {
      List* l = v.as<List>();
      CriticalSection cs(l);
      if (i >= l->size.load(std::memory_order_relaxed)) return 0;
      x = Ref<>::borrow(l->items.load(std::memory_order_relaxed)[i]);
    }
    int r = richcompare_bool(x.val(), item, kEq);
    if (r) return r;
  }
}

Ref<> list_richcompare(Value a, Value b, CompareOp op) {
  if (!is_list(b)) return Ref<>::steal(not_implemented());
  if ((op == kEq || op == kNe) && list_size(a) != list_size(b)) return new_bool(op == kNe);
  int64_t i = 0;
  for (;; i++) {
    Ref<> x, y;
    if (i >= list_size(a) || i >= list_size(b)) break;
    x = list_get(a, i);
    y = list_get(b, i);
    if (!x || !y) {
      err_clear();
      break;
    }
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
