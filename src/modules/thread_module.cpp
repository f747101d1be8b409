// The `_thread` module: start_new_thread / start_joinable_thread, lock,
// RLock, _local, _ThreadHandle and the non-daemon registry behind _shutdown().
//
// Thread safety:
//   - lock and RLock are one-byte runtime Mutexes (parking_lot.h); a blocking
//     acquire parks detached, so a stop-the-world never waits for it and the
//     caller's critical sections are released meanwhile (DESIGN.md §4.4).
//     RLock's owner/count are written only by the owner while it holds the
//     mutex and read by others with relaxed atomics (only "is it me?").
//   - _local: each thread finds its dict of a local in a table of its own,
//     with no lock and no shared write (thread_local_slots.h has the
//     protocol); a global mutex guards only first touches, a local's death
//     and a thread's exit. __init__ never runs under it.
//   - a thread handle's "done" flag is a byte the joiner parks on.
#include "modules/thread_module.h"

#include <pthread.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <memory>
#include <vector>

#include "modules/thread_local_slots.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/weakref.h"
#include "objects/type_internal.h"
#include "runtime/heap.h"
#include "runtime/interp.h"
#include "runtime/parking_lot.h"
#include "runtime/thread_state.h"
#include "vm/safepoint.h"
#include "vm/traceback.h"

namespace ftpy {

namespace {

constexpr double kTimeoutMax = 9223372036.0;  // CPython's TIMEOUT_MAX on Linux
std::atomic<int64_t> g_thread_count{0};        // threads started by this module, alive
std::atomic<size_t> g_stack_size{0};
uint64_t g_main_ident = 0;

uint64_t current_ident() { return static_cast<uint64_t>(::pthread_self()); }

// Parse acquire(blocking, timeout) into a timeout in ns: <0 forever, 0 try.
bool parse_acquire_args(Value blocking_v, Value timeout_v, int64_t* out) {
  int blocking = truthy(blocking_v);
  if (blocking < 0) return false;
  double timeout;
  if (!to_double(timeout_v, &timeout)) return false;
  if (!blocking && timeout != -1) {
    err_set_str(g_ValueError, "can't specify a timeout for a non-blocking call");
    return false;
  }
  if (timeout < 0 && timeout != -1) {
    // 3.14 wording (3.11 said "timeout value must be positive").
    err_set_str(g_ValueError, "timeout value must be a non-negative number");
    return false;
  }
  if (!blocking) {
    *out = 0;
  } else if (timeout == -1) {
    *out = -1;
  } else {
    if (timeout > kTimeoutMax) {
      err_set_str(g_OverflowError, "timeout value is too large");
      return false;
    }
    *out = static_cast<int64_t>(timeout * 1e9);
    if (*out == 0 && timeout > 0) *out = 1;
  }
  return true;
}

// Acquire `m` honouring the timeout, parked detached. A pending Ctrl-C in the
// main thread interrupts a long wait (CPython's lock acquire is interruptible):
// we wait in slices and run the safepoint between them.
bool acquire_mutex(Mutex& m, int64_t timeout_ns, bool* interrupted) {
  *interrupted = false;
  if (m.try_lock()) return true;
  if (timeout_ns == 0) return false;
  ThreadState* ts = tstate();
  int64_t deadline = timeout_ns > 0 ? monotonic_ns() + timeout_ns : -1;
  constexpr int64_t kSlice = 50'000'000;  // 50 ms
  for (;;) {
    // The main thread waits in slices (to see Ctrl-C); others wait for all
    // that is left. `left` is computed once: a second clock read could be
    // past the deadline, and a negative timeout means "forever".
    int64_t left = -1;
    if (deadline >= 0) {
      left = deadline - monotonic_ns();
      if (left <= 0) return false;
    }
    int64_t wait_ns = ts && ts->is_main ? (left < 0 ? kSlice : std::min(kSlice, left)) : left;
    if (m.lock_timed(wait_ns, true)) return true;
    if (ts && ts->eval_breaker.load(std::memory_order_relaxed) & kBreakSignals) {
      if (handle_eval_breaker(ts) < 0) {
        *interrupted = true;
        return false;
      }
    }
    if (deadline >= 0 && monotonic_ns() >= deadline) return false;
  }
}

std::string addr_str(Value self) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(self.obj()));
  return buf;
}

// --- lock -------------------------------------------------------------------------------------

struct Lock : Object {
  Mutex mu;
};
Type g_lock_type;

void lock_dealloc(Object* o) { free_object(o); }

Ref<> lock_new_instance() {
  Lock* l = alloc_object<Lock>(&g_lock_type);
  if (!l) return nullptr;
  new (&l->mu) Mutex();
  return Ref<>::steal(Value(l));
}

