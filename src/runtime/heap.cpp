#include "runtime/heap.h"

#include <malloc.h>
#include <mimalloc.h>

#include <cstdlib>
#include <new>

#include "objects/errors.h"
#include "objects/type.h"
#include "runtime/gc.h"
#include "modules/tracemalloc_module.h"

namespace ftpy {

#if defined(FTPY_TSAN) || defined(FTPY_ASAN)
// ThreadSanitizer cannot see the synchronisation inside an uninstrumented
// mimalloc: a block freed by one thread and reused by another shows up as a
// data race. AddressSanitizer cannot see an overrun or a use after free
// inside a mimalloc page (no redzones, no quarantine), so neither the
// suite nor the fuzzer (tools/fuzz/) could catch one. Sanitizer builds use the (intercepted) C allocator instead.
void* heap_alloc(size_t size) {
  void* p = std::malloc(size);
  if (!p) [[unlikely]] err_no_memory();
  else if (g_tracemalloc_on.load(std::memory_order_relaxed)) [[unlikely]] tracemalloc_on_alloc(p, size);
  return p;
}
void* heap_realloc(void* p, size_t size) {
  if (g_tracemalloc_on.load(std::memory_order_relaxed) && p) [[unlikely]] tracemalloc_on_free(p);
  void* q = std::realloc(p, size);
  if (!q) [[unlikely]] err_no_memory();
  else if (g_tracemalloc_on.load(std::memory_order_relaxed)) [[unlikely]] tracemalloc_on_alloc(q, size);
  return q;
}
void heap_free(void* p) {
  if (g_tracemalloc_on.load(std::memory_order_relaxed)) [[unlikely]] tracemalloc_on_free(p);
  std::free(p);
}
size_t heap_usable_size(void* p) { return malloc_usable_size(p); }
#else

void* heap_alloc(size_t size) {
  void* p = mi_malloc(size);
  if (!p) [[unlikely]] err_no_memory();
  else if (g_tracemalloc_on.load(std::memory_order_relaxed)) [[unlikely]] tracemalloc_on_alloc(p, size);
  return p;
}

void* heap_realloc(void* p, size_t size) {
  // Forget the old block first: once realloc returns it, another thread may
  // be given the same address and trace it.
  if (g_tracemalloc_on.load(std::memory_order_relaxed)) [[unlikely]] {
    if (p) tracemalloc_on_free(p);
    void* q = mi_realloc(p, size);
    if (!q) [[unlikely]] err_no_memory();
    else tracemalloc_on_alloc(q, size);
    return q;
  }
  void* q = mi_realloc(p, size);
  if (!q) [[unlikely]] err_no_memory();
  return q;
}

void heap_free(void* p) {
  if (g_tracemalloc_on.load(std::memory_order_relaxed)) [[unlikely]] tracemalloc_on_free(p);
  mi_free(p);
}

size_t heap_usable_size(void* p) { return mi_usable_size(p); }

}  // namespace ftpy

// The global operator new/delete. libmimalloc's own replacements abort the
// process when memory runs out (their new-handler lookup binds to its own
// weak stub), so a std::string or std::vector asked for 4 GiB under a memory
// limit killed ftpy (bytes(2**32), array * 2**31, int.to_bytes(2**32): found
// by tools/fuzz/). These throw std::bad_alloc as the standard requires, and
// the native call boundaries (objects/native.cpp invoke, type_call, the slot
// wrappers) turn it into MemoryError. Sanitizer builds keep their runtime's.
namespace {
[[noreturn]] void throw_bad_alloc() { throw std::bad_alloc(); }
inline void* new_or_throw(std::size_t n) {
  void* p = mi_malloc(n);
  if (!p) [[unlikely]] throw_bad_alloc();
  return p;
}
inline void* new_aligned_or_throw(std::size_t n, std::align_val_t al) {
  void* p = mi_malloc_aligned(n, static_cast<std::size_t>(al));
  if (!p) [[unlikely]] throw_bad_alloc();
  return p;
}
}  // namespace

void* operator new(std::size_t n) { return new_or_throw(n); }
void* operator new[](std::size_t n) { return new_or_throw(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return mi_malloc(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return mi_malloc(n); }
void* operator new(std::size_t n, std::align_val_t al) { return new_aligned_or_throw(n, al); }
void* operator new[](std::size_t n, std::align_val_t al) { return new_aligned_or_throw(n, al); }
void* operator new(std::size_t n, std::align_val_t al, const std::nothrow_t&) noexcept {
  return mi_malloc_aligned(n, static_cast<std::size_t>(al));
}
void* operator new[](std::size_t n, std::align_val_t al, const std::nothrow_t&) noexcept {
  return mi_malloc_aligned(n, static_cast<std::size_t>(al));
}
void operator delete(void* p) noexcept { mi_free(p); }
void operator delete[](void* p) noexcept { mi_free(p); }
void operator delete(void* p, std::size_t) noexcept { mi_free(p); }
void operator delete[](void* p, std::size_t) noexcept { mi_free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { mi_free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { mi_free(p); }
void operator delete(void* p, std::align_val_t) noexcept { mi_free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { mi_free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { mi_free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { mi_free(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { mi_free(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { mi_free(p); }

namespace ftpy {
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
  if (gc_unlink(o)) heap_free(gc_head_of(o));
}

}  // namespace ftpy
