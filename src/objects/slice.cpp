// slice: construction, repr, comparison, hashing (3.12+: hashable), indices(),
// and slice_indices(), the one place every sequence type resolves a slice.
#include "objects/slice.h"

#include <gmp.h>

#include <string>

#include "objects/errors.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_slice_type;

namespace {

constexpr const char* kSliceIndexError = "slice indices must be integers or None or have an __index__ method";

void slice_dealloc(Object* o) {
  auto* s = static_cast<Slice*>(o);
  decref(s->start);
  decref(s->stop);
  decref(s->step);
  free_object(o);
}

void slice_traverse(Object* o, VisitFn visit, void* arg) {
  auto* s = static_cast<Slice*>(o);
  visit(s->start, arg);
  visit(s->stop, arg);
  visit(s->step, arg);
}

// v (not None) as an exact int via __index__, with the slice message on failure.
Ref<> index_or_error(Value v) {
  if (is_int(v)) return number_index(v);
  if (!type_of(v)->nb_index) return err_set_str(g_TypeError, kSliceIndexError);
  return number_index(v);
}

}  // namespace

bool slice_bound_clamped(Value v, int64_t* out) {
  if (v.is_small()) {
    *out = v.small_value();
    return true;
  }
  Ref<> i = index_or_error(v);
  if (!i) return false;
  if (!int_as_int64(i.val(), out)) *out = int_sign(i.val()) < 0 ? INT64_MIN : INT64_MAX;
  return true;
}

Ref<> slice_new(Value start, Value stop, Value step) {
  auto* s = alloc_object<Slice>(&g_slice_type);
  if (!s) return nullptr;
  s->start = Ref<>::borrow(start.is_null() ? none() : start).release();
  s->stop = Ref<>::borrow(stop.is_null() ? none() : stop).release();
  s->step = Ref<>::borrow(step.is_null() ? none() : step).release();
  return Ref<>::steal(Value(s));
}

bool slice_unpack(Value start, Value stop, Value step, int64_t* b, int64_t* e, int64_t* st) {
  *st = 1;
  if (step.is_small()) {
    *st = step.small_value();
  } else if (!step.is_null() && !is_none(step)) {
    if (!slice_bound_clamped(step, st)) return false;
    if (*st < -INT64_MAX) *st = -INT64_MAX;  // so that -step cannot overflow
  }
  if (*st == 0) {
    err_set_str(g_ValueError, "slice step cannot be zero");
    return false;
  }
  // An omitted bound is the extreme that slice_adjust clamps to the end the
  // step starts (or stops) at.
  if (start.is_small()) *b = start.small_value();
  else if (start.is_null() || is_none(start)) *b = *st < 0 ? INT64_MAX : 0;
  else if (!slice_bound_clamped(start, b)) return false;
  if (stop.is_small()) *e = stop.small_value();
  else if (stop.is_null() || is_none(stop)) *e = *st < 0 ? INT64_MIN : INT64_MAX;
  else if (!slice_bound_clamped(stop, e)) return false;
  return true;
}

int64_t slice_adjust(int64_t length, int64_t* b, int64_t* e, int64_t st) {
  auto clamp = [&](int64_t* x) {
    if (*x < 0) {
      *x = *x < -length ? (st < 0 ? -1 : 0) : *x + length;
    } else if (*x >= length) {
      *x = st < 0 ? length - 1 : length;
    }
  };
  clamp(b);
  clamp(e);
  if (st > 0) return *b < *e ? (*e - *b - 1) / st + 1 : 0;
  return *e < *b ? (*b - *e - 1) / (-st) + 1 : 0;
}

bool slice_indices(Value sv, int64_t length, int64_t* start, int64_t* stop, int64_t* step,
                   int64_t* slicelength) {
  auto* s = sv.as<Slice>();
  if (!slice_unpack(s->start, s->stop, s->step, start, stop, step)) return false;
  *slicelength = slice_adjust(length, start, stop, *step);
  return true;
}

bool slice_indices_big(Value sv, Value length, Ref<>* start, Ref<>* stop, Ref<>* step) {
  auto* s = sv.as<Slice>();
  mpz_t st, len, b, e, lower, upper;
  mpz_inits(st, len, b, e, lower, upper, nullptr);
  struct Clear {
    mpz_ptr a, b2, c, d, e2, f;
    ~Clear() { mpz_clears(a, b2, c, d, e2, f, nullptr); }
  } clear{st, len, b, e, lower, upper};
  int_to_mpz(length, len);
  if (is_none(s->step)) {
    mpz_set_si(st, 1);
  } else {
    Ref<> i = index_or_error(s->step);
    if (!i) return false;
    int_to_mpz(i.val(), st);
    if (mpz_sgn(st) == 0) {
      err_set_str(g_ValueError, "slice step cannot be zero");
      return false;
    }
  }
  bool neg = mpz_sgn(st) < 0;
  if (neg) {
    mpz_set_si(lower, -1);
    mpz_sub_ui(upper, len, 1);
  } else {
    mpz_set_ui(lower, 0);
    mpz_set(upper, len);
  }
  auto bound = [&](Value v, mpz_t out, bool is_start) -> bool {
    if (is_none(v)) {
      mpz_set(out, (is_start == neg) ? upper : lower);
      return true;
    }
    Ref<> i = index_or_error(v);
    if (!i) return false;
    int_to_mpz(i.val(), out);
    if (mpz_sgn(out) < 0) {
      mpz_add(out, out, len);
      if (mpz_cmp(out, lower) < 0) mpz_set(out, lower);
    } else if (mpz_cmp(out, upper) > 0) {
      mpz_set(out, upper);
    }
    return true;
  };
  if (!bound(s->start, b, true) || !bound(s->stop, e, false)) return false;
  *start = int_from_mpz(b);
  *stop = int_from_mpz(e);
  *step = int_from_mpz(st);
  return *start && *stop && *step;
}

