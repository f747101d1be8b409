// ThreadState: everything one OS thread needs to run Python (DESIGN.md §4.5).
//
// The state machine (docs/free_threading.md has the picture):
//   DETACHED  -> ATTACHED   thread_reattach(): only by the thread itself, with a
//                           CAS; fails while a stop-the-world has suspended it,
//                           and then it waits on the runtime condition variable.
//   ATTACHED  -> DETACHED   thread_detach_for_blocking(): only by the thread
//                           itself, before anything that may block.
//   ATTACHED  -> SUSPENDED  by the thread itself at a safepoint when it finds
//                           kBreakStopWorld set and a stop-the-world requested.
//   DETACHED  -> SUSPENDED  by the stop-the-world requester (CAS), so a detached
//                           thread cannot re-attach until the world restarts.
//   SUSPENDED -> DETACHED   start_the_world(); the thread then re-attaches.
// A new thread registers DETACHED and re-attaches; an exiting thread detaches
// and then unregisters. Detaching releases the thread's critical sections and
// the GIL (if it holds it); re-attaching takes the GIL (in GIL mode) and the
// innermost critical section.
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
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <vector>

#include "runtime/qsbr.h"
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
  kBreakQsbr = 1 << 5,         // report a quiescent state / poll retired items (runtime/qsbr.h)
  kBreakPerThreadRc = 1 << 6,  // switch sampled hot objects to per-thread counts (object.h)
  // A profile or trace hook is installed on this thread (vm/trace.h): the
  // loop moves its frames into the tracing variant. Stays set while a hook
  // is; set and cleared only by the owning thread.
  kBreakTrace = 1 << 7,
};

struct ThreadState;
// A profile/trace hook (vm/trace.h): obj is the hook's object, what a
// kTrace* event; returns -1 with an exception pending.
using TraceFn = int (*)(ThreadState* ts, Value obj, Frame* f, int what, Value arg);

struct ThreadState {
  uint32_t index = 0;  // the ob_tid of objects this thread owns; never reused
  std::atomic<ThreadStatus> status{ThreadStatus::kDetached};
  std::atomic<uint32_t> eval_breaker{0};

  Ref<> exc;  // the pending exception instance, or null

  // The exception being handled by the running generator or frame chain: set
  // by PUSH_EXC_INFO when an except/finally block starts, restored by
  // POP_EXCEPT. A generator keeps its own across suspensions (vm/gen.cpp):
  // resuming it saves the resumer's slot in a HandledLink, and while the
  // generator handles nothing itself, the resumer's exception is still the
  // one sys.exception() sees (handled_exception() below).
  Ref<> handled;
  struct HandledLink {
    Ref<>* slot;
    HandledLink* prev;
  };
  HandledLink* handled_outer = nullptr;

  // The per-thread frame stack (vm/frame.h): a chunk of Values that frames
  // carve their locals and evaluation stacks from; Python-to-Python calls do not
  // recurse on the C++ stack.
  Value* stack_base = nullptr;
  Value* stack_top = nullptr;
  Value* stack_limit = nullptr;
  Frame* frame = nullptr;  // innermost executing frame
  int py_depth = 0;        // Python call depth, checked against the recursion limit
  int c_depth = 0;         // native recursion depth (repr of nested containers, ...)
  // Lowest safe address of this thread's C++ stack: nested interpreter loops
  // (Python code called from native code, e.g. __getattr__ recursion) raise
  // RecursionError below it instead of overflowing. 0 = unknown.
  uintptr_t c_stack_limit = 0;
  // What the interpreter loop's entry compares its stack probe with:
  // c_stack_limit, or the highest address while a profile/trace hook is
  // installed, so that the one compare every entry makes also sends the
  // frame to the tracing loop (vm/trace.h) at no cost without hooks.
  uintptr_t eval_entry_limit = 0;

  // Biased refcounting: objects other threads handed us to merge.
  std::mutex merge_mu;
  std::vector<Object*> merge_queue;
  bool merge_closed = false;  // under merge_mu: the thread is exiting, enqueues fail

  // Per-thread reference counts (object.h): this thread's slots (also in
  // tls_pt_counts; read by the collector with the world stopped), the objects
  // sampled as hot and waiting to be switched (each held by a reference), and
  // the samples to skip before the next request.
  std::atomic<int64_t>* pt_counts = nullptr;
  uint32_t pt_cap = 0;
  std::vector<Object*> pt_requests;
  uint32_t pt_backoff = 0;
  bool pt_closed = false;  // exiting: slots folded, changes go to shared counts

  // QSBR (runtime/qsbr.h): the sequence this thread last saw at a quiescent
  // point (0 = offline; read by other threads' polls), and its retired items
  // waiting for a grace period (owner-only).
  std::atomic<uint64_t> qsbr_seen{0};
  std::vector<QsbrItem> qsbr_pending;

  bool holds_gil = false;       // GIL mode: this thread holds the GIL (owner-only)
  uint64_t native_id = 0;       // gettid()
  uint64_t ident = 0;           // pthread_self(), _thread.get_ident()

  // A generator created by a CALL of a generator function (vm/call.h).
  Ref<> pending_generator;
  Ref<> thread_ident_obj;  // optional: the threading-level handle
  // sys.set_asyncgen_hooks: per thread, as in CPython (owner-only).
  Ref<> asyncgen_firstiter;
  Ref<> asyncgen_finalizer;
  bool is_main = false;

