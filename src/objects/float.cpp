// float core: repr, hashing, comparison and arithmetic slots. Methods
// (hex, fromhex, as_integer_ratio, __format__, __round__, ...) are in
// float_methods.cpp.
#include "objects/float.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <string>

#include "objects/errors.h"
#include "objects/complex.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/hash.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_float_type;

thread_local constinit FloatFreeList tls_float_free{nullptr, kFloatFreeUnarmed};

namespace {

// Gives a thread's free list back to the heap when the thread exits. A
// thread_local with a destructor costs an initialisation check at every
// access, so this one is touched only once per thread, when its list first
// receives a float (its count is kFloatFreeUnarmed until then);
// tls_float_free itself stays trivial. A drained list is left full, so a
// float that dies later in the thread's exit goes back to the heap.
struct FloatFreeListDrain {
  bool armed = false;
  ~FloatFreeListDrain() {
    FloatFreeList& fl = tls_float_free;
    while (Float* f = fl.head) {
      fl.head = float_free_next(f);
      heap_free(f);
    }
    fl.count = kFloatFreeMax;
  }
};
thread_local FloatFreeListDrain tls_float_drain;

// Only exact floats join the free list: solid_base's deallocator is this
// one for a float subclass too (subtype_dealloc), whose instances are larger
// and may be tracked by the collector. Recycling one left a collector-tracked
// block on the list: reused as a plain float it stayed in the registry, and
// freed later with its GC bits cleared it went to heap_free off its real start.
void float_dealloc(Object* o) {
  if (o->ob_type == &g_float_type) [[likely]] {
    float_dealloc_exact(static_cast<Float*>(o));
    return;
  }
  free_object(o);
}

}  // namespace

void float_dealloc_slow(Float* f) {
#ifndef FTPY_ASAN
  FloatFreeList& fl = tls_float_free;
  if (fl.count == kFloatFreeUnarmed) {
    // This thread's first float: arm the drain, then push.
    tls_float_drain.armed = true;  // constructs it: registers its destructor for this thread
    std::memcpy(&f->value, &fl.head, sizeof fl.head);
    fl.head = f;
    fl.count = 1;
    return;
  }
#endif
  free_object(f);
}

Float* float_alloc_slow(double d) {
  Float* f = alloc_object<Float>(&g_float_type);
  if (!f) return nullptr;
  f->value = d;
  return f;
}

std::string float_repr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
  // Shortest round-trip digits in scientific form, then Python's layout rule:
  // fixed notation when -4 <= exponent < 16, else d.ddde+XX.
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  bool neg = sci[0] == '-';
  if (neg) sci.erase(0, 1);
  size_t epos = sci.find('e');
  int exp = std::stoi(sci.substr(epos + 1));
  std::string digits;
  for (size_t i = 0; i < epos; i++)
    if (sci[i] != '.') digits.push_back(sci[i]);
  std::string out;
  if (exp >= -5 + 1 && exp < 16) {
    // Fixed.
    int point = exp + 1;  // digits before the decimal point
    if (point <= 0) {
      out = "0." + std::string(-point, '0') + digits;
    } else if (point >= static_cast<int>(digits.size())) {
      out = digits + std::string(point - digits.size(), '0') + ".0";
    } else {
      out = digits.substr(0, point) + "." + digits.substr(point);
    }
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    out += eb;
  }
  return neg ? "-" + out : out;
}

int64_t float_hash(double d) {
  // CPython's numeric hash: reduce the exact rational value modulo 2^61-1.
  if (std::isinf(d)) return d > 0 ? kHashInf : -kHashInf;
  if (std::isnan(d)) return 0;  // 3.10+ hashes NaN by identity; callers special-case
  int e;
  double m = std::frexp(d, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m) {
    x = ((x << 28) & kHashModulus) | x >> (kHashBits - 28);
    m *= 268435456.0;  // 2**28
    e -= 28;
    uint64_t y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kHashModulus) x -= kHashModulus;
  }
  e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
  x = ((x << e) & kHashModulus) | x >> (kHashBits - e);
  int64_t r = static_cast<int64_t>(x) * sign;
  return r == -1 ? -2 : r;
}

