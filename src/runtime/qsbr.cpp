// Quiescent-state-based reclamation: see qsbr.h for the protocol.
//
// Memory ordering. Three Dekker-style handshakes make reclamation safe:
//   - alone() vs. a thread registering: a retiring thread that finds itself
//     alone frees at once, so its unlink must be visible to any thread that
//     registers after it read the count. A seq_cst fence between the unlink
//     and the count's load would do it, but costs a store-buffer drain at
//     every retire (1.5M per 20K nbody steps). Instead the registering
//     thread, after raising g_qsbr_threads, runs membarrier(2)'s private
//     expedited barrier, which puts a full fence into every running thread
//     of the process (an asymmetric fence): a retirer whose count load came
//     before that fence had its earlier unlink published by it, before the
//     new thread's first read; one whose load came after sees the new count.
//     The retirer needs only a compiler barrier. Without membarrier (old
//     kernels, valgrind) or in TSan builds (TSan does not model it)
//     g_qsbr_fence stays true and alone() fences.
//   - retire vs. a thread coming online: the retiring thread has already
//     unlinked the item (a store under the object's lock), then issues a
//     seq_cst fence before it reads g_qsbr_threads or other threads'
//     qsbr_seen; a thread coming online stores qsbr_seen and issues a seq_cst
//     fence before its first lock-free read. So either the poller sees the
//     thread online (and waits for it), or the thread's reads see the unlink.
//   - a quiescent report stores the g_qsbr_seq value it loaded (acquire); the
//     poller's acquire load of qsbr_seen then orders the reader's earlier
//     loads before the reclamation.
#include "runtime/qsbr.h"

#include <linux/membarrier.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <vector>

#include "runtime/heap.h"
#include "runtime/object.h"
#include "runtime/thread_state.h"

