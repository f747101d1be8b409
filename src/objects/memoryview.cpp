// memoryview (memoryview.h): views of any buffer exporter (objects/buffer.h).
#include "objects/memoryview.h"

#include <cmath>
#include <cstring>
#include <optional>
#include <string>

#include "objects/buffer.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/iter.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_memoryview_type;

namespace {

inline MemoryView* MV(Value v) { return v.as<MemoryView>(); }

// --- item formats ----------------------------------------------------------------------

// The item code of a native single-character format ("i" or "@i"), or 0.
char format_code(const char* f) {
  if (f[0] == '@') f++;
  if (!f[0] || f[1]) return 0;
  return std::strchr("bBchHiIlLqQnNfd?P", f[0]) ? f[0] : 0;
}

int64_t code_itemsize(char c) {
  switch (c) {
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'd': case 'P': return 8;
    default: return 1;
  }
}

bool is_byte_format(const char* f) {
  char c = format_code(f);
  return c == 'B' || c == 'b' || c == 'c';
}

template <typename T>
T load(const uint8_t* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

Ref<> unpack_item(char c, const uint8_t* p) {
  switch (c) {
    case 'b': return small_int(static_cast<int8_t>(*p));
    case 'B': return small_int(*p);
    case 'c': return bytes_from(p, 1);
    case '?': return new_bool(*p != 0);
    case 'h': return small_int(load<int16_t>(p));
    case 'H': return small_int(load<uint16_t>(p));
    case 'i': return small_int(load<int32_t>(p));
    case 'I': return small_int(load<uint32_t>(p));
    case 'l': case 'q': case 'n': return int_from_int64(load<int64_t>(p));
    case 'L': case 'Q': case 'N': case 'P': return int_from_uint64(load<uint64_t>(p));
    case 'f': return float_new(load<float>(p));
    default: return float_new(load<double>(p));
  }
}

bool invalid_type(char c) {
  err_format(g_TypeError, "memoryview: invalid type for format '%c'", c);
  return false;
}
bool invalid_value(char c) {
  err_format(g_ValueError, "memoryview: invalid value for format '%c'", c);
  return false;
}

// Convert v to the bytes of one item of format c (before any lock is taken:
// this may run Python code). CPython's messages: TypeError for a value of the
// wrong kind, ValueError for one out of range.
bool pack_item(char c, Value v, uint8_t* out) {
  if (c == 'c') {
    if (!is_bytes(v)) return invalid_type(c);
    if (bytes_size(v) != 1) return invalid_value(c);
    *out = bytes_data(v)[0];
    return true;
  }
  if (c == '?') {
    int t = truthy(v);
    if (t < 0) return false;
    *out = static_cast<uint8_t>(t);
    return true;
  }
  if (c == 'f' || c == 'd') {
    double x;
    if (!to_double(v, &x)) {
      if (err_matches(g_OverflowError)) {
        err_clear();
        return invalid_value(c);
      }
      if (err_matches(g_TypeError)) {
        err_clear();
        return invalid_type(c);
      }
      return false;
    }
    if (c == 'f') {
      float f = static_cast<float>(x);
      if (std::isinf(f) && !std::isinf(x)) return invalid_value(c);
      std::memcpy(out, &f, 4);
    } else {
      std::memcpy(out, &x, 8);
    }
    return true;
  }
  Ref<> n = number_index(v);
  if (!n) {
    if (!err_matches(g_TypeError)) return false;
    err_clear();
    return invalid_type(c);
  }
  int64_t size = code_itemsize(c);
  bool is_signed = c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n';
  uint64_t bits;
  int64_t s;
  if (int_as_int64(n.val(), &s)) {
    if (is_signed) {
      if (size < 8) {
        int64_t hi = (int64_t{1} << (8 * size - 1)) - 1;
        if (s > hi || s < -hi - 1) return invalid_value(c);
      }
    } else {
      if (s < 0) return invalid_value(c);
      if (size < 8 && s > (int64_t{1} << (8 * size)) - 1) return invalid_value(c);
    }
    bits = static_cast<uint64_t>(s);
  } else {
    // Outside int64: only an unsigned 64-bit format can hold it.
    if (is_signed || size < 8 || int_sign(n.val()) < 0) return invalid_value(c);
    mpz_t z;
    mpz_init(z);
    int_to_mpz(n.val(), z);
    bool fits = mpz_sizeinbase(z, 2) <= 64;
    bits = 0;
    if (fits) mpz_export(&bits, nullptr, -1, sizeof bits, 0, 0, z);
    mpz_clear(z);
    if (!fits) return invalid_value(c);
  }
  for (int64_t k = 0; k < size; k++) out[k] = static_cast<uint8_t>(bits >> (8 * k));  // little-endian host
  return true;
}

// --- views -----------------------------------------------------------------------------

bool released_error() {
  err_set_str(g_ValueError, "operation forbidden on released memoryview object");
  return false;
}

bool check_released(MemoryView* m) {
  if (m->released.load(std::memory_order_acquire)) return released_error();
  return true;
}

int64_t nitems(const MemoryView* m) {
  int64_t n = 1;
  for (int d = 0; d < m->l.ndim; d++) n *= m->l.shape[d];
  return n;
}

// Run f() on the bytes inside the base's section, unless the view was released.
template <typename F>
bool with_data(MemoryView* m, F f) {
  std::optional<CriticalSection> cs;
  if (m->lock) cs.emplace(m->lock);
  if (!check_released(m)) return false;
  f();
  return true;
}

// A new view object over base's memory with an export of its own. `like`
// (if any) supplies the geometry; otherwise it is the whole export.
Ref<> make_view(Value base, const MemoryViewLayout* like) {
  BufferView v;
  if (!object_get_buffer(base, &v, kBufSimple)) return nullptr;
  MemoryView* m = alloc_object<MemoryView>(&g_memoryview_type);
  if (!m) {
    buffer_release(&v);
    return nullptr;
  }
  m->lock = v.lock;
  if (like) {
    m->l = *like;
  } else {
    m->l.buf = v.buf;
    m->l.itemsize = v.itemsize;
    m->l.ndim = 1;
    m->l.shape[0] = v.count;
    m->l.strides[0] = v.stride;
    std::strncpy(m->l.format, v.format, sizeof m->l.format - 1);
    m->l.readonly = v.readonly;
  }
  m->obj = v.obj.release();  // the export now belongs to the view
  return Ref<>::steal(Value(static_cast<Object*>(m)));
}

// End the view's export once; later accesses raise ValueError.
void release(MemoryView* m) {
  {
    std::optional<CriticalSection> cs;
    if (m->lock) cs.emplace(m->lock);
    if (m->released.exchange(true, std::memory_order_acq_rel)) return;
  }
  BufferView v;
  v.obj = Ref<>::borrow(m->obj);
  buffer_release(&v);
}

void mv_dealloc(Object* o) {
  MemoryView* m = static_cast<MemoryView*>(o);
  release(m);
  decref(m->obj);
  free_object(o);
}

// C (row-major) or Fortran (column-major) contiguity, as CPython decides
// it: dimensions of length 1 do not count, and an empty view is both.
bool layout_contiguous(const MemoryViewLayout& l, bool fortran) {
  int64_t n = 1;
  for (int d = 0; d < l.ndim; d++) n *= l.shape[d];
  if (n == 0) return true;
  int64_t want = l.itemsize;
  for (int k = 0; k < l.ndim; k++) {
    int d = fortran ? k : l.ndim - 1 - k;
    if (l.shape[d] > 1 && l.strides[d] != want) return false;
    want *= l.shape[d];
  }
  return true;
}

// Copy dimension d of the items at p (strided) to *out in C order.
void copy_dim(const MemoryViewLayout& l, const uint8_t* p, int d, char** out) {
  for (int64_t i = 0; i < l.shape[d]; i++, p += l.strides[d]) {
    if (d + 1 < l.ndim) {
      copy_dim(l, p, d + 1, out);
    } else {
      std::memcpy(*out, p, static_cast<size_t>(l.itemsize));
      *out += l.itemsize;
    }
  }
}

// The view's items in C order, copied under the base's lock. A view sliced
// along its first dimension (m[::2] of a 3x4 view) or reversed is strided.
bool snapshot(MemoryView* m, std::string* out) {
  int64_t n = nitems(m);
  out->resize(static_cast<size_t>(n * m->l.itemsize));
  return with_data(m, [&] {
    if (layout_contiguous(m->l, false)) {
      if (n) std::memcpy(out->data(), m->l.buf, out->size());
      return;
    }
    char* o = out->data();
    copy_dim(m->l, m->l.buf, 0, &o);
  });
}

bool unsupported_format(const MemoryView* m) {
  err_format(g_NotImplementedError, "memoryview: format %s not supported", m->l.format);
  return false;
}

Ref<> mv_tp_new(Type*, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("memoryview(object)", nullptr);
  Value a[1];
  Ref<> holders[2];
  if (!native_bind(sig, args, nargs, kwnames, a, holders)) return nullptr;
  return memoryview_new(a[0]);
}

Ref<> mv_repr(Value self) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "<%smemory at %p>", MV(self)->released.load() ? "released " : "",
                static_cast<void*>(self.obj()));
  return str_from_ascii(buf);
}

