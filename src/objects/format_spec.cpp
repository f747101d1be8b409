// The format-specification mini-language (format_spec.h): parsing, padding,
// and the __format__ implementations of int, float, complex and str.
//
// Numbers are laid out in three pieces -- sign, prefix ("0x"), and the body
// (integer digits, then the rest: fraction, exponent, '%'). Grouping
// separators go into the integer digits only; with '0' fill and '='
// alignment the zero padding is grouped as well ('00,001,234'), as in CPython.
//
// Float digits come from glibc's printf, which rounds the exact binary value
// correctly (half-even on ties of the exact value); the layout rules of 'g',
// repr and the empty presentation type are applied here.
#include "objects/format_spec.h"

#include <gmp.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "objects/complex.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"

namespace ftpy {

namespace {

void append_utf8(std::string* out, uint32_t c) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

int64_t utf8_length(const std::string& s) {
  int64_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) n++;
  return n;
}

// The presentation type as text for messages ('x' or '\xe9').
std::string type_char_text(uint32_t t) {
  char buf[16];
  if (t > 32 && t < 128) std::snprintf(buf, sizeof buf, "%c", static_cast<char>(t));
  else std::snprintf(buf, sizeof buf, "\\x%x", t);
  return buf;
}

std::nullptr_t unknown_code(uint32_t type, const char* type_name) {
  if (type > 32 && type < 128)
    return err_format(g_ValueError, "Unknown format code '%c' for object of type '%s'", static_cast<char>(type),
                      type_name);
  return err_format(g_ValueError, "Unknown format code '\\x%x' for object of type '%s'", type, type_name);
}

bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// Reads decimal digits at *pos; -1 if none, -2 on overflow (error set).
int64_t read_number(Str* s, int64_t* pos) {
  int64_t start = *pos, v = 0;
  while (*pos < s->length) {
    uint32_t c = s->at(*pos);
    if (c < '0' || c > '9') break;
    if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, static_cast<int64_t>(c - '0'), &v)) {
      err_set_str(g_ValueError, "Too many decimal digits in format string");
      return -2;
    }
    (*pos)++;
  }
  return *pos == start ? -1 : v;
}

// Pads a number made of `lead` (sign + prefix) and `body`, honouring '='.
std::string pad_number(const FormatSpec& spec, const std::string& lead, const std::string& body) {
  char align = spec.align ? spec.align : (spec.zero_pad ? '=' : '>');
  int64_t len = utf8_length(lead) + utf8_length(body);
  if (spec.width <= len) return lead + body;
  int64_t pad = spec.width - len;
  std::string fill;
  append_utf8(&fill, spec.fill);
  auto rep = [&](int64_t n) {
    std::string r;
    r.reserve(static_cast<size_t>(n) * fill.size());
    for (int64_t i = 0; i < n; i++) r += fill;
    return r;
  };
  switch (align) {
    case '<': return lead + body + rep(pad);
    case '^': return rep(pad / 2) + lead + body + rep(pad - pad / 2);
    case '=': return lead + rep(pad) + body;
    default: return rep(pad) + lead + body;
  }
}

// Inserts `sep` every `n` digits of `digits` (from the right). With
// min_width > 0, pads with grouped zeros to at least that width.
std::string group_digits(const std::string& digits, char sep, int n, int64_t min_width) {
  std::string r;
  int count = 0;
  for (size_t i = digits.size(); i > 0; i--) {
    if (sep && count == n) {
      r.push_back(sep);
      count = 0;
    }
    r.push_back(digits[i - 1]);
    count++;
  }
  while (static_cast<int64_t>(r.size()) < min_width) {
    if (sep && count == n) {
      r.push_back(sep);
      count = 0;
    }
    r.push_back('0');
    count++;
  }
  return std::string(r.rbegin(), r.rend());
}

// Lays out sign + prefix + digits (grouped) + rest with the spec's padding.
std::string layout_number(const FormatSpec& spec, bool negative, const std::string& prefix,
                          const std::string& digits, const std::string& rest, int group_size) {
  std::string lead;
  if (negative) lead = "-";
  else if (spec.sign == '+') lead = "+";
  else if (spec.sign == ' ') lead = " ";
  lead += prefix;
  char align = spec.align ? spec.align : (spec.zero_pad ? '=' : '>');
  std::string grouped;
  bool all_digits = !digits.empty() && digits.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
  if (spec.grouping && all_digits) {
    int64_t min_width = 0;
    if (spec.fill == '0' && align == '=') min_width = spec.width - static_cast<int64_t>(lead.size() + rest.size());
    grouped = group_digits(digits, spec.grouping, group_size, min_width);
  } else {
    grouped = digits;
  }
  return pad_number(spec, lead, grouped + rest);
}

