#include "compile/disassembler.h"

#include <cstdio>

#include "compile/opcodes.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace ftpy {

namespace {

std::string repr_of(Value v) {
  Ref<> r = repr(v);
  if (!r) {
    Ref<> e = err_fetch();
    return "<repr failed>";
  }
  return std::string(str_view(r.val()));
}

std::string name_at(Value tuple, int64_t i) {
  if (i < 0 || i >= tuple_size(tuple)) return "<bad index>";
  return std::string(str_view(tuple_item(tuple, i)));
}

}  // namespace

std::string disassemble(Code* c, bool recursive) {
  std::string out;
  char buf[256];
  snprintf(buf, sizeof buf, "Disassembly of <code %s, line %d> (argc=%d posonly=%d kwonly=%d nlocals=%d "
           "ncells=%d nfrees=%d stacksize=%d flags=0x%x):\n",
           std::string(str_view(c->qualname)).c_str(), c->firstlineno, c->argcount, c->posonlyargcount,
           c->kwonlyargcount, c->nlocals, c->ncells, c->nfrees, c->stacksize, c->flags);
  out += buf;
  int last_line = -2;
  for (uint32_t i = 0; i < c->ncode;) {
    uint32_t unit = __atomic_load_n(&c->code[i], __ATOMIC_RELAXED);  // may be quickening
    Opcode op = instr_op(unit);
    uint32_t a = instr_arg(unit);
    int line = (*c->positions)[i].line;
    std::string detail;
    uint32_t fl = op < kNumOpcodes ? op_flags(op) : 0;
    if (fl & kHasConst) detail = repr_of(tuple_item(c->consts, a));
    else if (fl & kHasName) detail = name_at(c->names, a);
    else if (fl & (kHasLocal | kHasFree)) detail = name_at(c->localsplusnames, a);
    else if (op == OP_LOAD_GLOBAL) detail = name_at(c->names, a >> 1) + ((a & 1) ? " + NULL" : "");
    else if (op == OP_LOAD_ATTR) detail = name_at(c->names, a >> 1) + ((a & 1) ? " (method)" : "");
    else if (op == OP_LOAD_SUPER_ATTR) detail = name_at(c->names, a >> 2);
    else if (op == OP_LOAD_SMALL_INT) detail = std::to_string(static_cast<int32_t>(a << 8) >> 8);
    else if (fl & kJump) detail = "to " + std::to_string(a);
    snprintf(buf, sizeof buf, "%5s %6u %-24s %6u %s\n", line != last_line && line >= 0 ? std::to_string(line).c_str() : "",
             i, op < kNumOpcodes ? kOpcodeNames[op] : "<bad>", a, detail.c_str());
    out += buf;
    if (line >= 0) last_line = line;
    i += 1 + (op < kNumOpcodes ? op_cache(op) : 0);
  }
  if (!c->exception_table->empty()) {
    out += "ExceptionTable:\n";
    for (const ExceptionTableEntry& e : *c->exception_table) {
      snprintf(buf, sizeof buf, "  %u to %u -> %u [%u]%s\n", e.start, e.end, e.target, e.depth, e.lasti ? " lasti" : "");
      out += buf;
    }
  }
  if (recursive) {
    for (int64_t k = 0; k < tuple_size(c->consts); k++) {
      Value v = tuple_item(c->consts, k);
      if (is_code(v)) out += "\n" + disassemble(v.as<Code>(), true);
    }
  }
  return out;
}

}  // namespace ftpy
