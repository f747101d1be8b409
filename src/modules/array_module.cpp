// array.array: a typed, compact, mutable sequence.
//
// Each typecode is one row of kDescrs (item size, how to box an item, how to
// convert a Python value into an item with CPython's messages). Storage is a
// heap_alloc'd byte buffer grown geometrically.
//
// Thread safety (see array_module.h): conversions of incoming values to raw
// items happen first, outside any lock; the buffer is then read or changed in
// one CriticalSection on the array (CriticalSection2 when two arrays are
// involved), so no Python code ever runs while a raw pointer into `data` is
// held, and every single operation is atomic. Iterators claim their index
// under the iterator's lock, so a shared iterator never yields an item twice.
#include "modules/array_module.h"

#include <cmath>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "modules/buffer_util.h"
#include "objects/buffer.h"
#include "objects/bytearray.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_array_type;

namespace {

Type g_array_iter_type;

enum class Kind : uint8_t { kSigned, kUnsigned, kFloat, kChar };

}  // namespace

struct ArrayDescr {
  char typecode;
  uint8_t itemsize;
  Kind kind;
  const char* too_big;    // messages for the range-checked small integer types
  const char* too_small;
};

namespace {

const ArrayDescr kDescrs[] = {
    {'b', 1, Kind::kSigned, "signed char is greater than maximum", "signed char is less than minimum"},
    {'B', 1, Kind::kUnsigned, "unsigned byte integer is greater than maximum", "unsigned byte integer is less than minimum"},
    {'u', 4, Kind::kChar, nullptr, nullptr},
    {'h', 2, Kind::kSigned, "signed short integer is greater than maximum", "signed short integer is less than minimum"},
    {'H', 2, Kind::kUnsigned, "unsigned short is greater than maximum", "unsigned short is less than minimum"},
    {'i', 4, Kind::kSigned, "signed integer is greater than maximum", "signed integer is less than minimum"},
    {'I', 4, Kind::kUnsigned, "unsigned int is greater than maximum", nullptr},
    {'l', 8, Kind::kSigned, nullptr, nullptr},
    {'L', 8, Kind::kUnsigned, nullptr, nullptr},
    {'q', 8, Kind::kSigned, nullptr, nullptr},
    {'Q', 8, Kind::kUnsigned, nullptr, nullptr},
    {'f', 4, Kind::kFloat, nullptr, nullptr},
    {'d', 8, Kind::kFloat, nullptr, nullptr},
};

// Python 3.11's typecodes (3.13 added 'w'); ftpy's output is compared with 3.11.
constexpr const char kTypecodes[] = "bBuhHiIlLqQfd";
constexpr const char kBadTypecode[] = "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)";

const ArrayDescr* find_descr(uint32_t c) {
  for (const ArrayDescr& d : kDescrs)
    if (static_cast<uint32_t>(d.typecode) == c) return &d;
  return nullptr;
}

ArrayObject* A(Value v) { return v.as<ArrayObject>(); }
int64_t asize(ArrayObject* a) { return a->size.load(std::memory_order_relaxed); }

// --- items -----------------------------------------------------------------------------

// Convert a Python value to the raw bytes of one item (`out` has itemsize bytes).
bool to_item(const ArrayDescr* d, Value v, uint8_t* out) {
  switch (d->kind) {
    case Kind::kFloat: {
      double x;
      if (is_float(v)) {
        x = float_value(v);
      } else if (!to_double(v, &x)) {
        if (err_matches(g_TypeError)) {
          err_clear();
          err_format(g_TypeError, "must be real number, not %s", type_name(type_of(v)));
        }
        return false;
      }
      if (d->itemsize == 4) {
        float f = static_cast<float>(x);
        std::memcpy(out, &f, 4);
      } else {
        std::memcpy(out, &x, 8);
      }
      return true;
    }
    case Kind::kChar: {
      if (!is_str(v) || v.as<Str>()->length != 1) {
        err_set_str(g_TypeError, "array item must be unicode character");
        return false;
      }
      uint32_t c = v.as<Str>()->at(0);
      std::memcpy(out, &c, 4);
      return true;
    }
    default: break;
  }
  Ref<> n = number_index(v);
  if (!n) return false;
  uint64_t bits;
  if (d->kind == Kind::kSigned) {
    int64_t s;
    if (!int_as_int64(n.val(), &s)) {
      err_set_str(g_OverflowError, d->typecode == 'q' ? "int too big to convert" : "Python int too large to convert to C long");
      return false;
    }
    if (d->itemsize < 8) {
      int64_t hi = (int64_t{1} << (8 * d->itemsize - 1)) - 1;
      if (s > hi || s < -hi - 1) {
        err_set_str(g_OverflowError, s > hi ? d->too_big : d->too_small);
        return false;
      }
    }
    bits = static_cast<uint64_t>(s);
  } else {
    bool via_long = d->itemsize < 4;  // B and H are range-checked as C longs
    int sign = int_sign(n.val());
    int64_t s;
    if (via_long) {
      if (!int_as_int64(n.val(), &s)) {
        err_set_str(g_OverflowError, "Python int too large to convert to C long");
        return false;
      }
      int64_t hi = (int64_t{1} << (8 * d->itemsize)) - 1;
      if (s > hi || s < 0) {
        err_set_str(g_OverflowError, s > hi ? d->too_big : d->too_small);
        return false;
      }
      bits = static_cast<uint64_t>(s);
    } else {
      bool q = d->typecode == 'Q';
      if (sign < 0) {
        err_set_str(g_OverflowError, q ? "can't convert negative int to unsigned" : "can't convert negative value to unsigned int");
        return false;
      }
      mpz_t z;
      mpz_init(z);
      int_to_mpz(n.val(), z);
      bool fits = mpz_sizeinbase(z, 2) <= 64;
      uint64_t u = 0;
      if (fits) mpz_export(&u, nullptr, -1, sizeof u, 0, 0, z);
      mpz_clear(z);
      if (!fits) {
        err_set_str(g_OverflowError, q ? "int too big to convert" : "Python int too large to convert to C unsigned long");
        return false;
      }
      if (d->itemsize == 4 && u > UINT32_MAX) {
        err_set_str(g_OverflowError, d->too_big);
        return false;
      }
      bits = u;
    }
  }
  for (int k = 0; k < d->itemsize; k++) out[k] = static_cast<uint8_t>(bits >> (8 * k));  // little-endian host
  return true;
}

Ref<> from_item(const ArrayDescr* d, const uint8_t* p) {
  switch (d->typecode) {
    case 'b': return small_int(static_cast<int8_t>(*p));
    case 'B': return small_int(*p);
    case 'h': { int16_t v; std::memcpy(&v, p, 2); return small_int(v); }
    case 'H': { uint16_t v; std::memcpy(&v, p, 2); return small_int(v); }
    case 'i': { int32_t v; std::memcpy(&v, p, 4); return small_int(v); }
    case 'I': { uint32_t v; std::memcpy(&v, p, 4); return small_int(v); }
    case 'l': case 'q': { int64_t v; std::memcpy(&v, p, 8); return int_from_int64(v); }
    case 'L': case 'Q': { uint64_t v; std::memcpy(&v, p, 8); return int_from_uint64(v); }
    case 'f': { float v; std::memcpy(&v, p, 4); return float_new(v); }
    case 'd': { double v; std::memcpy(&v, p, 8); return float_new(v); }
    default: {
      uint32_t c;
      std::memcpy(&c, p, 4);
      // Raw bytes (frombytes) can hold values that are not code points.
      if (c > 0x10ffff) return err_set_str(g_ValueError, "chr() arg not in range(0x110000)");
      return str_from_ucs4(&c, 1);
    }
  }
}

// --- storage (callers hold the array's critical section) ----------------------------------

bool reserve_locked(ArrayObject* a, int64_t n) {
  if (n <= a->capacity) return true;
  int64_t cap = a->capacity < 4 ? 4 : a->capacity;
  while (cap < n) cap += cap / 2 + 1;
  if (cap > (int64_t{1} << 46) / a->descr->itemsize) {
    err_no_memory();
    return false;
  }
  void* p = heap_realloc(a->data, static_cast<size_t>(cap) * a->descr->itemsize);
  if (!p) {
    err_no_memory();
    return false;
  }
  a->data = static_cast<uint8_t*>(p);
  a->capacity = cap;
  return true;
}

void set_size(ArrayObject* a, int64_t n) { a->size.store(n, std::memory_order_relaxed); }

// Every change of size calls this first, under the same section in which
// buffer exports are counted (objects/buffer.h).
bool resize_allowed_locked(ArrayObject* a, int64_t n) {
  if (n == asize(a) || a->exports == 0) return true;
  err_set_str(g_BufferError, "cannot resize an array that is exporting buffers");
  return false;
}

bool append_raw_locked(ArrayObject* a, const uint8_t* items, int64_t n) {
  int64_t sz = asize(a);
  if (!resize_allowed_locked(a, sz + n)) return false;
  if (!reserve_locked(a, sz + n)) return false;
  if (n) std::memmove(a->data + sz * a->descr->itemsize, items, static_cast<size_t>(n) * a->descr->itemsize);
  set_size(a, sz + n);
  return true;
}

std::string snapshot(Value v) {
  ArrayObject* a = A(v);
  CriticalSection cs(v);
  return std::string(reinterpret_cast<const char*>(a->data), static_cast<size_t>(asize(a)) * a->descr->itemsize);
}

Ref<> array_alloc(Type* t, const ArrayDescr* d) {
  auto* o = alloc_object<ArrayObject>(t, t->basic_size);
  if (!o) return nullptr;
  o->descr = d;
  return Ref<>::steal(Value(o));
}

Ref<> array_from_raw(Type* t, const ArrayDescr* d, const std::string& raw) {
  Ref<> r = array_alloc(t, d);
  if (!r) return nullptr;
  ArrayObject* a = A(r.val());
  if (!append_raw_locked(a, reinterpret_cast<const uint8_t*>(raw.data()), static_cast<int64_t>(raw.size() / d->itemsize)))
    return nullptr;
  return r;
}

void array_dealloc(Object* o) {
  auto* a = static_cast<ArrayObject*>(o);
  heap_free(a->data);
  if (Value* d = instance_dict_slot(Value(o))) {
    decref(*d);
    *d = Value();
  }
  free_object(o);
}

// Convert every item of an iterable into raw bytes (no lock held).
bool convert_iterable(const ArrayDescr* d, Value iterable, std::string* out) {
  Ref<> it = get_iter(iterable);
  if (!it) return false;
  uint8_t buf[8];
  for (;;) {
    Ref<> v = iter_next(it.val());
    if (!v) return !err_occurred();
    if (!to_item(d, v.val(), buf)) return false;
    out->append(reinterpret_cast<const char*>(buf), d->itemsize);
  }
}

bool str_to_raw(Value s, std::string* out) {
  Str* str = s.as<Str>();
  out->reserve(static_cast<size_t>(str->length) * 4);
  for (int64_t i = 0; i < str->length; i++) {
    uint32_t c = str->at(i);
    out->append(reinterpret_cast<const char*>(&c), 4);
  }
  return true;
}

Ref<> raw_to_str(const std::string& raw) {
  // Raw bytes (frombytes) can hold values that are not code points.
  for (size_t i = 0; i + 4 <= raw.size(); i += 4) {
    uint32_t c;
    std::memcpy(&c, raw.data() + i, 4);
    if (c > 0x10ffff) return err_format(g_ValueError, "character U+%x is not in range [U+0000; U+10ffff]", c);
  }
  return str_from_ucs4(reinterpret_cast<const uint32_t*>(raw.data()), static_cast<int64_t>(raw.size() / 4));
}

// --- construction ------------------------------------------------------------------------------

Ref<> array_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  if (t == &g_array_type && !kwnames.is_null() && tuple_size(kwnames) > 0)
    return err_set_str(g_TypeError, "array.array() takes no keyword arguments");
  if (nargs < 1) return err_format(g_TypeError, "array() takes at least 1 argument (%zu given)", nargs);
  if (nargs > 2) return err_format(g_TypeError, "array() takes at most 2 arguments (%zu given)", nargs);
  Value tc = args[0];
  if (!is_str(tc) || tc.as<Str>()->length != 1) {
    if (is_str(tc))
      return err_format(g_TypeError, "array() argument 1 must be a unicode character, not str");
    return err_format(g_TypeError, "array() argument 1 must be a unicode character, not %s", type_name(type_of(tc)));
  }
  uint32_t code = tc.as<Str>()->at(0);
  // A str (or 'u' array) initializer for a non-'u' code is refused before the
  // code itself is checked, as in CPython.
  if (nargs == 2 && code != 'u') {
    if (is_str(args[1]))
      return err_format(g_TypeError, "cannot use a str to initialize an array with typecode '%s'",
                        std::string(str_view(tc.as<Str>())).c_str());
    if (is_array(args[1]) && A(args[1])->descr->kind == Kind::kChar)
      return err_format(g_TypeError, "cannot use a unicode array to initialize an array with typecode '%s'",
                        std::string(str_view(tc.as<Str>())).c_str());
  }
  const ArrayDescr* d = find_descr(code);
  if (!d) return err_set_str(g_ValueError, kBadTypecode);
  std::string raw;
  if (nargs == 2) {
    Value init = args[1];
    if (is_array(init)) {
      const ArrayDescr* od = A(init)->descr;
      if (od->kind == Kind::kChar && d->kind != Kind::kChar)
        return err_format(g_TypeError, "cannot use a unicode array to initialize an array with typecode '%c'", d->typecode);
      if (od == d) {
        raw = snapshot(init);
      } else if (!convert_iterable(d, init, &raw)) {
        return nullptr;
      }
    } else if (is_str(init)) {
      if (d->kind != Kind::kChar)
        return err_format(g_TypeError, "cannot use a str to initialize an array with typecode '%c'", d->typecode);
      str_to_raw(init, &raw);
    } else if (is_bytes(init) || is_bytearray(init)) {  // other buffers are iterated, as in CPython
      if (!buffer_copy_or_error(init, &raw)) return nullptr;
      if (raw.size() % d->itemsize) return err_set_str(g_ValueError, "bytes length not a multiple of item size");
    } else if (!convert_iterable(d, init, &raw)) {
      return nullptr;
    }
  }
  return array_from_raw(t, d, raw);
}

