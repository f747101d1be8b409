// The `array` module: array.array, a compact mutable sequence of one C type
// (typecodes b B u w h H i I l L q Q f d).
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "runtime/ref.h"

namespace ftpy {

struct ArrayDescr;

// Thread safety: every read or write of `data`, and every resize, happens in a
// CriticalSection on the array; `size` is atomic so len() needs no lock.
// Element conversions (which may run Python code) happen before the section is
// entered. The array exports its buffer (objects/buffer.h): `exports` changes
// under the section, and a resize while it is non-zero raises BufferError.
struct ArrayObject : Object {
  const ArrayDescr* descr;
  std::atomic<int64_t> size;  // items
  int64_t capacity;           // items
  uint8_t* data;              // heap_alloc'd
  int64_t exports;            // live buffer exports; guarded by the section
};
extern struct Type g_array_type;

bool is_array(Value v);

Ref<> array_module_create();

}  // namespace ftpy
