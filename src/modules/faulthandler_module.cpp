// The faulthandler module: enable() installs handlers for the fatal signals
// (SIGSEGV, SIGFPE, SIGABRT, SIGBUS, SIGILL) that write "Fatal Python
// error: <signal>" and the crashing thread's Python stack to a file
// descriptor, then let the signal kill the process as it would have;
// dump_traceback() writes the stacks of the current thread or of all threads.
// The output format is CPython's ("Current thread 0x... (most recent call
// first):", '  File "f", line N in name', at most 100 frames per thread).
//
// Thread safety: the handler state (enabled flag, descriptor) is atomic and
// changed only under g_fh_mu; the file object enable() was given is kept
// alive under that mutex. dump_traceback(all_threads=True) stops the world
// while it reads other threads' frames. The fatal handler reads only the
// crashing thread's own frames and writes with write(2), with the
// descriptor read from an atomic: it takes no lock and allocates nothing.
//
// dump_traceback_later() arms a watchdog: a plain C++ thread (not a Python
// thread) that waits on its own condition variable until the timeout or a
// cancel. When the timeout passes it registers itself as a thread (so it
// can stop the world), writes "Timeout (H:MM:SS)!" and every other
// thread's stack, unregisters, and then exits the process (exit=True),
// waits again (repeat=True) or ends. The armed watchdog is published under
// g_later_mu; cancelling joins it detached, so a watchdog that is stopping
// the world never waits for the thread that cancels it. An atexit callback
// cancels it before the interpreter shuts down.
// Left (docs/gaps.md): the fatal handler shows only the crashing thread,
// and register/unregister are not implemented.
#include "modules/faulthandler_module.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>

#include "compile/code.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "runtime/interp.h"
#include "runtime/stop_the_world.h"
#include "runtime/thread_state.h"
#include "vm/frame.h"
#include "vm/import.h"

namespace ftpy {

namespace {

struct FatalSignal {
  int signum;
  const char* name;
  struct sigaction previous;
};
FatalSignal g_fatal[] = {{SIGBUS, "Bus error", {}},
                         {SIGILL, "Illegal instruction", {}},
                         {SIGFPE, "Floating point exception", {}},
                         {SIGABRT, "Aborted", {}},
                         {SIGSEGV, "Segmentation fault", {}}};

std::mutex g_fh_mu;                   // enable/disable
std::atomic<bool> g_enabled{false};
std::atomic<int> g_fd{2};
std::atomic<bool> g_all_threads{true};
Ref<> g_file;                         // the file object enable() was given (kept open); under g_fh_mu
char g_altstack_mem[64 * 1024];       // the handler runs here when the stack overflowed

// --- async-signal-safe output ----------------------------------------------------

void put(int fd, const char* s, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, s, n);
    if (w <= 0) return;
    s += w;
    n -= static_cast<size_t>(w);
  }
}
void put(int fd, const char* s) { put(fd, s, std::strlen(s)); }

void put_decimal(int fd, uint64_t v) {
  char buf[24];
  int i = sizeof buf;
  do {
    buf[--i] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v);
  put(fd, buf + i, sizeof buf - static_cast<size_t>(i));
}

void put_hex(int fd, uint64_t v, int width) {
  char buf[16];
  for (int i = width - 1; i >= 0; i--) {
    buf[i] = "0123456789abcdef"[v & 15];
    v >>= 4;
  }
  put(fd, buf, static_cast<size_t>(width));
}

// A str as CPython's faulthandler writes it: ASCII as is, other code points
// escaped (\xNN, \uNNNN, \UNNNNNNNN), cut at 500 with "...".
void put_str(int fd, Value v) {
  if (v.is_null() || !is_str(v)) {
    put(fd, "???");
    return;
  }
  const Str* s = v.as<Str>();
  int64_t n = s->length < 500 ? s->length : 500;
  for (int64_t i = 0; i < n; i++) {
    uint32_t c = s->at(i);
    if (c < 128) {
      char ch = static_cast<char>(c);
      put(fd, &ch, 1);
    } else if (c < 0x100) {
      put(fd, "\\x");
      put_hex(fd, c, 2);
    } else if (c < 0x10000) {
      put(fd, "\\u");
      put_hex(fd, c, 4);
    } else {
      put(fd, "\\U");
      put_hex(fd, c, 8);
    }
  }
  if (s->length > 500) put(fd, "...");
}