// --- repr, comparisons ---------------------------------------------------------------------------

Ref<> array_repr(Value self) {
  ArrayObject* a = A(self);
  char tc = a->descr->typecode;
  std::string out = std::string("array('") + tc + "'";
  std::string raw = snapshot(self);
  if (raw.empty()) return str_from_utf8(out + ")");
  Ref<> inner;
  if (a->descr->kind == Kind::kChar) {
    Ref<> s = raw_to_str(raw);
    if (!s) return nullptr;
    inner = repr(s.val());
  } else {
    Ref<> lst = list_new();
    if (!lst) return nullptr;
    for (size_t off = 0; off < raw.size(); off += a->descr->itemsize) {
      Ref<> v = from_item(a->descr, reinterpret_cast<const uint8_t*>(raw.data()) + off);
      if (!v || list_append(lst.val(), v.val()) < 0) return nullptr;
    }
    inner = repr(lst.val());
  }
  if (!inner) return nullptr;
  out += ", ";
  out += str_view(inner.val());
  out += ")";
  return str_from_utf8(out);
}

Ref<> tolist_impl(Value self) {
  ArrayObject* a = A(self);
  std::string raw = snapshot(self);
  int64_t n = static_cast<int64_t>(raw.size() / a->descr->itemsize);
  Ref<List> l = list_new(n);
  if (!l) return nullptr;
  for (int64_t i = 0; i < n; i++) {
    Ref<> v = from_item(a->descr, reinterpret_cast<const uint8_t*>(raw.data()) + i * a->descr->itemsize);
    if (!v) return nullptr;
    list_init_item(l.get(), i, std::move(v));
  }
  return l;
}

