// list: construction, subscripting (items and slices, incl. extended-slice
// assignment and deletion), + * += *=, and the Python-visible methods. Sorting
// is in list_sort.cpp.
//
// Every mutation takes the list's critical section for its whole length and
// follows list.h's protocol for lock-free readers: slot stores are atomic
// (list_slot_store), vacated slots are nulled, and each slot is written at
// most once per operation, so a reader sees its old or its new value. Values
// removed from the list are retired through QSBR only after the lock is
// dropped (releasing them may run __del__, which may touch the list). Single
// item reads (indexing, index, count, remove's search) take no lock. The
// right-hand side of a slice assignment and the argument of extend are
// snapshotted first, so `a[:] = a` and `a.extend(a)` see one consistent copy.
#include <cstring>
#include <vector>

#include "objects/errors.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"
#include "runtime/qsbr.h"

namespace ftpy {

namespace {

inline Value* items_of(List* l) { return list_items_locked(l); }
inline int64_t size_of(List* l) { return l->size.load(std::memory_order_relaxed); }
inline void set_size(List* l, int64_t n) { l->size.store(n, std::memory_order_release); }
inline void store(Value* slot, Value v) { list_slot_store(slot, v); }

// Values (and a detached array) the list let go of: retired after the critical
// section ends, since lock-free readers may still be loading them.
struct Garbage {
  std::vector<Value> vals;
  ListArray* array = nullptr;
  ~Garbage() {
    // Last first, as CPython releases a cleared list's or replaced slice's
    // items (the order their finalizers run in).
    for (auto it = vals.rbegin(); it != vals.rend(); ++it) qsbr_retire_value(*it);
    qsbr_retire_memory(array);
  }
  // Values that hold no count (small ints, immortals) need no retiring:
  // skipping them keeps `vals` from allocating for lists of small ints.
  void add(Value v) {
    if (v.is_obj() && !is_immortal(v.obj())) vals.push_back(v);
  }
};

// Move items[from, from + count) to start at `to`, slot by slot in the
// direction that reads every source before overwriting it.
void move_slots(Value* items, int64_t to, int64_t from, int64_t count) {
  if (to < from) {
    for (int64_t k = 0; k < count; k++) store(items + to + k, items[from + k]);
  } else if (to > from) {
    for (int64_t k = count - 1; k >= 0; k--) store(items + to + k, items[from + k]);
  }
}

// Null the vacated slots [from, to).
void null_slots(Value* items, int64_t from, int64_t to) {
  for (int64_t k = from; k < to; k++) store(items + k, Value());
}

// Empty the list (lock held): the array and its values go to `g`.
void detach_all_locked(List* l, Garbage* g) {
  ListArray* a = l->array.load(std::memory_order_relaxed);
  if (!a) return;
  g->vals.insert(g->vals.end(), a->slots(), a->slots() + size_of(l));
  g->array = a;
  l->array.store(nullptr, std::memory_order_release);
  set_size(l, 0);
}

// `seq` as a tuple snapshot (lists are copied under their own lock).
Ref<> snapshot(Value seq) {
  if (is_tuple(seq)) return Ref<>::borrow(seq);
  if (is_list(seq)) return list_as_tuple(seq);
  return sequence_tuple(seq);
}

}  // namespace

int list_insert(Value lv, int64_t where, Value item) {
  List* l = lv.as<List>();
  CriticalSection cs(l);
  int64_t n = size_of(l);
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  if (!list_reserve_locked(l, n + 1)) return -1;
  Value* items = items_of(l);
  move_slots(items, where + 1, where, n - where);
  incref(item);
  store(items + where, item);
  set_size(l, n + 1);
  return 0;
}

int list_reverse(Value lv) {
  List* l = lv.as<List>();
  CriticalSection cs(l);
  Value* items = items_of(l);
  int64_t n = size_of(l);
  for (int64_t i = 0, j = n - 1; i < j; i++, j--) {
    Value x = items[i];
    store(items + i, items[j]);
    store(items + j, x);
  }
  return 0;
}

Ref<> list_slice(Value lv, int64_t start, int64_t stop) {
  List* l = lv.as<List>();
  CriticalSection cs(l);
  int64_t n = size_of(l);
  if (start < 0) start = 0;
  if (stop > n) stop = n;
  if (stop < start) stop = start;
  return list_from_array(items_of(l) + start, stop - start);
}

Ref<> list_get_slice(Value lv, Value start, Value stop, Value step) {
  int64_t b, e, st;
  if (!slice_unpack(start, stop, step, &b, &e, &st)) return nullptr;  // may run __index__: before the lock
  List* l = lv.as<List>();
  CriticalSection cs(l);
  int64_t n = slice_adjust(size_of(l), &b, &e, st);
  Value* items = items_of(l);
  if (st == 1) return list_from_array(items + b, n);
  Ref<List> r = list_new(n);
  if (!r) return nullptr;
  Value* out = items_of(r.get());
  for (int64_t i = 0, j = b; i < n; i++, j += st) {
    incref(items[j]);
    out[i] = items[j];  // r is not published yet: plain stores
  }
  return r;
}

int list_set_slice(Value self, Value start, Value stop, Value step, Value v, bool v_private) {
  int64_t b, e, st;
  if (!slice_unpack(start, stop, step, &b, &e, &st)) return -1;  // may run __index__: before the lock
  // The new items: a tuple's, a private list's (no other thread can reach
  // it, so it needs no lock and no copy), or a snapshot of anything else.
  Ref<> seq;
  const Value* src = nullptr;
  int64_t m = 0;
  if (v_private) {
    List* vl = v.as<List>();
    src = items_of(vl);
    m = size_of(vl);
  } else if (!v.is_null()) {
    seq = snapshot(v);
    if (!seq) {
      if (err_matches(g_TypeError) && !type_of(v)->tp_iter && !type_of(v)->mp_subscript) {
        err_clear();
        // The message depends on the kind of slice.
        err_set_str(g_TypeError, st == 1 ? "can only assign an iterable" : "must assign iterable to extended slice");
      }
      return -1;
    }
    src = seq.val().as<Tuple>()->items;
    m = tuple_size(seq.val());
  }
  List* l = self.as<List>();
  Garbage g;
  CriticalSection cs(l);
  int64_t slicelen = slice_adjust(size_of(l), &b, &e, st);
  if (st == 1) {
    int64_t n = size_of(l);
    if (e < b) e = b;
    int64_t removed = e - b;
    if (!list_reserve_locked(l, n - removed + m)) return -1;
    Value* items = items_of(l);
    for (int64_t i = b; i < e; i++) g.add(items[i]);
    move_slots(items, b + m, e, n - e);
    null_slots(items, n - removed + m, n);
    for (int64_t i = 0; i < m; i++) {
      incref(src[i]);
      store(items + b + i, src[i]);
    }
    set_size(l, n - removed + m);
    return 0;
  }
  Value* items = items_of(l);
  if (v.is_null()) {
    // Extended-slice deletion: compact, skipping the deleted positions.
    if (slicelen == 0) return 0;
    int64_t n = size_of(l);
    if (st < 0) {
      b = b + st * (slicelen - 1);
      st = -st;
    }
    int64_t w = b;
    int64_t next_del = b, deleted = 0;
    for (int64_t r = b; r < n; r++) {
      if (r == next_del && deleted < slicelen) {
        g.add(items[r]);
        deleted++;
        next_del += st;
      } else {
        store(items + w++, items[r]);
      }
    }
    null_slots(items, w, n);
    set_size(l, w);
    return 0;
  }
  if (m != slicelen) {
    err_format(g_ValueError, "attempt to assign sequence of size %lld to extended slice of size %lld",
               static_cast<long long>(m), static_cast<long long>(slicelen));
    return -1;
  }
  for (int64_t i = 0, j = b; i < slicelen; i++, j += st) {
    g.add(items[j]);
    incref(src[i]);
    store(items + j, src[i]);
  }
  return 0;
}

namespace {

// --- construction -----------------------------------------------------------

Ref<> list_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  if (t == &g_list_type) return list_new();
  List* l = alloc_object<List>(t, t->basic_size);
  if (!l) return nullptr;
  return Ref<>::steal(Value(l));
}

int list_tp_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Type* t = type_of(self);
  if (!kwnames.is_null() && tuple_size(kwnames) > 0 && (t == &g_list_type || t->tp_new == g_list_type.tp_new)) {
    err_set_str(g_TypeError, "list() takes no keyword arguments");
    return -1;
  }
  if (nargs > 1) {
    err_format(g_TypeError, "list expected at most 1 argument, got %zu", nargs);
    return -1;
  }
  // list.__init__ empties the list first (it may be called again).
  List* l = self.as<List>();
  Garbage g;
  {
    CriticalSection cs(l);
    detach_all_locked(l, &g);
  }
  if (nargs == 1) return list_extend(self, args[0]);
  return 0;
}

