// tuple: an immutable array of values, stored inline.
// Thread safety: immutable once published (items are set only on fresh tuples).
#pragma once

#include <initializer_list>

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

struct Tuple : Object {
  int64_t size;
  Value items[];  // owned
};
extern Type g_tuple_type;

inline bool is_tuple(Value v) { return v.is_obj() && has_flag(v.obj()->ob_type, kTypeTupleSubclass); }
inline bool is_tuple_exact(Value v) { return v.is_obj() && v.obj()->ob_type == &g_tuple_type; }
inline int64_t tuple_size(Value v) { return v.as<Tuple>()->size; }
inline Value tuple_item(Value v, int64_t i) { return v.as<Tuple>()->items[i]; }

// A tuple of `n` null items, to be filled with tuple_init_item before publication.
Ref<Tuple> tuple_new(int64_t n);
inline void tuple_init_item(Tuple* t, int64_t i, Ref<> v) { t->items[i] = v.release(); }
Ref<Tuple> tuple_pack(std::initializer_list<Value> items);  // borrows, increfs each
Ref<Tuple> tuple_from_array(const Value* items, int64_t n);  // borrows
Ref<Tuple> empty_tuple();
Ref<> tuple_slice(Value t, int64_t start, int64_t stop);

// Start-up: tuple_type_init_core() fills the slots and makes the empty tuple;
// tuple_module_init() readies the type.
void tuple_type_init_core();
void tuple_module_init();

}  // namespace ftpy
