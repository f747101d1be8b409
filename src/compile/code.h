// Code objects: the compiler's output and the interpreter's input.
//
// Layout of a frame's "localsplus" array, which a code object describes:
//   [0, nlocals)                 fast locals; parameters first, in order:
//                                positional, keyword-only, *args, **kwargs
//   [nlocals, nlocals+ncells)    cell variables (captured by inner functions);
//                                a cell that is also a parameter appears here
//                                and in `cell2arg`
//   [.., +nfrees)                free variables, copied from the function's
//                                closure tuple on entry
// The value stack follows (stacksize slots).
//
// Thread safety: everything is immutable after creation except the bytecode
// itself, which quickening rewrites in place (DESIGN.md §4.6): a code unit is
// read and written with relaxed atomics (std::atomic_ref), caches are written
// before the opcode is published with release ordering.
#pragma once

#include <cstdint>
#include <vector>

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

enum CodeFlags : uint32_t {
  kCoOptimized = 0x0001,
  kCoNewLocals = 0x0002,
  kCoVarArgs = 0x0004,
  kCoVarKeywords = 0x0008,
  kCoNested = 0x0010,
  kCoGenerator = 0x0020,
  kCoNoFree = 0x0040,
  kCoCoroutine = 0x0080,
  kCoIterableCoroutine = 0x0100,
  kCoAsyncGenerator = 0x0200,
  kCoHasDocstring = 0x4000000,  // ftpy: co_consts[0] is the docstring
  kCoMethod = 0x8000000,        // defined in a class body (for super())
};

struct ExceptionTableEntry {
  uint32_t start;    // first covered code unit
  uint32_t end;      // one past the last covered code unit
  uint32_t target;   // handler
  uint16_t depth;    // stack depth to cut to before pushing the exception
  uint16_t lasti;    // 1: push the raising instruction's index before the exception
};

// Source positions per instruction (CPython's co_positions()): 1-based lines,
// 0-based UTF-8 byte columns; -1 when unknown.
struct Position {
  int32_t line, end_line;
  int32_t col, end_col;
};

struct Code : Object {
  uint32_t* code;        // owned (heap_alloc), `ncode` units
  uint32_t ncode;
  Value consts;          // tuple
  Value names;           // tuple of interned str (globals, attributes, imports)
  Value localsplusnames; // tuple of interned str, one per localsplus slot
  Value name, qualname, filename;  // str
  Value docstring_unused;
  int32_t argcount, posonlyargcount, kwonlyargcount;
  int32_t nlocals, ncells, nfrees;
  int32_t stacksize;
  int32_t firstlineno;
  uint32_t flags;
  std::vector<ExceptionTableEntry>* exception_table;  // owned, sorted by start
  std::vector<Position>* positions;                  // owned, one per code unit
  std::vector<int32_t>* cell2arg;                    // owned or null: cell i -> arg index or -1
  Value weakreflist;

  // Set once by code_new from the counts above: every call and return reads
  // them, and the sums cost more than the loads.
  int32_t nlocalsplus_;  // nlocals + ncells + nfrees
  int32_t framesize_;    // nlocalsplus_ + stacksize

  int32_t nlocalsplus() const { return nlocalsplus_; }
  int32_t framesize() const { return framesize_; }
};
extern Type g_code_type;

inline bool is_code(Value v) { return v.is_obj() && v.obj()->ob_type == &g_code_type; }

struct CodeSpec {
  std::vector<uint32_t> code;
  Ref<> consts, names, localsplusnames;  // tuples
  Ref<> name, qualname, filename;        // str
  int32_t argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
  int32_t nlocals = 0, ncells = 0, nfrees = 0;
  int32_t stacksize = 0, firstlineno = 1;
  uint32_t flags = 0;
  std::vector<ExceptionTableEntry> exception_table;
  std::vector<Position> positions;
  std::vector<int32_t> cell2arg;  // empty if no cell is a parameter
};

// Build a code object (the compiler's last step). Validates sizes.
Ref<Code> code_new(CodeSpec&& spec);

// The code units with every specialised instruction turned back into its base
// opcode and every inline cache zeroed: what the compiler emitted (for
// code.replace() and anything else that copies bytecode).
std::vector<uint32_t> code_units_unquickened(const Code* c);

// The line of the instruction at code-unit index `i` (-1 if unknown).
int code_line_for(Code* c, uint32_t i);
const ExceptionTableEntry* code_find_handler(Code* c, uint32_t i);

void code_type_init();

}  // namespace ftpy
