// The per-thread frame stack.
//
// Frames are carved from chunks of memory owned by the thread state; a chunk
// is big enough for many frames, and a new one is chained when a frame does
// not fit. Pushing and popping are pointer bumps.
#include "vm/frame.h"

#include <cstring>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"
#include "runtime/interp.h"
#include "vm/function.h"
#include "vm/traceback.h"

namespace ftpy {

namespace {

constexpr size_t kChunkValues = 64 * 1024;  // 512 KiB per chunk

// A chunk header lives at the start of each chunk.
struct Chunk {
  Chunk* prev;
  Value* limit;
  Value* saved_top;  // the top in the previous chunk when this one was started
};

Value* chunk_data(Chunk* c) { return reinterpret_cast<Value*>(c + 1); }

bool new_chunk(ThreadState* ts, size_t need_values) {
  size_t n = need_values > kChunkValues ? need_values + 64 : kChunkValues;
  auto* c = static_cast<Chunk*>(heap_alloc(sizeof(Chunk) + n * sizeof(Value)));
  if (!c) return false;
  c->prev = ts->stack_base ? reinterpret_cast<Chunk*>(ts->stack_base) - 1 : nullptr;
  c->limit = chunk_data(c) + n;
  c->saved_top = ts->stack_top;
  ts->stack_base = chunk_data(c);
  ts->stack_top = chunk_data(c);
  ts->stack_limit = c->limit;
  return true;
}

}  // namespace

void frame_stack_init(ThreadState* ts) {
  ts->stack_base = ts->stack_top = ts->stack_limit = nullptr;
  new_chunk(ts, kChunkValues);
}

void frame_stack_free(ThreadState* ts) {
  Chunk* c = ts->stack_base ? reinterpret_cast<Chunk*>(ts->stack_base) - 1 : nullptr;
  while (c) {
    Chunk* p = c->prev;
    heap_free(c);
    c = p;
  }
  ts->stack_base = ts->stack_top = ts->stack_limit = nullptr;
}

Frame* frame_push_slow(ThreadState* ts, Code* code) {
  if (ts->py_depth >= g_recursion_limit.load(std::memory_order_relaxed)) {
    err_set_str(g_RecursionError, "maximum recursion depth exceeded");
    return nullptr;
  }
  size_t values = kFrameHeaderValues + static_cast<size_t>(code->framesize());
  if (ts->stack_top + values > ts->stack_limit && !new_chunk(ts, values)) return nullptr;
  auto* f = reinterpret_cast<Frame*>(ts->stack_top);
  ts->stack_top += values;
  ts->py_depth++;
  frame_init(f, code);
  return f;
}

void frame_clear(Frame* f) {
  if (f->frame_obj) [[unlikely]] frame_object_detach(f);
  Code* c = f->code;
  bool owns_code = f->func.is_null();  // frame.h
  frame_release_values(f);
  decref(f->locals);
  f->locals = Value();
  Value func = f->func;
  Value globals = f->globals;
  f->func = Value();
  f->globals = Value();
  // Last: the function (or the frame's own reference) keeps f->code alive,
  // and nothing reads it after this.
  if (owns_code) {
    decref(globals);  // module bodies own their globals
    decref(Value(c));
  } else {
    decref(func);
  }
}

void frame_pop_chunk(ThreadState* ts) {
  // Leave an emptied chunk (keep the first).
  Chunk* c = reinterpret_cast<Chunk*>(ts->stack_base) - 1;
  if (!c->prev) return;
  Chunk* prev = c->prev;
  Value* saved = c->saved_top;
  heap_free(c);
  ts->stack_base = chunk_data(prev);
  ts->stack_limit = prev->limit;
  ts->stack_top = saved;
}

Value current_globals() {
  ThreadState* ts = tstate();
  if (!ts || !ts->frame) return Value();
  return ts->frame->globals;
}

Value current_builtins() {
  ThreadState* ts = tstate();
  if (ts && ts->frame && !ts->frame->builtins.is_null()) return ts->frame->builtins;
  return g_interp.builtins;
}

bool frame_super_args(Value* cls, Value* first) {
  ThreadState* ts = tstate();
  Frame* f = ts->frame;
  if (!f) {
    err_set_str(g_RuntimeError, "super(): no current frame");
    return false;
  }
  Code* c = f->code;
  if (c->argcount == 0 && !(c->flags & kCoVarArgs)) {
    err_set_str(g_RuntimeError, "super(): no arguments");
    return false;
  }
  Value arg0 = f->localsplus[0];
  // The first argument may have been moved into a cell (if captured).
  if (c->cell2arg) {
    for (size_t i = 0; i < c->cell2arg->size(); i++) {
      if ((*c->cell2arg)[i] == 0) {
        Value cell = f->localsplus[c->nlocals + static_cast<int32_t>(i)];
        if (is_cell(cell)) arg0 = cell_get(cell);
      }
    }
  }
  if (arg0.is_null()) {
    err_set_str(g_RuntimeError, "super(): arg[0] deleted");
    return false;
  }
  // Find the __class__ free variable.
  for (int32_t i = c->nlocals; i < c->nlocalsplus(); i++) {
    Value name = tuple_item(c->localsplusnames, i);
    if (name.obj() == ids::__class__) {
      Value cell = f->localsplus[i];
      Value k = is_cell(cell) ? cell_get(cell) : Value();
      if (k.is_null()) {
        err_set_str(g_RuntimeError, "super(): empty __class__ cell");
        return false;
      }
      *cls = k;
      *first = arg0;
      return true;
    }
  }
  err_set_str(g_RuntimeError, "super(): __class__ cell not found");
  return false;
}

}  // namespace ftpy
