// Shared pieces of the itertools module (itertools_module.cpp: infinite and
// terminating iterators, groupby, tee; itertools_combinatoric.cpp: product,
// permutations, combinations, combinations_with_replacement).
//
// Thread safety (all itertools types): next() runs inside a critical section
// on the iterator object, including the calls into the underlying iterators
// and user functions, so an iterator shared between threads advances its state
// atomically and never yields an item twice. Re-entry from the same thread
// (a predicate that calls next() on the iterator it filters) is a no-op for
// the lock; the state machines below stay consistent in that case because each
// step re-reads its fields after calling out.
#pragma once

#include "objects/native.h"
#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

// Fill the common fields of an itertools iterator type and ready it.
// `name` is the tp_name ("itertools.count").
void itertools_type_setup(Type* t, const char* name, size_t size, DeallocFn dealloc, TraverseFn traverse,
                          NewFn tp_new, UnaryFn next, const MethodDef* methods = nullptr,
                          UnaryFn repr = nullptr, const char* doc = nullptr);
Ref<> itertools_iter_self(Value self);

// Combinatoric iterators (itertools_combinatoric.cpp).
extern Type g_product_type;
extern Type g_permutations_type;
extern Type g_combinations_type;
extern Type g_cwr_type;
void itertools_combinatoric_init();

// Release an owned Value field and null it.
inline void clear_field(Value& v) {
  Value old = v;
  v = Value();
  decref(old);
}
// Replace an owned Value field with an owned reference.
inline void set_field(Value& field, Ref<> v) {
  Value old = field;
  field = v.release();
  decref(old);
}

}  // namespace ftpy