Ref<> lock_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  if (nargs || (!kwnames.is_null() && length(kwnames) > 0))
    return err_set_str(g_TypeError, "lock() takes no arguments");
  return lock_new_instance();
}

Ref<> lock_acquire(Value self, Value* a) {
  int64_t timeout;
  if (!parse_acquire_args(a[0], a[1], &timeout)) return nullptr;
  bool interrupted;
  bool ok = acquire_mutex(self.as<Lock>()->mu, timeout, &interrupted);
  if (interrupted) return nullptr;
  return new_bool(ok);
}
Ref<> lock_enter(Value self, Value*) {
  bool interrupted;
  acquire_mutex(self.as<Lock>()->mu, -1, &interrupted);
  if (interrupted) return nullptr;
  return new_bool(true);
}
Ref<> lock_release(Value self, Value*) {
  Lock* l = self.as<Lock>();
  // A lock may be released by any thread; releasing an unlocked one is an
  // error. try_lock-then-unlock would race, so test and unlock atomically
  // enough: only a holder (of any thread) may call unlock on a locked mutex.
  if (!l->mu.is_locked()) return err_set_str(g_RuntimeError, "release unlocked lock");
  l->mu.unlock();
  return new_none();
}
Ref<> lock_exit(Value self, Value* a) { return lock_release(self, a); }
Ref<> lock_locked(Value self, Value*) { return new_bool(self.as<Lock>()->mu.is_locked()); }
Ref<> lock_at_fork_reinit(Value self, Value*) {
  self.as<Lock>()->mu.reinit();
  return new_none();
}
Ref<> lock_repr(Value self) {
  std::string s = std::string("<") + (self.as<Lock>()->mu.is_locked() ? "locked" : "unlocked") + " " +
                  type_of(self)->name + " object at " + addr_str(self) + ">";
  return str_from_utf8(s);
}

const MethodDef kLockMethods[] = {
    {"acquire($self, /, blocking=True, timeout=-1)", lock_acquire,
     "Lock the lock. Without argument, this blocks if the lock is already locked, until it is released."},
    {"acquire_lock($self, /, blocking=True, timeout=-1)", lock_acquire, "An obsolete synonym of acquire()."},
    {"__enter__($self, /)", lock_enter, "Lock the lock."},
    {"release($self, /)", lock_release, "Release the lock, allowing another thread that is blocked waiting for the lock to acquire the lock."},
    {"release_lock($self, /)", lock_release, "An obsolete synonym of release()."},
    {"__exit__($self, /, *args)", lock_exit, "Release the lock.", kMethIgnoresVarArgs},
    {"locked($self, /)", lock_locked, "Test whether the lock is currently locked."},
    {"locked_lock($self, /)", lock_locked, "An obsolete synonym of locked()."},
    {"_at_fork_reinit($self, /)", lock_at_fork_reinit, nullptr},
    {nullptr}};

// --- RLock ------------------------------------------------------------------------------------

struct RLock : Object {
  Mutex mu;
  std::atomic<uint64_t> owner;  // ident of the owner, 0 = none
  std::atomic<uint64_t> count;  // written by the owner only
};
Type g_rlock_type;

void rlock_dealloc(Object* o) {
  Type* t = o->ob_type;
  (void)t;
  free_object(o);
}

Ref<> rlock_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  Ref<> o = object_alloc_instance(t);
  if (!o) return nullptr;
  RLock* r = static_cast<RLock*>(o.val().obj());
  new (&r->mu) Mutex();
  r->owner.store(0);
  r->count.store(0);
  return o;
}

bool rlock_is_mine(RLock* r) {
  return r->count.load(std::memory_order_relaxed) > 0 && r->owner.load(std::memory_order_relaxed) == current_ident();
}