void dump_frames(int fd, const ThreadState* ts) {
  int depth = 0;
  for (const Frame* f = ts->frame; f; f = f->previous) {
    if (depth++ >= 100) {
      put(fd, "  ...\n");
      break;
    }
    Code* co = f->code;
    put(fd, "  File \"");
    put_str(fd, co->filename);
    put(fd, "\", line ");
    int line = code_line_for(co, static_cast<uint32_t>(f->lasti < 0 ? 0 : f->lasti));
    if (line < 0) put(fd, "???");
    else put_decimal(fd, static_cast<uint64_t>(line));
    put(fd, " in ");
    put_str(fd, co->name);
    put(fd, "\n");
  }
}

void dump_thread(int fd, const ThreadState* ts, bool current) {
  put(fd, current ? "Current thread 0x" : "Thread 0x");
  put_hex(fd, ts->ident, 16);
  put(fd, " (most recent call first):\n");
  dump_frames(fd, ts);
}

// --- the fatal-signal handler ----------------------------------------------------

void uninstall_locked() {
  for (FatalSignal& s : g_fatal) ::sigaction(s.signum, &s.previous, nullptr);
}

void fatal_handler(int signum) {
  int fd = g_fd.load(std::memory_order_relaxed);
  const FatalSignal* sig = nullptr;
  for (const FatalSignal& s : g_fatal)
    if (s.signum == signum) sig = &s;
  // Restore the previous dispositions first: a second fault inside this
  // handler then ends the process instead of looping.
  if (g_enabled.exchange(false)) uninstall_locked();
  put(fd, "Fatal Python error: ");
  put(fd, sig ? sig->name : "unknown signal");
  put(fd, "\n\n");
  ThreadState* ts = tstate();
  if (ts) {
    if (g_all_threads.load(std::memory_order_relaxed)) {
      dump_thread(fd, ts, true);
    } else {
      put(fd, "Stack (most recent call first):\n");
      dump_frames(fd, ts);
    }
  } else {
    put(fd, "<no Python frame>\n");
  }
  // Let the signal do what it would have done without us (the default
  // action, or the previous handler): it is re-raised on return, since the
  // faulting instruction runs again (SIGSEGV, SIGBUS, SIGILL, SIGFPE), or
  // raised here for a signal sent by kill/abort.
  ::raise(signum);
}

// The descriptor of `file`: an int, or an object with fileno() (flushed
// first, as CPython does); None means sys.stderr.
bool file_fd(Value file, int* fd, Ref<>* keep) {
  Ref<> f = Ref<>::borrow(file);
  if (file.is_null() || is_none(file)) {
    f = getattr_opt(Value(g_interp.sys_mod), Value(str_intern("stderr")));
    if (!f || is_none(f.val())) {
      if (!err_occurred()) err_set_str(g_RuntimeError, "sys.stderr is None");
      return false;
    }
  }
  if (is_int(f.val())) {
    int64_t x;
    if (!to_int64(f.val(), &x)) return false;
    if (x < 0) {
      err_set_str(g_ValueError, "file is not a valid file descripter");  // sic: CPython 3.11's spelling
      return false;
    }
    *fd = static_cast<int>(x);
    return true;
  }
  Ref<> fileno = call_method(f.val(), "fileno", nullptr, 0);
  if (!fileno) return false;
  int64_t x;
  if (!is_int(fileno.val()) || !to_int64(fileno.val(), &x) || x < 0) {
    err_clear();
    err_set_str(g_RuntimeError, "file.fileno() is not a valid file descriptor");
    return false;
  }
  Ref<> flushed = call_method(f.val(), "flush", nullptr, 0);
  if (!flushed) err_clear();  // CPython ignores a failing flush
  *fd = static_cast<int>(x);
  *keep = std::move(f);
  return true;
}

Ref<> fh_enable(Value, Value* args) {
  int fd;
  Ref<> keep;
  if (!file_fd(args[0], &fd, &keep)) return nullptr;
  int all = truthy(args[1]);
  if (all < 0) return nullptr;
  Ref<> old;
  {
    std::lock_guard<std::mutex> g(g_fh_mu);
    g_fd.store(fd, std::memory_order_relaxed);
    g_all_threads.store(all != 0, std::memory_order_relaxed);
    old = std::move(g_file);
    g_file = std::move(keep);
    if (!g_enabled.load()) {
      // An alternate stack, so that a stack overflow can still be reported.
      stack_t ss{};
      ss.ss_sp = g_altstack_mem;
      ss.ss_size = sizeof g_altstack_mem;
      ::sigaltstack(&ss, nullptr);
      for (FatalSignal& s : g_fatal) {
        struct sigaction sa{};
        sa.sa_handler = fatal_handler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_NODEFER | SA_ONSTACK;
        ::sigaction(s.signum, &sa, &s.previous);
      }
      g_enabled.store(true);
    }
  }
  return new_none();
}

