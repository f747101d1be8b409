// bytearray: a mutable, resizable sequence of bytes.
//
// Thread safety (DESIGN.md §4.4): every mutation and every read of `data`
// happens inside a critical section on the bytearray; `size` is also an atomic
// so len() needs no lock. Methods shared with bytes work on a snapshot copied
// under the lock, so no Python code (an argument's __index__, a comparison)
// ever runs while a raw pointer into the buffer is held. Iterators claim their
// index with an atomic increment and read the byte under the lock, so a
// concurrently resized bytearray is never read out of bounds and no item is
// yielded twice. While memoryviews export the buffer (`exports` > 0) resizing
// raises BufferError, as in CPython.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

struct ByteArray : Object {
  std::atomic<int64_t> size;
  int64_t capacity;
  uint8_t* data;     // heap_alloc'd, capacity + 1 bytes (NUL-terminated); may be null when empty
  int64_t exports;   // live memoryviews; guarded by the critical section
};
extern Type g_bytearray_type;
extern Type g_bytearray_iter_type;

inline bool is_bytearray(Value v) {
  return v.is_obj() && (v.obj()->ob_type == &g_bytearray_type ||
                        is_subtype(v.obj()->ob_type, &g_bytearray_type));
}
Ref<> bytearray_from(const void* p, size_t n);
// Copy the current contents (takes the critical section).
void bytearray_snapshot(Value ba, std::string* out);
int64_t bytearray_size(Value ba);

void bytearray_types_init();

}  // namespace ftpy