Ref<> array_richcompare(Value a, Value b, CompareOp op) {
  if (!is_array(a) || !is_array(b)) return Ref<>::borrow(not_implemented());
  Ref<> la = tolist_impl(a);
  if (!la) return nullptr;
  Ref<> lb = tolist_impl(b);
  if (!lb) return nullptr;
  return richcompare(la.val(), lb.val(), op);
}

// --- sequence protocol ---------------------------------------------------------------------------

int64_t array_length(Value self) { return asize(A(self)); }

Ref<> item_at(Value self, int64_t i, const char* msg) {
  ArrayObject* a = A(self);
  uint8_t buf[8];
  {
    CriticalSection cs(self);
    int64_t n = asize(a);
    if (i < 0) i += n;
    if (i < 0 || i >= n) return err_set_str(g_IndexError, msg);
    std::memcpy(buf, a->data + i * a->descr->itemsize, a->descr->itemsize);
  }
  return from_item(a->descr, buf);
}

Ref<> array_subscript(Value self, Value key) {
  ArrayObject* a = A(self);
  if (is_slice(key)) {
    std::string raw = snapshot(self);
    int64_t isz = a->descr->itemsize;
    int64_t start, stop, step, len;
    if (!slice_indices(key, static_cast<int64_t>(raw.size()) / isz, &start, &stop, &step, &len)) return nullptr;
    std::string out;
    out.reserve(static_cast<size_t>(len * isz));
    for (int64_t k = 0, i = start; k < len; k++, i += step) out.append(raw, static_cast<size_t>(i * isz), static_cast<size_t>(isz));
    return array_from_raw(&g_array_type, a->descr, out);
  }
  int64_t i;
  if (!is_int(key) && !type_of(key)->nb_index)
    return err_set_str(g_TypeError, "array indices must be integers");
  if (!to_index(key, &i)) return nullptr;
  return item_at(self, i, "array index out of range");
}