int64_t mv_len(Value self) {
  if (!check_released(MV(self))) return -1;
  // A zero-dimensional view has length 1 in 3.11 (CPython: 1 item).
  return MV(self)->l.ndim == 0 ? 1 : MV(self)->l.shape[0];
}

bool zero_dim_error() {
  err_set_str(g_TypeError, "invalid indexing of 0-dim memory");
  return false;
}

bool sub_views_error() {
  err_set_str(g_NotImplementedError, "multi-dimensional sub-views are not implemented");
  return false;
}

bool index_in_dimension(MemoryView* m, int d, Value key, int64_t* off) {
  int64_t i;
  if (!to_index(key, &i)) return false;
  if (i < 0) i += m->l.shape[d];
  if (i < 0 || i >= m->l.shape[d]) {
    err_format(g_IndexError, "index out of bounds on dimension %d", d + 1);
    return false;
  }
  *off += i * m->l.strides[d];
  return true;
}

// Index key -> item address offset, or false with an exception.
bool item_offset(MemoryView* m, Value key, int64_t* off) {
  if (!type_of(key)->nb_index) {
    err_set_str(g_TypeError, "memoryview: invalid slice key");
    return false;
  }
  if (m->l.ndim == 0) return zero_dim_error();
  if (m->l.ndim > 1) return sub_views_error();
  *off = 0;
  return index_in_dimension(m, 0, key, off);
}

