// The `_struct` module: conversion between Python values and C structs
// represented as bytes (pack, unpack, calcsize, pack_into, unpack_from,
// iter_unpack, the Struct class and struct.error).
//
// A format is parsed once into a flat list of items, each with its code,
// byte offset and size ('s'/'p' items carry their length; repeated codes are
// expanded; 'x' pad bytes are implied by the offsets). '@' (the default) uses
// native sizes and alignment; '=', '<', '>' and '!' use standard sizes with no
// alignment. This machine is little-endian, so '@' and '=' pack like '<'.
//
// Error messages follow CPython 3.11, the version ftpy's output is compared
// with: its range errors depend on the code, the prefix and the magnitude
// (see pack_integer).
//
// Thread safety: Struct objects are immutable after construction; the format
// cache of the module functions is described at struct_for. pack_into
// writes into the target buffer inside that buffer's critical section, after
// every argument was converted (conversions may run Python code).
#include "modules/struct_module.h"

#include <atomic>
#include <cmath>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "modules/buffer_util.h"
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
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_struct_type;
Type* g_struct_error = nullptr;

namespace {

Type g_unpack_iter_type;

// --- format tables ---------------------------------------------------------------------

struct CodeInfo {
  char code;
  uint8_t native_size, native_align, std_size;  // std_size 0: not allowed in standard mode
};

constexpr CodeInfo kCodes[] = {
    {'x', 1, 1, 1}, {'c', 1, 1, 1}, {'b', 1, 1, 1}, {'B', 1, 1, 1}, {'?', 1, 1, 1}, {'h', 2, 2, 2},
    {'H', 2, 2, 2}, {'i', 4, 4, 4}, {'I', 4, 4, 4}, {'l', 8, 8, 4}, {'L', 8, 8, 4}, {'q', 8, 8, 8},
    {'Q', 8, 8, 8}, {'n', 8, 8, 0}, {'N', 8, 8, 0}, {'e', 2, 2, 2}, {'f', 4, 4, 4}, {'d', 8, 8, 8},
    {'s', 1, 1, 1}, {'p', 1, 1, 1}, {'P', 8, 8, 0},
};

const CodeInfo* find_code(char c) {
  for (const CodeInfo& ci : kCodes)
    if (ci.code == c) return &ci;
  return nullptr;
}

struct Item {
  char code;
  uint32_t size;   // bytes of one value ('s'/'p': the whole field)
  int64_t offset;
};

struct Format {
  bool native = true;         // '@': native sizes and alignment
  bool little = true;         // byte order
  int64_t size = 0;
  std::vector<Item> items;    // one per value (pad bytes have none)
};

std::nullptr_t struct_error(const char* msg) { return err_set_str(g_struct_error, msg); }

bool is_unsigned_code(char c) {
  switch (c) {
    case 'B': case 'H': case 'I': case 'L': case 'Q': case 'N': case 'P': return true;
    default: return false;
  }
}

bool parse_format(std::string_view fmt, Format* out) {
  size_t i = 0;
  if (!fmt.empty()) {
    switch (fmt[0]) {
      case '@': out->native = true; out->little = true; i = 1; break;
      case '=': case '<': out->native = false; out->little = true; i = 1; break;
      case '>': case '!': out->native = false; out->little = false; i = 1; break;
      default: break;
    }
  }
  constexpr int64_t kMax = INT64_MAX / 2;
  int64_t size = 0;
  while (i < fmt.size()) {
    char c = fmt[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      i++;
      continue;
    }
    int64_t num = 1;
    if (c >= '0' && c <= '9') {
      num = 0;
      while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
        if (num > (kMax - 9) / 10) {
          struct_error("total struct size too long");
          return false;
        }
        num = num * 10 + (fmt[i] - '0');
        i++;
      }
      if (i >= fmt.size()) {
        struct_error("repeat count given without format specifier");
        return false;
      }
      c = fmt[i];
    }
    i++;
    const CodeInfo* ci = find_code(c);
    if (!ci || (!out->native && ci->std_size == 0)) {
      struct_error("bad char in struct format");
      return false;
    }
    uint32_t isz = out->native ? ci->native_size : ci->std_size;
    if (out->native && ci->native_align > 1) size = (size + ci->native_align - 1) / ci->native_align * ci->native_align;
    if (c == 's' || c == 'p') {
      if (num > kMax - size) {
        struct_error("total struct size too long");
        return false;
      }
      if (num > UINT32_MAX) {
        struct_error("total struct size too long");
        return false;
      }
      out->items.push_back({c, static_cast<uint32_t>(num), size});
      size += num;
      continue;
    }
    if (num > (kMax - size) / isz) {
      struct_error("total struct size too long");
      return false;
    }
    if (c == 'x') {
      size += num;
      continue;
    }
    if (num > (int64_t{1} << 28)) {
      err_no_memory();
      return false;
    }
    for (int64_t k = 0; k < num; k++) {
      out->items.push_back({c, isz, size});
      size += isz;
    }
  }
  out->size = size;
  return true;
}