Ref<> make_str(const std::string& s) {
  return str_from_utf8(s);
}

// --- float digit generation ---------------------------------------------------------

// Digits and decimal exponent of |x| rounded to `ndigits` significant digits
// (x finite): x ~= 0.d1d2d3... * 10^decpt.
void sig_digits(double x, int ndigits, std::string* digits, int* decpt) {
  std::string buf(static_cast<size_t>(ndigits) + 32, '\0');
  int n = std::snprintf(buf.data(), buf.size(), "%.*e", ndigits - 1, std::fabs(x));
  buf.resize(static_cast<size_t>(n));
  size_t e = buf.find('e');
  digits->clear();
  for (size_t i = 0; i < e; i++)
    if (buf[i] != '.') digits->push_back(buf[i]);
  *decpt = std::atoi(buf.c_str() + e + 1) + 1;
}

std::string exp_suffix(int exp10) {
  char eb[16];
  std::snprintf(eb, sizeof eb, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
  return eb;
}

// Lays out `digits` with decimal point position `decpt` in fixed or
// exponent notation. `min_digits`: keep trailing zeros up to that many digits
// (alternate form of 'g'); `alt` forces a decimal point; `add_dot_0` adds
// ".0" to integral fixed results.
std::string layout_digits(std::string digits, int decpt, bool use_exp, bool alt, bool add_dot_0) {
  std::string out;
  if (use_exp) {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    else if (alt) out += ".";
    out += exp_suffix(decpt - 1);
    return out;
  }
  if (decpt <= 0) {
    out = "0." + std::string(static_cast<size_t>(-decpt), '0') + digits;
  } else if (decpt >= static_cast<int>(digits.size())) {
    out = digits + std::string(static_cast<size_t>(decpt) - digits.size(), '0');
    if (add_dot_0) out += ".0";
    else if (alt) out += ".";
  } else {
    out = digits.substr(0, static_cast<size_t>(decpt)) + "." + digits.substr(static_cast<size_t>(decpt));
  }
  return out;
}

void strip_zeros(std::string* digits) {
  while (digits->size() > 1 && digits->back() == '0') digits->pop_back();
}

// Formats |x| (finite) for presentation type `type` ('e', 'f', 'g', '%',
// 'r' = repr-like, 'G' style uppercase is applied by the caller).
std::string format_abs_double(double x, char type, int prec, bool alt, bool add_dot_0) {
  double a = std::fabs(x);
  // '%' keeps its sign after inf and nan too ("inf%"), as CPython.
  if (std::isinf(a)) return type == '%' ? "inf%" : "inf";
  if (std::isnan(a)) return type == '%' ? "nan%" : "nan";
  switch (type) {
    case 'f':
    case '%': {
      if (type == '%') a *= 100;
      int n = std::snprintf(nullptr, 0, alt ? "%#.*f" : "%.*f", prec, a);
      std::string buf(static_cast<size_t>(n) + 1, '\0');
      std::snprintf(buf.data(), buf.size(), alt ? "%#.*f" : "%.*f", prec, a);
      buf.resize(static_cast<size_t>(n));
      if (type == '%') buf += "%";
      return buf;
    }
    case 'e': {
      std::string buf(static_cast<size_t>(prec) + 32, '\0');
      int n = std::snprintf(buf.data(), buf.size(), alt ? "%#.*e" : "%.*e", prec, a);
      buf.resize(static_cast<size_t>(n));
      return buf;
    }
    case 'g': {
      if (prec == 0) prec = 1;
      std::string digits;
      int decpt;
      sig_digits(a, prec, &digits, &decpt);
      if (a == 0) decpt = 1;
      bool use_exp = decpt <= -4 || decpt > (add_dot_0 ? prec - 1 : prec);
      if (!alt) strip_zeros(&digits);
      return layout_digits(digits, decpt, use_exp, alt, add_dot_0 && !alt);
    }
    default: {  // 'r': shortest round-trip digits, repr's exponent rule
      std::string s = float_repr(a);
      if (!add_dot_0 && s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) {
        s.resize(s.size() - 2);
        if (alt) s += ".";
      } else if (alt && s.find('.') == std::string::npos) {
        size_t e = s.find('e');
        if (e != std::string::npos) s.insert(e, ".");
      }
      return s;
    }
  }
}

// Splits a formatted body into leading integer digits and the rest.
void split_int_part(const std::string& body, std::string* int_part, std::string* rest) {
  size_t i = 0;
  while (i < body.size() && body[i] >= '0' && body[i] <= '9') i++;
  *int_part = body.substr(0, i);
  *rest = body.substr(i);
}

bool all_zero_mantissa(const std::string& body) {
  for (char c : body) {
    if (c == 'e' || c == 'E' || c == '%') break;
    if (c >= '1' && c <= '9') return false;
  }
  return true;
}

struct FloatParts {
  bool negative;
  std::string int_part;
  std::string rest;
};

// Formats one double into its parts for the given (already normalised) type.
FloatParts float_parts(double x, uint32_t type, int prec, const FormatSpec& spec, bool add_dot_0) {
  bool upper = type == 'E' || type == 'F' || type == 'G';
  char t = static_cast<char>(type);
  if (t == 'E') t = 'e';
  else if (t == 'F') t = 'f';
  else if (t == 'G' || t == 'n') t = 'g';
  std::string body = format_abs_double(x, t, prec, spec.alternate, add_dot_0);
  if (upper)
    for (char& c : body) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  FloatParts p;
  p.negative = std::signbit(x) && !std::isnan(x);
  if (p.negative && spec.no_neg_zero && std::isfinite(x) && all_zero_mantissa(body)) p.negative = false;
  split_int_part(body, &p.int_part, &p.rest);
  return p;
}

}  // namespace

