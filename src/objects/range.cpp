// range and its iterators (see range.h).
#include "objects/range.h"

#include <string>

#include "objects/errors.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_range_type;

Type g_range_iter_type;

namespace {

Type g_longrange_iter_type;

Ref<> add(Value a, Value b) { return int_add(a, b); }
Ref<> sub(Value a, Value b) { return int_sub(a, b); }
Ref<> mul(Value a, Value b) { return int_mul(a, b); }
Ref<> floordiv(Value a, Value b) { return binary_op(a, b, kOpFloorDiv); }
int cmp(Value a, Value b) { return int_compare(a, b); }

// The number of elements of range(start, stop, step).
Ref<> compute_length(Value start, Value stop, Value step) {
  int64_t a, b, c;
  if (start.is_small() && stop.is_small() && step.is_small()) {
    a = start.small_value();
    b = stop.small_value();
    c = step.small_value();
    // Small values are < 2^62 in magnitude, so these differences fit.
    if (c > 0) return int_from_int64(a < b ? (b - a - 1) / c + 1 : 0);
    return int_from_int64(a > b ? (a - b - 1) / (-c) + 1 : 0);
  }
  bool pos = int_sign(step) > 0;
  Value lo = pos ? start : stop, hi = pos ? stop : start;
  if (cmp(lo, hi) >= 0) return small_int(0);
  Ref<> diff = sub(hi, lo);
  if (!diff) return nullptr;
  Ref<> d1 = sub(diff.val(), Value::small(1));
  if (!d1) return nullptr;
  Ref<> astep = pos ? Ref<>::borrow(step) : negative(step);
  if (!astep) return nullptr;
  Ref<> q = floordiv(d1.val(), astep.val());
  if (!q) return nullptr;
  return add(q.val(), Value::small(1));
}

void range_dealloc(Object* o) {
  auto* r = static_cast<Range*>(o);
  decref(r->start);
  decref(r->stop);
  decref(r->step);
  decref(r->length);
  free_object(o);
}

inline Range* R(Value v) { return v.as<Range>(); }

Ref<> range_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  if (!kwnames.is_null() && tuple_size(kwnames) > 0) return err_set_str(g_TypeError, "range() takes no keyword arguments");
  if (nargs == 0) return err_set_str(g_TypeError, "range expected at least 1 argument, got 0");
  if (nargs > 3) return err_format(g_TypeError, "range expected at most 3 arguments, got %zu", nargs);
  Ref<> v[3];
  for (size_t i = 0; i < nargs; i++) {
    v[i] = number_index(args[i]);
    if (!v[i]) return nullptr;
  }
  if (nargs == 1) return range_new(Value::small(0), v[0].val(), Value::small(1));
  return range_new(v[0].val(), v[1].val(), nargs == 3 ? v[2].val() : Value::small(1));
}

Ref<> range_repr(Value self) {
  Range* r = R(self);
  std::string s = "range(" + int_to_decimal(r->start) + ", " + int_to_decimal(r->stop);
  if (!(r->step.is_small() && r->step.small_value() == 1)) s += ", " + int_to_decimal(r->step);
  s += ")";
  return str_from_utf8(s);
}

