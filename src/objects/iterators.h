// The iterator builtins (enumerate, zip, map, filter, reversed) and the
// iterators of list and tuple. (dict, set and range iterators live beside
// their containers because they need the containers' internals.)
//
// Thread safety (DESIGN.md §4.4): every iterator advances under a critical
// section on the iterator itself, except the list iterators, which take no
// lock (they claim an index with a CAS; see iterators.cpp). Index-based
// iterators claim the next index atomically, so one iterator shared by several
// threads never yields an item twice; iterators that wrap other iterators (zip, map, filter,
// enumerate) hold the lock while they pull from their sources, so each result
// is built from one consistent step (the sources' own locks nest inside).
#pragma once

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

// The list, reversed-list and tuple iterators (the interpreter's
// FOR_ITER_LIST/TUPLE read them inline when their only reference is the frame's).
struct IndexIter : Object {
  int64_t index;  // guarded by the iterator's critical section
  Value seq;      // owned; null once exhausted
};
extern Type g_list_iter_type;
extern Type g_list_reverse_iter_type;
extern Type g_tuple_iter_type;
extern Type g_enumerate_type;
extern Type g_zip_type;
extern Type g_map_type;
extern Type g_filter_type;
extern Type g_reversed_type;

Ref<> list_iter_new(Value list);
// tp_iternext of list_iterator (lock-free), for callers that checked the type.
Ref<> list_iter_next(Value it);
Ref<> list_reverse_iter_new(Value list);
Ref<> tuple_iter_new(Value tuple);

// reversed(seq) as the builtin does it (__reversed__, else the sequence protocol).
Ref<> reversed_new(Value seq);

// Pickling support shared by the built-in iterators (CPython's forms):
// iter_reduce(seq, index) is `(iter, (seq,), index)`, or `(iter, (seq,))`
// when index is null; `iter` is the builtins' iter function, looked up in the
// running code's builtins as CPython does.
Ref<> builtin_iter_function();
Ref<> iter_reduce(Value seq, Value index);
// The int argument of an iterator's __setstate__ (TypeError "an integer is
// required", OverflowError past int64), as CPython's PyLong_AsSsize_t.
bool iter_state_index(Value state, int64_t* out);

// Readies the list/tuple iterator types and enumerate, zip, map, filter,
// reversed (builtins names: enumerate, zip, map, filter, reversed).
void iterator_types_init();

}  // namespace ftpy