Ref<> rlock_acquire(Value self, Value* a) {
  RLock* r = self.as<RLock>();
  int64_t timeout;
  if (!parse_acquire_args(a[0], a[1], &timeout)) return nullptr;
  if (rlock_is_mine(r)) {
    uint64_t c = r->count.load(std::memory_order_relaxed);
    if (c == UINT64_MAX) return err_set_str(g_OverflowError, "Internal lock count overflowed");
    r->count.store(c + 1, std::memory_order_relaxed);
    return new_bool(true);
  }
  bool interrupted;
  bool ok = acquire_mutex(r->mu, timeout, &interrupted);
  if (interrupted) return nullptr;
  if (ok) {
    r->owner.store(current_ident(), std::memory_order_relaxed);
    r->count.store(1, std::memory_order_relaxed);
  }
  return new_bool(ok);
}
Ref<> rlock_enter(Value self, Value*) {
  Value a[2] = {bool_value(true), Value::small(-1)};
  return rlock_acquire(self, a);
}
Ref<> rlock_release(Value self, Value*) {
  RLock* r = self.as<RLock>();
  if (!rlock_is_mine(r)) return err_set_str(g_RuntimeError, "cannot release un-acquired lock");
  uint64_t c = r->count.load(std::memory_order_relaxed) - 1;
  r->count.store(c, std::memory_order_relaxed);
  if (c == 0) {
    r->owner.store(0, std::memory_order_relaxed);
    r->mu.unlock();
  }
  return new_none();
}
Ref<> rlock_exit(Value self, Value* a) { return rlock_release(self, a); }
Ref<> rlock_is_owned(Value self, Value*) { return new_bool(rlock_is_mine(self.as<RLock>())); }
Ref<> rlock_recursion_count(Value self, Value*) {
  RLock* r = self.as<RLock>();
  return int_from_uint64(rlock_is_mine(r) ? r->count.load(std::memory_order_relaxed) : 0);
}
Ref<> rlock_locked(Value self, Value*) { return new_bool(self.as<RLock>()->mu.is_locked()); }
// For threading.Condition: release completely, returning the state to restore.
Ref<> rlock_release_save(Value self, Value*) {
  RLock* r = self.as<RLock>();
  if (r->count.load(std::memory_order_relaxed) == 0)
    return err_set_str(g_RuntimeError, "cannot release un-acquired lock");
  uint64_t c = r->count.load(std::memory_order_relaxed);
  uint64_t owner = r->owner.load(std::memory_order_relaxed);
  r->count.store(0, std::memory_order_relaxed);
  r->owner.store(0, std::memory_order_relaxed);
  r->mu.unlock();
  Ref<> cv = int_from_uint64(c), ov = int_from_uint64(owner);
  if (!cv || !ov) return nullptr;
  return tuple_pack({cv.val(), ov.val()});
}
Ref<> rlock_acquire_restore(Value self, Value* a) {
  RLock* r = self.as<RLock>();
  Value state = a[0];
  if (!is_tuple(state) || length(state) != 2) return err_set_str(g_TypeError, "_acquire_restore() argument must be a 2-tuple");
  Ref<> cv = getitem(state, Value::small(0)), ov = getitem(state, Value::small(1));
  if (!cv || !ov) return nullptr;
  int64_t c, owner;
  if (!to_int64(cv.val(), &c)) return nullptr;
  if (!to_int64(ov.val(), &owner)) {
    // idents can exceed int64: take the unsigned value through the low bits
    err_clear();
    Ref<> masked = binary_op(ov.val(), Value::small(0x7fffffffffffffffLL), kOpAnd);
    if (!masked || !to_int64(masked.val(), &owner)) return nullptr;
    owner |= INT64_MIN;
  }
  bool interrupted;
  acquire_mutex(r->mu, -1, &interrupted);
  if (interrupted) return nullptr;
  r->owner.store(static_cast<uint64_t>(owner), std::memory_order_relaxed);
  r->count.store(static_cast<uint64_t>(c), std::memory_order_relaxed);
  return new_none();
}
Ref<> rlock_at_fork_reinit(Value self, Value*) {
  RLock* r = self.as<RLock>();
  r->mu.reinit();
  r->owner.store(0);
  r->count.store(0);
  return new_none();
}
Ref<> rlock_repr(Value self) {
  RLock* r = self.as<RLock>();
  bool locked = r->mu.is_locked();
  char buf[160];
  std::snprintf(buf, sizeof buf, "<%s %s object owner=%llu count=%llu at %s>", locked ? "locked" : "unlocked",
                type_of(self)->flags & kTypeHeapType ? type_name(type_of(self)) : type_of(self)->name,
                static_cast<unsigned long long>(locked ? r->owner.load() : 0),
                static_cast<unsigned long long>(locked ? r->count.load() : 0), addr_str(self).c_str());
  return str_from_utf8(buf);
}

const MethodDef kRLockMethods[] = {
    {"acquire($self, /, blocking=True, timeout=-1)", rlock_acquire, "Lock the lock."},
    {"__enter__($self, /)", rlock_enter, "Lock the lock."},
    {"release($self, /)", rlock_release, "Release the lock."},
    {"__exit__($self, /, *args)", rlock_exit, "Release the lock.", kMethIgnoresVarArgs},
    {"locked($self, /)", rlock_locked, "Test whether the lock is currently locked."},
    {"_is_owned($self, /)", rlock_is_owned, "For internal use by `threading.Condition`."},
    {"_recursion_count($self, /)", rlock_recursion_count, "For internal use by reentrancy checks."},
    {"_release_save($self, /)", rlock_release_save, "For internal use by `threading.Condition`."},
    {"_acquire_restore($self, state, /)", rlock_acquire_restore, "For internal use by `threading.Condition`."},
    {"_at_fork_reinit($self, /)", rlock_at_fork_reinit, nullptr},
    {nullptr}};

