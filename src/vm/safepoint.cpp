#include "vm/safepoint.h"

#include <csignal>

#include "objects/errors.h"
#include "objects/protocol.h"
#include "runtime/gc.h"
#include "runtime/gil.h"

namespace ftpy {

namespace {
std::atomic<int> g_pending_sigint{0};
ThreadState* g_main_thread = nullptr;

void on_sigint(int) {
  g_pending_sigint.store(1, std::memory_order_relaxed);
  if (g_main_thread) g_main_thread->eval_breaker.fetch_or(kBreakSignals, std::memory_order_relaxed);
}
}  // namespace

void signals_init() {
  g_main_thread = tstate();
  std::signal(SIGINT, on_sigint);
  std::signal(SIGPIPE, SIG_IGN);
}

void signal_note_pending(int signum) { on_sigint(signum); }

int handle_eval_breaker(ThreadState* ts) {
  uint32_t bits = ts->eval_breaker.load(std::memory_order_acquire);
  if (bits & kBreakMergeQueue) thread_drain_merge_queue(ts);
  if (bits & kBreakStopWorld) {
    ts->eval_breaker.fetch_and(~kBreakStopWorld, std::memory_order_relaxed);
    // A stale bit (the world already restarted) is harmless: the suspension
    // below then turns into a plain detach/re-attach.
    if (g_stw_requested.load(std::memory_order_seq_cst)) thread_suspend_for_stop_the_world(ts);
  }
  if (bits & kBreakGilDrop) gil_yield_at_safepoint(ts);
  // Collections start here, never inside an allocation: the allocating code
  // may be half-way through building an object.
  if (bits & kBreakGc) gc_collect_at_safepoint(ts);
  if (bits & kBreakSignals) {
    ts->eval_breaker.fetch_and(~kBreakSignals, std::memory_order_relaxed);
    if (ts->is_main && g_pending_sigint.exchange(0, std::memory_order_relaxed)) {
      err_set_object(g_KeyboardInterrupt, Value());
      return -1;
    }
  }
  return 0;
}

}  // namespace ftpy
