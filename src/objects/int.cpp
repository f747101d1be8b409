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

using i128 = __int128;
using u128 = unsigned __int128;

constexpr i128 kI128Min = static_cast<i128>(static_cast<u128>(1) << 127);

// Copies an int-like value into a temporary mpz for the slow paths that
// modify their operands in place.
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

inline const __mpz_struct* big(Value v) { return v.as<Int>()->z; }

// A read-only mpz with the value of an int-like Value, without copying: a
// heap Int's own z, or a view of a small int's single limb on the stack. Only
// ever an input to GMP.
class MpzView {
 public:
  explicit MpzView(Value v) {
    if (v.is_small()) {
      int64_t i = v.small_value();
      limb_ = i < 0 ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
      tmp_->_mp_alloc = 0;
      tmp_->_mp_size = i < 0 ? -1 : i > 0 ? 1 : 0;
      tmp_->_mp_d = &limb_;
      p_ = tmp_;
    } else {
      p_ = big(v);
    }
  }
  MpzView(const MpzView&) = delete;
  MpzView& operator=(const MpzView&) = delete;
  const __mpz_struct* get() const { return p_; }

 private:
  mp_limb_t limb_;
  __mpz_struct tmp_[1];
  const __mpz_struct* p_;
};

inline bool is_inline(const Int* o) { return o->z->_mp_d == o->limbs; }

void int_dealloc(Object* o) {
  Int* i = static_cast<Int*>(o);
  if (!is_inline(i)) mpz_clear(i->z);
  free_object(o);
}

// Stores sign and magnitude (lo + hi * 2^64) inline, as MPZ_ROINIT_N would.
inline void set_inline(Int* o, bool neg, uint64_t lo, uint64_t hi) {
  o->limbs[0] = lo;
  o->limbs[1] = hi;
  int n = hi ? 2 : lo ? 1 : 0;
  o->z->_mp_alloc = 0;
  o->z->_mp_size = neg ? -n : n;
  o->z->_mp_d = o->limbs;
}

inline void set_inline_i128(Int* o, i128 v) {
  u128 m = v < 0 ? 0 - static_cast<u128>(v) : static_cast<u128>(v);
  set_inline(o, v < 0, static_cast<uint64_t>(m), static_cast<uint64_t>(m >> 64));
}

// The value of an mpz of at most two limbs as an __int128, if it fits.
inline bool mpz_as_i128(const __mpz_struct* z, i128* out) {
  int s = z->_mp_size;
  if (s > 2 || s < -2) return false;
  u128 m = 0;
  if (s != 0) {
    m = z->_mp_d[0];
    if (s == 2 || s == -2) m |= static_cast<u128>(z->_mp_d[1]) << 64;
  }
  if (m >> 127) {
    if (s < 0 && m == static_cast<u128>(1) << 127) {
      *out = kI128Min;
      return true;
    }
    return false;
  }
  *out = s < 0 ? -static_cast<i128>(m) : static_cast<i128>(m);
  return true;
}

// An int-like value (the caller has checked) as an __int128, if it fits.
inline bool as_i128(Value v, i128* out) {
  if (v.is_small()) {
    *out = v.small_value();
    return true;
  }
  return mpz_as_i128(big(v), out);
}

inline bool fits_i64(i128 v) { return v >= INT64_MIN && v <= INT64_MAX; }

// Copies the value of z into a fresh Int: inline when it has at most two limbs.
void init_from_mpz(Int* o, const __mpz_struct* z) {
  int s = z->_mp_size;
  if (s >= -2 && s <= 2) {
    int n = s < 0 ? -s : s;
    set_inline(o, s < 0, n > 0 ? z->_mp_d[0] : 0, n > 1 ? z->_mp_d[1] : 0);
  } else {
    mpz_init_set(o->z, z);
  }
}

Int* new_int() { return alloc_object<Int>(&g_int_type); }

}  // namespace