// --- value conversions --------------------------------------------------------------------

// The integer to pack, as CPython's get_long/get_ulong see it.
bool get_integer(Value v, Ref<>* out) {
  if (is_int(v)) {
    *out = Ref<>::borrow(v);
    return true;
  }
  if (!type_of(v)->nb_index) {
    struct_error("required argument is not an integer");
    return false;
  }
  Ref<> r = number_index(v);
  if (!r) return false;
  *out = std::move(r);
  return true;
}

// A non-negative int below 2**64.
bool as_uint64(Value n, uint64_t* out) {
  mpz_t z;
  mpz_init(z);
  int_to_mpz(n, z);
  bool fits = mpz_sgn(z) >= 0 && mpz_sizeinbase(z, 2) <= 64;
  *out = 0;
  if (fits) mpz_export(out, nullptr, -1, sizeof *out, 0, 0, z);
  mpz_clear(z);
  return fits;
}

// Convert `v` for integer code `it` into its two's-complement bits.
//
// The range errors are Python 3.11's, which depend on the code, the prefix and
// the magnitude (CPython 3.11 packs through C long / unsigned long first):
//  - a value that does not fit the C conversion says "argument out of range"
//    (unsigned codes other than b/B/h/H also refuse negatives this way), or
//    "int too large to convert" for 'P' and for big-endian 'q'/'Q';
//  - otherwise b, B, h, H (except big-endian h/H) say "byte format requires
//    -128 <= number <= 127" ("ubyte", "short", "ushort"), and the 4-byte codes
//    say "'i' format requires -2147483648 <= number <= 2147483647".
bool pack_integer(const Format& f, const Item& it, Value v, uint64_t* bits) {
  bool neg;
  int64_t s = 0;
  uint64_t u = 0;
  bool fits_long, fits_ulong;
  if (v.is_small()) {
    // The common case, without a reference or a bignum probe.
    s = v.small_value();
    neg = s < 0;
    fits_long = true;
    fits_ulong = !neg;
    u = static_cast<uint64_t>(s);
  } else {
    Ref<> n;
    if (!get_integer(v, &n)) return false;
    neg = int_sign(n.val()) < 0;
    fits_long = int_as_int64(n.val(), &s);
    fits_ulong = !neg && (fits_long ? (u = static_cast<uint64_t>(s), true) : as_uint64(n.val(), &u));
  }
  bool big_std = !f.native && !f.little;
  char c = it.code;
  if (c == 'P') {
    // A pointer may be given as a negative number (a C long) or as a C
    // unsigned long.
    if (!(neg ? fits_long : fits_ulong)) {
      struct_error("int too large to convert");
      return false;
    }
    *bits = neg ? static_cast<uint64_t>(s) : u;
    return true;
  }
  bool is_unsigned = is_unsigned_code(c);
  bool named = c == 'b' || c == 'B' || ((c == 'h' || c == 'H') && !big_std);
  // The first conversion: to C long for the signed codes and for the named
  // unsigned ones (b, B, little/native H), to unsigned long for the others.
  bool converted = is_unsigned && !named ? fits_ulong : fits_long;
  if (!converted) {
    struct_error(big_std && it.size == 8 ? "int too large to convert" : "argument out of range");
    return false;
  }
  if (it.size >= 8) {
    *bits = is_unsigned ? u : static_cast<uint64_t>(s);
    return true;
  }
  uint64_t ulargest = (uint64_t{1} << (8 * it.size)) - 1;
  int64_t largest = static_cast<int64_t>(ulargest >> 1);
  bool in_range = is_unsigned ? !neg && u <= ulargest : s >= ~largest && s <= largest;
  if (!in_range) {
    if (named) {
      const char* what = c == 'b' ? "byte" : c == 'B' ? "ubyte" : c == 'h' ? "short" : "ushort";
      if (is_unsigned)
        err_format(g_struct_error, "%s format requires 0 <= number <= %llu", what,
                   static_cast<unsigned long long>(ulargest));
      else
        err_format(g_struct_error, "%s format requires %lld <= number <= %lld", what,
                   static_cast<long long>(~largest), static_cast<long long>(largest));
    } else if (is_unsigned) {
      err_format(g_struct_error, "'%c' format requires 0 <= number <= %llu", c,
                 static_cast<unsigned long long>(ulargest));
    } else {
      err_format(g_struct_error, "'%c' format requires %lld <= number <= %lld", c,
                 static_cast<long long>(~largest), static_cast<long long>(largest));
    }
    return false;
  }
  *bits = is_unsigned ? u : static_cast<uint64_t>(s);
  return true;
}

