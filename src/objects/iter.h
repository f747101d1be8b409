// Generic iterators: the sequence iterator (for types with __getitem__ but no
// __iter__) and the callable iterator (iter(f, sentinel)).
//
// Thread safety: the position is advanced with a CAS-free critical section on
// the iterator, so one iterator shared by several threads never yields an item
// twice (DESIGN.md §4.4).
#pragma once

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

struct SeqIter : Object {
  int64_t index;
  Value seq;  // owned; null once exhausted
};
extern Type g_seq_iter_type;

struct CallIter : Object {
  Value callable;  // owned; null once exhausted
  Value sentinel;  // owned
};
extern Type g_call_iter_type;

Ref<> seq_iter_new(Value seq);
Ref<> call_iter_new(Value callable, Value sentinel);

void iter_types_init();

}  // namespace ftpy
