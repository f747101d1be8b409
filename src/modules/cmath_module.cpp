// The cmath module: complex versions of the math functions on the C library's
// complex functions (glibc implements C99 Annex G's branch cuts and special
// values, which is what CPython's cmath follows).
//
// Error rules (as CPython): a non-finite result from finite arguments is
// ValueError("math domain error"), or OverflowError("math range error") for
// the functions that can overflow (exp, cosh, sinh, rect).
//
// Results may differ from CPython's in the last bit for sqrt, tan, tanh, acos
// and acosh (glibc and CPython use different formulas).
//
// Thread safety: stateless.
#include "modules/cmath_module.h"

#include <cmath>
#include <complex>

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

Ref<> result(C in, C out, bool can_overflow) {
  if (finite(in) && !finite(out)) {
    if (can_overflow && !std::isnan(out.real()) && !std::isnan(out.imag()))
      return err_set_str(g_OverflowError, "math range error");
    return err_set_str(g_ValueError, "math domain error");
  }
  return complex_new(out.real(), out.imag());
}

template <C (*F)(const C&), bool kOverflow = false>
Ref<> unary(Value, Value* args) {
  C z;
  if (!to_complex(args[0], &z)) return nullptr;
  return result(z, F(z), kOverflow);
}

C c_sqrt(const C& z) { return std::sqrt(z); }
C c_exp(const C& z) { return std::exp(z); }
C c_log10(const C& z) { return std::log10(z); }
C c_sin(const C& z) { return std::sin(z); }
C c_cos(const C& z) { return std::cos(z); }
C c_tan(const C& z) { return std::tan(z); }
C c_asin(const C& z) { return std::asin(z); }
C c_acos(const C& z) { return std::acos(z); }
C c_atan(const C& z) { return std::atan(z); }
C c_sinh(const C& z) { return std::sinh(z); }
C c_cosh(const C& z) { return std::cosh(z); }
C c_tanh(const C& z) { return std::tanh(z); }
C c_asinh(const C& z) { return std::asinh(z); }
C c_acosh(const C& z) { return std::acosh(z); }
C c_atanh(const C& z) { return std::atanh(z); }

Ref<> cm_log(Value, Value* args) {
  C z;
  if (!to_complex(args[0], &z)) return nullptr;
  C r = std::log(z);
  if (finite(z) && !finite(r)) return err_set_str(g_ValueError, "math domain error");
  if (!args[1].is_null()) {
    C b;
    if (!to_complex(args[1], &b)) return nullptr;
    C lb = std::log(b);
    if (finite(b) && !finite(lb)) return err_set_str(g_ValueError, "math domain error");
    if (lb == C(0.0, 0.0)) return err_set_str(g_ZeroDivisionError, "complex division by zero");
    r /= lb;
  }
  return complex_new(r.real(), r.imag());
}

Ref<> cm_phase(Value, Value* args) {
  C z;
  if (!to_complex(args[0], &z)) return nullptr;
  return float_new(std::atan2(z.imag(), z.real()));
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
  C out = std::polar(r, phi);
  if (std::isfinite(r) && std::isfinite(phi) && !finite(out))
    return err_set_str(g_OverflowError, "math range error");
  return complex_new(out.real(), out.imag());
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
    {"exp(z, /)", unary<c_exp, true>, "Return the exponential value e**z."},
    {"log(x, base=?, /)", cm_log, "log(z[, base]) -> the logarithm of z to the given base."},
    {"log10(z, /)", unary<c_log10>, "Return the base-10 logarithm of z."},
    {"sin(z, /)", unary<c_sin>, "Return the sine of z."},
    {"cos(z, /)", unary<c_cos>, "Return the cosine of z."},
    {"tan(z, /)", unary<c_tan>, "Return the tangent of z."},
    {"asin(z, /)", unary<c_asin>, "Return the arc sine of z."},
    {"acos(z, /)", unary<c_acos>, "Return the arc cosine of z."},
    {"atan(z, /)", unary<c_atan>, "Return the arc tangent of z."},
    {"sinh(z, /)", unary<c_sinh, true>, "Return the hyperbolic sine of z."},
    {"cosh(z, /)", unary<c_cosh, true>, "Return the hyperbolic cosine of z."},
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