void int_init_value(Int* o, Value v) {
  if (v.is_small()) set_inline_i128(o, v.small_value());
  else init_from_mpz(o, big(v));
}

Ref<> int_from_int128(__int128 v) {
  if (fits_i64(v) && Value::fits_small(static_cast<int64_t>(v))) return small_int(static_cast<int64_t>(v));
  Int* o = new_int();
  if (!o) return nullptr;
  set_inline_i128(o, v);
  return Ref<>::steal(Value(o));
}

Ref<> int_from_int64(int64_t i) {
  if (Value::fits_small(i)) return small_int(i);
  Int* o = new_int();
  if (!o) return nullptr;
  set_inline_i128(o, i);
  return Ref<>::steal(Value(o));
}

Ref<> int_from_uint64(uint64_t u) {
  if (u <= static_cast<uint64_t>(Value::kSmallMax)) return small_int(static_cast<int64_t>(u));
  Int* o = new_int();
  if (!o) return nullptr;
  set_inline(o, false, u, 0);
  return Ref<>::steal(Value(o));
}

Ref<> int_from_mpz(const mpz_t z) {
  i128 v;
  if (mpz_as_i128(z, &v)) return int_from_int128(v);
  Int* o = new_int();
  if (!o) return nullptr;
  init_from_mpz(o, z);
  return Ref<>::steal(Value(o));
}

bool int_result_fits(double bits) {
  if (bits <= kIntMaxResultBits) return true;
  err_no_memory();
  return false;
}

Ref<> int_from_mpz_move(mpz_t z) {
  if (z->_mp_size >= -2 && z->_mp_size <= 2) return int_from_mpz(z);
  Int* o = new_int();
  if (!o) return nullptr;
  o->z[0] = z[0];
  mpz_init(z);  // allocates nothing (GMP >= 6.2): z no longer owns the limbs
  return Ref<>::steal(Value(o));
}

Ref<> int_from_double(double d) {
  if (std::isinf(d)) return err_set_str(g_OverflowError, "cannot convert float infinity to integer");
  if (std::isnan(d)) return err_set_str(g_ValueError, "cannot convert float NaN to integer");
  double t = std::trunc(d);
  if (t > -0x1p127 && t < 0x1p127) return int_from_int128(static_cast<i128>(t));
  Mpz m;
  mpz_set_d(m.z, t);
  return int_from_mpz_move(m.z);
}

bool int_as_int64(Value v, int64_t* out) {
  if (v.is_small()) {
    *out = v.small_value();
    return true;
  }
  if (!is_int(v)) return false;
  i128 x;
  if (!mpz_as_i128(big(v), &x) || !fits_i64(x)) return false;
  *out = static_cast<int64_t>(x);
  return true;
}

bool int_as_int128(Value v, __int128* out) {
  if (!is_int(v)) return false;
  return as_i128(v, out);
}

void int_to_mpz(Value v, mpz_t out) {
  if (v.is_small()) mpz_set_si(out, v.small_value());
  else mpz_set(out, big(v));
}

