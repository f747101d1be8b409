#include "runtime/heap.h"

#include <malloc.h>
#include <mimalloc.h>

#include <cstdlib>

#include "objects/errors.h"

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
#endif

}  // namespace ftpy
