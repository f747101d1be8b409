// bytearray (bytearray.h): storage, slots, mutating methods and the iterator.
// The non-mutating methods are bytes.cpp's kBytesCommonMethods, which work on
// a snapshot taken under the lock.
#include "objects/bytearray.h"

#include <cstring>
#include <string>
#include <vector>

#include "objects/buffer.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_bytearray_type;
Type g_bytearray_iter_type;

namespace {

inline ByteArray* BA(Value v) { return v.as<ByteArray>(); }
inline int64_t sz(ByteArray* b) { return b->size.load(std::memory_order_relaxed); }

// Resize under the caller's critical section. -1 with MemoryError/BufferError.
int resize_locked(ByteArray* b, int64_t n) {
  if (n != sz(b) && b->exports > 0) {
    err_set_str(g_BufferError, kBufferResizeMessage);
    return -1;
  }
  if (n > b->capacity || (b->data == nullptr)) {
    int64_t cap = n + (n >> 3) + 8;
    void* p = heap_realloc(b->data, static_cast<size_t>(cap) + 1);
    if (!p) {
      err_no_memory();
      return -1;
    }
    b->data = static_cast<uint8_t*>(p);
    b->capacity = cap;
  }
  b->data[n] = 0;
  b->size.store(n, std::memory_order_relaxed);
  return 0;
}

// Replace [lo, hi) with `src` (under the lock).
int splice_locked(ByteArray* b, int64_t lo, int64_t hi, const std::string& src) {
  int64_t n = sz(b), m = static_cast<int64_t>(src.size());
  int64_t newn = n - (hi - lo) + m;
  if (newn != n && b->exports > 0) {
    err_set_str(g_BufferError, kBufferResizeMessage);
    return -1;
  }
  if (newn > n && resize_locked(b, newn) < 0) return -1;
  if (n - hi > 0) std::memmove(b->data + lo + m, b->data + hi, static_cast<size_t>(n - hi));
  if (m) std::memcpy(b->data + lo, src.data(), static_cast<size_t>(m));
  if (newn < n && resize_locked(b, newn) < 0) return -1;
  return 0;
}

bool byte_value(Value v, uint8_t* out) {
  if (!type_of(v)->nb_index) {
    err_format(g_TypeError, "'%s' object cannot be interpreted as an integer", type_name(type_of(v)));
    return false;
  }
  int64_t x;
  if (!to_index(v, &x)) return false;
  if (x < 0 || x > 255) {
    err_set_str(g_ValueError, "byte must be in range(0, 256)");
    return false;
  }
  *out = static_cast<uint8_t>(x);
  return true;
}

Ref<> ba_alloc(Type* type) {
  ByteArray* b = alloc_object<ByteArray>(type, type->basic_size);
  if (!b) return nullptr;
  return Ref<>::steal(Value(static_cast<Object*>(b)));
}

Ref<> ba_tp_new(Type* type, const Value*, size_t, Value) { return ba_alloc(type); }

int ba_tp_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("bytearray(source=?, encoding=?, errors=?)", nullptr);
  Value a[3];
  Ref<> holders[2];
  if (!native_bind(sig, args, nargs, kwnames, a, holders)) return -1;
  std::string data;
  if (!a[1].is_null() || !a[2].is_null()) {
    for (int i = 1; i < 3; i++)  // the argument converters run first, as in CPython
      if (!a[i].is_null() && !is_str(a[i])) {
        err_format(g_TypeError, "bytearray() argument '%s' must be str, not %s", i == 1 ? "encoding" : "errors",
                   type_name(type_of(a[i])));
        return -1;
      }
    if (a[0].is_null() || !is_str(a[0])) {
      err_set_str(g_TypeError, a[1].is_null() ? "errors without a string argument" : "encoding without a string argument");
      return -1;
    }
    Value call_args[2] = {a[1].is_null() ? Value(str_intern("utf-8")) : a[1],
                          a[2].is_null() ? Value(str_intern("strict")) : a[2]};
    Ref<> b = call_method(a[0], "encode", call_args, 2);
    if (!b) return -1;
    data.assign(bytes_view(b.val()));
  } else if (!a[0].is_null()) {
    if (!bytes_fill_from_object(a[0], &data, true)) return -1;
  }
  ByteArray* b = BA(self);
  CriticalSection cs(self);
  return splice_locked(b, 0, sz(b), data);
}

