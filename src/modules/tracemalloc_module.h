// The _tracemalloc module (tracemalloc_module.cpp) and the allocation hooks
// runtime/heap.cpp calls while it traces.
//
// Zero cost when off: heap_alloc, heap_realloc and heap_free test
// g_tracemalloc_on (a relaxed atomic load and one branch marked unlikely)
// and call the hooks only when it is set.
#pragma once

#include <atomic>
#include <cstddef>

#include "runtime/ref.h"

namespace ftpy {

Ref<> tracemalloc_module_create();

extern std::atomic<bool> g_tracemalloc_on;

// A block of `size` bytes was allocated at `p` (record it with the calling
// thread's Python frames) / is about to be freed (forget it; called before
// the memory goes back, so no other thread can have been given `p` yet).
void tracemalloc_on_alloc(void* p, size_t size);
void tracemalloc_on_free(void* p);

}  // namespace ftpy