int array_ass_subscript(Value self, Value key, Value v) {
  ArrayObject* a = A(self);
  const ArrayDescr* d = a->descr;
  int64_t isz = d->itemsize;
  if (!is_slice(key)) {
    int64_t i;
    if (!is_int(key) && !type_of(key)->nb_index) {
      err_set_str(g_TypeError, "array indices must be integers");
      return -1;
    }
    if (!to_index(key, &i)) return -1;
    uint8_t buf[8];
    if (!v.is_null() && !to_item(d, v, buf)) return -1;
    CriticalSection cs(self);
    int64_t n = asize(a);
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
      err_set_str(g_IndexError, v.is_null() ? "array assignment index out of range" : "array assignment index out of range");
      return -1;
    }
    if (v.is_null()) {
      if (!resize_allowed_locked(a, n - 1)) return -1;
      std::memmove(a->data + i * isz, a->data + (i + 1) * isz, static_cast<size_t>((n - i - 1) * isz));
      set_size(a, n - 1);
    } else {
      std::memcpy(a->data + i * isz, buf, static_cast<size_t>(isz));
    }
    return 0;
  }
  std::string src;
  if (!v.is_null()) {
    if (!is_array(v)) {
      err_format(g_TypeError, "can only assign array (not \"%s\") to array slice", type_name(type_of(v)));
      return -1;
    }
    if (A(v)->descr != d) {
      err_set_str(g_TypeError, "bad argument type for built-in operation");
      return -1;
    }
    src = snapshot(v);
  }
  int64_t m = static_cast<int64_t>(src.size()) / isz;
  CriticalSection cs(self);
  int64_t n = asize(a);
  int64_t start, stop, step, len;
  if (!slice_indices(key, n, &start, &stop, &step, &len)) return -1;
  if (step == 1) {
    int64_t newn = n - len + m;
    if (!resize_allowed_locked(a, newn) || !reserve_locked(a, newn)) return -1;
    std::memmove(a->data + (start + m) * isz, a->data + (start + len) * isz, static_cast<size_t>((n - start - len) * isz));
    if (m) std::memcpy(a->data + start * isz, src.data(), static_cast<size_t>(m * isz));
    set_size(a, newn);
    return 0;
  }
  if (v.is_null()) {
    // Delete an extended slice: keep the items not selected.
    if (!resize_allowed_locked(a, n - len)) return -1;
    std::vector<bool> drop(static_cast<size_t>(n), false);
    for (int64_t k = 0, i = start; k < len; k++, i += step) drop[static_cast<size_t>(i)] = true;
    int64_t w = 0;
    for (int64_t i = 0; i < n; i++)
      if (!drop[static_cast<size_t>(i)]) std::memmove(a->data + (w++) * isz, a->data + i * isz, static_cast<size_t>(isz));
    set_size(a, w);
    return 0;
  }
  if (m != len) {
    err_format(g_ValueError, "attempt to assign array of size %lld to extended slice of size %lld",
               static_cast<long long>(m), static_cast<long long>(len));
    return -1;
  }
  for (int64_t k = 0, i = start; k < len; k++, i += step)
    std::memcpy(a->data + i * isz, src.data() + k * isz, static_cast<size_t>(isz));
  return 0;
}

int array_contains(Value self, Value item) {
  Ref<> l = tolist_impl(self);
  if (!l) return -1;
  return contains(l.val(), item);
}

// --- number protocol: + and * ------------------------------------------------------------------------

Ref<> array_concat(Value a, Value b) {
  if (!is_array(a)) return Ref<>::borrow(not_implemented());
  if (!is_array(b)) return err_format(g_TypeError, "can only append array (not \"%s\") to array", type_name(type_of(b)));
  if (A(a)->descr != A(b)->descr) return err_set_str(g_TypeError, "bad argument type for built-in operation");
  std::string raw = snapshot(a) + snapshot(b);
  return array_from_raw(&g_array_type, A(a)->descr, raw);
}