void ba_dealloc(Object* o) {
  ByteArray* b = static_cast<ByteArray*>(o);
  if (b->data) heap_free(b->data);
  free_object(o);
}

Ref<> ba_repr(Value self) {
  std::string snap;
  bytearray_snapshot(self, &snap);
  std::string prefix = std::string(type_name(type_of(self))) + "(b";
  return bytes_repr_impl(reinterpret_cast<const uint8_t*>(snap.data()), static_cast<int64_t>(snap.size()),
                         prefix.c_str(), ")", /*always_escape_single=*/true);
}

int64_t ba_len(Value self) { return sz(BA(self)); }

Ref<> ba_richcompare(Value a, Value b, CompareOp op) {
  std::string x, y;
  if (!buffer_copy(a, &x) || !buffer_copy(b, &y)) return Ref<>::steal(not_implemented());
  if (op == kEq || op == kNe) return new_bool((x == y) == (op == kEq));
  int c = x.compare(y);
  bool r = op == kLt ? c < 0 : op == kLe ? c <= 0 : op == kGt ? c > 0 : c >= 0;
  return new_bool(r);
}

Ref<> ba_subscript(Value self, Value key) {
  ByteArray* b = BA(self);
  if (is_slice(key)) {
    std::string out;
    CriticalSection cs(self);
    int64_t start, stop, step, n;
    if (!slice_indices(key, sz(b), &start, &stop, &step, &n)) return nullptr;
    if (n > 0) {
      out.resize(n);
      for (int64_t i = 0, j = start; i < n; i++, j += step) out[i] = static_cast<char>(b->data[j]);
    }
    return bytearray_from(out.data(), out.size());
  }
  if (!type_of(key)->nb_index)
    return err_format(g_TypeError, "bytearray indices must be integers or slices, not %s", type_tp_name(type_of(key)));
  int64_t i;
  if (!to_index(key, &i)) return nullptr;
  CriticalSection cs(self);
  int64_t n = sz(b);
  if (i < 0) i += n;
  if (i < 0 || i >= n) return err_set_str(g_IndexError, "bytearray index out of range");
  return small_int(b->data[i]);
}

int ba_ass_subscript(Value self, Value key, Value v) {
  ByteArray* b = BA(self);
  if (is_slice(key)) {
    std::string src;
    if (!v.is_null()) {
      if (v == self) {
        bytearray_snapshot(self, &src);
      } else if (!buffer_copy(v, &src)) {
        if (is_int(v) || is_str(v) || !type_of(v)->tp_iter) {
          err_set_str(g_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
          return -1;
        }
        if (!bytes_fill_from_object(v, &src, true)) return -1;
      }
    }
    CriticalSection cs(self);
    int64_t start, stop, step, n;
    if (!slice_indices(key, sz(b), &start, &stop, &step, &n)) return -1;
    if (step == 1) {
      if (stop < start) stop = start;
      return splice_locked(b, start, stop, src);
    }
    if (v.is_null()) {
      if (n <= 0) return 0;
      if (b->exports > 0) {
        err_set_str(g_BufferError, kBufferResizeMessage);
        return -1;
      }
      // Delete every step-th item: compact in one pass.
      std::vector<bool> del(static_cast<size_t>(sz(b)), false);
      for (int64_t i = 0, j = start; i < n; i++, j += step) del[j] = true;
      int64_t w = 0;
      for (int64_t r = 0; r < sz(b); r++)
        if (!del[r]) b->data[w++] = b->data[r];
      return resize_locked(b, w);
    }
    if (static_cast<int64_t>(src.size()) != n) {
      err_format(g_ValueError, "attempt to assign bytes of size %zu to extended slice of size %lld", src.size(),
                 static_cast<long long>(n));
      return -1;
    }
    for (int64_t i = 0, j = start; i < n; i++, j += step) b->data[j] = static_cast<uint8_t>(src[i]);
    return 0;
  }
  if (!type_of(key)->nb_index) {
    err_format(g_TypeError, "bytearray indices must be integers or slices, not %s", type_tp_name(type_of(key)));
    return -1;
  }
  int64_t i;
  if (!to_index(key, &i)) return -1;
  uint8_t val = 0;
  if (!v.is_null() && !byte_value(v, &val)) return -1;
  CriticalSection cs(self);
  int64_t n = sz(b);
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    err_set_str(g_IndexError, "bytearray index out of range");
    return -1;
  }
  if (v.is_null()) return splice_locked(b, i, i + 1, std::string());
  b->data[i] = val;
  return 0;
}