Ref<> float_compare_with_int(Value f, Value i, CompareOp op) {
  double x = float_value(f);
  int c;
  if (std::isnan(x)) {
    return new_bool(op == kNe);
  } else if (std::isinf(x)) {
    c = x > 0 ? 1 : -1;
  } else {
    int64_t small;
    if (int_as_int64(i, &small) && small > -(int64_t{1} << 53) && small < (int64_t{1} << 53)) {
      double y = static_cast<double>(small);
      c = (x > y) - (x < y);
    } else {
      // Compare exactly: floor(x) against the int, then the fraction.
      double fl = std::floor(x);
      mpz_t a, b;
      mpz_init_set_d(a, fl);
      mpz_init(b);
      int_to_mpz(i, b);
      int k = mpz_cmp(a, b);
      if (k == 0) c = (x > fl) ? 1 : 0;
      else c = k > 0 ? 1 : -1;
      mpz_clear(a);
      mpz_clear(b);
    }
  }
  bool r = op == kLt ? c < 0 : op == kLe ? c <= 0 : op == kEq ? c == 0 : op == kNe ? c != 0 : op == kGt ? c > 0 : c >= 0;
  return new_bool(r);
}

namespace {

// Convert an operand for float arithmetic: float or int. Returns false for
// other types (-> NotImplemented); sets *err on int overflow.
bool as_double(Value v, double* out, bool* err) {
  if (is_float(v)) {
    *out = float_value(v);
    return true;
  }
  if (is_int(v)) {
    bool overflow;
    *out = int_as_double(v, &overflow);
    if (overflow) {
      err_set_str(g_OverflowError, "int too large to convert to float");
      *err = true;
    }
    return true;
  }
  return false;
}

#define FLOAT_OPERANDS(a, b, x, y)                                   \
  double x, y;                                                       \
  bool err_ = false;                                                 \
  if (!as_double(a, &x, &err_) || !as_double(b, &y, &err_))          \
    return err_ ? nullptr : Ref<>::steal(not_implemented());         \
  if (err_) return nullptr

Ref<> float_add(Value a, Value b) {
  FLOAT_OPERANDS(a, b, x, y);
  return float_new(x + y);
}
Ref<> float_sub(Value a, Value b) {
  FLOAT_OPERANDS(a, b, x, y);
  return float_new(x - y);
}
Ref<> float_mul(Value a, Value b) {
  FLOAT_OPERANDS(a, b, x, y);
  return float_new(x * y);
}
Ref<> float_truediv(Value a, Value b) {
  FLOAT_OPERANDS(a, b, x, y);
  if (y == 0) return err_set_str(g_ZeroDivisionError, "float division by zero");
  return float_new(x / y);
}

// Python's float floor division and modulo (sign of the divisor).
bool float_divmod_impl(double x, double y, double* fq, double* fm) {
  if (y == 0) {
    err_set_str(g_ZeroDivisionError, "float modulo");
    return false;
  }
  double mod = std::fmod(x, y);
  double div = (x - mod) / y;
  if (mod) {
    if ((y < 0) != (mod < 0)) {
      mod += y;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, y);
  }
  double floordiv;
  if (div) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, x / y);
  }
  *fq = floordiv;
  *fm = mod;
  return true;
}

Ref<> float_floordiv(Value a, Value b) {
  FLOAT_OPERANDS(a, b, x, y);
  if (y == 0) return err_set_str(g_ZeroDivisionError, "float floor division by zero");
  double q, m;
  if (!float_divmod_impl(x, y, &q, &m)) return nullptr;
  return float_new(q);
}
Ref<> float_mod(Value a, Value b) {
  FLOAT_OPERANDS(a, b, x, y);
  double q, m;
  if (!float_divmod_impl(x, y, &q, &m)) return nullptr;
  return float_new(m);
}
Ref<> float_divmod(Value a, Value b) {
  FLOAT_OPERANDS(a, b, x, y);
  if (y == 0) return err_set_str(g_ZeroDivisionError, "float divmod()");
  double q, m;
  if (!float_divmod_impl(x, y, &q, &m)) return nullptr;
  Ref<> qo = float_new(q), mo = float_new(m);
  return tuple_pack({qo.val(), mo.val()});
}

