// memoryview: a view of the bytes of a bytes or bytearray object (format 'B',
// one dimension; casts to 'b' and 'c' are supported, other formats raise
// NotImplementedError for now).
//
// Thread safety: the view's fields are immutable after creation except
// `released`, which is set under the view's critical section. Reading the
// exporter's bytes goes through the exporter's own locking (bytearray takes its
// critical section), and a bytearray cannot be resized while views export it.
#pragma once

#include <cstdint>
#include <string>

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

struct MemoryView : Object {
  Value obj;        // owned exporter (bytes or bytearray)
  int64_t start;    // byte offset of item 0
  int64_t length;   // number of items
  int64_t step;     // distance between items, in bytes (may be negative)
  char format;      // 'B', 'b' or 'c'
  bool readonly;
  bool released;
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
