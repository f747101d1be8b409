#include "vm/safepoint.h"

#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include "modules/signal_module.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "runtime/gc.h"
#include "runtime/gil.h"
#include "runtime/qsbr.h"

namespace ftpy {

namespace {
// Set by the C handler (async-signal-safe: lock-free atomics only); consumed
// by the main thread in run_pending_signals.
std::atomic<uint8_t> g_pending[NSIG];
std::atomic<int> g_any_pending{0};
ThreadState* g_main_thread = nullptr;
// signal.set_wakeup_fd: each noted signal's number is also written there as
// one byte (an event loop's self-pipe), or -1. Write errors (a full pipe)
// are ignored.
std::atomic<int> g_wakeup_fd{-1};

void on_signal(int signum) {
  if (signum <= 0 || signum >= NSIG) return;
  g_pending[signum].store(1, std::memory_order_relaxed);
  g_any_pending.store(1, std::memory_order_release);
  if (g_main_thread) g_main_thread->eval_breaker.fetch_or(kBreakSignals, std::memory_order_release);
  int fd = g_wakeup_fd.load(std::memory_order_relaxed);
  if (fd >= 0) {
    int saved = errno;
    unsigned char byte = static_cast<unsigned char>(signum);
    ssize_t r = ::write(fd, &byte, 1);
    (void)r;
    errno = saved;
  }
}

// Runs the Python handlers of the signals noted since the last call. A handler
// that raises leaves the later signals pending for the next safepoint.
int run_pending_signals() {
  if (!g_any_pending.exchange(0, std::memory_order_acquire)) return 0;
  for (int s = 1; s < NSIG; s++) {
    if (!g_pending[s].exchange(0, std::memory_order_relaxed)) continue;
    if (signal_dispatch(s) < 0) {
      for (int t = s + 1; t < NSIG; t++)
        if (g_pending[t].load(std::memory_order_relaxed)) {
          g_any_pending.store(1, std::memory_order_relaxed);
          g_main_thread->eval_breaker.fetch_or(kBreakSignals, std::memory_order_relaxed);
          break;
        }
      return -1;
    }
  }
  return 0;
}
}  // namespace

void signals_init() {
  g_main_thread = tstate();
  signal_install_c_handler(SIGINT, SignalAction::kPython);
  std::signal(SIGPIPE, SIG_IGN);
}

void signals_after_fork_child() {
  g_main_thread = tstate();
  for (auto& p : g_pending) p.store(0, std::memory_order_relaxed);
  g_any_pending.store(0, std::memory_order_relaxed);
  g_main_thread->eval_breaker.fetch_and(~kBreakSignals, std::memory_order_relaxed);
}

void signal_note_pending(int signum) { on_signal(signum); }

int signal_swap_wakeup_fd(int fd) { return g_wakeup_fd.exchange(fd, std::memory_order_acq_rel); }

int signal_install_c_handler(int signum, SignalAction action) {
  struct sigaction sa;
  std::memset(&sa, 0, sizeof sa);
  // No SA_RESTART: a blocking call in the main thread returns EINTR, so sleep
  // and friends can run the handler promptly (PEP 475).
  sa.sa_handler = action == SignalAction::kPython ? on_signal : action == SignalAction::kIgnore ? SIG_IGN : SIG_DFL;
  sa.sa_flags = SA_ONSTACK;
  sigemptyset(&sa.sa_mask);
  return sigaction(signum, &sa, nullptr);
}

bool signals_pending_for(ThreadState* ts) {
  return ts && ts->is_main && (ts->eval_breaker.load(std::memory_order_relaxed) & kBreakSignals);
}

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
  if (bits & kBreakQsbr) qsbr_on_eval_breaker(ts);
  if (bits & kBreakPerThreadRc) rc_switch_requested(ts);
  // Collections start here, never inside an allocation: the allocating code
  // may be half-way through building an object.
  if (bits & kBreakGc) gc_collect_at_safepoint(ts);
  if (bits & kBreakSignals) {
    ts->eval_breaker.fetch_and(~kBreakSignals, std::memory_order_relaxed);
    if (ts->is_main && run_pending_signals() < 0) return -1;
  }
  return 0;
}

}  // namespace ftpy
