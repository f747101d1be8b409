// int core: representation, conversion and the arithmetic slots. Small ints
// stay tagged; overflow of a small operation falls through to GMP. The
// Python-visible methods (to_bytes, bit_length, __format__, ...) are in
// int_methods.cpp.
#include "objects/int.h"

#include <atomic>
#include <cmath>
#include <cstring>
#include <string>

#include "objects/errors.h"
#include "objects/float.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/hash.h"
#include "runtime/heap.h"
#include "runtime/interp.h"

namespace ftpy {

Type g_int_type;
Type g_bool_type;
Int g_true;
Int g_false;

namespace {

// Copies an int-like value into a temporary mpz for the slow paths.
struct Mpz {
  mpz_t z;
  Mpz() { mpz_init(z); }
  explicit Mpz(Value v) {
    mpz_init(z);
    int_to_mpz(v, z);
  }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
};

void int_dealloc(Object* o) {
  mpz_clear(static_cast<Int*>(o)->z);
  free_object(o);
}

inline const __mpz_struct* big(Value v) { return v.as<Int>()->z; }

}  // namespace

Ref<> int_from_int64(int64_t i) {
  if (Value::fits_small(i)) return small_int(i);
  Int* o = alloc_object<Int>(&g_int_type);
  if (!o) return nullptr;
  mpz_init_set_si(o->z, i);
  return Ref<>::steal(Value(o));
}

Ref<> int_from_uint64(uint64_t u) {
  if (u <= static_cast<uint64_t>(Value::kSmallMax)) return small_int(static_cast<int64_t>(u));
  Int* o = alloc_object<Int>(&g_int_type);
  if (!o) return nullptr;
  mpz_init(o->z);
  mpz_import(o->z, 1, 1, sizeof(u), 0, 0, &u);
  return Ref<>::steal(Value(o));
}

Ref<> int_from_mpz(const mpz_t z) {
  if (mpz_fits_slong_p(z)) {
    long v = mpz_get_si(z);
    if (Value::fits_small(v)) return small_int(v);
  }
  Int* o = alloc_object<Int>(&g_int_type);
  if (!o) return nullptr;
  mpz_init_set(o->z, z);
  return Ref<>::steal(Value(o));
}

Ref<> int_from_double(double d) {
  if (std::isinf(d)) return err_set_str(g_OverflowError, "cannot convert float infinity to integer");
  if (std::isnan(d)) return err_set_str(g_ValueError, "cannot convert float NaN to integer");
  double t = std::trunc(d);
  if (t >= -9.2e18 && t <= 9.2e18) return int_from_int64(static_cast<int64_t>(t));
  Mpz m;
  mpz_set_d(m.z, t);
  return int_from_mpz(m.z);
}

bool int_as_int64(Value v, int64_t* out) {
  if (v.is_small()) {
    *out = v.small_value();
    return true;
  }
  if (!is_int(v)) return false;
  const __mpz_struct* z = big(v);
  if (!mpz_fits_slong_p(z)) return false;
  *out = mpz_get_si(z);
  return true;
}

void int_to_mpz(Value v, mpz_t out) {
  if (v.is_small()) mpz_set_si(out, v.small_value());
  else mpz_set(out, big(v));
}

double int_as_double(Value v, bool* overflow) {
  *overflow = false;
  if (v.is_small()) return static_cast<double>(v.small_value());
  const __mpz_struct* z = big(v);
  // mpz_get_d truncates; Python rounds half-to-even. Use the exact method:
  // take the top 54+ bits and round by hand.
  size_t bits = mpz_sizeinbase(z, 2);
  if (bits <= 53) return mpz_get_d(z);
  if (bits > 1024) {
    *overflow = true;
    return 0;
  }
  Mpz a;
  mpz_abs(a.z, z);
  size_t shift = bits - 55;  // keep 55 bits: 53 + guard + sticky
  Mpz top;
  mpz_tdiv_q_2exp(top.z, a.z, shift);
  bool sticky = mpz_scan1(a.z, 0) < shift;
  uint64_t m = mpz_get_ui(top.z);
  if (sticky) m |= 1;
  // Round 55-bit m to 53 bits, half to even.
  uint64_t low = m & 3;
  m >>= 2;
  if (low > 2 || (low == 2 && (m & 1))) m++;
  double d = std::ldexp(static_cast<double>(m), static_cast<int>(shift + 2));
  if (std::isinf(d)) {
    *overflow = true;
    return 0;
  }
  return mpz_sgn(z) < 0 ? -d : d;
}

int int_sign(Value v) {
  if (v.is_small()) {
    int64_t i = v.small_value();
    return (i > 0) - (i < 0);
  }
  return mpz_sgn(big(v));
}

std::string int_to_decimal(Value v) {
  if (v.is_small()) return std::to_string(v.small_value());
  const __mpz_struct* z = big(v);
  std::string s(mpz_sizeinbase(z, 10) + 2, '\0');
  mpz_get_str(s.data(), 10, z);
  s.resize(std::strlen(s.c_str()));
  return s;
}

int int_compare(Value a, Value b) {
  if (a.is_small() && b.is_small()) {
    int64_t x = a.small_value(), y = b.small_value();
    return (x > y) - (x < y);
  }
  Mpz x(a), y(b);
  int c = mpz_cmp(x.z, y.z);
  return (c > 0) - (c < 0);
}

int64_t int_hash(Value v) {
  // hash(n) = n mod (2^61 - 1), sign kept, -1 mapped to -2 (CPython's rule,
  // which makes hash(n) == hash(float(n)) for integral floats).
  int64_t r;
  if (v.is_small()) {
    int64_t i = v.small_value();
    uint64_t a = i < 0 ? static_cast<uint64_t>(-(i + 1)) + 1 : static_cast<uint64_t>(i);
    r = static_cast<int64_t>(a % kHashModulus);
    if (i < 0) r = -r;
  } else {
    const __mpz_struct* z = big(v);
    Mpz a;
    mpz_abs(a.z, z);
    r = static_cast<int64_t>(mpz_fdiv_ui(a.z, kHashModulus));
    if (mpz_sgn(z) < 0) r = -r;
  }
  return r == -1 ? -2 : r;
}

Ref<> int_add(Value a, Value b) {
  if (a.is_small() && b.is_small()) return int_from_int64(a.small_value() + b.small_value());
  Mpz x(a), y(b), r;
  mpz_add(r.z, x.z, y.z);
  return int_from_mpz(r.z);
}

Ref<> int_sub(Value a, Value b) {
  if (a.is_small() && b.is_small()) return int_from_int64(a.small_value() - b.small_value());
  Mpz x(a), y(b), r;
  mpz_sub(r.z, x.z, y.z);
  return int_from_mpz(r.z);
}

Ref<> int_mul(Value a, Value b) {
  if (a.is_small() && b.is_small()) {
    int64_t r;
    if (!__builtin_mul_overflow(a.small_value(), b.small_value(), &r)) return int_from_int64(r);
  }
  Mpz x(a), y(b), r;
  mpz_mul(r.z, x.z, y.z);
  return int_from_mpz(r.z);
}

// The limit itself is g_int_max_str_digits (runtime/interp.h), which sys sets.
int64_t int_max_str_digits() { return g_int_max_str_digits.load(std::memory_order_relaxed); }
void int_set_max_str_digits(int64_t n) { g_int_max_str_digits.store(static_cast<int>(n), std::memory_order_relaxed); }
std::nullptr_t int_str_limit_error() {
  return err_format(g_ValueError,
                    "Exceeds the limit (%lld digits) for integer string conversion; use "
                    "sys.set_int_max_str_digits() to increase the limit",
                    static_cast<long long>(int_max_str_digits()));
}

Ref<> int_from_string(std::string_view text, int base) {
  Ref<Str> so = str_from_utf8(text);
  if (!so) return nullptr;
  return int_parse_literal(text, base, so.val());
}

Ref<> int_parse_literal(std::string_view text, int base, Value orig) {
  auto invalid = [&]() -> Ref<> {
    std::string r = repr_utf8(orig);
    return err_format(g_ValueError, "invalid literal for int() with base %d: %s", base, r.c_str());
  };
  if (base != 0 && (base < 2 || base > 36))
    return err_set_str(g_ValueError, "int() base must be >= 2 and <= 36, or 0");
  // Strip whitespace.
  size_t b = 0, e = text.size();
  auto is_ws = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (b < e && is_ws(text[b])) b++;
  while (e > b && is_ws(text[e - 1])) e--;
  std::string_view s = text.substr(b, e - b);
  size_t i = 0;
  bool neg = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    neg = s[i] == '-';
    i++;
  }
  int eff = base;
  bool prefixed = false;
  if (i + 1 < s.size() && s[i] == '0') {
    char p = static_cast<char>(s[i + 1] | 0x20);
    int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (pb && (base == 0 || base == pb)) {
      eff = pb;
      i += 2;
      prefixed = true;
    }
  }
  if (eff == 0) {
    eff = 10;
    // Base 0: a leading zero is only allowed for zero itself.
    if (i < s.size() && s[i] == '0') {
      for (size_t j = i; j < s.size(); j++)
        if (s[j] != '0' && s[j] != '_') return invalid();
    }
  }
  std::string digits;
  digits.reserve(s.size());
  bool last_us = !prefixed;  // an underscore may follow a base prefix ("0x_ff")
  for (; i < s.size(); i++) {
    char c = s[i];
    if (c == '_') {
      if (last_us) return invalid();
      last_us = true;
      continue;
    }
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'Z') d = c - 'A' + 10;
    else return invalid();
    if (d >= eff) return invalid();
    digits.push_back(c);
    last_us = false;
  }
  if (digits.empty() || (last_us && s.back() == '_')) return invalid();
  int64_t limit = int_max_str_digits();
  if (limit > 0 && static_cast<int64_t>(digits.size()) > limit && (eff & (eff - 1)) != 0) {
    return err_format(g_ValueError,
                      "Exceeds the limit (%lld digits) for integer string conversion: value has %zu "
                      "digits; use sys.set_int_max_str_digits() to increase the limit",
                      static_cast<long long>(limit), digits.size());
  }
  if (digits.size() <= 12) {
    int64_t v = 0;
    for (char c : digits) {
      int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
      v = v * eff + d;
    }
    return int_from_int64(neg ? -v : v);
  }
  Mpz m;
  mpz_set_str(m.z, digits.c_str(), eff);
  if (neg) mpz_neg(m.z, m.z);
  return int_from_mpz(m.z);
}