void store_bits(uint8_t* p, uint64_t bits, uint32_t size, bool little) {
  for (uint32_t k = 0; k < size; k++) {
    uint8_t b = static_cast<uint8_t>(bits >> (8 * k));
    p[little ? k : size - 1 - k] = b;
  }
}

uint64_t load_bits(const uint8_t* p, uint32_t size, bool little) {
  uint64_t bits = 0;
  for (uint32_t k = 0; k < size; k++) bits |= uint64_t{p[little ? k : size - 1 - k]} << (8 * k);
  return bits;
}

// IEEE 754 binary16 with round-half-even; false on overflow.
bool double_to_half(double x, uint16_t* out) {
  uint16_t sign = std::signbit(x) ? 0x8000 : 0;
  double ax = std::fabs(x);
  if (std::isnan(x)) {
    *out = sign | 0x7e00;
    return true;
  }
  if (std::isinf(x)) {
    *out = sign | 0x7c00;
    return true;
  }
  if (ax == 0) {
    *out = sign;
    return true;
  }
  int e;
  double m = std::frexp(ax, &e);  // ax = m * 2^e, m in [0.5, 1)
  e -= 1;                         // ax = (2m) * 2^e
  if (e < -14) {
    double n = std::nearbyint(ax * 16777216.0);  // units of 2^-24
    *out = sign | static_cast<uint16_t>(n);      // n == 1024 is the smallest normal
    return true;
  }
  double r = std::nearbyint((2 * m - 1) * 1024.0);
  if (r == 1024) {
    r = 0;
    e++;
  }
  if (e > 15) return false;
  *out = sign | static_cast<uint16_t>(((e + 15) << 10) | static_cast<int>(r));
  return true;
}

double half_to_double(uint16_t h) {
  int e = (h >> 10) & 0x1f, f = h & 0x3ff;
  double v;
  if (e == 0)
    v = std::ldexp(f, -24);
  else if (e == 31)
    v = f ? std::nan("") : HUGE_VAL;
  else
    v = std::ldexp(f + 1024, e - 25);
  return (h & 0x8000) ? -v : v;
}

bool get_double(Value v, double* out) {
  if (is_float(v)) {
    *out = float_value(v);
    return true;
  }
  if (!to_double(v, out)) {
    err_clear();
    struct_error("required argument is not a float");
    return false;
  }
  return true;
}

bool pack_item(const Format& f, const Item& it, Value v, uint8_t* p) {
  switch (it.code) {
    case 'c': {
      if (!is_bytes(v) || bytes_size(v) != 1) {
        struct_error("char format requires a bytes object of length 1");
        return false;
      }
      *p = bytes_data(v)[0];
      return true;
    }
    case 's':
    case 'p': {
      std::string data;
      if (is_str(v) || !module_buffer_copy(v, &data) || (!is_bytes(v) && !is_bytearray(v))) {
        err_format(g_struct_error, "argument for '%c' must be a bytes object", it.code);
        return false;
      }
      size_t n = data.size();
      if (it.code == 's') {
        if (n > it.size) n = it.size;
        std::memcpy(p, data.data(), n);
      } else if (it.size > 0) {
        if (n > it.size - 1) n = it.size - 1;
        std::memcpy(p + 1, data.data(), n);
        p[0] = static_cast<uint8_t>(n > 255 ? 255 : n);
      }
      return true;
    }
    case '?': {
      int t = truthy(v);
      if (t < 0) return false;
      *p = static_cast<uint8_t>(t);
      return true;
    }
    case 'e': {
      double d;
      if (!get_double(v, &d)) return false;
      uint16_t h;
      if (!double_to_half(d, &h)) {
        err_set_str(g_OverflowError, "float too large to pack with e format");
        return false;
      }
      store_bits(p, h, 2, f.little);
      return true;
    }
    case 'f': {
      double d;
      if (!get_double(v, &d)) return false;
      float x = static_cast<float>(d);
      if (!f.native && std::isinf(x) && !std::isinf(d)) {
        err_set_str(g_OverflowError, "float too large to pack with f format");
        return false;
      }
      uint32_t bits;
      std::memcpy(&bits, &x, 4);
      store_bits(p, bits, 4, f.little);
      return true;
    }
    case 'd': {
      double d;
      if (!get_double(v, &d)) return false;
      uint64_t bits;
      std::memcpy(&bits, &d, 8);
      store_bits(p, bits, 8, f.little);
      return true;
    }
    default: {
      uint64_t bits;
      if (!pack_integer(f, it, v, &bits)) return false;
      store_bits(p, bits, it.size, f.little);
      return true;
    }
  }
}