Ref<> float_pow3(Value a, Value b, Value m) {
  if (!m.is_null() && !is_none(m))
    return err_set_str(g_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
  FLOAT_OPERANDS(a, b, x, y);
  if (x == 0 && y < 0) return err_set_str(g_ZeroDivisionError, "0.0 cannot be raised to a negative power");
  if (x < 0 && y != std::floor(y) && std::isfinite(y)) {
    // Negative base, fractional exponent: the result is complex.
    return complex_pow_from_floats(x, y);
  }
  double r = std::pow(x, y);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y))
    return err_set_str(g_OverflowError, "(34, 'Numerical result out of range')");
  return float_new(r);
}
Ref<> float_pow(Value a, Value b) { return float_pow3(a, b, Value()); }

Ref<> float_neg(Value a) { return float_new(-float_value(a)); }
Ref<> float_pos(Value a) { return is_instance_exact(a, &g_float_type) ? Ref<>::borrow(a) : float_new(float_value(a)); }
Ref<> float_abs(Value a) { return float_new(std::fabs(float_value(a))); }
int float_bool(Value a) { return float_value(a) != 0.0; }
Ref<> float_int(Value a) { return int_from_double(float_value(a)); }
Ref<> float_float(Value a) { return float_pos(a); }

Ref<> float_repr_slot(Value v) { return str_from_ascii(float_repr(float_value(v))); }

int64_t float_hash_slot(Value v) {
  double d = float_value(v);
  if (std::isnan(d)) {
    uint64_t p = v.bits();
    int64_t h = static_cast<int64_t>((p >> 4) | (p << 60));
    return h == -1 ? -2 : h;
  }
  return float_hash(d);
}

Ref<> float_richcompare(Value a, Value b, CompareOp op) {
  double x = float_value(a);
  if (is_float(b)) {
    double y = float_value(b);
    bool r = op == kLt ? x < y : op == kLe ? x <= y : op == kEq ? x == y : op == kNe ? x != y : op == kGt ? x > y : x >= y;
    return new_bool(r);
  }
  if (is_int(b)) return float_compare_with_int(a, b, op);
  return Ref<>::steal(not_implemented());
}

}  // namespace

void float_type_init_core() {
  Type* t = &g_float_type;
  t->name = "float";
  t->basic_size = sizeof(Float);
  t->flags = kTypeBaseType | kTypeFloatSubclass | kTypeLeafDealloc;
  t->tp_dealloc = float_dealloc;
  t->tp_repr = float_repr_slot;
  t->tp_hash = float_hash_slot;
  t->tp_richcompare = float_richcompare;
  t->nb_binary[kOpAdd] = float_add;
  t->nb_binary[kOpSub] = float_sub;
  t->nb_binary[kOpMul] = float_mul;
  t->nb_binary[kOpTrueDiv] = float_truediv;
  t->nb_binary[kOpFloorDiv] = float_floordiv;
  t->nb_binary[kOpMod] = float_mod;
  t->nb_binary[kOpPow] = float_pow;
  t->nb_power = float_pow3;
  t->nb_divmod = float_divmod;
  t->nb_negative = float_neg;
  t->nb_positive = float_pos;
  t->nb_absolute = float_abs;
  t->nb_bool = float_bool;
  t->nb_int = float_int;
  t->nb_float = float_float;
  t->ob_type = &g_type_type;
  make_immortal(t);
  float_install_methods(t);
}

void float_module_init() {
  if (!g_float_type.name) float_type_init_core();
  type_ready(&g_float_type);
}

}  // namespace ftpy