// --- thread handles and the non-daemon registry --------------------------------------------------

struct HandleState {
  std::atomic<uint64_t> ident{0};
  std::atomic<uint8_t> done{0};  // 1 once the thread finished (or _set_done)
  void set_done() {
    done.store(1, std::memory_order_release);
    parking_lot_unpark_all(&done);
  }
  // Wait until done; timeout_ns < 0 forever. Parks detached. The main thread
  // waits in slices and runs pending signal handlers between them: -1 when a
  // handler raised (KeyboardInterrupt), else 1 done / 0 timed out.
  int wait(int64_t timeout_ns) {
    ThreadState* ts = tstate();
    bool main_thread = ts && ts->is_main;
    constexpr int64_t kSlice = 50'000'000;  // 50 ms
    int64_t deadline = timeout_ns >= 0 ? monotonic_ns() + timeout_ns : -1;
    while (!done.load(std::memory_order_acquire)) {
      if (signals_pending_for(ts) && handle_eval_breaker(ts) < 0) return -1;
      int64_t left = -1;
      if (deadline >= 0) {
        left = deadline - monotonic_ns();
        if (left <= 0) return 0;
      }
      if (main_thread && (left < 0 || left > kSlice)) left = kSlice;
      uint8_t expected = 0;
      parking_lot_park(&done, &expected, 1, left, nullptr, true);
    }
    return 1;
  }
};

struct ThreadHandle : Object {
  std::shared_ptr<HandleState>* state;  // heap-allocated shared_ptr (the object memory is raw)
};
Type g_handle_type;

Mutex g_nondaemon_mu;
std::vector<std::shared_ptr<HandleState>>* g_nondaemon = new std::vector<std::shared_ptr<HandleState>>();

void handle_dealloc(Object* o) {
  delete static_cast<ThreadHandle*>(o)->state;
  free_object(o);
}

Ref<> handle_new(std::shared_ptr<HandleState> st) {
  ThreadHandle* h = alloc_object<ThreadHandle>(&g_handle_type);
  if (!h) return nullptr;
  h->state = new std::shared_ptr<HandleState>(std::move(st));
  return Ref<>::steal(Value(h));
}
HandleState* handle_state(Value self) { return self.as<ThreadHandle>()->state->get(); }

Ref<> handle_ident(Value self) { return int_from_uint64(handle_state(self)->ident.load()); }
Ref<> handle_join(Value self, Value* a) {
  HandleState* st = handle_state(self);
  int64_t timeout_ns = -1;
  if (!a[0].is_null() && !is_none(a[0])) {
    double t;
    if (!to_double(a[0], &t)) return nullptr;
    timeout_ns = t <= 0 ? 0 : static_cast<int64_t>(std::min(t, kTimeoutMax) * 1e9);
  }
  if (!st->done.load(std::memory_order_acquire) && st->ident.load() == current_ident())
    return err_set_str(g_RuntimeError, "Cannot join current thread");
  if (st->wait(timeout_ns) < 0) return nullptr;
  return new_none();
}
Ref<> handle_is_done(Value self, Value*) { return new_bool(handle_state(self)->done.load(std::memory_order_acquire)); }
Ref<> handle_set_done(Value self, Value*) {
  handle_state(self)->set_done();
  return new_none();
}
Ref<> handle_repr(Value self) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "<_thread._ThreadHandle object: ident=%llu>",
                static_cast<unsigned long long>(handle_state(self)->ident.load()));
  return str_from_utf8(buf);
}

const MethodDef kHandleMethods[] = {
    {"join($self, /, timeout=None)", handle_join, "Wait for the thread to finish."},
    {"is_done($self, /)", handle_is_done, nullptr},
    {"_set_done($self, /)", handle_set_done, nullptr},
    {nullptr}};
const GetSetDef kHandleGetSets[] = {{"ident", handle_ident, nullptr, nullptr}, {nullptr}};

// --- starting threads -------------------------------------------------------------------------

struct Boot {
  Value func, args, kwargs;  // owned (references taken by the parent)
  std::shared_ptr<HandleState> handle;
  bool daemon;
};

void report_thread_exception(Value func) {
  if (err_matches(g_SystemExit)) {
    err_clear();
    return;
  }
  flush_std_streams();
  err_write_unraisable("Exception ignored in thread started by", func);
}