// --- subscripting -------------------------------------------------------------

Ref<> list_item(Value self, int64_t i) {
  if (i >= 0) return list_get(self, i);
  // From the end: the lock-free read normalises with a size read first, so
  // another thread's pop in between can leave the index past the end of a
  // list that never had fewer items than that (lst[-1] on a list that always
  // holds 100 items raised IndexError). Retry with the size and the item
  // read together under the lock.
  if (Ref<> r = list_get_or_null(self, i + list_size(self))) return r;
  List* l = self.as<List>();
  CriticalSection cs(l);
  int64_t n = size_of(l);
  if (i + n < 0) return err_set_str(g_IndexError, "list index out of range");
  return Ref<>::borrow(items_of(l)[i + n]);
}

Ref<> list_subscript(Value self, Value key) {
  if (key.is_small()) return list_item(self, key.small_value());
  if (is_slice(key)) {
    auto* sl = key.as<Slice>();
    return list_get_slice(self, sl->start, sl->stop, sl->step);
  }
  if (type_of(key)->nb_index) {
    int64_t i;
    if (!to_index(key, &i)) return nullptr;
    return list_item(self, i);
  }
  return err_format(g_TypeError, "list indices must be integers or slices, not %s", type_tp_name(type_of(key)));
}

int list_ass_item(Value self, int64_t i, Value v) {
  List* l = self.as<List>();
  Value old;
  {
    CriticalSection cs(l);
    int64_t n = size_of(l);
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
      err_set_str(g_IndexError, "list assignment index out of range");
      return -1;
    }
    Value* items = items_of(l);
    old = items[i];
    if (v.is_null()) {
      move_slots(items, i, i + 1, n - i - 1);
      null_slots(items, n - 1, n);
      set_size(l, n - 1);
    } else {
      incref(v);
      store(items + i, v);
    }
  }
  qsbr_retire_value(old);
  return 0;
}

