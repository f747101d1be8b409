// datetime.timedelta: days, seconds and microseconds packed into three C
// ints, normalised so that 0 <= seconds < 86400 and 0 <= microseconds < 10**6.
// Immutable after construction (datetime_internal.h).
//
// Hot operations (construction from ints, +, -, comparison, hash) work on
// the packed fields and __int128 microsecond totals; the rare ones that
// need exact big-integer semantics (multiplying or dividing by arbitrary
// ints and floats) go through Python int arithmetic, so their rounding and
// error messages are Python's.
#include <cmath>
#include <cstring>

#include "modules/datetime_internal.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"

namespace ftpy {
namespace dt {

Type g_delta_type;
Value g_delta_zero;

namespace {

inline Delta* D(Value v) { return v.as<Delta>(); }

std::nullptr_t c_int_overflow() { return err_set_str(g_OverflowError, "Python int too large to convert to C int"); }

}  // namespace

Ref<> new_delta(int64_t days, int64_t seconds, int64_t us, bool normalize, Type* type) {
  if (normalize) {
    int64_t q = us / kUsPerSecond, r = us % kUsPerSecond;
    if (r < 0) {
      r += kUsPerSecond;
      --q;
    }
    seconds += q;
    us = r;
    q = seconds / 86400;
    r = seconds % 86400;
    if (r < 0) {
      r += 86400;
      --q;
    }
    days += q;
    seconds = r;
  }
  if (days < -kMaxDeltaDays || days > kMaxDeltaDays) {
    if (days < INT32_MIN || days > INT32_MAX) return c_int_overflow();
    return err_format(g_OverflowError, "days=%d; must have magnitude <= %d", int(days), kMaxDeltaDays);
  }
  auto* d = alloc_object<Delta>(type, type->basic_size);
  if (!d) return nullptr;
  d->days = int32_t(days);
  d->seconds = int32_t(seconds);
  d->us = int32_t(us);
  return Ref<>::steal(Value(d));
}

Ref<> delta_from_us(__int128 us, Type* type) {
  __int128 q = us / kUsPerDay, r = us % kUsPerDay;
  if (r < 0) {
    r += kUsPerDay;
    --q;
  }
  if (q < INT32_MIN || q > INT32_MAX) return c_int_overflow();
  int64_t rem = int64_t(r);
  return new_delta(int64_t(q), rem / kUsPerSecond, rem % kUsPerSecond, false, type);
}

__int128 delta_to_us(Value v) {
  Delta* d = D(v);
  return (__int128(d->days) * 86400 + d->seconds) * kUsPerSecond + d->us;
}

namespace {

// A Python int of microseconds back to a timedelta.
Ref<> delta_from_int(Value n, Type* type = &g_delta_type) {
  __int128 us;
  if (!int_as_int128(n, &us)) return c_int_overflow();
  return delta_from_us(us, type);
}

Ref<> us_int(Value d) { return int_from_int128(delta_to_us(d)); }

}  // namespace

Ref<> delta_add_values(Value a, Value b, int sign) {
  Delta *x = D(a), *y = D(b);
  return new_delta(int64_t(x->days) + sign * y->days, int64_t(x->seconds) + sign * y->seconds,
                   int64_t(x->us) + sign * y->us, true);
}

int delta_cmp(Value a, Value b) {
  Delta *x = D(a), *y = D(b);
  if (x->days != y->days) return x->days < y->days ? -1 : 1;
  if (x->seconds != y->seconds) return x->seconds < y->seconds ? -1 : 1;
  if (x->us != y->us) return x->us < y->us ? -1 : 1;
  return 0;
}

bool delta_is_zero(Value d) { return D(d)->days == 0 && D(d)->seconds == 0 && D(d)->us == 0; }

Ref<> delta_negative_value(Value d) { return new_delta(-int64_t(D(d)->days), -int64_t(D(d)->seconds), -int64_t(D(d)->us), true); }

namespace {

// --- construction ---

const char* const kDeltaKws[] = {"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"};

// Add value*factor (microseconds) into *sum; float fractions of a
// microsecond collect in *leftover (CPython's accum()).
bool accum(const char* tag, __int128* sum, Value v, int64_t factor, double* leftover) {
  if (is_int(v)) {
    __int128 x;
    if (!int_as_int128(v, &x) || __builtin_mul_overflow(x, __int128(factor), &x) ||
        __builtin_add_overflow(*sum, x, sum)) {
      c_int_overflow();
      return false;
    }
    return true;
  }
  if (is_float(v)) {
    double dnum = float_value(v), intpart;
    double frac = std::modf(dnum, &intpart);
    Ref<> check = int_from_double(intpart);  // NaN / infinity messages
    if (!check) return false;
    if (!(std::fabs(intpart) < 1.0e38)) {
      c_int_overflow();
      return false;
    }
    __int128 x = __int128(intpart);
    if (__builtin_mul_overflow(x, __int128(factor), &x) || __builtin_add_overflow(*sum, x, sum)) {
      c_int_overflow();
      return false;
    }
    if (frac == 0.0) return true;
    dnum = double(factor) * frac;
    frac = std::modf(dnum, &intpart);
    *sum += __int128(intpart);
    *leftover += frac;
    return true;
  }
  err_format(g_TypeError, "unsupported type for timedelta %s component: %s", tag, type_tp_name(type_of(v)));
  return false;
}

Ref<> delta_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const KwSpec spec{"__new__", kDeltaKws, 7, 0, 7};
  Value a[7];
  // Fast path: positional small ints (the arithmetic of most programs).
  if (nargs <= 3 && (!kwnames || tuple_size(kwnames) == 0)) {
    bool small = true;
    for (size_t i = 0; i < nargs; i++) small &= args[i].is_small();
    if (small) {
      int64_t v[3] = {0, 0, 0};
      for (size_t i = 0; i < nargs; i++) v[i] = args[i].small_value();
      if (std::llabs(v[0]) <= kMaxDeltaDays * 2LL && std::llabs(v[1]) < (int64_t(1) << 50) &&
          std::llabs(v[2]) < (int64_t(1) << 50))
        return new_delta(v[0], v[1], v[2], true, type);
    }
  }
  if (!parse_kw(spec, args, nargs, kwnames, a)) return nullptr;
  // CPython adds the components in this order (which decides whose type
  // error is reported first).
  static const int kOrder[] = {2, 3, 1, 4, 5, 0, 6};
  static const int64_t kFactor[] = {86400 * kUsPerSecond, kUsPerSecond, 1, 1000, 60 * kUsPerSecond,
                                    3600 * kUsPerSecond, 7 * 86400 * kUsPerSecond};
  __int128 sum = 0;
  double leftover = 0.0;
  for (int i : kOrder)
    if (a[i] && !accum(kDeltaKws[i], &sum, a[i], kFactor[i], &leftover)) return nullptr;
  if (leftover != 0.0) {
    // Round the fractions to the nearest microsecond, halves to even.
    double whole = std::round(leftover);
    if (std::fabs(whole - leftover) == 0.5) {
      int odd = int(sum & 1);
      whole = 2.0 * std::round((leftover + odd) * 0.5) - odd;
    }
    sum += __int128(whole);
  }
  return delta_from_us(sum, type);
}

// --- representation ---

Ref<> delta_repr(Value self) {
  Delta* d = D(self);
  std::string s = repr_type_name(self) + "(";
  char buf[64];
  bool any = false;
  auto part = [&](const char* name, int v) {
    if (!v) return;
    snprintf(buf, sizeof buf, "%s%s=%d", any ? ", " : "", name, v);
    s += buf;
    any = true;
  };
  part("days", d->days);
  part("seconds", d->seconds);
  part("microseconds", d->us);
  if (!any) s += "0";
  s += ")";
  return str_from_utf8(s);
}

Ref<> delta_str(Value self) {
  Delta* d = D(self);
  char buf[96];
  int n = 0;
  if (d->days) n = snprintf(buf, sizeof buf, "%d day%s, ", d->days, (d->days == 1 || d->days == -1) ? "" : "s");
  int s = d->seconds;
  n += snprintf(buf + n, sizeof buf - n, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  if (d->us) snprintf(buf + n, sizeof buf - n, ".%06d", d->us);
  return str_from_ascii(buf);
}

// --- arithmetic ---

Ref<> delta_add(Value a, Value b) {
  if (is_delta(a) && is_delta(b)) return delta_add_values(a, b, 1);
  return Ref<>::borrow(not_implemented());
}

Ref<> delta_sub(Value a, Value b) {
  if (is_delta(a) && is_delta(b)) return delta_add_values(a, b, -1);
  return Ref<>::borrow(not_implemented());
}

Ref<> delta_neg(Value a) { return delta_negative_value(a); }
Ref<> delta_pos(Value a) { return new_delta(D(a)->days, D(a)->seconds, D(a)->us, false); }
Ref<> delta_abs(Value a) { return D(a)->days < 0 ? delta_neg(a) : delta_pos(a); }
int delta_bool(Value a) { return !delta_is_zero(a); }

// round(a / b), halves to even, for Python ints (CPython's divide_nearest).
Ref<> divide_nearest(Value a, Value b) {
  Ref<> qr = binary_op(a, b, kOpFloorDiv);
  if (!qr) return nullptr;
  Ref<> r = binary_op(a, b, kOpMod);
  if (!r) return nullptr;
  Ref<> twice = binary_op(r.val(), Value::small(2), kOpMul);
  if (!twice) return nullptr;
  // r has b's sign: compare |2r| with |b|.
  bool neg = int_sign(b) < 0;
  int c = int_compare(twice.val(), b);
  if (neg) c = -c;
  bool odd = false;
  if (c == 0) {
    Ref<> bit = binary_op(qr.val(), Value::small(1), kOpAnd);
    if (!bit) return nullptr;
    odd = int_sign(bit.val()) != 0;
  }
  if (c > 0 || (c == 0 && odd)) return binary_op(qr.val(), Value::small(1), kOpAdd);
  return qr;
}

// (numerator, denominator) of a float, with float.as_integer_ratio's errors.
bool float_ratio(Value f, Ref<>* num, Ref<>* den) {
  Ref<> r = call_method(f, "as_integer_ratio", nullptr, 0);
  if (!r) return false;
  *num = Ref<>::borrow(tuple_item(r.val(), 0));
  *den = Ref<>::borrow(tuple_item(r.val(), 1));
  return true;
}

Ref<> delta_times_int(Value d, Value n) {
  if (n.is_small() && std::llabs(n.small_value()) < (int64_t(1) << 40)) {
    __int128 us = delta_to_us(d) * n.small_value();
    return delta_from_us(us);
  }
  Ref<> us = us_int(d);
  if (!us) return nullptr;
  Ref<> p = binary_op(us.val(), n, kOpMul);
  if (!p) return nullptr;
  return delta_from_int(p.val());
}

Ref<> delta_times_float(Value d, Value f) {
  Ref<> num, den;
  if (!float_ratio(f, &num, &den)) return nullptr;
  Ref<> us = us_int(d);
  if (!us) return nullptr;
  Ref<> p = binary_op(us.val(), num.val(), kOpMul);
  if (!p) return nullptr;
  Ref<> q = divide_nearest(p.val(), den.val());
  if (!q) return nullptr;
  return delta_from_int(q.val());
}

Ref<> delta_mul(Value a, Value b) {
  if (is_delta(a)) {
    if (is_int(b)) return delta_times_int(a, b);
    if (is_float(b)) return delta_times_float(a, b);
  } else if (is_delta(b)) {
    if (is_int(a)) return delta_times_int(b, a);
    if (is_float(a)) return delta_times_float(b, a);
  }
  return Ref<>::borrow(not_implemented());
}

Ref<> delta_truediv(Value a, Value b) {
  if (!is_delta(a)) return Ref<>::borrow(not_implemented());
  Ref<> us = us_int(a);
  if (!us) return nullptr;
  if (is_delta(b)) {
    Ref<> other = us_int(b);
    if (!other) return nullptr;
    return binary_op(us.val(), other.val(), kOpTrueDiv);
  }
  if (is_int(b)) {
    if (int_sign(b) == 0) return err_set_str(g_ZeroDivisionError, "integer division or modulo by zero");
    Ref<> q = divide_nearest(us.val(), b);
    if (!q) return nullptr;
    return delta_from_int(q.val());
  }
  if (is_float(b)) {
    Ref<> num, den;
    if (!float_ratio(b, &num, &den)) return nullptr;
    if (int_sign(num.val()) == 0) return err_set_str(g_ZeroDivisionError, "integer division or modulo by zero");
    Ref<> p = binary_op(us.val(), den.val(), kOpMul);
    if (!p) return nullptr;
    Ref<> q = divide_nearest(p.val(), num.val());
    if (!q) return nullptr;
    return delta_from_int(q.val());
  }
  return Ref<>::borrow(not_implemented());
}

Ref<> delta_floordiv(Value a, Value b) {
  if (!is_delta(a)) return Ref<>::borrow(not_implemented());
  if (is_delta(b)) {
    __int128 x = delta_to_us(a), y = delta_to_us(b);
    if (y == 0) return err_set_str(g_ZeroDivisionError, "integer division or modulo by zero");
    __int128 q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
    return int_from_int128(q);
  }
  if (is_int(b)) {
    Ref<> us = us_int(a);
    if (!us) return nullptr;
    Ref<> q = binary_op(us.val(), b, kOpFloorDiv);
    if (!q) return nullptr;
    return delta_from_int(q.val());
  }
  return Ref<>::borrow(not_implemented());
}

Ref<> delta_mod(Value a, Value b) {
  if (!is_delta(a) || !is_delta(b)) return Ref<>::borrow(not_implemented());
  __int128 x = delta_to_us(a), y = delta_to_us(b);
  if (y == 0) return err_set_str(g_ZeroDivisionError, "integer modulo by zero");
  __int128 r = x % y;
  if (r != 0 && ((r < 0) != (y < 0))) r += y;
  return delta_from_us(r);
}

Ref<> delta_divmod(Value a, Value b) {
  if (!is_delta(a) || !is_delta(b)) return Ref<>::borrow(not_implemented());
  __int128 x = delta_to_us(a), y = delta_to_us(b);
  if (y == 0) return err_set_str(g_ZeroDivisionError, "integer division or modulo by zero");
  __int128 q = x / y, r = x % y;
  if (r != 0 && ((r < 0) != (y < 0))) {
    r += y;
    --q;
  }
  Ref<> qi = int_from_int128(q);
  if (!qi) return nullptr;
  Ref<> rd = delta_from_us(r);
  if (!rd) return nullptr;
  return tuple_pack({qi.val(), rd.val()});
}

Ref<> delta_richcompare(Value a, Value b, CompareOp op) {
  if (!is_delta(b)) return Ref<>::borrow(not_implemented());
  int c = delta_cmp(a, b);
  bool r = false;
  switch (op) {
    case kLt: r = c < 0; break;
    case kLe: r = c <= 0; break;
    case kEq: r = c == 0; break;
    case kNe: r = c != 0; break;
    case kGt: r = c > 0; break;
    case kGe: r = c >= 0; break;
  }
  return new_bool(r);
}

// hash((days, seconds, microseconds)), as CPython's delta_hash.
int64_t delta_hash(Value self) {
  Delta* d = D(self);
  int64_t h = d->hash.load();
  if (h) return h;
  Ref<> t = tuple_pack({Value::small(d->days), Value::small(d->seconds), Value::small(d->us)});
  if (!t) return -1;
  h = hash(t.val());
  if (h != -1) d->hash.store(h);
  return h;
}

// --- methods ---

Ref<> delta_total_seconds(Value self, Value*) {
  Delta* d = D(self);
  if (d->days > -100000 && d->days < 100000) {
    // Exact in a double: |us| < 2**53.
    int64_t us = (int64_t(d->days) * 86400 + d->seconds) * kUsPerSecond + d->us;
    return float_new(double(us) / 1e6);
  }
  Ref<> us = us_int(self);
  if (!us) return nullptr;
  return binary_op(us.val(), Value::small(kUsPerSecond), kOpTrueDiv);
}

Ref<> delta_reduce(Value self, Value*) {
  Delta* d = D(self);
  Ref<> args = tuple_pack({Value::small(d->days), Value::small(d->seconds), Value::small(d->us)});
  if (!args) return nullptr;
  return tuple_pack({Value(type_of(self)), args.val()});
}

Ref<> get_days(Value self) { return small_int(D(self)->days); }
Ref<> get_seconds(Value self) { return small_int(D(self)->seconds); }
Ref<> get_us(Value self) { return small_int(D(self)->us); }

const MethodDef kDeltaMethods[] = {
    {"total_seconds($self, /)", delta_total_seconds, "Total seconds in the duration."},
    {"__reduce__($self, /)", delta_reduce, "__reduce__() -> (cls, state)"},
    {nullptr}};

const GetSetDef kDeltaGetSets[] = {
    {"days", get_days, nullptr, "Number of days."},
    {"seconds", get_seconds, nullptr, "Number of seconds (>= 0 and less than 1 day)."},
    {"microseconds", get_us, nullptr, "Number of microseconds (>= 0 and less than 1 second)."},
    {nullptr}};

void delta_dealloc(Object* o) { free_object(o); }

}  // namespace

void delta_type_init() {
  Type* t = &g_delta_type;
  t->ob_type = &g_type_type;
  t->name = "datetime.timedelta";
  t->basic_size = sizeof(Delta);
  t->flags = kTypeBaseType;
  t->tp_dealloc = delta_dealloc;
  t->tp_new = delta_tp_new;
  t->tp_repr = delta_repr;
  t->tp_str = delta_str;
  t->tp_hash = delta_hash;
  t->tp_richcompare = delta_richcompare;
  t->nb_binary[kOpAdd] = delta_add;
  t->nb_binary[kOpSub] = delta_sub;
  t->nb_binary[kOpMul] = delta_mul;
  t->nb_binary[kOpTrueDiv] = delta_truediv;
  t->nb_binary[kOpFloorDiv] = delta_floordiv;
  t->nb_binary[kOpMod] = delta_mod;
  t->nb_divmod = delta_divmod;
  t->nb_negative = delta_neg;
  t->nb_positive = delta_pos;
  t->nb_absolute = delta_abs;
  t->nb_bool = delta_bool;
  t->methods = kDeltaMethods;
  t->getsets = kDeltaGetSets;
  t->doc =
      "Difference between two datetime values.\n\n"
      "timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)\n\n"
      "All arguments are optional and default to 0.\nArguments may be integers or floats, and may be positive or "
      "negative.";
  type_ready(t);
  Ref<> mn = new_delta(-kMaxDeltaDays, 0, 0, false);
  Ref<> mx = new_delta(kMaxDeltaDays, 86399, 999999, false);
  Ref<> res = new_delta(0, 0, 1, false);
  Ref<> zero = new_delta(0, 0, 0, false);
  dict_set_item_str(t->dict, "min", mn.val());
  dict_set_item_str(t->dict, "max", mx.val());
  dict_set_item_str(t->dict, "resolution", res.val());
  g_delta_zero = zero.release();
}

}  // namespace dt
}  // namespace ftpy