Ref<> array_repeat(Value a, Value b) {
  Value arr = is_array(a) ? a : b, count = is_array(a) ? b : a;
  if (!is_int(count) && !type_of(count)->nb_index) return Ref<>::borrow(not_implemented());
  int64_t n;
  if (!to_index(count, &n)) return nullptr;
  if (n < 0) n = 0;
  std::string raw = snapshot(arr);
  if (raw.empty()) n = 0;  // array('i') * (2**63 - 1) looped 2**63 times appending nothing
  if (n && raw.size() > static_cast<size_t>(INT64_MAX / 4) / static_cast<size_t>(n)) return err_no_memory();
  std::string out;
  out.reserve(raw.size() * static_cast<size_t>(n));
  for (int64_t i = 0; i < n; i++) out += raw;
  return array_from_raw(&g_array_type, A(arr)->descr, out);
}

Ref<> array_inplace_concat(Value a, Value b) {
  if (!is_array(b)) return err_format(g_TypeError, "can only extend array with array (not \"%s\")", type_name(type_of(b)));
  if (A(a)->descr != A(b)->descr) return err_set_str(g_TypeError, "can only extend with array of same kind");
  std::string raw = snapshot(b);
  {
    CriticalSection cs(a);
    if (!append_raw_locked(A(a), reinterpret_cast<const uint8_t*>(raw.data()), static_cast<int64_t>(raw.size()) / A(a)->descr->itemsize))
      return nullptr;
  }
  return Ref<>::borrow(a);
}

Ref<> array_inplace_repeat(Value a, Value b) {
  if (!is_int(b) && !type_of(b)->nb_index) return Ref<>::borrow(not_implemented());
  int64_t n;
  if (!to_index(b, &n)) return nullptr;
  ArrayObject* arr = A(a);
  CriticalSection cs(a);
  int64_t sz = asize(arr);
  if (n <= 0 || sz == 0) {
    if (!resize_allowed_locked(arr, 0)) return nullptr;
    set_size(arr, 0);
    return Ref<>::borrow(a);
  }
  if (sz > INT64_MAX / 8 / n) return err_no_memory();
  if (!resize_allowed_locked(arr, sz * n) || !reserve_locked(arr, sz * n)) return nullptr;
  size_t block = static_cast<size_t>(sz * arr->descr->itemsize);
  for (int64_t i = 1; i < n; i++) std::memcpy(arr->data + i * block, arr->data, block);
  set_size(arr, sz * n);
  return Ref<>::borrow(a);
}

// --- methods -------------------------------------------------------------------------------------------

Ref<> m_append(Value self, Value* args) {
  uint8_t buf[8];
  if (!to_item(A(self)->descr, args[0], buf)) return nullptr;
  CriticalSection cs(self);
  if (!append_raw_locked(A(self), buf, 1)) return nullptr;
  return new_none();
}

Ref<> m_extend(Value self, Value* args) {
  Value src = args[0];
  const ArrayDescr* d = A(self)->descr;
  std::string raw;
  if (is_array(src)) {
    if (A(src)->descr != d) return err_set_str(g_TypeError, "can only extend with array of same kind");
    raw = snapshot(src);
  } else if (!convert_iterable(d, src, &raw)) {
    return nullptr;
  }
  CriticalSection cs(self);
  if (!append_raw_locked(A(self), reinterpret_cast<const uint8_t*>(raw.data()), static_cast<int64_t>(raw.size()) / d->itemsize))
    return nullptr;
  return new_none();
}

Ref<> m_insert(Value self, Value* args) {
  int64_t i;
  if (!to_index(args[0], &i)) return nullptr;
  ArrayObject* a = A(self);
  uint8_t buf[8];
  if (!to_item(a->descr, args[1], buf)) return nullptr;
  CriticalSection cs(self);
  int64_t n = asize(a), isz = a->descr->itemsize;
  if (i < 0) i = i + n < 0 ? 0 : i + n;
  if (i > n) i = n;
  if (!resize_allowed_locked(a, n + 1) || !reserve_locked(a, n + 1)) return nullptr;
  std::memmove(a->data + (i + 1) * isz, a->data + i * isz, static_cast<size_t>((n - i) * isz));
  std::memcpy(a->data + i * isz, buf, static_cast<size_t>(isz));
  set_size(a, n + 1);
  return new_none();
}

Ref<> m_pop(Value self, Value* args) {
  int64_t i = -1;
  if (!args[0].is_null() && !to_index(args[0], &i)) return nullptr;
  ArrayObject* a = A(self);
  uint8_t buf[8];
  {
    CriticalSection cs(self);
    int64_t n = asize(a), isz = a->descr->itemsize;
    if (n == 0) return err_set_str(g_IndexError, "pop from empty array");
    if (i < 0) i += n;
    if (i < 0 || i >= n) return err_set_str(g_IndexError, "pop index out of range");
    if (!resize_allowed_locked(a, n - 1)) return nullptr;
    std::memcpy(buf, a->data + i * isz, static_cast<size_t>(isz));
    if (a->descr->kind == Kind::kChar) {
      // An item that is not a code point cannot be returned: fail before removing it.
      uint32_t c;
      std::memcpy(&c, buf, 4);
      if (c > 0x10ffff) return err_set_str(g_ValueError, "chr() arg not in range(0x110000)");
    }
    std::memmove(a->data + i * isz, a->data + (i + 1) * isz, static_cast<size_t>((n - i - 1) * isz));
    set_size(a, n - 1);
  }
  return from_item(a->descr, buf);
}