// --- slots ------------------------------------------------------------------

namespace {

#define BOTH_INTS_OR_NOTIMPL(a, b) \
  if (!is_int(a) || !is_int(b)) return Ref<>::steal(not_implemented())

Ref<> int_add_slot(Value a, Value b) {
  BOTH_INTS_OR_NOTIMPL(a, b);
  return int_add(a, b);
}
Ref<> int_sub_slot(Value a, Value b) {
  BOTH_INTS_OR_NOTIMPL(a, b);
  return int_sub(a, b);
}
Ref<> int_mul_slot(Value a, Value b) {
  BOTH_INTS_OR_NOTIMPL(a, b);
  return int_mul(a, b);
}

// Floor division and modulo with Python's sign rules (result of % has the
// divisor's sign).
Ref<> int_floordiv_slot(Value a, Value b) {
  BOTH_INTS_OR_NOTIMPL(a, b);
  if (int_sign(b) == 0) return err_set_str(g_ZeroDivisionError, "integer division or modulo by zero");
  if (a.is_small() && b.is_small()) {
    int64_t x = a.small_value(), y = b.small_value();
    int64_t q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
    return int_from_int64(q);
  }
  Mpz x(a), y(b), r;
  mpz_fdiv_q(r.z, x.z, y.z);
  return int_from_mpz(r.z);
}

Ref<> int_mod_slot(Value a, Value b) {
  BOTH_INTS_OR_NOTIMPL(a, b);
  if (int_sign(b) == 0) return err_set_str(g_ZeroDivisionError, "integer modulo by zero");
  if (a.is_small() && b.is_small()) {
    int64_t x = a.small_value(), y = b.small_value();
    int64_t m = x % y;
    if (m != 0 && ((m < 0) != (y < 0))) m += y;
    return small_int(m);
  }
  Mpz x(a), y(b), r;
  mpz_fdiv_r(r.z, x.z, y.z);
  return int_from_mpz(r.z);
}

Ref<> int_divmod_slot(Value a, Value b) {
  BOTH_INTS_OR_NOTIMPL(a, b);
  Ref<> q = int_floordiv_slot(a, b);
  if (!q) {
    if (err_matches(g_ZeroDivisionError)) {
      err_clear();
      err_set_str(g_ZeroDivisionError, "integer division or modulo by zero");
    }
    return nullptr;
  }
  Ref<> r = int_mod_slot(a, b);
  if (!r) return nullptr;
  return tuple_pack({q.val(), r.val()});
}

Ref<> int_truediv_slot(Value a, Value b) {
  BOTH_INTS_OR_NOTIMPL(a, b);
  if (int_sign(b) == 0) return err_set_str(g_ZeroDivisionError, "division by zero");
  if (a.is_small() && b.is_small()) {
    int64_t x = a.small_value(), y = b.small_value();
    // Exact when both fit in a double's mantissa.
    if (x > -(int64_t{1} << 53) && x < (int64_t{1} << 53) && y > -(int64_t{1} << 53) &&
        y < (int64_t{1} << 53))
      return float_new(static_cast<double>(x) / static_cast<double>(y));
  }
  // Correctly rounded big division: scale to get 55+ significant bits.
  Mpz x(a), y(b);
  bool neg = (mpz_sgn(x.z) < 0) != (mpz_sgn(y.z) < 0);
  mpz_abs(x.z, x.z);
  mpz_abs(y.z, y.z);
  long shift = static_cast<long>(mpz_sizeinbase(y.z, 2)) - static_cast<long>(mpz_sizeinbase(x.z, 2)) + 55;
  Mpz q, r;
  // Scale the dividend up (or the divisor up, for a negative shift) so no bits
  // are lost before the sticky-bit rounding below.
  if (shift > 0) mpz_mul_2exp(x.z, x.z, shift);
  else if (shift < 0) mpz_mul_2exp(y.z, y.z, -shift);
  mpz_tdiv_qr(q.z, r.z, x.z, y.z);
  if (mpz_sgn(r.z)) mpz_setbit(q.z, 0);  // sticky
  // q has ~55-56 bits; round to 53 half-even via int_as_double's logic.
  bool overflow;
  Ref<> qi = int_from_mpz(q.z);
  double d = int_as_double(qi.val(), &overflow);
  if (overflow) return err_set_str(g_OverflowError, "integer division result too large for a float");
  d = std::ldexp(d, static_cast<int>(-shift));
  if (std::isinf(d)) return err_set_str(g_OverflowError, "integer division result too large for a float");
  return float_new(neg ? -d : d);
}

Ref<> int_pow_impl(Value a, Value b, Value m) {
  if (!is_int(a) || !is_int(b)) return Ref<>::steal(not_implemented());
  if (!m.is_null() && !is_none(m) && !is_int(m)) return Ref<>::steal(not_implemented());
  bool has_mod = !m.is_null() && !is_none(m);
  if (has_mod) {
    if (int_sign(m) == 0) return err_set_str(g_ValueError, "pow() 3rd argument cannot be 0");
    Mpz x(a), y(b), md(m), r;
    bool mneg = mpz_sgn(md.z) < 0;
    mpz_abs(md.z, md.z);
    if (mpz_sgn(y.z) < 0) {
      Mpz inv;
      if (!mpz_invert(inv.z, x.z, md.z))
        return err_set_str(g_ValueError, "base is not invertible for the given modulus");
      mpz_neg(y.z, y.z);
      mpz_set(x.z, inv.z);
    }
    mpz_powm(r.z, x.z, y.z, md.z);
    if (mneg && mpz_sgn(r.z) != 0) mpz_sub(r.z, r.z, md.z);
    return int_from_mpz(r.z);
  }
  if (int_sign(b) < 0) {
    // Negative exponent: float result.
    bool o1, o2;
    double x = int_as_double(a, &o1), y = int_as_double(b, &o2);
    if (o1 || o2) return err_set_str(g_OverflowError, "int too large to convert to float");
    if (x == 0.0) return err_set_str(g_ZeroDivisionError, "zero to a negative power");
    return float_new(std::pow(x, y));
  }
  int64_t e;
  if (!int_as_int64(b, &e)) {
    // Huge exponents only make sense for bases 0, 1, -1.
    int64_t base;
    if (int_as_int64(a, &base) && (base == 0 || base == 1)) return small_int(base);
    if (int_as_int64(a, &base) && base == -1) {
      Mpz y(b);
      return small_int(mpz_odd_p(y.z) ? -1 : 1);
    }
    return err_no_memory();
  }
  if (a.is_small()) {
    int64_t x = a.small_value();
    if (x == 0 || x == 1) return small_int(e == 0 ? 1 : x);
    if (x == -1) return small_int(e % 2 ? -1 : 1);
    if (e < 64) {  // |x| >= 2: anything longer overflows int64 anyway
      int64_t r = 1;
      bool ok = true;
      for (int64_t i = 0; i < e && ok; i++) ok = !__builtin_mul_overflow(r, x, &r);
      if (ok) return int_from_int64(r);
    }
  }
  Mpz x(a), r;
  mpz_pow_ui(r.z, x.z, static_cast<unsigned long>(e));
  return int_from_mpz(r.z);
}
Ref<> int_pow_slot(Value a, Value b) { return int_pow_impl(a, b, Value()); }

Ref<> int_lshift_slot(Value a, Value b) {
  BOTH_INTS_OR_NOTIMPL(a, b);
  if (int_sign(b) < 0) return err_set_str(g_ValueError, "negative shift count");
  int64_t s;
  if (!int_as_int64(b, &s)) return err_set_str(g_OverflowError, "too many digits in integer");
  if (int_sign(a) == 0) return small_int(0);
  if (a.is_small() && s < 62) {
    int64_t x = a.small_value();
    int64_t r = x << s;
    if ((r >> s) == x) return int_from_int64(r);
  }
  Mpz x(a), r;
  mpz_mul_2exp(r.z, x.z, static_cast<mp_bitcnt_t>(s));
  return int_from_mpz(r.z);
}

Ref<> int_rshift_slot(Value a, Value b) {
  BOTH_INTS_OR_NOTIMPL(a, b);
  if (int_sign(b) < 0) return err_set_str(g_ValueError, "negative shift count");
  int64_t s;
  if (!int_as_int64(b, &s)) return small_int(int_sign(a) < 0 ? -1 : 0);
  if (a.is_small()) {
    int64_t x = a.small_value();
    return small_int(s >= 63 ? (x < 0 ? -1 : 0) : (x >> s));
  }
  Mpz x(a), r;
  mpz_fdiv_q_2exp(r.z, x.z, static_cast<mp_bitcnt_t>(s));
  return int_from_mpz(r.z);
}

template <int Op>
Ref<> int_bitop_slot(Value a, Value b) {
  BOTH_INTS_OR_NOTIMPL(a, b);
  if (a.is_small() && b.is_small()) {
    int64_t x = a.small_value(), y = b.small_value();
    int64_t r = Op == 0 ? (x & y) : Op == 1 ? (x | y) : (x ^ y);
    return small_int(r);
  }
  Mpz x(a), y(b), r;
  if (Op == 0) mpz_and(r.z, x.z, y.z);
  else if (Op == 1) mpz_ior(r.z, x.z, y.z);
  else mpz_xor(r.z, x.z, y.z);
  return int_from_mpz(r.z);
}

Ref<> int_neg_slot(Value a) {
  if (a.is_small()) return int_from_int64(-a.small_value());
  Mpz x(a);
  mpz_neg(x.z, x.z);
  return int_from_mpz(x.z);
}
Ref<> int_pos_slot(Value a) {
  if (a.is_small() || a.obj()->ob_type == &g_int_type) return Ref<>::borrow(a);
  Mpz x(a);
  return int_from_mpz(x.z);
}
Ref<> int_abs_slot(Value a) { return int_sign(a) < 0 ? int_neg_slot(a) : int_pos_slot(a); }
Ref<> int_invert_slot(Value a) {
  if (a.is_small()) return small_int(~a.small_value());
  Mpz x(a);
  mpz_com(x.z, x.z);
  return int_from_mpz(x.z);
}
int int_bool_slot(Value a) { return int_sign(a) != 0; }

Ref<> int_richcompare(Value a, Value b, CompareOp op) {
  if (!is_int(b)) {
    if (is_float(b)) return float_compare_with_int(b, a, reverse_compare_op(op));
    return Ref<>::steal(not_implemented());
  }
  int c = int_compare(a, b);
  bool r = op == kLt ? c < 0 : op == kLe ? c <= 0 : op == kEq ? c == 0 : op == kNe ? c != 0 : op == kGt ? c > 0 : c >= 0;
  return new_bool(r);
}

int64_t int_hash_slot(Value v) { return int_hash(v); }

Ref<> int_repr_slot(Value v) {
  if (is_bool(v)) return Ref<>(str_intern(v == true_value() ? "True" : "False"));
  if (!v.is_small()) {
    int64_t limit = int_max_str_digits();
    if (limit > 0) {
      size_t n = mpz_sizeinbase(big(v), 10);  // exact or one too many
      if (n > static_cast<size_t>(limit) + 1) return int_str_limit_error();
      if (n == static_cast<size_t>(limit) + 1) {
        std::string s = int_to_decimal(v);
        size_t digits = s.size() - (s[0] == '-');
        if (digits > static_cast<size_t>(limit)) return int_str_limit_error();
        return str_from_ascii(s);
      }
    }
  }
  return str_from_ascii(int_to_decimal(v));
}

Ref<> int_float_slot(Value v) {
  bool overflow;
  double d = int_as_double(v, &overflow);
  if (overflow) return err_set_str(g_OverflowError, "int too large to convert to float");
  return float_new(d);
}

Ref<> int_index_slot(Value v) { return int_pos_slot(v); }

Ref<> bool_and(Value a, Value b) {
  if (is_bool(a) && is_bool(b)) return new_bool(a == true_value() && b == true_value());
  return int_bitop_slot<0>(a, b);
}
Ref<> bool_or(Value a, Value b) {
  if (is_bool(a) && is_bool(b)) return new_bool(a == true_value() || b == true_value());
  return int_bitop_slot<1>(a, b);
}
Ref<> bool_xor(Value a, Value b) {
  if (is_bool(a) && is_bool(b)) return new_bool(a != b);
  return int_bitop_slot<2>(a, b);
}

}  // namespace