Ref<> unpack_item(const Format& f, const Item& it, const uint8_t* p) {
  switch (it.code) {
    case 'c': return bytes_from(p, 1);
    case 's': return bytes_from(p, it.size);
    case 'p': {
      if (it.size == 0) return bytes_from(p, 0);
      size_t n = p[0];
      if (n > it.size - 1) n = it.size - 1;
      return bytes_from(p + 1, n);
    }
    case '?': return new_bool(*p != 0);
    case 'e': return float_new(half_to_double(static_cast<uint16_t>(load_bits(p, 2, f.little))));
    case 'f': {
      uint32_t bits = static_cast<uint32_t>(load_bits(p, 4, f.little));
      float x;
      std::memcpy(&x, &bits, 4);
      return float_new(x);
    }
    case 'd': {
      uint64_t bits = load_bits(p, 8, f.little);
      double d;
      std::memcpy(&d, &bits, 8);
      return float_new(d);
    }
    default: {
      uint64_t bits = load_bits(p, it.size, f.little);
      if (is_unsigned_code(it.code)) return int_from_uint64(bits);
      if (it.size < 8) {
        uint64_t sign = uint64_t{1} << (8 * it.size - 1);
        bits = (bits ^ sign) - sign;  // sign-extend
      }
      return int_from_int64(static_cast<int64_t>(bits));
    }
  }
}

// Pack `args` into the zeroed buffer `out` of f.size bytes.
bool pack_values(const Format& f, const Value* args, size_t nargs, const char* who, uint8_t* out) {
  if (nargs != f.items.size()) {
    err_format(g_struct_error, "%s expected %zu items for packing (got %zu)", who, f.items.size(), nargs);
    return false;
  }
  for (size_t k = 0; k < nargs; k++)
    if (!pack_item(f, f.items[k], args[k], out + f.items[k].offset)) return false;
  return true;
}

Ref<> unpack_values(const Format& f, const uint8_t* p) {
  Ref<Tuple> t = tuple_new(static_cast<int64_t>(f.items.size()));
  if (!t) return nullptr;
  for (size_t k = 0; k < f.items.size(); k++) {
    Ref<> v = unpack_item(f, f.items[k], p + f.items[k].offset);
    if (!v) return nullptr;
    tuple_init_item(t.get(), static_cast<int64_t>(k), std::move(v));
  }
  return t;
}

// --- Struct objects -------------------------------------------------------------------------

struct StructObject : Object {
  Format* fmt;    // owned; immutable after construction
  Value format;   // owned str
};

const Format& fmt_of(Value s) { return *s.as<StructObject>()->fmt; }

void struct_dealloc(Object* o) {
  auto* s = static_cast<StructObject*>(o);
  delete s->fmt;
  decref(s->format);
  if (Value* d = instance_dict_slot(Value(o))) {
    decref(*d);
    *d = Value();
  }
  free_object(o);
}

Ref<> struct_make(Type* t, Value format) {
  std::string_view text;
  Ref<> fstr;
  if (is_str(format)) {
    fstr = Ref<>::borrow(format);
    text = str_view(format);
  } else if (is_bytes(format)) {
    fstr = str_from_latin1(bytes_data(format), bytes_size(format));
    if (!fstr) return nullptr;
    text = str_view(fstr.val());
  } else {
    return err_format(g_TypeError, "Struct() argument 1 must be a str or bytes object, not %s", type_name(type_of(format)));
  }
  auto f = std::make_unique<Format>();
  if (!parse_format(text, f.get())) return nullptr;
  auto* o = alloc_object<StructObject>(t, t->basic_size);
  if (!o) return nullptr;
  o->fmt = f.release();
  o->format = fstr.release();
  return Ref<>::steal(Value(o));
}

