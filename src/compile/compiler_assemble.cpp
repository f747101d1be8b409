// The assembler: from a unit's instruction list (with labels and SETUP_* /
// POP_BLOCK pseudo-instructions) to final code, positions, stack size and
// the exception table.
//
// One forward flow analysis over the instruction list computes, for every
// reachable instruction, the stack depth and the active handler (a node in a
// tree of handlers: target label, depth, lasti, parent). A SETUP opens a node
// whose handler entry state is (node.depth + lasti + 1, node.parent); POP_BLOCK
// returns to the parent. Unreachable instructions and pseudo-instructions are
// dropped; jumps get absolute code-unit targets; each code unit gets the
// innermost handler, run-length encoded into ExceptionTableEntry ranges.
#include <algorithm>

#include "compile/compiler_internal.h"

namespace ftpy::comp {

namespace {

struct HNode {
  int parent;
  int label;
  int depth;
  int lasti;
};

bool is_pseudo(uint16_t op) { return op >= 256; }

bool falls_through(uint16_t op) {
  if (op == kPseudoJump) return false;
  if (is_pseudo(op)) return true;
  uint32_t f = op_flags(static_cast<Opcode>(op));
  return !(f & (kJumpOnly | kNoFallthrough));
}

}  // namespace

bool assemble(Unit& u, CodeSpec* spec, std::string* err) {
  const std::vector<Instr>& in = u.instrs;
  size_t n = in.size();
  // Labels bound past the end need a landing instruction.
  for (const Instr& i : in) {
    if (i.target != kNoLabel && u.labels[i.target] < 0) {
      *err = "jump to an unbound label";
      return false;
    }
  }
  auto target_of = [&](const Instr& i) { return u.labels[i.target]; };

  std::vector<int> depth(n + 1, -1), handler(n + 1, -2);
  std::vector<HNode> nodes;
  std::vector<int> node_of_setup(n, -1);
  std::vector<size_t> work;
  int maxdepth = 0;
  auto visit = [&](size_t i, int d, int h) -> bool {
    if (i >= n) {
      *err = "control flow falls off the end of the code";
      return false;
    }
    if (d < 0) {
      *err = "negative stack depth at instruction " + std::to_string(i);
      return false;
    }
    if (depth[i] == -1) {
      depth[i] = d;
      handler[i] = h;
      work.push_back(i);
      maxdepth = std::max(maxdepth, d);
      return true;
    }
    if (depth[i] != d) {
      *err = "inconsistent stack depth at instruction " + std::to_string(i) + " (" + std::to_string(depth[i]) +
             " vs " + std::to_string(d) + ")";
      return false;
    }
    if (handler[i] != h) {
      // Each instruction has one handler in the table: two paths reaching it
      // under different handlers would make one of them unwind wrongly.
      *err = "inconsistent exception handler at instruction " + std::to_string(i);
      return false;
    }
    return true;
  };
  if (n == 0) {
    *err = "empty code";
    return false;
  }
  if (!visit(0, 0, -1)) return false;
  while (!work.empty()) {
    size_t i = work.back();
    work.pop_back();
    const Instr& ins = in[i];
    int d = depth[i], h = handler[i];
    if (is_pseudo(ins.op)) {
      switch (ins.op) {
        case kSetupFinally: case kSetupCleanup: case kSetupWith: {
          int lasti = ins.op == kSetupFinally ? 0 : 1;
          int hd = ins.op == kSetupWith ? d - 1 : d;
          if (node_of_setup[i] < 0) {
            node_of_setup[i] = static_cast<int>(nodes.size());
            nodes.push_back(HNode{h, ins.target, hd, lasti});
          }
          int node = node_of_setup[i];
          if (!visit(target_of(ins), hd + lasti + 1, h)) return false;
          if (!visit(i + 1, d, node)) return false;
          break;
        }
        case kPopBlock:
          if (h < 0) {
            *err = "POP_BLOCK without a handler at instruction " + std::to_string(i);
            return false;
          }
          if (!visit(i + 1, d, nodes[h].parent)) return false;
          break;
        case kPseudoJump:
          if (!visit(target_of(ins), d, h)) return false;
          break;
      }
      continue;
    }
    Opcode op = static_cast<Opcode>(ins.op);
    int pop = op_pop(op, ins.arg), push = op_push(op, ins.arg);
    if (d - pop < 0) {
      *err = std::string("stack underflow at ") + kOpcodeNames[op] + " (instruction " + std::to_string(i) + ")";
      return false;
    }
    int after = d - pop + push;
    maxdepth = std::max(maxdepth, after);
    if (op_flags(op) & ftpy::kJump) {
      int bd = d + branch_stack_effect(op, ins.arg);
      if (!visit(target_of(ins), bd, h)) return false;
    }
    if (falls_through(ins.op) && !visit(i + 1, after, h)) return false;
  }
  // A jump to the next kept instruction is dropped (`if 0: ...` leftovers).
  std::vector<bool> drop(n, false);
  {
    std::vector<int> next_kept(n + 1, static_cast<int>(n));
    for (size_t i = n; i-- > 0;) {
      bool kept = depth[i] >= 0 && (!is_pseudo(in[i].op) || in[i].op == kPseudoJump);
      next_kept[i] = kept ? static_cast<int>(i) : next_kept[i + 1];
    }
    for (size_t i = 0; i < n; i++)
      if (in[i].op == kPseudoJump && depth[i] >= 0 && next_kept[target_of(in[i])] == next_kept[i + 1])
        drop[i] = true;
  }
  // Lay out the reachable real instructions.
  std::vector<int> offset(n + 1, -1);
  uint32_t pc = 0;
  for (size_t i = 0; i < n; i++) {
    if (depth[i] < 0 || is_pseudo(in[i].op)) {
      if (in[i].op == kPseudoJump && depth[i] >= 0 && !drop[i]) {
        offset[i] = static_cast<int>(pc);
        pc += 1;  // becomes JUMP_FORWARD/BACKWARD (no cache)
      }
      continue;
    }
    offset[i] = static_cast<int>(pc);
    pc += 1 + op_cache(static_cast<Opcode>(in[i].op));
  }
  // The code-unit address of instruction index i: the first kept instruction at or after i.
  std::vector<int> addr(n + 1, static_cast<int>(pc));
  for (size_t i = n; i-- > 0;) addr[i] = offset[i] >= 0 ? offset[i] : addr[i + 1];
  auto label_addr = [&](int label) { return addr[u.labels[label]]; };

  spec->code.clear();
  spec->code.reserve(pc);
  spec->positions.clear();
  spec->positions.reserve(pc);
  std::vector<int> unit_handler;
  unit_handler.reserve(pc);
  for (size_t i = 0; i < n; i++) {
    if (offset[i] < 0) continue;
    const Instr& ins = in[i];
    uint32_t arg = ins.arg;
    uint16_t op = ins.op;
    if (op == kPseudoJump) {
      int t = label_addr(ins.target);
      op = t > offset[i] ? OP_JUMP_FORWARD : OP_JUMP_BACKWARD;
      arg = static_cast<uint32_t>(t);
    } else if (ins.target != kNoLabel) {
      arg = static_cast<uint32_t>(label_addr(ins.target));
    }
    int ncache = op_cache(static_cast<Opcode>(op));
    spec->code.push_back(make_instr(static_cast<Opcode>(op), arg));
    spec->positions.push_back(ins.pos);
    unit_handler.push_back(handler[i]);
    for (int c = 0; c < ncache; c++) {
      spec->code.push_back(0);
      spec->positions.push_back(ins.pos);
      unit_handler.push_back(handler[i]);
    }
  }
  // Exception table.
  spec->exception_table.clear();
  size_t i = 0;
  while (i < unit_handler.size()) {
    int h = unit_handler[i];
    size_t j = i + 1;
    while (j < unit_handler.size() && unit_handler[j] == h) j++;
    if (h >= 0) {
      const HNode& node = nodes[h];
      ExceptionTableEntry e;
      e.start = static_cast<uint32_t>(i);
      e.end = static_cast<uint32_t>(j);
      e.target = static_cast<uint32_t>(label_addr(node.label));
      e.depth = static_cast<uint16_t>(node.depth);
      e.lasti = static_cast<uint16_t>(node.lasti);
      spec->exception_table.push_back(e);
    }
    i = j;
  }
  spec->stacksize = maxdepth + 1;  // one spare slot (handlers push lasti + exc)
  return true;
}

}  // namespace ftpy::comp
