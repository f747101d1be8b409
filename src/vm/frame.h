// Frames (DESIGN.md §2): activation records live on a per-thread frame stack
// (a contiguous chunk of Values owned by the ThreadState), so Python-to-Python
// calls allocate nothing and do not recurse on the C++ stack. A heap
// FrameObject is made only when someone asks for one (sys._getframe,
// tracebacks, f_locals); generators embed their frame in the generator object.
//
// Thread safety: a frame is only ever touched by the thread executing it,
// except through a FrameObject shared with another thread after the frame has
// finished (then the FrameObject owns copies of what it shows).
#pragma once

#include <cstdint>

#include "compile/code.h"
#include "runtime/ref.h"
#include "runtime/thread_state.h"

namespace ftpy {

struct Function;
struct FrameObject;

enum FrameOwner : uint8_t {
  kOwnedByThread = 0,     // on the thread's frame stack
  kOwnedByGenerator = 1,  // embedded in a generator/coroutine object
  kOwnedByFrameObject = 2 // copied into a FrameObject after it finished
};

struct Frame {
  // Borrowed from func when there is one: a function keeps every code it
  // ever ran (function.h: `__code__` may be replaced while the frame runs),
  // and the frame owns func. Owned when func is null (module bodies, exec,
  // a thread frame whose function moved to its generator).
  Code* code;
  Value func;          // owned Function, or null (module bodies, exec)
  Value globals;       // borrowed from func, or owned when func is null
  Value builtins;      // borrowed
  Value locals;        // owned mapping for module/class bodies and exec, else null
  Frame* previous;     // caller (null at the bottom of an eval)
  FrameObject* frame_obj;  // materialised frame object, if any (owned)
  uint32_t* ip;        // next instruction
  Value* sp;           // value-stack pointer (one past the top)
  int32_t lasti;       // index of the instruction being executed (for tracebacks)
  uint8_t owner;
  uint8_t is_entry;    // returning from this frame leaves the eval loop
  uint8_t pad;
  // CALL_ALLOC_AND_ENTER_INIT's __init__ frame: on return the caller checks
  // the result is None and keeps the instance it left on its own stack.
  uint8_t is_init;
  Value localsplus[];  // code->framesize() slots: locals, cells, frees, then stack

