// The math module: libm wrappers with CPython's error rules, exact integer
// functions on GMP (gcd, lcm, factorial, comb, perm, isqrt) and an exactly
// rounded fsum (Shewchuk's partials).
//
// Error rules (as CPython): a NaN result from a non-NaN argument, or an
// infinite result from finite arguments where the function cannot overflow,
// is ValueError("math domain error"); an infinite result where it can
// overflow is OverflowError("math range error").
//
// Thread safety: stateless.
#include "modules/math_module.h"

#include <gmp.h>

#include <cerrno>
#include <cmath>
#include <string>
#include <vector>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace ftpy {

namespace {

struct Mpz {
  mpz_t z;
  Mpz() { mpz_init(z); }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
};

std::nullptr_t domain_error() { return err_set_str(g_ValueError, "math domain error"); }
std::nullptr_t range_error() { return err_set_str(g_OverflowError, "math range error"); }

// Applies f to a float argument with the error rules above.
Ref<> math_1(Value arg, double (*f)(double), bool can_overflow) {
  double x;
  if (!to_double(arg, &x)) return nullptr;
  double r = f(x);
  if (std::isnan(r) && !std::isnan(x)) return domain_error();
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error() : domain_error();
  return float_new(r);
}

#define MATH_FUNC1(name, expr, overflow)                                            \
  double name##_impl(double x) { return expr; }                                     \
  Ref<> m_##name(Value, Value* args) { return math_1(args[0], name##_impl, overflow); }

MATH_FUNC1(fabs, std::fabs(x), false)
MATH_FUNC1(sqrt, std::sqrt(x), false)
MATH_FUNC1(exp, std::exp(x), true)
MATH_FUNC1(exp2, std::exp2(x), true)
MATH_FUNC1(expm1, std::expm1(x), true)
MATH_FUNC1(log1p, std::log1p(x), false)
MATH_FUNC1(sin, std::sin(x), false)
MATH_FUNC1(cos, std::cos(x), false)
MATH_FUNC1(tan, std::tan(x), false)
MATH_FUNC1(asin, std::asin(x), false)
MATH_FUNC1(acos, std::acos(x), false)
MATH_FUNC1(atan, std::atan(x), false)
MATH_FUNC1(sinh, std::sinh(x), true)
MATH_FUNC1(cosh, std::cosh(x), true)
MATH_FUNC1(tanh, std::tanh(x), false)
MATH_FUNC1(asinh, std::asinh(x), false)
MATH_FUNC1(acosh, std::acosh(x), false)
MATH_FUNC1(atanh, std::atanh(x), false)
MATH_FUNC1(erf, std::erf(x), false)
MATH_FUNC1(erfc, std::erfc(x), false)
MATH_FUNC1(cbrt, std::cbrt(x), false)

// gamma and lgamma use the Lanczos approximation with CPython's parameters
// (g = 6.024680040776729583740234375 and the 13-term rational sum from Boost's
// lanczos13m53), so results agree with CPython to the last bit; glibc's
// tgamma/lgamma differ in the last place for many arguments (gamma(0.5)).
constexpr double kLanczosG = 6.024680040776729583740234375;
constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
constexpr double kLanczosNum[13] = {
    23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
// The coefficients of x(x+1)...(x+11), lowest power first.
constexpr double kLanczosDen[13] = {0.0,       39916800.0, 120543840.0, 150917976.0, 105258076.0,
                                    45995730.0, 13339535.0, 2637558.0,   357423.0,    32670.0,
                                    1925.0,     66.0,       1.0};
constexpr double kLogPi = 1.144729885849400174143427351353058711647;

// The rational Lanczos sum at x > 0: Horner in x below 5, in 1/x above
// (where powers of x would overflow).
double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  if (x < 5.0) {
    for (int i = 12; i >= 0; i--) {
      num = num * x + kLanczosNum[i];
      den = den * x + kLanczosDen[i];
    }
  } else {
    for (int i = 0; i < 13; i++) {
      num = num / x + kLanczosNum[i];
      den = den / x + kLanczosDen[i];
    }
  }
  return num / den;
}

// sin(pi * x) with the argument reduced first, so it is exact at integers.
double sin_pi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  int n = static_cast<int>(std::round(2.0 * y));
  double r;
  switch (n) {
    case 0: r = std::sin(M_PI * y); break;
    case 1: r = std::cos(M_PI * (y - 0.5)); break;
    case 2: r = std::sin(M_PI * (1.0 - y)); break;
    case 3: r = -std::cos(M_PI * (y - 1.5)); break;
    default: r = std::sin(M_PI * (y - 2.0)); break;
  }
  return std::copysign(1.0, x) * r;
}

