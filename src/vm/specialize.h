// Quickening: rewriting instructions in place into specialised forms
// (DESIGN.md §2, §4.6).
//
// An instruction of a base opcode may be overwritten at run time by one of its
// specialised forms (compile/opcodes.h, FTPY_SPECIALIZED) and back. Code
// objects are shared by every thread that runs them, so:
//   - every read or write of a code unit or an inline cache unit after the
//     compiler is done goes through these helpers (atomic 32-bit accesses):
//     two threads may specialise the same instruction at once, and a reader
//     may see any interleaving of their writes;
//   - a specialising thread writes the cache units first and the opcode last
//     (release), so a thread that sees the new opcode usually sees its cache;
//   - but DISPATCH loads the opcode relaxed, so a specialised handler must
//     treat its cache as untrusted: it validates everything it uses on every
//     execution (a type's version tag, a dict's keys version, an index bound),
//     an all-zero cache never validates (version tag 0 means "none"), and a
//     cache holds no references: only version tags, indices and counters;
//   - a handler whose guard fails runs its base opcode's generic path (and may
//     rewrite the instruction back to the base form, with a back-off so that a
//     polymorphic site does not flip forms on every execution).
#pragma once

#include <cstdint>

#include "compile/opcodes.h"
#include "objects/float.h"
#include "runtime/object.h"

namespace ftpy {

inline uint32_t cache_load(const uint32_t* unit) { return __atomic_load_n(unit, __ATOMIC_RELAXED); }
inline void cache_store(uint32_t* unit, uint32_t v) { __atomic_store_n(unit, v, __ATOMIC_RELAXED); }

// Replace the opcode of the instruction at `instr`, keeping its argument. Call
// after the cache units are written.
inline void set_opcode(uint32_t* instr, Opcode op) {
  uint32_t unit = __atomic_load_n(instr, __ATOMIC_RELAXED);
  __atomic_store_n(instr, (unit & ~uint32_t{0xFF}) | op, __ATOMIC_RELEASE);
}

}  // namespace ftpy

// ---------------------------------------------------------------------------
// The adaptive counter of a base instruction. The arithmetic families
// (BINARY_OP, COMPARE_OP, BINARY_SUBSCR, STORE_SUBSCR, FOR_ITER,
// UNPACK_SEQUENCE) keep it in
// their first cache unit, LOAD_ATTR/STORE_ATTR/CALL in their second
// (specialize_attr_call.h): a countdown (bits 0-15) and a back-off exponent
// (bits 16-19). The compiler leaves it zero, so the first execution specialises. A
// specialised form whose guard fails runs the base handler, which counts the
// miss down; at zero it specialises again (perhaps to another form). When no
// form fits, the exponent grows and the next attempt waits 2^exp executions.
// Racing threads may lose each other's updates: the counter is a heuristic.
// A site that failed at the largest back-off gives up for good (countdown
// kCounterMask): counting down is a store into code that every thread running
// it shares, and a store per execution of an unspecialisable site (`x ** 2`)
// made two threads' loops contend on the code's cache line.
namespace ftpy {

constexpr uint32_t kCounterMask = 0xFFFF;
constexpr int kCounterExpShift = 16;
constexpr uint32_t kMaxBackoffExp = 12;
constexpr uint32_t kMissBudget = 31;  // misses a specialised form tolerates

// Counts one execution of a base instruction; true when it should specialise.
inline bool counter_expired(uint32_t* unit) {
  uint32_t c = cache_load(unit);
  if ((c & kCounterMask) == 0) return true;
  if ((c & kCounterMask) == kCounterMask) return false;  // gave up: no store
  cache_store(unit, c - 1);
  return false;
}

// A counter that waits 2^exp - 1 executions before the next attempt.
inline uint32_t counter_wait(uint32_t exp) { return (exp << kCounterExpShift) | ((1u << exp) - 1); }

inline uint32_t counter_exponent(const uint32_t* unit) { return (cache_load(unit) >> kCounterExpShift) & 0xF; }

// A failed attempt: wait twice as long as last time, or give up after the
// longest wait.
inline void counter_back_off(uint32_t* unit) {
  uint32_t exp = counter_exponent(unit);
  cache_store(unit, exp >= kMaxBackoffExp ? (exp << kCounterExpShift) | kCounterMask : counter_wait(exp + 1));
}

// After a specialisation attempt: `form` is the chosen opcode, or the base
// opcode itself when nothing fits (then the wait doubles).
inline void counter_specialized(uint32_t* instr, Opcode form) {
  uint32_t* unit = instr + 1;
  uint32_t exp = counter_exponent(unit);
  if (form == base_opcode(form)) {
    counter_back_off(unit);
  } else {
    cache_store(unit, (exp << kCounterExpShift) | kMissBudget);
  }
  set_opcode(instr, form);
}

// Is the caller's reference the only one to `o`? True only if this thread
// owns the count, its local count is one and no other thread holds a share,
// so no other thread can reach the object: the caller may then read and
// write its fields without the object's lock. (Acquire: a thread that dropped
// its reference had its writes published by that decrement.)
[[gnu::always_inline]] inline bool is_uniquely_referenced(Object* o) {
  return o->ob_ref_local.load(std::memory_order_relaxed) == 1 &&
         o->ob_tid.load(std::memory_order_relaxed) == tls_thread_index &&
         (o->ob_ref_shared.load(std::memory_order_acquire) >> kSharedShift) == 0;
}

// An exact float, for a Value on the operand stack (never null there).
[[gnu::always_inline]] inline bool is_float_exact_obj(Value v) {
  return !v.is_small() && v.obj()->ob_type == &g_float_type;
}

// The float forms' operands: an exact float, or a small int of at most 2^53
// in magnitude (it converts to a double exactly, as int.__radd__ & co. would
// convert it). Two ints qualify only if `ints_too`.
inline bool float_operand(Value v, double* out) {
  if (v.is_small()) {
    int64_t i = v.small_value();
    if (i < -(int64_t{1} << 53) || i > (int64_t{1} << 53)) return false;
    *out = static_cast<double>(i);
    return true;
  }
  if (v.obj()->ob_type != &g_float_type) return false;
  *out = v.as<Float>()->value;
  return true;
}
inline bool float_operands(Value lhs, Value rhs, double* x, double* y, bool ints_too) {
  if (!ints_too && lhs.is_small() && rhs.is_small()) return false;
  return float_operand(lhs, x) && float_operand(rhs, y);
}

// COMPARE_OP's specialised forms: for each CompareOp, the outcomes for which
// it is true (1 less, 2 equal, 4 greater, 8 unordered, i.e. a NaN operand).
constexpr uint8_t kCompareMask[8] = {1, 3, 2, 1 | 4 | 8, 4, 6, 0, 0};

// Out-of-line decisions (specialize.cpp): each chooses a form for the
// instruction at `instr` from the operands it is about to run on, and writes
// it (counter_specialized).
void specialize_binary_op(uint32_t* instr, Value lhs, Value rhs);
void specialize_compare_op(uint32_t* instr, Value lhs, Value rhs);
void specialize_binary_subscr(uint32_t* instr, Value container, Value key);
void specialize_store_subscr(uint32_t* instr, Value container, Value key);
void specialize_for_iter(uint32_t* instr, Value iter);
void specialize_unpack_sequence(uint32_t* instr, Value seq);

}  // namespace ftpy