void* thread_main(void* arg) {
  std::unique_ptr<Boot> boot(static_cast<Boot*>(arg));
  ThreadState* ts = thread_attach_new(false);
  if (boot->handle) boot->handle->ident.store(ts->ident, std::memory_order_release);
  {
    Ref<> f = Ref<>::steal(boot->func), args = Ref<>::steal(boot->args), kw = Ref<>::steal(boot->kwargs);
    Ref<> r = call_tuple_dict(f.val(), args.val(), kw.val());
    if (!r) report_thread_exception(f.val());
  }
  thread_locals_thread_exited(ts->index);
  thread_detach_delete(ts);
  g_thread_count.fetch_sub(1, std::memory_order_relaxed);
  if (boot->handle) {
    if (!boot->daemon) {
      g_nondaemon_mu.lock();
      auto& v = *g_nondaemon;
      v.erase(std::remove(v.begin(), v.end(), boot->handle), v.end());
      g_nondaemon_mu.unlock();
    }
    boot->handle->set_done();
  }
  return nullptr;
}

// Returns the new thread's ident, or 0 with an exception set.
uint64_t spawn(Value func, Value args, Value kwargs, std::shared_ptr<HandleState> handle, bool daemon) {
  auto* boot = new Boot{Ref<>::borrow(func).release(), Ref<>::borrow(args).release(),
                        kwargs.is_null() ? Value() : Ref<>::borrow(kwargs).release(), handle, daemon};
  if (handle && !daemon) {
    g_nondaemon_mu.lock();
    g_nondaemon->push_back(handle);
    g_nondaemon_mu.unlock();
  }
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  size_t ss = g_stack_size.load();
  pthread_attr_setstacksize(&attr, ss ? ss : 8 << 20);
  pthread_t tid;
  g_thread_count.fetch_add(1, std::memory_order_relaxed);
  int rc = pthread_create(&tid, &attr, thread_main, boot);
  pthread_attr_destroy(&attr);
  if (rc != 0) {
    g_thread_count.fetch_sub(1, std::memory_order_relaxed);
    if (handle && !daemon) {
      g_nondaemon_mu.lock();
      auto& v = *g_nondaemon;
      v.erase(std::remove(v.begin(), v.end(), handle), v.end());
      g_nondaemon_mu.unlock();
    }
    decref(boot->func);
    decref(boot->args);
    decref(boot->kwargs);
    delete boot;
    err_set_str(g_RuntimeError, "can't start new thread");
    return 0;
  }
  uint64_t ident = static_cast<uint64_t>(tid);
  if (handle) handle->ident.store(ident, std::memory_order_release);
  return ident;
}

Ref<> mod_start_new_thread(Value, Value* a) {
  Value func = a[0], args = a[1], kwargs = a[2];
  if (!callable(func)) return err_set_str(g_TypeError, "first arg must be callable");
  if (!is_tuple(args)) return err_set_str(g_TypeError, "2nd arg must be a tuple");
  if (!kwargs.is_null() && !is_dict(kwargs)) return err_set_str(g_TypeError, "optional 3rd arg must be a dictionary");
  uint64_t ident = spawn(func, args, kwargs, nullptr, true);
  if (!ident) return nullptr;
  return int_from_uint64(ident);
}

// 3.13's API used by threading.Thread.start(): returns a _ThreadHandle.
Ref<> mod_start_joinable_thread(Value, Value* a) {
  Value func = a[0], handle = a[1];
  int daemon = truthy(a[2]);
  if (daemon < 0) return nullptr;
  if (!callable(func)) return err_set_str(g_TypeError, "thread function must be callable");
  Ref<> h;
  if (handle.is_null() || is_none(handle)) {
    h = handle_new(std::make_shared<HandleState>());
    if (!h) return nullptr;
  } else {
    if (type_of(handle) != &g_handle_type) return err_set_str(g_TypeError, "'handle' must be a _ThreadHandle");
    h = Ref<>::borrow(handle);
  }
  Ref<> empty = empty_tuple();
  if (!spawn(func, empty.val(), Value(), *h.val().as<ThreadHandle>()->state, daemon)) return nullptr;
  return h;
}

Ref<> mod_shutdown(Value, Value*) {
  // Join every non-daemon thread started with start_joinable_thread; threads
  // they start meanwhile are joined too.
  for (;;) {
    std::shared_ptr<HandleState> next;
    g_nondaemon_mu.lock();
    for (auto& h : *g_nondaemon)
      if (h->ident.load() != current_ident()) {
        next = h;
        break;
      }
    g_nondaemon_mu.unlock();
    if (!next) return new_none();
    if (next->wait(-1) < 0) return nullptr;
    g_nondaemon_mu.lock();
    auto& v = *g_nondaemon;
    v.erase(std::remove(v.begin(), v.end(), next), v.end());
    g_nondaemon_mu.unlock();
  }
}

Ref<> mod_make_thread_handle(Value, Value* a) {
  int64_t ident;
  auto st = std::make_shared<HandleState>();
  if (to_int64(a[0], &ident)) st->ident.store(static_cast<uint64_t>(ident));
  else err_clear();
  return handle_new(st);
}

