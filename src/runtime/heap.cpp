#include "runtime/heap.h"

#include <malloc.h>
#include <mimalloc.h>

#include <cstdlib>

#include "objects/errors.h"
#include "objects/type.h"
#include "runtime/gc.h"

namespace ftpy {

#ifdef FTPY_TSAN
// ThreadSanitizer cannot see the synchronisation inside an uninstrumented
// mimalloc: a block freed by one thread and reused by another shows up as a
// data race. TSan builds use the (intercepted) C allocator instead.
void* heap_alloc(size_t size) {
  void* p = std::malloc(size);
  if (!p) [[unlikely]] err_no_memory();
  return p;
}
void* heap_realloc(void* p, size_t size) {
  void* q = std::realloc(p, size);
  if (!q) [[unlikely]] err_no_memory();
  return q;
}
void heap_free(void* p) { std::free(p); }
size_t heap_usable_size(void* p) { return malloc_usable_size(p); }
#else

void* heap_alloc(size_t size) {
  void* p = mi_malloc(size);
  if (!p) [[unlikely]] err_no_memory();
  return p;
}

void* heap_realloc(void* p, size_t size) {
  void* q = mi_realloc(p, size);
  if (!q) [[unlikely]] err_no_memory();
  return q;
}

void heap_free(void* p) { mi_free(p); }

size_t heap_usable_size(void* p) { return mi_usable_size(p); }

namespace {
// mimalloc returns the pages of a free segment to the OS 25 ms after they
// empty by default. Programs that build and drop large structures (a tree per
// iteration, a generator per call) then pay a page fault and a zeroing for
// every page they touch again: profiles of bench/programs/alloc.py showed a
// third of the time in the kernel and in mimalloc's first touch of fresh
// pages. Keeping freed pages for a second costs a little peak RSS (about 10%
// on alloc.py) and removes that churn. An explicit MIMALLOC_DECOMMIT_DELAY in
// the environment still wins.
struct HeapOptions {
  HeapOptions() {
    if (!std::getenv("MIMALLOC_DECOMMIT_DELAY")) mi_option_set(mi_option_decommit_delay, 1000);
  }
};
HeapOptions g_heap_options;
}  // namespace
#endif

Object* heap_alloc_object(Type* type, size_t size) {
  bool tracked = (type->flags & kTypeHasGc) != 0;
  size_t head = tracked ? sizeof(GcHead) : 0;
  void* mem = heap_alloc(size + head);
  if (!mem) return nullptr;
  __builtin_memset(mem, 0, size + head);
  auto* o = reinterpret_cast<Object*>(static_cast<char*>(mem) + head);
  init_header(o, type);
  if (tracked) gc_link(o);
  return o;
}

void heap_free_tracked(Object* o) {
  gc_unlink(o);
  heap_free(gc_head_of(o));
}

}  // namespace ftpy
