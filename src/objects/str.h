// str: an immutable sequence of code points with O(1) indexing (DESIGN.md §3).
//
// Storage is chosen per string: kind 1 (Latin-1, one byte per code point),
// 2 (UCS-2) or 4 (UCS-4), inline after the header, plus a NUL terminator. An
// ASCII string's data is also its UTF-8 encoding; for other strings the UTF-8
// form is computed on demand and cached (published with a CAS, so concurrent
// readers either see null or a complete buffer).
//
// The hash is cached (-1 = not yet computed; benign race: every thread computes
// the same value). Interned strings are immortal and unique per content; the
// identifier table (objects/ids.h) holds the ones the runtime uses.
//
// Thread safety: immutable except the two caches above, both atomics.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

struct Str : Object {
  int64_t length;               // in code points
  std::atomic<int64_t> hash;    // -1 until computed
  uint8_t kind;                 // 1, 2 or 4 bytes per code point
  uint8_t ascii;                // all code points < 128
  uint8_t interned;
  std::atomic<char*> utf8;      // cached UTF-8 for non-ASCII strings (heap_alloc'd)
  std::atomic<int64_t> utf8_length;  // valid once utf8 is published (ASCII: == length)
  alignas(8) unsigned char data[];

  const uint8_t* d1() const { return data; }
  const uint16_t* d2() const { return reinterpret_cast<const uint16_t*>(data); }
  const uint32_t* d4() const { return reinterpret_cast<const uint32_t*>(data); }
  uint32_t at(int64_t i) const {
    return kind == 1 ? d1()[i] : kind == 2 ? d2()[i] : d4()[i];
  }
};
extern Type g_str_type;

inline bool is_str(Value v) { return v.is_obj() && has_flag(v.obj()->ob_type, kTypeStrSubclass); }
inline bool is_str_exact(Value v) { return v.is_obj() && v.obj()->ob_type == &g_str_type; }

// Construction. str_from_utf8 raises UnicodeDecodeError on invalid UTF-8
// (surrogates encoded as UTF-8 are accepted, as the compiler needs them).
Ref<Str> str_from_utf8(std::string_view utf8);
Ref<Str> str_from_ascii(std::string_view ascii);
Ref<Str> str_from_latin1(const uint8_t* p, int64_t n);
Ref<Str> str_from_ucs4(const uint32_t* p, int64_t n);  // picks the narrowest kind
// Uninitialised string of `n` code points with the given max code point; the
// caller fills data and must not publish it before.
Ref<Str> str_new_raw(int64_t n, uint32_t max_char);
void str_set_char(Str* s, int64_t i, uint32_t c);  // only on fresh strings

// UTF-8 view (cached; never fails for valid strings; lone surrogates are
// encoded as-is, WTF-8 style, for internal use and messages).
std::string_view str_view(Str* s);
inline std::string_view str_view(Value v) { return str_view(v.as<Str>()); }
// Strict UTF-8 encoding: raises UnicodeEncodeError on surrogates.
bool str_utf8_strict(Str* s, std::string* out);

int64_t str_hash(Str* s);
bool str_equal(Str* a, Str* b);
int str_compare(Str* a, Str* b);  // -1, 0, 1 by code point
Ref<Str> str_concat(Str* a, Str* b);
Ref<Str> str_substring(Str* s, int64_t start, int64_t end);
Ref<Str> str_from_char(uint32_t c);  // cached for c < 256
Ref<Str> str_exact_copy(Str* s);     // s itself if exact str, else a plain-str copy
Value str_empty();                   // the immortal ''

// Interning: returns the unique immortal string with this content.
Str* str_intern(std::string_view utf8);
Str* str_intern(Str* s);  // may return s itself (made immortal) or the existing one

// --- extended API (str_methods.cpp, str_format.cpp) ---------------------------
// Build a str from code points (picks the narrowest kind).
inline Ref<Str> str_from_u32(const std::u32string& u) {
  return str_from_ucs4(reinterpret_cast<const uint32_t*>(u.data()), static_cast<int64_t>(u.size()));
}
// Append the code points of s to out.
void str_append_to(Str* s, std::u32string* out);
// Index of the first occurrence of `needle` in hay[start:end] (already clamped
// to [0, len]), or -1. Uses memchr/memmem for one-byte strings.
int64_t str_find_sub(Str* hay, Str* needle, int64_t start, int64_t end);
// sep.join(iterable); TypeError for non-str items, as CPython.
Ref<> str_join(Str* sep, Value iterable);
// str.format(*args, **kwargs) / format_map (kwargs any mapping or null).
Ref<> str_format_impl(Str* fmt, Value args_tuple, Value mapping);
// printf-style `fmt % args` for str.
Ref<> str_percent_format(Str* fmt, Value args);
// printf-style `fmt % args` for bytes/bytearray: returns raw bytes.
bool bytes_percent_format(const uint8_t* fmt, int64_t n, Value args, std::string* out);
// A new instance of `type` (str or a subclass) with the content of s.
Ref<> str_new_subtype(Type* type, Str* s);

// Method and slot tables defined in str_methods.cpp.
extern const struct MethodDef kStrMethods[];

// Readies str and its iterator type (safe to call more than once; keeps the
// older entry points str_type_init_core/str_module_init working).
void str_types_init();
void str_type_init_core();
void str_module_init();

}  // namespace ftpy
