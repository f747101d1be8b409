// verify_code: structural checks of a finished code object, independent of
// the code generator (it re-derives stack depths from the final bytecode and
// the exception table), used by the compiler tests.
#include <vector>

#include "compile/compiler.h"
#include "compile/opcodes.h"
#include "objects/tuple.h"

namespace ftpy {

std::string verify_code(Code* c) {
  uint32_t n = c->ncode;
  int64_t nconsts = tuple_size(c->consts), nnames = tuple_size(c->names);
  int32_t nlp = c->nlocalsplus();
  std::vector<int> depth(n, -1);
  std::vector<bool> is_start(n, false);
  for (uint32_t i = 0; i < n;) {
    is_start[i] = true;
    Opcode op = instr_op(c->code[i]);
    // code_new writes the pairs' forms (compile/opcodes.h); nothing else may
    // be quickened yet.
    if (op >= kNumBaseOpcodes && op != OP_LOAD_FAST__LOAD_ATTR &&
        op != OP_LOAD_FAST__LOAD_FAST) return "bad opcode at " + std::to_string(i);
    i += 1 + op_cache(op);
    if (i > n) return "truncated cache at end";
  }
  auto where = [&](uint32_t i) { return std::string(kOpcodeNames[instr_op(c->code[i])]) + " at " + std::to_string(i); };
  for (uint32_t i = 0; i < n; i++) {
    if (!is_start[i]) continue;
    Opcode op = base_opcode(instr_op(c->code[i]));
    uint32_t a = instr_arg(c->code[i]);
    uint32_t f = op_flags(op);
    if ((f & kHasConst) && a >= nconsts) return "const index out of range: " + where(i);
    if ((f & kHasName) && a >= nnames) return "name index out of range: " + where(i);
    if ((op == OP_LOAD_GLOBAL || op == OP_LOAD_ATTR) && (a >> 1) >= nnames) return "name index out of range: " + where(i);
    if ((f & kHasLocal) && static_cast<int32_t>(a) >= c->nlocals) return "local index out of range: " + where(i);
    if ((f & kHasFree) && (static_cast<int32_t>(a) < c->nlocals || static_cast<int32_t>(a) >= nlp))
      return "cell index out of range: " + where(i);
    if ((f & kJump) && (a >= n || !is_start[a])) return "bad jump target: " + where(i);
  }
  for (const ExceptionTableEntry& e : *c->exception_table) {
    if (e.start >= e.end || e.end > n) return "bad exception table range";
    if (e.target >= n || !is_start[e.target]) return "bad exception handler target";
  }
  // Flow analysis over the final code (handlers are entered from any covered instruction).
  std::vector<uint32_t> work;
  std::string err;
  auto visit = [&](uint32_t i, int d) {
    if (i >= n || !is_start[i]) { err = "flow to a non-instruction " + std::to_string(i); return; }
    if (d < 0 || d > c->stacksize) { err = "stack depth " + std::to_string(d) + " out of [0, stacksize] at " + std::to_string(i); return; }
    if (depth[i] < 0) { depth[i] = d; work.push_back(i); }
    else if (depth[i] != d) err = "inconsistent stack depth at " + std::to_string(i);
  };
  visit(0, 0);
  while (!work.empty() && err.empty()) {
    uint32_t i = work.back();
    work.pop_back();
    Opcode op = instr_op(c->code[i]);
    uint32_t a = instr_arg(c->code[i]);
    int d = depth[i];
    int pop = op_pop(op, a), push = op_push(op, a);
    if (d - pop < 0) { err = "stack underflow: " + where(i); break; }
    if (d - pop + push > c->stacksize) { err = "stack overflow: " + where(i); break; }
    for (const ExceptionTableEntry& e : *c->exception_table) {
      if (i >= e.start && i < e.end) {
        if (e.depth > d) { err = "handler depth above stack depth: " + where(i); break; }
        visit(e.target, e.depth + e.lasti + 1);
        break;
      }
    }
    uint32_t f = op_flags(op);
    if (f & kJump) visit(a, d + branch_stack_effect(op, a));
    if (!(f & (kJumpOnly | kNoFallthrough))) visit(i + 1 + op_cache(op), d - pop + push);
  }
  return err;
}

}  // namespace ftpy