int ba_contains(Value self, Value item) {
  std::string snap, sub;
  if (is_int(item) || (!is_bytes_like(item) && type_of(item)->nb_index)) {
    uint8_t c;
    if (!byte_value(item, &c)) return -1;
    sub.push_back(static_cast<char>(c));
  } else if (!buffer_copy(item, &sub)) {
    err_format(g_TypeError, "a bytes-like object is required, not '%s'", type_name(type_of(item)));
    return -1;
  }
  bytearray_snapshot(self, &snap);
  return snap.find(sub) != std::string::npos;
}

Ref<> ba_add(Value a, Value b) {
  if (!is_bytearray(a)) return Ref<>::steal(not_implemented());
  std::string x, y;
  bytearray_snapshot(a, &x);
  if (!buffer_copy(b, &y)) return err_format(g_TypeError, "can't concat %s to bytearray", type_name(type_of(b)));
  x += y;
  return bytearray_from(x.data(), x.size());
}

Ref<> ba_iadd(Value a, Value b) {
  std::string y;
  if (!buffer_copy(b, &y)) return err_format(g_TypeError, "can't concat %s to bytearray", type_name(type_of(b)));
  CriticalSection cs(a);
  if (splice_locked(BA(a), sz(BA(a)), sz(BA(a)), y) < 0) return nullptr;
  return Ref<>::borrow(a);
}

bool repeat_count(Value cv, int64_t* count) {
  Ref<> idx = number_index(cv);
  if (!idx) return false;
  if (!int_as_int64(idx.val(), count)) {
    err_format(g_OverflowError, "cannot fit '%s' into an index-sized integer", type_name(type_of(cv)));
    return false;
  }
  return true;
}

Ref<> ba_mul(Value a, Value b) {
  Value sv = a, cv = b;
  if (!is_bytearray(a)) {
    sv = b;
    cv = a;
  }
  if (!is_bytearray(sv) || !type_of(cv)->nb_index) return Ref<>::steal(not_implemented());
  int64_t count;
  if (!repeat_count(cv, &count)) return nullptr;
  std::string x, out;
  bytearray_snapshot(sv, &x);
  if (count > 0 && !x.empty()) {
    if (static_cast<int64_t>(x.size()) > (int64_t{1} << 40) / count) return err_no_memory();
    out.reserve(x.size() * count);
    for (int64_t i = 0; i < count; i++) out += x;
  }
  return bytearray_from(out.data(), out.size());
}

Ref<> ba_imul(Value a, Value b) {
  if (!type_of(b)->nb_index) return Ref<>::steal(not_implemented());
  int64_t count;
  if (!repeat_count(b, &count)) return nullptr;
  CriticalSection cs(a);
  ByteArray* ba = BA(a);
  std::string x(reinterpret_cast<const char*>(ba->data ? ba->data : reinterpret_cast<const uint8_t*>("")),
                static_cast<size_t>(sz(ba))), out;
  if (count > 0 && !x.empty()) {
    if (static_cast<int64_t>(x.size()) > (int64_t{1} << 40) / count) return err_no_memory();
    for (int64_t i = 0; i < count; i++) out += x;
  }
  if (splice_locked(ba, 0, sz(ba), out) < 0) return nullptr;
  return Ref<>::borrow(a);
}

Ref<> ba_mod(Value a, Value b) {
  if (!is_bytearray(a)) return Ref<>::steal(not_implemented());
  std::string x, out;
  bytearray_snapshot(a, &x);
  if (!bytes_percent_format(reinterpret_cast<const uint8_t*>(x.data()), static_cast<int64_t>(x.size()), b, &out))
    return nullptr;
  return bytearray_from(out.data(), out.size());
}

