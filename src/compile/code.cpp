// Code objects.
#include "compile/code.h"

#include <algorithm>
#include <cstring>

#include "compile/opcodes.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_code_type;

const char* const kOpcodeNames[kNumOpcodes] = {
#define FTPY_OPCODE_NAME(name, pop, push, cache, flags) #name,
    FTPY_OPCODES(FTPY_OPCODE_NAME)
#undef FTPY_OPCODE_NAME
#define FTPY_SPECIALIZED_NAME(name, base) #name,
    FTPY_SPECIALIZED(FTPY_SPECIALIZED_NAME)
#undef FTPY_SPECIALIZED_NAME
};

std::vector<uint32_t> code_units_unquickened(const Code* c) {
  std::vector<uint32_t> out(c->ncode, 0);
  for (uint32_t i = 0; i < c->ncode;) {
    // Other threads may be quickening this code: read units atomically.
    uint32_t unit = __atomic_load_n(&c->code[i], __ATOMIC_RELAXED);
    Opcode op = base_opcode(instr_op(unit));
    out[i] = make_instr(op, instr_arg(unit));
    i += 1 + op_cache(op);
  }
  return out;
}

Ref<Code> code_new(CodeSpec&& spec) {
  Code* c = alloc_object<Code>(&g_code_type);
  if (!c) return nullptr;
  Ref<Code> r = Ref<Code>::steal(c);
  c->ncode = static_cast<uint32_t>(spec.code.size());
  c->code = static_cast<uint32_t*>(heap_alloc(sizeof(uint32_t) * (c->ncode ? c->ncode : 1)));
  if (!c->code) return nullptr;
  std::memcpy(c->code, spec.code.data(), sizeof(uint32_t) * c->ncode);
  // Pairs the eval loop runs in one step where it can (compile/opcodes.h).
  // Each unit's pair form depends only on the base opcodes after it, so a
  // jump into the middle of a run still finds a correct unit. A LOAD_FAST
  // whose neighbour pairs with a LOAD_ATTR stays single: fusing the two loads
  // would skip that pair. Before the code is shared: plain stores.
  auto op_at = [&](uint32_t i) { return i < c->ncode ? static_cast<Opcode>(instr_op(c->code[i])) : OP_NOP; };
  for (uint32_t i = 0; i < c->ncode; i += 1 + op_cache(instr_op(c->code[i]))) {
    if (instr_op(c->code[i]) != OP_LOAD_FAST) continue;
    Opcode next = op_at(i + 1);  // LOAD_FAST has no cache units
    if (next == OP_LOAD_ATTR)
      c->code[i] = make_instr(OP_LOAD_FAST__LOAD_ATTR, instr_arg(c->code[i]));
    else if (next == OP_LOAD_FAST && op_at(i + 2) != OP_LOAD_ATTR)
      c->code[i] = make_instr(OP_LOAD_FAST__LOAD_FAST, instr_arg(c->code[i]));
  }
  c->consts = spec.consts.release();
  c->names = spec.names.release();
  c->localsplusnames = spec.localsplusnames.release();
  c->name = spec.name.release();
  c->qualname = spec.qualname.release();
  c->filename = spec.filename.release();
  c->argcount = spec.argcount;
  c->posonlyargcount = spec.posonlyargcount;
  c->kwonlyargcount = spec.kwonlyargcount;
  c->nlocals = spec.nlocals;
  c->ncells = spec.ncells;
  c->nfrees = spec.nfrees;
  c->stacksize = spec.stacksize;
  c->nlocalsplus_ = c->nlocals + c->ncells + c->nfrees;
  c->framesize_ = c->nlocalsplus_ + c->stacksize;
  c->firstlineno = spec.firstlineno;
  c->flags = spec.flags;
  std::sort(spec.exception_table.begin(), spec.exception_table.end(),
            [](const ExceptionTableEntry& a, const ExceptionTableEntry& b) { return a.start < b.start; });
  c->exception_table = new std::vector<ExceptionTableEntry>(std::move(spec.exception_table));
  spec.positions.resize(c->ncode, Position{-1, -1, -1, -1});
  c->positions = new std::vector<Position>(std::move(spec.positions));
  c->cell2arg = spec.cell2arg.empty() ? nullptr : new std::vector<int32_t>(std::move(spec.cell2arg));
  return r;
}

