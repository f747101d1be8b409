// The unicodedata module: character names, numeric values and East Asian
// Width from the generated UCD tables (objects/unicode_names.h), character properties and
// normalization from utf8proc.
//
// unicodedata.ucd_3_2_0 (an instance of unicodedata.UCD) answers from the
// Unicode 3.2.0 database that stringprep and the idna codec need: the same
// functions, which see the UCD object as `self` and then apply the 3.2.0
// differences generated at build time by tools/gen_ucd32.py (assigned
// ranges, changed properties, normalization corrections).
//
// Thread safety: stateless; the name index is built once under call_once;
// the UCD type is readied once under call_once and its single instance is
// immortal, published before the module is.
#include "modules/unicodedata_module.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

#include "objects/bytearray.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/unicode_names.h"
#include "runtime/heap.h"

namespace ftpy {

namespace {

// The 3.2.0 differences (see tools/gen_ucd32.py).
struct Ucd32Change {
  uint32_t cp;
  const char* category;  // nullptr: as in the current database
  const char* bidi;
  const char* eaw;
  int8_t mirrored;  // -1: unchanged
  int8_t decimal;   // -2: unchanged, -1: none
};
struct Ucd32Norm {
  uint32_t cp;
  uint8_t compat;  // 0 NFD, 1 NFKD
  const char32_t* to;
};
#include "ucd32_data.inc"

Type g_ucd_type;

bool is_ucd(Value self) { return !self.is_null() && self.is_obj() && type_of(self) == &g_ucd_type; }

bool assigned32(uint32_t c) {
  auto it = std::upper_bound(std::begin(kUcd32Assigned), std::end(kUcd32Assigned), c,
                             [](uint32_t v, const uint32_t(&r)[2]) { return v < r[0]; });
  return it != std::begin(kUcd32Assigned) && c <= (*(it - 1))[1];
}

const Ucd32Change* change32(uint32_t c) {
  auto it = std::lower_bound(std::begin(kUcd32Changes), std::end(kUcd32Changes), c,
                             [](const Ucd32Change& e, uint32_t v) { return e.cp < v; });
  return it != std::end(kUcd32Changes) && it->cp == c ? it : nullptr;
}

const char32_t* norm32(uint32_t c, bool compat) {
  for (const Ucd32Norm& n : kUcd32Norms) {
    if (n.cp == c && n.compat == (compat ? 1 : 0)) return n.to;
  }
  return nullptr;
}

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

Ref<> ud_name(Value self, Value* args) {
  int64_t c = one_char("name", args[0], true);
  if (c < 0) return nullptr;
  std::string n;
  if (is_ucd(self) && !assigned32(static_cast<uint32_t>(c))) return default_or(args[1], "no such name");
  if (!unicode_char_name(static_cast<uint32_t>(c), &n)) return default_or(args[1], "no such name");
  return str_from_ascii(n);
}

// Whether `name` is an algorithmic CJK ideograph or Hangul syllable name,
// which CPython's 3.2.0 lookup accepts over the current ranges.
bool algorithmic_name(const std::string& name) {
  auto prefixed = [&](const char* p) {
    size_t n = std::strlen(p);
    if (name.size() < n) return false;
    for (size_t i = 0; i < n; i++) {
      char ch = name[i];
      if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 32);
      if (ch != p[i]) return false;
    }
    return true;
  };
  return prefixed("CJK UNIFIED IDEOGRAPH-") || prefixed("HANGUL SYLLABLE ");
}

Ref<> ud_lookup(Value self, Value* args) {
  // CPython takes str or a read-only bytes-like object ("s#").
  std::string name;
  if (is_str(args[0])) {
    name = str_utf8(args[0]);
  } else if (is_bytes(args[0])) {
    name = std::string(bytes_view(args[0]));
  } else if (is_bytearray(args[0])) {
    return err_set_str(g_TypeError, "lookup() argument must be read-only bytes-like object, not bytearray");
  } else {
    return err_format(g_TypeError, "a bytes-like object is required, not '%s'", type_name(type_of(args[0])));
  }
  bool ucd = is_ucd(self);
  // 3.2.0 has neither name aliases nor named sequences.
  int32_t cp = unicode_lookup_name(name, !ucd);
  if (cp >= 0 && ucd && !assigned32(static_cast<uint32_t>(cp)) && !algorithmic_name(name)) cp = -1;
  if (cp < 0) return err_format(g_KeyError, "undefined character name '%s'", name.c_str());
  return str_from_char(static_cast<uint32_t>(cp));
}

Ref<> ud_decimal(Value self, Value* args) {
  int64_t c = one_char("decimal", args[0], true);
  if (c < 0) return nullptr;
  uint32_t u = static_cast<uint32_t>(c);
  if (is_ucd(self)) {
    if (!assigned32(u)) return default_or(args[1], "not a decimal");
    const Ucd32Change* ch = change32(u);
    if (ch && ch->decimal != -2) return ch->decimal < 0 ? default_or(args[1], "not a decimal") : small_int(ch->decimal);
  }
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

Ref<> ud_numeric(Value self, Value* args) {
  int64_t c = one_char("numeric", args[0], true);
  if (c < 0) return nullptr;
  uint32_t u = static_cast<uint32_t>(c);
  if (is_ucd(self) && !assigned32(u)) return default_or(args[1], "not a numeric character");
  const UnicodeNumeric* n = unicode_numeric(static_cast<uint32_t>(c));
  if (!n) return default_or(args[1], "not a numeric character");
  // The table holds an integer or a fraction "p/q".
  char* end;
  double num = std::strtod(n->numeric, &end);
  if (*end == '/') num /= std::strtod(end + 1, nullptr);
  return float_new(num);
}

Ref<> ud_category(Value self, Value* args) {
  int64_t c = one_char("category", args[0]);
  if (c < 0) return nullptr;
  uint32_t u = static_cast<uint32_t>(c);
  if (is_ucd(self)) {
    if (!assigned32(u)) return str_from_ascii("Cn");
    const Ucd32Change* ch = change32(u);
    if (ch && ch->category) return str_from_ascii(ch->category);
  }
  return str_from_ascii(utf8proc_category_string(static_cast<utf8proc_int32_t>(c)));
}

Ref<> ud_bidirectional(Value self, Value* args) {
  int64_t c = one_char("bidirectional", args[0]);
  if (c < 0) return nullptr;
  uint32_t u = static_cast<uint32_t>(c);
  if (is_ucd(self)) {
    if (!assigned32(u)) return str_from_ascii("");
    const Ucd32Change* ch = change32(u);
    if (ch && ch->bidi) return str_from_ascii(ch->bidi);
  }
  // utf8proc's bidi class numbers, from 1 (L) on; 0 means unassigned.
  static const char* const kBidi[] = {"",   "L",  "LRE", "LRO", "R",  "AL",  "RLE", "RLO",
                                      "PDF", "EN", "ES",  "ET",  "AN", "CS",  "NSM", "BN",
                                      "B",  "S",  "WS",  "ON",  "LRI", "RLI", "FSI", "PDI"};
  int b = utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->bidi_class;
  return str_from_ascii(b >= 0 && b < 24 ? kBidi[b] : "");
}

Ref<> ud_combining(Value self, Value* args) {
  int64_t c = one_char("combining", args[0]);
  if (c < 0) return nullptr;
  uint32_t u = static_cast<uint32_t>(c);
  if (is_ucd(self) && !assigned32(u)) return small_int(0);
  return small_int(utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->combining_class);
}

Ref<> ud_mirrored(Value self, Value* args) {
  int64_t c = one_char("mirrored", args[0]);
  if (c < 0) return nullptr;
  uint32_t u = static_cast<uint32_t>(c);
  if (is_ucd(self)) {
    if (!assigned32(u)) return small_int(0);
    const Ucd32Change* ch = change32(u);
    if (ch && ch->mirrored >= 0) return small_int(ch->mirrored);
  }
  return small_int(utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->bidi_mirrored ? 1 : 0);
}

Ref<> ud_decomposition(Value self, Value* args) {
  int64_t c = one_char("decomposition", args[0]);
  if (c < 0) return nullptr;
  uint32_t u = static_cast<uint32_t>(c);
  if (is_ucd(self) && !assigned32(u)) return str_from_ascii("");
  return str_from_ascii(unicode_decomposition(static_cast<uint32_t>(c)));
}

Ref<> ud_east_asian_width(Value self, Value* args) {
  int64_t c = one_char("east_asian_width", args[0]);
  if (c < 0) return nullptr;
  uint32_t u = static_cast<uint32_t>(c);
  // CPython reads an unassigned 3.2.0 character's width as entry 0, "F".
  if (is_ucd(self)) {
    if (!assigned32(u)) return str_from_ascii("F");
    const Ucd32Change* ch = change32(u);
    if (ch && ch->eaw) return str_from_ascii(ch->eaw);
  }
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
// With `ucd32`, characters unassigned in 3.2.0 stay as they are and the
// normalization corrections since 3.2.0 are undone.
Ref<Str> normalized(Str* s, int options, bool ucd32 = false) {
  std::vector<utf8proc_int32_t> buf;
  buf.reserve(static_cast<size_t>(s->length) + 8);
  int boundclass = 0;
  for (int64_t i = 0; i < s->length; i++) {
    if (ucd32) {
      uint32_t c = s->at(i);
      if (!assigned32(c)) {
        buf.push_back(static_cast<utf8proc_int32_t>(c));
        continue;
      }
      if (const char32_t* to = norm32(c, (options & UTF8PROC_COMPAT) != 0)) {
        for (; *to; to++) buf.push_back(static_cast<utf8proc_int32_t>(*to));
        continue;
      }
    }
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

Ref<> ud_normalize(Value self, Value* args) {
  int o = form_options(args[0]);
  if (o < 0) return nullptr;
  if (!is_str(args[1]))
    return err_format(g_TypeError, "normalize() argument 2 must be str, not %s", type_name(type_of(args[1])));
  Str* s = args[1].as<Str>();
  if (s->ascii) return Ref<>::borrow(args[1]);  // ASCII is invariant under every form
  return normalized(s, o, is_ucd(self));
}

Ref<> ud_is_normalized(Value self, Value* args) {
  int o = form_options(args[0]);
  if (o < 0) return nullptr;
  if (!is_str(args[1]))
    return err_format(g_TypeError, "is_normalized() argument 2 must be str, not %s", type_name(type_of(args[1])));
  Str* s = args[1].as<Str>();
  if (s->ascii) return new_bool(true);
  Ref<Str> n = normalized(s, o, is_ucd(self));
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

// unicodedata.UCD: the methods see the UCD object as self.
const MethodDef kUcdMethods[] = {
    {"lookup($self, name, /)", ud_lookup, "Look up character by name."},
    {"name($self, chr, default=?, /)", ud_name, "Returns the name assigned to the character chr as a string."},
    {"decimal($self, chr, default=?, /)", ud_decimal, "Converts a Unicode character into its equivalent decimal value."},
    {"digit($self, chr, default=?, /)", ud_digit, "Converts a Unicode character into its equivalent digit value."},
    {"numeric($self, chr, default=?, /)", ud_numeric, "Converts a Unicode character into its equivalent numeric value."},
    {"category($self, chr, /)", ud_category, "Returns the general category assigned to the character chr as string."},
    {"bidirectional($self, chr, /)", ud_bidirectional,
     "Returns the bidirectional class assigned to the character chr as string."},
    {"combining($self, chr, /)", ud_combining, "Returns the canonical combining class assigned to the character chr."},
    {"decomposition($self, chr, /)", ud_decomposition,
     "Returns the character decomposition mapping assigned to the character chr as string."},
    {"east_asian_width($self, chr, /)", ud_east_asian_width,
     "Returns the east asian width assigned to the character chr as string."},
    {"mirrored($self, chr, /)", ud_mirrored, "Returns the mirrored property assigned to the character chr as integer."},
    {"normalize($self, form, unistr, /)", ud_normalize, "Return the normal form 'form' for the Unicode string unistr."},
    {"is_normalized($self, form, unistr, /)", ud_is_normalized,
     "Return whether the Unicode string unistr is in the normal form 'form'."},
    {nullptr}};

Ref<> ucd_version(Value) { return str_from_ascii("3.2.0"); }

const GetSetDef kUcdGetSets[] = {{"unidata_version", ucd_version, nullptr, nullptr}, {nullptr}};

Object* g_ucd_3_2_0;

Ref<> ucd_tp_new(Type* t, const Value*, size_t, Value) {
  return err_format(g_TypeError, "cannot create '%s' instances", t->name);
}

void ucd_init_once() {
  Type* t = &g_ucd_type;
  t->name = "unicodedata.UCD";
  t->basic_size = sizeof(Object);
  t->methods = kUcdMethods;
  t->getsets = kUcdGetSets;
  t->tp_new = ucd_tp_new;
  t->ob_type = &g_type_type;
  type_ready(t);
  g_ucd_3_2_0 = alloc_object<Object>(t);
  make_immortal(g_ucd_3_2_0);
}

}  // namespace

Ref<> unicodedata_module_create() {
  static std::once_flag once;
  std::call_once(once, ucd_init_once);
  Ref<> m = module_new("unicodedata");
  if (!m) return nullptr;
  if (dict_set_item_str(module_dict(m.val()), "UCD", Value(&g_ucd_type)) < 0 ||
      dict_set_item_str(module_dict(m.val()), "ucd_3_2_0", Value(g_ucd_3_2_0)) < 0)
    return nullptr;
  if (native_add_functions(m.val(), kUnicodedataFunctions) < 0) return nullptr;
  Ref<> v = str_from_ascii(unicode_names_version());
  if (!v || dict_set_item_str(module_dict(m.val()), "unidata_version", v.val()) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
