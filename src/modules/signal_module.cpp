// The _signal module: signal(), getsignal(), default_int_handler, raise_signal,
// strsignal, alarm, setitimer/getitimer (ITIMER_*, ItimerError), set_wakeup_fd,
// siginterrupt, pause, pthread_sigmask/sigpending/sigwait/pthread_kill, the SIG*
// constants. lib/signal.py wraps it with the Signals/Handlers/Sigmasks enums,
// as CPython's signal module does.
//
// Delivery: the C handler (vm/safepoint.cpp, async-signal-safe) only marks the
// signal pending and sets kBreakSignals on the main thread; the main thread
// runs the Python handler at its next safepoint, or sooner from a blocking
// call that waits in slices (lock acquire, sleep).
//
// Thread safety: the handler table is written only by the main thread
// (signal() refuses other threads, as CPython does) and read by any thread
// (getsignal); g_handlers_mu guards it. Python code never runs under it.
// ItimerError is made once (std::call_once) and immutable afterwards; the
// interval timers are the kernel's, per process, so setitimer needs no lock.
#include "modules/signal_module.h"

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstring>
#include <mutex>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "modules/io_internal.h"
#include "objects/set.h"
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

// --- interval timers ------------------------------------------------------------------

Type* g_itimer_error = nullptr;  // signal.itimer_error, an OSError subclass

void itimer_error_init() {
  Ref<Str> n = str_from_ascii("itimer_error");
  Ref<Dict> ns = dict_new();
  Ref<Str> mod = str_from_ascii("signal");
  if (!n || !ns || !mod || dict_set_item_str(ns.val(), "__module__", mod.val()) < 0) return;
  Ref<Tuple> bases = tuple_pack({Value(g_OSError)});
  if (!bases) return;
  Ref<> cls = type_new_from_spec(&g_type_type, n.val(), bases.val(), ns.val(), Value());
  if (cls) g_itimer_error = cls.release().as<Type>();  // heap types are immortal (type_new.cpp)
}

std::nullptr_t itimer_raise(int e) {
  Ref<> num = small_int(e);
  Ref<> msg = str_from_utf8(std::strerror(e));
  if (!num || !msg) return nullptr;
  Ref<Tuple> args = tuple_pack({num.val(), msg.val()});
  if (!args) return nullptr;
  return err_set_object(g_itimer_error, args.val());
}