int code_line_for(Code* c, uint32_t i) {
  if (i >= c->ncode) return c->firstlineno;
  int line = (*c->positions)[i].line;
  // Cache units and some synthetic instructions carry no line: look back.
  while (line < 0 && i > 0) line = (*c->positions)[--i].line;
  return line < 0 ? c->firstlineno : line;
}

const ExceptionTableEntry* code_find_handler(Code* c, uint32_t i) {
  // Entries may nest (inner ranges listed separately); the innermost covering
  // entry is the one with the greatest start among those covering i. The
  // compiler emits non-overlapping ranges, so the first match is it.
  const ExceptionTableEntry* best = nullptr;
  for (const ExceptionTableEntry& e : *c->exception_table) {
    if (e.start > i) break;
    if (i < e.end) best = &e;
  }
  return best;
}

namespace {

void code_dealloc(Object* o) {
  Code* c = static_cast<Code*>(o);
  heap_free(c->code);
  decref(c->consts);
  decref(c->names);
  decref(c->localsplusnames);
  decref(c->name);
  decref(c->qualname);
  decref(c->filename);
  delete c->exception_table;
  delete c->positions;
  delete c->cell2arg;
  free_object(o);
}

Ref<> code_repr(Value v) {
  Code* c = v.as<Code>();
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(c));
  return str_from_utf8("<code object " + std::string(str_view(c->name)) + " at " + addr + ", file \"" +
                       std::string(str_view(c->filename)) + "\", line " + std::to_string(c->firstlineno) + ">");
}

Ref<> names_subset(Code* c, int32_t from, int32_t to) {
  return tuple_slice(c->localsplusnames, from, to);
}

Ref<> co_name(Value v) { return Ref<>::borrow(v.as<Code>()->name); }
Ref<> co_qualname(Value v) { return Ref<>::borrow(v.as<Code>()->qualname); }
Ref<> co_filename(Value v) { return Ref<>::borrow(v.as<Code>()->filename); }
Ref<> co_consts(Value v) { return Ref<>::borrow(v.as<Code>()->consts); }
Ref<> co_names(Value v) { return Ref<>::borrow(v.as<Code>()->names); }
Ref<> co_varnames(Value v) { return names_subset(v.as<Code>(), 0, v.as<Code>()->nlocals); }
Ref<> co_cellvars(Value v) {
  Code* c = v.as<Code>();
  return names_subset(c, c->nlocals, c->nlocals + c->ncells);
}
Ref<> co_freevars(Value v) {
  Code* c = v.as<Code>();
  return names_subset(c, c->nlocals + c->ncells, c->nlocalsplus());
}
Ref<> co_argcount(Value v) { return small_int(v.as<Code>()->argcount); }
Ref<> co_posonlyargcount(Value v) { return small_int(v.as<Code>()->posonlyargcount); }
Ref<> co_kwonlyargcount(Value v) { return small_int(v.as<Code>()->kwonlyargcount); }
Ref<> co_nlocals(Value v) { return small_int(v.as<Code>()->nlocals); }
Ref<> co_flags(Value v) { return small_int(v.as<Code>()->flags & 0xFFFFFF); }
Ref<> co_firstlineno(Value v) { return small_int(v.as<Code>()->firstlineno); }
Ref<> co_stacksize(Value v) { return small_int(v.as<Code>()->stacksize); }

const GetSetDef kCodeGetSets[] = {
    {"co_name", co_name, nullptr},          {"co_qualname", co_qualname, nullptr},
    {"co_filename", co_filename, nullptr},  {"co_consts", co_consts, nullptr},
    {"co_names", co_names, nullptr},        {"co_varnames", co_varnames, nullptr},
    {"co_cellvars", co_cellvars, nullptr},  {"co_freevars", co_freevars, nullptr},
    {"co_argcount", co_argcount, nullptr},  {"co_posonlyargcount", co_posonlyargcount, nullptr},
    {"co_kwonlyargcount", co_kwonlyargcount, nullptr}, {"co_nlocals", co_nlocals, nullptr},
    {"co_flags", co_flags, nullptr},        {"co_firstlineno", co_firstlineno, nullptr},
    {"co_stacksize", co_stacksize, nullptr}, {nullptr}};