Ref<> int_power_slot(Value a, Value b, Value m) { return int_pow_impl(a, b, m); }

void int_type_init_core() {
  Type* t = &g_int_type;
  t->name = "int";
  t->basic_size = sizeof(Int);
  t->flags = kTypeBaseType | kTypeIntSubclass;
  t->tp_dealloc = int_dealloc;
  t->tp_repr = int_repr_slot;
  t->tp_hash = int_hash_slot;
  t->tp_richcompare = int_richcompare;
  t->nb_binary[kOpAdd] = int_add_slot;
  t->nb_binary[kOpSub] = int_sub_slot;
  t->nb_binary[kOpMul] = int_mul_slot;
  t->nb_binary[kOpFloorDiv] = int_floordiv_slot;
  t->nb_binary[kOpMod] = int_mod_slot;
  t->nb_binary[kOpTrueDiv] = int_truediv_slot;
  t->nb_binary[kOpPow] = int_pow_slot;
  t->nb_binary[kOpLshift] = int_lshift_slot;
  t->nb_binary[kOpRshift] = int_rshift_slot;
  t->nb_binary[kOpAnd] = int_bitop_slot<0>;
  t->nb_binary[kOpOr] = int_bitop_slot<1>;
  t->nb_binary[kOpXor] = int_bitop_slot<2>;
  t->nb_power = int_pow_impl;
  t->nb_divmod = int_divmod_slot;
  t->nb_negative = int_neg_slot;
  t->nb_positive = int_pos_slot;
  t->nb_absolute = int_abs_slot;
  t->nb_invert = int_invert_slot;
  t->nb_bool = int_bool_slot;
  t->nb_int = int_pos_slot;
  t->nb_float = int_float_slot;
  t->nb_index = int_index_slot;
  t->ob_type = &g_type_type;
  make_immortal(t);

  Type* b = &g_bool_type;
  b->name = "bool";
  b->basic_size = sizeof(Int);
  b->base = &g_int_type;
  b->flags = kTypeIntSubclass;  // not subclassable
  b->tp_repr = int_repr_slot;
  b->nb_binary[kOpAnd] = bool_and;
  b->nb_binary[kOpOr] = bool_or;
  b->nb_binary[kOpXor] = bool_xor;
  b->ob_type = &g_type_type;
  make_immortal(b);

  for (Int* o : {&g_true, &g_false}) {
    o->ob_type = &g_bool_type;
    make_immortal(o);
  }
  mpz_init_set_si(g_true.z, 1);
  mpz_init_set_si(g_false.z, 0);
  int_install_methods(t, b);
}

void int_module_init() {
  if (!(g_int_type.flags & kTypeReady)) {
    if (!g_int_type.name) int_type_init_core();
    type_ready(&g_int_type);
    type_ready(&g_bool_type);
  }
}

}  // namespace ftpy