Ref<> m_gamma(Value, Value* args) {
  double x;
  if (!to_double(args[0], &x)) return nullptr;
  if (std::isnan(x)) return float_new(x);
  if (std::isinf(x)) {
    if (x < 0) return domain_error();
    return float_new(x);
  }
  if (x == 0 || (x < 0 && x == std::floor(x))) return domain_error();
  if (x == std::floor(x) && x <= 23.0) {
    // Gamma(n) = (n-1)!, rounded once.
    double f = 1.0;
    for (int i = 2; i < static_cast<int>(x); i++) f *= i;
    return float_new(f);
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) {
    double r = 1.0 / x;
    if (std::isinf(r)) return range_error();
    return float_new(r);
  }
  if (absx > 200.0) {
    if (x < 0.0) return float_new(0.0 / sin_pi(x));
    return range_error();
  }
  double y = absx + kLanczosGMinusHalf;
  double q, z;
  // z is the rounding error in y, computed exactly, for a correction term.
  if (absx > kLanczosGMinusHalf) {
    q = y - absx;
    z = q - kLanczosGMinusHalf;
  } else {
    q = y - kLanczosGMinusHalf;
    z = q - absx;
  }
  z = z * kLanczosG / y;
  double r;
  if (x < 0.0) {
    // Reflection: Gamma(x) = -pi / (sin(pi x) x Gamma(-x)).
    r = -M_PI / sin_pi(absx) / absx * std::exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczos_sum(absx) / std::exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  if (std::isinf(r)) return range_error();
  return float_new(r);
}

Ref<> m_lgamma(Value, Value* args) {
  double x;
  if (!to_double(args[0], &x)) return nullptr;
  if (std::isnan(x)) return float_new(x);
  if (std::isinf(x)) return float_new(HUGE_VAL);
  if (x == std::floor(x) && x <= 2.0) {
    if (x <= 0.0) return domain_error();
    return float_new(0.0);
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) return float_new(-std::log(absx));
  double r = std::log(lanczos_sum(absx)) - kLanczosG;
  r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
  if (x < 0.0) r = kLogPi - std::log(std::fabs(sin_pi(absx))) - std::log(absx) - r;
  if (std::isinf(r)) return range_error();
  return float_new(r);
}

// log of a positive int or float, exact for ints too big for a double.
bool log_of(Value v, double (*f)(double), double* out) {
  if (is_int(v)) {
    if (int_sign(v) <= 0) {
      domain_error();
      return false;
    }
    bool overflow;
    double d = int_as_double(v, &overflow);
    if (!overflow) {
      *out = f(d);
      return true;
    }
    // x = m * 2**e with m in [0.5, 1): log(x) = log(m) + e*log(2).
    Mpz m;
    int_to_mpz(v, m.z);
    long e;
    double mant = mpz_get_d_2exp(&e, m.z);
    *out = f(mant) + static_cast<double>(e) * f(2.0);
    return true;
  }
  double x;
  if (!to_double(v, &x)) return false;
  if (std::isnan(x)) {
    *out = x;
    return true;
  }
  if (x <= 0) {
    domain_error();
    return false;
  }
  *out = f(x);
  return true;
}

double ln(double x) { return std::log(x); }
double lg2(double x) { return std::log2(x); }
double lg10(double x) { return std::log10(x); }

Ref<> m_log(Value, Value* args) {
  double num;
  if (!log_of(args[0], ln, &num)) return nullptr;
  if (args[1].is_null()) return float_new(num);
  double den;
  if (!log_of(args[1], ln, &den)) return nullptr;
  if (den == 0) return err_set_str(g_ZeroDivisionError, "float division by zero");
  return float_new(num / den);
}
Ref<> m_log2(Value, Value* args) {
  double r;
  if (!log_of(args[0], lg2, &r)) return nullptr;
  return float_new(r);
}
Ref<> m_log10(Value, Value* args) {
  double r;
  if (!log_of(args[0], lg10, &r)) return nullptr;
  return float_new(r);
}

// ceil/floor: floats directly, other types through __ceil__/__floor__.
Ref<> round_via(Value x, Str* dunder, double (*f)(double)) {
  if (type_of(x) == &g_float_type) return int_from_double(f(float_value(x)));
  if (is_int(x) && type_of(x) == &g_int_type) return Ref<>::borrow(x);
  Value m = type_lookup(type_of(x), Value(dunder));
  if (!m.is_null()) return call1(m, x);
  double d;
  if (!to_double(x, &d)) return nullptr;
  return int_from_double(f(d));
}
double dceil(double x) { return std::ceil(x); }
double dfloor(double x) { return std::floor(x); }
Ref<> m_ceil(Value, Value* args) { return round_via(args[0], ids::__ceil__, dceil); }
Ref<> m_floor(Value, Value* args) { return round_via(args[0], ids::__floor__, dfloor); }

Ref<> m_trunc(Value, Value* args) {
  Value x = args[0];
  if (type_of(x) == &g_float_type) return int_from_double(std::trunc(float_value(x)));
  Value m = type_lookup(type_of(x), Value(ids::__trunc__));
  if (m.is_null()) return err_format(g_TypeError, "type %s doesn't define __trunc__ method", type_name(type_of(x)));
  return call1(m, x);
}

// Two float arguments.
bool two_doubles(Value* args, double* x, double* y) { return to_double(args[0], x) && to_double(args[1], y); }

Ref<> m_pow(Value, Value* args) {
  double x, y;
  if (!two_doubles(args, &x, &y)) return nullptr;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    // IEEE special values are all well defined; C99 pow gets them right.
    return float_new(std::pow(x, y));
  }
  if (x == 0 && y < 0) return domain_error();
  if (x < 0 && y != std::floor(y)) return domain_error();
  double r = std::pow(x, y);
  if (std::isinf(r)) return range_error();
  return float_new(r);
}

