// Quiescent-state-based reclamation (DESIGN.md §4.4).
//
// Lock-free readers (dict lookups, list item reads, the type attribute cache)
// load a pointer to memory that a writer holding the object's lock may
// replace at any moment: a dict's backing table, or a value the dict held a
// reference to. The writer must not free such memory (or drop the container's
// reference to such a value) while a reader may still be between its load and
// its incref. So writers *retire* it instead, and it is freed once every
// thread has passed a quiescent state after the retirement.
//
// A thread is quiescent when it holds no pointer obtained by a lock-free
// read: between bytecode instructions at an eval-breaker safepoint, and
// whenever it is detached (blocked, or outside the interpreter). Readers must
// therefore take their reference before the next safepoint, which every
// lock-free read in the runtime does at once.
//
// Mechanism (a global write sequence, as in the QSBR literature):
//   - g_qsbr_seq only grows; retiring an item tags it with the sequence's
//     next value (its "goal") without advancing it; requesting quiescence
//     (once per batch, or while waiting) advances it;
//   - each attached thread publishes in ThreadState::qsbr_seen the sequence
//     it last observed at a quiescent point; 0 means detached (offline);
//   - an item may be reclaimed once every other online thread has seen a
//     sequence >= its goal.
// With one registered thread there is no concurrent reader, so retiring is an
// immediate free/decref and single-threaded programs pay nothing: not even a
// fence, where the kernel has membarrier(2) (qsbr.cpp, "alone").
//
// Progress: items wait in the retiring thread's queue; every kBatch items it
// sets kBreakQsbr on every thread (itself included), and each reports
// quiescence at its next safepoint and polls. The retiring thread, at its
// own safepoint, reclaims what is ready and hands the rest to a global
// orphan list, asking the others again; since every thread polls that list
// after each report, the last of them to report reclaims it. So kBreakQsbr
// is cleared at every visit (no thread takes the slow path at each safepoint
// while items wait), and a handed-over item waits for one report of each
// online thread. A thread that detaches or exits hands its queue over too.
// Items below a batch wait in their queue until the batch fills, the thread
// detaches, or a request from another thread makes it poll: at most
// kBatch - 1 per thread.
//
// Thread safety: qsbr_seen is an atomic written by its owner and read by
// pollers; the per-thread queue is owner-only; the orphan list is guarded by
// the runtime mutex.
#pragma once

#include <atomic>
#include <cstdint>

#include "runtime/object.h"
#include "runtime/value.h"

namespace ftpy {

struct ThreadState;

// A retired item: a reference to drop or heap memory to free, and the
// sequence every online thread must have seen first.
struct QsbrItem {
  uint64_t goal;
  uint64_t bits;  // Value bits, or the address of heap memory
  bool is_memory;
};

extern std::atomic<uint64_t> g_qsbr_seq;
// Mirrors the number of registered thread states (thread_state.cpp).
extern std::atomic<int> g_qsbr_threads;

// True when this thread is the only registered one, so that nothing retired
// now can be in a reader's hands (qsbr.cpp says why no fence is needed when
// g_qsbr_fence is false).
extern std::atomic<bool> g_qsbr_fence;
inline bool qsbr_alone() {
  if (g_qsbr_fence.load(std::memory_order_relaxed)) std::atomic_thread_fence(std::memory_order_seq_cst);
  else std::atomic_signal_fence(std::memory_order_seq_cst);
  return g_qsbr_threads.load(std::memory_order_relaxed) <= 1;
}

// Retire a reference a lock-free reader may still be loading: the decref
// happens after a grace period (at once when the thread is alone: inline,
// since attribute stores retire at every instruction).
void qsbr_retire_value_slow(Value v);
inline void qsbr_retire_value(Value v) {
  if (!v.is_obj() || is_immortal(v.obj())) return;
  if (qsbr_alone()) {
    decref(v);
    return;
  }
  qsbr_retire_value_slow(v);
}
// Release a value a writer has unlinked from a container (a dict entry, an instance's values). A lock-free reader may
// have loaded it and not yet taken its reference, so it normally goes through
// QSBR; but a tagged value, an immortal object and a per-thread-counted one
// (freed only by the collector, with the world stopped, when every reader has
// taken its reference: runtime/object.h) cannot be freed under such a reader,
// and are released at once. A decref may run __del__: call it outside the
// critical section where the caller can.
[[gnu::always_inline]] inline void release_unlinked_value(Value v) {
  if (!v.is_obj()) return;
  Object* o = v.obj();
  uint32_t local = o->ob_ref_local.load(std::memory_order_relaxed);
  if (local == kImmortal) return;
  if (local == kPerThread) {
    decref(o);
    return;
  }
  qsbr_retire_value(v);
}
// Retire heap_alloc'd memory a lock-free reader may still be reading.
void qsbr_retire_memory(void* p);

// Called by thread_state.cpp when the thread attaches (online) and detaches
// (offline), and by the eval breaker on kBreakQsbr.
void qsbr_online(ThreadState* ts);
void qsbr_offline(ThreadState* ts);
void qsbr_on_eval_breaker(ThreadState* ts);
// Called by thread_state.cpp after it adds a thread to the registry (and so
// to g_qsbr_threads): makes the new count visible to threads that check
// qsbr_alone() without a fence.
void qsbr_thread_registered();
// The thread is exiting (or going offline): hand its pending items to the
// orphan list.
void qsbr_thread_exit(ThreadState* ts);
}  // namespace ftpy
