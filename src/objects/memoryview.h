// memoryview: a view of the memory of any object that exports a buffer
// (objects/buffer.h): bytes, bytearray, array.array, another memoryview.
// One-dimensional views index, slice, compare and convert items of the native
// single-character struct formats; cast() can also reshape a contiguous view
// into several dimensions, or none (shape=[]: a zero-dimensional view of one
// item, read and written as m[()] or m[...]). tolist, tobytes, len and
// comparison work on those, m[i, j, ...] reads or writes one item, and a
// slice along the first dimension gives an N-D sub-view (strided when its
// step is not 1); integer sub-views (m[0] of a 2-D view) and slicing other
// dimensions raise NotImplementedError, as in CPython 3.11.
//
// Thread safety: the geometry (buf, shape, strides, format) is immutable once
// the view is published. A view holds one export of its base object for its
// whole life, so the memory cannot move or shrink under it. Every read or
// write of the viewed bytes runs inside the base's CriticalSection (`lock`;
// null for immutable bases such as bytes) and checks `released` there; release()
// sets `released` under the same section before it ends the export, so an
// access either completes before the release or sees it and raises ValueError.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

inline constexpr int kMemoryViewMaxDim = 8;

// What a view sees of its base's memory.
struct MemoryViewLayout {
  uint8_t* buf;       // address of the first item
  int64_t itemsize;
  int32_t ndim;       // 0..kMemoryViewMaxDim
  int64_t shape[kMemoryViewMaxDim];
  int64_t strides[kMemoryViewMaxDim];  // bytes; the first may be negative (a reversed slice)
  char format[4];     // struct syntax: one character, or '@' and one character
  bool readonly;
};

struct MemoryView : Object {
  Value obj;          // owned: the exporting base object (never a memoryview)
  Object* lock;       // base to lock around byte access, or null if immutable
  MemoryViewLayout l;
  std::atomic<bool> released;
};
extern Type g_memoryview_type;

inline bool is_memoryview(Value v) { return v.is_obj() && v.obj()->ob_type == &g_memoryview_type; }
Ref<> memoryview_new(Value obj);  // TypeError for objects without the buffer protocol
// Copy the viewed bytes; false with ValueError if released.
bool memoryview_copy(Value mv, std::string* out);
// Contiguous view of an immutable exporter: pointer to the bytes, or false.
bool memoryview_contiguous(Value mv, const uint8_t** data, int64_t* size);

void memoryview_types_init();

}  // namespace ftpy
