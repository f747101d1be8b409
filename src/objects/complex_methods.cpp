// complex: the constructor (numbers, __complex__, strings such as "1+2j" and
// "(1-2j)") and the Python-visible methods. The core (repr, hash,
// arithmetic) is in complex.cpp.
//
// Thread safety: complex numbers are immutable.
#include <cmath>
#include <cstring>
#include <string>

#include "objects/complex.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/format_spec.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"

namespace ftpy {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Length of the longest float literal (with optional sign) at s[i:], 0 if none.
size_t scan_float(std::string_view s, size_t i) {
  size_t start = i;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) i++;
  auto word = [&](const char* w) {
    size_t n = std::strlen(w);
    if (s.size() - i < n) return false;
    for (size_t k = 0; k < n; k++)
      if ((s[i + k] | 0x20) != w[k]) return false;
    return true;
  };
  if (word("infinity")) return i + 8 - start;
  if (word("inf") || word("nan")) return i + 3 - start;
  // Digits (underscores only between digits), fraction, exponent.
  auto digits = [&]() {
    size_t n = 0;
    while (i < s.size()) {
      if (is_digit(s[i])) {
        i++;
        n++;
      } else if (s[i] == '_' && n > 0 && i + 1 < s.size() && is_digit(s[i + 1])) {
        i++;
      } else {
        break;
      }
    }
    return n;
  };
  size_t nint = digits(), nfrac = 0;
  if (i < s.size() && s[i] == '.') {
    i++;
    nfrac = digits();
  }
  if (nint == 0 && nfrac == 0) return 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t save = i;
    i++;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) i++;
    if (digits() == 0) i = save;
  }
  return i - start;
}

bool parse_part(std::string_view s, double* out) { return float_parse(s, out); }

std::string_view strip_ws(std::string_view s) {
  auto ws = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  size_t b = 0, e = s.size();
  while (b < e && ws(s[b])) b++;
  while (e > b && ws(s[e - 1])) e--;
  return s.substr(b, e - b);
}

bool complex_parse(std::string_view text, double* re, double* im) {
  std::string_view s = strip_ws(text);
  if (!s.empty() && s.front() == '(') {
    if (s.size() < 2 || s.back() != ')') return false;
    s = strip_ws(s.substr(1, s.size() - 2));
  }
  if (s.empty()) return false;
  auto is_j = [](char c) { return c == 'j' || c == 'J'; };
  *re = 0.0;
  *im = 0.0;
  size_t n1 = scan_float(s, 0);
  if (n1 == 0) {
    // "j", "+j", "-j"
    size_t i = 0;
    bool neg = false;
    if (s[0] == '+' || s[0] == '-') {
      neg = s[0] == '-';
      i = 1;
    }
    if (i + 1 == s.size() && is_j(s[i])) {
      *im = neg ? -1.0 : 1.0;
      return true;
    }
    return false;
  }
  double first;
  if (!parse_part(s.substr(0, n1), &first)) return false;
  if (n1 == s.size()) {
    *re = first;
    return true;
  }
  if (is_j(s[n1]) && n1 + 1 == s.size()) {
    *im = first;
    return true;
  }
  if (s[n1] != '+' && s[n1] != '-') return false;
  *re = first;
  size_t n2 = scan_float(s, n1);
  if (n2 == 0) {
    if (n1 + 2 == s.size() && is_j(s[n1 + 1])) {
      *im = s[n1] == '-' ? -1.0 : 1.0;
      return true;
    }
    return false;
  }
  if (n1 + n2 + 1 != s.size() || !is_j(s[n1 + n2])) return false;
  return parse_part(s.substr(n1, n2), im);
}

Ref<> complex_of_type(Type* type, double re, double im) {
  if (type == &g_complex_type) return complex_new(re, im);
  auto* c = alloc_object<Complex>(type, type->basic_size);
  if (!c) return nullptr;
  c->real = re;
  c->imag = im;
  return Ref<>::steal(Value(c));
}

bool is_real_number(Value v) {
  Type* t = type_of(v);
  return is_int(v) || is_float(v) || t->nb_float || t->nb_index;
}

// Calls v.__complex__() if its type defines it: 1 done, 0 no such method, -1 error.
int try_dunder_complex(Value v, double* re, double* im) {
  Value m = type_lookup(type_of(v), Value(ids::dunder_complex));
  if (m.is_null()) return 0;
  Ref<> r = call1(m, v);
  if (!r) return -1;
  if (!is_complex(r.val())) {
    err_format(g_TypeError, "__complex__ returned non-complex (type %s)", type_name(type_of(r.val())));
    return -1;
  }
  *re = r.val().as<Complex>()->real;
  *im = r.val().as<Complex>()->imag;
  return 1;
}