Ref<> m_atan2(Value, Value* args) {
  double y, x;
  if (!two_doubles(args, &y, &x)) return nullptr;
  return float_new(std::atan2(y, x));
}

Ref<> m_copysign(Value, Value* args) {
  double x, y;
  if (!two_doubles(args, &x, &y)) return nullptr;
  return float_new(std::copysign(x, y));
}

Ref<> m_fmod(Value, Value* args) {
  double x, y;
  if (!two_doubles(args, &x, &y)) return nullptr;
  if (std::isinf(y) && std::isfinite(x)) return float_new(x);
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error();
  return float_new(r);
}

Ref<> m_remainder(Value, Value* args) {
  double x, y;
  if (!two_doubles(args, &x, &y)) return nullptr;
  if (std::isnan(x)) return float_new(x);
  if (std::isnan(y)) return float_new(y);
  if (std::isinf(x) || y == 0) return domain_error();
  if (std::isinf(y)) return float_new(x);
  return float_new(std::remainder(x, y));
}

Ref<> m_degrees(Value, Value* args) {
  double x;
  if (!to_double(args[0], &x)) return nullptr;
  return float_new(x * (180.0 / M_PI));
}
Ref<> m_radians(Value, Value* args) {
  double x;
  if (!to_double(args[0], &x)) return nullptr;
  return float_new(x * (M_PI / 180.0));
}

Ref<> m_frexp(Value, Value* args) {
  double x;
  if (!to_double(args[0], &x)) return nullptr;
  int e = 0;
  double m = (std::isnan(x) || std::isinf(x) || x == 0) ? x : std::frexp(x, &e);
  Ref<> mo = float_new(m);
  if (!mo) return nullptr;
  return tuple_pack({mo.val(), Value::small(e)});
}

Ref<> m_ldexp(Value, Value* args) {
  double x;
  if (!to_double(args[0], &x)) return nullptr;
  if (!is_int(args[1])) return err_set_str(g_TypeError, "Expected an int as second argument to ldexp.");
  int64_t e;
  if (!int_as_int64(args[1], &e)) e = int_sign(args[1]) > 0 ? INT64_MAX : INT64_MIN;
  if (x == 0 || !std::isfinite(x)) return float_new(x);
  if (e > 100000) return range_error();
  if (e < -100000) return float_new(std::copysign(0.0, x));
  double r = std::ldexp(x, static_cast<int>(e));
  if (std::isinf(r)) return range_error();
  return float_new(r);
}

