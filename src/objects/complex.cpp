// complex core: construction, repr, equality, hashing and arithmetic slots.
// Methods and parsing of complex('1+2j') live in complex_methods.cpp.
#include "objects/complex.h"

#include <cmath>
#include <complex>
#include <limits>
#include <string>

#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "runtime/hash.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_complex_type;

Ref<> complex_new(double real, double imag) {
  auto* c = alloc_object<Complex>(&g_complex_type);
  if (!c) return nullptr;
  c->real = real;
  c->imag = imag;
  return Ref<>::steal(Value(c));
}

bool complex_quotient(std::complex<double> a, std::complex<double> b, std::complex<double>* out) {
  double c = b.real(), d = b.imag();
  double abs_c = std::fabs(c), abs_d = std::fabs(d);
  if (abs_c >= abs_d) {
    if (abs_c == 0.0) {
      *out = {0.0, 0.0};
      return false;
    }
    double ratio = d / c, denom = c + d * ratio;
    *out = {(a.real() + a.imag() * ratio) / denom, (a.imag() - a.real() * ratio) / denom};
  } else if (abs_d >= abs_c) {
    double ratio = c / d, denom = c * ratio + d;
    *out = {(a.real() * ratio + a.imag()) / denom, (a.imag() * ratio - a.real()) / denom};
  } else {
    // A NaN in the divisor.
    double nan = std::numeric_limits<double>::quiet_NaN();
    *out = {nan, nan};
  }
  return true;
}

namespace {
// x ** y in polar form: |x|^y.real * e^(-arg(x) * y.imag) at angle
// arg(x) * y.real + y.imag * ln|x|. CPython computes it this way, so the
// last bits of results agree (std::pow goes through exp(y * log(x))).
std::complex<double> polar_pow(std::complex<double> x, std::complex<double> y) {
  double vabs = std::hypot(x.real(), x.imag());
  double len = std::pow(vabs, y.real());
  double at = std::atan2(x.imag(), x.real());
  double phase = at * y.real();
  if (y.imag() != 0.0) {
    len /= std::exp(at * y.imag());
    phase += y.imag() * std::log(vabs);
  }
  return {len * std::cos(phase), len * std::sin(phase)};
}

// The plain product formula (as CPython), not std::complex's NaN-recovering one.
std::complex<double> plain_mul(std::complex<double> x, std::complex<double> y) {
  return {x.real() * y.real() - x.imag() * y.imag(), x.real() * y.imag() + x.imag() * y.real()};
}

// Binary powering, the multiplication order CPython uses, so results match to the last bit.
std::complex<double> pow_unsigned(std::complex<double> x, long n) {
  std::complex<double> r(1.0, 0.0), p = x;
  for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
    if (n & mask) r = plain_mul(r, p);
    p = plain_mul(p, p);
  }
  return r;
}

enum class PowStatus { kOk, kZeroDivision, kOverflow };

// x ** y with CPython's rules: small integral exponents by repeated multiplication,
// others in polar form; a zero base to a negative or complex power is an error, and
// an infinite part in the result is an overflow (even from infinite operands).
PowStatus complex_pow_impl(std::complex<double> x, std::complex<double> y, std::complex<double>* out) {
  bool zero_div = false;
  if (y.imag() == 0.0 && y.real() == std::floor(y.real()) && std::fabs(y.real()) <= 100.0) {
    long n = static_cast<long>(y.real());
    if (n > 0) {
      *out = pow_unsigned(x, n);
    } else {
      zero_div = !complex_quotient({1.0, 0.0}, pow_unsigned(x, -n), out);
    }
  } else if (y.real() == 0.0 && y.imag() == 0.0) {
    *out = {1.0, 0.0};
  } else if (x.real() == 0.0 && x.imag() == 0.0) {
    zero_div = y.imag() != 0.0 || y.real() < 0.0;
    *out = {0.0, 0.0};
  } else {
    *out = polar_pow(x, y);
  }
  if (zero_div) return PowStatus::kZeroDivision;
  if (std::isinf(out->real()) || std::isinf(out->imag())) return PowStatus::kOverflow;
  return PowStatus::kOk;
}

Ref<> complex_pow_result(std::complex<double> x, std::complex<double> y) {
  std::complex<double> r;
  switch (complex_pow_impl(x, y, &r)) {
    case PowStatus::kZeroDivision:
      return err_set_str(g_ZeroDivisionError, "0.0 to a negative or complex power");
    case PowStatus::kOverflow:
      return err_set_str(g_OverflowError, "complex exponentiation");
    case PowStatus::kOk:
      break;
  }
  return complex_new(r.real(), r.imag());
}
}  // namespace

Ref<> complex_pow_from_floats(double x, double y) {
  return complex_pow_result(std::complex<double>(x, 0.0), std::complex<double>(y, 0.0));
}

