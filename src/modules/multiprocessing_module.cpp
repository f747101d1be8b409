// The `_multiprocessing` module (CPython 3.11's, on Linux): SemLock, a lock
// or counting semaphore over a POSIX named semaphore, sem_unlink and flags.
//
// SemLock keeps CPython's bookkeeping: `count` is how many times this process
// acquired it (for RECURSIVE_MUTEX, the recursion depth) and `last_tid` the
// thread that last acquired it; "mine" means count > 0 and last_tid is the
// calling thread.
//
// Thread safety: the named semaphore (sem_t) is the synchronisation; handle,
// kind, maxvalue and name are immutable after construction; count and
// last_tid are atomics (several threads may acquire and release a SEMAPHORE
// at once; a RECURSIVE_MUTEX changes them only in the thread that holds the
// semaphore, which lowers the count before posting and, on acquiring, sets
// the owner before raising it: see semlock_acquire/semlock_release). Waits run detached and EINTR is retried after the signal
// handlers ran (PEP 475). Handles are shared between objects (`_rebuild`
// with no name reuses one), so the process keeps a table of live handles
// (under g_handles_mu, taken only for a few instructions) and closes a
// handle when its last object dies; `_rebuild` accepts only a live handle.
// A fork takes that mutex across (pthread_atfork), so a child's is free.
#include "modules/multiprocessing_module.h"

#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <sys/time.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cmath>
#include <mutex>
#include <string>
#include <unordered_map>

#include "modules/posix_ids.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"
#include "runtime/thread_state.h"
#include "vm/safepoint.h"