Ref<> struct_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  size_t nkw = kwnames.is_null() ? 0 : static_cast<size_t>(tuple_size(kwnames));
  Value format;
  if (nargs == 1 && nkw == 0) {
    format = args[0];
  } else if (nargs == 0 && nkw == 1 && str_view(tuple_item(kwnames, 0)) == "format") {
    format = args[0];
  } else if (nargs + nkw == 0) {
    return err_set_str(g_TypeError, "Struct() missing required argument 'format' (pos 1)");
  } else {
    return err_format(g_TypeError, "Struct() takes at most 1 argument (%zu given)", nargs + nkw);
  }
  return struct_make(t, format);
}

int struct_tp_init(Value, const Value*, size_t, Value) { return 0; }

// The module-level functions' cache of Struct objects by format, as CPython
// keeps one: a dict keyed by the format (exact str or bytes only, so that a
// lookup runs no Python code), emptied when it reaches kMaxCache entries and
// by _clearcache(). Made once with the module's types and never freed. Each
// dict operation is atomic and lookups take no lock (objects/dict.h); two
// threads missing the same format at once both parse it and the second
// store wins, which is harmless because Structs are immutable.
//
// In front of it each thread keeps a few borrowed (format, Struct) pairs
// found by identity, valid while g_cache_gen has the value they were taken
// at: every change to the dict bumps it *after* the change, so a pair whose
// generation is current is still in the dict, which holds the format and
// the Struct alive. A change on another thread that lands between the check
// and the incref retires the dict's references through QSBR
// (runtime/qsbr.h), so the Struct outlives this thread's next safepoint and
// the incref is safe. Only a format object that the Struct itself holds is
// remembered (see below). A hit costs a thread-local probe and a load instead of
// a dict lookup.
Value g_struct_cache;
constexpr int64_t kMaxCache = 100;
std::atomic<uint64_t> g_cache_gen{1};

struct CacheEntry {
  uint64_t gen;  // 0: empty
  uint64_t key;  // the format's bits
  Value st;      // borrowed from the dict
};
constexpr size_t kTlsEntries = 8;
thread_local CacheEntry tls_cache[kTlsEntries];

void cache_changed() { g_cache_gen.fetch_add(1, std::memory_order_release); }

// A Struct for a module-level function's format argument (a Struct is used as is).
Ref<> struct_for(Value format) {
  bool cacheable = is_str_exact(format) || is_bytes_exact(format);
  if (cacheable) {
    uint64_t gen = g_cache_gen.load(std::memory_order_acquire);
    CacheEntry& e = tls_cache[(format.bits() >> 4) & (kTlsEntries - 1)];
    if (e.gen == gen && e.key == format.bits()) return Ref<>::borrow(e.st);
    Ref<> hit;
    int r = dict_get_item(g_struct_cache, format, &hit);
    if (r > 0) {
      // Only a format that is the Struct's own `format` (the str it was
      // made from) is remembered: the Struct keeps it alive, and the dict
      // keeps the Struct alive while the generation holds. Another equal
      // format object may be freed and its address reused for a different
      // format.
      if (hit.val().as<StructObject>()->format == format) e = {gen, format.bits(), hit.val()};
      return hit;
    }
    if (r < 0) return nullptr;
  } else if (format.is_obj() && is_subtype(type_of(format), &g_struct_type)) {
    return Ref<>::borrow(format);
  }
  Ref<> st = struct_make(&g_struct_type, format);
  if (!st || !cacheable) return st;
  if (dict_size(g_struct_cache) >= kMaxCache) dict_clear(g_struct_cache);
  int r = dict_set_item(g_struct_cache, format, st.val());
  cache_changed();
  if (r < 0) return nullptr;
  return st;
}

Ref<> do_pack(Value st, const Value* args, size_t nargs) {
  const Format& f = fmt_of(st);
  Ref<Bytes> out = bytes_new_raw(f.size);
  if (!out) return nullptr;
  if (!pack_values(f, args, nargs, "pack", out->data)) return nullptr;
  return out;
}