// --- mutating methods -----------------------------------------------------------------

Ref<> ba_append(Value self, Value* args) {
  uint8_t c;
  if (!byte_value(args[0], &c)) return nullptr;
  CriticalSection cs(self);
  ByteArray* b = BA(self);
  int64_t n = sz(b);
  if (resize_locked(b, n + 1) < 0) return nullptr;
  b->data[n] = c;
  return new_none();
}

Ref<> ba_extend(Value self, Value* args) {
  std::string src;
  if (!buffer_copy(args[0], &src)) {
    if (is_str(args[0])) return err_set_str(g_TypeError, "expected iterable of integers; got: 'str'");
    if (!type_of(args[0])->tp_iter)
      return err_format(g_TypeError, "can't extend bytearray with %s", type_name(type_of(args[0])));
    if (!bytes_fill_from_object(args[0], &src, true)) return nullptr;
  }
  CriticalSection cs(self);
  ByteArray* b = BA(self);
  if (splice_locked(b, sz(b), sz(b), src) < 0) return nullptr;
  return new_none();
}

Ref<> ba_insert(Value self, Value* args) {
  int64_t i;
  if (!to_index(args[0], &i)) return nullptr;
  uint8_t c;
  if (!byte_value(args[1], &c)) return nullptr;
  CriticalSection cs(self);
  ByteArray* b = BA(self);
  int64_t n = sz(b);
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  }
  if (i > n) i = n;
  if (splice_locked(b, i, i, std::string(1, static_cast<char>(c))) < 0) return nullptr;
  return new_none();
}

Ref<> ba_pop(Value self, Value* args) {
  int64_t i = -1;
  if (!args[0].is_null() && !to_index(args[0], &i)) return nullptr;
  CriticalSection cs(self);
  ByteArray* b = BA(self);
  int64_t n = sz(b);
  if (n == 0) return err_set_str(g_IndexError, "pop from empty bytearray");
  if (i < 0) i += n;
  if (i < 0 || i >= n) return err_set_str(g_IndexError, "pop index out of range");
  uint8_t c = b->data[i];
  if (splice_locked(b, i, i + 1, std::string()) < 0) return nullptr;
  return small_int(c);
}

Ref<> ba_remove(Value self, Value* args) {
  uint8_t c;
  if (!byte_value(args[0], &c)) return nullptr;
  CriticalSection cs(self);
  ByteArray* b = BA(self);
  int64_t n = sz(b);
  const void* hit = n ? std::memchr(b->data, c, n) : nullptr;
  if (!hit) return err_set_str(g_ValueError, "value not found in bytearray");
  int64_t i = static_cast<const uint8_t*>(hit) - b->data;
  if (splice_locked(b, i, i + 1, std::string()) < 0) return nullptr;
  return new_none();
}

Ref<> ba_reverse(Value self, Value*) {
  CriticalSection cs(self);
  ByteArray* b = BA(self);
  int64_t n = sz(b);
  for (int64_t i = 0, j = n - 1; i < j; i++, j--) std::swap(b->data[i], b->data[j]);
  return new_none();
}

Ref<> ba_clear(Value self, Value*) {
  CriticalSection cs(self);
  if (resize_locked(BA(self), 0) < 0) return nullptr;
  return new_none();
}

Ref<> ba_copy(Value self, Value*) {
  std::string x;
  bytearray_snapshot(self, &x);
  return bytearray_from(x.data(), x.size());
}

Ref<> ba_alloc_method(Value self, Value*) {
  CriticalSection cs(self);
  return small_int(BA(self)->data ? BA(self)->capacity + 1 : 0);
}

Ref<> ba_reduce(Value self, Value*) {
  std::string x;
  bytearray_snapshot(self, &x);
  Ref<> s = str_from_latin1(reinterpret_cast<const uint8_t*>(x.data()), static_cast<int64_t>(x.size()));
  Ref<> enc = str_from_ascii("latin-1");
  if (!s || !enc) return nullptr;
  Ref<Tuple> args = tuple_pack({s.val(), enc.val()});
  Value* d = instance_dict_slot(self);
  // Held: `b.__dict__ = ...` may replace it meanwhile.
  Ref<> state = Ref<>::borrow(d ? std::atomic_ref<Value>(*d).load(std::memory_order_acquire) : Value());
  if (!state) state = new_none();
  return tuple_pack({Value(type_of(self)), args.val(), state.val()});
}