// Seconds (an int or a float) as a timeval, rounded up to a microsecond
// (_PyTime_ROUND_CEILING) with CPython's errors.
bool timeval_arg(Value v, struct timeval* tv) {
  int64_t usec;
  if (is_float(v)) {
    double d = float_value(v);
    if (std::isnan(d)) {
      err_set_str(g_ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    double us = std::ceil(d * 1e6);
    if (!(us > -9.2e18 && us < 9.2e18)) {
      err_set_str(g_OverflowError, "timestamp out of range for platform time_t");
      return false;
    }
    usec = static_cast<int64_t>(us);
  } else {
    int64_t secs;
    if (!to_int64(v, &secs) || secs > 9'200'000'000 || secs < -9'200'000'000) {
      if (err_occurred() && !err_matches(g_OverflowError)) return false;
      err_clear();
      err_set_str(g_OverflowError, "timestamp too large to convert to C _PyTime_t");
      return false;
    }
    usec = secs * 1'000'000;
  }
  int64_t sec = usec / 1'000'000, rem = usec % 1'000'000;
  if (rem < 0) sec -= 1, rem += 1'000'000;
  tv->tv_sec = static_cast<time_t>(sec);
  tv->tv_usec = static_cast<suseconds_t>(rem);
  return true;
}

Ref<> itimer_tuple(const struct itimerval& v) {
  Ref<> a = float_new(static_cast<double>(v.it_value.tv_sec) + v.it_value.tv_usec * 1e-6);
  Ref<> b = float_new(static_cast<double>(v.it_interval.tv_sec) + v.it_interval.tv_usec * 1e-6);
  if (!a || !b) return nullptr;
  return tuple_pack({a.val(), b.val()});
}

Ref<> sig_setitimer(Value, Value* a) {
  int which;
  int64_t w;
  if (!to_int64(a[0], &w)) return nullptr;
  which = w < INT32_MIN || w > INT32_MAX ? -1 : static_cast<int>(w);
  struct itimerval nv{}, old{};
  if (!timeval_arg(a[1], &nv.it_value) || !timeval_arg(a[2], &nv.it_interval)) return nullptr;
  if (::setitimer(static_cast<__itimer_which>(which), &nv, &old) != 0) return itimer_raise(errno);
  return itimer_tuple(old);
}

Ref<> sig_getitimer(Value, Value* a) {
  int64_t w;
  if (!to_int64(a[0], &w)) return nullptr;
  int which = w < INT32_MIN || w > INT32_MAX ? -1 : static_cast<int>(w);
  struct itimerval cur{};
  if (::getitimer(static_cast<__itimer_which>(which), &cur) != 0) return itimer_raise(errno);
  return itimer_tuple(cur);
}

// --- wakeup fd, restart flag, masks, waiting ---------------------------------------------

Ref<> sig_set_wakeup_fd(Value, Value* a) {
  int64_t fd;
  if (!to_index(a[0], &fd)) return nullptr;
  if (truthy(a[1]) < 0) return nullptr;  // warn_on_full_buffer: write errors are never reported
  ThreadState* ts = tstate();
  if (!ts || !ts->is_main)
    return err_set_str(g_ValueError, "set_wakeup_fd only works in main thread of the main interpreter");
  if (fd != -1) {
    struct stat st;
    if (fd < 0 || fd > INT32_MAX || ::fstat(static_cast<int>(fd), &st) != 0) return err_from_errno(EBADF);
    int flags = ::fcntl(static_cast<int>(fd), F_GETFL);
    if (flags < 0) return err_from_errno(errno);
    // A blocking fd could hang the C handler when the pipe is full.
    if (!(flags & O_NONBLOCK))
      return err_format(g_ValueError, "the fd %d must be in non-blocking mode", static_cast<int>(fd));
  }
  return small_int(signal_swap_wakeup_fd(static_cast<int>(fd)));
}

Ref<> sig_siginterrupt(Value, Value* a) {
  int signum;
  if (!signum_arg(a[0], &signum)) return nullptr;
  int64_t flag;
  if (!to_int64(a[1], &flag)) return nullptr;
  struct sigaction sa;
  if (sigaction(signum, nullptr, &sa) != 0) return err_from_errno(errno);
  // flag true: system calls the signal interrupts fail with EINTR.
  if (flag)
    sa.sa_flags &= ~SA_RESTART;
  else
    sa.sa_flags |= SA_RESTART;
  if (sigaction(signum, &sa, nullptr) != 0) return err_from_errno(errno);
  return new_none();
}

// pause(): the main thread waits in slices, like sleep, so a signal the
// kernel handed to another thread still ends it; the handler runs first.
Ref<> sig_pause(Value, Value*) {
  ThreadState* ts = tstate();
  if (!ts || !ts->is_main) {
    BlockingRegion br;
    ::pause();
    return new_none();
  }
  for (;;) {
    if (signals_pending_for(ts)) {
      if (handle_eval_breaker(ts) < 0) return nullptr;
      return new_none();
    }
    struct timespec slice = {0, 50'000'000};
    BlockingRegion br;
    nanosleep(&slice, nullptr);
  }
}

// An iterable of signal numbers as a sigset_t (CPython's messages).
bool sigset_arg(Value v, sigset_t* set) {
  sigemptyset(set);
  Ref<> it = get_iter(v);
  if (!it) return false;
  for (;;) {
    Ref<> item = iter_next(it.val());
    if (!item) return !err_occurred();
    int64_t n;
    if (!to_int64(item.val(), &n)) return false;
    if (n < 1 || n >= NSIG) {
      err_format(g_ValueError, "signal number %lld out of range [1; %d]", static_cast<long long>(n), NSIG - 1);
      return false;
    }
    sigaddset(set, static_cast<int>(n));
  }
}

Ref<> sigset_to_set(const sigset_t& set) {
  Ref<> out = set_new(Value());
  if (!out) return nullptr;
  for (int s = 1; s < NSIG; s++) {
    if (sigismember(&set, s) != 1) continue;
    Ref<> n = small_int(s);
    if (set_add(out.val(), n.val()) < 0) return nullptr;
  }
  return out;
}

Ref<> sig_pthread_sigmask(Value, Value* a) {
  int64_t how;
  if (!to_int64(a[0], &how)) return nullptr;
  sigset_t set, old;
  if (!sigset_arg(a[1], &set)) return nullptr;
  int rc = pthread_sigmask(static_cast<int>(how), &set, &old);
  if (rc != 0) return err_from_errno(rc);
  // A signal unblocked now may be pending already: its handler runs at once.
  ThreadState* ts = tstate();
  if (signals_pending_for(ts) && handle_eval_breaker(ts) < 0) return nullptr;
  return sigset_to_set(old);
}

Ref<> sig_sigpending(Value, Value*) {
  sigset_t set;
  if (sigpending(&set) != 0) return err_from_errno(errno);
  return sigset_to_set(set);
}

Ref<> sig_sigwait(Value, Value* a) {
  sigset_t set;
  if (!sigset_arg(a[0], &set)) return nullptr;
  int got = 0, rc;
  {
    BlockingRegion br;
    rc = sigwait(&set, &got);
  }
  if (rc != 0) return err_from_errno(rc);
  return small_int(got);
}

Ref<> sig_pthread_kill(Value, Value* a) {
  int64_t ident;
  if (!to_int64(a[0], &ident)) return nullptr;
  int64_t signum;
  if (!to_int64(a[1], &signum)) return nullptr;
  int rc = pthread_kill(static_cast<pthread_t>(ident), static_cast<int>(signum));
  if (rc != 0) return err_from_errno(rc);
  ThreadState* ts = tstate();
  if (signals_pending_for(ts) && handle_eval_breaker(ts) < 0) return nullptr;
  return new_none();
}

const MethodDef kSignalFunctions[] = {
    {"set_wakeup_fd(fd, /, *, warn_on_full_buffer=True)", sig_set_wakeup_fd,
     "set_wakeup_fd(fd, *, warn_on_full_buffer=True) -> fd\n\nSets the fd to be written to (with the signal number) "
     "when a signal\ncomes in.  A library can use this to wakeup select or poll.\nThe previous fd or -1 is returned.\n\n"
     "The fd must be non-blocking."},
    {"siginterrupt(signalnum, flag, /)", sig_siginterrupt,
     "Change system call restart behaviour.\n\nIf flag is False, system calls will be restarted when interrupted "
     "by\nsignal sig, else system calls will be interrupted."},
    {"pause()", sig_pause, "Wait until a signal arrives."},
    {"pthread_sigmask(how, mask, /)", sig_pthread_sigmask, "Fetch and/or change the signal mask of the calling thread."},
    {"sigpending()", sig_sigpending,
     "Examine pending signals.\n\nReturns a set of signal numbers that are pending for delivery to\nthe calling "
     "thread."},
    {"sigwait(sigset, /)", sig_sigwait,
     "Wait for a signal.\n\nSuspend execution of the calling thread until the delivery of one of the\nsignals "
     "specified in the signal set sigset.  The function accepts the signal\nand returns the signal number."},
    {"pthread_kill(thread_id, signalnum, /)", sig_pthread_kill, "Send a signal to a thread."},
    {"signal(signalnum, handler, /)", sig_signal, "Set the action for the given signal."},
    {"getsignal(signalnum, /)", sig_getsignal, "Return the current action for the given signal."},
    {"raise_signal(signalnum, /)", sig_raise_signal, "Send a signal to the executing process."},
    {"strsignal(signalnum, /)", sig_strsignal, "Return the system description of the given signal."},
    {"alarm(seconds, /)", sig_alarm, "Arrange for SIGALRM to arrive after the given number of seconds."},
    {"setitimer(which, seconds, interval=0.0, /)", sig_setitimer,
     "Sets given itimer (one of ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF).\n\n"
     "The timer will fire after value seconds and after that every interval seconds.\n"
     "The itimer can be cleared by setting seconds to zero.\n\n"
     "Returns old values as a tuple: (delay, interval)."},
    {"getitimer(which, /)", sig_getitimer, "Returns current value of given itimer."},
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
  static std::once_flag itimer_once;
  std::call_once(itimer_once, itimer_error_init);
  if (!g_itimer_error) return err_set_str(g_RuntimeError, "cannot create signal.itimer_error");
  if (dict_set_item_str(d, "ItimerError", Value(g_itimer_error)) < 0) return nullptr;
  for (auto [name, value] : {std::pair{"ITIMER_REAL", ITIMER_REAL}, std::pair{"ITIMER_VIRTUAL", ITIMER_VIRTUAL},
                             std::pair{"ITIMER_PROF", ITIMER_PROF}}) {
    Ref<> v = small_int(value);
    if (dict_set_item_str(d, name, v.val()) < 0) return nullptr;
  }
  // After the table: SIGCLD is an alias, so the Signals enum names it SIGCHLD.
  for (auto [name, value] : {std::pair{"SIGRTMIN", SIGRTMIN}, std::pair{"SIGRTMAX", SIGRTMAX},
                             std::pair{"SIGCLD", SIGCHLD}, std::pair{"SIG_BLOCK", SIG_BLOCK},
                             std::pair{"SIG_UNBLOCK", SIG_UNBLOCK}, std::pair{"SIG_SETMASK", SIG_SETMASK}}) {
    Ref<> v = small_int(value);
    if (dict_set_item_str(d, name, v.val()) < 0) return nullptr;
  }
  Ref<> dfl = small_int(kSigDfl), ign = small_int(kSigIgn), nsig = small_int(NSIG);
  if (dict_set_item_str(d, "SIG_DFL", dfl.val()) < 0 || dict_set_item_str(d, "SIG_IGN", ign.val()) < 0 ||
      dict_set_item_str(d, "NSIG", nsig.val()) < 0)
    return nullptr;
  return m;
}

}  // namespace ftpy