namespace {

void complex_dealloc(Object* o) { free_object(o); }

// Operand conversion: complex, float or int.
bool as_complex(Value v, std::complex<double>* out, bool* err) {
  if (is_complex(v)) {
    auto* c = v.as<Complex>();
    *out = {c->real, c->imag};
    return true;
  }
  if (is_float(v)) {
    *out = {float_value(v), 0.0};
    return true;
  }
  if (is_int(v)) {
    bool overflow;
    double d = int_as_double(v, &overflow);
    if (overflow) {
      err_set_str(g_OverflowError, "int too large to convert to float");
      *err = true;
    }
    *out = {d, 0.0};
    return true;
  }
  return false;
}

#define COMPLEX_OPERANDS(a, b, x, y)                               \
  std::complex<double> x, y;                                       \
  bool err_ = false;                                               \
  if (!as_complex(a, &x, &err_) || !as_complex(b, &y, &err_))      \
    return err_ ? nullptr : Ref<>::steal(not_implemented());       \
  if (err_) return nullptr

Ref<> c_add(Value a, Value b) {
  COMPLEX_OPERANDS(a, b, x, y);
  return complex_new(x.real() + y.real(), x.imag() + y.imag());
}
Ref<> c_sub(Value a, Value b) {
  COMPLEX_OPERANDS(a, b, x, y);
  return complex_new(x.real() - y.real(), x.imag() - y.imag());
}
Ref<> c_mul(Value a, Value b) {
  COMPLEX_OPERANDS(a, b, x, y);
  // Plain formula (as CPython), not std::complex's NaN-recovering one.
  return complex_new(x.real() * y.real() - x.imag() * y.imag(), x.real() * y.imag() + x.imag() * y.real());
}
Ref<> c_div(Value a, Value b) {
  COMPLEX_OPERANDS(a, b, x, y);
  std::complex<double> r;
  if (!complex_quotient(x, y, &r)) return err_set_str(g_ZeroDivisionError, "complex division by zero");
  return complex_new(r.real(), r.imag());
}
Ref<> c_pow(Value a, Value b) {
  COMPLEX_OPERANDS(a, b, x, y);
  return complex_pow_result(x, y);
}
Ref<> c_pow3(Value a, Value b, Value m) {
  if (!m.is_null() && !is_none(m)) return err_set_str(g_ValueError, "complex modulo");
  return c_pow(a, b);
}
Ref<> c_neg(Value a) { return complex_new(-a.as<Complex>()->real, -a.as<Complex>()->imag); }
Ref<> c_pos(Value a) { return complex_new(a.as<Complex>()->real, a.as<Complex>()->imag); }
Ref<> c_abs(Value a) {
  double r = std::hypot(a.as<Complex>()->real, a.as<Complex>()->imag);
  if (std::isinf(r) && std::isfinite(a.as<Complex>()->real) && std::isfinite(a.as<Complex>()->imag))
    return err_set_str(g_OverflowError, "absolute value too large");
  return float_new(r);
}
int c_bool(Value a) { return a.as<Complex>()->real != 0 || a.as<Complex>()->imag != 0; }

std::string part_repr(double d) {
  std::string s = float_repr(d);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

Ref<> c_repr(Value v) {
  auto* c = v.as<Complex>();
  if (c->real == 0 && !std::signbit(c->real)) return str_from_ascii(part_repr(c->imag) + "j");
  std::string im = part_repr(c->imag);
  if (im[0] != '-' && im[0] != '+') im = "+" + im;
  return str_from_ascii("(" + part_repr(c->real) + im + "j)");
}

int64_t c_hash(Value v) {
  auto* c = v.as<Complex>();
  uint64_t hr = static_cast<uint64_t>(float_hash(c->real));
  uint64_t hi = static_cast<uint64_t>(float_hash(c->imag));
  int64_t h = static_cast<int64_t>(hr + 1000003ull * hi);
  return h == -1 ? -2 : h;
}

Ref<> c_richcompare(Value a, Value b, CompareOp op) {
  if (op != kEq && op != kNe) return Ref<>::steal(not_implemented());
  auto* x = a.as<Complex>();
  bool eq;
  if (is_complex(b)) {
    eq = x->real == b.as<Complex>()->real && x->imag == b.as<Complex>()->imag;
  } else if (is_float(b)) {
    eq = x->imag == 0 && x->real == float_value(b);
  } else if (is_int(b)) {
    if (x->imag != 0) {
      eq = false;
    } else {
      Ref<> f = float_new(x->real);
      Ref<> r = float_compare_with_int(f.val(), b, kEq);
      if (!r) return nullptr;
      eq = r.val() == true_value();
    }
  } else {
    return Ref<>::steal(not_implemented());
  }
  return new_bool(op == kEq ? eq : !eq);
}

}  // namespace

void complex_type_init_core() {
  Type* t = &g_complex_type;
  t->name = "complex";
  t->basic_size = sizeof(Complex);
  t->flags = kTypeBaseType;
  t->tp_dealloc = complex_dealloc;
  t->tp_repr = c_repr;
  t->tp_hash = c_hash;
  t->tp_richcompare = c_richcompare;
  t->nb_binary[kOpAdd] = c_add;
  t->nb_binary[kOpSub] = c_sub;
  t->nb_binary[kOpMul] = c_mul;
  t->nb_binary[kOpTrueDiv] = c_div;
  t->nb_binary[kOpPow] = c_pow;
  t->nb_power = c_pow3;
  t->nb_negative = c_neg;
  t->nb_positive = c_pos;
  t->nb_absolute = c_abs;
  t->nb_bool = c_bool;
  complex_install_methods(t);
}

}  // namespace ftpy