const MethodDef kByteArrayOwnMethods[] = {
    {"append($self, item, /)", ba_append, "Append a single item to the end of the bytearray."},
    {"extend($self, iterable_of_ints, /)", ba_extend, "Append all the items from the iterator or sequence to the end of the bytearray."},
    {"insert($self, index, item, /)", ba_insert, "Insert a single item into the bytearray before the given index."},
    {"pop($self, index=?, /)", ba_pop, "pop($self, index=-1, /)\n--\n\nRemove and return a single item from B."},
    {"remove($self, value, /)", ba_remove, "Remove the first occurrence of a value in the bytearray."},
    {"reverse($self, /)", ba_reverse, "Reverse the order of the values in B in place."},
    {"clear($self, /)", ba_clear, "Remove all items from the bytearray."},
    {"copy($self, /)", ba_copy, "Return a copy of B."},
    {"__alloc__($self, /)", ba_alloc_method, "B.__alloc__() -> int"},
    {"__reduce__($self, /)", ba_reduce, "Return state information for pickling."},
    {nullptr}};

// --- iterator -------------------------------------------------------------------------------
// An index is claimed with a CAS under the bytearray's lock; a failed next()
// stores kBaIterDone, so the iterator stays exhausted if the bytearray grows
// (as CPython's, which drops its bytearray) and pickles as exhausted.
struct ByteArrayIter : Object {
  Value seq;  // owned
  std::atomic<int64_t> index;
};
constexpr int64_t kBaIterDone = INT64_MAX;

void ba_iter_dealloc(Object* o) {
  decref(static_cast<ByteArrayIter*>(o)->seq);
  free_object(o);
}
Ref<> ba_iter_self(Value v) { return Ref<>::borrow(v); }
Ref<> ba_iter_next(Value v) {
  ByteArrayIter* it = v.as<ByteArrayIter>();
  CriticalSection cs(it->seq);
  ByteArray* b = BA(it->seq);
  int64_t i = it->index.load(std::memory_order_relaxed);
  for (;;) {
    if (i >= sz(b)) {
      if (i != kBaIterDone) it->index.compare_exchange_strong(i, kBaIterDone, std::memory_order_relaxed);
      return nullptr;
    }
    if (it->index.compare_exchange_weak(i, i + 1, std::memory_order_relaxed)) return small_int(b->data[i]);
  }
}
Ref<> ba_iter_length_hint(Value self, Value*) {
  ByteArrayIter* it = self.as<ByteArrayIter>();
  int64_t i = it->index.load(std::memory_order_relaxed);
  CriticalSection cs(it->seq);
  int64_t r = sz(BA(it->seq)) - i;
  return small_int(r < 0 ? 0 : r);
}
// (iter, (ba,), index), or (iter, ((),)) once exhausted.
Ref<> ba_iter_reduce(Value self, Value*) {
  ByteArrayIter* it = self.as<ByteArrayIter>();
  int64_t i = it->index.load(std::memory_order_relaxed);
  if (i == kBaIterDone) return iter_reduce(Value(empty_tuple().get()), Value());
  return iter_reduce(it->seq, Value::small(i));
}
// Clamped to [0, len]; an exhausted iterator stays exhausted.
Ref<> ba_iter_setstate(Value self, Value* args) {
  ByteArrayIter* it = self.as<ByteArrayIter>();
  int64_t want;
  if (!iter_state_index(args[0], &want)) return nullptr;
  CriticalSection cs(it->seq);
  int64_t n = sz(BA(it->seq));
  want = want < 0 ? 0 : want > n ? n : want;
  int64_t i = it->index.load(std::memory_order_relaxed);
  while (i != kBaIterDone && !it->index.compare_exchange_weak(i, want, std::memory_order_relaxed)) {
  }
  return Ref<>::steal(none());
}
const MethodDef kBaIterMethods[] = {
    {"__length_hint__($self, /)", ba_iter_length_hint, "Private method returning an estimate of len(list(it))."},
    {"__reduce__($self, /)", ba_iter_reduce, "Return state information for pickling."},
    {"__setstate__($self, state, /)", ba_iter_setstate, "Set state information for unpickling."},
    {nullptr}};