// A tuple of integers (m[i, j]) or of slices (m[a:b, c:d]), as CPython
// tells the two apart: every item of the tuple must be of the kind.
bool is_multi_key(Value key, bool slices) {
  if (!is_tuple(key)) return false;
  for (int64_t i = 0; i < tuple_size(key); i++) {
    Value k = tuple_item(key, i);
    if (slices ? !is_slice(k) : !type_of(k)->nb_index) return false;
  }
  return true;
}

// m[i, j, ...]: the offset of one item of a view with as many dimensions.
bool multi_item_offset(MemoryView* m, Value key, int64_t* off) {
  int64_t n = tuple_size(key);
  if (n < m->l.ndim) {
    err_set_str(g_NotImplementedError, "sub-views are not implemented");
    return false;
  }
  if (n > m->l.ndim) {
    err_format(g_TypeError, "cannot index %d-dimension view with %lld-element tuple", m->l.ndim,
               static_cast<long long>(n));
    return false;
  }
  *off = 0;
  for (int d = 0; d < m->l.ndim; d++)
    if (!index_in_dimension(m, d, tuple_item(key, d), off)) return false;
  return true;
}

Ref<> mv_subscript(Value self, Value key) {
  MemoryView* m = MV(self);
  if (!check_released(m)) return nullptr;
  if (m->l.ndim == 0 && key == Value(&g_ellipsis)) return Ref<>::borrow(self);
  if (is_slice(key)) {
    // Along the first dimension: an N-D view gives an N-D sub-view (the
    // other dimensions unchanged), strided when the step is not 1.
    if (m->l.ndim == 0) return zero_dim_error(), nullptr;
    int64_t start, stop, step, n;
    if (!slice_indices(key, m->l.shape[0], &start, &stop, &step, &n)) return nullptr;
    MemoryViewLayout like = m->l;  // geometry only; the new view takes its own export
    like.buf = m->l.buf + start * m->l.strides[0];
    like.shape[0] = n < 0 ? 0 : n;
    like.strides[0] = m->l.strides[0] * step;
    return make_view(m->obj, &like);
  }
  bool multi = is_multi_key(key, false);
  if (!multi && is_multi_key(key, true))
    return err_set_str(g_NotImplementedError, "multi-dimensional slicing is not implemented");
  char c = format_code(m->l.format);
  if (!c) return unsupported_format(m), nullptr;
  int64_t off;
  if (!(multi ? multi_item_offset(m, key, &off) : item_offset(m, key, &off))) return nullptr;
  uint8_t item[8];
  if (!with_data(m, [&] { std::memcpy(item, m->l.buf + off, static_cast<size_t>(m->l.itemsize)); })) return nullptr;
  return unpack_item(c, item);
}

