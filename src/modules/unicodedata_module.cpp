// The unicodedata module: character names, numeric values and East Asian
// Width from the generated UCD tables (objects/unicode_names.h), character properties and
// normalization from utf8proc.
//
// Thread safety: stateless; the name index is built once under call_once.
#include "modules/unicodedata_module.h"

#include <utf8proc.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/unicode_names.h"

namespace ftpy {

namespace {

// The single character of `v`, or -1 with TypeError in CPython's wording:
// functions that also take a default say "argument 1", the others "argument".
int64_t one_char(const char* fn, Value v, bool numbered = false) {
  const char* arg = numbered ? "argument 1" : "argument";
  if (!is_str(v) || v.as<Str>()->length != 1) {
    err_format(g_TypeError, "%s() %s must be a unicode character, not %s", fn, arg, type_name(type_of(v)));
    return -1;
  }
  return v.as<Str>()->at(0);
}

// Return `deflt` if given, else raise ValueError(msg).
Ref<> default_or(Value deflt, const char* msg) {
  if (!deflt.is_null()) return Ref<>::borrow(deflt);
  return err_set_str(g_ValueError, msg);
}

Ref<> ud_name(Value, Value* args) {
  int64_t c = one_char("name", args[0], true);
  if (c < 0) return nullptr;
  std::string n;
  if (!unicode_char_name(static_cast<uint32_t>(c), &n)) return default_or(args[1], "no such name");
  return str_from_ascii(n);
}

Ref<> ud_lookup(Value, Value* args) {
  if (!is_str(args[0]))
    return err_format(g_TypeError, "lookup() argument must be str, not %s", type_name(type_of(args[0])));
  std::string name = str_utf8(args[0]);
  int32_t cp = unicode_lookup_name(name, true);
  if (cp < 0) return err_format(g_KeyError, "undefined character name '%s'", name.c_str());
  return str_from_char(static_cast<uint32_t>(cp));
}

Ref<> ud_decimal(Value, Value* args) {
  int64_t c = one_char("decimal", args[0], true);
  if (c < 0) return nullptr;
  const UnicodeNumeric* n = unicode_numeric(static_cast<uint32_t>(c));
  if (!n || n->decimal < 0) return default_or(args[1], "not a decimal");
  return small_int(n->decimal);
}

Ref<> ud_digit(Value, Value* args) {
  int64_t c = one_char("digit", args[0], true);
  if (c < 0) return nullptr;
  const UnicodeNumeric* n = unicode_numeric(static_cast<uint32_t>(c));
  if (!n || n->digit < 0) return default_or(args[1], "not a digit");
  return small_int(n->digit);
}

Ref<> ud_numeric(Value, Value* args) {
  int64_t c = one_char("numeric", args[0], true);
  if (c < 0) return nullptr;
  const UnicodeNumeric* n = unicode_numeric(static_cast<uint32_t>(c));
  if (!n) return default_or(args[1], "not a numeric character");
  // The table holds an integer or a fraction "p/q".
  char* end;
  double num = std::strtod(n->numeric, &end);
  if (*end == '/') num /= std::strtod(end + 1, nullptr);
  return float_new(num);
}

Ref<> ud_category(Value, Value* args) {
  int64_t c = one_char("category", args[0]);
  if (c < 0) return nullptr;
  return str_from_ascii(utf8proc_category_string(static_cast<utf8proc_int32_t>(c)));
}

Ref<> ud_bidirectional(Value, Value* args) {
  int64_t c = one_char("bidirectional", args[0]);
  if (c < 0) return nullptr;
  // utf8proc's bidi class numbers, from 1 (L) on; 0 means unassigned.
  static const char* const kBidi[] = {"",   "L",  "LRE", "LRO", "R",  "AL",  "RLE", "RLO",
                                      "PDF", "EN", "ES",  "ET",  "AN", "CS",  "NSM", "BN",
                                      "B",  "S",  "WS",  "ON",  "LRI", "RLI", "FSI", "PDI"};
  int b = utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->bidi_class;
  return str_from_ascii(b >= 0 && b < 24 ? kBidi[b] : "");
}

Ref<> ud_combining(Value, Value* args) {
  int64_t c = one_char("combining", args[0]);
  if (c < 0) return nullptr;
  return small_int(utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->combining_class);
}

Ref<> ud_mirrored(Value, Value* args) {
  int64_t c = one_char("mirrored", args[0]);
  if (c < 0) return nullptr;
  return small_int(utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->bidi_mirrored ? 1 : 0);
}

Ref<> ud_decomposition(Value, Value* args) {
  int64_t c = one_char("decomposition", args[0]);
  if (c < 0) return nullptr;
  return str_from_ascii(unicode_decomposition(static_cast<uint32_t>(c)));
}

Ref<> ud_east_asian_width(Value, Value* args) {
  int64_t c = one_char("east_asian_width", args[0]);
  if (c < 0) return nullptr;
  return str_from_ascii(unicode_east_asian_width(static_cast<uint32_t>(c)));
}

// utf8proc options for a normalization form name; 0 if invalid.
int form_options(Value form) {
  if (!is_str(form)) {
    err_format(g_TypeError, "normalize() argument 1 must be str, not %s", type_name(type_of(form)));
    return -1;
  }
  std::string_view f = str_view(form);
  int o = UTF8PROC_STABLE;
  if (f == "NFC") return o | UTF8PROC_COMPOSE;
  if (f == "NFD") return o | UTF8PROC_DECOMPOSE;
  if (f == "NFKC") return o | UTF8PROC_COMPOSE | UTF8PROC_COMPAT;
  if (f == "NFKD") return o | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT;
  err_set_str(g_ValueError, "invalid normalization form");
  return -1;
}

// Normalize code points: decompose each, then let utf8proc reorder and compose.
Ref<Str> normalized(Str* s, int options) {
  std::vector<utf8proc_int32_t> buf;
  buf.reserve(static_cast<size_t>(s->length) + 8);
  int boundclass = 0;
  for (int64_t i = 0; i < s->length; i++) {
    utf8proc_int32_t tmp[32];
    utf8proc_ssize_t n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(s->at(i)), tmp, 32,
                                                 static_cast<utf8proc_option_t>(options), &boundclass);
    if (n < 0 || n > 32) {
      buf.push_back(static_cast<utf8proc_int32_t>(s->at(i)));  // e.g. a lone surrogate: kept as is
      continue;
    }
    buf.insert(buf.end(), tmp, tmp + n);
  }
  // Canonical ordering (Unicode §3.11): within each run of combining marks,
  // a stable sort by combining class. utf8proc_decompose_char leaves it to
  // the caller and utf8proc_normalize_utf32 only composes, so "ẛ̣" (U+1E9B
  // U+0323) must be reordered here before NFC can compose s + dot below.
  auto ccc = [](utf8proc_int32_t c) { return utf8proc_get_property(c)->combining_class; };
  for (size_t i = 1; i < buf.size(); i++) {
    int ci = ccc(buf[i]);
    if (ci == 0) continue;
    for (size_t j = i; j > 0; j--) {
      int cp = ccc(buf[j - 1]);
      if (cp <= ci) break;  // class 0 stops the run, equal classes keep their order
      std::swap(buf[j - 1], buf[j]);
    }
  }
  utf8proc_ssize_t len = utf8proc_normalize_utf32(buf.data(), static_cast<utf8proc_ssize_t>(buf.size()),
                                                  static_cast<utf8proc_option_t>(options));
  if (len < 0) len = static_cast<utf8proc_ssize_t>(buf.size());
  return str_from_ucs4(reinterpret_cast<const uint32_t*>(buf.data()), len);
}

Ref<> ud_normalize(Value, Value* args) {
  int o = form_options(args[0]);
  if (o < 0) return nullptr;
  if (!is_str(args[1]))
    return err_format(g_TypeError, "normalize() argument 2 must be str, not %s", type_name(type_of(args[1])));
  Str* s = args[1].as<Str>();
  if (s->ascii) return Ref<>::borrow(args[1]);  // ASCII is invariant under every form
  return normalized(s, o);
}

Ref<> ud_is_normalized(Value, Value* args) {
  int o = form_options(args[0]);
  if (o < 0) return nullptr;
  if (!is_str(args[1]))
    return err_format(g_TypeError, "is_normalized() argument 2 must be str, not %s", type_name(type_of(args[1])));
  Str* s = args[1].as<Str>();
  if (s->ascii) return new_bool(true);
  Ref<Str> n = normalized(s, o);
  if (!n) return nullptr;
  return new_bool(str_equal(n.get(), s));
}

const MethodDef kUnicodedataFunctions[] = {
    {"lookup(name, /)", ud_lookup, "Look up character by name."},
    {"name(chr, default=?, /)", ud_name, "Returns the name assigned to the character chr as a string."},
    {"decimal(chr, default=?, /)", ud_decimal, "Converts a Unicode character into its equivalent decimal value."},
    {"digit(chr, default=?, /)", ud_digit, "Converts a Unicode character into its equivalent digit value."},
    {"numeric(chr, default=?, /)", ud_numeric, "Converts a Unicode character into its equivalent numeric value."},
    {"category(chr, /)", ud_category, "Returns the general category assigned to the character chr as string."},
    {"bidirectional(chr, /)", ud_bidirectional,
     "Returns the bidirectional class assigned to the character chr as string."},
    {"combining(chr, /)", ud_combining, "Returns the canonical combining class assigned to the character chr."},
    {"decomposition(chr, /)", ud_decomposition,
     "Returns the character decomposition mapping assigned to the character chr as string."},
    {"east_asian_width(chr, /)", ud_east_asian_width,
     "Returns the east asian width assigned to the character chr as string."},
    {"mirrored(chr, /)", ud_mirrored, "Returns the mirrored property assigned to the character chr as integer."},
    {"normalize(form, unistr, /)", ud_normalize, "Return the normal form 'form' for the Unicode string unistr."},
    {"is_normalized(form, unistr, /)", ud_is_normalized,
     "Return whether the Unicode string unistr is in the normal form 'form'."},
    {nullptr}};

}  // namespace

Ref<> unicodedata_module_create() {
  Ref<> m = module_new("unicodedata");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kUnicodedataFunctions) < 0) return nullptr;
  Ref<> v = str_from_ascii(unicode_names_version());
  if (!v || dict_set_item_str(module_dict(m.val()), "unidata_version", v.val()) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