Ref<> mod_allocate_lock(Value, Value*) { return lock_new_instance(); }
Ref<> mod_get_ident(Value, Value*) { return int_from_uint64(current_ident()); }
Ref<> mod_get_native_id(Value, Value*) {
  ThreadState* ts = tstate();
  return int_from_uint64(ts ? ts->native_id : 0);
}
Ref<> mod_count(Value, Value*) { return int_from_int64(g_thread_count.load()); }
Ref<> mod_get_main_thread_ident(Value, Value*) { return int_from_uint64(g_main_ident); }
Ref<> mod_is_main_interpreter(Value, Value*) { return new_bool(true); }
Ref<> mod_daemon_threads_allowed(Value, Value*) { return new_bool(true); }
Ref<> mod_exit(Value, Value*) { return err_set_object(g_SystemExit, Value()); }
Ref<> mod_interrupt_main(Value, Value* a) {
  int64_t sig = SIGINT;
  if (!a[0].is_null() && !to_int64(a[0], &sig)) return nullptr;
  if (sig < 1 || sig >= NSIG) return err_set_str(g_ValueError, "signal number out of range");
  // Whatever the signal, its Python handler runs in the main thread; with
  // SIG_DFL or SIG_IGN nothing happens (CPython 3.10+).
  signal_note_pending(static_cast<int>(sig));
  return new_none();
}
Ref<> mod_stack_size(Value, Value* a) {
  size_t old = g_stack_size.load();
  if (!a[0].is_null()) {
    int64_t n;
    if (!to_int64(a[0], &n)) return nullptr;
    if (n != 0 && n < 32768) return err_format(g_ValueError, "size not valid: %lld bytes", static_cast<long long>(n));
    if (n < 0) return err_format(g_ValueError, "size must be 0 or a positive value");
    g_stack_size.store(static_cast<size_t>(n));
  }
  return int_from_uint64(old);
}

// _thread._excepthook(args): the default threading.excepthook.
Ref<> mod_excepthook(Value, Value* a) {
  Value args = a[0];
  Ref<> exc_type = getattr(args, "exc_type");
  if (!exc_type) return nullptr;
  if (exc_type.val() == Value(g_SystemExit)) return new_none();
  Ref<> exc_value = getattr(args, "exc_value");
  Ref<> thread = getattr(args, "thread");
  if (!exc_value || !thread) return nullptr;
  Ref<> name;
  if (!is_none(thread.val())) {
    name = getattr_opt(thread.val(), Value(str_intern("name")));
    if (!name) err_clear();
  }
  if (!name) name = int_from_uint64(current_ident());
  Ref<> name_s = str(name.val());
  if (!name_s) return nullptr;
  std::string text = "Exception in thread " + std::string(str_view(name_s.val())) + ":\n";
  if (!is_none(exc_value.val())) text += format_exception(exc_value.val());
  Ref<> err_stream;
  if (dict_get_item_str(g_interp.sys_dict, str_intern("stderr"), &err_stream) <= 0 || is_none(err_stream.val())) {
    std::fputs(text.c_str(), stderr);
    return new_none();
  }
  Ref<Str> s = str_from_utf8(text);
  if (!s) return nullptr;
  Value wargs[1] = {s.val()};
  Ref<> r = call_method(err_stream.val(), "write", wargs, 1);
  if (!r) return nullptr;
  Ref<> fl = call_method(err_stream.val(), "flush", nullptr, 0);
  if (!fl) err_clear();
  return new_none();
}

// --- _local -----------------------------------------------------------------------------------

struct Local : Object {
  Value args;        // owned tuple
  Value kwargs;      // owned dict or null
  LocalSlots slots;  // the per-thread dicts (thread_local_slots.h)
  Object* weakreflist;  // weak references (weakref.cpp guards the list)
};
Type g_local_type;

void local_dealloc(Object* o) {
  Local* l = static_cast<Local*>(o);
  weakref_clear_all(o);
  local_slots_clear(&l->slots);
  decref(l->args);
  decref(l->kwargs);
  Type* t = o->ob_type;
  if (t->flags & kTypeHeapType) {
    if (Value* slot = instance_dict_slot(Value(o))) {
      decref(*slot);
      *slot = Value();
    }
  }
  free_object(o);
}

void local_traverse(Object* o, VisitFn visit, void* arg) {
  Local* l = static_cast<Local*>(o);
  if (!l->args.is_null()) visit(l->args, arg);
  if (!l->kwargs.is_null()) visit(l->kwargs, arg);
  local_slots_visit(&l->slots, visit, arg);
}