  // sys.setprofile / sys.settrace hooks (vm/trace.h), per thread as in
  // CPython: only the owning thread reads or writes them.
  TraceFn profile_fn = nullptr;
  TraceFn trace_fn = nullptr;
  Ref<> profile_obj;
  Ref<> trace_obj;
  int tracing = 0;           // > 0 while a hook runs: no events for its own code
  bool eval_switch = false;  // an adopted loop hands the frame back (eval.cpp)

  // Registry links (under runtime_mutex()).
  ThreadState* reg_prev = nullptr;
  ThreadState* reg_next = nullptr;
};

extern thread_local ThreadState* tls_tstate;
inline ThreadState* tstate() { return tls_tstate; }

// True when this thread's C++ stack is nearly used up. For native recursion
// that never re-enters the eval loop (and so never meets its check), such as
// next() on a chain of 100000 map objects each pulling from the one below.
inline bool native_stack_low() {
  char probe;
  ThreadState* ts = tls_tstate;
  return ts && reinterpret_cast<uintptr_t>(&probe) < ts->c_stack_limit;
}

// The exception being handled as sys.exception() reports it: the running
// generator's own, else the nearest one of the frames that resumed it (null
// if none).
inline Value handled_exception(ThreadState* ts) {
  if (ts->handled) return ts->handled.val();
  for (ThreadState::HandledLink* l = ts->handled_outer; l; l = l->prev)
    if (*l->slot) return l->slot->val();
  return Value();
}

// Registration of OS threads. `thread_attach_new` creates and registers a
// ThreadState for the calling thread; `thread_detach_delete` unregisters it,
// merging whatever it still owns so survivors can free it.
ThreadState* thread_attach_new(bool is_main);
void thread_detach_delete(ThreadState* ts);

// Attach/detach (see the state machine above). thread_detach_for_blocking
// does nothing for a thread that is not attached; pair it with
// thread_reattach, or use DetachedScope, which remembers whether it detached.
bool thread_is_attached();
void thread_detach_for_blocking();
void thread_reattach();
// Safepoint side of a stop-the-world: suspend until the world restarts.
void thread_suspend_for_stop_the_world(ThreadState* ts);

class DetachedScope {
 public:
  DetachedScope() : detached_(thread_is_attached()) {
    if (detached_) thread_detach_for_blocking();
  }
  ~DetachedScope() {
    if (detached_) thread_reattach();
  }
  DetachedScope(const DetachedScope&) = delete;
  DetachedScope& operator=(const DetachedScope&) = delete;

 private:
  bool detached_;
};

// The runtime lock: guards the registry of live thread states and the
// stop-the-world state; the condition variable signals status changes
// (detaches, suspensions, the world restarting, thread exit).
// Lock order: runtime lock -> ThreadState::merge_mu; the GIL's lock and
// parking-lot buckets are never held while taking it.
std::mutex& runtime_mutex();
std::condition_variable& runtime_cv();
// Call fn for every registered thread state; the caller holds runtime_mutex().
template <typename F>
void thread_for_each_locked(F&& fn);
size_t thread_count_locked();
// Set (under runtime_mutex) while a stop-the-world is requested or in force.
extern std::atomic<bool> g_stw_requested;
extern ThreadState* g_stw_requester;  // under runtime_mutex

// fork() (runtime/fork.cpp), in the child with only `self` running: rebuild
// the runtime mutex and condition variable, take every other thread out of
// the registry and return their states. The caller folds each one with
// thread_fold_gone (and rc_fold_gone_thread) and then leaks it: frame
// objects may still point into its frame stack.
std::vector<ThreadState*> thread_registry_after_fork_child(ThreadState* self);
void thread_fold_gone(ThreadState* ts);

// Biased refcounting slow path: hand `o` to the merge queue of thread `owner`.
// Returns false if that thread has exited (then the caller merges).
bool thread_enqueue_merge(uint32_t owner, Object* o);
// Owner side: merge everything queued for this thread.
void thread_drain_merge_queue(ThreadState* ts);

// Per-thread counts (refcount.cpp). At a safepoint: switch the objects this
// thread found hot (stops the world). At exit, while attached: fold this
// thread's slots into the objects' shared counts.
void rc_switch_requested(ThreadState* ts);
// Switch one object now (stops the world; the caller holds a reference).
// Immortal and already switched objects stay as they are; one waiting in its
// owner's merge queue is taken out of it and merged by the switch.
void rc_make_per_thread(Object* o);
void rc_thread_exit(ThreadState* ts);
// The same folding for a thread that no longer exists (the child of fork()):
// done by the surviving thread, which keeps its own slots.
void rc_fold_gone_thread(ThreadState* ts);
// The collector's side, with the world stopped: the true count of every
// per-thread-counted object, indexed by id (0 for free ids), and the
// objects with a true count of zero, turned back into ordinary merged objects
// holding one reference (the caller's), their ids freed.
struct PerThreadCensus {
  std::vector<int64_t> totals;
  std::vector<Object*> dead;
};
void rc_census_stopped(PerThreadCensus* census);
// Whether any object has per-thread counts (an attached thread may ask).
bool rc_has_per_thread_objects();
// Turn a per-thread-counted object back into an ordinary merged one with
// count `total` (world stopped), freeing its id.
void rc_demote_stopped(Object* o, int64_t total);

namespace detail {
ThreadState* registry_first_locked();
ThreadState* registry_next_locked(ThreadState* ts);
}  // namespace detail
template <typename F>
void thread_for_each_locked(F&& fn) {
  for (ThreadState* t = detail::registry_first_locked(); t; t = detail::registry_next_locked(t)) fn(t);
}

// Global limits.
extern std::atomic<int> g_recursion_limit;

}  // namespace ftpy
