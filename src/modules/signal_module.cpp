// The _signal module: signal(), getsignal(), default_int_handler, raise_signal,
// strsignal, alarm, the SIG* constants. lib/signal.py wraps it with the
// Signals/Handlers enums, as CPython's signal module does.
//
// Delivery: the C handler (vm/safepoint.cpp, async-signal-safe) only marks the
// signal pending and sets kBreakSignals on the main thread; the main thread
// runs the Python handler at its next safepoint, or sooner from a blocking
// call that waits in slices (lock acquire, sleep).
//
// Thread safety: the handler table is written only by the main thread
// (signal() refuses other threads, as CPython does) and read by any thread
// (getsignal); g_handlers_mu guards it. Python code never runs under it.
#include "modules/signal_module.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <unistd.h>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "runtime/parking_lot.h"
#include "runtime/thread_state.h"
#include "vm/safepoint.h"

namespace ftpy {

namespace {

constexpr int kSigDfl = 0;
constexpr int kSigIgn = 1;

Mutex g_handlers_mu;
Value g_handlers[NSIG];       // owned: a callable, or the ints SIG_DFL / SIG_IGN; null = never set
Value g_default_int_handler;  // owned, set once at import

bool signum_arg(Value v, int* out) {
  int64_t n;
  if (!to_int64(v, &n)) return false;
  if (n < 1 || n >= NSIG) {
    err_set_str(g_ValueError, "signal number out of range");
    return false;
  }
  *out = static_cast<int>(n);
  return true;
}

// The handler stored for signum (a new reference), or null if never set.
Ref<> handler_get(int signum) {
  g_handlers_mu.lock();
  Ref<> h = g_handlers[signum].is_null() ? Ref<>() : Ref<>::borrow(g_handlers[signum]);
  g_handlers_mu.unlock();
  return h;
}

void handler_set(int signum, Value h) {
  Value fresh = Ref<>::borrow(h).release();
  g_handlers_mu.lock();
  Value old = g_handlers[signum];
  g_handlers[signum] = fresh;
  g_handlers_mu.unlock();
  if (!old.is_null()) decref(old);
}

// What getsignal() reports for a signal Python never set: the handler the
// process started with (SIGPIPE is ignored by the runtime, as in CPython).
Ref<> initial_handler(int signum) {
  struct sigaction sa;
  if (sigaction(signum, nullptr, &sa) == 0 && sa.sa_handler == SIG_IGN) return small_int(kSigIgn);
  return small_int(kSigDfl);
}

Ref<> sig_default_int_handler(Value, Value*) { return err_set_object(g_KeyboardInterrupt, Value()); }

Ref<> sig_signal(Value, Value* a) {
  int signum;
  if (!signum_arg(a[0], &signum)) return nullptr;
  ThreadState* ts = tstate();
  if (!ts || !ts->is_main)
    return err_set_str(g_ValueError, "signal only works in main thread of the main interpreter");
  Value h = a[1];
  SignalAction action = SignalAction::kPython;
  int64_t code = -1;
  if (is_int(h) && !to_int64(h, &code)) return nullptr;
  if (code == kSigDfl) {
    action = SignalAction::kDefault;
  } else if (code == kSigIgn) {
    action = SignalAction::kIgnore;
  } else {
    int c = callable(h);
    if (c < 0) return nullptr;
    if (!c)
      return err_set_str(g_TypeError,
                         "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
  }
  if (signum == SIGKILL || signum == SIGSTOP) return err_from_errno(EINVAL);
  Ref<> old = handler_get(signum);
  if (!old) old = initial_handler(signum);
  if (signal_install_c_handler(signum, action) < 0) return err_from_errno(errno);
  handler_set(signum, code == kSigDfl || code == kSigIgn ? Value::small(code) : h);
  return old;
}

Ref<> sig_getsignal(Value, Value* a) {
  int signum;
  if (!signum_arg(a[0], &signum)) return nullptr;
  Ref<> h = handler_get(signum);
  return h ? h : initial_handler(signum);
}

Ref<> sig_raise_signal(Value, Value* a) {
  int signum;
  if (!signum_arg(a[0], &signum)) return nullptr;
  if (::raise(signum) != 0) return err_from_errno(errno);
  // The handler runs now, not at the next safepoint (CPython checks at once).
  ThreadState* ts = tstate();
  if (ts && (ts->eval_breaker.load(std::memory_order_relaxed) & kBreakSignals) && handle_eval_breaker(ts) < 0)
    return nullptr;
  return new_none();
}

Ref<> sig_strsignal(Value, Value* a) {
  int signum;
  if (!signum_arg(a[0], &signum)) return nullptr;
  const char* s = ::strsignal(signum);
  if (!s || std::strncmp(s, "Unknown signal", 14) == 0 || std::strncmp(s, "Real-time signal", 16) == 0)
    return new_none();
  return str_from_utf8(s);
}

Ref<> sig_alarm(Value, Value* a) {
  int64_t secs;
  if (!to_int64(a[0], &secs)) return nullptr;
  return small_int(::alarm(static_cast<unsigned>(secs)));
}

const MethodDef kSignalFunctions[] = {
    {"signal(signalnum, handler, /)", sig_signal, "Set the action for the given signal."},
    {"getsignal(signalnum, /)", sig_getsignal, "Return the current action for the given signal."},
    {"raise_signal(signalnum, /)", sig_raise_signal, "Send a signal to the executing process."},
    {"strsignal(signalnum, /)", sig_strsignal, "Return the system description of the given signal."},
    {"alarm(seconds, /)", sig_alarm, "Arrange for SIGALRM to arrive after the given number of seconds."},
    {nullptr}};

const MethodDef kDefaultIntHandler = {"default_int_handler(signalnum, frame, /)", sig_default_int_handler,
                                      "The default handler for SIGINT installed by Python."};

struct SignalRow {
  const char* name;
  int value;
};
#define FTPY_SIGNAL_ROW(n) {#n, n},
const SignalRow kSignals[] = {FTPY_SIGNAL_ROW(SIGHUP) FTPY_SIGNAL_ROW(SIGINT) FTPY_SIGNAL_ROW(SIGQUIT)
    FTPY_SIGNAL_ROW(SIGILL) FTPY_SIGNAL_ROW(SIGTRAP) FTPY_SIGNAL_ROW(SIGABRT) FTPY_SIGNAL_ROW(SIGIOT)
    FTPY_SIGNAL_ROW(SIGBUS) FTPY_SIGNAL_ROW(SIGFPE) FTPY_SIGNAL_ROW(SIGKILL) FTPY_SIGNAL_ROW(SIGUSR1)
    FTPY_SIGNAL_ROW(SIGSEGV) FTPY_SIGNAL_ROW(SIGUSR2) FTPY_SIGNAL_ROW(SIGPIPE) FTPY_SIGNAL_ROW(SIGALRM)
    FTPY_SIGNAL_ROW(SIGTERM) FTPY_SIGNAL_ROW(SIGSTKFLT) FTPY_SIGNAL_ROW(SIGCHLD) FTPY_SIGNAL_ROW(SIGCONT)
    FTPY_SIGNAL_ROW(SIGSTOP) FTPY_SIGNAL_ROW(SIGTSTP) FTPY_SIGNAL_ROW(SIGTTIN) FTPY_SIGNAL_ROW(SIGTTOU)
    FTPY_SIGNAL_ROW(SIGURG) FTPY_SIGNAL_ROW(SIGXCPU) FTPY_SIGNAL_ROW(SIGXFSZ) FTPY_SIGNAL_ROW(SIGVTALRM)
    FTPY_SIGNAL_ROW(SIGPROF) FTPY_SIGNAL_ROW(SIGWINCH) FTPY_SIGNAL_ROW(SIGIO) FTPY_SIGNAL_ROW(SIGPOLL)
    FTPY_SIGNAL_ROW(SIGPWR) FTPY_SIGNAL_ROW(SIGSYS)};
#undef FTPY_SIGNAL_ROW

}  // namespace

int signal_dispatch(int signum) {
  Ref<> h = handler_get(signum);
  if (!h) {
    if (signum != SIGINT) return 0;
    err_set_object(g_KeyboardInterrupt, Value());
    return -1;
  }
  if (is_int(h.val())) return 0;  // SIG_DFL / SIG_IGN set after the signal was noted
  Ref<> num = small_int(signum);
  Value args[2] = {num.val(), none()};
  Ref<> r = call(h.val(), args, 2);
  return r ? 0 : -1;
}

Ref<> signal_module_create() {
  Ref<> m = module_new("_signal");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kSignalFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  Ref<Str> modname = str_from_ascii("_signal");
  Ref<> dih = native_function_new(&kDefaultIntHandler, m.val(), modname.val());
  if (!dih || dict_set_item_str(d, "default_int_handler", dih.val()) < 0) return nullptr;
  g_handlers_mu.lock();
  bool first = g_default_int_handler.is_null();
  if (first) g_default_int_handler = Ref<>::borrow(dih.val()).release();
  g_handlers_mu.unlock();
  // The runtime's own SIGINT handler raises KeyboardInterrupt: Python sees it
  // as default_int_handler, unless a program replaced it before this import.
  if (first && !handler_get(SIGINT)) handler_set(SIGINT, g_default_int_handler);
  for (const SignalRow& r : kSignals) {
    Ref<> v = small_int(r.value);
    if (dict_set_item_str(d, r.name, v.val()) < 0) return nullptr;
  }
  Ref<> dfl = small_int(kSigDfl), ign = small_int(kSigIgn), nsig = small_int(NSIG);
  if (dict_set_item_str(d, "SIG_DFL", dfl.val()) < 0 || dict_set_item_str(d, "SIG_IGN", ign.val()) < 0 ||
      dict_set_item_str(d, "NSIG", nsig.val()) < 0)
    return nullptr;
  return m;
}

}  // namespace ftpy