Ref<> m_modf(Value, Value* args) {
  double x;
  if (!to_double(args[0], &x)) return nullptr;
  double ip, fp;
  if (std::isinf(x)) {
    ip = x;
    fp = std::copysign(0.0, x);
  } else {
    fp = std::modf(x, &ip);
  }
  Ref<> a = float_new(fp), b = float_new(ip);
  if (!a || !b) return nullptr;
  return tuple_pack({a.val(), b.val()});
}

Ref<> m_isfinite(Value, Value* args) {
  double x;
  if (!to_double(args[0], &x)) return nullptr;
  return new_bool(std::isfinite(x));
}
Ref<> m_isinf(Value, Value* args) {
  double x;
  if (!to_double(args[0], &x)) return nullptr;
  return new_bool(std::isinf(x));
}
Ref<> m_isnan(Value, Value* args) {
  double x;
  if (!to_double(args[0], &x)) return nullptr;
  return new_bool(std::isnan(x));
}

Ref<> m_isclose(Value, Value* args) {
  double a, b, rel, abs_tol;
  if (!to_double(args[0], &a) || !to_double(args[1], &b) || !to_double(args[2], &rel) ||
      !to_double(args[3], &abs_tol))
    return nullptr;
  if (rel < 0 || abs_tol < 0) return err_set_str(g_ValueError, "tolerances must be non-negative");
  if (a == b) return new_bool(true);
  if (std::isinf(a) || std::isinf(b)) return new_bool(false);
  double diff = std::fabs(b - a);
  return new_bool((diff <= std::fabs(rel * b)) || (diff <= std::fabs(rel * a)) || (diff <= abs_tol));
}

Ref<> m_nextafter(Value, Value* args) {
  double x, y;
  if (!two_doubles(args, &x, &y)) return nullptr;
  return float_new(std::nextafter(x, y));
}

Ref<> m_ulp(Value, Value* args) {
  double x;
  if (!to_double(args[0], &x)) return nullptr;
  if (std::isnan(x)) return float_new(x);
  x = std::fabs(x);
  if (std::isinf(x)) return float_new(x);
  double next = std::nextafter(x, HUGE_VAL);
  if (std::isinf(next)) return float_new(x - std::nextafter(x, -HUGE_VAL));
  return float_new(next - x);
}

// hypot and dist: scaled to avoid overflow and underflow.
Ref<> vector_norm(const std::vector<double>& v) {
  double max = 0;
  bool found_nan = false;
  for (double x : v) {
    double a = std::fabs(x);
    if (std::isnan(a)) found_nan = true;
    else if (a > max) max = a;
  }
  if (std::isinf(max)) return float_new(max);
  if (found_nan) return float_new(std::nan(""));
  if (max == 0 || v.size() <= 1) return float_new(max);
  // Sum of squares of scaled values with compensation.
  double sum = 0, comp = 0;
  for (double x : v) {
    double s = x / max;
    double sq = s * s;
    double t = sum + sq;
    comp += (sum - t) + sq;
    sum = t;
  }
  return float_new(max * std::sqrt(sum + comp));
}

Ref<> m_hypot(Value, Value* args) {
  Value t = args[0];
  int64_t n = tuple_size(t);
  std::vector<double> v(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; i++)
    if (!to_double(tuple_item(t, i), &v[static_cast<size_t>(i)])) return nullptr;
  if (n == 2) {
    double r = std::hypot(v[0], v[1]);
    return float_new(r);
  }
  return vector_norm(v);
}

Ref<> m_dist(Value, Value* args) {
  if (!is_tuple(args[0]) || !is_tuple(args[1])) {
    Ref<> p = sequence_tuple(args[0]);
    if (!p) return nullptr;
    Ref<> q = sequence_tuple(args[1]);
    if (!q) return nullptr;
    Value a2[2] = {p.val(), q.val()};
    return m_dist(Value(), a2);
  }
  int64_t n = tuple_size(args[0]);
  if (tuple_size(args[1]) != n) return err_set_str(g_ValueError, "both points must have the same number of dimensions");
  std::vector<double> v(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; i++) {
    double a, b;
    if (!to_double(tuple_item(args[0], i), &a) || !to_double(tuple_item(args[1], i), &b)) return nullptr;
    v[static_cast<size_t>(i)] = a - b;
  }
  if (n == 2) return float_new(std::hypot(v[0], v[1]));
  return vector_norm(v);
}

// --- integer functions ----------------------------------------------------------------------

bool index_mpz(Value v, mpz_t out) {
  Ref<> i = number_index(v);
  if (!i) return false;
  int_to_mpz(i.val(), out);
  return true;
}