int list_ass_slice(Value self, Value key, Value v) {
  auto* sl = key.as<Slice>();
  return list_set_slice(self, sl->start, sl->stop, sl->step, v, false);
}

int list_ass_subscript(Value self, Value key, Value v) {
  if (key.is_small()) return list_ass_item(self, key.small_value(), v);
  if (is_slice(key)) return list_ass_slice(self, key, v);
  if (type_of(key)->nb_index) {
    int64_t i;
    if (!to_index(key, &i)) return -1;
    return list_ass_item(self, i, v);
  }
  err_format(g_TypeError, "list indices must be integers or slices, not %s", type_tp_name(type_of(key)));
  return -1;
}

// --- operators ------------------------------------------------------------------

Ref<> list_concat(Value a, Value b) {
  if (!is_list(a) || !is_list(b)) return Ref<>::steal(not_implemented());
  Ref<> ta = list_as_tuple(a);
  if (!ta) return nullptr;
  Ref<> tb = list_as_tuple(b);
  if (!tb) return nullptr;
  int64_t na = tuple_size(ta.val()), nb = tuple_size(tb.val());
  Ref<List> r = list_new(na + nb);
  if (!r) return nullptr;
  for (int64_t i = 0; i < na; i++) list_init_item(r.get(), i, Ref<>::borrow(tuple_item(ta.val(), i)));
  for (int64_t i = 0; i < nb; i++) list_init_item(r.get(), na + i, Ref<>::borrow(tuple_item(tb.val(), i)));
  return r;
}

// The repeat count of `seq * count`; false with an error.
bool repeat_count(Value count, int64_t* out) {
  if (count.is_small()) {
    *out = count.small_value();
    return true;
  }
  Ref<> i = number_index(count);
  if (!i) return false;
  if (!int_as_int64(i.val(), out)) {
    if (int_sign(i.val()) < 0) {
      *out = 0;
      return true;
    }
    err_format(g_OverflowError, "cannot fit '%s' into an index-sized integer", type_name(type_of(count)));
    return false;
  }
  return true;
}

Ref<> list_repeat(Value a, Value b) {
  Value seq = a, count = b;
  if (!is_list(a)) std::swap(seq, count);
  if (!is_list(seq) || !type_of(count)->nb_index) return Ref<>::steal(not_implemented());
  int64_t k;
  if (!repeat_count(count, &k)) return nullptr;
  Ref<> snap = list_as_tuple(seq);
  if (!snap) return nullptr;
  int64_t n = tuple_size(snap.val());
  if (k <= 0 || n == 0) return list_new();
  if (k > INT64_MAX / 16 / n) return err_no_memory();
  Ref<List> r = list_new(n * k);
  if (!r) return nullptr;
  Value* src = snap.val().as<Tuple>()->items;
  for (int64_t j = 0; j < k; j++)
    for (int64_t i = 0; i < n; i++) list_init_item(r.get(), j * n + i, Ref<>::borrow(src[i]));
  return r;
}

