#include "runtime/heap.h"

#include <mimalloc.h>

#include "objects/errors.h"

namespace ftpy {

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

}  // namespace ftpy
