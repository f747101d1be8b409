// slice objects.
// Thread safety: immutable after construction.
#pragma once

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

struct Slice : Object {
  Value start, stop, step;  // owned; None when omitted
};
extern Type g_slice_type;

inline bool is_slice(Value v) { return v.is_obj() && v.obj()->ob_type == &g_slice_type; }
Ref<> slice_new(Value start, Value stop, Value step);  // null args mean None
// Resolve a slice against a sequence of `length` like slice.indices():
// clamps, fills defaults; returns false with an exception (ValueError for a
// zero step, TypeError for non-integer bounds).
bool slice_indices(Value slice, int64_t length, int64_t* start, int64_t* stop, int64_t* step,
                   int64_t* slicelength);
// slice_indices in two steps, for slices never built as objects (BINARY_SLICE
// on lists): slice_unpack reads the bounds (null or None: omitted) as
// int64, running __index__ if it must, so it is called before taking any
// lock; slice_adjust then clamps them to a `length` read under the lock and
// returns the slice length.
bool slice_unpack(Value start, Value stop, Value step, int64_t* b, int64_t* e, int64_t* st);
int64_t slice_adjust(int64_t length, int64_t* b, int64_t* e, int64_t st);
// The same with arbitrary-precision ints (slice.indices(), range slicing):
// `length` is a non-negative int; start/stop/step receive ints.
bool slice_indices_big(Value slice, Value length, Ref<>* start, Ref<>* stop, Ref<>* step);
// An index-like bound clamped to int64 (None is not accepted here): the
// "slice indices must be integers or None or have an __index__ method" helper.
bool slice_bound_clamped(Value v, int64_t* out);

void slice_type_init();

}  // namespace ftpy
