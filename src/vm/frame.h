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
  Code* code;          // owned: `func.__code__` may be replaced while the frame runs
  Value func;          // owned Function or null (module/class bodies hold code in `code_ref`)
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
// Push a frame for `code` (taking a reference to it), localsplus zeroed.
// Returns null with MemoryError or RecursionError pending.
Frame* frame_push(ThreadState* ts, Code* code);
// Release the frame's references and pop it (it must be the top frame).
void frame_pop(ThreadState* ts, Frame* f);
// Release every value the frame holds (locals, stack) without popping.
void frame_clear(Frame* f);

// The innermost Python frame's globals/locals/builtins (null outside Python code).
Value current_globals();
Value current_builtins();
// For zero-argument super(): the __class__ cell contents and the first
// argument of the calling frame. Raises RuntimeError like CPython otherwise.
bool frame_super_args(Value* cls, Value* first);

}  // namespace ftpy
