// Generators, coroutines and async generators (one object layout, three types).
//
// A generator owns its frame (allocated with the generator, not on a thread's
// frame stack). Resuming links the frame onto the running thread's chain and
// runs the interpreter loop on it until it yields or returns.
//
// Thread safety: `running` is an atomic flag taken with a CAS before resuming,
// so two threads calling next() on one generator get "generator already
// executing" (ValueError) instead of corrupting the frame (issue: free
// threading). Everything else is touched only by the thread that holds it.
#pragma once

#include <atomic>

#include "objects/type.h"
#include "runtime/ref.h"
#include "vm/frame.h"

namespace ftpy {

enum GenState : uint8_t { kGenCreated = 0, kGenSuspended = 1, kGenRunning = 2, kGenFinished = 3 };
enum GenKind : uint8_t { kKindGenerator = 0, kKindCoroutine = 1, kKindAsyncGenerator = 2 };

struct Generator : Object {
  Frame* frame;       // owned heap frame; null once finished
  Value name, qualname, code;  // owned
  Value weakreflist;
  Value exc_state;    // owned: the exception the suspended body is handling (sys.exception() when resumed)
  std::atomic<uint8_t> running;
  uint8_t state;
  uint8_t kind;
  uint8_t closed_by_throw;
  bool hooks_inited;  // async generators: finalizer hooks set
  Value finalizer;    // async generators
};
extern Type g_generator_type;
extern Type g_coroutine_type;
extern Type g_async_generator_type;

inline bool is_generator(Value v) { return v.is_obj() && v.obj()->ob_type == &g_generator_type; }
inline bool is_coroutine(Value v) { return v.is_obj() && v.obj()->ob_type == &g_coroutine_type; }
inline bool is_async_generator(Value v) { return v.is_obj() && v.obj()->ob_type == &g_async_generator_type; }

// Move the (thread-stack) frame `f` into a new generator object of the kind its
// code flags say. `f` is left empty for the caller to pop.
Ref<> gen_new_from_frame(Frame* f, Function* func);

// Resume with `value` (send) or with the pending exception (throw if `exc`).
// Returns the yielded value with *returned = false; the return value with
// *returned = true; null on error.
Ref<> gen_send_ex(Value gen, Value value, bool exc, bool* returned);

// gen.close()
Ref<> gen_close(Value gen);

// The iterator an `await` drives (GET_AWAITABLE); `where` selects error
// messages (1 after __aenter__, 2 after __aexit__).
Ref<> get_awaitable(Value v, int where);
// Wrap a value yielded by an async generator (CALL_INTRINSIC_1).
Ref<> async_gen_wrap_value(Value v);

void gen_types_init();

}  // namespace ftpy