int mv_ass_subscript(Value self, Value key, Value v) {
  MemoryView* m = MV(self);
  if (!check_released(m)) return -1;
  if (m->l.readonly) {
    err_set_str(g_TypeError, "cannot modify read-only memory");
    return -1;
  }
  if (v.is_null()) {
    err_set_str(g_TypeError, "cannot delete memory");
    return -1;
  }
  Ref<> no_index;  // m[...] = v of a 0-D view stores its item, as m[()] = v
  if (m->l.ndim == 0 && key == Value(&g_ellipsis)) {
    no_index = empty_tuple();
    key = no_index.val();
  }
  if (m->l.ndim == 0 && is_slice(key)) return zero_dim_error() ? 0 : -1;
  if (m->l.ndim > 1 && (is_slice(key) || is_multi_key(key, true))) {
    err_set_str(g_NotImplementedError, "memoryview slice assignments are currently restricted to ndim = 1");
    return -1;
  }
  if (m->l.ndim > 1 && type_of(key)->nb_index) {
    err_set_str(g_NotImplementedError, "sub-views are not implemented");
    return -1;
  }
  if (is_slice(key)) {
    int64_t start, stop, step, n;
    if (!slice_indices(key, m->l.shape[0], &start, &stop, &step, &n)) return -1;
    if (n < 0) n = 0;
    // The source's items are copied first, under its own lock only.
    BufferView src;
    if (!object_get_buffer(v, &src, kBufSimple)) return -1;
    std::string data;
    buffer_view_copy(src, &data);
    bool same = src.count == n && src.itemsize == m->l.itemsize &&
                std::strcmp(src.format[0] == '@' ? src.format + 1 : src.format,
                            m->l.format[0] == '@' ? m->l.format + 1 : m->l.format) == 0;
    buffer_release(&src);
    if (!same) {
      err_set_str(g_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
      return -1;
    }
    int64_t stride = m->l.strides[0] * step;
    uint8_t* first = m->l.buf + start * m->l.strides[0];
    return with_data(m, [&] {
      for (int64_t i = 0; i < n; i++)
        std::memcpy(first + i * stride, data.data() + i * m->l.itemsize, static_cast<size_t>(m->l.itemsize));
    }) ? 0 : -1;
  }
  char c = format_code(m->l.format);
  if (!c) {
    unsupported_format(m);
    return -1;
  }
  int64_t off;
  bool multi = is_multi_key(key, false);
  if (!(multi ? multi_item_offset(m, key, &off) : item_offset(m, key, &off))) return -1;
  uint8_t item[8];
  if (!pack_item(c, v, item)) return -1;
  return with_data(m, [&] { std::memcpy(m->l.buf + off, item, static_cast<size_t>(m->l.itemsize)); }) ? 0 : -1;
}

// Equality: same shape and equal items, compared as Python values when the
// formats differ (so NaN items make a view unequal even to itself).
Ref<> mv_richcompare(Value a, Value b, CompareOp op) {
  if (op != kEq && op != kNe) return Ref<>::steal(not_implemented());
  MemoryView* m = MV(a);
  if (m->released.load() || (is_memoryview(b) && MV(b)->released.load())) return new_bool((a == b) == (op == kEq));
  if (!has_buffer(b)) return Ref<>::steal(not_implemented());
  std::string x, y;
  if (!snapshot(m, &x)) return nullptr;
  int32_t ndim_b = 1;
  const int64_t* shape_b;
  int64_t count_b;
  std::string fmt_b;
  int64_t itemsize_b;
  if (is_memoryview(b)) {
    MemoryView* w = MV(b);
    if (!snapshot(w, &y)) return nullptr;
    ndim_b = w->l.ndim;
    shape_b = w->l.shape;
    fmt_b = w->l.format;
    itemsize_b = w->l.itemsize;
  } else {
    BufferView v;
    if (!object_get_buffer(b, &v, kBufSimple)) return nullptr;
    buffer_view_copy(v, &y);
    count_b = v.count;
    shape_b = &count_b;
    fmt_b = v.format;
    itemsize_b = v.itemsize;
    buffer_release(&v);
  }
  bool eq = ndim_b == m->l.ndim;
  for (int d = 0; eq && d < m->l.ndim; d++) eq = shape_b[d] == m->l.shape[d];
  if (eq) {
    char ca = format_code(m->l.format), cb = format_code(fmt_b.c_str());
    if (ca && ca == cb && ca != 'f' && ca != 'd') {
      eq = x == y;
    } else if (!ca || !cb) {
      eq = std::strcmp(m->l.format, fmt_b.c_str()) == 0 && x == y;
    } else {
      int64_t n = nitems(m);
      for (int64_t i = 0; eq && i < n; i++) {
        Ref<> u = unpack_item(ca, reinterpret_cast<const uint8_t*>(x.data()) + i * m->l.itemsize);
        Ref<> w = unpack_item(cb, reinterpret_cast<const uint8_t*>(y.data()) + i * itemsize_b);
        if (!u || !w) return nullptr;
        int r = equal(u.val(), w.val());
        if (r < 0) return nullptr;
        eq = r == 1;
      }
    }
  }
  return new_bool(eq == (op == kEq));
}

int64_t mv_hash(Value self) {
  MemoryView* m = MV(self);
  if (!check_released(m)) return -1;
  if (!m->l.readonly) {
    err_set_str(g_ValueError, "cannot hash writable memoryview object");
    return -1;
  }
  if (!is_byte_format(m->l.format)) {
    err_set_str(g_ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    return -1;
  }
  // The hash must not outlive a change of the memory: only views of hashable
  // exporters are hashable (a read-only view of a bytearray is not).
  if (hash(m->obj) == -1) return -1;
  std::string x;
  if (!snapshot(m, &x)) return -1;
  Ref<> b = bytes_from(x);
  if (!b) return -1;
  return bytes_hash(b.val());
}

Ref<> mv_tobytes(Value self, Value*) {
  std::string x;
  if (!snapshot(MV(self), &x)) return nullptr;
  return bytes_from(x);
}

// Nested lists for dimension d of the items at p (C order).
Ref<> tolist_dim(MemoryView* m, char c, const uint8_t*& p, int d) {
  Ref<List> l = list_new(m->l.shape[d]);
  if (!l) return nullptr;
  for (int64_t i = 0; i < m->l.shape[d]; i++) {
    Ref<> v;
    if (d + 1 < m->l.ndim) {
      v = tolist_dim(m, c, p, d + 1);
    } else {
      v = unpack_item(c, p);
      p += m->l.itemsize;
    }
    if (!v) return nullptr;
    list_init_item(l.get(), i, std::move(v));
  }
  return l;
}

Ref<> mv_tolist(Value self, Value*) {
  MemoryView* m = MV(self);
  std::string x;
  if (!snapshot(m, &x)) return nullptr;
  char c = format_code(m->l.format);
  if (!c) return unsupported_format(m), nullptr;
  const uint8_t* p = reinterpret_cast<const uint8_t*>(x.data());
  if (m->l.ndim == 0) return unpack_item(c, p);  // the one item itself
  return tolist_dim(m, c, p, 0);
}

Ref<> mv_hex(Value self, Value* args) {
  Ref<> b = mv_tobytes(self, nullptr);
  if (!b) return nullptr;
  Value a[2] = {args[0], args[1]};
  size_t n = a[0].is_null() ? 0 : a[1].is_null() ? 1 : 2;
  return call_method(b.val(), "hex", a, n);
}

Ref<> mv_release(Value self, Value*) {
  release(MV(self));
  return new_none();
}

Ref<> mv_enter(Value self, Value*) {
  if (!check_released(MV(self))) return nullptr;
  return Ref<>::borrow(self);
}

Ref<> mv_exit(Value self, Value*) {
  release(MV(self));
  return new_bool(false);
}

Ref<> mv_cast(Value self, Value* args) {
  MemoryView* m = MV(self);
  if (!check_released(m)) return nullptr;
  if (!is_str(args[0])) return err_set_str(g_TypeError, "memoryview: format argument must be a string");
  if (!layout_contiguous(m->l, false))
    return err_set_str(g_TypeError, "memoryview: casts are restricted to C-contiguous views");
  std::string f(str_view(args[0]));
  char c = f.size() <= 2 ? format_code(f.c_str()) : 0;
  if (!c)
    return err_set_str(g_ValueError,
                       "memoryview: destination format must be a native single character format prefixed with an "
                       "optional '@'");
  if (!is_byte_format(m->l.format) && !is_byte_format(f.c_str()))
    return err_set_str(g_TypeError, "memoryview: cannot cast between two non-byte formats");
  int64_t itemsize = code_itemsize(c);
  int64_t nbytes = nitems(m) * m->l.itemsize;
  MemoryViewLayout like = m->l;
  std::memcpy(like.format, f.c_str(), f.size() + 1);
  like.itemsize = itemsize;
  if (args[1].is_null()) {
    if (nbytes % itemsize) return err_set_str(g_TypeError, "memoryview: length is not a multiple of itemsize");
    like.ndim = 1;
    like.shape[0] = nbytes / itemsize;
  } else {
    if (!is_list(args[1]) && !is_tuple(args[1]))
      return err_set_str(g_TypeError, "shape must be a list or a tuple");
    Ref<> seq = sequence_tuple(args[1]);
    if (!seq) return nullptr;
    int64_t nd = tuple_size(seq.val());
    if (m->l.ndim != 1 && nd != 1) return err_set_str(g_TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
    if (nd > kMemoryViewMaxDim)
      return err_format(g_ValueError, "memoryview: number of dimensions must not exceed %d", kMemoryViewMaxDim);
    int64_t prod = 1;
    for (int64_t d = 0; d < nd; d++) {
      Value x = tuple_item(seq.val(), d);
      int64_t k;
      if (!is_int(x)) return err_set_str(g_TypeError, "memoryview.cast(): elements of shape must be integers");
      if (!int_as_int64(x, &k) || k <= 0)
        return err_set_str(g_ValueError, "memoryview.cast(): elements of shape must be integers > 0");
      like.shape[d] = k;
      prod *= k;
    }
    if (prod * itemsize != nbytes)
      return err_set_str(g_TypeError, "memoryview: product(shape) * itemsize != buffer size");
    like.ndim = static_cast<int32_t>(nd);
  }
  // C-order strides for the new shape.
  int64_t s = itemsize;
  for (int d = like.ndim - 1; d >= 0; d--) {
    like.strides[d] = s;
    s *= like.shape[d];
  }
  return make_view(m->obj, &like);
}

Ref<> mv_toreadonly(Value self, Value*) {
  MemoryView* m = MV(self);
  if (!check_released(m)) return nullptr;
  MemoryViewLayout like = m->l;
  like.readonly = true;
  return make_view(m->obj, &like);
}

const MethodDef kMemoryViewMethods[] = {
    {"tobytes($self, /, order='C')", mv_tobytes, "Return the data in the buffer as a byte string."},
    {"tolist($self, /)", mv_tolist, "Return the data in the buffer as a list of elements."},
    {"hex($self, /, sep=?, bytes_per_sep=1)", mv_hex, "Return the data in the buffer as a str of hexadecimal numbers."},
    {"release($self, /)", mv_release, "Release the underlying buffer exposed by the memoryview object."},
    {"cast($self, /, format, shape=?)", mv_cast, "Cast a memoryview to a new format or shape."},
    {"toreadonly($self, /)", mv_toreadonly, "Return a readonly version of the memoryview."},
    {"__enter__($self, /)", mv_enter, nullptr},
    {"__exit__($self, /, *args)", mv_exit, nullptr, kMethIgnoresVarArgs},
    {nullptr}};

Ref<> get_obj(Value self) {
  if (!check_released(MV(self))) return nullptr;
  return Ref<>::borrow(MV(self)->obj);
}
Ref<> get_readonly(Value self) {
  if (!check_released(MV(self))) return nullptr;
  return new_bool(MV(self)->l.readonly);
}
Ref<> get_nbytes(Value self) {
  if (!check_released(MV(self))) return nullptr;
  return int_from_int64(nitems(MV(self)) * MV(self)->l.itemsize);
}
Ref<> get_itemsize(Value self) {
  if (!check_released(MV(self))) return nullptr;
  return small_int(MV(self)->l.itemsize);
}
Ref<> get_format(Value self) {
  if (!check_released(MV(self))) return nullptr;
  return str_from_ascii(MV(self)->l.format);
}
Ref<> get_ndim(Value self) {
  if (!check_released(MV(self))) return nullptr;
  return small_int(MV(self)->l.ndim);
}
Ref<> dims_tuple(const MemoryView* m, const int64_t* v) {
  Ref<Tuple> t = tuple_new(m->l.ndim);
  if (!t) return nullptr;
  for (int d = 0; d < m->l.ndim; d++) tuple_init_item(t.get(), d, int_from_int64(v[d]));
  return t;
}
Ref<> get_shape(Value self) {
  if (!check_released(MV(self))) return nullptr;
  return dims_tuple(MV(self), MV(self)->l.shape);
}
Ref<> get_strides(Value self) {
  if (!check_released(MV(self))) return nullptr;
  return dims_tuple(MV(self), MV(self)->l.strides);
}
Ref<> get_suboffsets(Value self) {
  if (!check_released(MV(self))) return nullptr;
  return empty_tuple();
}
bool contiguous(const MemoryView* m) { return layout_contiguous(m->l, false); }
Ref<> get_contiguous(Value self) {
  if (!check_released(MV(self))) return nullptr;
  return new_bool(contiguous(MV(self)) || layout_contiguous(MV(self)->l, true));
}
Ref<> get_c_contiguous(Value self) {
  if (!check_released(MV(self))) return nullptr;
  return new_bool(contiguous(MV(self)));
}
Ref<> get_f_contiguous(Value self) {
  if (!check_released(MV(self))) return nullptr;
  return new_bool(layout_contiguous(MV(self)->l, true));
}

const GetSetDef kMemoryViewGetSets[] = {
    {"obj", get_obj, nullptr, "The underlying object of the memoryview."},
    {"readonly", get_readonly, nullptr, "A bool indicating whether the memory is read only."},
    {"nbytes", get_nbytes, nullptr, "The amount of space in bytes that the array would use in a contiguous representation."},
    {"itemsize", get_itemsize, nullptr, "The size in bytes of each element of the memoryview."},
    {"format", get_format, nullptr, "A string containing the format (in struct module style) for each element in the view."},
    {"ndim", get_ndim, nullptr, "An integer indicating how many dimensions of a multi-dimensional array the memory represents."},
    {"shape", get_shape, nullptr, "A tuple of ndim integers giving the shape of the memory as an N-dimensional array."},
    {"strides", get_strides, nullptr, "A tuple of ndim integers giving the size in bytes to access each element."},
    {"suboffsets", get_suboffsets, nullptr, "A tuple of integers used internally for PIL-style arrays."},
    {"contiguous", get_contiguous, nullptr, "A bool indicating whether the memory is contiguous."},
    {"c_contiguous", get_c_contiguous, nullptr, "A bool indicating whether the memory is C contiguous."},
    {"f_contiguous", get_f_contiguous, nullptr, "A bool indicating whether the memory is Fortran contiguous."},
    {nullptr}};

Ref<> mv_iter(Value self) {
  if (!check_released(MV(self))) return nullptr;
  if (MV(self)->l.ndim == 0) return zero_dim_error(), nullptr;
  if (MV(self)->l.ndim > 1) return sub_views_error(), nullptr;
  return seq_iter_new(self);
}

// A memoryview exports its own geometry, through a fresh export of its base
// (so the consumer's pointer stays valid even if the view is released).
bool mv_get_buffer(Value self, BufferView* view, int flags) {
  MemoryView* m = MV(self);
  if (!check_released(m)) return false;
  BufferView base;
  // The export stays counted until mv_release_buffer; `base` only drops its
  // reference (the consumer's view owns the memoryview, which owns m->obj).
  if (!object_get_buffer(m->obj, &base, kBufSimple)) return false;
  view->lock = m->lock;
  view->buf = m->l.buf;
  view->itemsize = m->l.itemsize;
  // Exports are one-dimensional: an N-D (or 0-D) view must be C-contiguous.
  if (m->l.ndim != 1 && !contiguous(m)) {
    BufferView undo;
    undo.obj = Ref<>::borrow(m->obj);
    buffer_release(&undo);
    err_set_str(g_BufferError, "memoryview: underlying buffer is not C-contiguous");
    return false;
  }
  view->count = m->l.ndim == 1 ? m->l.shape[0] : nitems(m);
  view->stride = m->l.ndim == 1 ? m->l.strides[0] : m->l.itemsize;
  view->len = view->count * m->l.itemsize;
  view->format = format_code(m->l.format) ? m->l.format : "B";
  view->readonly = m->l.readonly;
  if (!buffer_check_writable(view, flags)) {
    BufferView undo;
    undo.obj = Ref<>::borrow(m->obj);
    buffer_release(&undo);
    return false;
  }
  return true;
}

void mv_release_buffer(Value self, BufferView*) {
  BufferView base;
  base.obj = Ref<>::borrow(MV(self)->obj);
  buffer_release(&base);
}

const BufferProcs kMemoryViewBufferProcs = {mv_get_buffer, mv_release_buffer};

}  // namespace

Ref<> memoryview_new(Value obj) {
  if (is_memoryview(obj)) {
    MemoryView* m = MV(obj);
    if (!check_released(m)) return nullptr;
    return make_view(m->obj, &m->l);
  }
  if (!has_buffer(obj))
    return err_format(g_TypeError, "memoryview: a bytes-like object is required, not '%s'", type_name(type_of(obj)));
  return make_view(obj, nullptr);
}

bool memoryview_copy(Value mv, std::string* out) { return snapshot(MV(mv), out); }

bool memoryview_contiguous(Value mv, const uint8_t** data, int64_t* size) {
  MemoryView* m = MV(mv);
  if (m->released.load() || !contiguous(m) || (m->l.ndim == 1 && m->l.strides[0] < 0 && m->l.shape[0] > 1)) return false;
  *data = m->l.buf;
  *size = nitems(m) * m->l.itemsize;
  return true;
}

void memoryview_types_init() {
  Type* t = &g_memoryview_type;
  if (t->flags & kTypeReady) return;
  t->name = "memoryview";
  t->basic_size = sizeof(MemoryView);
  t->tp_dealloc = mv_dealloc;
  t->tp_repr = mv_repr;
  t->tp_hash = mv_hash;
  t->tp_richcompare = mv_richcompare;
  t->tp_new = mv_tp_new;
  t->tp_iter = mv_iter;
  t->mp_length = mv_len;
  t->mp_subscript = mv_subscript;
  t->mp_ass_subscript = mv_ass_subscript;
  t->methods = kMemoryViewMethods;
  t->getsets = kMemoryViewGetSets;
  t->doc = "Create a new memoryview object which references the given object.";
  type_ready(t);
  buffer_register(t, &kMemoryViewBufferProcs);
}

}  // namespace ftpy
