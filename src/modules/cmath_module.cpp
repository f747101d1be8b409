// The cmath module: complex versions of the math functions on the C library's
// complex functions (glibc implements C99 Annex G's branch cuts and special
// values, which is what CPython's cmath follows).
//
// Error rules (as CPython): ValueError("math domain error") for poles and for
// infinite arguments that have no limit, OverflowError("math range error")
// when exp, cosh or sinh overflow.
//
// Thread safety: stateless.
#include "modules/cmath_module.h"

#include <cmath>
#include <cerrno>
#include <cfloat>
#include <complex>
#include <limits>

#include "objects/complex.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace ftpy {

namespace {

using C = std::complex<double>;

// complex, __complex__, or anything float() accepts.
bool to_complex(Value v, C* out) {
  if (is_complex(v)) {
    *out = C(v.as<Complex>()->real, v.as<Complex>()->imag);
    return true;
  }
  if (type_lookup(type_of(v), Value(str_intern("__complex__")))) {
    Ref<> c = call_method(v, "__complex__", nullptr, 0);
    if (!c) return false;
    if (!is_complex(c.val())) {
      err_format(g_TypeError, "__complex__ returned non-complex (type %s)", type_name(type_of(c.val())));
      return false;
    }
    *out = C(c.val().as<Complex>()->real, c.val().as<Complex>()->imag);
    return true;
  }
  double d;
  if (!to_double(v, &d)) {
    if (err_matches(g_TypeError)) {
      err_clear();
      err_format(g_TypeError, "must be real number, not %s", type_name(type_of(v)));
    }
    return false;
  }
  *out = C(d, 0.0);
  return true;
}

bool finite(C z) { return std::isfinite(z.real()) && std::isfinite(z.imag()); }

// Each function reports CPython's errno verdict: kDomain (ValueError "math domain
// error"), kRange (OverflowError "math range error") or kNone.
enum Err { kNone, kDomain, kRange };

// Thresholds (as CPython's cmath): beyond kLarge, squaring or adding 1 would
// overflow or lose the small part, so the functions switch to asymptotic forms.
const double kLarge = DBL_MAX / 4.0;
const double kSqrtLarge = std::sqrt(kLarge);
const double kLogLarge = std::log(kLarge);
const double kSqrtDblMin = std::sqrt(DBL_MIN);
const double kLn2 = 0.6931471805599453094;
const double kLn10 = 2.302585092994045684;

// For finite arguments the formulas below are the ones CPython's cmath uses, so
// results agree to the last bit; for infinite or NaN arguments the values come
// from the C library's C99 Annex G special cases (which CPython's tables follow)
// and only the error verdict is CPython's, per function.
C c_sqrt(C z, Err* e) {
  *e = kNone;
  if (!finite(z)) return std::sqrt(z);
  if (z.real() == 0.0 && z.imag() == 0.0) return C(0.0, z.imag());
  double ax = std::fabs(z.real()), ay = std::fabs(z.imag()), s;
  if (ax < DBL_MIN && ay < DBL_MIN) {
    // Subnormal: scale up so the square root keeps full precision.
    ax = std::ldexp(ax, 53);
    s = std::ldexp(std::sqrt(ax + std::hypot(ax, std::ldexp(ay, 53))), -27);
  } else {
    ax /= 8.0;
    s = 2.0 * std::sqrt(ax + std::hypot(ax, ay / 8.0));
  }
  double d = ay / (2.0 * s);
  if (z.real() >= 0.0) return C(s, std::copysign(d, z.imag()));
  return C(d, std::copysign(s, z.imag()));
}

C c_asinh(C z, Err* e) {
  *e = kNone;
  if (!finite(z)) return std::asinh(z);
  if (std::fabs(z.real()) > kLarge || std::fabs(z.imag()) > kLarge) {
    double l = std::log(std::hypot(z.real() / 2.0, z.imag() / 2.0)) + kLn2 * 2.0;
    double re = z.imag() >= 0.0 ? std::copysign(l, z.real()) : -std::copysign(l, -z.real());
    return C(re, std::atan2(z.imag(), std::fabs(z.real())));
  }
  Err ignore;
  C s1 = c_sqrt(C(1.0 + z.imag(), -z.real()), &ignore);
  C s2 = c_sqrt(C(1.0 - z.imag(), z.real()), &ignore);
  return C(std::asinh(s1.real() * s2.imag() - s2.real() * s1.imag()),
           std::atan2(z.imag(), s1.real() * s2.real() - s1.imag() * s2.imag()));
}

C c_asin(C z, Err* e) {
  // asin(z) = -i asinh(iz)
  C s = c_asinh(C(-z.imag(), z.real()), e);
  return C(s.imag(), -s.real());
}

C c_acos(C z, Err* e) {
  *e = kNone;
  if (!finite(z)) return std::acos(z);
  if (std::fabs(z.real()) > kLarge || std::fabs(z.imag()) > kLarge) {
    double l = std::log(std::hypot(z.real() / 2.0, z.imag() / 2.0)) + kLn2 * 2.0;
    double im = z.real() < 0.0 ? -std::copysign(l, z.imag()) : std::copysign(l, -z.imag());
    return C(std::atan2(std::fabs(z.imag()), z.real()), im);
  }
  Err ignore;
  C s1 = c_sqrt(C(1.0 - z.real(), -z.imag()), &ignore);
  C s2 = c_sqrt(C(1.0 + z.real(), z.imag()), &ignore);
  return C(2.0 * std::atan2(s1.real(), s2.real()), std::asinh(s2.real() * s1.imag() - s2.imag() * s1.real()));
}

C c_acosh(C z, Err* e) {
  *e = kNone;
  if (!finite(z)) return std::acosh(z);
  if (std::fabs(z.real()) > kLarge || std::fabs(z.imag()) > kLarge) {
    return C(std::log(std::hypot(z.real() / 2.0, z.imag() / 2.0)) + kLn2 * 2.0, std::atan2(z.imag(), z.real()));
  }
  Err ignore;
  C s1 = c_sqrt(C(z.real() - 1.0, z.imag()), &ignore);
  C s2 = c_sqrt(C(z.real() + 1.0, z.imag()), &ignore);
  return C(std::asinh(s1.real() * s2.real() + s1.imag() * s2.imag()), 2.0 * std::atan2(s1.imag(), s2.real()));
}

C c_atanh(C z, Err* e) {
  *e = kNone;
  if (!finite(z)) return std::atanh(z);
  if (z.real() < 0.0) {
    // Odd function: work on the right half-plane.
    C r = c_atanh(-z, e);
    return -r;
  }
  double ay = std::fabs(z.imag());
  if (z.real() > kSqrtLarge || ay > kSqrtLarge) {
    double h = std::hypot(z.real() / 2.0, z.imag() / 2.0);
    return C(z.real() / 4.0 / h / h, -std::copysign(M_PI / 2.0, -z.imag()));
  }
  if (z.real() == 1.0 && ay < kSqrtDblMin) {
    if (ay == 0.0) {
      *e = kDomain;
      return C(HUGE_VAL, z.imag());
    }
    return C(-std::log(std::sqrt(ay) / std::sqrt(std::hypot(ay, 2.0))),
             std::copysign(std::atan2(2.0, -ay) / 2.0, z.imag()));
  }
  double one_minus = 1.0 - z.real();
  return C(std::log1p(4.0 * z.real() / (one_minus * one_minus + ay * ay)) / 4.0,
           -std::atan2(-2.0 * z.imag(), one_minus * (1.0 + z.real()) - ay * ay) / 2.0);
}

C c_atan(C z, Err* e) {
  // atan(z) = -i atanh(iz)
  C s = c_atanh(C(-z.imag(), z.real()), e);
  return C(s.imag(), -s.real());
}

C c_cosh(C z, Err* e) {
  if (!finite(z)) {
    *e = std::isinf(z.imag()) && !std::isnan(z.real()) ? kDomain : kNone;
    return std::cosh(z);
  }
  C r;
  if (std::fabs(z.real()) > kLogLarge) {
    // Scale by e to avoid overflowing early.
    double x1 = z.real() - std::copysign(1.0, z.real());
    r = C(std::cos(z.imag()) * std::cosh(x1) * M_E, std::sin(z.imag()) * std::sinh(x1) * M_E);
  } else {
    r = C(std::cos(z.imag()) * std::cosh(z.real()), std::sin(z.imag()) * std::sinh(z.real()));
  }
  *e = std::isinf(r.real()) || std::isinf(r.imag()) ? kRange : kNone;
  return r;
}

C c_sinh(C z, Err* e) {
  if (!finite(z)) {
    *e = std::isinf(z.imag()) && !std::isnan(z.real()) ? kDomain : kNone;
    return std::sinh(z);
  }
  C r;
  if (std::fabs(z.real()) > kLogLarge) {
    double x1 = z.real() - std::copysign(1.0, z.real());
    r = C(std::cos(z.imag()) * std::sinh(x1) * M_E, std::sin(z.imag()) * std::cosh(x1) * M_E);
  } else {
    r = C(std::cos(z.imag()) * std::sinh(z.real()), std::sin(z.imag()) * std::cosh(z.real()));
  }
  *e = std::isinf(r.real()) || std::isinf(r.imag()) ? kRange : kNone;
  return r;
}

C c_tanh(C z, Err* e) {
  if (!finite(z)) {
    *e = std::isinf(z.imag()) && std::isfinite(z.real()) ? kDomain : kNone;
    return std::tanh(z);
  }
  *e = kNone;
  if (std::fabs(z.real()) > kLogLarge) {
    return C(std::copysign(1.0, z.real()),
             4.0 * std::sin(z.imag()) * std::cos(z.imag()) * std::exp(-2.0 * std::fabs(z.real())));
  }
  double tx = std::tanh(z.real()), ty = std::tan(z.imag()), cx = 1.0 / std::cosh(z.real());
  double txty = tx * ty, denom = 1.0 + txty * txty;
  return C(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx);
}

// cos(z) = cosh(iz); sin(z) = -i sinh(iz); tan(z) = -i tanh(iz).
C c_cos(C z, Err* e) { return c_cosh(C(-z.imag(), z.real()), e); }
C c_sin(C z, Err* e) {
  C s = c_sinh(C(-z.imag(), z.real()), e);
  return C(s.imag(), -s.real());
}
C c_tan(C z, Err* e) {
  C s = c_tanh(C(-z.imag(), z.real()), e);
  return C(s.imag(), -s.real());
}

C c_exp(C z, Err* e) {
  if (!finite(z)) {
    *e = std::isinf(z.imag()) && (std::isfinite(z.real()) || (std::isinf(z.real()) && z.real() > 0)) ? kDomain
                                                                                                      : kNone;
    return std::exp(z);
  }
  C r;
  if (z.real() > kLogLarge) {
    double l = std::exp(z.real() - 1.0);
    r = C(l * std::cos(z.imag()) * M_E, l * std::sin(z.imag()) * M_E);
  } else {
    double l = std::exp(z.real());
    r = C(l * std::cos(z.imag()), l * std::sin(z.imag()));
  }
  *e = std::isinf(r.real()) || std::isinf(r.imag()) ? kRange : kNone;
  return r;
}

C c_log(C z, Err* e) {
  *e = kNone;
  if (!finite(z)) return std::log(z);
  double ax = std::fabs(z.real()), ay = std::fabs(z.imag()), re;
  if (ax > kLarge || ay > kLarge) {
    re = std::log(std::hypot(ax / 2.0, ay / 2.0)) + kLn2;
  } else if (ax < DBL_MIN && ay < DBL_MIN) {
    if (ax > 0.0 || ay > 0.0) {
      // Subnormal: scale up by 2**53 first.
      re = std::log(std::hypot(std::ldexp(ax, 53), std::ldexp(ay, 53))) - 53 * kLn2;
    } else {
      re = -HUGE_VAL;
      *e = kDomain;
    }
  } else {
    double h = std::hypot(ax, ay);
    if (0.71 <= h && h <= 1.73) {
      // Near the unit circle log1p keeps the precision that log(h) loses.
      double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
      re = std::log1p((am - 1) * (am + 1) + an * an) / 2.0;
    } else {
      re = std::log(h);
    }
  }
  return C(re, std::atan2(z.imag(), z.real()));
}

C c_log10(C z, Err* e) {
  C s = c_log(z, e);
  return C(s.real() / kLn10, s.imag() / kLn10);
}

Ref<> result(Err e, C r) {
  if (e == kDomain) return err_set_str(g_ValueError, "math domain error");
  if (e == kRange) return err_set_str(g_OverflowError, "math range error");
  return complex_new(r.real(), r.imag());
}

template <C (*F)(C, Err*)>
Ref<> unary(Value, Value* args) {
  C z;
  if (!to_complex(args[0], &z)) return nullptr;
  Err e;
  C r = F(z, &e);
  return result(e, r);
}

Ref<> cm_log(Value, Value* args) {
  C z;
  if (!to_complex(args[0], &z)) return nullptr;
  Err e;
  C r = c_log(z, &e);
  if (!args[1].is_null()) {
    C b;
    if (!to_complex(args[1], &b)) return nullptr;
    Err eb;
    C lb = c_log(b, &eb);
    if (eb != kNone) e = eb;
    // A zero divisor (base 1) is a domain error here, as in CPython.
    if (lb == C(0.0, 0.0)) return err_set_str(g_ValueError, "math domain error");
    if (!complex_quotient(r, lb, &r)) return err_set_str(g_ValueError, "math domain error");
  }
  return result(e, r);
}

Ref<> cm_phase(Value, Value* args) {
  C z;
  if (!to_complex(args[0], &z)) return nullptr;
  // glibc's atan2 reports an underflowing result through errno, and CPython
  // turns that into OverflowError; do the same.
  errno = 0;
  double r = std::atan2(z.imag(), z.real());
  if (errno == ERANGE && finite(z)) return err_set_str(g_OverflowError, "math range error");
  return float_new(r);
}

Ref<> cm_polar(Value, Value* args) {
  C z;
  if (!to_complex(args[0], &z)) return nullptr;
  double r = std::hypot(z.real(), z.imag());
  if (finite(z) && std::isinf(r)) return err_set_str(g_OverflowError, "math range error");
  Ref<> a = float_new(r), b = float_new(std::atan2(z.imag(), z.real()));
  if (!a || !b) return nullptr;
  return tuple_pack({a.val(), b.val()});
}

Ref<> cm_rect(Value, Value* args) {
  double r, phi;
  if (!to_double(args[0], &r) || !to_double(args[1], &phi)) return nullptr;
  if (!std::isfinite(r) || !std::isfinite(phi)) {
    // A nonzero modulus at an infinite angle has no direction.
    if (r != 0.0 && !std::isnan(r) && std::isinf(phi)) return err_set_str(g_ValueError, "math domain error");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (std::isinf(r) && std::isfinite(phi) && phi != 0.0) {
      // Infinite parts whose signs follow the direction.
      double re = std::copysign(HUGE_VAL, std::cos(phi)), im = std::copysign(HUGE_VAL, std::sin(phi));
      return r > 0 ? complex_new(re, im) : complex_new(-re, -im);
    }
    if (std::isinf(r) && phi == 0.0) return complex_new(r, r > 0 ? phi : -phi);
    if (std::isinf(r)) return complex_new(r, nan);
    if (r == 0.0) return complex_new(0.0, 0.0);
    return complex_new(nan, std::isnan(r) && phi == 0.0 ? phi : nan);
  }
  // phi == 0 keeps the sign of zero in the imaginary part.
  if (phi == 0.0) return complex_new(r, r * phi);
  return complex_new(r * std::cos(phi), r * std::sin(phi));
}

Ref<> cm_isnan(Value, Value* args) {
  C z;
  if (!to_complex(args[0], &z)) return nullptr;
  return new_bool(std::isnan(z.real()) || std::isnan(z.imag()));
}
Ref<> cm_isinf(Value, Value* args) {
  C z;
  if (!to_complex(args[0], &z)) return nullptr;
  return new_bool(std::isinf(z.real()) || std::isinf(z.imag()));
}
Ref<> cm_isfinite(Value, Value* args) {
  C z;
  if (!to_complex(args[0], &z)) return nullptr;
  return new_bool(finite(z));
}

Ref<> cm_isclose(Value, Value* args) {
  C a, b;
  if (!to_complex(args[0], &a) || !to_complex(args[1], &b)) return nullptr;
  double rel = 1e-09, abs_tol = 0.0;
  if (!args[2].is_null() && !to_double(args[2], &rel)) return nullptr;
  if (!args[3].is_null() && !to_double(args[3], &abs_tol)) return nullptr;
  if (rel < 0.0 || abs_tol < 0.0) return err_set_str(g_ValueError, "tolerances must be non-negative");
  if (a == b) return new_bool(true);
  if (!finite(a) || !finite(b)) return new_bool(false);
  double diff = std::abs(a - b);
  return new_bool(diff <= rel * std::abs(b) || diff <= rel * std::abs(a) || diff <= abs_tol);
}

const MethodDef kCmathFunctions[] = {
    {"sqrt(z, /)", unary<c_sqrt>, "Return the square root of z."},
    {"exp(z, /)", unary<c_exp>, "Return the exponential value e**z."},
    {"log(x, base=?, /)", cm_log, "log(z[, base]) -> the logarithm of z to the given base."},
    {"log10(z, /)", unary<c_log10>, "Return the base-10 logarithm of z."},
    {"sin(z, /)", unary<c_sin>, "Return the sine of z."},
    {"cos(z, /)", unary<c_cos>, "Return the cosine of z."},
    {"tan(z, /)", unary<c_tan>, "Return the tangent of z."},
    {"asin(z, /)", unary<c_asin>, "Return the arc sine of z."},
    {"acos(z, /)", unary<c_acos>, "Return the arc cosine of z."},
    {"atan(z, /)", unary<c_atan>, "Return the arc tangent of z."},
    {"sinh(z, /)", unary<c_sinh>, "Return the hyperbolic sine of z."},
    {"cosh(z, /)", unary<c_cosh>, "Return the hyperbolic cosine of z."},
    {"tanh(z, /)", unary<c_tanh>, "Return the hyperbolic tangent of z."},
    {"asinh(z, /)", unary<c_asinh>, "Return the inverse hyperbolic sine of z."},
    {"acosh(z, /)", unary<c_acosh>, "Return the inverse hyperbolic cosine of z."},
    {"atanh(z, /)", unary<c_atanh>, "Return the inverse hyperbolic tangent of z."},
    {"phase(z, /)", cm_phase, "Return argument, also known as the phase angle, of a complex."},
    {"polar(z, /)", cm_polar, "Convert a complex from rectangular coordinates to polar coordinates."},
    {"rect(r, phi, /)", cm_rect, "Convert from polar coordinates to rectangular coordinates."},
    {"isnan(z, /)", cm_isnan, "Checks if the real or imaginary part of z not a number (NaN)."},
    {"isinf(z, /)", cm_isinf, "Checks if the real or imaginary part of z is infinite."},
    {"isfinite(z, /)", cm_isfinite, "Return True if both the real and imaginary parts of z are finite, else False."},
    {"isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)", cm_isclose,
     "Determine whether two complex numbers are close in value."},
    {nullptr}};

}  // namespace

Ref<> cmath_module_create() {
  Ref<> m = module_new("cmath");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kCmathFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  const double inf = HUGE_VAL, nan = std::nan("");
  struct {
    const char* name;
    Ref<> value;
  } constants[] = {{"pi", float_new(M_PI)},           {"e", float_new(M_E)},
                   {"tau", float_new(2 * M_PI)},      {"inf", float_new(inf)},
                   {"nan", float_new(nan)},           {"infj", complex_new(0.0, inf)},
                   {"nanj", complex_new(0.0, nan)}};
  for (auto& c : constants)
    if (!c.value || dict_set_item_str(d, c.name, c.value.val()) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