Ref<> do_unpack(Value st, Value buffer) {
  const Format& f = fmt_of(st);
  std::string data;
  if (!module_buffer_or_error(buffer, &data)) return nullptr;
  if (static_cast<int64_t>(data.size()) != f.size)
    return err_format(g_struct_error, "unpack requires a buffer of %lld bytes", static_cast<long long>(f.size));
  return unpack_values(f, reinterpret_cast<const uint8_t*>(data.data()));
}

Ref<> do_unpack_from(Value st, Value buffer, Value offset_v) {
  const Format& f = fmt_of(st);
  int64_t offset = 0;
  if (!offset_v.is_null() && !to_index(offset_v, &offset)) return nullptr;
  std::string data;
  if (!module_buffer_or_error(buffer, &data)) return nullptr;
  int64_t n = static_cast<int64_t>(data.size());
  if (offset < 0) {
    if (offset + f.size > 0)
      return err_format(g_struct_error, "not enough data to unpack %lld bytes at offset %lld",
                        static_cast<long long>(f.size), static_cast<long long>(offset));
    if (offset + n < 0)
      return err_format(g_struct_error, "offset %lld out of range for %lld-byte buffer", static_cast<long long>(offset),
                        static_cast<long long>(n));
    offset += n;
  }
  if (n - offset < f.size)
    return err_format(g_struct_error,
                      "unpack_from requires a buffer of at least %lld bytes for unpacking %lld bytes at offset %lld "
                      "(actual buffer size is %lld)",
                      static_cast<long long>(f.size + offset), static_cast<long long>(f.size),
                      static_cast<long long>(offset), static_cast<long long>(n));
  return unpack_values(f, reinterpret_cast<const uint8_t*>(data.data()) + offset);
}

Ref<> do_pack_into(Value st, Value buffer, Value offset_v, const Value* args, size_t nargs) {
  const Format& f = fmt_of(st);
  std::string packed(static_cast<size_t>(f.size), '\0');
  if (nargs != f.items.size())
    return err_format(g_struct_error, "pack_into expected %zu items for packing (got %zu)", f.items.size(), nargs);
  int64_t offset;
  if (!to_index(offset_v, &offset)) return nullptr;
  if (!pack_values(f, args, nargs, "pack_into", reinterpret_cast<uint8_t*>(packed.data()))) return nullptr;
  int r = module_with_writable_buffer(buffer, [&](uint8_t* data, int64_t n) -> int {
    int64_t off = offset;
    if (off < 0) {
      if (off + f.size > 0) {
        err_format(g_struct_error, "no space to pack %lld bytes at offset %lld", static_cast<long long>(f.size),
                   static_cast<long long>(off));
        return -1;
      }
      if (off + n < 0) {
        err_format(g_struct_error, "offset %lld out of range for %lld-byte buffer", static_cast<long long>(off),
                   static_cast<long long>(n));
        return -1;
      }
      off += n;
    }
    if (n - off < f.size) {
      err_format(g_struct_error,
                 "pack_into requires a buffer of at least %lld bytes for packing %lld bytes at offset %lld "
                 "(actual buffer size is %lld)",
                 static_cast<long long>(f.size + off), static_cast<long long>(f.size), static_cast<long long>(off),
                 static_cast<long long>(n));
      return -1;
    }
    if (f.size) std::memcpy(data + off, packed.data(), static_cast<size_t>(f.size));
    return 0;
  });
  if (r < 0) return nullptr;
  if (r == 0)
    return err_format(g_TypeError, "argument must be read-write bytes-like object, not %s",
                      type_tp_name(type_of(buffer)));
  return new_none();
}

// --- iter_unpack ------------------------------------------------------------------------------

struct UnpackIter : Object {
  Value st;          // owned Struct
  std::string* data; // owned snapshot of the buffer
  int64_t index;     // next offset; claimed under the iterator's critical section
};

void unpack_iter_dealloc(Object* o) {
  auto* it = static_cast<UnpackIter*>(o);
  decref(it->st);
  delete it->data;
  free_object(o);
}

Ref<> unpack_iter_next(Value self) {
  auto* it = self.as<UnpackIter>();
  const Format& f = fmt_of(it->st);
  int64_t at;
  {
    CriticalSection cs(self);
    at = it->index;
    if (at + f.size > static_cast<int64_t>(it->data->size())) return nullptr;
    it->index = at + f.size;
  }
  return unpack_values(f, reinterpret_cast<const uint8_t*>(it->data->data()) + at);
}