// Index of the first item equal to x in [start, stop), -1 if none, -2 on error.
int64_t find_index(Value self, Value x, int64_t start, int64_t stop) {
  ArrayObject* a = A(self);
  std::string raw = snapshot(self);
  int64_t n = static_cast<int64_t>(raw.size()) / a->descr->itemsize;
  if (start < 0) start = start + n < 0 ? 0 : start + n;
  if (stop < 0) stop = stop + n < 0 ? 0 : stop + n;
  if (stop > n) stop = n;
  for (int64_t i = start; i < stop; i++) {
    Ref<> v = from_item(a->descr, reinterpret_cast<const uint8_t*>(raw.data()) + i * a->descr->itemsize);
    if (!v) return -2;
    int eq = richcompare_bool(v.val(), x, kEq);
    if (eq < 0) return -2;
    if (eq) return i;
  }
  return -1;
}

Ref<> m_index(Value self, Value* args) {
  int64_t start = 0, stop = INT64_MAX;
  if (!args[1].is_null() && !to_index(args[1], &start)) return nullptr;
  if (!args[2].is_null() && !to_index(args[2], &stop)) return nullptr;
  int64_t i = find_index(self, args[0], start, stop);
  if (i == -2) return nullptr;
  if (i < 0) return err_set_str(g_ValueError, "array.index(x): x not in array");
  return small_int(i);
}

Ref<> m_remove(Value self, Value* args) {
  int64_t i = find_index(self, args[0], 0, INT64_MAX);
  if (i == -2) return nullptr;
  if (i < 0) return err_set_str(g_ValueError, "array.remove(x): x not in array");
  // Remove the first equal item; the array may have changed meanwhile, so the
  // removal re-checks bounds under the lock.
  ArrayObject* a = A(self);
  CriticalSection cs(self);
  int64_t n = asize(a), isz = a->descr->itemsize;
  if (i < n) {
    if (!resize_allowed_locked(a, n - 1)) return nullptr;
    std::memmove(a->data + i * isz, a->data + (i + 1) * isz, static_cast<size_t>((n - i - 1) * isz));
    set_size(a, n - 1);
  }
  return new_none();
}

Ref<> m_count(Value self, Value* args) {
  ArrayObject* a = A(self);
  std::string raw = snapshot(self);
  int64_t count = 0;
  for (size_t off = 0; off < raw.size(); off += a->descr->itemsize) {
    Ref<> v = from_item(a->descr, reinterpret_cast<const uint8_t*>(raw.data()) + off);
    if (!v) return nullptr;
    int eq = richcompare_bool(v.val(), args[0], kEq);
    if (eq < 0) return nullptr;
    count += eq;
  }
  return small_int(count);
}

Ref<> m_reverse(Value self, Value*) {
  ArrayObject* a = A(self);
  CriticalSection cs(self);
  int64_t n = asize(a), isz = a->descr->itemsize;
  uint8_t tmp[8];
  for (int64_t i = 0, j = n - 1; i < j; i++, j--) {
    std::memcpy(tmp, a->data + i * isz, static_cast<size_t>(isz));
    std::memcpy(a->data + i * isz, a->data + j * isz, static_cast<size_t>(isz));
    std::memcpy(a->data + j * isz, tmp, static_cast<size_t>(isz));
  }
  return new_none();
}

Ref<> m_byteswap(Value self, Value*) {
  ArrayObject* a = A(self);
  CriticalSection cs(self);
  int64_t n = asize(a), isz = a->descr->itemsize;
  for (int64_t i = 0; i < n; i++) {
    uint8_t* p = a->data + i * isz;
    for (int64_t l = 0, r = isz - 1; l < r; l++, r--) std::swap(p[l], p[r]);
  }
  return new_none();
}

Ref<> m_buffer_info(Value self, Value*) {
  ArrayObject* a = A(self);
  uint64_t addr;
  int64_t n;
  {
    CriticalSection cs(self);
    addr = reinterpret_cast<uint64_t>(a->data);
    n = asize(a);
  }
  Ref<> p = int_from_uint64(addr);
  if (!p) return nullptr;
  Ref<> ln = small_int(n);
  return tuple_pack({p.val(), ln.val()});
}

Ref<> m_tobytes(Value self, Value*) { return bytes_from(snapshot(self)); }

Ref<> m_frombytes(Value self, Value* args) {
  std::string raw;
  if (!module_buffer_or_error(args[0], &raw)) return nullptr;
  ArrayObject* a = A(self);
  if (raw.size() % a->descr->itemsize) return err_set_str(g_ValueError, "bytes length not a multiple of item size");
  CriticalSection cs(self);
  if (!append_raw_locked(a, reinterpret_cast<const uint8_t*>(raw.data()), static_cast<int64_t>(raw.size()) / a->descr->itemsize))
    return nullptr;
  return new_none();
}

// fromfile(f, n): n items read with one f.read(); what arrives is appended
// as frombytes would (whole items only), and a short read then raises
// EOFError, as CPython's does.
Ref<> m_fromfile(Value self, Value* args) {
  int64_t n;
  if (!to_index(args[1], &n)) return nullptr;
  if (n < 0) return err_set_str(g_ValueError, "negative count");
  int64_t itemsize = A(self)->descr->itemsize;
  if (n > INT64_MAX / itemsize) return err_no_memory();
  Ref<> want = int_from_int64(n * itemsize);
  if (!want) return nullptr;
  Value arg = want.val();
  Ref<> data = call_method(args[0], "read", &arg, 1);
  if (!data) return nullptr;
  if (!is_bytes(data.val())) return err_set_str(g_TypeError, "read() didn't return bytes");
  Value d = data.val();
  if (!m_frombytes(self, &d)) return nullptr;
  if (bytes_size(data.val()) != n * itemsize) return err_set_str(g_EOFError, "read() didn't return enough bytes");
  return new_none();
}

