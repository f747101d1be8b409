// The GIL; see gil.h.
#include "runtime/gil.h"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>

#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "runtime/interp.h"
#include "runtime/stop_the_world.h"
#include "runtime/thread_state.h"
#include "vm/import.h"

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

void gil_after_fork_child(ThreadState* self) {
  // Waiters and the lock's holder may be threads the child does not have.
  Gil& g = gil();
  new (&g.mu) std::mutex();
  new (&g.cv) std::condition_variable();
  g.holder = self->holds_gil ? self : nullptr;
  g.waiters = 0;
}

namespace {

// CPython 3.13t's wording. Emitted with warnings.warn(stacklevel=1), so it
// names the importing line and obeys -W and warnings filters; printed
// directly if the warnings module cannot be imported.
int warn_gil_enabled(const char* module_name) {
  std::string msg = std::string("The global interpreter lock (GIL) has been enabled to load module '") +
                    module_name +
                    "', which has not declared that it can run safely without the GIL. To override this "
                    "behavior and keep the GIL disabled (at your own risk), run with PYTHON_GIL=0 or -Xgil=0.";
  Ref<> warnings = import_module("warnings");
  Ref<> warn = warnings ? getattr(warnings.val(), "warn") : nullptr;
  if (!warn) {
    err_clear();
    flush_std_streams();
    std::fprintf(stderr, "RuntimeWarning: %s\n", msg.c_str());
    return 0;
  }
  Ref<Str> text = str_from_utf8(msg);
  if (!text) return -1;
  Value args[2] = {text.val(), Value(g_RuntimeWarning)};
  Ref<> r = call(warn.val(), args, 2);
  return r ? 0 : -1;
}

}  // namespace

int gil_enable_for_module(const char* module_name) {
  if (g_gil_mode.load(std::memory_order_relaxed) == 0) return 0;
  if (gil_is_enabled()) return 0;
  stop_the_world();
  bool turned_on = !g_gil_enabled.exchange(true, std::memory_order_acq_rel);
  // Nobody else runs or waits for the GIL now: take it before restarting.
  if (turned_on && tstate() && !tstate()->holds_gil) gil_acquire(tstate());
  start_the_world();
  return turned_on ? warn_gil_enabled(module_name) : 0;
}

}  // namespace ftpy