Ref<> unpack_iter_self(Value self) { return Ref<>::borrow(self); }

Ref<> unpack_iter_length_hint(Value self, Value*) {
  auto* it = self.as<UnpackIter>();
  const Format& f = fmt_of(it->st);
  CriticalSection cs(self);
  int64_t left = static_cast<int64_t>(it->data->size()) - it->index;
  return small_int(left > 0 ? left / f.size : 0);
}

const MethodDef kUnpackIterMethods[] = {
    {"__length_hint__($self, /)", unpack_iter_length_hint, "Private method returning an estimate of len(list(it))."},
    {nullptr}};

Ref<> do_iter_unpack(Value st, Value buffer) {
  const Format& f = fmt_of(st);
  if (f.size == 0) return struct_error("cannot iteratively unpack with a struct of length 0");
  auto data = std::make_unique<std::string>();
  if (!module_buffer_or_error(buffer, data.get())) return nullptr;
  if (static_cast<int64_t>(data->size()) % f.size != 0)
    return err_format(g_struct_error, "iterative unpacking requires a buffer of a multiple of %lld bytes",
                      static_cast<long long>(f.size));
  auto* o = alloc_object<UnpackIter>(&g_unpack_iter_type);
  if (!o) return nullptr;
  incref(st);
  o->st = st;
  o->data = data.release();
  return Ref<>::steal(Value(o));
}

// --- methods and module functions ---------------------------------------------------------------

Ref<> m_struct_pack(Value self, Value* args) {
  Value t = args[0];
  return do_pack(self, tuple_size(t) ? &t.as<Tuple>()->items[0] : nullptr, static_cast<size_t>(tuple_size(t)));
}
Ref<> m_struct_unpack(Value self, Value* args) { return do_unpack(self, args[0]); }
Ref<> m_struct_unpack_from(Value self, Value* args) { return do_unpack_from(self, args[0], args[1]); }
Ref<> m_struct_pack_into(Value self, Value* args) {
  Value t = args[2];
  return do_pack_into(self, args[0], args[1], tuple_size(t) ? &t.as<Tuple>()->items[0] : nullptr,
                      static_cast<size_t>(tuple_size(t)));
}
Ref<> m_struct_iter_unpack(Value self, Value* args) { return do_iter_unpack(self, args[0]); }
Ref<> m_struct_sizeof(Value self, Value*) {
  return small_int(static_cast<int64_t>(sizeof(StructObject) + sizeof(Format) + fmt_of(self).items.size() * sizeof(Item)));
}

Ref<> struct_get_format(Value self) { return Ref<>::borrow(self.as<StructObject>()->format); }
Ref<> struct_get_size(Value self) { return small_int(fmt_of(self).size); }

const MethodDef kStructMethods[] = {
    {"pack($self, /, *values)", m_struct_pack, "S.pack(v1, v2, ...) -> bytes"},
    {"unpack($self, buffer, /)", m_struct_unpack, "Return a tuple containing values unpacked according to the format string."},
    {"unpack_from($self, /, buffer, offset=0)", m_struct_unpack_from, "Return a tuple containing unpacked values."},
    {"pack_into($self, buffer, offset, /, *values)", m_struct_pack_into, "S.pack_into(buffer, offset, v1, v2, ...)"},
    {"iter_unpack($self, buffer, /)", m_struct_iter_unpack, "Return an iterator yielding tuples."},
    {"__sizeof__($self, /)", m_struct_sizeof, "S.__sizeof__() -> size of S in memory, in bytes"},
    {nullptr}};

const GetSetDef kStructGetSets[] = {
    {"format", struct_get_format, nullptr, "struct format string"},
    {"size", struct_get_size, nullptr, "struct size in bytes"},
    {nullptr}};