namespace ftpy {

std::atomic<uint64_t> g_qsbr_seq{1};
std::atomic<int> g_qsbr_threads{0};
std::atomic<bool> g_qsbr_fence{true};

namespace {

constexpr size_t kBatch = 128;  // items between requests for quiescence

// Items of exited threads; guarded by the runtime mutex.
std::vector<QsbrItem>& orphans() {
  static auto* v = new std::vector<QsbrItem>();
  return *v;
}
std::atomic<bool> g_have_orphans{false};

void reclaim(const QsbrItem& it) {
  if (it.is_memory) heap_free(reinterpret_cast<void*>(it.bits));
  else decref(Value(it.bits));
}

void reclaim_all(std::vector<QsbrItem>& items) {
  // Reclaiming may run __del__, which may retire more: work on a private copy.
  std::vector<QsbrItem> mine;
  mine.swap(items);
  for (const QsbrItem& it : mine) reclaim(it);
}


// The caller is at a quiescent point: it holds nothing read lock-free.
void report(ThreadState* ts) {
  ts->qsbr_seen.store(g_qsbr_seq.load(std::memory_order_acquire), std::memory_order_release);
}

void request_quiescence(ThreadState* self) {
  // Reach the goal of every item retired so far; the reports asked for below
  // load the sequence after this.
  g_qsbr_seq.fetch_add(1, std::memory_order_seq_cst);
  std::lock_guard<std::mutex> g(runtime_mutex());
  thread_for_each_locked([&](ThreadState* t) {
    if (t != self)
      t->eval_breaker.fetch_or(kBreakQsbr, std::memory_order_release);
  });
}

// Reclaim what every other online thread has passed, of the caller's queue
// and of the orphan list; the caller is quiescent.
void poll(ThreadState* ts) {
  std::atomic_thread_fence(std::memory_order_seq_cst);
  uint64_t rd = UINT64_MAX;
  std::vector<QsbrItem> ready_orphans;
  {
    std::lock_guard<std::mutex> g(runtime_mutex());
    thread_for_each_locked([&](ThreadState* t) {
      if (t == ts) return;
      uint64_t s = t->qsbr_seen.load(std::memory_order_acquire);
      if (s != 0 && s < rd) rd = s;
    });
    if (g_have_orphans.load(std::memory_order_relaxed)) {
      auto& o = orphans();
      auto keep = std::partition(o.begin(), o.end(), [&](const QsbrItem& it) { return it.goal > rd; });
      ready_orphans.assign(keep, o.end());
      o.erase(keep, o.end());
      g_have_orphans.store(!o.empty(), std::memory_order_relaxed);
      // Orphans still waiting are held back by threads that have not reported
      // since they were handed over. Ask exactly those: each reports and polls
      // at its next safepoint, so the last of them reclaims the orphans. Without
      // this, a thread polling with an empty queue of its own left them waiting
      // until some thread next retired a batch or detached with items, which
      // might be never (an exiting thread's list.clear() kept the cleared
      // items alive indefinitely, failing weakref_death under load).
      if (!o.empty()) {
        uint64_t goal = UINT64_MAX;
        for (const QsbrItem& it : o) goal = std::min(goal, it.goal);
        thread_for_each_locked([&](ThreadState* t) {
          uint64_t s = t->qsbr_seen.load(std::memory_order_acquire);
          if (t != ts && s != 0 && s < goal) t->eval_breaker.fetch_or(kBreakQsbr, std::memory_order_release);
        });
      }
    }
  }
  // Goals grow with push order, so the ready items are a prefix.
  auto& q = ts->qsbr_pending;
  auto first_waiting = std::find_if(q.begin(), q.end(), [&](const QsbrItem& it) { return it.goal > rd; });
  std::vector<QsbrItem> ready(q.begin(), first_waiting);
  q.erase(q.begin(), first_waiting);
  reclaim_all(ready);
  reclaim_all(ready_orphans);
}

// Move the caller's queue to the orphan list (advancing the sequence past
// every goal in it); the caller then asks the others to poll.
void hand_over(ThreadState* ts) {
  g_qsbr_seq.fetch_add(1, std::memory_order_seq_cst);  // reach the orphans' goals
  std::lock_guard<std::mutex> g(runtime_mutex());
  auto& o = orphans();
  o.insert(o.end(), ts->qsbr_pending.begin(), ts->qsbr_pending.end());
  ts->qsbr_pending.clear();
  g_have_orphans.store(true, std::memory_order_relaxed);
}

void retire(QsbrItem it) {
  ThreadState* ts = tstate();
  if (!ts || qsbr_alone()) {
    reclaim(it);
    return;
  }
  // The goal is the next sequence value; it is reached when some thread
  // advances the sequence (request_quiescence), which happens after this load
  // and so after the unlink (alone() fenced). Reading instead of advancing
  // here keeps threads that retire at every instruction (attribute stores of
  // fresh ints) off one shared counter.
  it.goal = g_qsbr_seq.load(std::memory_order_seq_cst) + 1;
  ts->qsbr_pending.push_back(it);
  if (ts->qsbr_pending.size() % kBatch == 0) {
    request_quiescence(ts);
    ts->eval_breaker.fetch_or(kBreakQsbr, std::memory_order_relaxed);
  }
}

}  // namespace

void qsbr_retire_value_slow(Value v) { retire(QsbrItem{0, v.bits(), false}); }

void qsbr_retire_memory(void* p) {
  if (p) retire(QsbrItem{0, reinterpret_cast<uint64_t>(p), true});
}

void qsbr_thread_registered() {
  static bool tried = false;  // under the registry mutex, like every call
  if (!tried) {
    // The first registration: nobody runs qsbr_alone() yet, so the choice
    // of fence can still change.
    tried = true;
#ifndef FTPY_TSAN
    if (syscall(__NR_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0) == 0)
      g_qsbr_fence.store(false, std::memory_order_relaxed);
#endif
    return;
  }
  if (g_qsbr_fence.load(std::memory_order_relaxed)) return;
  // Cannot fail once registered (EINVAL/EPERM are the only errors).
  if (syscall(__NR_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0) != 0) std::abort();
}

void qsbr_online(ThreadState* ts) {
  ts->qsbr_seen.store(g_qsbr_seq.load(std::memory_order_acquire), std::memory_order_seq_cst);
  std::atomic_thread_fence(std::memory_order_seq_cst);
}

void qsbr_offline(ThreadState* ts) {
  ts->qsbr_seen.store(0, std::memory_order_release);
  // A detaching thread may block for long: let the others reclaim its items
  // (reclaiming here could run __del__ in the middle of a blocking call).
  // If orphans wait, this thread may be the last one holding them back (it
  // goes offline without reporting): ask the others to poll again too.
  bool had_items = !ts->qsbr_pending.empty();
  if (had_items) hand_over(ts);
  if (had_items || g_have_orphans.load(std::memory_order_relaxed)) request_quiescence(ts);
}

void qsbr_on_eval_breaker(ThreadState* ts) {
  // The bit is cleared at every visit, so this slow path runs once per
  // request, never at every safepoint while items wait. Cleared before the
  // report (acquire: a request's retirements are then below what we load), a
  // request arriving meanwhile is answered again at the next safepoint.
  ts->eval_breaker.fetch_and(~kBreakQsbr, std::memory_order_acq_rel);
  report(ts);
  if (ts->qsbr_pending.empty() && !g_have_orphans.load(std::memory_order_relaxed)) return;
  poll(ts);
  if (ts->qsbr_pending.empty()) return;
  // The others have not all reported yet. Rather than come back to look,
  // hand the rest to the orphan list and ask them again: each reports at its
  // next safepoint and polls the list, so the last to report reclaims them.
  // Handing over advances the sequence past every goal handed over (items
  // retired since the last advance, including any that a __del__ run above
  // retired, have goal = that advance); we are quiescent, so report after
  // it: otherwise our own stale report would hold them back until this
  // thread next retires a batch or detaches.
  hand_over(ts);
  report(ts);
  request_quiescence(ts);
}

void qsbr_thread_exit(ThreadState* ts) {
  if (ts->qsbr_pending.empty()) return;
  hand_over(ts);
  // Called last on the way out (the thread left the registry): nobody would
  // look at what we handed over until some other thread next retired a batch
  // or detached with items, so ask them now.
  request_quiescence(ts);
}


}  // namespace ftpy
