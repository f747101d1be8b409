// set and frozenset: hash tables of keys (open addressing, like dict's probe
// sequence but with a short linear scan first), insertion into the first free
// slot so iteration order follows the table, as in CPython.
//
// Thread safety (DESIGN.md §4.4): every mutation and every read of the table
// runs in a critical section on the set. Key __eq__/__hash__ may run Python
// code: hashes are computed before taking the lock; a lookup that called
// __eq__ re-checks that the table was not replaced meanwhile and restarts if it
// was. Operations on two sets snapshot the other set's keys first, so there is
// never a lock-order question. frozensets are immutable once published (their
// table is filled before anyone else can see them).
#pragma once

#include <atomic>
#include <cstdint>

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

struct SetEntry {
  int64_t hash;
  Value key;  // null = empty; kSetDummy = deleted
};

// The first table (8 slots) lives inside the object, as in CPython: a small
// set costs one allocation, not two. A set that grows moves to a heap table
// and goes back to the inline one only when resized down to 8 slots. The
// inline table needs no deferred freeing: every read of a set's table runs
// in the set's critical section (see above), never lock-free.
constexpr int64_t kSetSmallSize = 8;

struct Set : Object {
  int64_t fill;    // active + dummy slots
  int64_t used;    // active keys
  int64_t mask;    // table size - 1 (0 with no table)
  SetEntry* table; // null (empty, never filled), `small`, or owned heap memory
  int64_t finger;  // where pop() resumes scanning
  std::atomic<int64_t> hash;  // frozenset: -1 until computed (benign race: same value)
  SetEntry small[kSetSmallSize];
};
extern Type g_set_type;
extern Type g_frozenset_type;

bool is_set(Value v);        // set or subclass
bool is_frozenset(Value v);  // frozenset or subclass
inline bool is_anyset(Value v) { return is_set(v) || is_frozenset(v); }

Ref<> set_new(Value iterable);        // iterable may be null: empty set
Ref<> frozenset_new(Value iterable);  // iterable may be null: empty frozenset
int set_add(Value set, Value key);    // -1 on error
int set_discard(Value set, Value key);  // 1 removed, 0 absent, -1 error
int set_contains(Value set, Value key); // -1 on error
int64_t set_size(Value set);
// In-place update with any iterable: kOpOr update, kOpAnd intersection_update,
// kOpSub difference_update, kOpXor symmetric_difference_update.
int set_update_op(Value set, Value other, BinaryOp op);
// Walk the keys: pos starts at 0; returns false at the end (key is a new reference).
bool set_next(Value set, int64_t* pos, Ref<>* key);

void set_types_init();  // readies set, frozenset and their iterator (builtins: set, frozenset)

}  // namespace ftpy