namespace ftpy {

namespace {

enum Kind : int { kRecursiveMutex = 0, kSemaphore = 1 };

Type g_semlock_type;

struct SemLockObject : Object {
  sem_t* handle;                     // immutable
  int kind;                          // immutable
  int maxvalue;                      // immutable
  Value name;                        // immutable: a str, or null once unlinked
  std::atomic<int64_t> count;        // acquisitions by this process not yet released
  std::atomic<uint64_t> last_tid;    // the thread that acquired last
};

SemLockObject* S(Value v) { return v.as<SemLockObject>(); }

// Live handles: how many SemLock objects use each, and how many sem_open
// calls it must be closed for (glibc counts opens of one name).
struct HandleUse {
  int64_t objects = 0;
  int64_t opens = 0;
};
std::mutex g_handles_mu;
std::unordered_map<sem_t*, HandleUse>* g_handles = new std::unordered_map<sem_t*, HandleUse>();

void handle_add(sem_t* h, bool opened) {
  std::lock_guard<std::mutex> lk(g_handles_mu);
  HandleUse& u = (*g_handles)[h];
  u.objects++;
  if (opened) u.opens++;
}

bool handle_borrow(sem_t* h) {
  std::lock_guard<std::mutex> lk(g_handles_mu);
  auto it = g_handles->find(h);
  if (it == g_handles->end()) return false;
  it->second.objects++;
  return true;
}

void handle_drop(sem_t* h) {
  int64_t closes = 0;
  {
    std::lock_guard<std::mutex> lk(g_handles_mu);
    auto it = g_handles->find(h);
    if (it == g_handles->end()) return;
    if (--it->second.objects > 0) return;
    closes = it->second.opens;
    g_handles->erase(it);
  }
  while (closes-- > 0) sem_close(h);
}

uint64_t this_thread() { return static_cast<uint64_t>(pthread_self()); }

bool is_mine(SemLockObject* s) { return s->count.load() > 0 && s->last_tid.load() == this_thread(); }

// A str argument as a C string: TypeError for other types, ValueError for NUL.
bool name_arg(const char* what, Value v, std::string* out) {
  if (!is_str(v)) {
    err_format(g_TypeError, "%s must be str, not %s", what, is_none(v) ? "None" : type_name(type_of(v)));
    return false;
  }
  std::string_view s = str_view(v);
  if (s.find('\0') != std::string_view::npos) {
    err_set_str(g_ValueError, "embedded null character");
    return false;
  }
  out->assign(s);
  return true;
}

Ref<> new_semlock(Type* type, sem_t* handle, int kind, int maxvalue, Value name) {
  auto* s = alloc_object<SemLockObject>(type, type->basic_size);
  if (!s) return nullptr;
  s->handle = handle;
  s->kind = kind;
  s->maxvalue = maxvalue;
  s->name = name;
  if (!name.is_null()) incref(name);
  new (&s->count) std::atomic<int64_t>(0);
  new (&s->last_tid) std::atomic<uint64_t>(0);
  return Ref<>::steal(Value(s));
}

void semlock_dealloc(Object* o) {
  auto* s = static_cast<SemLockObject*>(o);
  if (s->handle) handle_drop(s->handle);
  if (!s->name.is_null()) decref(s->name);
  if (Value* d = instance_dict_slot(Value(o))) {
    decref(*d);
    *d = Value();
  }
  free_object(o);
}

Ref<> semlock_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("SemLock(kind, value, maxvalue, name, unlink)", nullptr);
  Value a[5];
  Ref<> hold[5];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  int kind, value, maxvalue;
  if (!c_int_arg(a[0], &kind) || !c_int_arg(a[1], &value) || !c_int_arg(a[2], &maxvalue)) return nullptr;
  std::string name;
  if (!name_arg("SemLock() argument 'name'", a[3], &name)) return nullptr;
  int unlink = truthy(a[4]);
  if (unlink < 0) return nullptr;
  if (kind != kRecursiveMutex && kind != kSemaphore) return err_set_str(g_ValueError, "unrecognized kind");
  sem_t* h = sem_open(name.c_str(), O_CREAT | O_EXCL, 0600, static_cast<unsigned>(value));
  if (h == SEM_FAILED) return err_from_errno(errno);
  if (unlink && sem_unlink(name.c_str()) < 0) {
    int err = errno;
    sem_close(h);
    return err_from_errno(err);
  }
  handle_add(h, true);
  Ref<> obj = new_semlock(type, h, kind, maxvalue, unlink ? Value() : a[3]);
  if (!obj) handle_drop(h);
  return obj;
}

Ref<> semlock_rebuild(Value type, Value* args) {
  uint64_t raw;
  {
    int64_t v;
    if (!to_int64(args[0], &v)) return nullptr;
    raw = static_cast<uint64_t>(v);
  }
  int kind, maxvalue;
  if (!c_int_arg(args[1], &kind) || !c_int_arg(args[2], &maxvalue)) return nullptr;
  sem_t* h = reinterpret_cast<sem_t*>(raw);
  Value name = args[3];
  if (!is_none(name)) {
    std::string text;
    if (!name_arg("_rebuild() argument 4", name, &text)) return nullptr;
    h = sem_open(text.c_str(), 0);
    if (h == SEM_FAILED) return err_from_errno(errno);
    handle_add(h, true);
  } else {
    // CPython trusts the number; a handle this process never opened would
    // be a wild pointer, so it is refused.
    if (!handle_borrow(h)) return err_from_errno(EBADF);
    name = Value();
  }
  Ref<> obj = new_semlock(type.as<Type>(), h, kind, maxvalue, name);
  if (!obj) handle_drop(h);
  return obj;
}

// The absolute CLOCK_REALTIME deadline `timeout` seconds from now (<0: now).
timespec deadline_after(double timeout) {
  if (timeout < 0.0) timeout = 0.0;
  timeval now;
  gettimeofday(&now, nullptr);
  if (timeout > 1e12) timeout = 1e12;  // far enough, and no overflow
  long sec = static_cast<long>(timeout);
  long nsec = static_cast<long>(1e9 * (timeout - static_cast<double>(sec)) + 0.5);
  timespec d;
  d.tv_sec = now.tv_sec + sec;
  d.tv_nsec = now.tv_usec * 1000 + nsec;
  d.tv_sec += d.tv_nsec / 1000000000;
  d.tv_nsec %= 1000000000;
  return d;
}

// Runs the pending signal handlers after an EINTR; false if one raised.
bool after_eintr() {
  ThreadState* ts = tstate();
  return !(signals_pending_for(ts) && handle_eval_breaker(ts) < 0);
}

Ref<> semlock_acquire(Value self, Value* args) {
  SemLockObject* s = S(self);
  if (s->kind == kRecursiveMutex && is_mine(s)) {
    s->count.fetch_add(1, std::memory_order_relaxed);
    return new_bool(true);
  }
  int blocking = truthy(args[0]);
  if (blocking < 0) return nullptr;
  bool use_deadline = !is_none(args[1]);
  timespec deadline{};
  if (use_deadline) {
    double timeout;
    if (!to_double(args[1], &timeout)) return nullptr;
    if (std::isnan(timeout)) timeout = 0.0;
    deadline = deadline_after(timeout);
  }
  int res, err;
  for (;;) {
    res = sem_trywait(s->handle);
    err = errno;
    if (res == 0 || err != EINTR) break;
    if (!after_eintr()) return nullptr;
  }
  if (res < 0 && err == EAGAIN && blocking) {
    for (;;) {
      {
        DetachedScope detached;
        res = use_deadline ? sem_timedwait(s->handle, &deadline) : sem_wait(s->handle);
        err = errno;
      }
      if (res == 0 || err != EINTR) break;
      if (!after_eintr()) return nullptr;
    }
  }
  if (res < 0) {
    if (err == EAGAIN || err == ETIMEDOUT) return new_bool(false);
    return err_from_errno(err);
  }
  // Owner first, then the count (both sequentially consistent): a thread
  // that sees the count raised also sees who raised it, so a previous owner
  // never takes the lock for its own.
  s->last_tid.store(this_thread());
  s->count.fetch_add(1);
  return new_bool(true);
}

Ref<> semlock_release(Value self, Value*) {
  SemLockObject* s = S(self);
  if (s->kind == kRecursiveMutex) {
    if (!is_mine(s)) return err_set_str(g_AssertionError, "attempt to release recursive lock not owned by thread");
    if (s->count.load(std::memory_order_relaxed) > 1) {
      s->count.fetch_sub(1, std::memory_order_relaxed);
      return new_none();
    }
  } else if (s->maxvalue != 1) {
    int sval;
    if (sem_getvalue(s->handle, &sval) < 0) return err_from_errno(errno);
    if (sval >= s->maxvalue) return err_set_str(g_ValueError, "semaphore or lock released too many times");
  } else {
    // As CPython: not a guarantee against a race past maxvalue, only a check.
    if (sem_trywait(s->handle) < 0) {
      if (errno != EAGAIN) return err_from_errno(errno);
    } else {
      if (sem_post(s->handle) < 0) return err_from_errno(errno);
      return err_set_str(g_ValueError, "semaphore or lock released too many times");
    }
  }
  // The count drops before the post: a thread the post wakes counts its
  // own acquisition, and must not find this one still counted (CPython's
  // GIL orders the two; here the order does).
  s->count.fetch_sub(1);
  if (sem_post(s->handle) < 0) {
    int err = errno;
    s->count.fetch_add(1);
    return err_from_errno(err);
  }
  return new_none();
}

Ref<> semlock_enter(Value self, Value*) {
  Value a[2] = {bool_value(true), none()};
  return semlock_acquire(self, a);
}

Ref<> semlock_exit(Value self, Value*) { return semlock_release(self, nullptr); }

Ref<> semlock_count(Value self, Value*) { return int_from_int64(S(self)->count.load(std::memory_order_relaxed)); }

Ref<> semlock_is_mine(Value self, Value*) { return new_bool(is_mine(S(self))); }

Ref<> semlock_get_value(Value self, Value*) {
  int sval;
  if (sem_getvalue(S(self)->handle, &sval) < 0) return err_from_errno(errno);
  return int_from_int64(sval < 0 ? 0 : sval);  // some systems count waiters as negative
}

Ref<> semlock_is_zero(Value self, Value*) {
  int sval;
  if (sem_getvalue(S(self)->handle, &sval) < 0) return err_from_errno(errno);
  return new_bool(sval == 0);
}

Ref<> semlock_after_fork(Value self, Value*) {
  S(self)->count.store(0, std::memory_order_relaxed);
  return new_none();
}

Ref<> get_handle(Value self) { return int_from_int64(static_cast<int64_t>(reinterpret_cast<uintptr_t>(S(self)->handle))); }
Ref<> get_kind(Value self) { return int_from_int64(S(self)->kind); }
Ref<> get_maxvalue(Value self) { return int_from_int64(S(self)->maxvalue); }
Ref<> get_name(Value self) {
  Value n = S(self)->name;
  return n.is_null() ? new_none() : Ref<>::borrow(n);
}

Ref<> mp_sem_unlink(Value, Value* args) {
  std::string name;
  if (!name_arg("sem_unlink() argument", args[0], &name)) return nullptr;
  if (sem_unlink(name.c_str()) < 0) return err_from_errno(errno);
  return new_none();
}

const MethodDef kSemLockMethods[] = {
    {"acquire($self, /, block=True, timeout=None)", semlock_acquire, "Acquire the semaphore/lock."},
    {"release($self, /)", semlock_release, "Release the semaphore/lock."},
    {"__enter__($self, /)", semlock_enter, "Enter the semaphore/lock."},
    {"__exit__($self, *args)", semlock_exit, "Exit the semaphore/lock.", kMethIgnoresVarArgs},
    {"_count($self, /)", semlock_count, "Num of `acquire()`s minus num of `release()`s for this process."},
    {"_is_mine($self, /)", semlock_is_mine, "Whether the lock is owned by this thread."},
    {"_get_value($self, /)", semlock_get_value, "Get the value of the semaphore."},
    {"_is_zero($self, /)", semlock_is_zero, "Return whether semaphore has value zero."},
    {"_rebuild($type, handle, kind, maxvalue, name, /)", semlock_rebuild, nullptr, kMethClass},
    {"_after_fork($self, /)", semlock_after_fork, "Rezero the net acquisition count after fork()."},
    {nullptr}};

const GetSetDef kSemLockGetSets[] = {
    {"handle", get_handle, nullptr, nullptr},
    {"kind", get_kind, nullptr, nullptr},
    {"maxvalue", get_maxvalue, nullptr, nullptr},
    {"name", get_name, nullptr, nullptr},
    {nullptr}};

const MethodDef kModuleFunctions[] = {
    {"sem_unlink(name, /)", mp_sem_unlink, nullptr},
    {nullptr}};

void semlock_init_once() {
  Type* t = &g_semlock_type;
  t->name = "_multiprocessing.SemLock";
  t->basic_size = sizeof(SemLockObject);
  t->flags = kTypeBaseType;
  t->tp_new = semlock_new;
  t->tp_dealloc = semlock_dealloc;
  t->methods = kSemLockMethods;
  t->getsets = kSemLockGetSets;
  t->doc = "Semaphore/Mutex type";
  type_ready(t);
  // A fork while another thread holds g_handles_mu must not leave the
  // child's copy locked: the forking thread takes it across the fork.
  pthread_atfork([] { g_handles_mu.lock(); }, [] { g_handles_mu.unlock(); }, [] { g_handles_mu.unlock(); });
  Ref<> max = int_from_int64(SEM_VALUE_MAX);
  if (max) dict_set_item_str(t->dict, "SEM_VALUE_MAX", max.val());
}

}  // namespace

Ref<> multiprocessing_module_create() {
  static std::once_flag once;
  std::call_once(once, semlock_init_once);
  Ref<> m = module_new("_multiprocessing");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kModuleFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  if (dict_set_item_str(d, "SemLock", Value(&g_semlock_type)) < 0) return nullptr;
  Ref<Dict> flags = dict_new();
  if (!flags) return nullptr;
  Ref<> one = int_from_int64(1);
  if (!one || dict_set_item_str(flags.val(), "HAVE_SEM_OPEN", one.val()) < 0 ||
      dict_set_item_str(flags.val(), "HAVE_SEM_TIMEDWAIT", one.val()) < 0 ||
      dict_set_item_str(d, "flags", flags.val()) < 0)
    return nullptr;
  return m;
}

}  // namespace ftpy