int64_t range_len(Value self) {
  int64_t n;
  if (!int_as_int64(R(self)->length, &n)) {
    err_set_str(g_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
  }
  return n;
}

int range_bool(Value self) { return int_sign(R(self)->length) != 0; }

// start + i * step for an int index already made non-negative and in range.
Ref<> element(Range* r, Value i) {
  Ref<> off = mul(i, r->step);
  if (!off) return nullptr;
  return add(r->start, off.val());
}

Ref<> range_item(Value self, Value idx) {
  Range* r = R(self);
  Ref<> i = Ref<>::borrow(idx);
  if (int_sign(idx) < 0) {
    i = add(idx, r->length);
    if (!i) return nullptr;
  }
  if (int_sign(i.val()) < 0 || cmp(i.val(), r->length) >= 0)
    return err_set_str(g_IndexError, "range object index out of range");
  return element(r, i.val());
}

Ref<> range_subscript(Value self, Value key) {
  Range* r = R(self);
  if (is_slice(key)) {
    Ref<> b, e, st;
    if (!slice_indices_big(key, r->length, &b, &e, &st)) return nullptr;
    Ref<> nstart = element(r, b.val());
    Ref<> nstop = nstart ? element(r, e.val()) : Ref<>();
    Ref<> nstep = nstop ? mul(r->step, st.val()) : Ref<>();
    if (!nstep) return nullptr;
    return range_new(nstart.val(), nstop.val(), nstep.val());
  }
  if (is_int(key) || type_of(key)->nb_index) {
    Ref<> i = number_index(key);
    if (!i) return nullptr;
    return range_item(self, i.val());
  }
  return err_format(g_TypeError, "range indices must be integers or slices, not %s", type_tp_name(type_of(key)));
}

// O(1) membership for exact ints and bools: 1/0.
int int_contains(Range* r, Value x) {
  bool pos = int_sign(r->step) > 0;
  if (pos) {
    if (cmp(x, r->start) < 0 || cmp(x, r->stop) >= 0) return 0;
  } else {
    if (cmp(x, r->start) > 0 || cmp(x, r->stop) <= 0) return 0;
  }
  Ref<> d = sub(x, r->start);
  if (!d) return -1;
  Ref<> m = binary_op(d.val(), r->step, kOpMod);
  if (!m) return -1;
  return int_sign(m.val()) == 0;
}

inline bool exact_int(Value v) { return v.is_small() || type_of(v) == &g_int_type || is_bool(v); }

int range_contains(Value self, Value x) {
  if (exact_int(x)) return int_contains(R(self), x);
  Ref<> it = get_iter(self);
  if (!it) return -1;
  for (;;) {
    Ref<> y = iter_next(it.val());
    if (!y) return err_occurred() ? -1 : 0;
    int eq = richcompare_bool(y.val(), x, kEq);
    if (eq) return eq;
  }
}

Ref<> range_richcompare(Value a, Value b, CompareOp op) {
  if (!is_range(b) || (op != kEq && op != kNe)) return Ref<>::steal(not_implemented());
  Range* x = R(a);
  Range* y = R(b);
  bool eq;
  if (a == b) {
    eq = true;
  } else if (cmp(x->length, y->length) != 0) {
    eq = false;
  } else if (int_sign(x->length) == 0) {
    eq = true;
  } else if (cmp(x->start, y->start) != 0) {
    eq = false;
  } else if (cmp(x->length, Value::small(1)) == 0) {
    eq = true;
  } else {
    eq = cmp(x->step, y->step) == 0;
  }
  return new_bool(op == kEq ? eq : !eq);
}

// Equal ranges hash equal: hash((len, start, step)) with None for the parts
// that do not matter.
int64_t range_hash(Value self) {
  Range* r = R(self);
  Ref<> t;
  if (int_sign(r->length) == 0) t = tuple_pack({r->length, none(), none()});
  else if (cmp(r->length, Value::small(1)) == 0) t = tuple_pack({r->length, r->start, none()});
  else t = tuple_pack({r->length, r->start, r->step});
  if (!t) return -1;
  return hash(t.val());
}

// --- iterators ----------------------------------------------------------------------

struct LongRangeIter : Object {
  Value next, step, remaining;  // owned ints, guarded by the iterator's critical section
  Value start, len;             // owned ints, immutable: the first value and the count, for pickling
};

Ref<> iter_self(Value self) { return Ref<>::borrow(self); }

Ref<> range_iter_next(Value self) {
  auto* it = self.as<RangeIter>();
  CriticalSection cs(it);
  if (it->remaining <= 0) return nullptr;
  int64_t v = it->next;
  it->remaining--;
  if (it->remaining > 0) it->next += it->step;
  return int_from_int64(v);
}

Ref<> range_iter_length_hint(Value self, Value*) {
  auto* it = self.as<RangeIter>();
  CriticalSection cs(it);
  return int_from_int64(it->remaining < 0 ? 0 : it->remaining);
}

void longrange_dealloc(Object* o) {
  auto* it = static_cast<LongRangeIter*>(o);
  decref(it->next);
  decref(it->step);
  decref(it->remaining);
  decref(it->start);
  decref(it->len);
  free_object(o);
}

void set_field(Value& f, Ref<> v) {
  Value old = f;
  f = v.release();
  decref(old);
}

Ref<> longrange_next(Value self) {
  auto* it = self.as<LongRangeIter>();
  CriticalSection cs(it);
  if (int_sign(it->remaining) <= 0) return nullptr;
  Ref<> v = Ref<>::borrow(it->next);
  Ref<> rem = sub(it->remaining, Value::small(1));
  Ref<> nxt = add(it->next, it->step);
  if (!rem || !nxt) return nullptr;
  set_field(it->remaining, std::move(rem));
  set_field(it->next, std::move(nxt));
  return v;
}

Ref<> longrange_length_hint(Value self, Value*) {
  auto* it = self.as<LongRangeIter>();
  CriticalSection cs(it);
  return Ref<>::borrow(it->remaining);
}

// Pickling, as CPython 3.11: (iter, (range(start, start + len * step, step),), index).
Ref<> range_iter_reduce_parts(Value start, Value step, Value len, Value index) {
  Ref<> span = mul(len, step);
  Ref<> stop = span ? add(start, span.val()) : Ref<>();
  if (!stop) return nullptr;
  Ref<> r = range_new(start, stop.val(), step);
  if (!r) return nullptr;
  return iter_reduce(r.val(), index);
}

Ref<> range_iter_reduce(Value self, Value*) {
  auto* it = self.as<RangeIter>();
  int64_t remaining;
  {
    CriticalSection cs(it);
    remaining = it->remaining;
  }
  Ref<> start = int_from_int64(it->start), step = int_from_int64(it->step), len = int_from_int64(it->len);
  Ref<> index = int_from_int64(it->len - (remaining < 0 ? 0 : remaining));
  if (!start || !step || !len || !index) return nullptr;
  return range_iter_reduce_parts(start.val(), step.val(), len.val(), index.val());
}

// The index of __setstate__, clamped to [0, len].
Ref<> clamped_index(Value state, Value len) {
  Ref<> i = number_index(state);
  if (!i) return nullptr;
  if (int_sign(i.val()) < 0) return small_int(0);
  if (cmp(i.val(), len) > 0) return Ref<>::borrow(len);
  return i;
}

Ref<> range_iter_setstate(Value self, Value* args) {
  auto* it = self.as<RangeIter>();
  int64_t want;
  Ref<> i = number_index(args[0]);
  if (!i) return nullptr;
  if (!int_as_int64(i.val(), &want)) return err_set_str(g_OverflowError, "Python int too large to convert to C long");
  want = want < 0 ? 0 : want > it->len ? it->len : want;
  CriticalSection cs(it);
  it->remaining = it->len - want;
  if (it->remaining > 0) it->next = it->start + want * it->step;  // fits: at most the last value
  return Ref<>::steal(none());
}

Ref<> longrange_reduce(Value self, Value*) {
  auto* it = self.as<LongRangeIter>();
  Ref<> remaining;
  {
    CriticalSection cs(it);
    remaining = Ref<>::borrow(it->remaining);
  }
  Ref<> index = sub(it->len, remaining.val());
  if (!index) return nullptr;
  return range_iter_reduce_parts(it->start, it->step, it->len, index.val());
}

Ref<> longrange_setstate(Value self, Value* args) {
  auto* it = self.as<LongRangeIter>();
  Ref<> i = clamped_index(args[0], it->len);
  if (!i) return nullptr;
  Ref<> rem = sub(it->len, i.val());
  Ref<> off = rem ? mul(i.val(), it->step) : Ref<>();
  Ref<> nxt = off ? add(it->start, off.val()) : Ref<>();
  if (!nxt) return nullptr;
  CriticalSection cs(it);
  set_field(it->remaining, std::move(rem));
  set_field(it->next, std::move(nxt));
  return Ref<>::steal(none());
}

const char kHintDoc[] = "Private method returning an estimate of len(list(it)).";
const char kReduceDoc[] = "Return state information for pickling.";
const char kSetStateDoc[] = "Set state information for unpickling.";
const MethodDef kRangeIterMethods[] = {{"__length_hint__($self, /)", range_iter_length_hint, kHintDoc},
                                       {"__reduce__($self, /)", range_iter_reduce, kReduceDoc},
                                       {"__setstate__($self, state, /)", range_iter_setstate, kSetStateDoc},
                                       {nullptr}};
const MethodDef kLongRangeIterMethods[] = {{"__length_hint__($self, /)", longrange_length_hint, kHintDoc},
                                           {"__reduce__($self, /)", longrange_reduce, kReduceDoc},
                                           {"__setstate__($self, state, /)", longrange_setstate, kSetStateDoc},
                                           {nullptr}};

// An iterator yielding `len` values from `first` by `step`.
Ref<> make_iter(Value first, Value step, Value len) {
  int64_t f, s, n;
  if (int_as_int64(first, &f) && int_as_int64(step, &s) && int_as_int64(len, &n)) {
    // The last value first + (n-1)*step must fit too.
    __int128 last = static_cast<__int128>(f) + static_cast<__int128>(n > 0 ? n - 1 : 0) * s;
    if (last >= INT64_MIN && last <= INT64_MAX) {
      auto* it = alloc_object<RangeIter>(&g_range_iter_type);
      if (!it) return nullptr;
      it->next = f;
      it->step = s;
      it->remaining = n;
      it->start = f;
      it->len = n;
      return Ref<>::steal(Value(it));
    }
  }
  auto* it = alloc_object<LongRangeIter>(&g_longrange_iter_type);
  if (!it) return nullptr;
  it->next = Ref<>::borrow(first).release();
  it->step = Ref<>::borrow(step).release();
  it->remaining = Ref<>::borrow(len).release();
  it->start = Ref<>::borrow(first).release();
  it->len = Ref<>::borrow(len).release();
  return Ref<>::steal(Value(it));
}

Ref<> range_iter(Value self) {
  Range* r = R(self);
  return make_iter(r->start, r->step, r->length);
}

// --- methods ------------------------------------------------------------------------------

Ref<> m_reversed(Value self, Value*) {
  Range* r = R(self);
  if (int_sign(r->length) == 0) return make_iter(r->start, r->step, r->length);
  Ref<> last1 = sub(r->length, Value::small(1));
  if (!last1) return nullptr;
  Ref<> last = element(r, last1.val());
  Ref<> nstep = last ? negative(r->step) : Ref<>();
  if (!nstep) return nullptr;
  return make_iter(last.val(), nstep.val(), r->length);
}

Ref<> m_count(Value self, Value* args) {
  if (exact_int(args[0])) {
    int c = int_contains(R(self), args[0]);
    if (c < 0) return nullptr;
    return small_int(c);
  }
  Ref<> it = get_iter(self);
  if (!it) return nullptr;
  int64_t n = 0;
  for (;;) {
    Ref<> y = iter_next(it.val());
    if (!y) {
      if (err_occurred()) return nullptr;
      return int_from_int64(n);
    }
    int eq = richcompare_bool(y.val(), args[0], kEq);
    if (eq < 0) return nullptr;
    n += eq;
  }
}

Ref<> m_index(Value self, Value* args) {
  Range* r = R(self);
  Value x = args[0];
  if (exact_int(x)) {
    int c = int_contains(r, x);
    if (c < 0) return nullptr;
    if (!c) return err_format(g_ValueError, "%s is not in range", repr_utf8(x).c_str());
    Ref<> d = sub(x, r->start);
    if (!d) return nullptr;
    return floordiv(d.val(), r->step);
  }
  Ref<> it = get_iter(self);
  if (!it) return nullptr;
  for (int64_t i = 0;; i++) {
    Ref<> y = iter_next(it.val());
    if (!y) {
      if (err_occurred()) return nullptr;
      return err_set_str(g_ValueError, "sequence.index(x): x not in sequence");
    }
    int eq = richcompare_bool(y.val(), x, kEq);
    if (eq < 0) return nullptr;
    if (eq) return int_from_int64(i);
  }
}

Ref<> m_reduce(Value self, Value*) {
  Range* r = R(self);
  Ref<> args = tuple_pack({r->start, r->stop, r->step});
  if (!args) return nullptr;
  return tuple_pack({Value(&g_range_type), args.val()});
}

Ref<> get_start(Value self) { return Ref<>::borrow(R(self)->start); }
Ref<> get_stop(Value self) { return Ref<>::borrow(R(self)->stop); }
Ref<> get_step(Value self) { return Ref<>::borrow(R(self)->step); }

const MethodDef kRangeMethods[] = {
    {"__reversed__($self, /)", m_reversed, "Return a reverse iterator."},
    {"count($self, value, /)", m_count, "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index($self, value, /)", m_index,
     "rangeobject.index(value) -> integer -- return index of value.\nRaise ValueError if the value is not present."},
    {"__reduce__($self, /)", m_reduce, nullptr},
    {nullptr}};

const GetSetDef kRangeGetSets[] = {
    {"start", get_start, nullptr, nullptr},
    {"stop", get_stop, nullptr, nullptr},
    {"step", get_step, nullptr, nullptr},
    {nullptr}};

}  // namespace