  Value* stack_base() { return localsplus + code->nlocalsplus(); }
};

// Per-thread frame stack management.
void frame_stack_init(ThreadState* ts);
void frame_stack_free(ThreadState* ts);
// Release every value the frame holds (locals, stack) without popping.
void frame_clear(Frame* f);

// frame_push's and frame_pop's rare cases (frame.cpp): a recursion error or a
// full chunk; popping the last frame of a chunk.
Frame* frame_push_slow(ThreadState* ts, Code* code);
void frame_pop_chunk(ThreadState* ts);

// The frame header in Values.
constexpr size_t kFrameHeaderValues = (sizeof(Frame) + sizeof(Value) - 1) / sizeof(Value);

// The frame's own fields (not localsplus). The code is borrowed: the caller
// sets func (which keeps it alive), or takes a reference for a frame without
// a function. That saves two count changes per call.
[[gnu::always_inline]] inline void frame_init_header(Frame* f, Code* code) {
  f->code = code;
  f->func = Value();
  f->globals = Value();
  f->builtins = Value();
  f->locals = Value();
  f->previous = nullptr;
  f->frame_obj = nullptr;
  f->ip = code->code;
  f->sp = f->localsplus + code->nlocalsplus();
  f->lasti = -1;
  f->owner = kOwnedByThread;
  f->is_entry = 0;
  f->pad = 0;
  f->is_init = 0;
}

// The frame's own fields (localsplus zeroed).
[[gnu::always_inline]] inline void frame_init(Frame* f, Code* code) {
  frame_init_header(f, code);
  for (Value *p = f->localsplus, *e = p + code->nlocalsplus(); p < e; p++) *p = Value();
}

// Push a frame for `code` (borrowed, see frame_init_header), localsplus zeroed.
// Returns null with MemoryError or RecursionError pending. Inline: every
// Python-to-Python call runs it (a pointer bump in the common case).
[[gnu::always_inline]] inline Frame* frame_push(ThreadState* ts, Code* code) {
  size_t values = kFrameHeaderValues + static_cast<size_t>(code->framesize());
  Value* top = ts->stack_top;
  if (ts->py_depth >= g_recursion_limit.load(std::memory_order_relaxed) || top + values > ts->stack_limit)
      [[unlikely]]
    return frame_push_slow(ts, code);
  ts->stack_top = top + values;
  ts->py_depth++;
  auto* f = reinterpret_cast<Frame*>(top);
  frame_init(f, code);
  return f;
}

// frame_push for an exact positional call: the first `nargs` locals take
// over the caller's references in args[0..nargs), only the rest is zeroed
// (zeroing every local and then overwriting the arguments cost a memset call
// per call). On failure (null, error pending) the arguments stay the caller's.
[[gnu::always_inline]] inline Frame* frame_push_args(ThreadState* ts, Code* code, const Value* args, uint32_t nargs) {
  size_t values = kFrameHeaderValues + static_cast<size_t>(code->framesize());
  Value* top = ts->stack_top;
  if (ts->py_depth >= g_recursion_limit.load(std::memory_order_relaxed) || top + values > ts->stack_limit)
      [[unlikely]] {
    Frame* f = frame_push_slow(ts, code);
    if (f)
      for (uint32_t i = 0; i < nargs; i++) f->localsplus[i] = args[i];
    return f;
  }
  ts->stack_top = top + values;
  ts->py_depth++;
  auto* f = reinterpret_cast<Frame*>(top);
  frame_init_header(f, code);
  Value* lp = f->localsplus;
  for (uint32_t i = 0; i < nargs; i++) lp[i] = args[i];
  for (Value *p = lp + nargs, *e = lp + code->nlocalsplus(); p < e; p++) *p = Value();
  return f;
}

// Release the frame's references and pop it (it must be the top frame).
[[gnu::always_inline]] inline void frame_pop(ThreadState* ts, Frame* f) {
  frame_clear(f);
  ts->py_depth--;
  ts->stack_top = reinterpret_cast<Value*>(f);
  if (ts->stack_top == ts->stack_base) [[unlikely]] frame_pop_chunk(ts);
}

// Release a frame's locals and stack values (frame_clear's first step). The
// stack is emptied first: what a releasing __del__ may see of this frame
// holds no value that is being released.
[[gnu::always_inline]] inline void frame_release_values(Frame* f) {
  Value* p = f->localsplus;
  Value* base = p + f->code->nlocalsplus();
  Value* sp = f->sp;
  f->sp = base;
  for (; p < base; p++) {
    Value v = *p;
    *p = Value();
    decref(v);
  }
  for (; p < sp; p++) decref(*p);
}

// frame_pop for a function's frame returning to its caller in the eval loop:
// frame_clear's work inline for the usual frame (no frame object, no locals
// mapping), which saves a call and its register saves on every
// Python-to-Python return. The order of releases is frame_clear's.
[[gnu::always_inline]] inline void frame_pop_returned(ThreadState* ts, Frame* f) {
  if (f->frame_obj || !f->locals.is_null() || f->func.is_null()) [[unlikely]] {
    frame_pop(ts, f);
    return;
  }
  frame_release_values(f);
  Value func = f->func;
  f->func = Value();
  f->globals = Value();
  decref(func);  // last: it may be what keeps f->code alive
  ts->py_depth--;
  ts->stack_top = reinterpret_cast<Value*>(f);
  if (ts->stack_top == ts->stack_base) [[unlikely]] frame_pop_chunk(ts);
}

// The innermost Python frame's globals/locals/builtins (null outside Python code).
Value current_globals();
Value current_builtins();
// For zero-argument super(): the __class__ cell contents and the first
// argument of the calling frame. Raises RuntimeError like CPython otherwise.
bool frame_super_args(Value* cls, Value* first);

}  // namespace ftpy