Ref<> m_gcd(Value, Value* args) {
  Value t = args[0];
  Mpz acc, x;
  for (int64_t i = 0; i < tuple_size(t); i++) {
    if (!index_mpz(tuple_item(t, i), x.z)) return nullptr;
    mpz_gcd(acc.z, acc.z, x.z);
  }
  return int_from_mpz(acc.z);
}

Ref<> m_lcm(Value, Value* args) {
  Value t = args[0];
  Mpz acc, x;
  mpz_set_ui(acc.z, 1);
  for (int64_t i = 0; i < tuple_size(t); i++) {
    if (!index_mpz(tuple_item(t, i), x.z)) return nullptr;
    mpz_lcm(acc.z, acc.z, x.z);
  }
  return int_from_mpz(acc.z);
}

Ref<> m_factorial(Value, Value* args) {
  if (is_float(args[0]))
    return err_set_str(g_TypeError, "'float' object cannot be interpreted as an integer");
  Mpz n;
  if (!index_mpz(args[0], n.z)) return nullptr;
  if (mpz_sgn(n.z) < 0) return err_set_str(g_ValueError, "factorial() not defined for negative values");
  if (!mpz_fits_slong_p(n.z)) return err_format(g_OverflowError, "factorial() argument should not exceed %ld", LONG_MAX);
  // n! has about n*log2(n) bits.
  double nd = mpz_get_d(n.z);
  if (nd > 2 && !int_result_fits(nd * std::log2(nd))) return nullptr;
  Mpz r;
  mpz_fac_ui(r.z, mpz_get_ui(n.z));
  return int_from_mpz(r.z);
}

Ref<> m_isqrt(Value, Value* args) {
  Mpz n;
  if (!index_mpz(args[0], n.z)) return nullptr;
  if (mpz_sgn(n.z) < 0) return err_set_str(g_ValueError, "isqrt() argument must be nonnegative");
  mpz_sqrt(n.z, n.z);
  return int_from_mpz(n.z);
}

Ref<> m_comb(Value, Value* args) {
  Mpz n, k;
  if (!index_mpz(args[0], n.z) || !index_mpz(args[1], k.z)) return nullptr;
  if (mpz_sgn(n.z) < 0) return err_set_str(g_ValueError, "n must be a non-negative integer");
  if (mpz_sgn(k.z) < 0) return err_set_str(g_ValueError, "k must be a non-negative integer");
  if (mpz_cmp(k.z, n.z) > 0) return small_int(0);
  Mpz nk;
  mpz_sub(nk.z, n.z, k.z);
  if (mpz_cmp(nk.z, k.z) < 0) mpz_set(k.z, nk.z);
  if (!mpz_fits_ulong_p(k.z))
    return err_format(g_OverflowError, "min(n - k, k) must not exceed %ld", LONG_MAX);
  // comb(n, k) <= min(n^k, 2^n): at most min(k*log2(n), n) bits.
  double nd = mpz_get_d(n.z), kd = mpz_get_d(k.z);
  if (nd > 2 && !int_result_fits(std::min(kd * std::log2(nd), nd))) return nullptr;
  Mpz r;
  mpz_bin_ui(r.z, n.z, mpz_get_ui(k.z));
  return int_from_mpz(r.z);
}

Ref<> m_perm(Value, Value* args) {
  // perm(n) is factorial(n), with factorial's messages (as CPython).
  if (args[1].is_null() || is_none(args[1])) return m_factorial(Value(), args);
  Mpz n, k;
  if (!index_mpz(args[0], n.z)) return nullptr;
  if (!index_mpz(args[1], k.z)) return nullptr;
  if (mpz_sgn(n.z) < 0) return err_set_str(g_ValueError, "n must be a non-negative integer");
  if (mpz_sgn(k.z) < 0) return err_set_str(g_ValueError, "k must be a non-negative integer");
  if (mpz_cmp(k.z, n.z) > 0) return small_int(0);
  if (!mpz_fits_ulong_p(k.z)) return err_format(g_OverflowError, "k must not exceed %ld", LONG_MAX);
  // n * (n-1) * ... * (n-k+1) = n! / (n-k)!, computed as a falling product
  // of at most k*log2(n) bits.
  double nd = mpz_get_d(n.z), kd = mpz_get_d(k.z);
  if (nd > 2 && !int_result_fits(kd * std::log2(nd))) return nullptr;
  Mpz r, f;
  mpz_set_ui(r.z, 1);
  unsigned long kk = mpz_get_ui(k.z);
  mpz_set(f.z, n.z);
  for (unsigned long i = 0; i < kk; i++) {
    mpz_mul(r.z, r.z, f.z);
    mpz_sub_ui(f.z, f.z, 1);
  }
  return int_from_mpz(r.z);
}