// tofile(f): the items as machine values, written in 64 KiB blocks.
Ref<> m_tofile(Value self, Value* args) {
  std::string raw = snapshot(self);
  size_t itemsize = static_cast<size_t>(A(self)->descr->itemsize);
  size_t block = (64 * 1024 / itemsize) * itemsize;
  for (size_t off = 0; off < raw.size(); off += block) {
    Ref<> chunk = bytes_from(raw.data() + off, std::min(block, raw.size() - off));
    if (!chunk) return nullptr;
    Value arg = chunk.val();
    if (!call_method(args[0], "write", &arg, 1)) return nullptr;
  }
  return new_none();
}

Ref<> m_tolist(Value self, Value*) { return tolist_impl(self); }

Ref<> m_fromlist(Value self, Value* args) {
  if (!is_list(args[0])) return err_set_str(g_TypeError, "arg must be list");
  std::string raw;
  if (!convert_iterable(A(self)->descr, args[0], &raw)) return nullptr;
  ArrayObject* a = A(self);
  CriticalSection cs(self);
  if (!append_raw_locked(a, reinterpret_cast<const uint8_t*>(raw.data()), static_cast<int64_t>(raw.size()) / a->descr->itemsize))
    return nullptr;
  return new_none();
}

Ref<> m_tounicode(Value self, Value*) {
  if (A(self)->descr->kind != Kind::kChar)
    return err_set_str(g_ValueError, "tounicode() may only be called on unicode type arrays");
  std::string raw = snapshot(self);
  for (size_t off = 0; off < raw.size(); off += 4) {
    uint32_t c;
    std::memcpy(&c, raw.data() + off, 4);
    if (c > 0x10ffff) return err_format(g_ValueError, "character U+%x is not in range [U+0000; U+10ffff]", c);
  }
  return raw_to_str(raw);
}

Ref<> m_fromunicode(Value self, Value* args) {
  if (!is_str(args[0]))
    return err_format(g_TypeError, "fromunicode() argument must be str, not %s", type_name(type_of(args[0])));
  if (A(self)->descr->kind != Kind::kChar)
    return err_set_str(g_ValueError, "fromunicode() may only be called on unicode type arrays");
  std::string raw;
  str_to_raw(args[0], &raw);
  CriticalSection cs(self);
  if (!append_raw_locked(A(self), reinterpret_cast<const uint8_t*>(raw.data()), static_cast<int64_t>(raw.size()) / 4))
    return nullptr;
  return new_none();
}

Ref<> m_copy(Value self, Value*) { return array_from_raw(&g_array_type, A(self)->descr, snapshot(self)); }
Ref<> m_deepcopy(Value self, Value*) { return m_copy(self, nullptr); }

Ref<> m_reduce_ex(Value self, Value*) {
  Ref<> l = tolist_impl(self);
  if (!l) return nullptr;
  char tc = A(self)->descr->typecode;
  Ref<Str> code = str_from_ascii(std::string_view(&tc, 1));
  if (!code) return nullptr;
  Ref<Tuple> args = tuple_pack({code.val(), l.val()});
  if (!args) return nullptr;
  Ref<> dict = new_none();
  if (Value* d = instance_dict_slot(self)) {
    // Held: `a.__dict__ = ...` may replace it meanwhile.
    if (Value v = std::atomic_ref<Value>(*d).load(std::memory_order_acquire); !v.is_null()) dict = Ref<>::borrow(v);
  }
  return tuple_pack({Value(type_of(self)), args.val(), dict.val()});
}

Ref<> m_sizeof(Value self, Value*) {
  ArrayObject* a = A(self);
  CriticalSection cs(self);
  return small_int(static_cast<int64_t>(sizeof(ArrayObject)) + a->capacity * a->descr->itemsize);
}

Ref<> get_typecode(Value self) {
  char tc = A(self)->descr->typecode;
  return str_from_ascii(std::string_view(&tc, 1));
}
Ref<> get_itemsize(Value self) { return small_int(A(self)->descr->itemsize); }

const MethodDef kArrayMethods[] = {
    {"append($self, v, /)", m_append, "Append new value v to the end of the array."},
    {"extend($self, bb, /)", m_extend, "Append items to the end of the array."},
    {"insert($self, i, v, /)", m_insert, "Insert a new item v into the array before position i."},
    {"pop($self, i=?, /)", m_pop, "Return the i-th element and delete it from the array."},
    {"remove($self, v, /)", m_remove, "Remove the first occurrence of v in the array."},
    {"index($self, v, start=?, stop=?, /)", m_index, "Return index of first occurrence of v in the array."},
    {"count($self, v, /)", m_count, "Return number of occurrences of v in the array."},
    {"reverse($self, /)", m_reverse, "Reverse the order of the items in the array."},
    {"byteswap($self, /)", m_byteswap, "Byteswap all items of the array."},
    {"buffer_info($self, /)", m_buffer_info, "Return a tuple (address, length) giving the current memory address and the length in items of the buffer used to hold array's contents."},
    {"tobytes($self, /)", m_tobytes, "Convert the array to an array of machine values and return the bytes representation."},
    {"frombytes($self, buffer, /)", m_frombytes, "Appends items from the string, interpreting it as an array of machine values, as if it had been read from a file using the fromfile() method."},
    {"fromfile($self, f, n, /)", m_fromfile, "Read n objects from the file object f and append them to the end of the array."},
    {"tofile($self, f, /)", m_tofile, "Write all items (as machine values) to the file object f."},
    {"tolist($self, /)", m_tolist, "Convert array to an ordinary list with the same items."},
    {"fromlist($self, list, /)", m_fromlist, "Append items to array from list."},
    {"tounicode($self, /)", m_tounicode, "Extends this array with data from the unicode string ustr."},
    {"fromunicode($self, ustr, /)", m_fromunicode, "Extends this array with data from the unicode string ustr."},
    {"__copy__($self, /)", m_copy, "Return a copy of the array."},
    {"__deepcopy__($self, unused, /)", m_deepcopy, "Return a copy of the array."},
    {"__reduce_ex__($self, protocol, /)", m_reduce_ex, "Return state information for pickling."},
    {"__sizeof__($self, /)", m_sizeof, "Size of the array in memory, in bytes."},
    {nullptr}};

