// range: an immutable arithmetic sequence of ints of any size. start, stop,
// step and the length are stored as ints (small or GMP); iteration has an
// int64 fast path (range_iterator) and a big-int one (longrange_iterator).
//
// Thread safety: a range is immutable. Its iterators advance under their own
// critical section, so a shared iterator never yields a number twice.
#pragma once

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

struct Range : Object {
  Value start, stop, step, length;  // owned ints
};
extern Type g_range_type;

// The iterator of a range whose values all fit in int64 (the interpreter's
// FOR_ITER_RANGE reads it inline when its only reference is the frame's).
struct RangeIter : Object {
  int64_t next, step, remaining;  // guarded by the iterator's critical section
  int64_t start, len;             // the first value and the count, for pickling; immutable
};
extern Type g_range_iter_type;

inline bool is_range(Value v) { return v.is_obj() && v.obj()->ob_type == &g_range_type; }
// range(start, stop, step) from ints (callers convert with __index__ first);
// ValueError for a zero step.
Ref<> range_new(Value start, Value stop, Value step);

void range_types_init();  // readies range and its iterators (builtins: range)

}  // namespace ftpy
