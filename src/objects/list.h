// list: a resizable array of values.
//
// Thread safety (DESIGN.md §4.4): every mutation runs inside a critical section
// on the list's own mutex; reads of a single item are lock-free: the items
// array pointer and size are atomics, and a replaced array is retired through
// QSBR (runtime/qsbr.h) so a concurrent reader never touches freed memory.
// Until QSBR lands, reads also take the critical section.
#pragma once

#include <atomic>

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

struct List : Object {
  std::atomic<int64_t> size;
  std::atomic<Value*> items;  // owned values [0, size)
  int64_t capacity;
};
extern Type g_list_type;

inline bool is_list(Value v) { return v.is_obj() && has_flag(v.obj()->ob_type, kTypeListSubclass); }
inline bool is_list_exact(Value v) { return v.is_obj() && v.obj()->ob_type == &g_list_type; }
inline int64_t list_size(Value v) { return v.as<List>()->size.load(std::memory_order_relaxed); }

Ref<List> list_new(int64_t size = 0);  // size > 0: null items to be filled with list_init_item
void list_init_item(List* l, int64_t i, Ref<> v);  // only on fresh lists
Ref<List> list_from_array(const Value* items, int64_t n);  // borrows
int list_append(Value list, Value item);  // -1 on MemoryError
int list_extend(Value list, Value iterable);  // -1 on error
Ref<> list_get(Value list, int64_t i);    // no bounds message: null + IndexError
Ref<> list_as_tuple(Value list);
int list_sort(Value list, Value key, bool reverse);  // stable; -1 on error
int list_insert(Value list, int64_t where, Value item);  // clamps like list.insert
int list_reverse(Value list);
Ref<> list_slice(Value list, int64_t start, int64_t stop);  // clamped, step 1
// Internal to the list files: grow capacity with the list's critical section held.
bool list_reserve_locked(List* l, int64_t need);

// Start-up: list_type_init_core() fills the slots (no allocation);
// list_module_init() readies list and its iterator types.
void list_type_init_core();
void list_module_init();

}  // namespace ftpy