Ref<> local_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  size_t nkw = kwnames.is_null() ? 0 : static_cast<size_t>(length(kwnames));
  if ((nargs || nkw) && t->tp_init == object_init_slot())
    return err_set_str(g_TypeError, "Initialization arguments are not supported");
  Ref<> o = object_alloc_instance(t);
  if (!o) return nullptr;
  Local* l = static_cast<Local*>(o.val().obj());
  local_slots_init(&l->slots);
  Ref<> targs = tuple_from_array(args, static_cast<int64_t>(nargs));
  if (!targs) return nullptr;
  l->args = targs.release();
  if (nkw) {
    Ref<Dict> kw = dict_new();
    if (!kw) return nullptr;
    for (size_t i = 0; i < nkw; i++) {
      Ref<> k = getitem(kwnames, Value::small(static_cast<int64_t>(i)));
      if (!k || dict_set_item(kw.val(), k.val(), args[nargs + i]) < 0) return nullptr;
    }
    l->kwargs = kw.release();
  }
  // The creating thread's dict exists now; type.__call__ runs __init__ for it.
  Ref<Dict> d = dict_new();
  if (!d) return nullptr;
  local_slots_add(&l->slots, std::move(d));
  return o;
}

// A thread's first touch of `self`: makes its dict and runs __init__ for it.
[[gnu::noinline]] Value local_dict_first_touch(Value self) {
  Local* l = self.as<Local>();
  Ref<Dict> fresh = dict_new();
  if (!fresh) return Value();
  Value d = fresh.val();
  local_slots_add(&l->slots, std::move(fresh));
  Type* t = type_of(self);
  if (t->tp_init && t->tp_init != object_init_slot()) {
    // Re-run __init__ with the constructor's arguments, in this thread. The
    // dict is in place already, so __init__ sets its attributes in it.
    Ref<> init = getattr(self, "__init__");
    Ref<> r = init ? call_tuple_dict(init.val(), l->args, l->kwargs) : nullptr;
    if (!r) {
      Ref<> drop = local_slots_remove_mine(&l->slots);
      return Value();
    }
  }
  return d;
}

// This thread's dict for `self`, borrowed: `self`'s record keeps it alive
// while the caller holds `self` (only the local's death or this thread's exit
// release it). The common case is one probe of this thread's own table.
inline Value local_dict(Value self) {
  if (Object* d = local_slots_find(&self.as<Local>()->slots)) return Value(d);
  return local_dict_first_touch(self);
}

bool is_dict_name(Value name) {
  if (name == Value(ids::__dict__)) return true;
  return name.as<Str>()->length == 8 && str_view(name) == "__dict__";  // an uninterned "__dict__"
}

// No lock and no reference count on shared objects: the dict is this
// thread's own, the type lookup goes through the per-thread type cache, and
// the dict read is lock-free (objects/dict.cpp).
Ref<> local_getattro(Value self, Value name) {
  Value d = local_dict(self);
  if (d.is_null()) return nullptr;
  if (is_dict_name(name)) return Ref<>::borrow(d);
  Type* t = type_of(self);
  Value attr = type_lookup(t, name);
  Ref<> hold = Ref<>::borrow(attr);
  DescrGetFn get = nullptr;
  if (attr) {
    Type* at = type_of(attr);
    get = at->tp_descr_get;
    if (get && at->tp_descr_set) return get(attr, self, Value(t));
  }
  Ref<> v;
  int r = is_str_exact(name) ? dict_get_item_str(d, name.as<Str>(), &v) : dict_get_item(d, name, &v);
  if (r < 0) return nullptr;
  if (r > 0) return v;
  if (get) return get(attr, self, Value(t));
  if (attr) return hold;
  return attribute_error(self, name);
}

int local_setattro(Value self, Value name, Value v) {
  if (is_dict_name(name)) {
    err_format(g_AttributeError, "'%s' object attribute '__dict__' is read-only", type_name(type_of(self)));
    return -1;
  }
  Value d = local_dict(self);
  if (d.is_null()) return -1;
  Type* t = type_of(self);
  Value attr = type_lookup(t, name);
  if (attr) {
    DescrSetFn set = type_of(attr)->tp_descr_set;
    if (set) {
      Ref<> hold = Ref<>::borrow(attr);
      return set(attr, self, v);
    }
  }
  if (v.is_null()) {
    int r = dict_del_item(d, name);
    if (r == 0) {
      attribute_error(self, name);
      return -1;
    }
    return r < 0 ? -1 : 0;
  }
  return dict_set_item(d, name, v);
}

