// The GIL; see gil.h.
#include "runtime/gil.h"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>

#include "runtime/stop_the_world.h"
#include "runtime/thread_state.h"

namespace ftpy {

namespace {

std::atomic<int> g_gil_mode{-1};       // as configured
std::atomic<bool> g_gil_enabled{false};

struct Gil {
  std::mutex mu;
  std::condition_variable cv;
  ThreadState* holder = nullptr;  // under mu
  uint64_t switches = 0;          // under mu: bumps on every acquisition
  int waiters = 0;                // under mu
};
Gil& gil() {
  static auto* g = new Gil();
  return *g;
}

std::chrono::nanoseconds switch_interval() {
  double s = g_switch_interval.load(std::memory_order_relaxed);
  if (!(s > 0)) s = 0.005;
  return std::chrono::nanoseconds(static_cast<int64_t>(s * 1e9));
}

}  // namespace

bool gil_is_enabled() { return g_gil_enabled.load(std::memory_order_acquire); }

void gil_configure(int mode) {
  g_gil_mode.store(mode, std::memory_order_relaxed);
  if (mode != 1) return;
  // On from the start: the calling (main) thread takes it now.
  g_gil_enabled.store(true, std::memory_order_release);
  ThreadState* ts = tstate();
  if (ts && !ts->holds_gil) {
    thread_detach_for_blocking();
    thread_reattach();  // takes the GIL
  }
}

int gil_configured_mode() { return g_gil_mode.load(std::memory_order_relaxed); }

void gil_acquire(ThreadState* ts) {
  Gil& g = gil();
  std::unique_lock<std::mutex> lk(g.mu);
  g.waiters++;
  while (g.holder) {
    uint64_t seen = g.switches;
    if (!g.cv.wait_for(lk, switch_interval(), [&] { return g.holder == nullptr || g.switches != seen; })) {
      // A whole interval without a switch: ask the holder to drop it. The
      // holder pointer is valid under mu (a thread releases before exiting).
      if (g.holder) g.holder->eval_breaker.fetch_or(kBreakGilDrop, std::memory_order_release);
    }
  }
  g.waiters--;
  g.holder = ts;
  g.switches++;
  ts->holds_gil = true;
  g.cv.notify_all();  // a forced-switching dropper waits for `switches` to move
}

void gil_release(ThreadState* ts) {
  Gil& g = gil();
  std::lock_guard<std::mutex> lk(g.mu);
  if (g.holder == ts) g.holder = nullptr;
  ts->holds_gil = false;
  ts->eval_breaker.fetch_and(~kBreakGilDrop, std::memory_order_relaxed);
  g.cv.notify_all();
}

void gil_yield_at_safepoint(ThreadState* ts) {
  ts->eval_breaker.fetch_and(~kBreakGilDrop, std::memory_order_relaxed);
  if (!ts->holds_gil) return;
  Gil& g = gil();
  uint64_t seen;
  {
    std::lock_guard<std::mutex> lk(g.mu);
    if (g.waiters == 0) return;
    seen = g.switches;
  }
  thread_detach_for_blocking();  // releases the GIL (and critical sections)
  {
    // Forced switching: let a waiter take it before we queue again.
    std::unique_lock<std::mutex> lk(g.mu);
    g.cv.wait_for(lk, switch_interval(), [&] { return g.switches != seen || g.waiters == 0; });
  }
  thread_reattach();
}

void gil_enable_at_runtime(const char* module_name) {
  if (g_gil_mode.load(std::memory_order_relaxed) == 0) return;
  if (gil_is_enabled()) return;
  stop_the_world();
  bool was = g_gil_enabled.exchange(true, std::memory_order_acq_rel);
  // Nobody else runs or waits for the GIL now: take it before restarting.
  if (!was && tstate() && !tstate()->holds_gil) gil_acquire(tstate());
  start_the_world();
  if (!was) {
    // CPython 3.13+ wording (emitted as a RuntimeWarning at the import).
    std::fflush(stdout);
    std::fprintf(stderr,
                 "RuntimeWarning: The global interpreter lock (GIL) has been enabled to load module '%s', "
                 "which has not declared that it can run safely without the GIL. To override this behavior "
                 "and keep the GIL disabled (at your own risk), run with PYTHON_GIL=0 or -Xgil=0.\n",
                 module_name);
  }
}

}  // namespace ftpy
