// tuple core: allocation, hashing, comparison, repr. Methods beyond the core
// (count, index, slicing details, __class_getitem__) are in tuple_methods.cpp.
#include "objects/tuple.h"

#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "runtime/heap.h"
#include "runtime/thread_state.h"

namespace ftpy {

Type g_tuple_type;

namespace {
Tuple* g_empty_tuple;

void tuple_dealloc(Object* o) {
  Tuple* t = static_cast<Tuple*>(o);
  // Last item first, as CPython does: finalizers of the items run in that order.
  for (int64_t i = t->size - 1; i >= 0; i--) decref(t->items[i]);
  free_object(o);
}

void tuple_traverse(Object* o, VisitFn visit, void* arg) {
  Tuple* t = static_cast<Tuple*>(o);
  for (int64_t i = 0; i < t->size; i++) visit(t->items[i], arg);
}
}  // namespace

Ref<Tuple> tuple_new(int64_t n) {
  if (n == 0 && g_empty_tuple) return Ref<Tuple>::borrow(g_empty_tuple);
  // sizeof(Value) * n wraps for n >= 2**61 (itertools.tee(x, 2**62) got a
  // 16-byte tuple claiming 2**62 items).
  if (static_cast<uint64_t>(n) > (uint64_t{1} << 56)) return err_no_memory();
  Tuple* t = alloc_object<Tuple>(&g_tuple_type, sizeof(Tuple) + sizeof(Value) * n);
  if (!t) return nullptr;
  t->size = n;
  return Ref<Tuple>::steal(t);
}

Ref<Tuple> tuple_pack(std::initializer_list<Value> items) {
  Ref<Tuple> t = tuple_new(static_cast<int64_t>(items.size()));
  if (!t) return nullptr;
  int64_t i = 0;
  for (Value v : items) tuple_init_item(t.get(), i++, Ref<>::borrow(v));
  return t;
}

Ref<Tuple> tuple_from_array(const Value* items, int64_t n) {
  Ref<Tuple> t = tuple_new(n);
  if (!t) return nullptr;
  for (int64_t i = 0; i < n; i++) tuple_init_item(t.get(), i, Ref<>::borrow(items[i]));
  return t;
}

Ref<Tuple> empty_tuple() { return tuple_new(0); }

Ref<> tuple_slice(Value tv, int64_t start, int64_t stop) {
  Tuple* t = tv.as<Tuple>();
  if (start < 0) start = 0;
  if (stop > t->size) stop = t->size;
  if (start == 0 && stop == t->size && is_tuple_exact(tv)) return Ref<>::borrow(tv);
  if (stop <= start) return empty_tuple();
  return tuple_from_array(t->items + start, stop - start);
}

namespace {

Ref<> tuple_repr(Value v) {
  Tuple* t = v.as<Tuple>();
  if (t->size == 0) return str_from_ascii("()");
  ThreadState* ts = tstate();
  if (++ts->c_depth > g_recursion_limit.load(std::memory_order_relaxed) + 50) {
    --ts->c_depth;
    return err_set_str(g_RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
  }
  std::string s = "(";
  for (int64_t i = 0; i < t->size; i++) {
    if (i) s += ", ";
    Ref<> r = repr(t->items[i]);
    if (!r) {
      --ts->c_depth;
      return nullptr;
    }
    s += str_view(r.val());
  }
  if (t->size == 1) s += ",";
  s += ")";
  --ts->c_depth;
  return str_from_utf8(s);
}

// xxHash-based combination, as CPython 3.8+ uses for tuples (the published
// xxHash64 round constants).
int64_t tuple_hash(Value v) {
  Tuple* t = v.as<Tuple>();
  constexpr uint64_t P1 = 11400714785074694791ull, P2 = 14029467366897019727ull,
                     P5 = 2870177450012600261ull;
  uint64_t acc = P5;
  for (int64_t i = 0; i < t->size; i++) {
    int64_t h = hash(t->items[i]);
    if (h == -1) return -1;
    acc += static_cast<uint64_t>(h) * P2;
    acc = (acc << 31) | (acc >> 33);
    acc *= P1;
  }
  acc += static_cast<uint64_t>(t->size) ^ (P5 ^ 3527539ull);
  if (acc == static_cast<uint64_t>(-1)) return 1546275796;
  return static_cast<int64_t>(acc);
}

Ref<> tuple_richcompare(Value a, Value b, CompareOp op) {
  if (!is_tuple(b)) return Ref<>::steal(not_implemented());
  Tuple* x = a.as<Tuple>();
  Tuple* y = b.as<Tuple>();
  int64_t i = 0;
  for (; i < x->size && i < y->size; i++) {
    int eq = richcompare_bool(x->items[i], y->items[i], kEq);
    if (eq < 0) return nullptr;
    if (!eq) break;
  }
  if (i >= x->size || i >= y->size) {
    int64_t n1 = x->size, n2 = y->size;
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
  if (op == kEq) return new_bool(false);
  if (op == kNe) return new_bool(true);
  return richcompare(x->items[i], y->items[i], op);
}

int64_t tuple_len(Value v) { return v.as<Tuple>()->size; }

int tuple_contains(Value v, Value item) {
  Tuple* t = v.as<Tuple>();
  for (int64_t i = 0; i < t->size; i++) {
    int r = richcompare_bool(t->items[i], item, kEq);
    if (r) return r;
  }
  return 0;
}

}  // namespace

void tuple_fill_methods(Type* t);  // tuple_methods.cpp

void tuple_type_init_core() {
  Type* t = &g_tuple_type;
  t->name = "tuple";
  t->basic_size = sizeof(Tuple);
  t->item_size = sizeof(Value);
  t->flags = kTypeBaseType | kTypeTupleSubclass | kTypeHasGc | kTypeSequence;
  t->tp_dealloc = tuple_dealloc;
  t->tp_traverse = tuple_traverse;
  t->tp_repr = tuple_repr;
  t->tp_hash = tuple_hash;
  t->tp_richcompare = tuple_richcompare;
  t->mp_length = tuple_len;
  t->sq_contains = tuple_contains;
  tuple_fill_methods(t);
  t->ob_type = &g_type_type;
  make_immortal(t);
  Tuple* e = alloc_object<Tuple>(&g_tuple_type, sizeof(Tuple));
  e->size = 0;
  make_immortal(e);
  g_empty_tuple = e;
}

void tuple_module_init() {
  if (!g_tuple_type.tp_new) tuple_type_init_core();
  type_ready(&g_tuple_type);
}

}  // namespace ftpy