Ref<> code_positions(Value self, Value*) {
  Code* c = self.as<Code>();
  Ref<> l = sequence_list(empty_tuple().val());
  if (!l) return nullptr;
  for (uint32_t i = 0; i < c->ncode; i++) {
    const Position& p = (*c->positions)[i];
    auto num = [](int32_t x) { return x < 0 ? new_none() : small_int(x); };
    Ref<> a = num(p.line), b = num(p.end_line), cc = num(p.col), d = num(p.end_col);
    Ref<Tuple> t = tuple_pack({a.val(), b.val(), cc.val(), d.val()});
    if (!t || list_append(l.val(), t.val()) < 0) return nullptr;
  }
  return get_iter(l.val());
}

// co_lines(): (start, end, line) byte ranges of equal line, CPython's form;
// a code unit counts as two bytes, as in f_lasti, and a unit without a line
// gives None.
Ref<> code_lines(Value self, Value*) {
  Code* c = self.as<Code>();
  Ref<> l = sequence_list(empty_tuple().val());
  if (!l) return nullptr;
  for (uint32_t i = 0; i < c->ncode;) {
    int32_t line = (*c->positions)[i].line;
    uint32_t j = i + 1;
    while (j < c->ncode && (*c->positions)[j].line == line) j++;
    Ref<> start = small_int(static_cast<int64_t>(i) * 2), end = small_int(static_cast<int64_t>(j) * 2);
    Ref<> ln = line < 0 ? new_none() : small_int(line);
    Ref<Tuple> t = tuple_pack({start.val(), end.val(), ln.val()});
    if (!t || list_append(l.val(), t.val()) < 0) return nullptr;
    i = j;
  }
  return get_iter(l.val());
}

// code.replace(): a copy with some fields changed (types.coroutine sets
// CO_ITERABLE_COROUTINE this way). Only the fields that do not change the
// bytecode's meaning are replaceable for now.
Ref<> code_replace(Value self, Value* a) {
  Code* c = self.as<Code>();
  Value flags = a[0], name = a[1], qualname = a[2], filename = a[3], firstlineno = a[4];
  int64_t fl = c->flags, first = c->firstlineno;
  if (!flags.is_null() && !int_as_int64(flags, &fl)) return err_set_str(g_TypeError, "co_flags must be an int");
  if (!firstlineno.is_null() && !int_as_int64(firstlineno, &first))
    return err_set_str(g_TypeError, "co_firstlineno must be an int");
  for (Value v : {name, qualname, filename})
    if (!v.is_null() && !is_str(v)) return err_format(g_TypeError, "code field must be str, not %s", type_name(type_of(v)));
  CodeSpec spec;
  spec.code = code_units_unquickened(c);
  spec.consts = Ref<>::borrow(c->consts);
  spec.names = Ref<>::borrow(c->names);
  spec.localsplusnames = Ref<>::borrow(c->localsplusnames);
  spec.name = Ref<>::borrow(name.is_null() ? c->name : name);
  spec.qualname = Ref<>::borrow(qualname.is_null() ? c->qualname : qualname);
  spec.filename = Ref<>::borrow(filename.is_null() ? c->filename : filename);
  spec.argcount = c->argcount;
  spec.posonlyargcount = c->posonlyargcount;
  spec.kwonlyargcount = c->kwonlyargcount;
  spec.nlocals = c->nlocals;
  spec.ncells = c->ncells;
  spec.nfrees = c->nfrees;
  spec.stacksize = c->stacksize;
  spec.firstlineno = static_cast<int32_t>(first);
  spec.flags = (c->flags & ~0xFFFFFFu) | (static_cast<uint32_t>(fl) & 0xFFFFFFu);
  spec.exception_table = *c->exception_table;
  spec.positions = *c->positions;
  if (c->cell2arg) spec.cell2arg = *c->cell2arg;
  return code_new(std::move(spec));
}

const MethodDef kCodeMethods[] = {
    {"co_positions($self, /)", code_positions, nullptr},
    {"co_lines($self, /)", code_lines, nullptr},
    {"replace($self, /, *, co_flags=?, co_name=?, co_qualname=?, co_filename=?, co_firstlineno=?)", code_replace,
     "Return a copy of the code object with new values for the specified fields."},
    {nullptr}};

}  // namespace

void code_type_init() {
  Type* t = &g_code_type;
  t->name = "code";
  t->basic_size = sizeof(Code);
  t->tp_dealloc = code_dealloc;
  t->tp_repr = code_repr;
  t->getsets = kCodeGetSets;
  t->methods = kCodeMethods;
  type_ready(t);
}

}  // namespace ftpy