Ref<> fh_disable(Value, Value*) {
  Ref<> old;
  {
    std::lock_guard<std::mutex> g(g_fh_mu);
    if (g_enabled.exchange(false)) uninstall_locked();
    old = std::move(g_file);
  }
  return new_none();
}

Ref<> fh_is_enabled(Value, Value*) { return new_bool(g_enabled.load()); }

Ref<> fh_dump_traceback(Value, Value* args) {
  int fd;
  Ref<> keep;
  if (!file_fd(args[0], &fd, &keep)) return nullptr;
  int all = truthy(args[1]);
  if (all < 0) return nullptr;
  ThreadState* me = tstate();
  if (!all) {
    put(fd, "Stack (most recent call first):\n");
    dump_frames(fd, me);
    return new_none();
  }
  // Other threads' frames are read with the world stopped (each is at a
  // safepoint or detached, its frame chain stable); newest thread first,
  // as CPython lists them.
  StopTheWorld stw;
  std::vector<const ThreadState*> threads;
  {
    std::lock_guard<std::mutex> lk(runtime_mutex());
    thread_for_each_locked([&](ThreadState* t) { threads.push_back(t); });
  }
  bool first = true;
  for (const ThreadState* t : threads) {  // the registry lists the newest first
    if (!first) put(fd, "\n");
    first = false;
    dump_thread(fd, t, t == me);
  }
  return new_none();
}

// --- dump_traceback_later: the watchdog thread ----------------------------------------

struct Watchdog {
  std::mutex mu;
  std::condition_variable cv;
  bool cancel = false;  // under mu
  std::chrono::microseconds timeout{0};
  bool repeat = false;
  bool exit = false;
  int fd = 2;
  std::string header;  // "Timeout (0:00:01)!\n"
  Ref<> file;          // keeps the file object open; released by the canceller
  std::thread thread;
  pid_t owner_pid = 0;  // the process whose thread `thread` is (a fork child has none)
};

std::mutex g_later_mu;
Watchdog* g_watchdog = nullptr;  // the armed one; under g_later_mu
bool g_atexit_registered = false;  // under g_later_mu

// Every Python thread's stack but the watchdog's own, with the world stopped.
void watchdog_dump(Watchdog* w) {
  put(w->fd, w->header.data(), w->header.size());
  ThreadState* me = thread_attach_new(false);
  {
    StopTheWorld stw;
    std::vector<const ThreadState*> threads;
    {
      std::lock_guard<std::mutex> lk(runtime_mutex());
      thread_for_each_locked([&](ThreadState* t) {
        if (t != me) threads.push_back(t);
      });
    }
    bool first = true;
    for (const ThreadState* t : threads) {
      if (!first) put(w->fd, "\n");
      first = false;
      dump_thread(w->fd, t, false);
    }
  }
  thread_detach_delete(me);
}

void watchdog_main(Watchdog* w) {
  std::unique_lock<std::mutex> lk(w->mu);
  for (;;) {
    if (w->cv.wait_for(lk, w->timeout, [w] { return w->cancel; })) return;
    lk.unlock();
    watchdog_dump(w);
    if (w->exit) ::_exit(1);
    if (!w->repeat) return;
    lk.lock();
  }
}

// Disarm and join the armed watchdog, if any (detached: see the top).
void watchdog_cancel() {
  Watchdog* w;
  {
    std::lock_guard<std::mutex> g(g_later_mu);
    w = g_watchdog;
    g_watchdog = nullptr;
  }
  if (!w) return;
  if (w->owner_pid != ::getpid()) {
    // Armed before a fork(): the watchdog thread did not survive into this
    // child, and joining its copied handle would wait forever. Leak it.
    return;
  }
  {
    std::lock_guard<std::mutex> g(w->mu);
    w->cancel = true;
  }
  w->cv.notify_all();
  {
    DetachedScope detached;
    w->thread.join();
  }
  delete w;
}

Ref<> fh_cancel_later(Value, Value*) {
  watchdog_cancel();
  return new_none();
}

const MethodDef kCancelLaterDef = {"cancel_dump_traceback_later()", fh_cancel_later,
                                   "Cancel the previous call to dump_traceback_later()."};

