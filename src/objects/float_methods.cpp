// float: the constructor (tp_new, string parsing) and the Python-visible
// methods (hex, fromhex, as_integer_ratio, __round__, __format__, ...). The
// core (repr, hash, arithmetic slots) is in float.cpp.
//
// Thread safety: floats are immutable.
#include <gmp.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include "objects/errors.h"
#include "objects/float.h"
#include "objects/format_spec.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"

namespace ftpy {

namespace {

bool ieq(std::string_view a, const char* b) {
  size_t n = std::strlen(b);
  if (a.size() != n) return false;
  for (size_t i = 0; i < n; i++)
    if ((a[i] | 0x20) != b[i]) return false;
  return true;
}

bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

std::string_view strip(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && is_ascii_space(s[b])) b++;
  while (e > b && is_ascii_space(s[e - 1])) e--;
  return s.substr(b, e - b);
}

// Reads a run of decimal digits with single underscores between digits.
size_t read_digits(std::string_view s, size_t* i, std::string* out) {
  size_t count = 0;
  while (*i < s.size()) {
    char c = s[*i];
    if (c >= '0' && c <= '9') {
      out->push_back(c);
      count++;
      (*i)++;
    } else if (c == '_' && count > 0 && *i + 1 < s.size() && s[*i + 1] >= '0' && s[*i + 1] <= '9') {
      (*i)++;
    } else {
      break;
    }
  }
  return count;
}

}  // namespace

bool float_parse(std::string_view s, double* out) {
  size_t i = 0;
  bool neg = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    neg = s[i] == '-';
    i++;
  }
  std::string_view rest = s.substr(i);
  if (ieq(rest, "inf") || ieq(rest, "infinity")) {
    *out = neg ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (ieq(rest, "nan")) {
    *out = neg ? -std::nan("") : std::nan("");
    return true;
  }
  std::string clean;
  if (neg) clean.push_back('-');
  size_t nint = read_digits(s, &i, &clean);
  size_t nfrac = 0;
  if (i < s.size() && s[i] == '.') {
    clean.push_back('.');
    i++;
    nfrac = read_digits(s, &i, &clean);
  }
  if (nint == 0 && nfrac == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    clean.push_back('e');
    i++;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) clean.push_back(s[i++]);
    if (read_digits(s, &i, &clean) == 0) return false;
  }
  if (i != s.size()) return false;
  *out = std::strtod(clean.c_str(), nullptr);
  return true;
}

Ref<> float_from_text(std::string_view text, Value orig) {
  double d;
  if (!float_parse(strip(text), &d)) {
    std::string r = repr_utf8(orig);
    return err_format(g_ValueError, "could not convert string to float: %s", r.c_str());
  }
  return float_new(d);
}

namespace {

Ref<> float_exact(Value v) {
  if (type_of(v) == &g_float_type) return Ref<>::borrow(v);
  return float_new(float_value(v));
}

// --- constructor --------------------------------------------------------------------------

Ref<> float_from_object(Value x) {
  if (type_of(x) == &g_float_type) return Ref<>::borrow(x);
  std::string text;
  if (is_str(x) || number_text(x, &text)) {
    if (is_str(x) && !number_text(x, &text)) return nullptr;
    return float_from_text(text, x);
  }
  Type* t = type_of(x);
  if (!is_float(x) && !is_int(x) && !t->nb_float && !t->nb_index)
    return err_format(g_TypeError, "float() argument must be a string or a real number, not '%s'", type_tp_name(t));
  return number_float(x);
}

Ref<> float_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!kwnames.is_null() && tuple_size(kwnames) > 0)
    return err_set_str(g_TypeError, "float() takes no keyword arguments");
  if (nargs > 1) return err_format(g_TypeError, "float expected at most 1 argument, got %zu", nargs);
  Ref<> value = nargs == 0 ? float_new(0.0) : float_from_object(args[0]);
  if (!value) return nullptr;
  if (type == &g_float_type) return value;
  Float* f = alloc_object<Float>(type, type->basic_size);
  if (!f) return nullptr;
  f->value = float_value(value.val());
  return Ref<>::steal(Value(f));
}

// --- methods -------------------------------------------------------------------------------

Ref<> float_is_integer(Value self, Value*) {
  double x = float_value(self);
  return new_bool(std::isfinite(x) && std::floor(x) == x);
}

