// list: a resizable array of values.
//
// Thread safety (DESIGN.md §4.4). Every mutation runs inside a critical
// section on the list's own mutex. Reads of single items (indexing,
// iteration, `in`, count, index, comparisons, repr) and len() take no lock:
//   - the slots live in a ListArray whose header carries its capacity, and
//     `array` points at it; a reader loads `size`, then `array` (acquire),
//     checks the index against both, loads the slot (acquire) and increfs;
//   - writers store slots with release stores, null the slots they vacate,
//     and zero the unused tail of every new array, so a non-null slot always
//     holds a value that was at that index while the reader looked;
//   - a replaced array is retired through QSBR (qsbr_retire_memory), and every
//     value the list lets go of -- deleted, overwritten, cleared or popped --
//     is released through qsbr_retire_value, so whatever a reader loaded stays
//     alive until that reader's next quiescent point (the dict protocol);
//   - a reader that sees a null slot or an index past the array's capacity
//     raced with a writer and retries under the lock.
// Multi-item reads that must be one snapshot (copy, slicing, list_as_tuple,
// extend from a list) take the lock.
#pragma once

#include <atomic>

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

// The slots of a list: `capacity` values follow the header. Slots at and past
// the list's size are null.
struct ListArray {
  int64_t capacity;  // immutable
  Value* slots() { return reinterpret_cast<Value*>(this + 1); }
};

struct List : Object {
  std::atomic<int64_t> size;
  std::atomic<ListArray*> array;  // null while empty (and while sorting)
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
Ref<> list_get(Value list, int64_t i);    // lock-free; no bounds message: null + IndexError
// Lock-free read of item i (0 <= i expected; no negative indexing): null with
// no exception set when i is out of range. For iterators, loops and the
// interpreter's subscript form, so the common case is inline; a read that
// raced with a writer (null slot, index past the array) retries under the
// lock in list_get_raced.
Ref<> list_get_raced(Value list, int64_t i);
// The same read with its reference as a bare owned Value (null: out of
// range), always inline: a Ref returned from the inline function kept its
// result in a stack slot (the raced path returns through memory), and GCC
// left the function out of line inside eval_frame.
[[gnu::always_inline]] inline Value list_take_or_null(Value lv, int64_t i) {
  List* l = lv.as<List>();
  // Size first, so a slot below a size we saw was written before we look at
  // it, whichever array we then load.
  int64_t n = l->size.load(std::memory_order_acquire);
  if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(n)) return Value();
  ListArray* a = l->array.load(std::memory_order_acquire);
  if (a && i < a->capacity) [[likely]] {
    Value v = std::atomic_ref<Value>(a->slots()[i]).load(std::memory_order_acquire);
    if (!v.is_null()) [[likely]] {
      incref(v);
      return v;
    }
  }
  return list_get_raced(lv, i).release();
}
inline Ref<> list_get_or_null(Value lv, int64_t i) { return Ref<>::steal(list_take_or_null(lv, i)); }
Ref<> list_as_tuple(Value list);
int list_sort(Value list, Value key, bool reverse);  // stable; -1 on error
int list_insert(Value list, int64_t where, Value item);  // clamps like list.insert
int list_reverse(Value list);
Ref<> list_slice(Value list, int64_t start, int64_t stop);  // clamped, step 1
// list[start:stop:step] and its assignment (v null: deletion) from the
// bounds' values (null or None: omitted), for BINARY_SLICE and the slice
// subscripts. `v_private`: v is an exact list that no other thread can reach
// (the caller holds its only reference), read in place without a lock.
Ref<> list_get_slice(Value list, Value start, Value stop, Value step);
int list_set_slice(Value list, Value start, Value stop, Value step, Value v, bool v_private);

// Internal to the list files (critical section held where it says "locked").
inline Value* list_items_locked(List* l) {
  ListArray* a = l->array.load(std::memory_order_relaxed);
  return a ? a->slots() : nullptr;
}
inline int64_t list_capacity_locked(List* l) {
  ListArray* a = l->array.load(std::memory_order_relaxed);
  return a ? a->capacity : 0;
}
// Slot stores that lock-free readers may observe.
inline void list_slot_store(Value* slot, Value v) {
  std::atomic_ref<Value>(*slot).store(v, std::memory_order_release);
}
// Grow capacity to hold at least `need` items; false on MemoryError.
bool list_reserve_locked(List* l, int64_t need);
// A new array of `cap` null slots (heap_alloc'd; null on MemoryError).
ListArray* list_array_new(int64_t cap);
// Make `a` (with `n` items) the list's array, retiring the old array's memory
// (not its values) through QSBR.
void list_replace_array_locked(List* l, ListArray* a, int64_t n);

// Start-up: list_type_init_core() fills the slots (no allocation);
// list_module_init() readies list and its iterator types.
void list_type_init_core();
void list_module_init();

}  // namespace ftpy
