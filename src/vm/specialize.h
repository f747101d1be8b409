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
