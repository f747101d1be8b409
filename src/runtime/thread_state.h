// ThreadState: everything one OS thread needs to run Python (DESIGN.md §4.5).
//
// Each thread that runs Python owns exactly one ThreadState, reachable through
// the thread_local `tls_tstate`. Fields are touched only by the owning thread
// unless marked otherwise:
//   - `status` and `eval_breaker` are written by other threads (stop-the-world,
//     merge requests, async exceptions) and are atomics;
//   - the merge queue is appended to by other threads under `merge_mu`.
// The pending exception (errors as values, DESIGN.md §3) lives in `exc`: a
// function that fails returns its error sentinel and leaves the exception here.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <vector>

#include "runtime/ref.h"

namespace ftpy {

struct Frame;

enum class ThreadStatus : uint8_t { kDetached = 0, kAttached = 1, kSuspended = 2 };

// Bits of ThreadState::eval_breaker: work the interpreter loop must do at its
// next safepoint (backward jump, call, return).
enum EvalBreakerBits : uint32_t {
  kBreakMergeQueue = 1 << 0,   // other threads queued objects for us to merge
  kBreakStopWorld = 1 << 1,    // a stop-the-world is requested: suspend
  kBreakSignals = 1 << 2,      // a signal handler (Ctrl-C) is pending
  kBreakGilDrop = 1 << 3,      // GIL mode: another thread asked us to drop it
  kBreakGc = 1 << 4,           // allocation counts say a collection is due
};

struct ThreadState {
  uint32_t index = 0;  // the ob_tid of objects this thread owns; never reused
  std::atomic<ThreadStatus> status{ThreadStatus::kDetached};
  std::atomic<uint32_t> eval_breaker{0};

  Ref<> exc;  // the pending exception instance, or null

  // The exception being handled (sys.exception()): set by PUSH_EXC_INFO when an
  // except/finally block starts, restored by POP_EXCEPT. Generators swap their
  // own in and out when resumed and suspended.
  Ref<> handled;

  // The per-thread frame stack (vm/frame.h): a chunk of Values that frames
  // carve their locals and evaluation stacks from; Python-to-Python calls do not
  // recurse on the C++ stack.
  Value* stack_base = nullptr;
  Value* stack_top = nullptr;
  Value* stack_limit = nullptr;
  Frame* frame = nullptr;  // innermost executing frame
  int py_depth = 0;        // Python call depth, checked against the recursion limit
  int c_depth = 0;         // native recursion depth (repr of nested containers, ...)

  // Biased refcounting: objects other threads handed us to merge.
  std::mutex merge_mu;
  std::vector<Object*> merge_queue;

  // A generator created by a CALL of a generator function (vm/call.h).
  Ref<> pending_generator;
  Ref<> thread_ident_obj;  // optional: the threading-level handle
  bool is_main = false;
};

extern thread_local ThreadState* tls_tstate;
inline ThreadState* tstate() { return tls_tstate; }

// Registration of OS threads. `thread_attach_new` creates and registers a
// ThreadState for the calling thread; `thread_detach_delete` unregisters it,
// merging whatever it still owns so survivors can free it.
ThreadState* thread_attach_new(bool is_main);
void thread_detach_delete(ThreadState* ts);

// Biased refcounting slow path: hand `o` to the merge queue of thread `owner`.
// Returns false if that thread has exited (then the caller merges).
bool thread_enqueue_merge(uint32_t owner, Object* o);
// Owner side: merge everything queued for this thread.
void thread_drain_merge_queue(ThreadState* ts);

// Global limits.
extern std::atomic<int> g_recursion_limit;

}  // namespace ftpy
