// Object allocation (DESIGN.md §4.3): mimalloc, whose per-thread heaps make
// allocation and same-thread frees lock-free; objects freed by another thread go
// back to their page's owner through mimalloc's own delayed-free lists.
//
// Container objects will move to a dedicated per-thread heap that the cycle
// collector enumerates (issue: free threading); until then `tracked` only sets
// the header bit.
#pragma once

#include <cstddef>
#include <new>

#include "runtime/object.h"

namespace ftpy {

void* heap_alloc(size_t size);  // raw memory; aborts via MemoryError path on failure
void* heap_realloc(void* p, size_t size);
void heap_free(void* p);
size_t heap_usable_size(void* p);

// Initialise a header for a fresh object owned by the calling thread with a
// count of one.
inline void init_header(Object* o, Type* type) {
  o->ob_tid.store(tls_thread_index, std::memory_order_relaxed);
  o->ob_ref_local.store(1, std::memory_order_relaxed);
  o->ob_ref_shared.store(0, std::memory_order_relaxed);
  o->ob_mutex.store(0, std::memory_order_relaxed);
  o->ob_gc_bits = 0;
  o->ob_flags = 0;
  o->ob_type = type;
}

// Allocate `size` bytes (at least sizeof(T)) and construct a T header. Fields
// beyond the header are zeroed. Returns nullptr on out-of-memory with
// MemoryError pending.
template <typename T>
T* alloc_object(Type* type, size_t size = sizeof(T)) {
  void* mem = heap_alloc(size);
  if (!mem) return nullptr;
  __builtin_memset(mem, 0, size);
  T* o = static_cast<T*>(mem);
  init_header(o, type);
  return o;
}

// Free the memory of a dead object (after its fields were released).
inline void free_object(Object* o) { heap_free(o); }

}  // namespace ftpy