const GetSetDef kArrayGetSets[] = {
    {"typecode", get_typecode, nullptr, "the typecode character used to create the array"},
    {"itemsize", get_itemsize, nullptr, "the size, in bytes, of one array item"},
    {nullptr}};

// --- iterator ----------------------------------------------------------------------------------------------

struct ArrayIter : Object {
  Value arr;      // owned; null once exhausted
  int64_t index;  // claimed under the iterator's critical section
};

void array_iter_dealloc(Object* o) {
  decref(static_cast<ArrayIter*>(o)->arr);
  free_object(o);
}

Ref<> array_iter(Value self) {
  auto* it = alloc_object<ArrayIter>(&g_array_iter_type);
  if (!it) return nullptr;
  incref(self);
  it->arr = self;
  return Ref<>::steal(Value(it));
}

Ref<> array_iter_self(Value self) { return Ref<>::borrow(self); }

Ref<> array_iter_next(Value self) {
  auto* it = self.as<ArrayIter>();
  Ref<> arr;
  int64_t i;
  {
    CriticalSection cs(self);
    if (it->arr.is_null()) return nullptr;
    arr = Ref<>::borrow(it->arr);
    i = it->index++;
  }
  ArrayObject* a = A(arr.val());
  uint8_t buf[8];
  bool have = false;
  {
    CriticalSection cs(arr.val());
    if (i < asize(a)) {
      std::memcpy(buf, a->data + i * a->descr->itemsize, a->descr->itemsize);
      have = true;
    }
  }
  if (!have) {
    CriticalSection cs(self);
    Value old = it->arr;
    it->arr = Value();
    decref(old);
    return nullptr;
  }
  return from_item(a->descr, buf);
}

// Buffer export (objects/buffer.h): counted under the array's section.
const char* export_format(const ArrayDescr* d) {
  // One NUL-terminated string per typecode ('u' exports UCS4 items as 'w',
  // as CPython does).
  static const char* const kFormats[] = {"b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "f", "d"};
  for (const char* f : kFormats)
    if (f[0] == d->typecode) return f;
  return "w";
}

bool array_get_buffer(Value self, BufferView* view, int) {
  ArrayObject* a = A(self);
  CriticalSection cs(self);
  static uint8_t empty[8];
  view->lock = self.obj();
  view->buf = a->data ? a->data : empty;
  view->itemsize = view->stride = a->descr->itemsize;
  view->count = asize(a);
  view->len = view->count * view->itemsize;
  view->format = export_format(a->descr);
  view->readonly = false;
  a->exports++;
  return true;
}

void array_release_buffer(Value self, BufferView*) {
  CriticalSection cs(self);
  A(self)->exports--;
}

const BufferProcs kArrayBufferProcs = {array_get_buffer, array_release_buffer};

void array_types_init() {
  Type* t = &g_array_type;
  t->name = "array.array";
  t->basic_size = sizeof(ArrayObject);
  t->flags = kTypeBaseType | kTypeSequence;
  t->tp_new = array_tp_new;
  t->tp_dealloc = array_dealloc;
  t->tp_repr = array_repr;
  t->tp_richcompare = array_richcompare;
  t->tp_iter = array_iter;
  t->mp_length = array_length;
  t->mp_subscript = array_subscript;
  t->mp_ass_subscript = array_ass_subscript;
  t->sq_contains = array_contains;
  t->nb_binary[kOpAdd] = array_concat;
  t->nb_binary[kOpMul] = array_repeat;
  t->nb_inplace[kOpAdd] = array_inplace_concat;
  t->nb_inplace[kOpMul] = array_inplace_repeat;
  t->methods = kArrayMethods;
  t->getsets = kArrayGetSets;
  t->doc = "array(typecode [, initializer]) -> array\n\nReturn a new array whose items are restricted by typecode, and\ninitialized from the optional initializer value, which must be a list,\nstring or iterable over elements of the appropriate type.";
  type_ready(t);
  buffer_register(t, &kArrayBufferProcs);
  t = &g_array_iter_type;
  t->name = "array.arrayiterator";
  t->basic_size = sizeof(ArrayIter);
  t->tp_dealloc = array_iter_dealloc;
  t->tp_iter = array_iter_self;
  t->tp_iternext = array_iter_next;
  type_ready(t);
}

}  // namespace

bool is_array(Value v) { return v.is_obj() && is_subtype(type_of(v), &g_array_type); }


Ref<> array_module_create() {
  static std::once_flag once;
  std::call_once(once, array_types_init);
  Ref<> m = module_new("array");
  if (!m) return nullptr;
  Value d = module_dict(m.val());
  if (dict_set_item_str(d, "array", Value(&g_array_type)) < 0) return nullptr;
  if (dict_set_item_str(d, "ArrayType", Value(&g_array_type)) < 0) return nullptr;
  Ref<Str> codes = str_from_ascii(kTypecodes);
  if (!codes || dict_set_item_str(d, "typecodes", codes.val()) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
