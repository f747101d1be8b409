// str core: construction, UTF-8 views, hashing, equality, interning, repr.
// The Python-visible method set lives in str_methods.cpp; formatting in
// str_format.cpp.
#include "objects/str.h"

#include <cstring>
#include <mutex>
#include <string>
#include <unordered_map>

#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "runtime/hash.h"
#include "runtime/heap.h"
#include "objects/unicode.h"
#include "objects/bytes.h"
#include "objects/codecs.h"
#include "objects/native.h"
#include "objects/slice.h"
#include "objects/tuple.h"
#include "objects/iterators.h"

namespace ftpy {

Type g_str_type;

namespace {

Str* g_latin1_chars[256];
Str* g_empty_str;

size_t str_alloc_size(int64_t n, int kind) {
  return sizeof(Str) + static_cast<size_t>(n + 1) * kind;
}

// Decode one UTF-8 sequence at p (len bytes remain). Accepts encoded surrogates
// (WTF-8) because the compiler produces them for "\udc80" literals. Returns the
// byte length consumed, or 0 if invalid.
int decode_utf8(const unsigned char* p, size_t len, uint32_t* out) {
  unsigned char c = p[0];
  if (c < 0x80) {
    *out = c;
    return 1;
  }
  int n;
  uint32_t cp;
  if ((c & 0xE0) == 0xC0) {
    n = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (len < static_cast<size_t>(n)) return 0;
  for (int i = 1; i < n; i++) {
    if ((p[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (p[i] & 0x3F);
  }
  // Reject overlong forms and out-of-range values.
  if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
    return 0;
  *out = cp;
  return n;
}

void encode_utf8(uint32_t c, std::string* out) {
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

void str_dealloc(Object* o) {
  Str* s = static_cast<Str*>(o);
  char* u = s->utf8.load(std::memory_order_acquire);
  if (u) heap_free(u);
  free_object(o);
}

}  // namespace

Ref<Str> str_new_raw(int64_t n, uint32_t max_char) {
  int kind = max_char < 256 ? 1 : max_char < 65536 ? 2 : 4;
  Str* s = alloc_object<Str>(&g_str_type, str_alloc_size(n, kind));
  if (!s) return nullptr;
  s->length = n;
  s->hash.store(-1, std::memory_order_relaxed);
  s->kind = static_cast<uint8_t>(kind);
  s->ascii = max_char < 128;
  s->utf8_length.store(s->ascii ? n : -1, std::memory_order_relaxed);
  return Ref<Str>::steal(s);
}

void str_set_char(Str* s, int64_t i, uint32_t c) {
  switch (s->kind) {
    case 1: s->data[i] = static_cast<uint8_t>(c); break;
    case 2: reinterpret_cast<uint16_t*>(s->data)[i] = static_cast<uint16_t>(c); break;
    default: reinterpret_cast<uint32_t*>(s->data)[i] = c; break;
  }
}

Ref<Str> str_from_ascii(std::string_view a) {
  if (a.empty() && g_empty_str) return Ref<Str>::borrow(g_empty_str);
  if (a.size() == 1 && g_latin1_chars[static_cast<unsigned char>(a[0])])
    return Ref<Str>::borrow(g_latin1_chars[static_cast<unsigned char>(a[0])]);
  Ref<Str> s = str_new_raw(static_cast<int64_t>(a.size()), 127);
  if (!s) return nullptr;
  if (!a.empty()) std::memcpy(s->data, a.data(), a.size());
  return s;
}

Ref<Str> str_from_latin1(const uint8_t* p, int64_t n) {
  uint32_t mx = 0;
  for (int64_t i = 0; i < n; i++) mx |= p[i];
  if (n == 1 && g_latin1_chars[p[0]]) return Ref<Str>::borrow(g_latin1_chars[p[0]]);
  Ref<Str> s = str_new_raw(n, mx);
  if (!s) return nullptr;
  if (n) std::memcpy(s->data, p, n);
  return s;
}

Ref<Str> str_from_ucs4(const uint32_t* p, int64_t n) {
  uint32_t mx = 0;
  for (int64_t i = 0; i < n; i++) mx = p[i] > mx ? p[i] : mx;
  if (n == 0 && g_empty_str) return Ref<Str>::borrow(g_empty_str);
  if (n == 1 && mx < 256 && g_latin1_chars[mx]) return Ref<Str>::borrow(g_latin1_chars[mx]);
  Ref<Str> s = str_new_raw(n, mx);
  if (!s) return nullptr;
  for (int64_t i = 0; i < n; i++) str_set_char(s.get(), i, p[i]);
  return s;
}

Ref<Str> str_from_utf8(std::string_view u) {
  const auto* p = reinterpret_cast<const unsigned char*>(u.data());
  size_t len = u.size();
  bool ascii = true;
  for (size_t i = 0; i < len; i++)
    if (p[i] >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii) return str_from_ascii(u);
  // First pass: validate, count and find the widest code point.
  int64_t n = 0;
  uint32_t mx = 0;
  for (size_t i = 0; i < len;) {
    uint32_t c;
    int k = decode_utf8(p + i, len - i, &c);
    if (!k) {
      return err_format(g_UnicodeDecodeError,
                        "'utf-8' codec can't decode byte 0x%02x in position %zu: invalid start byte",
                        p[i], i);
    }
    mx = c > mx ? c : mx;
    i += k;
    n++;
  }
  Ref<Str> s = str_new_raw(n, mx);
  if (!s) return nullptr;
  int64_t j = 0;
  for (size_t i = 0; i < len;) {
    uint32_t c;
    i += decode_utf8(p + i, len - i, &c);
    str_set_char(s.get(), j++, c);
  }
  return s;
}

std::string_view str_view(Str* s) {
  if (s->ascii) return {reinterpret_cast<const char*>(s->data), static_cast<size_t>(s->length)};
  char* u = s->utf8.load(std::memory_order_acquire);
  if (!u) {
    std::string tmp;
    tmp.reserve(s->length * 2);
    for (int64_t i = 0; i < s->length; i++) encode_utf8(s->at(i), &tmp);
    char* buf = static_cast<char*>(heap_alloc(tmp.size() + 1));
    if (!buf) std::abort();
    std::memcpy(buf, tmp.data(), tmp.size() + 1);
    // Every racing thread computes the same length, so a relaxed store before
    // the publishing CAS is enough; readers load it after acquiring `utf8`.
    s->utf8_length.store(static_cast<int64_t>(tmp.size()), std::memory_order_relaxed);
    char* expected = nullptr;
    if (s->utf8.compare_exchange_strong(expected, buf, std::memory_order_acq_rel)) {
      u = buf;
    } else {
      heap_free(buf);
      u = expected;
    }
  }
  return {u, static_cast<size_t>(s->utf8_length.load(std::memory_order_relaxed))};
}

bool str_utf8_strict(Str* s, std::string* out) {
  out->clear();
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (c >= 0xD800 && c <= 0xDFFF) {
      err_format(g_UnicodeEncodeError,
                 "'utf-8' codec can't encode character '\\u%04x' in position %lld: surrogates not allowed",
                 c, static_cast<long long>(i));
      return false;
    }
    encode_utf8(c, out);
  }
  return true;
}

int64_t str_hash(Str* s) {
  int64_t h = s->hash.load(std::memory_order_relaxed);
  if (h != -1) return h;
  // Hash the code points in their canonical width so equal strings of different
  // kinds cannot exist (kinds are minimal) and equal strings hash alike.
  h = static_cast<int64_t>(hash_bytes(s->data, static_cast<size_t>(s->length) * s->kind));
  if (h == -1) h = -2;
  s->hash.store(h, std::memory_order_relaxed);
  return h;
}

bool str_equal(Str* a, Str* b) {
  if (a == b) return true;
  if (a->length != b->length || a->kind != b->kind) return false;
  int64_t ha = a->hash.load(std::memory_order_relaxed), hb = b->hash.load(std::memory_order_relaxed);
  if (ha != -1 && hb != -1 && ha != hb) return false;
  return std::memcmp(a->data, b->data, static_cast<size_t>(a->length) * a->kind) == 0;
}

int str_compare(Str* a, Str* b) {
  int64_t n = a->length < b->length ? a->length : b->length;
  if (a->kind == 1 && b->kind == 1) {
    int c = std::memcmp(a->data, b->data, n);
    if (c) return c < 0 ? -1 : 1;
  } else {
    for (int64_t i = 0; i < n; i++) {
      uint32_t x = a->at(i), y = b->at(i);
      if (x != y) return x < y ? -1 : 1;
    }
  }
  return a->length < b->length ? -1 : a->length > b->length ? 1 : 0;
}

Ref<Str> str_concat(Str* a, Str* b) {
  if (a->length == 0) return Ref<Str>::borrow(b);
  if (b->length == 0) return Ref<Str>::borrow(a);
  int kind = a->kind > b->kind ? a->kind : b->kind;
  uint32_t mx = kind == 1 ? ((a->ascii && b->ascii) ? 127 : 255) : kind == 2 ? 0xFFFF : 0x10FFFF;
  Ref<Str> s = str_new_raw(a->length + b->length, mx);
  if (!s) return nullptr;
  if (a->kind == kind && b->kind == kind) {
    std::memcpy(s->data, a->data, a->length * kind);
    std::memcpy(s->data + a->length * kind, b->data, b->length * kind);
  } else {
    for (int64_t i = 0; i < a->length; i++) str_set_char(s.get(), i, a->at(i));
    for (int64_t i = 0; i < b->length; i++) str_set_char(s.get(), a->length + i, b->at(i));
  }
  return s;
}

Ref<Str> str_substring(Str* s, int64_t start, int64_t end) {
  if (start < 0) start = 0;
  if (end > s->length) end = s->length;
  if (start >= end) return Ref<Str>::borrow(g_empty_str);
  if (start == 0 && end == s->length) return Ref<Str>::borrow(s);
  int64_t n = end - start;
  if (n == 1) return str_from_char(s->at(start));
  // The slice of an ASCII string is ASCII; only wider sources need a scan
  // for the narrowest kind (one-byte sources only for the ASCII flag).
  uint32_t mx = 0;
  if (s->ascii) {
    mx = 127;
  } else if (s->kind == 1) {
    const uint8_t* p = s->d1() + start;
    uint8_t any = 0;
    for (int64_t i = 0; i < n; i++) any |= p[i];
    mx = any;
  } else {
    for (int64_t i = start; i < end; i++) {
      uint32_t c = s->at(i);
      mx = c > mx ? c : mx;
    }
  }
  Ref<Str> r = str_new_raw(n, mx);
  if (!r) return nullptr;
  if (r->kind == s->kind) {
    std::memcpy(r->data, s->data + start * s->kind, n * s->kind);
  } else {
    for (int64_t i = 0; i < n; i++) str_set_char(r.get(), i, s->at(start + i));
  }
  return r;
}

Ref<Str> str_exact_copy(Str* s) {
  if (s->ob_type == &g_str_type) return Ref<Str>::borrow(s);
  uint32_t mx = s->ascii ? 127 : s->kind == 1 ? 255 : s->kind == 2 ? 0xFFFF : 0x10FFFF;
  Ref<Str> r = str_new_raw(s->length, mx);
  if (!r) return nullptr;
  std::memcpy(r->data, s->data, static_cast<size_t>(s->length) * s->kind);
  return r;
}

Ref<Str> str_from_char(uint32_t c) {
  if (c < 256 && g_latin1_chars[c]) return Ref<Str>::borrow(g_latin1_chars[c]);
  Ref<Str> s = str_new_raw(1, c);
  if (!s) return nullptr;
  str_set_char(s.get(), 0, c);
  return s;
}

// --- interning ----------------------------------------------------------------
// The intern table maps UTF-8 content to the unique immortal Str. Guarded by a
// mutex: interning happens at compile/load time and on setattr with new names,
// never on hot paths (those compare interned pointers).

namespace {
std::mutex g_intern_mu;
std::unordered_map<std::string_view, Str*>& intern_table() {
  static auto* t = new std::unordered_map<std::string_view, Str*>();
  return *t;
}
}  // namespace

Str* str_intern(std::string_view utf8) {
  {
    std::lock_guard<std::mutex> g(g_intern_mu);
    auto it = intern_table().find(utf8);
    if (it != intern_table().end()) return it->second;
  }
  Ref<Str> s = str_from_utf8(utf8);
  if (!s) {
    err_clear();
    s = str_from_ascii("?");
  }
  return str_intern(s.get());
}

Str* str_intern(Str* s) {
  if (s->interned) return s;
  if (s->ob_type != &g_str_type) {
    Ref<Str> copy = str_exact_copy(s);
    return str_intern(copy.get());
  }
  std::string_view key = str_view(s);
  std::lock_guard<std::mutex> g(g_intern_mu);
  auto it = intern_table().find(key);
  if (it != intern_table().end()) return it->second;
  make_immortal(s);
  s->interned = 1;
  str_hash(s);
  intern_table().emplace(str_view(s), s);
  return s;
}

// --- type slots ------------------------------------------------------------------

namespace {

Ref<> str_repr_slot(Value v) {
  Str* s = v.as<Str>();
  // Use single quotes unless the string contains ' and no ".
  bool has_sq = false, has_dq = false;
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (c == '\'') has_sq = true;
    else if (c == '"') has_dq = true;
  }
  char q = (has_sq && !has_dq) ? '"' : '\'';
  std::u32string out;
  out.reserve(s->length + 2);
  out.push_back(q);
  char buf[16];
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (c == static_cast<uint32_t>(q) || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\t') {
      out += U"\\t";
    } else if (c == '\n') {
      out += U"\\n";
    } else if (c == '\r') {
      out += U"\\r";
    } else if (c < 0x20 || c == 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      for (char* b = buf; *b; b++) out.push_back(static_cast<uint32_t>(*b));
    } else if (c < 0x7F) {
      out.push_back(c);
    } else if (!unicode_is_printable(c)) {
      if (c <= 0xFF) std::snprintf(buf, sizeof buf, "\\x%02x", c);
      else if (c <= 0xFFFF) std::snprintf(buf, sizeof buf, "\\u%04x", c);
      else std::snprintf(buf, sizeof buf, "\\U%08x", c);
      for (char* b = buf; *b; b++) out.push_back(static_cast<uint32_t>(*b));
    } else {
      out.push_back(c);
    }
  }
  out.push_back(q);
  return str_from_ucs4(reinterpret_cast<const uint32_t*>(out.data()), static_cast<int64_t>(out.size()));
}

Ref<> str_str_slot(Value v) {
  if (is_str_exact(v)) return Ref<>::borrow(v);
  return str_exact_copy(v.as<Str>());
}

int64_t str_hash_slot(Value v) { return str_hash(v.as<Str>()); }

Ref<> str_richcompare(Value a, Value b, CompareOp op) {
  if (!is_str(b)) return Ref<>::steal(not_implemented());
  Str* x = a.as<Str>();
  Str* y = b.as<Str>();
  if (op == kEq) return new_bool(str_equal(x, y));
  if (op == kNe) return new_bool(!str_equal(x, y));
  int c = str_compare(x, y);
  bool r = op == kLt ? c < 0 : op == kLe ? c <= 0 : op == kGt ? c > 0 : c >= 0;
  return new_bool(r);
}

Ref<> str_add_slot(Value a, Value b) {
  if (!is_str(a) || !is_str(b)) {
    if (is_str(a))
      return err_format(g_TypeError, "can only concatenate str (not \"%s\") to str",
                        type_tp_name(type_of(b)));
    return Ref<>::steal(not_implemented());
  }
  return str_concat(a.as<Str>(), b.as<Str>());
}

int64_t str_len_slot(Value v) { return v.as<Str>()->length; }

}  // namespace

Value str_empty() { return Value(g_empty_str); }

void str_append_to(Str* s, std::u32string* out) {
  int64_t n = s->length;
  size_t base = out->size();
  out->resize(base + n);
  char32_t* d = out->data() + base;
  if (s->kind == 1) {
    for (int64_t i = 0; i < n; i++) d[i] = s->d1()[i];
  } else if (s->kind == 2) {
    for (int64_t i = 0; i < n; i++) d[i] = s->d2()[i];
  } else {
    std::memcpy(d, s->d4(), n * 4);
  }
}

// --- subclass instances -------------------------------------------------------------
// A str subclass instance has the same layout as a str plus, at the 8-aligned
// end of its characters, the __dict__ slot (type.h: negative dict_offset).

namespace {
size_t str_var_size(Object* o) {
  Str* s = static_cast<Str*>(o);
  return sizeof(Str) + static_cast<size_t>(s->length + 1) * s->kind;
}
}  // namespace

Ref<> str_new_subtype(Type* type, Str* s) {
  if (type == &g_str_type) return str_exact_copy(s);
  size_t used = (sizeof(Str) + static_cast<size_t>(s->length + 1) * s->kind + 7) & ~size_t{7};
  size_t extra = type->dict_offset < 0 ? static_cast<size_t>(-type->dict_offset) : 0;
  size_t total = used + extra;
  if (total < type->basic_size) total = type->basic_size;
  Str* r = alloc_object<Str>(type, total);
  if (!r) return nullptr;
  r->length = s->length;
  r->hash.store(-1, std::memory_order_relaxed);
  r->kind = s->kind;
  r->ascii = s->ascii;
  r->utf8_length.store(s->ascii ? s->length : -1, std::memory_order_relaxed);
  std::memcpy(r->data, s->data, static_cast<size_t>(s->length) * s->kind);
  return Ref<>::steal(Value(static_cast<Object*>(r)));
}

namespace {

// str(object='', encoding='utf-8', errors='strict')
Ref<> str_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("str(object=?, encoding=?, errors=?)", nullptr);
  if (nargs > 3) return err_format(g_TypeError, "str() takes at most 3 arguments (%zu given)", nargs);
  Value a[3];
  Ref<> holders[2];
  if (!native_bind(sig, args, nargs, kwnames, a, holders)) return nullptr;
  Ref<> result;
  if (a[1].is_null() && a[2].is_null()) {
    if (a[0].is_null()) result = Ref<>::borrow(str_empty());
    else result = str(a[0]);
  } else {
    for (int i = 1; i < 3; i++) {
      if (!a[i].is_null() && !is_str(a[i]))
        return err_format(g_TypeError, "str() argument '%s' must be str, not %s",
                          i == 1 ? "encoding" : "errors", type_name(type_of(a[i])));
    }
    std::string_view enc = a[1].is_null() ? "utf-8" : str_view(a[1]);
    std::string_view errs = a[2].is_null() ? "strict" : str_view(a[2]);
    if (a[0].is_null()) {
      result = Ref<>::borrow(str_empty());
    } else if (is_str(a[0])) {
      return err_set_str(g_TypeError, "decoding str is not supported");
    } else {
      std::string buf;
      if (!buffer_copy(a[0], &buf))
        return err_format(g_TypeError, "decoding to str: need a bytes-like object, %s found",
                          type_name(type_of(a[0])));
      result = codec_decode(reinterpret_cast<const uint8_t*>(buf.data()), static_cast<int64_t>(buf.size()),
                            enc, errs, a[0]);
    }
  }
  if (!result || type == &g_str_type) return result;
  return str_new_subtype(type, result.val().as<Str>());
}

Ref<> str_subscript(Value self, Value key) {
  Str* s = self.as<Str>();
  if (is_slice(key)) {
    int64_t start, stop, step, n;
    if (!slice_indices(key, s->length, &start, &stop, &step, &n)) return nullptr;
    if (n <= 0) return Ref<>::borrow(str_empty());
    if (step == 1) {
      if (n == s->length && is_str_exact(self)) return Ref<>::borrow(self);
      return str_substring(s, start, start + n);
    }
    std::u32string out;
    out.resize(n);
    for (int64_t i = 0, j = start; i < n; i++, j += step) out[i] = s->at(j);
    return str_from_u32(out);
  }
  if (!type_of(key)->nb_index)
    return err_format(g_TypeError, "string indices must be integers, not '%s'", type_tp_name(type_of(key)));
  int64_t i;
  if (!to_index(key, &i)) return nullptr;
  if (i < 0) i += s->length;
  if (i < 0 || i >= s->length) return err_set_str(g_IndexError, "string index out of range");
  return str_from_char(s->at(i));
}

int str_contains_slot(Value self, Value item) {
  if (!is_str(item)) {
    err_format(g_TypeError, "'in <string>' requires string as left operand, not %s", type_name(type_of(item)));
    return -1;
  }
  Str* s = self.as<Str>();
  Str* sub = item.as<Str>();
  return str_find_sub(s, sub, 0, s->length) >= 0;
}

Ref<> str_mul_slot(Value a, Value b) {
  Value sv = a, cv = b;
  if (!is_str(a)) {
    sv = b;
    cv = a;
  }
  if (!is_str(sv) || !type_of(cv)->nb_index) return Ref<>::steal(not_implemented());
  Ref<> idx = number_index(cv);
  if (!idx) return nullptr;
  int64_t count;
  if (!int_as_int64(idx.val(), &count))
    return err_format(g_OverflowError, "cannot fit '%s' into an index-sized integer", type_name(type_of(cv)));
  Str* s = sv.as<Str>();
  if (count <= 0 || s->length == 0) return Ref<>::borrow(str_empty());
  if (count == 1 && is_str_exact(sv)) return Ref<>::borrow(sv);
  // CPython's order: a length past the index range is an OverflowError; one
  // that fits but cannot be allocated (up to 4 bytes a character) is a MemoryError.
  if (s->length > INT64_MAX / count) return err_set_str(g_OverflowError, "repeated string is too long");
  int64_t n = s->length * count;
  if (n > (int64_t{1} << 40)) return err_no_memory();
  uint32_t mx = s->ascii ? 127 : s->kind == 1 ? 255 : s->kind == 2 ? 0xFFFF : 0x10FFFF;
  Ref<Str> r = str_new_raw(n, mx);
  if (!r) return nullptr;
  size_t unit = static_cast<size_t>(s->length) * s->kind;
  if (unit == 1) {
    std::memset(r->data, s->data[0], n);
  } else {
    // Doubling copies: O(log count) memcpy calls.
    std::memcpy(r->data, s->data, unit);
    size_t done = unit, total = static_cast<size_t>(n) * s->kind;
    while (done < total) {
      size_t c = done < total - done ? done : total - done;
      std::memcpy(r->data + done, r->data, c);
      done += c;
    }
  }
  return r;
}

Ref<> str_mod_slot(Value a, Value b) {
  if (!is_str(a)) return Ref<>::steal(not_implemented());
  return str_percent_format(a.as<Str>(), b);
}

// --- iterator ---------------------------------------------------------------------
// The next index is claimed with a CAS so that an iterator shared between
// threads never yields a character twice. A failed next() stores kStrIterDone,
// so that pickling can tell an exhausted iterator (CPython drops its string)
// from one that merely stands at the end. Iterators of ASCII strings have
// their own type, named str_ascii_iterator as in CPython.
struct StrIter : Object {
  Value str;  // owned
  std::atomic<int64_t> index;
};
constexpr int64_t kStrIterDone = INT64_MAX;
Type g_str_iter_type;
Type g_str_ascii_iter_type;

void str_iter_dealloc(Object* o) {
  decref(static_cast<StrIter*>(o)->str);
  free_object(o);
}

Ref<> str_iter_self(Value v) { return Ref<>::borrow(v); }

Ref<> str_iter_next(Value v) {
  StrIter* it = v.as<StrIter>();
  Str* s = it->str.as<Str>();
  int64_t i = it->index.load(std::memory_order_relaxed);
  do {
    if (i >= s->length) {
      if (i != kStrIterDone) it->index.compare_exchange_strong(i, kStrIterDone, std::memory_order_relaxed);
      return nullptr;
    }
  } while (!it->index.compare_exchange_weak(i, i + 1, std::memory_order_relaxed));
  return str_from_char(s->at(i));
}

// (iter, (s,), index), or (iter, ('',)) once exhausted.
Ref<> str_iter_reduce(Value self, Value*) {
  StrIter* it = self.as<StrIter>();
  int64_t i = it->index.load(std::memory_order_relaxed);
  if (i == kStrIterDone) return iter_reduce(Value(g_empty_str), Value());
  return iter_reduce(it->str, Value::small(i));
}

// Clamped to [0, len]; an exhausted iterator stays exhausted (CAS).
Ref<> str_iter_setstate(Value self, Value* args) {
  StrIter* it = self.as<StrIter>();
  int64_t want;
  if (!iter_state_index(args[0], &want)) return nullptr;
  int64_t n = it->str.as<Str>()->length;
  want = want < 0 ? 0 : want > n ? n : want;
  int64_t i = it->index.load(std::memory_order_relaxed);
  while (i != kStrIterDone && !it->index.compare_exchange_weak(i, want, std::memory_order_relaxed)) {
  }
  return Ref<>::steal(none());
}

Ref<> str_iter_length_hint(Value self, Value*) {
  StrIter* it = self.as<StrIter>();
  int64_t r = it->str.as<Str>()->length - it->index.load(std::memory_order_relaxed);
  return small_int(r < 0 ? 0 : r);
}

const MethodDef kStrIterMethods[] = {
    {"__length_hint__($self, /)", str_iter_length_hint, "Private method returning an estimate of len(list(it))."},
    {"__reduce__($self, /)", str_iter_reduce, "Return state information for pickling."},
    {"__setstate__($self, state, /)", str_iter_setstate, "Set state information for unpickling."},
    {nullptr}};

Ref<> str_iter_slot(Value v) {
  StrIter* it = alloc_object<StrIter>(v.as<Str>()->ascii ? &g_str_ascii_iter_type : &g_str_iter_type);
  if (!it) return nullptr;
  it->str = v;
  incref(v);
  it->index.store(0, std::memory_order_relaxed);
  return Ref<>::steal(Value(static_cast<Object*>(it)));
}

}  // namespace

void str_type_init_core() {
  Type* t = &g_str_type;
  if (g_empty_str) return;
  t->name = "str";
  t->basic_size = sizeof(Str);
  t->item_size = 1;
  t->flags = kTypeBaseType | kTypeStrSubclass | kTypeLeafDealloc;
  t->tp_dealloc = str_dealloc;
  t->tp_repr = str_repr_slot;
  t->tp_str = str_str_slot;
  t->tp_hash = str_hash_slot;
  t->tp_richcompare = str_richcompare;
  t->tp_new = str_tp_new;
  t->tp_iter = str_iter_slot;
  t->tp_var_size = str_var_size;
  t->nb_binary[kOpAdd] = str_add_slot;
  t->nb_binary[kOpMul] = str_mul_slot;
  t->nb_binary[kOpMod] = str_mod_slot;
  t->mp_length = str_len_slot;
  t->mp_subscript = str_subscript;
  t->sq_contains = str_contains_slot;
  t->methods = kStrMethods;
  t->doc =
      "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
      "Create a new string object from the given object. If encoding or\n"
      "errors is specified, then the object must expose a data buffer\n"
      "that will be decoded using the given encoding and error handler.\n"
      "Otherwise, returns the result of object.__str__() (if defined)\n"
      "or repr(object).\nencoding defaults to 'utf-8'.\nerrors defaults to 'strict'.";
  t->ob_type = &g_type_type;
  make_immortal(t);
  // The empty string and the Latin-1 single characters are interned and
  // immortal, so the common one-character results never allocate.
  g_empty_str = str_intern(std::string_view());
  for (uint32_t c = 0; c < 256; c++) {
    Ref<Str> s = str_new_raw(1, c);
    str_set_char(s.get(), 0, c);
    g_latin1_chars[c] = str_intern(s.get());
    (void)s.release();
  }
}

void str_types_init() {
  str_type_init_core();
  type_ready(&g_str_type);
  Type* it = &g_str_iter_type;
  if (!(it->flags & kTypeReady)) {
    it->name = "str_iterator";
    it->basic_size = sizeof(StrIter);
    it->tp_dealloc = str_iter_dealloc;
    it->tp_iter = str_iter_self;
    it->tp_iternext = str_iter_next;
    it->methods = kStrIterMethods;
    type_ready(it);
    Type* ait = &g_str_ascii_iter_type;
    ait->name = "str_ascii_iterator";
    ait->basic_size = sizeof(StrIter);
    ait->tp_dealloc = str_iter_dealloc;
    ait->tp_iter = str_iter_self;
    ait->tp_iternext = str_iter_next;
    ait->methods = kStrIterMethods;
    type_ready(ait);
  }
}

void str_module_init() { str_types_init(); }

}  // namespace ftpy
