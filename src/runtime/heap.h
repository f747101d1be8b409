// Object allocation (DESIGN.md §4.3): mimalloc, whose per-thread heaps make
// allocation and same-thread frees lock-free; objects freed by another thread go
// back to their page's owner through mimalloc's own delayed-free lists.
//
// Instances of kTypeHasGc types carry a 16-byte GcHead in front of the header
// and are linked in the cycle collector's registry (runtime/gc.h) from birth
// to free; kGcTracked in ob_gc_bits says which layout an object has. The
// registry has one list per thread: freeing an object of another thread's
// list may defer the memory's release to that thread (gc_unlink), so a
// tracked object's memory can outlive free_object for a while; a dead object
// is never touched again by the code that freed it either way.
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

// Allocate `size` bytes, zeroed, with an initialised header; tracked by the
// collector if the type has kTypeHasGc. nullptr with MemoryError pending on
// out-of-memory.
Object* heap_alloc_object(Type* type, size_t size);
void heap_free_tracked(Object* o);

// Allocate `size` bytes (at least sizeof(T)) and construct a T header. Fields
// beyond the header are zeroed.
template <typename T>
T* alloc_object(Type* type, size_t size = sizeof(T)) {
  return static_cast<T*>(heap_alloc_object(type, size));
}

// Free the memory of a dead object (after its fields were released).
inline void free_object(Object* o) {
  if (o->ob_gc_bits & kGcTracked)
    heap_free_tracked(o);
  else
    heap_free(o);
}

}  // namespace ftpy
