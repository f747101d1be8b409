// The buffer protocol: how a native type lends out its raw memory (bytes,
// bytearray, array.array, memoryview) to consumers such as memoryview,
// bytes(x), b"".join, struct.pack_into/unpack_from and file readinto.
//
// An exporter registers BufferProcs for its type (buffer_register, at start-up
// before any thread runs); object_get_buffer finds them along the instance's
// type's bases, so subclasses export too. A successful get_buffer hands out a
// BufferView that owns a reference to the exporter and counts as one export
// until buffer_release. While an object has exports its memory is pinned: the
// data pointer stays valid and resizing raises BufferError, as in CPython.
//
// Thread safety: a mutable exporter (bytearray, array.array) increments and
// decrements its export count inside its own CriticalSection, and every
// operation that resizes it checks the count inside that same section, so an
// export and a concurrent resize are ordered: either the export sees the new
// size, or the resize sees the export and fails. The contents of a mutable
// exporter may still change while exported; consumers read and write the bytes
// inside the exporter's CriticalSection (BufferView::lock, null for immutable
// exporters such as bytes), so no access races with another thread's write.
#pragma once

#include <cstdint>
#include <string>

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

enum BufferFlags : int {
  kBufSimple = 0,
  kBufWritable = 1,    // fail (BufferError) if the memory is read-only
  kBufContiguous = 2,  // fail (BufferError) if items are not adjacent
};

// A one-dimensional export: `count` items of `itemsize` bytes, item i at
// buf + i * stride (stride may be negative). `len` = count * itemsize.
struct BufferView {
  Ref<> obj;                 // the exporter, owned while the export lives
  Object* lock = nullptr;    // take its CriticalSection to touch the bytes; null if immutable
  uint8_t* buf = nullptr;
  int64_t len = 0;
  int64_t itemsize = 1;
  int64_t count = 0;
  int64_t stride = 1;
  const char* format = "B";  // struct-module syntax, static storage
  bool readonly = true;

  bool contiguous() const { return stride == itemsize || count <= 1; }
};

// get fills *view (all fields but obj) and records the export; false with an
// exception. release undoes the export.
struct BufferProcs {
  bool (*get)(Value obj, BufferView* view, int flags);
  void (*release)(Value obj, BufferView* view);
};

void buffer_register(Type* t, const BufferProcs* procs);
bool has_buffer(Value obj);
// Export obj's buffer; TypeError "a bytes-like object is required, not 'X'"
// for objects without one.
bool object_get_buffer(Value obj, BufferView* view, int flags);
// End an export (idempotent: a released view is empty).
void buffer_release(BufferView* view);
// Copy the exported items, in order, to *out (takes the exporter's lock).
void buffer_view_copy(const BufferView& view, std::string* out);

// For exporters: the BufferError a resize raises while exports are live.
inline constexpr const char kBufferResizeMessage[] = "Existing exports of data: object cannot be re-sized";
// For exporters: check the flags against a read-only export.
bool buffer_check_writable(const BufferView* view, int flags);

}  // namespace ftpy