namespace {

Ref<> slice_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  if (!kwnames.is_null() && tuple_size(kwnames) > 0) return err_set_str(g_TypeError, "slice() takes no keyword arguments");
  if (nargs == 0) return err_set_str(g_TypeError, "slice expected at least 1 argument, got 0");
  if (nargs > 3) return err_format(g_TypeError, "slice expected at most 3 arguments, got %zu", nargs);
  if (nargs == 1) return slice_new(Value(), args[0], Value());
  return slice_new(args[0], args[1], nargs == 3 ? args[2] : Value());
}

Ref<> slice_repr(Value v) {
  auto* s = v.as<Slice>();
  std::string out = "slice(";
  Value parts[3] = {s->start, s->stop, s->step};
  for (int i = 0; i < 3; i++) {
    if (i) out += ", ";
    Ref<> r = repr(parts[i]);
    if (!r) return nullptr;
    out += str_view(r.val());
  }
  out += ")";
  return str_from_utf8(out);
}

Ref<> slice_as_tuple(Value v) {
  auto* s = v.as<Slice>();
  return tuple_pack({s->start, s->stop, s->step});
}

Ref<> slice_richcompare(Value a, Value b, CompareOp op) {
  if (!is_slice(b)) return Ref<>::steal(not_implemented());
  if (a == b && (op == kEq || op == kNe)) return new_bool(op == kEq);
  Ref<> ta = slice_as_tuple(a);
  Ref<> tb = slice_as_tuple(b);
  if (!ta || !tb) return nullptr;
  return richcompare(ta.val(), tb.val(), op);
}

Ref<> slice_indices_method(Value self, Value* args) {
  Ref<> len = index_or_error(args[0]);
  if (!len) {
    if (err_matches(g_TypeError) && !type_of(args[0])->nb_index) {
      err_clear();
      return err_format(g_TypeError, "'%s' object cannot be interpreted as an integer", type_name(type_of(args[0])));
    }
    return nullptr;
  }
  if (int_sign(len.val()) < 0) return err_set_str(g_ValueError, "length should not be negative");
  Ref<> b, e, st;
  if (!slice_indices_big(self, len.val(), &b, &e, &st)) return nullptr;
  return tuple_pack({b.val(), e.val(), st.val()});
}

Ref<> slice_reduce(Value self, Value*) {
  Ref<> t = slice_as_tuple(self);
  if (!t) return nullptr;
  return tuple_pack({Value(&g_slice_type), t.val()});
}

Ref<> slice_get_start(Value self) { return Ref<>::borrow(self.as<Slice>()->start); }
Ref<> slice_get_stop(Value self) { return Ref<>::borrow(self.as<Slice>()->stop); }
Ref<> slice_get_step(Value self) { return Ref<>::borrow(self.as<Slice>()->step); }

const MethodDef kSliceMethods[] = {
    {"indices($self, length, /)", slice_indices_method,
     "S.indices(len) -> (start, stop, stride)\n\nAssuming a sequence of length len, calculate the start and stop\n"
     "indices, and the stride length of the extended slice described by\nS. Out of bounds indices are clipped in\n"
     "a manner consistent with the handling of normal slices."},
    {"__reduce__($self, /)", slice_reduce, "Return state information for pickling."},
    {nullptr}};

const GetSetDef kSliceGetSets[] = {
    {"start", slice_get_start, nullptr, nullptr},
    {"stop", slice_get_stop, nullptr, nullptr},
    {"step", slice_get_step, nullptr, nullptr},
    {nullptr}};

}  // namespace

void slice_type_init() {
  Type* t = &g_slice_type;
  t->name = "slice";
  t->basic_size = sizeof(Slice);
  t->flags = kTypeHasGc | kTypeImmutable;
  t->tp_dealloc = slice_dealloc;
  t->tp_traverse = slice_traverse;
  t->tp_new = slice_tp_new;
  t->tp_repr = slice_repr;
  t->tp_richcompare = slice_richcompare;
  t->tp_hash = nullptr;  // unhashable until 3.12 (slice.__hash__ is None)
  t->methods = kSliceMethods;
  t->getsets = kSliceGetSets;
  t->doc = "slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used for extended slicing (e.g. a[0:10:2]).";
  type_ready(t);
}

}  // namespace ftpy