Ref<> list_inplace_concat(Value a, Value b) {
  if (list_extend(a, b) < 0) return nullptr;
  return Ref<>::borrow(a);
}

Ref<> list_inplace_repeat(Value a, Value b) {
  if (!type_of(b)->nb_index) return Ref<>::steal(not_implemented());
  int64_t k;
  if (!repeat_count(b, &k)) return nullptr;
  List* l = a.as<List>();
  Garbage g;
  CriticalSection cs(l);
  int64_t n = size_of(l);
  if (k <= 0 || n == 0) {
    detach_all_locked(l, &g);
    return Ref<>::borrow(a);
  }
  if (k > INT64_MAX / 16 / n) return err_no_memory();
  if (!list_reserve_locked(l, n * k)) return nullptr;
  Value* items = items_of(l);
  for (int64_t j = 1; j < k; j++)
    for (int64_t i = 0; i < n; i++) {
      incref(items[i]);
      store(items + j * n + i, items[i]);
    }
  set_size(l, n * k);
  return Ref<>::borrow(a);
}

Ref<> list_iter(Value self) { return list_iter_new(self); }

// --- methods ----------------------------------------------------------------------

Ref<> m_append(Value self, Value* args) {
  if (list_append(self, args[0]) < 0) return nullptr;
  return new_none();
}

Ref<> m_extend(Value self, Value* args) {
  if (list_extend(self, args[0]) < 0) return nullptr;
  return new_none();
}

Ref<> m_insert(Value self, Value* args) {
  int64_t i;
  if (!to_index(args[0], &i)) {
    if (err_matches(g_IndexError)) {
      // Out-of-range big ints clamp, as CPython's index conversion does.
      err_clear();
      Ref<> iv = number_index(args[0]);
      if (!iv) return nullptr;
      i = int_sign(iv.val()) < 0 ? INT64_MIN : INT64_MAX;
    } else {
      return nullptr;
    }
  }
  if (list_insert(self, i, args[1]) < 0) return nullptr;
  return new_none();
}

Ref<> m_pop(Value self, Value* args) {
  int64_t i = -1;
  if (!args[0].is_null() && !to_index(args[0], &i)) return nullptr;
  List* l = self.as<List>();
  Ref<> r;
  {
    CriticalSection cs(l);
    int64_t n = size_of(l);
    if (n == 0) return err_set_str(g_IndexError, "pop from empty list");
    if (i < 0) i += n;
    if (i < 0 || i >= n) return err_set_str(g_IndexError, "pop index out of range");
    Value* items = items_of(l);
    // The caller gets a reference of its own: a lock-free reader may still be
    // loading the list's, which is retired below.
    r = Ref<>::borrow(items[i]);
    move_slots(items, i, i + 1, n - i - 1);
    null_slots(items, n - 1, n);
    set_size(l, n - 1);
  }
  qsbr_retire_value(r.val());
  return r;
}

// Find the first index in [start, stop) whose item equals `v`: -1 when absent,
// -2 on error. Items are compared outside the lock.
int64_t find_index(Value self, Value v, int64_t start, int64_t stop) {
  for (int64_t i = start; i < stop; i++) {
    Ref<> x = list_get_or_null(self, i);
    if (!x) return -1;
    int r = richcompare_bool(x.val(), v, kEq);
    if (r < 0) return -2;
    if (r) return i;
  }
  return -1;
}

Ref<> m_remove(Value self, Value* args) {
  for (int64_t i = 0;; i++) {
    Ref<> x = list_get_or_null(self, i);
    if (!x) return err_set_str(g_ValueError, "list.remove(x): x not in list");
    int r = richcompare_bool(x.val(), args[0], kEq);
    if (r < 0) return nullptr;
    if (r) {
      // Remove the matching item if it is still where we found it.
      List* l = self.as<List>();
      Value old;
      {
        CriticalSection cs(l);
        int64_t n = size_of(l);
        Value* items = items_of(l);
        if (i < n && items[i] == x.val()) {
          old = items[i];
          move_slots(items, i, i + 1, n - i - 1);
          null_slots(items, n - 1, n);
          set_size(l, n - 1);
        }
      }
      qsbr_retire_value(old);
      return new_none();
    }
  }
}

// start/stop arguments of index(): ints via __index__, clamped, negatives
// counted from the end.
bool index_bound(Value v, int64_t len, int64_t* out) {
  if (!v.is_small() && !type_of(v)->nb_index) {
    err_set_str(g_TypeError, "slice indices must be integers or have an __index__ method");
    return false;
  }
  if (!slice_bound_clamped(v, out)) return false;
  if (*out < 0) {
    *out += len;
    if (*out < 0) *out = 0;
  }
  return true;
}