Ref<> range_new(Value start, Value stop, Value step) {
  if (int_sign(step) == 0) return err_set_str(g_ValueError, "range() arg 3 must not be zero");
  Ref<> len = compute_length(start, stop, step);
  if (!len) return nullptr;
  auto* r = alloc_object<Range>(&g_range_type);
  if (!r) return nullptr;
  // Store exact ints (bool and int subclasses are converted by __index__ callers).
  r->start = Ref<>::borrow(start).release();
  r->stop = Ref<>::borrow(stop).release();
  r->step = Ref<>::borrow(step).release();
  r->length = len.release();
  return Ref<>::steal(Value(r));
}

void range_types_init() {
  Type* t = &g_range_type;
  t->name = "range";
  t->basic_size = sizeof(Range);
  t->flags = kTypeSequence;
  t->tp_dealloc = range_dealloc;
  t->tp_new = range_tp_new;
  t->tp_repr = range_repr;
  t->tp_hash = range_hash;
  t->tp_richcompare = range_richcompare;
  t->tp_iter = range_iter;
  t->mp_length = range_len;
  t->mp_subscript = range_subscript;
  t->sq_contains = range_contains;
  t->nb_bool = range_bool;
  t->methods = kRangeMethods;
  t->getsets = kRangeGetSets;
  t->doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\nReturn an object that produces a "
           "sequence of integers from start (inclusive)\nto stop (exclusive) by step.  range(i, j) produces i, i+1, "
           "i+2, ..., j-1.\nstart defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\nThese are exactly "
           "the valid indices for a list of 4 elements.\nWhen step is given, it specifies the increment (or "
           "decrement).";
  type_ready(t);

  t = &g_range_iter_type;
  t->name = "range_iterator";
  t->basic_size = sizeof(RangeIter);
  t->tp_dealloc = [](Object* o) { free_object(o); };
  t->tp_iter = iter_self;
  t->tp_iternext = range_iter_next;
  t->methods = kRangeIterMethods;
  type_ready(t);

  t = &g_longrange_iter_type;
  t->name = "longrange_iterator";
  t->basic_size = sizeof(LongRangeIter);
  t->tp_dealloc = longrange_dealloc;
  t->tp_iter = iter_self;
  t->tp_iternext = longrange_next;
  t->methods = kLongRangeIterMethods;
  type_ready(t);
}

}  // namespace ftpy