Ref<> m_prod(Value, Value* args) {
  Ref<> it = get_iter(args[0]);
  if (!it) return nullptr;
  Ref<> acc = Ref<>::borrow(args[1]);
  for (;;) {
    Ref<> item = iter_next(it.val());
    if (!item) {
      if (err_occurred()) return nullptr;
      return acc;
    }
    acc = binary_op(acc.val(), item.val(), kOpMul);
    if (!acc) return nullptr;
  }
}

Ref<> m_sumprod(Value, Value* args) {
  Ref<> p = get_iter(args[0]);
  if (!p) return nullptr;
  Ref<> q = get_iter(args[1]);
  if (!q) return nullptr;
  Ref<> acc = small_int(0);
  for (;;) {
    Ref<> a = iter_next(p.val());
    if (!a && err_occurred()) return nullptr;
    Ref<> b = iter_next(q.val());
    if (!b && err_occurred()) return nullptr;
    if (!a && !b) return acc;
    if (!a || !b) return err_set_str(g_ValueError, "Inputs are not the same length");
    Ref<> m = binary_op(a.val(), b.val(), kOpMul);
    if (!m) return nullptr;
    acc = binary_op(acc.val(), m.val(), kOpAdd);
    if (!acc) return nullptr;
  }
}

// fsum: Shewchuk's algorithm keeps a list of non-overlapping partial sums
// whose exact sum is the exact sum of the inputs; the final rounding is
// corrected for half-way cases.
Ref<> m_fsum(Value, Value* args) {
  Ref<> it = get_iter(args[0]);
  if (!it) return nullptr;
  std::vector<double> partials;
  double special_sum = 0, inf_sum = 0;
  for (;;) {
    Ref<> item = iter_next(it.val());
    if (!item) {
      if (err_occurred()) return nullptr;
      break;
    }
    double x;
    if (!to_double(item.val(), &x)) return nullptr;
    double xsave = x;
    size_t i = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) partials[i++] = lo;
      x = hi;
    }
    partials.resize(i);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        // A non-finite intermediate: either an input was inf/nan, or the sum overflowed.
        if (std::isfinite(xsave)) return err_set_str(g_OverflowError, "intermediate overflow in fsum");
        if (std::isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        partials.clear();
      } else {
        partials.push_back(x);
      }
    }
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return err_set_str(g_ValueError, "-inf + inf in fsum");
    return float_new(special_sum);
  }
  double hi = 0.0;
  if (!partials.empty()) {
    size_t n = partials.size();
    hi = partials[--n];
    double lo = 0;
    while (n > 0) {
      double x = hi;
      double y = partials[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    // Half-way case: make the rounding follow the sign of the rest.
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return float_new(hi);
}

const MethodDef kMathFunctions[] = {
    {"ceil(x, /)", m_ceil, "Return the ceiling of x as an Integral."},
    {"floor(x, /)", m_floor, "Return the floor of x as an Integral."},
    {"trunc(x, /)", m_trunc, "Truncates the Real x to the nearest Integral toward 0."},
    {"fabs(x, /)", m_fabs, "Return the absolute value of the float x."},
    {"sqrt(x, /)", m_sqrt, "Return the square root of x."},
    {"isqrt(n, /)", m_isqrt, "Return the integer part of the square root of the input."},
    {"exp(x, /)", m_exp, "Return e raised to the power of x."},
    {"exp2(x, /)", m_exp2, "Return 2 raised to the power of x."},
    {"expm1(x, /)", m_expm1, "Return exp(x)-1."},
    {"log(x, base=?, /)", m_log, "Return the logarithm of x to the given base."},
    {"log2(x, /)", m_log2, "Return the base 2 logarithm of x."},
    {"log10(x, /)", m_log10, "Return the base 10 logarithm of x."},
    {"log1p(x, /)", m_log1p, "Return the natural logarithm of 1+x (base e)."},
    {"pow(x, y, /)", m_pow, "Return x**y (x to the power of y)."},
    {"sin(x, /)", m_sin, "Return the sine of x (measured in radians)."},
    {"cos(x, /)", m_cos, "Return the cosine of x (measured in radians)."},
    {"tan(x, /)", m_tan, "Return the tangent of x (measured in radians)."},
    {"asin(x, /)", m_asin, "Return the arc sine (measured in radians) of x."},
    {"acos(x, /)", m_acos, "Return the arc cosine (measured in radians) of x."},
    {"atan(x, /)", m_atan, "Return the arc tangent (measured in radians) of x."},
    {"atan2(y, x, /)", m_atan2, "Return the arc tangent (measured in radians) of y/x."},
    {"sinh(x, /)", m_sinh, "Return the hyperbolic sine of x."},
    {"cosh(x, /)", m_cosh, "Return the hyperbolic cosine of x."},
    {"tanh(x, /)", m_tanh, "Return the hyperbolic tangent of x."},
    {"asinh(x, /)", m_asinh, "Return the inverse hyperbolic sine of x."},
    {"acosh(x, /)", m_acosh, "Return the inverse hyperbolic cosine of x."},
    {"atanh(x, /)", m_atanh, "Return the inverse hyperbolic tangent of x."},
    {"hypot(*coordinates)", m_hypot, "Multidimensional Euclidean distance from the origin to a point."},
    {"dist(p, q, /)", m_dist, "Return the Euclidean distance between two points p and q."},
    {"degrees(x, /)", m_degrees, "Convert angle x from radians to degrees."},
    {"radians(x, /)", m_radians, "Convert angle x from degrees to radians."},
    {"copysign(x, y, /)", m_copysign, "Return a float with the magnitude (absolute value) of x but the sign of y."},
    {"fmod(x, y, /)", m_fmod, "Return fmod(x, y), according to platform C."},
    {"remainder(x, y, /)", m_remainder, "Difference between x and the closest integer multiple of y."},
    {"frexp(x, /)", m_frexp, "Return the mantissa and exponent of x, as pair (m, e)."},
    {"ldexp(x, i, /)", m_ldexp, "Return x * (2**i)."},
    {"modf(x, /)", m_modf, "Return the fractional and integer parts of x."},
    {"isfinite(x, /)", m_isfinite, "Return True if x is neither an infinity nor a NaN, and False otherwise."},
    {"isinf(x, /)", m_isinf, "Return True if x is a positive or negative infinity, and False otherwise."},
    {"isnan(x, /)", m_isnan, "Return True if x is a NaN (not a number), and False otherwise."},
    {"isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)", m_isclose,
     "Determine whether two floating point numbers are close in value."},
    {"gcd(*integers)", m_gcd, "Greatest Common Divisor."},
    {"lcm(*integers)", m_lcm, "Least Common Multiple."},
    {"factorial(n, /)", m_factorial, "Find n!."},
    {"comb(n, k, /)", m_comb, "Number of ways to choose k items from n items without repetition and without order."},
    {"perm(n, k=None, /)", m_perm, "Number of ways to choose k items from n items without repetition and with order."},
    {"prod(iterable, /, *, start=1)", m_prod, "Calculate the product of all the elements in the input iterable."},
    {"sumprod(p, q, /)", m_sumprod, "Return the sum of products of values from two iterables p and q."},
    {"fsum(seq, /)", m_fsum, "Return an accurate floating point sum of values in the iterable seq."},
    {"erf(x, /)", m_erf, "Error function at x."},
    {"erfc(x, /)", m_erfc, "Complementary error function at x."},
    {"gamma(x, /)", m_gamma, "Gamma function at x."},
    {"lgamma(x, /)", m_lgamma, "Natural logarithm of absolute value of Gamma function at x."},
    {"nextafter(x, y, /)", m_nextafter, "Return the next floating-point value after x towards y."},
    {"ulp(x, /)", m_ulp, "Return the value of the least significant bit of the float x."},
    {"cbrt(x, /)", m_cbrt, "Return the cube root of x."},
    {nullptr}};

}  // namespace

Ref<> math_module_create() {
  Ref<> m = module_new("math");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kMathFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  struct {
    const char* name;
    double value;
  } constants[] = {{"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", HUGE_VAL}, {"nan", std::nan("")}};
  for (auto& c : constants) {
    Ref<> f = float_new(c.value);
    if (!f || dict_set_item_str(d, c.name, f.val()) < 0) return nullptr;
  }
  return m;
}

}  // namespace ftpy