Ref<> f_pack(Value, Value* args) {
  Ref<> st = struct_for(args[0]);
  if (!st) return nullptr;
  Value t = args[1];
  return do_pack(st.val(), tuple_size(t) ? &t.as<Tuple>()->items[0] : nullptr, static_cast<size_t>(tuple_size(t)));
}
Ref<> f_pack_into(Value, Value* args) {
  Ref<> st = struct_for(args[0]);
  if (!st) return nullptr;
  Value t = args[3];
  return do_pack_into(st.val(), args[1], args[2], tuple_size(t) ? &t.as<Tuple>()->items[0] : nullptr,
                      static_cast<size_t>(tuple_size(t)));
}
Ref<> f_unpack(Value, Value* args) {
  Ref<> st = struct_for(args[0]);
  return st ? do_unpack(st.val(), args[1]) : nullptr;
}
Ref<> f_unpack_from(Value, Value* args) {
  Ref<> st = struct_for(args[0]);
  return st ? do_unpack_from(st.val(), args[1], args[2]) : nullptr;
}
Ref<> f_iter_unpack(Value, Value* args) {
  Ref<> st = struct_for(args[0]);
  return st ? do_iter_unpack(st.val(), args[1]) : nullptr;
}
Ref<> f_calcsize(Value, Value* args) {
  Ref<> st = struct_for(args[0]);
  return st ? small_int(fmt_of(st.val()).size) : nullptr;
}
Ref<> f_clearcache(Value, Value*) {
  dict_clear(g_struct_cache);
  cache_changed();
  return new_none();
}

const MethodDef kStructFunctions[] = {
    {"pack(format, /, *values)", f_pack, "pack(format, v1, v2, ...) -> bytes"},
    {"pack_into(format, buffer, offset, /, *values)", f_pack_into, "pack_into(format, buffer, offset, v1, v2, ...)"},
    {"unpack(format, buffer, /)", f_unpack, "Return a tuple containing values unpacked according to the format string."},
    {"unpack_from(format, /, buffer, offset=0)", f_unpack_from, "Return a tuple containing values unpacked according to the format string."},
    {"iter_unpack(format, buffer, /)", f_iter_unpack, "Return an iterator yielding tuples unpacked from the given bytes."},
    {"calcsize(format, /)", f_calcsize, "Return size in bytes of the struct described by the format string."},
    {"_clearcache()", f_clearcache, "Clear the internal cache."},
    {nullptr}};

bool make_error_class() {
  Ref<Str> name = str_from_ascii("error");
  Ref<Dict> ns = dict_new();
  Ref<Str> mod = str_from_ascii("struct");
  if (!name || !ns || !mod) return false;
  if (dict_set_item_str(ns.val(), "__module__", mod.val()) < 0) return false;
  Ref<Tuple> bases = tuple_pack({Value(g_Exception)});
  if (!bases) return false;
  Ref<> cls = type_new_from_spec(&g_type_type, name.val(), bases.val(), ns.val(), Value());
  if (!cls) return false;
  g_struct_error = cls.release().as<Type>();  // heap types are immortal (type_new.cpp)
  return true;
}

bool g_types_ok = false;

void struct_types_init() {
  Type* t = &g_struct_type;
  t->name = "_struct.Struct";
  t->basic_size = sizeof(StructObject);
  t->flags = kTypeBaseType;
  t->tp_new = struct_tp_new;
  t->tp_init = struct_tp_init;
  t->tp_dealloc = struct_dealloc;
  // No tp_repr: 3.11 shows the default <_struct.Struct object at 0x...>
  // (the Struct('i') form is 3.12's).
  t->methods = kStructMethods;
  t->getsets = kStructGetSets;
  t->doc = "Struct(format)\n--\n\nCreate a compiled struct object.";
  type_ready(t);
  t = &g_unpack_iter_type;
  t->name = "_struct.unpack_iterator";
  t->basic_size = sizeof(UnpackIter);
  t->tp_dealloc = unpack_iter_dealloc;
  t->tp_iter = unpack_iter_self;
  t->tp_iternext = unpack_iter_next;
  t->methods = kUnpackIterMethods;
  type_ready(t);
  Ref<Dict> cache = dict_new();
  g_types_ok = cache && make_error_class();
  if (cache) g_struct_cache = cache.release();
}

}  // namespace

bool struct_parse_for_test(std::string_view fmt, int64_t* size, int64_t* nitems) {
  Format f;
  if (!parse_format(fmt, &f)) return false;
  *size = f.size;
  *nitems = static_cast<int64_t>(f.items.size());
  return true;
}

Ref<> struct_module_create() {
  static std::once_flag once;
  std::call_once(once, struct_types_init);
  if (!g_types_ok) return err_set_str(g_SystemError, "_struct: cannot create struct.error");
  Ref<> m = module_new("_struct");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kStructFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  if (dict_set_item_str(d, "Struct", Value(&g_struct_type)) < 0) return nullptr;
  if (dict_set_item_str(d, "error", Value(g_struct_error)) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