bool format_spec_parse(Str* spec, const char* type_name, FormatSpec* out) {
  *out = FormatSpec();
  int64_t n = spec->length, pos = 0;
  bool fill_given = false, align_given = false;
  if (n >= 2 && is_align(spec->at(1))) {
    out->fill = spec->at(0);
    out->align = static_cast<char>(spec->at(1));
    fill_given = align_given = true;
    pos = 2;
  } else if (n >= 1 && is_align(spec->at(0))) {
    out->align = static_cast<char>(spec->at(0));
    align_given = true;
    pos = 1;
  }
  if (pos < n && (spec->at(pos) == '+' || spec->at(pos) == '-' || spec->at(pos) == ' ')) {
    out->sign = static_cast<char>(spec->at(pos));
    pos++;
  }
  if (pos < n && spec->at(pos) == 'z') {
    out->no_neg_zero = true;
    pos++;
  }
  if (pos < n && spec->at(pos) == '#') {
    out->alternate = true;
    pos++;
  }
  if (!fill_given && pos < n && spec->at(pos) == '0') {
    out->fill = '0';
    out->zero_pad = !align_given;
    pos++;
  }
  int64_t w = read_number(spec, &pos);
  if (w == -2) return false;
  out->width = w;
  if (pos < n && spec->at(pos) == ',') {
    out->grouping = ',';
    pos++;
    if (pos < n && spec->at(pos) == '_') {
      err_set_str(g_ValueError, "Cannot specify both ',' and '_'.");
      return false;
    }
  } else if (pos < n && spec->at(pos) == '_') {
    out->grouping = '_';
    pos++;
    if (pos < n && spec->at(pos) == ',') {
      err_set_str(g_ValueError, "Cannot specify both ',' and '_'.");
      return false;
    }
  }
  if (pos < n && spec->at(pos) == '.') {
    pos++;
    int64_t p = read_number(spec, &pos);
    if (p == -2) return false;
    if (p == -1) {
      err_set_str(g_ValueError, "Format specifier missing precision");
      return false;
    }
    out->precision = p;
  }
  if (n - pos > 1) {
    std::string s(str_view(spec));
    err_format(g_ValueError, "Invalid format specifier '%s' for object of type '%s'", s.c_str(), type_name);
    return false;
  }
  if (n - pos == 1) out->type = spec->at(pos);
  if (out->grouping && out->type) {
    switch (out->type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F':
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (out->grouping == '_') break;
        [[fallthrough]];
      default:
        err_format(g_ValueError, "Cannot specify '%c' with '%s'.", out->grouping, type_char_text(out->type).c_str());
        return false;
    }
  }
  return true;
}

