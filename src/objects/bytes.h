// bytes: an immutable sequence of bytes, stored inline after the header with a
// NUL terminator, and a cached hash.
//
// Also here: the "buffer" helpers that every consumer of bytes-like objects
// uses; an object is bytes-like when it exports a buffer (objects/buffer.h).
//
// Thread safety: bytes are immutable once published; the hash cache is an
// atomic with a benign race (every thread computes the same value).
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

struct Bytes : Object {
  int64_t size;
  std::atomic<int64_t> hash;  // -1 until computed
  alignas(8) unsigned char data[];
};
extern Type g_bytes_type;
extern Type g_bytes_iter_type;

inline bool is_bytes(Value v) { return v.is_obj() && has_flag(v.obj()->ob_type, kTypeBytesSubclass); }
inline bool is_bytes_exact(Value v) { return v.is_obj() && v.obj()->ob_type == &g_bytes_type; }
inline const uint8_t* bytes_data(Value v) { return v.as<Bytes>()->data; }
inline int64_t bytes_size(Value v) { return v.as<Bytes>()->size; }
inline std::string_view bytes_view(Value v) {
  return {reinterpret_cast<const char*>(v.as<Bytes>()->data), static_cast<size_t>(v.as<Bytes>()->size)};
}

Ref<> bytes_from(const void* p, size_t n);
inline Ref<> bytes_from(std::string_view s) { return bytes_from(s.data(), s.size()); }
// A fresh bytes of `n` bytes to be filled before publication (data zeroed).
Ref<Bytes> bytes_new_raw(int64_t n);
Value bytes_empty();  // the immortal b''
int64_t bytes_hash(Value v);

// Buffers. get_buffer accepts bytes, bytearray and memoryview and returns a
// pointer to their current contents. For bytes it stays valid while the object
// lives; for bytearray (and a memoryview of one) it is valid only until the
// next mutation, so callers that may run Python code or race with other threads
// should use buffer_copy instead. Returns false (no exception) for other types.
bool get_buffer(Value obj, const uint8_t** data, int64_t* size);
// Copy the contents of a bytes-like object into *out; false (no exception) if
// obj is not bytes-like (or is a released memoryview).
bool buffer_copy(Value obj, std::string* out);
// True for every object that exports a buffer (bytes, bytearray, memoryview,
// array.array, ...).
bool is_bytes_like(Value obj);
// Like buffer_copy but raises TypeError "a bytes-like object is required, not 'X'".
bool buffer_copy_or_error(Value obj, std::string* out);

// Shared bytes/bytearray method machinery (bytes_methods in bytes.cpp): the
// method implementations work on a snapshot of the receiver's bytes and build
// results of the receiver's kind through `make`.
using BytesMakeFn = Ref<> (*)(const void* p, size_t n);
extern const struct MethodDef kBytesCommonMethods[];  // used by bytearray too
// repr text b'...'. `always_escape_single` is bytearray's quirk in CPython:
// it writes \' even inside double quotes (bytearray(b"\'")).
Ref<> bytes_repr_impl(const uint8_t* p, int64_t n, const char* prefix, const char* suffix,
                      bool always_escape_single = false);

// bytes(source)/bytearray(source) for a non-str source: buffer, count, iterable of ints.
bool bytes_fill_from_object(Value src, std::string* out, bool for_bytearray);

void bytes_types_init();

}  // namespace ftpy