Ref<> m_index(Value self, Value* args) {
  int64_t n = list_size(self);
  int64_t start = 0, stop = INT64_MAX;
  if (!args[1].is_null() && !index_bound(args[1], n, &start)) return nullptr;
  if (!args[2].is_null() && !index_bound(args[2], n, &stop)) return nullptr;
  int64_t i = find_index(self, args[0], start, stop);
  if (i == -2) return nullptr;
  if (i < 0) return err_format(g_ValueError, "%s is not in list", repr_utf8(args[0]).c_str());
  return int_from_int64(i);
}

Ref<> m_count(Value self, Value* args) {
  int64_t c = 0;
  for (int64_t i = 0;; i++) {
    Ref<> x = list_get_or_null(self, i);
    if (!x) break;
    int r = richcompare_bool(x.val(), args[0], kEq);
    if (r < 0) return nullptr;
    c += r;
  }
  return int_from_int64(c);
}

Ref<> m_clear(Value self, Value*) {
  List* l = self.as<List>();
  Garbage g;
  CriticalSection cs(l);
  detach_all_locked(l, &g);
  return new_none();
}

Ref<> m_copy(Value self, Value*) { return list_slice(self, 0, INT64_MAX); }

Ref<> m_reverse(Value self, Value*) {
  list_reverse(self);
  return new_none();
}

Ref<> m_sort(Value self, Value* args) {
  int32_t rev;  // a C int, as in CPython: reverse='x' is a TypeError
  if (!to_c_int(args[1], &rev)) return nullptr;
  Value key = is_none(args[0]) ? Value() : args[0];
  if (list_sort(self, key, rev != 0) < 0) return nullptr;
  return new_none();
}

Ref<> m_reversed(Value self, Value*) { return list_reverse_iter_new(self); }

Ref<> m_class_getitem(Value cls, Value* args) { return generic_alias_new(cls, args[0]); }

Ref<> m_sizeof(Value self, Value*) {
  List* l = self.as<List>();
  CriticalSection cs(l);
  // CPython's figure (a 40-byte list header) so programs that print it agree.
  return int_from_int64(40 + static_cast<int64_t>(sizeof(Value)) * list_capacity_locked(l));
}

const MethodDef kListMethods[] = {
    {"append($self, object, /)", m_append, "Append object to the end of the list."},
    {"extend($self, iterable, /)", m_extend, "Extend list by appending elements from the iterable."},
    {"insert($self, index, object, /)", m_insert, "Insert object before index."},
    {"pop($self, index=?, /)", m_pop,
     "pop($self, index=-1, /)\n--\n\n"
     "Remove and return item at index (default last).\n\nRaises IndexError if list is empty or index is out of range."},
    {"remove($self, value, /)", m_remove,
     "Remove first occurrence of value.\n\nRaises ValueError if the value is not present."},
    {"index($self, value, start=?, stop=?, /)", m_index,
     "index($self, value, start=0, stop=sys.maxsize, /)\n--\n\n"
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count($self, value, /)", m_count, "Return number of occurrences of value."},
    {"clear($self, /)", m_clear, "Remove all items from list."},
    {"copy($self, /)", m_copy, "Return a shallow copy of the list."},
    {"reverse($self, /)", m_reverse, "Reverse *IN PLACE*."},
    {"sort($self, /, *, key=None, reverse=False)", m_sort,
     "Sort the list in ascending order and return None.\n\nThe sort is in-place (i.e. the list itself is modified) "
     "and stable (i.e. the\norder of two equal elements is maintained).\n\n"
     "If a key function is given, apply it once to each list item and sort them,\n"
     "ascending or descending, according to their function values.\n\n"
     "The reverse flag can be set to sort in descending order."},
    {"__reversed__($self, /)", m_reversed, "Return a reverse iterator over the list."},
    {"__class_getitem__($type, item, /)", m_class_getitem, "See PEP 585", kMethClass},
    {"__sizeof__($self, /)", m_sizeof, "Return the size of the list in memory, in bytes."},
    {nullptr}};

}  // namespace

void list_fill_methods(Type* t) {
  t->tp_new = list_tp_new;
  t->tp_init = list_tp_init;
  t->tp_iter = list_iter;
  t->mp_subscript = list_subscript;
  t->mp_ass_subscript = list_ass_subscript;
  t->nb_binary[kOpAdd] = list_concat;
  t->nb_binary[kOpMul] = list_repeat;
  t->nb_inplace[kOpAdd] = list_inplace_concat;
  t->nb_inplace[kOpMul] = list_inplace_repeat;
  t->methods = kListMethods;
}

}  // namespace ftpy
