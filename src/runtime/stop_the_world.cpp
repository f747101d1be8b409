// Stop-the-world; the protocol is described in the header.
#include "runtime/stop_the_world.h"

#include <chrono>

#include "runtime/parking_lot.h"
#include "runtime/thread_state.h"

namespace ftpy {

namespace {
Mutex g_stw_serial;  // one stop-the-world at a time
std::atomic<bool> g_world_stopped{false};
}  // namespace

void stop_the_world() {
  g_stw_serial.lock_detached();
  ThreadState* self = tstate();
  std::unique_lock<std::mutex> g(runtime_mutex());
  g_stw_requester = self;
  g_stw_requested.store(true, std::memory_order_seq_cst);
  for (;;) {
    int running = 0;
    thread_for_each_locked([&](ThreadState* ts) {
      if (ts == self) return;
      ThreadStatus s = ts->status.load(std::memory_order_seq_cst);
      if (s == ThreadStatus::kDetached &&
          ts->status.compare_exchange_strong(s, ThreadStatus::kSuspended, std::memory_order_seq_cst))
        return;
      if (s == ThreadStatus::kAttached) {
        ts->eval_breaker.fetch_or(kBreakStopWorld, std::memory_order_release);
        running++;
      }
    });
    if (running == 0) break;
    // Notified on every detach/suspension/exit; the timeout is a backstop.
    runtime_cv().wait_for(g, std::chrono::milliseconds(1));
  }
  g_world_stopped.store(true, std::memory_order_release);
}

void start_the_world() {
  {
    std::lock_guard<std::mutex> g(runtime_mutex());
    g_world_stopped.store(false, std::memory_order_release);
    g_stw_requested.store(false, std::memory_order_seq_cst);
    g_stw_requester = nullptr;
    thread_for_each_locked([&](ThreadState* ts) {
      ts->eval_breaker.fetch_and(~kBreakStopWorld, std::memory_order_relaxed);
      ThreadStatus s = ThreadStatus::kSuspended;
      ts->status.compare_exchange_strong(s, ThreadStatus::kDetached, std::memory_order_seq_cst);
    });
    runtime_cv().notify_all();
  }
  g_stw_serial.unlock();
}

bool world_is_stopped() { return g_world_stopped.load(std::memory_order_acquire); }

}  // namespace ftpy