double int_as_double(Value v, bool* overflow) {
  *overflow = false;
  if (v.is_small()) return static_cast<double>(v.small_value());
  const __mpz_struct* z = big(v);
  // The conversion of an __int128 rounds half to even, as Python does.
  i128 x;
  if (mpz_as_i128(z, &x)) return static_cast<double>(x);
  // mpz_get_d truncates; Python rounds half-to-even. Take the top 55 bits
  // and round by hand.
  size_t bits = mpz_sizeinbase(z, 2);
  if (bits > 1024) {
    *overflow = true;
    return 0;
  }
  __mpz_struct a = *z;  // |z|: a read-only alias of z's limbs
  a._mp_size = a._mp_size < 0 ? -a._mp_size : a._mp_size;
  size_t shift = bits - 55;  // keep 55 bits: 53 + guard + sticky
  Mpz top;
  mpz_tdiv_q_2exp(top.z, &a, shift);
  bool sticky = mpz_scan1(&a, 0) < shift;
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

namespace {

// Decimal digits of m, written backwards ending at `end`; returns the start.
char* u128_digits(u128 m, char* end) {
  constexpr uint64_t k1e19 = 10000000000000000000ull;
  char* p = end;
  while (m > UINT64_MAX) {
    uint64_t chunk = static_cast<uint64_t>(m % k1e19);
    m /= k1e19;
    for (int i = 0; i < 19; i++) {
      *--p = static_cast<char>('0' + chunk % 10);
      chunk /= 10;
    }
  }
  uint64_t r = static_cast<uint64_t>(m);
  do {
    *--p = static_cast<char>('0' + r % 10);
    r /= 10;
  } while (r);
  return p;
}

}  // namespace

std::string int_to_decimal(Value v) {
  if (v.is_small()) return std::to_string(v.small_value());
  const __mpz_struct* z = big(v);
  if (z->_mp_size >= -2 && z->_mp_size <= 2) {
    char buf[48];
    char* end = buf + sizeof(buf);
    int n = z->_mp_size < 0 ? -z->_mp_size : z->_mp_size;
    u128 m = n == 0 ? 0 : n == 1 ? z->_mp_d[0] : (z->_mp_d[0] | static_cast<u128>(z->_mp_d[1]) << 64);
    char* p = u128_digits(m, end);
    if (z->_mp_size < 0) *--p = '-';
    return std::string(p, end);
  }
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
  i128 x, y;
  if (as_i128(a, &x) && as_i128(b, &y)) return (x > y) - (x < y);
  MpzView vx(a), vy(b);
  int c = mpz_cmp(vx.get(), vy.get());
  return (c > 0) - (c < 0);
}

namespace {

// m mod 2^61-1, by folding: 2^61 is 1 modulo 2^61-1.
inline uint64_t hash_reduce(u128 m) {
  uint64_t sum = static_cast<uint64_t>(m & kHashModulus) + static_cast<uint64_t>((m >> 61) & kHashModulus) +
                 static_cast<uint64_t>(m >> 122);
  uint64_t r = (sum & kHashModulus) + (sum >> 61);
  return r >= kHashModulus ? r - kHashModulus : r;
}

}  // namespace

int64_t int_hash(Value v) {
  // hash(n) = |n| mod (2^61 - 1) with n's sign, -1 mapped to -2 (CPython's
  // documented rule, which makes hash(n) == hash(float(n)) for integral floats).
  int64_t r;
  const __mpz_struct* z = v.is_small() ? nullptr : big(v);
  if (!z || (z->_mp_size >= -2 && z->_mp_size <= 2)) {
    bool neg;
    u128 m;
    if (!z) {
      int64_t i = v.small_value();
      neg = i < 0;
      m = neg ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
    } else {
      int n = z->_mp_size < 0 ? -z->_mp_size : z->_mp_size;
      neg = z->_mp_size < 0;
      m = n == 0 ? 0 : n == 1 ? z->_mp_d[0] : (z->_mp_d[0] | static_cast<u128>(z->_mp_d[1]) << 64);
    }
    r = static_cast<int64_t>(hash_reduce(m));
    if (neg) r = -r;
  } else {
    __mpz_struct a = *z;  // |z|: a read-only alias of z's limbs
    a._mp_size = a._mp_size < 0 ? -a._mp_size : a._mp_size;
    r = static_cast<int64_t>(mpz_fdiv_ui(&a, kHashModulus));
    if (mpz_sgn(z) < 0) r = -r;
  }
  return r == -1 ? -2 : r;
}

Ref<> int_add(Value a, Value b) {
  if (a.is_small() && b.is_small()) return int_from_int64(a.small_value() + b.small_value());
  i128 x, y, r;
  if (as_i128(a, &x) && as_i128(b, &y) && !__builtin_add_overflow(x, y, &r)) return int_from_int128(r);
  MpzView vx(a), vy(b);
  Mpz m;
  mpz_add(m.z, vx.get(), vy.get());
  return int_from_mpz_move(m.z);
}

Ref<> int_sub(Value a, Value b) {
  if (a.is_small() && b.is_small()) return int_from_int64(a.small_value() - b.small_value());
  i128 x, y, r;
  if (as_i128(a, &x) && as_i128(b, &y) && !__builtin_sub_overflow(x, y, &r)) return int_from_int128(r);
  MpzView vx(a), vy(b);
  Mpz m;
  mpz_sub(m.z, vx.get(), vy.get());
  return int_from_mpz_move(m.z);
}

Ref<> int_mul(Value a, Value b) {
  i128 x, y, r;
  if (as_i128(a, &x) && as_i128(b, &y)) {
    // Two 64-bit factors never overflow 128 bits: one widening multiply.
    if (fits_i64(x) && fits_i64(y))
      return int_from_int128(static_cast<i128>(static_cast<int64_t>(x)) * static_cast<int64_t>(y));
    if (!__builtin_mul_overflow(x, y, &r)) return int_from_int128(r);
  }
  MpzView vx(a), vy(b);
  Mpz m;
  mpz_mul(m.z, vx.get(), vy.get());
  return int_from_mpz_move(m.z);
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
  if (digits.size() <= 24) {  // 36^24 < 2^125: no overflow
    u128 v = 0;
    for (char c : digits) {
      int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
      v = v * static_cast<unsigned>(eff) + static_cast<unsigned>(d);
    }
    return int_from_int128(neg ? -static_cast<i128>(v) : static_cast<i128>(v));
  }
  Mpz m;
  mpz_set_str(m.z, digits.c_str(), eff);
  if (neg) mpz_neg(m.z, m.z);
  return int_from_mpz_move(m.z);
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
  i128 x, y;
  if (as_i128(a, &x) && as_i128(b, &y) && !(x == kI128Min && y == -1)) {
    i128 q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
    return int_from_int128(q);
  }
  MpzView vx(a), vy(b);
  Mpz r;
  mpz_fdiv_q(r.z, vx.get(), vy.get());
  return int_from_mpz_move(r.z);
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
  i128 x, y;
  if (as_i128(a, &x) && as_i128(b, &y)) {
    i128 m = y == -1 ? 0 : x % y;  // kI128Min % -1 would trap
    if (m != 0 && ((m < 0) != (y < 0))) m += y;
    return int_from_int128(m);
  }
  MpzView vx(a), vy(b);
  Mpz r;
  mpz_fdiv_r(r.z, vx.get(), vy.get());
  return int_from_mpz_move(r.z);
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
  i128 x128, y128;
  if (as_i128(a, &x128) && as_i128(b, &y128)) {
    // Exact when both fit in a double's mantissa.
    constexpr i128 k53 = i128{1} << 53;
    if (x128 > -k53 && x128 < k53 && y128 > -k53 && y128 < k53)
      return float_new(static_cast<double>(x128) / static_cast<double>(y128));
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
    if (x == 0.0) return err_set_str(g_ZeroDivisionError, "0.0 cannot be raised to a negative power");
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
  i128 x;
  if (as_i128(a, &x)) {
    if (x == 0 || x == 1) return small_int(e == 0 ? 1 : static_cast<int64_t>(x));
    if (x == -1) return small_int(e % 2 ? -1 : 1);
    if (e < 128) {  // |x| >= 2: anything longer overflows 128 bits anyway
      i128 r = 1;
      bool ok = true;
      for (int64_t i = 0; i < e && ok; i++) ok = !__builtin_mul_overflow(r, x, &r);
      if (ok) return int_from_int128(r);
    }
  }
  MpzView vx(a);
  if (!int_result_fits(static_cast<double>(mpz_sizeinbase(vx.get(), 2)) * static_cast<double>(e)))
    return nullptr;
  Mpz r;
  mpz_pow_ui(r.z, vx.get(), static_cast<unsigned long>(e));
  return int_from_mpz_move(r.z);
}
Ref<> int_pow_slot(Value a, Value b) { return int_pow_impl(a, b, Value()); }

Ref<> int_lshift_slot(Value a, Value b) {
  BOTH_INTS_OR_NOTIMPL(a, b);
  if (int_sign(b) < 0) return err_set_str(g_ValueError, "negative shift count");
  int64_t s;
  if (!int_as_int64(b, &s)) return err_set_str(g_OverflowError, "too many digits in integer");
  if (int_sign(a) == 0) return small_int(0);
  i128 x;
  if (s < 127 && as_i128(a, &x)) {
    i128 r = static_cast<i128>(static_cast<u128>(x) << s);
    if ((r >> s) == x) return int_from_int128(r);
  }
  MpzView vx(a);
  if (!int_result_fits(static_cast<double>(mpz_sizeinbase(vx.get(), 2)) + static_cast<double>(s)))
    return nullptr;
  Mpz r;
  mpz_mul_2exp(r.z, vx.get(), static_cast<mp_bitcnt_t>(s));
  return int_from_mpz_move(r.z);
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
  i128 x;
  if (as_i128(a, &x)) return int_from_int128(x >> (s > 127 ? 127 : s));
  MpzView vx(a);
  Mpz r;
  mpz_fdiv_q_2exp(r.z, vx.get(), static_cast<mp_bitcnt_t>(s));
  return int_from_mpz_move(r.z);
}

template <int Op>
Ref<> int_bitop_slot(Value a, Value b) {
  BOTH_INTS_OR_NOTIMPL(a, b);
  if (a.is_small() && b.is_small()) {
    int64_t x = a.small_value(), y = b.small_value();
    int64_t r = Op == 0 ? (x & y) : Op == 1 ? (x | y) : (x ^ y);
    return small_int(r);
  }
  // __int128 is two's complement, like Python's infinite-precision view.
  i128 x, y;
  if (as_i128(a, &x) && as_i128(b, &y))
    return int_from_int128(Op == 0 ? (x & y) : Op == 1 ? (x | y) : (x ^ y));
  MpzView vx(a), vy(b);
  Mpz r;
  if (Op == 0) mpz_and(r.z, vx.get(), vy.get());
  else if (Op == 1) mpz_ior(r.z, vx.get(), vy.get());
  else mpz_xor(r.z, vx.get(), vy.get());
  return int_from_mpz_move(r.z);
}

Ref<> int_neg_slot(Value a) {
  if (a.is_small()) return int_from_int64(-a.small_value());
  i128 x;
  if (as_i128(a, &x) && x != kI128Min) return int_from_int128(-x);
  Mpz r;
  mpz_neg(r.z, big(a));
  return int_from_mpz_move(r.z);
}
Ref<> int_pos_slot(Value a) {
  if (a.is_small() || a.obj()->ob_type == &g_int_type) return Ref<>::borrow(a);
  return int_from_mpz(big(a));
}
Ref<> int_abs_slot(Value a) { return int_sign(a) < 0 ? int_neg_slot(a) : int_pos_slot(a); }
Ref<> int_invert_slot(Value a) {
  if (a.is_small()) return small_int(~a.small_value());
  i128 x;
  if (as_i128(a, &x)) return int_from_int128(~x);
  Mpz r;
  mpz_com(r.z, big(a));
  return int_from_mpz_move(r.z);
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
  // An int of at most two limbs has at most 39 digits, below any limit.
  if (!v.is_small() && (big(v)->_mp_size > 2 || big(v)->_mp_size < -2)) {
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
  t->flags = kTypeBaseType | kTypeIntSubclass | kTypeLeafDealloc;
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
  int_init_value(&g_true, Value::small(1));
  int_init_value(&g_false, Value::small(0));
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