Ref<> float_as_integer_ratio(Value self, Value*) {
  double x = float_value(self);
  if (std::isinf(x)) return err_set_str(g_OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(x)) return err_set_str(g_ValueError, "cannot convert NaN to integer ratio");
  int e;
  double m = std::frexp(x, &e);
  for (int i = 0; i < 300 && m != std::floor(m); i++) {
    m *= 2.0;
    e--;
  }
  mpz_t num, den;
  mpz_init_set_d(num, m);
  mpz_init_set_ui(den, 1);
  if (e > 0) mpz_mul_2exp(num, num, static_cast<mp_bitcnt_t>(e));
  else mpz_mul_2exp(den, den, static_cast<mp_bitcnt_t>(-e));
  Ref<> n = int_from_mpz(num), d = int_from_mpz(den);
  mpz_clear(num);
  mpz_clear(den);
  if (!n || !d) return nullptr;
  return tuple_pack({n.val(), d.val()});
}

Ref<> float_hex(Value self, Value*) {
  double x = float_value(self);
  if (!std::isfinite(x)) return str_from_ascii(float_repr(x));
  bool neg = std::signbit(x);
  if (x == 0) return str_from_ascii(neg ? "-0x0.0p+0" : "0x0.0p+0");
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  int biased = static_cast<int>((bits >> 52) & 0x7ff);
  uint64_t frac = bits & ((uint64_t{1} << 52) - 1);
  int lead = biased == 0 ? 0 : 1;
  int exp = biased == 0 ? -1022 : biased - 1023;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s0x%d.%013llxp%+d", neg ? "-" : "", lead, static_cast<unsigned long long>(frac),
                exp);
  return str_from_ascii(buf);
}

bool is_hex(char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }

Ref<> float_fromhex(Value cls, Value* args) {
  if (!is_str(args[0]))
    return err_set_str(g_TypeError, "bad argument type for built-in operation");  // CPython 3.11 (PyUnicode_AsUTF8AndSize on a non-str)
  std::string_view s = strip(str_view(args[0]));
  auto invalid = []() -> Ref<> { return err_set_str(g_ValueError, "invalid hexadecimal floating-point string"); };
  size_t i = 0;
  bool neg = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    neg = s[i] == '-';
    i++;
  }
  double d;
  std::string_view rest = s.substr(i);
  if (ieq(rest, "inf") || ieq(rest, "infinity")) {
    d = neg ? -HUGE_VAL : HUGE_VAL;
  } else if (ieq(rest, "nan")) {
    d = std::nan("");
  } else {
    if (i + 1 < s.size() && s[i] == '0' && (s[i + 1] | 0x20) == 'x') i += 2;
    std::string clean = neg ? "-0x" : "0x";
    size_t ndig = 0;
    while (i < s.size() && is_hex(s[i])) {
      clean.push_back(s[i++]);
      ndig++;
    }
    if (i < s.size() && s[i] == '.') {
      clean.push_back('.');
      i++;
      while (i < s.size() && is_hex(s[i])) {
        clean.push_back(s[i++]);
        ndig++;
      }
    }
    if (ndig == 0) return invalid();
    clean.push_back('p');
    if (i < s.size() && (s[i] | 0x20) == 'p') {
      i++;
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) clean.push_back(s[i++]);
      size_t nexp = 0;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        clean.push_back(s[i++]);
        nexp++;
      }
      if (nexp == 0) return invalid();
    } else {
      clean.push_back('0');
    }
    if (i != s.size()) return invalid();
    d = std::strtod(clean.c_str(), nullptr);
    if (std::isinf(d)) return err_set_str(g_OverflowError, "hexadecimal value too large to represent as a float");
  }
  Ref<> r = float_new(d);
  if (!r || cls.as<Type>() == &g_float_type) return r;
  return call1(cls, r.val());
}

Ref<> float_conjugate(Value self, Value*) { return float_exact(self); }

// round(x, ndigits) for finite nonzero x and -308 <= ndigits < 0: rounds the
// exact value half-to-even to a multiple of 10**-ndigits.
Ref<> round_negative_digits(double x, int64_t nd) {
  double t = std::trunc(std::fabs(x));
  double frac = std::fabs(x) - t;  // exact
  mpz_t q, r, p;
  mpz_init_set_d(q, t);
  mpz_init(r);
  mpz_init(p);
  mpz_ui_pow_ui(p, 10, static_cast<unsigned long>(-nd));
  mpz_tdiv_qr(q, r, q, p);
  // Compare r + frac with p/2, i.e. 2r + 2frac with p.
  mpz_mul_2exp(r, r, 1);
  mpz_t diff;
  mpz_init(diff);
  mpz_sub(diff, p, r);  // p - 2r
  bool up;
  if (mpz_sgn(diff) < 0) up = true;
  else if (mpz_sgn(diff) == 0) up = frac > 0 || mpz_odd_p(q);
  else if (mpz_cmp_ui(diff, 1) == 0) up = 2 * frac > 1 || (2 * frac == 1 && mpz_odd_p(q));
  else up = false;
  if (up) mpz_add_ui(q, q, 1);
  mpz_mul(q, q, p);
  Ref<> qi = int_from_mpz(q);
  mpz_clear(q);
  mpz_clear(r);
  mpz_clear(p);
  mpz_clear(diff);
  if (!qi) return nullptr;
  bool overflow;
  double d = int_as_double(qi.val(), &overflow);
  if (overflow || std::isinf(d)) return err_set_str(g_OverflowError, "rounded value too large to represent");
  return float_new(std::copysign(d, x));
}