Ref<> ba_iter(Value v) {
  ByteArrayIter* it = alloc_object<ByteArrayIter>(&g_bytearray_iter_type);
  if (!it) return nullptr;
  it->seq = v;
  incref(v);
  return Ref<>::steal(Value(static_cast<Object*>(it)));
}

std::vector<MethodDef>* g_ba_methods;

// Buffer export (buffer.h): the count is changed under the same section in
// which every resize checks it.
bool ba_get_buffer(Value self, BufferView* view, int flags) {
  ByteArray* b = BA(self);
  CriticalSection cs(self);
  static uint8_t empty[1];
  view->lock = self.obj();
  view->buf = b->data ? b->data : empty;
  view->len = view->count = sz(b);
  view->itemsize = view->stride = 1;
  view->format = "B";
  view->readonly = false;
  (void)flags;
  b->exports++;
  return true;
}

void ba_release_buffer(Value self, BufferView*) {
  CriticalSection cs(self);
  BA(self)->exports--;
}

const BufferProcs kByteArrayBufferProcs = {ba_get_buffer, ba_release_buffer};

}  // namespace


Ref<> bytearray_from(const void* p, size_t n) {
  Ref<> r = ba_alloc(&g_bytearray_type);
  if (!r) return nullptr;
  ByteArray* b = BA(r.val());
  if (resize_locked(b, static_cast<int64_t>(n)) < 0) return nullptr;
  if (n) std::memcpy(b->data, p, n);
  return r;
}

void bytearray_snapshot(Value ba, std::string* out) {
  CriticalSection cs(ba);
  ByteArray* b = BA(ba);
  if (b->data) out->assign(reinterpret_cast<const char*>(b->data), static_cast<size_t>(sz(b)));
  else out->clear();
}

int64_t bytearray_size(Value ba) { return sz(BA(ba)); }

void bytearray_types_init() {
  Type* t = &g_bytearray_type;
  if (t->flags & kTypeReady) return;
  t->name = "bytearray";
  t->basic_size = sizeof(ByteArray);
  t->flags = kTypeBaseType;
  t->tp_dealloc = ba_dealloc;
  t->tp_repr = ba_repr;
  t->tp_str = ba_repr;
  t->tp_richcompare = ba_richcompare;  // with no tp_hash: unhashable
  t->tp_new = ba_tp_new;
  t->tp_init = ba_tp_init;
  t->tp_iter = ba_iter;
  t->nb_binary[kOpAdd] = ba_add;
  t->nb_binary[kOpMul] = ba_mul;
  t->nb_binary[kOpMod] = ba_mod;
  t->nb_inplace[kOpAdd] = ba_iadd;
  t->nb_inplace[kOpMul] = ba_imul;
  t->mp_length = ba_len;
  t->mp_subscript = ba_subscript;
  t->mp_ass_subscript = ba_ass_subscript;
  t->sq_contains = ba_contains;
  g_ba_methods = new std::vector<MethodDef>();
  for (const MethodDef* m = kBytesCommonMethods; m->signature; m++) g_ba_methods->push_back(*m);
  for (const MethodDef* m = kByteArrayOwnMethods; m->signature; m++) g_ba_methods->push_back(*m);
  g_ba_methods->push_back(MethodDef{nullptr});
  t->methods = g_ba_methods->data();
  t->doc = "bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\n"
           "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
           "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
           "bytearray() -> empty bytes array";
  type_ready(t);
  buffer_register(t, &kByteArrayBufferProcs);
  Type* it = &g_bytearray_iter_type;
  it->name = "bytearray_iterator";
  it->basic_size = sizeof(ByteArrayIter);
  it->tp_dealloc = ba_iter_dealloc;
  it->tp_iter = ba_iter_self;
  it->tp_iternext = ba_iter_next;
  it->methods = kBaIterMethods;
  type_ready(it);
}

}  // namespace ftpy