void types_ready() {
  static bool done = false;
  if (done) return;
  done = true;
  Type* t = &g_lock_type;
  t->name = "_thread.lock";
  t->basic_size = sizeof(Lock);
  t->tp_dealloc = lock_dealloc;
  t->tp_new = lock_tp_new;
  t->tp_repr = lock_repr;
  t->methods = kLockMethods;
  t->doc = "A lock object is a synchronization primitive.";
  type_ready(t);

  t = &g_rlock_type;
  t->name = "_thread.RLock";
  t->basic_size = sizeof(RLock);
  t->flags = kTypeBaseType;
  t->tp_dealloc = rlock_dealloc;
  t->tp_new = rlock_tp_new;
  t->tp_repr = rlock_repr;
  t->methods = kRLockMethods;
  type_ready(t);

  t = &g_handle_type;
  t->name = "_thread._ThreadHandle";
  t->basic_size = sizeof(ThreadHandle);
  t->tp_dealloc = handle_dealloc;
  t->tp_repr = handle_repr;
  t->methods = kHandleMethods;
  t->getsets = kHandleGetSets;
  type_ready(t);

  t = &g_local_type;
  t->name = "_thread._local";
  t->basic_size = sizeof(Local);
  t->weaklist_offset = static_cast<int32_t>(offsetof(Local, weakreflist));
  t->flags = kTypeBaseType | kTypeHasGc;
  t->tp_dealloc = local_dealloc;
  t->tp_traverse = local_traverse;
  t->tp_new = local_tp_new;
  t->tp_getattro = local_getattro;
  t->tp_setattro = local_setattro;
  t->doc = "Thread-local data";
  type_ready(t);
}

const MethodDef kThreadFunctions[] = {
    {"start_new_thread(function, args, kwargs=?, /)", mod_start_new_thread,
     "Start a new thread and return its identifier."},
    {"start_new(function, args, kwargs=?, /)", mod_start_new_thread, "An obsolete synonym of start_new_thread()."},
    {"start_joinable_thread(function, handle=None, daemon=True)", mod_start_joinable_thread,
     "*For internal use only*: start a new thread; returns its _ThreadHandle."},
    {"_shutdown()", mod_shutdown, "Wait for all non-daemon threads (other than the calling thread) to stop."},
    {"_make_thread_handle(ident, /)", mod_make_thread_handle, nullptr},
    {"allocate_lock()", mod_allocate_lock, "Create a new lock object."},
    {"allocate()", mod_allocate_lock, "An obsolete synonym of allocate_lock()."},
    {"get_ident()", mod_get_ident, "Return a non-zero integer that uniquely identifies the current thread."},
    {"get_native_id()", mod_get_native_id, "Return the native integral Thread ID of the current thread."},
    {"_count()", mod_count, "Return the number of currently running Python threads, excluding the main thread."},
    {"_get_main_thread_ident()", mod_get_main_thread_ident, nullptr},
    {"_is_main_interpreter()", mod_is_main_interpreter, nullptr},
    {"daemon_threads_allowed()", mod_daemon_threads_allowed, nullptr},
    {"exit()", mod_exit, "Raise SystemExit to exit the current thread."},
    {"exit_thread()", mod_exit, "An obsolete synonym of exit()."},
    {"interrupt_main(signum=?, /)", mod_interrupt_main, "Simulate the arrival of the given signal in the main thread."},
    {"stack_size(size=?, /)", mod_stack_size, "Return the thread stack size used when creating new threads."},
    {"_excepthook(exc_type, /)", mod_excepthook, "Handle uncaught Thread.run() exception."},
    {nullptr}};

}  // namespace

void thread_locals_thread_exited(uint32_t) { local_slots_thread_exited(); }

void thread_module_after_fork_child() {
  g_nondaemon_mu.reinit();
  uint64_t me = current_ident();
  for (auto& h : *g_nondaemon)
    if (h->ident.load() != me) h->set_done();
  g_nondaemon->clear();
  g_thread_count.store(0, std::memory_order_relaxed);
  g_main_ident = me;
}

Ref<> thread_module_create() {
  types_ready();
  if (!g_main_ident) {
    for (ThreadState* ts = tstate(); ts;) {
      if (ts->is_main) g_main_ident = ts->ident;
      break;
    }
    if (!g_main_ident) g_main_ident = current_ident();
  }
  Ref<> m = module_new("_thread");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kThreadFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  Ref<> tmax = float_new(kTimeoutMax);
  if (!tmax) return nullptr;
  bool ok = dict_set_item_str(d, "LockType", Value(&g_lock_type)) >= 0 &&
            dict_set_item_str(d, "lock", Value(&g_lock_type)) >= 0 &&
            dict_set_item_str(d, "RLock", Value(&g_rlock_type)) >= 0 &&
            dict_set_item_str(d, "_local", Value(&g_local_type)) >= 0 &&
            dict_set_item_str(d, "_ThreadHandle", Value(&g_handle_type)) >= 0 &&
            dict_set_item_str(d, "error", Value(g_RuntimeError)) >= 0 &&
            dict_set_item_str(d, "TIMEOUT_MAX", tmax.val()) >= 0;
  if (!ok) return nullptr;
  return m;
}

}  // namespace ftpy