Ref<> float_round(Value self, Value* args) {
  double x = float_value(self);
  Value nd = args[0];
  if (nd.is_null() || is_none(nd)) {
    double r = std::nearbyint(x);  // default rounding mode: half to even
    return int_from_double(r);
  }
  Ref<> ndi = number_index(nd);
  if (!ndi) return nullptr;
  int64_t n;
  if (!int_as_int64(ndi.val(), &n)) n = int_sign(ndi.val()) > 0 ? INT64_MAX : INT64_MIN;
  if (!std::isfinite(x) || x == 0.0) return float_new(x);
  if (n > 323) return float_new(x);
  if (n < -308) return float_new(0.0 * x);
  if (n < 0) return round_negative_digits(x, n);
  int len = std::snprintf(nullptr, 0, "%.*f", static_cast<int>(n), x);
  std::string buf(static_cast<size_t>(len) + 1, '\0');
  std::snprintf(buf.data(), buf.size(), "%.*f", static_cast<int>(n), x);
  double r = std::strtod(buf.c_str(), nullptr);
  return float_new(r);
}

Ref<> float_trunc_m(Value self, Value*) { return int_from_double(std::trunc(float_value(self))); }
Ref<> float_floor_m(Value self, Value*) { return int_from_double(std::floor(float_value(self))); }
Ref<> float_ceil_m(Value self, Value*) { return int_from_double(std::ceil(float_value(self))); }

Ref<> float_format_m(Value self, Value* args) {
  if (!is_str(args[0]))
    return err_format(g_TypeError, "__format__() argument must be str, not %s", type_name(type_of(args[0])));
  return format_float(self, args[0].as<Str>());
}

Ref<> float_getnewargs(Value self, Value*) {
  Ref<> f = float_exact(self);
  if (!f) return nullptr;
  return tuple_pack({f.val()});
}

Ref<> float_getformat(Value, Value* args) {
  if (!is_str(args[0]))
    return err_format(g_TypeError, "__getformat__() argument must be str, not %s", type_name(type_of(args[0])));
  std::string_view s = str_view(args[0]);
  if (s != "double" && s != "float")
    return err_set_str(g_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
  return str_from_ascii("IEEE, little-endian");
}

const MethodDef kFloatMethods[] = {
    {"is_integer($self, /)", float_is_integer, "Return True if the float is an integer."},
    {"as_integer_ratio($self, /)", float_as_integer_ratio,
     "Return a pair of integers, whose ratio is exactly equal to the original float."},
    {"hex($self, /)", float_hex, "Return a hexadecimal representation of a floating-point number."},
    {"fromhex($type, string, /)", float_fromhex, "Create a floating-point number from a hexadecimal string.",
     kMethClass},
    {"conjugate($self, /)", float_conjugate, "Return self, the complex conjugate of any float."},
    {"__round__($self, ndigits=None, /)", float_round, "Return the Integral closest to x, rounding half toward even."},
    {"__trunc__($self, /)", float_trunc_m, "Return the Integral closest to x between 0 and x."},
    {"__floor__($self, /)", float_floor_m, "Return the floor as an Integral."},
    {"__ceil__($self, /)", float_ceil_m, "Return the ceiling as an Integral."},
    {"__format__($self, format_spec, /)", float_format_m, "Formats the float according to format_spec."},
    {"__getnewargs__($self, /)", float_getnewargs, nullptr},
    {"__getformat__($type, typestr, /)", float_getformat,
     "You probably don't want to use this function.", kMethClass},
    {nullptr}};

Ref<> float_get_real(Value self) { return float_exact(self); }
Ref<> float_get_imag(Value) { return float_new(0.0); }

const GetSetDef kFloatGetSets[] = {
    {"real", float_get_real, nullptr, "the real part of a complex number"},
    {"imag", float_get_imag, nullptr, "the imaginary part of a complex number"},
    {nullptr}};

}  // namespace

void float_install_methods(Type* t) {
  t->tp_new = float_tp_new;
  t->methods = kFloatMethods;
  t->getsets = kFloatGetSets;
  t->doc = "Convert a string or number to a floating point number, if possible.";
}

}  // namespace ftpy
