// str.format / format_map (the replacement-field language) and printf-style
// `%` formatting for str and bytes.
//
// Both work on code points: the % engine is shared by str and bytes by
// treating bytes as code points 0..255 and narrowing the result at the end.
// Pure functions of their arguments; arbitrary Python code runs through
// __format__/__str__/__repr__/__getitem__ of the arguments.
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include <gmp.h>

#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace ftpy {

namespace {

using U32 = std::u32string;

// --- str.format --------------------------------------------------------------------------

struct FormatState {
  Value args;     // tuple or null
  Value mapping;  // dict/mapping or null
  int auto_index = 0;  // next automatic index; -1 once manual numbering is used
  bool used_auto = false, used_manual = false;
};

Ref<> render(Str* fmt, int64_t begin, int64_t end, FormatState& st, int depth, U32* out);

bool all_digits(const U32& s) {
  if (s.empty()) return false;
  for (char32_t c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

Ref<> str_of(const U32& s) { return str_from_u32(s); }

Ref<> lookup_field(const U32& field, FormatState& st) {
  size_t i = 0;
  while (i < field.size() && field[i] != '.' && field[i] != '[') i++;
  U32 first = field.substr(0, i);
  Ref<> obj;
  if (first.empty() || all_digits(first)) {
    int64_t idx;
    if (first.empty()) {
      if (st.used_manual)
        return err_set_str(g_ValueError, "cannot switch from manual field specification to automatic field numbering");
      st.used_auto = true;
      idx = st.auto_index++;
    } else {
      if (st.used_auto)
        return err_set_str(g_ValueError, "cannot switch from automatic field numbering to manual field specification");
      st.used_manual = true;
      idx = 0;
      for (char32_t c : first) idx = idx * 10 + (c - '0');
    }
    if (st.args.is_null() || idx >= tuple_size(st.args)) {
      if (st.args.is_null()) return err_format(g_ValueError, "Format string contains positional fields");
      return err_format(g_IndexError, "Replacement index %lld out of range for positional args tuple",
                        static_cast<long long>(idx));
    }
    obj = Ref<>::borrow(tuple_item(st.args, idx));
  } else {
    Ref<> key = str_of(first);
    if (!key) return nullptr;
    if (st.mapping.is_null()) return err_set_object(g_KeyError, key.val());
    obj = getitem(st.mapping, key.val());
    if (!obj) return nullptr;
  }
  while (i < field.size()) {
    if (field[i] == '.') {
      size_t j = ++i;
      while (i < field.size() && field[i] != '.' && field[i] != '[') i++;
      if (i == j) return err_set_str(g_ValueError, "Empty attribute in format string");
      Ref<> name = str_of(field.substr(j, i - j));
      if (!name) return nullptr;
      obj = getattr(obj.val(), name.val());
    } else if (field[i] == '[') {
      size_t j = ++i;
      while (i < field.size() && field[i] != ']') i++;
      if (i >= field.size()) return err_set_str(g_ValueError, "Missing ']' in format string");
      U32 k = field.substr(j, i - j);
      if (k.empty()) return err_set_str(g_ValueError, "Empty attribute in format string");
      i++;
      Ref<> key;
      if (all_digits(k)) {
        int64_t v = 0;
        for (char32_t c : k) v = v * 10 + (c - '0');
        key = small_int(v);
      } else {
        key = str_of(k);
      }
      if (!key) return nullptr;
      obj = getitem(obj.val(), key.val());
    } else {
      return err_set_str(g_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    }
    if (!obj) return nullptr;
  }
  return obj;
}

// The index of the '}' that closes the replacement field starting at
// fmt[b], or -1 with ValueError: CPython's parse_field, which reads the field
// name up to '!', ':' or '}' (a bracketed key runs to its ']' whatever it
// holds), then one conversion character, then a spec with nested braces. So
// "{0!}" is an unmatched '{' in the spec (the '}' was the conversion).
int64_t field_end(Str* fmt, int64_t b, int64_t end) {
  int64_t k = b;
  uint32_t c = 0;
  while (k < end) {
    c = fmt->at(k++);
    if (c == '{') {
      err_set_str(g_ValueError, "unexpected '{' in field name");
      return -1;
    }
    if (c == '[') {
      while (k < end && fmt->at(k) != ']') k++;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') break;
  }
  if (c == '!' || c == ':') {
    if (c == '!') {
      if (k >= end) {
        err_set_str(g_ValueError, "end of string while looking for conversion specifier");
        return -1;
      }
      k++;  // the conversion character
      if (k < end) {
        uint32_t d = fmt->at(k++);
        if (d == '}') return k - 1;
        if (d != ':') {
          err_set_str(g_ValueError, "expected ':' after conversion specifier");
          return -1;
        }
      }
    }
    int64_t count = 1;
    while (k < end) {
      uint32_t d = fmt->at(k++);
      if (d == '{') count++;
      else if (d == '}' && --count == 0) return k - 1;
    }
    err_set_str(g_ValueError, "unmatched '{' in format spec");
    return -1;
  }
  if (c != '}') {
    err_set_str(g_ValueError, "expected '}' before end of string");
    return -1;
  }
  return k - 1;
}

// Render one replacement field whose text (without braces) is fmt[b:e).
bool render_field(Str* fmt, int64_t b, int64_t e, FormatState& st, int depth, U32* out) {
  // Split field_name [!conv] [:spec]; brackets may contain ':' or '!'.
  int64_t i = b;
  bool in_bracket = false;
  while (i < e) {
    uint32_t c = fmt->at(i);
    if (c == '[') in_bracket = true;
    else if (c == ']') in_bracket = false;
    else if (!in_bracket && (c == '!' || c == ':')) break;
    i++;
  }
  U32 field;
  for (int64_t k = b; k < i; k++) field.push_back(fmt->at(k));
  uint32_t conv = 0;
  if (i < e && fmt->at(i) == '!') {
    if (i + 1 >= e) {
      err_set_str(g_ValueError, "end of string while looking for conversion specifier");
      return false;
    }
    conv = fmt->at(i + 1);
    i += 2;
    if (i < e && fmt->at(i) != ':') {
      err_set_str(g_ValueError, "expected ':' after conversion specifier");
      return false;
    }
  }
  // The field is looked up before the nested fields of its spec, so that
  // automatic numbering gives "{:.{}f}" the value first, then the precision.
  Ref<> obj = lookup_field(field, st);
  if (!obj) return false;
  Ref<> spec;
  if (i < e && fmt->at(i) == ':') {
    U32 sp;
    bool nested = false;
    for (int64_t k = i + 1; k < e && !nested; k++) nested = fmt->at(k) == '{';
    if (nested) {
      // As CPython: only a spec holding a field is expanded, one level down,
      // and expanding at level 0 is the error.
      if (depth - 1 <= 0) {
        err_set_str(g_ValueError, "Max string recursion exceeded");
        return false;
      }
      Ref<> r = render(fmt, i + 1, e, st, depth - 1, &sp);
      if (!r) return false;
    } else {
      for (int64_t k = i + 1; k < e; k++) sp.push_back(fmt->at(k));
    }
    spec = str_of(sp);
  } else {
    spec = Ref<>::borrow(str_empty());
  }
  if (!spec) return false;
  if (conv) {
    if (conv == 'r') obj = repr(obj.val());
    else if (conv == 's') obj = str(obj.val());
    else if (conv == 'a') obj = ascii(obj.val());
    else {
      char buf[16];
      std::string u;
      if (conv < 128) u.push_back(static_cast<char>(conv));
      else {
        std::snprintf(buf, sizeof buf, "\\x%02x", conv);
        u = buf;
      }
      err_format(g_ValueError, "Unknown conversion specifier %s", u.c_str());
      return false;
    }
    if (!obj) return false;
  }
  Ref<> r = format(obj.val(), spec.val());
  if (!r) return false;
  str_append_to(r.val().as<Str>(), out);
  return true;
}

Ref<> render(Str* fmt, int64_t begin, int64_t end, FormatState& st, int depth, U32* out) {
  int64_t i = begin;
  while (i < end) {
    uint32_t c = fmt->at(i);
    if (c == '{') {
      if (i + 1 < end && fmt->at(i + 1) == '{') {
        out->push_back('{');
        i += 2;
        continue;
      }
      int64_t j = field_end(fmt, i + 1, end);
      if (j < 0) return nullptr;
      if (!render_field(fmt, i + 1, j, st, depth, out)) return nullptr;
      i = j + 1;
    } else if (c == '}') {
      if (i + 1 < end && fmt->at(i + 1) == '}') {
        out->push_back('}');
        i += 2;
        continue;
      }
      return err_set_str(g_ValueError, "Single '}' encountered in format string");
    } else {
      out->push_back(c);
      i++;
    }
  }
  return Ref<>::borrow(none());
}

}  // namespace

Ref<> str_format_impl(Str* fmt, Value args_tuple, Value mapping) {
  // A lone '{' at the very end is "Single '{'" in CPython.
  if (fmt->length && fmt->at(fmt->length - 1) == '{') {
    int64_t k = fmt->length - 1, run = 0;
    while (k >= 0 && fmt->at(k) == '{') {
      run++;
      k--;
    }
    if (run % 2) return err_set_str(g_ValueError, "Single '{' encountered in format string");
  }
  FormatState st;
  st.args = args_tuple;
  st.mapping = mapping;
  U32 out;
  out.reserve(fmt->length);
  if (!render(fmt, 0, fmt->length, st, 2, &out)) return nullptr;
  return str_from_u32(out);
}

// --- printf-style formatting ---------------------------------------------------------------

namespace {

struct Spec {
  bool left = false, plus = false, space = false, alt = false, zero = false;
  int64_t width = -1, prec = -1;
  uint32_t type = 0;
};

void pad_number(const Spec& sp, std::string sign, const std::string& prefix, const std::string& digits, U32* out) {
  std::string body = sign + prefix;
  int64_t len = static_cast<int64_t>(body.size() + digits.size());
  int64_t fill = sp.width > len ? sp.width - len : 0;
  if (sp.left) {
    for (char c : body) out->push_back(static_cast<uint8_t>(c));
    for (char c : digits) out->push_back(static_cast<uint8_t>(c));
    out->append(fill, U' ');
  } else if (sp.zero) {
    for (char c : body) out->push_back(static_cast<uint8_t>(c));
    out->append(fill, U'0');
    for (char c : digits) out->push_back(static_cast<uint8_t>(c));
  } else {
    out->append(fill, U' ');
    for (char c : body) out->push_back(static_cast<uint8_t>(c));
    for (char c : digits) out->push_back(static_cast<uint8_t>(c));
  }
}

void pad_text(const Spec& sp, const U32& text, U32* out) {
  U32 t = text;
  if (sp.prec >= 0 && static_cast<int64_t>(t.size()) > sp.prec) t.resize(sp.prec);
  int64_t fill = sp.width > static_cast<int64_t>(t.size()) ? sp.width - static_cast<int64_t>(t.size()) : 0;
  if (!sp.left) out->append(fill, U' ');
  out->append(t);
  if (sp.left) out->append(fill, U' ');
}

bool format_integer(const Spec& sp, Value v, U32* out) {
  mpz_t z;
  mpz_init(z);
  int_to_mpz(v, z);
  bool neg = mpz_sgn(z) < 0;
  mpz_abs(z, z);
  int base = (sp.type == 'x' || sp.type == 'X') ? 16 : sp.type == 'o' ? 8 : 10;
  std::vector<char> buf(mpz_sizeinbase(z, base) + 2);
  mpz_get_str(buf.data(), base, z);
  mpz_clear(z);
  std::string digits(buf.data());
  if (base == 10) {
    // %d obeys sys.set_int_max_str_digits like str(int) does.
    int64_t limit = int_max_str_digits();
    if (limit > 0 && static_cast<int64_t>(digits.size()) > limit) {
      int_str_limit_error();
      return false;
    }
  }
  if (sp.type == 'X')
    for (char& c : digits) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (sp.prec > static_cast<int64_t>(digits.size())) digits.insert(0, sp.prec - digits.size(), '0');
  std::string prefix;
  if (sp.alt) {
    if (sp.type == 'x') prefix = "0x";
    else if (sp.type == 'X') prefix = "0X";
    else if (sp.type == 'o') prefix = "0o";
  }
  std::string sign = neg ? "-" : sp.plus ? "+" : sp.space ? " " : "";
  pad_number(sp, sign, prefix, digits, out);
  return true;
}

bool format_double(const Spec& sp, double d, U32* out) {
  int prec = sp.prec < 0 ? 6 : static_cast<int>(sp.prec > 300 ? 300 : sp.prec);
  char fmtbuf[16];
  std::snprintf(fmtbuf, sizeof fmtbuf, "%%%s.*%c", sp.alt ? "#" : "", static_cast<char>(sp.type));
  bool neg = std::signbit(d) && !std::isnan(d);
  std::vector<char> buf(512 + (std::fabs(d) > 1e300 ? 0 : 0) + prec);
  // The magnitude only: the sign is added below (and a NaN's sign bit, which
  // glibc would print as "-nan", is not shown, as in CPython).
  double mag = std::fabs(d);
  int n = std::snprintf(buf.data(), buf.size(), fmtbuf, prec, mag);
  if (n >= static_cast<int>(buf.size())) {
    buf.resize(n + 1);
    std::snprintf(buf.data(), buf.size(), fmtbuf, prec, mag);
  }
  std::string digits(buf.data());
  std::string sign = neg ? "-" : sp.plus ? "+" : sp.space ? " " : "";
  // '0' pads inf and nan too ('%010f' % inf is '0000000inf'), as in CPython.
  pad_number(sp, sign, "", digits, out);
  return true;
}

// The engine. `is_bytes` selects the bytes rules (%b, %s of buffers, %c of bytes).
bool percent_format(const U32& fmt, Value args, bool bytes_mode, U32* out) {
  bool tuple_args = is_tuple(args);
  int64_t nargs = tuple_args ? tuple_size(args) : 1;
  int64_t argi = 0;
  Value dict;
  if (!tuple_args && !is_str(args) && !is_bytes_like(args) &&
      !type_lookup(type_of(args), Value(str_intern("__getitem__"))).is_null())
    dict = args;
  bool used_dict = false;
  auto next_arg = [&](Value* v) -> bool {
    if (argi >= nargs) {
      err_set_str(g_TypeError, "not enough arguments for format string");
      return false;
    }
    *v = tuple_args ? tuple_item(args, argi) : args;
    argi++;
    return true;
  };
  size_t i = 0, n = fmt.size();
  std::vector<Ref<>> keep;
  while (i < n) {
    char32_t c = fmt[i];
    if (c != '%') {
      out->push_back(c);
      i++;
      continue;
    }
    size_t start = i;
    i++;
    if (i >= n) {
      err_set_str(g_ValueError, "incomplete format");
      return false;
    }
    Value arg;
    bool have_arg = false;
    if (fmt[i] == '(') {
      if (dict.is_null()) {
        err_set_str(g_TypeError, "format requires a mapping");
        return false;
      }
      size_t j = ++i;
      int level = 1;
      while (i < n && level) {
        if (fmt[i] == '(') level++;
        else if (fmt[i] == ')') level--;
        if (level) i++;
      }
      if (i >= n) {
        err_set_str(g_ValueError, "incomplete format key");
        return false;
      }
      U32 k = fmt.substr(j, i - j);
      i++;
      Ref<> key;
      if (bytes_mode) {
        std::string kb;
        for (char32_t ch : k) kb.push_back(static_cast<char>(ch));
        key = bytes_from(kb);
      } else {
        key = str_from_u32(k);
      }
      if (!key) return false;
      Ref<> v = getitem(dict, key.val());
      if (!v) return false;
      arg = v.val();
      keep.push_back(std::move(v));
      have_arg = true;
      used_dict = true;
      // As in CPython, a keyed conversion uses up the positional argument
      // (the mapping itself): "%(a)s %s" % d is "not enough arguments",
      // while "%s %(a)s" % d formats d, then d['a'].
      argi = nargs;
    }
    Spec sp;
    for (; i < n; i++) {
      char32_t f = fmt[i];
      if (f == '-') sp.left = true;
      else if (f == '+') sp.plus = true;
      else if (f == ' ') sp.space = true;
      else if (f == '#') sp.alt = true;
      else if (f == '0') sp.zero = true;
      else break;
    }
    auto read_num = [&](int64_t* dst) -> bool {
      if (i < n && fmt[i] == '*') {
        i++;
        Value w;
        if (!next_arg(&w)) return false;
        if (!is_int(w)) {
          err_set_str(g_TypeError, "* wants int");
          return false;
        }
        if (!to_int64(w, dst)) return false;
        return true;
      }
      if (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
        int64_t v = 0;
        while (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
          v = v * 10 + (fmt[i] - '0');
          if (v > INT32_MAX) {
            err_set_str(g_ValueError, "width too big");
            return false;
          }
          i++;
        }
        *dst = v;
      }
      return true;
    };
    if (!read_num(&sp.width)) return false;
    if (sp.width < -1) {
      sp.left = true;
      sp.width = -sp.width;
    }
    if (i < n && fmt[i] == '.') {
      i++;
      sp.prec = 0;
      if (!read_num(&sp.prec)) return false;
    }
    while (i < n && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) i++;
    if (i >= n) {
      err_set_str(g_ValueError, "incomplete format");
      return false;
    }
    sp.type = fmt[i];
    size_t type_index = i;
    i++;
    if (sp.type == '%') {
      out->push_back('%');
      continue;
    }
    if (sp.left) sp.zero = false;
    if (!have_arg && !next_arg(&arg)) return false;
    switch (sp.type) {
      case 's':
      case 'r':
      case 'a':
      case 'b': {
        if (bytes_mode && (sp.type == 's' || sp.type == 'b')) {
          std::string b;
          if (!buffer_copy(arg, &b)) {
            Value m = type_lookup(type_of(arg), Value(str_intern("__bytes__")));
            Ref<> r;
            if (!m.is_null()) r = call_method(arg, "__bytes__", nullptr, 0);
            if (m.is_null() || (r && !is_bytes(r.val()))) {
              if (r) {
                err_format(g_TypeError, "__bytes__ returned non-bytes (type %s)", type_name(type_of(r.val())));
                return false;
              }
              err_format(g_TypeError,
                         "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
                         type_name(type_of(arg)));
              return false;
            }
            if (!r) return false;
            b.assign(bytes_view(r.val()));
          }
          U32 t;
          for (char ch : b) t.push_back(static_cast<uint8_t>(ch));
          pad_text(sp, t, out);
          break;
        }
        if (!bytes_mode && sp.type == 'b') goto unsupported;
        Ref<> r = sp.type == 's' ? str(arg) : (sp.type == 'r' && !bytes_mode) ? repr(arg) : ascii(arg);
        if (!r) return false;
        U32 t;
        str_append_to(r.val().as<Str>(), &t);
        pad_text(sp, t, out);
        break;
      }
      case 'd':
      case 'i':
      case 'u': {
        Ref<> iv;
        if (is_int(arg)) {
          iv = Ref<>::borrow(arg);
        } else if (is_float(arg) || type_of(arg)->nb_int || type_of(arg)->nb_index) {
          iv = number_int(arg);
          if (!iv) return false;
        } else {
          err_format(g_TypeError, "%%%c format: a real number is required, not %s", static_cast<char>(sp.type),
                     type_name(type_of(arg)));
          return false;
        }
        Spec s2 = sp;
        s2.type = 'd';
        if (!format_integer(s2, iv.val(), out)) return false;
        break;
      }
      case 'o':
      case 'x':
      case 'X': {
        if (!type_of(arg)->nb_index) {
          err_format(g_TypeError, "%%%c format: an integer is required, not %s", static_cast<char>(sp.type),
                     type_name(type_of(arg)));
          return false;
        }
        Ref<> iv = number_index(arg);
        if (!iv) return false;
        if (!format_integer(sp, iv.val(), out)) return false;
        break;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        double d;
        if (!is_float(arg) && !is_int(arg) && !type_of(arg)->nb_float && !type_of(arg)->nb_index) {
          err_format(g_TypeError, "must be real number, not %s", type_name(type_of(arg)));
          return false;
        }
        if (!to_double(arg, &d)) return false;
        format_double(sp, d, out);
        break;
      }
      case 'c': {
        uint32_t ch;
        if (bytes_mode) {
          std::string b;
          if (buffer_copy(arg, &b) && is_bytes(arg) && b.size() == 1) {
            ch = static_cast<uint8_t>(b[0]);
          } else if (is_int(arg)) {
            int64_t v;
            if (!int_as_int64(arg, &v) || v < 0 || v > 255) {
              err_set_str(g_OverflowError, "%c arg not in range(256)");
              return false;
            }
            ch = static_cast<uint32_t>(v);
          } else {
            err_set_str(g_TypeError, "%c requires an integer in range(256) or a single byte");
            return false;
          }
        } else if (is_str(arg)) {
          if (arg.as<Str>()->length != 1) {
            err_set_str(g_TypeError, "%c requires int or char");
            return false;
          }
          ch = arg.as<Str>()->at(0);
        } else if (is_int(arg)) {
          int64_t v;
          if (!int_as_int64(arg, &v) || v < 0 || v > 0x10FFFF) {
            err_set_str(g_OverflowError, "%c arg not in range(0x110000)");
            return false;
          }
          ch = static_cast<uint32_t>(v);
        } else {
          err_set_str(g_TypeError, "%c requires int or char");
          return false;
        }
        Spec s2 = sp;
        s2.prec = -1;
        pad_text(s2, U32(1, ch), out);
        break;
      }
      default:
      unsupported: {
        uint32_t t = sp.type;
        if (t < 128 && t >= 32)
          err_format(g_ValueError, "unsupported format character '%c' (0x%x) at index %zu", static_cast<char>(t), t,
                     type_index);
        else
          err_format(g_ValueError, "unsupported format character '?' (0x%x) at index %zu", t, type_index);
        (void)start;
        return false;
      }
    }
  }
  if (argi < nargs && !used_dict && dict.is_null()) {
    err_set_str(g_TypeError, bytes_mode ? "not all arguments converted during bytes formatting"
                                      : "not all arguments converted during string formatting");
    return false;
  }
  return true;
}

}  // namespace

Ref<> str_percent_format(Str* fmt, Value args) {
  U32 f, out;
  str_append_to(fmt, &f);
  out.reserve(f.size() + 16);
  if (!percent_format(f, args, false, &out)) return nullptr;
  return str_from_u32(out);
}

bool bytes_percent_format(const uint8_t* p, int64_t n, Value args, std::string* out) {
  U32 f(p, p + n), o;
  if (!percent_format(f, args, true, &o)) return false;
  out->clear();
  out->reserve(o.size());
  for (char32_t c : o) out->push_back(static_cast<char>(c));
  return true;
}

}  // namespace ftpy