Ref<> format_spec_pad(const FormatSpec& spec, const std::string& body, char default_align) {
  FormatSpec s = spec;
  if (!s.align) s.align = default_align;
  if (s.align == '=') s.align = '>';
  return make_str(pad_number(s, std::string(), body));
}

// --- int ---------------------------------------------------------------------------------

namespace {

std::string int_digits_base(Value v, int base, bool* negative) {
  if (v.is_small()) {
    int64_t i = v.small_value();
    *negative = i < 0;
    uint64_t a = i < 0 ? static_cast<uint64_t>(-(i + 1)) + 1 : static_cast<uint64_t>(i);
    char buf[80];
    auto r = std::to_chars(buf, buf + sizeof buf, a, base);
    return std::string(buf, r.ptr);
  }
  mpz_t z;
  mpz_init(z);
  int_to_mpz(v, z);
  *negative = mpz_sgn(z) < 0;
  mpz_abs(z, z);
  std::string s(mpz_sizeinbase(z, base) + 2, '\0');
  mpz_get_str(s.data(), base, z);
  s.resize(std::strlen(s.c_str()));
  mpz_clear(z);
  return s;
}

}  // namespace

Ref<> format_int(Value v, Str* spec) {
  if (spec->length == 0) return str(v);
  FormatSpec fs;
  if (!format_spec_parse(spec, "int", &fs)) return nullptr;
  uint32_t type = fs.type ? fs.type : 'd';
  switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      bool overflow;
      double d = int_as_double(v, &overflow);
      if (overflow) return err_set_str(g_OverflowError, "int too large to convert to float");
      Ref<> f = float_new(d);
      if (!f) return nullptr;
      return format_float(f.val(), spec);
    }
    case 'b': case 'c': case 'd': case 'n': case 'o': case 'x': case 'X':
      break;
    default:
      return unknown_code(type, type_name(type_of(v)));  // the actual type (bool, subclasses), as CPython
  }
  if (fs.precision >= 0) return err_set_str(g_ValueError, "Precision not allowed in integer format specifier");
  if (fs.no_neg_zero)
    return err_set_str(g_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
  if (type == 'c') {
    if (fs.sign) return err_set_str(g_ValueError, "Sign not allowed with integer format specifier 'c'");
    if (fs.alternate)
      return err_set_str(g_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
    int64_t c;
    if (!int_as_int64(v, &c)) return err_set_str(g_OverflowError, "Python int too large to convert to C long");
    if (c < 0 || c > 0x10FFFF) return err_set_str(g_OverflowError, "%c arg not in range(0x110000)");
    std::string body;
    append_utf8(&body, static_cast<uint32_t>(c));
    FormatSpec s = fs;
    if (!s.align) s.align = s.zero_pad ? '=' : '>';
    return make_str(pad_number(s, std::string(), body));
  }
  int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
  if (base == 10 && !v.is_small()) {
    int64_t limit = int_max_str_digits();
    if (limit > 0) {
      mpz_t z;
      mpz_init(z);
      int_to_mpz(v, z);
      size_t approx = mpz_sizeinbase(z, 10);
      mpz_clear(z);
      if (approx > static_cast<size_t>(limit) + 1) return int_str_limit_error();
    }
  }
  bool negative;
  std::string digits = int_digits_base(v, base, &negative);
  if (base == 10) {
    int64_t limit = int_max_str_digits();
    if (limit > 0 && static_cast<int64_t>(digits.size()) > limit) return int_str_limit_error();
  }
  if (type == 'X')
    for (char& ch : digits) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  std::string prefix;
  if (fs.alternate) {
    if (type == 'b') prefix = "0b";
    else if (type == 'o') prefix = "0o";
    else if (type == 'x') prefix = "0x";
    else if (type == 'X') prefix = "0X";
  }
  int group = base == 10 ? 3 : 4;
  return make_str(layout_number(fs, negative, prefix, digits, std::string(), group));
}

// --- float -------------------------------------------------------------------------------

Ref<> format_float(Value v, Str* spec) {
  if (spec->length == 0) return str(v);
  FormatSpec fs;
  if (!format_spec_parse(spec, "float", &fs)) return nullptr;
  double x = float_value(v);
  uint32_t type = fs.type;
  bool add_dot_0 = false;
  int prec = static_cast<int>(fs.precision);
  if (fs.precision > 0x7fffffff) return err_set_str(g_ValueError, "precision too big");
  switch (type) {
    case 0:
      add_dot_0 = true;
      type = fs.precision < 0 ? 'r' : 'g';
      break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
      if (prec < 0) prec = 6;
      break;
    case 'n':
      type = 'g';
      if (prec < 0) prec = 6;
      break;
    default:
      return unknown_code(type, type_name(type_of(v)));
  }
  FloatParts p = float_parts(x, type, prec, fs, add_dot_0);
  return make_str(layout_number(fs, p.negative, std::string(), p.int_part, p.rest, 3));
}

// --- complex ------------------------------------------------------------------------------

Ref<> format_complex(Value v, Str* spec) {
  if (spec->length == 0) return str(v);
  FormatSpec fs;
  if (!format_spec_parse(spec, "complex", &fs)) return nullptr;
  auto* c = v.as<Complex>();
  double re = c->real, im = c->imag;
  uint32_t type = fs.type;
  int prec = static_cast<int>(fs.precision);
  bool skip_re = false, parens = false;
  switch (type) {
    case 0:
      if (re == 0.0 && !std::signbit(re)) skip_re = true;
      else parens = true;
      type = fs.precision < 0 ? 'r' : 'g';
      break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
      if (prec < 0) prec = 6;
      break;
    case 'n':
      type = 'g';
      if (prec < 0) prec = 6;
      break;
    default:
      return unknown_code(type, type_name(type_of(v)));
  }
  if (fs.fill == '0')
    return err_set_str(g_ValueError, "Zero padding is not allowed in complex format specifier");
  if (fs.align == '=')
    return err_set_str(g_ValueError, "'=' alignment flag is not allowed in complex format specifier");
  FormatSpec part = fs;
  part.width = -1;
  part.align = '>';
  std::string body;
  if (!skip_re) {
    FloatParts rp = float_parts(re, type, prec, fs, false);
    body += layout_number(part, rp.negative, std::string(), rp.int_part, rp.rest, 3);
  }
  FloatParts ip = float_parts(im, type, prec, fs, false);
  if (!skip_re && !ip.negative) part.sign = '+';
  body += layout_number(part, ip.negative, std::string(), ip.int_part, ip.rest, 3);
  body += "j";
  if (parens) body = "(" + body + ")";
  FormatSpec outer = fs;
  outer.grouping = 0;
  outer.sign = 0;
  if (!outer.align) outer.align = '>';
  return make_str(pad_number(outer, std::string(), body));
}

// --- str -----------------------------------------------------------------------------------

Ref<> format_str(Value v, Str* spec) {
  if (spec->length == 0) return str(v);
  FormatSpec fs;
  if (!format_spec_parse(spec, "str", &fs)) return nullptr;
  if (fs.type && fs.type != 's') return unknown_code(fs.type, type_name(type_of(v)));
  if (fs.grouping) return err_format(g_ValueError, "Cannot specify '%c' with 's'.", fs.grouping);
  if (fs.sign) return err_set_str(g_ValueError, "Sign not allowed in string format specifier");
  if (fs.no_neg_zero)
    return err_set_str(g_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
  if (fs.alternate) return err_set_str(g_ValueError, "Alternate form (#) not allowed in string format specifier");
  if (fs.align == '=') return err_set_str(g_ValueError, "'=' alignment not allowed in string format specifier");
  Str* s = v.as<Str>();
  int64_t len = s->length;
  if (fs.precision >= 0 && fs.precision < len) len = fs.precision;
  if (len == s->length && fs.width <= len) return str(v);
  std::string_view all = str_view(s);
  // Cut at the len-th code point of the UTF-8 view.
  size_t cut = all.size();
  if (len < s->length) {
    int64_t seen = 0;
    for (size_t i = 0; i < all.size(); i++) {
      if ((static_cast<unsigned char>(all[i]) & 0xC0) != 0x80) {
        if (seen == len) {
          cut = i;
          break;
        }
        seen++;
      }
    }
  }
  return format_spec_pad(fs, std::string(all.substr(0, cut)), '<');
}

}  // namespace ftpy