Ref<> complex_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  size_t nkw = kwnames.is_null() ? 0 : static_cast<size_t>(tuple_size(kwnames));
  if (nargs + nkw > 2)
    return err_format(g_TypeError, "complex() takes at most 2 arguments (%zu given)", nargs + nkw);
  Value r = nargs > 0 ? args[0] : Value();
  Value i = nargs > 1 ? args[1] : Value();
  for (size_t k = 0; k < nkw; k++) {
    std::string_view name = str_view(tuple_item(kwnames, static_cast<int64_t>(k)));
    Value v = args[nargs + k];
    if (name == "real" && r.is_null()) {
      r = v;
    } else if (name == "imag" && i.is_null()) {
      i = v;
    } else if (name == "real" || name == "imag") {
      return err_format(g_TypeError, "argument for complex() given by name ('%s') and position (%d)",
                        std::string(name).c_str(), name == "real" ? 1 : 2);
    } else {
      return err_format(g_TypeError, "'%s' is an invalid keyword argument for complex()", std::string(name).c_str());
    }
  }
  if (r.is_null()) r = Value::small(0);
  if (is_str(r)) {
    if (!i.is_null()) return err_set_str(g_TypeError, "complex() can't take second arg if first is a string");
    std::string text;
    if (!number_text(r, &text)) return nullptr;
    double re, im;
    if (!complex_parse(text, &re, &im)) return err_set_str(g_ValueError, "complex() arg is a malformed string");
    return complex_of_type(type, re, im);
  }
  if (!i.is_null() && is_str(i)) return err_set_str(g_TypeError, "complex() second arg can't be a string");
  if (i.is_null() && type == &g_complex_type && type_of(r) == &g_complex_type) return Ref<>::borrow(r);

  double cr_re = 0, cr_im = 0;
  bool cr_complex = false;
  int d = try_dunder_complex(r, &cr_re, &cr_im);
  if (d < 0) return nullptr;
  if (d > 0) {
    cr_complex = true;
  } else if (is_complex(r)) {
    cr_re = r.as<Complex>()->real;
    cr_im = r.as<Complex>()->imag;
    cr_complex = true;
  } else if (is_real_number(r)) {
    if (!to_double(r, &cr_re)) return nullptr;
  } else {
    return err_format(g_TypeError, "complex() first argument must be a string or a number, not '%s'",
                      type_tp_name(type_of(r)));
  }
  double ci_re = 0, ci_im = 0;
  bool ci_complex = false;
  if (!i.is_null()) {
    if (is_complex(i)) {
      ci_re = i.as<Complex>()->real;
      ci_im = i.as<Complex>()->imag;
      ci_complex = true;
    } else if (is_real_number(i)) {
      if (!to_double(i, &ci_re)) return nullptr;
    } else {
      return err_format(g_TypeError, "complex() second argument must be a number, not '%s'",
                        type_name(type_of(i)));
    }
  }
  double re = cr_re, im;
  if (ci_complex) re -= ci_im;
  if (i.is_null()) {
    im = cr_complex ? cr_im : 0.0;
  } else {
    im = ci_re;
    if (cr_complex) im += cr_im;
  }
  return complex_of_type(type, re, im);
}

// --- methods --------------------------------------------------------------------------------

Ref<> complex_conjugate(Value self, Value*) {
  auto* c = self.as<Complex>();
  return complex_new(c->real, -c->imag);
}

Ref<> complex_dunder_complex(Value self, Value*) {
  if (type_of(self) == &g_complex_type) return Ref<>::borrow(self);
  auto* c = self.as<Complex>();
  return complex_new(c->real, c->imag);
}

Ref<> complex_format_m(Value self, Value* args) {
  if (!is_str(args[0]))
    return err_format(g_TypeError, "__format__() argument must be str, not %s", type_name(type_of(args[0])));
  return format_complex(self, args[0].as<Str>());
}

Ref<> complex_getnewargs(Value self, Value*) {
  auto* c = self.as<Complex>();
  Ref<> re = float_new(c->real), im = float_new(c->imag);
  if (!re || !im) return nullptr;
  return tuple_pack({re.val(), im.val()});
}

const MethodDef kComplexMethods[] = {
    {"conjugate($self, /)", complex_conjugate, "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
    {"__complex__($self, /)", complex_dunder_complex, "Convert complex to a complex."},
    {"__format__($self, format_spec, /)", complex_format_m, "Convert to a string according to format_spec."},
    {"__getnewargs__($self, /)", complex_getnewargs, nullptr},
    {nullptr}};

Ref<> complex_get_real(Value self) { return float_new(self.as<Complex>()->real); }
Ref<> complex_get_imag(Value self) { return float_new(self.as<Complex>()->imag); }

const GetSetDef kComplexGetSets[] = {
    {"real", complex_get_real, nullptr, "the real part of a complex number"},
    {"imag", complex_get_imag, nullptr, "the imaginary part of a complex number"},
    {nullptr}};

}  // namespace

void complex_install_methods(Type* t) {
  t->tp_new = complex_tp_new;
  t->methods = kComplexMethods;
  t->getsets = kComplexGetSets;
  t->doc =
      "Create a complex number from a real part and an optional imaginary part.\n\nThis is equivalent to (real + "
      "imag*1j) where imag defaults to 0.";
}

void complex_module_init() {
  if (!g_complex_type.name) complex_type_init_core();
  type_ready(&g_complex_type);
}

}  // namespace ftpy