// "Timeout (H:MM:SS[.ffffff])!\n" as CPython writes it.
std::string timeout_header(int64_t us) {
  int64_t sec = us / 1000000, frac = us % 1000000;
  char buf[96];
  if (frac)
    std::snprintf(buf, sizeof buf, "Timeout (%lld:%02lld:%02lld.%06lld)!\n", static_cast<long long>(sec / 3600),
                  static_cast<long long>(sec / 60 % 60), static_cast<long long>(sec % 60),
                  static_cast<long long>(frac));
  else
    std::snprintf(buf, sizeof buf, "Timeout (%lld:%02lld:%02lld)!\n", static_cast<long long>(sec / 3600),
                  static_cast<long long>(sec / 60 % 60), static_cast<long long>(sec % 60));
  return buf;
}

// dump_traceback_later(timeout, repeat=False, file=sys.stderr, exit=False)
Ref<> fh_dump_later(Value module, Value* args) {
  double secs;
  if (is_float(args[0])) {
    secs = float_value(args[0]);
    if (std::isnan(secs)) return err_set_str(g_ValueError, "Invalid value NaN (not a number)");
  } else {
    int64_t i;
    if (!to_int64(args[0], &i)) return nullptr;
    secs = static_cast<double>(i);
  }
  double us_d = std::ceil(secs * 1e6);
  if (us_d > 9.2e15) return err_set_str(g_OverflowError, "timestamp out of range for platform time_t");
  int64_t us = static_cast<int64_t>(us_d);
  if (us <= 0) return err_set_str(g_ValueError, "timeout must be greater than 0");
  int repeat = truthy(args[1]), exit_flag = truthy(args[3]);
  if (repeat < 0 || exit_flag < 0) return nullptr;
  int fd;
  Ref<> keep;
  if (!file_fd(args[2], &fd, &keep)) return nullptr;
  bool need_atexit;
  {
    std::lock_guard<std::mutex> g(g_later_mu);
    need_atexit = !g_atexit_registered;
    g_atexit_registered = true;
  }
  if (need_atexit) {
    // Cancel before the interpreter shuts down, as CPython's finalization does.
    Ref<> atexit = import_module("atexit");
    Ref<Str> modname = str_from_ascii("faulthandler");
    Ref<> fn = atexit && modname ? native_function_new(&kCancelLaterDef, module, modname.val()) : Ref<>();
    Value a[1] = {fn.val()};
    Ref<> r = fn ? call_method(atexit.val(), "register", a, 1) : Ref<>();
    if (!r) return nullptr;
  }
  watchdog_cancel();
  auto* w = new Watchdog();
  w->timeout = std::chrono::microseconds(us);
  w->repeat = repeat != 0;
  w->exit = exit_flag != 0;
  w->fd = fd;
  w->header = timeout_header(us);
  w->file = std::move(keep);
  w->owner_pid = ::getpid();
  w->thread = std::thread(watchdog_main, w);
  Watchdog* old;
  {
    std::lock_guard<std::mutex> g(g_later_mu);
    old = g_watchdog;
    g_watchdog = w;
  }
  if (old && old->owner_pid == ::getpid()) {  // another thread armed one meanwhile: it is replaced
    {
      std::lock_guard<std::mutex> g(old->mu);
      old->cancel = true;
    }
    old->cv.notify_all();
    DetachedScope detached;
    old->thread.join();
    delete old;
  }
  return new_none();
}

const MethodDef kFaulthandlerFunctions[] = {
    {"enable(file=None, all_threads=True)", fh_enable,
     "Write the Python stack to file (default sys.stderr) when the process gets a fatal signal."},
    {"disable()", fh_disable, "Stop handling fatal signals."},
    {"is_enabled()", fh_is_enabled, "Whether the fatal-signal handlers are installed."},
    {"dump_traceback(file=None, all_threads=True)", fh_dump_traceback,
     "Write the Python stack of the current thread (or of every thread) to file."},
    {"dump_traceback_later(timeout, repeat=False, file=None, exit=False)", fh_dump_later,
     "Dump the traceback of all threads in timeout seconds,\n"
     "or each timeout seconds if repeat is True. If exit is True, call _exit(1) which is not safe."},
    {"cancel_dump_traceback_later()", fh_cancel_later, "Cancel the previous call to dump_traceback_later()."},
    {nullptr}};

}  // namespace

Ref<> faulthandler_module_create() {
  Ref<> m = module_new("faulthandler");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kFaulthandlerFunctions) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
