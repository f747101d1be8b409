// select.epoll: an edge- or level-triggered poller over epoll(7), as CPython
// 3.11 has it on Linux (register/modify/unregister/poll, close/closed,
// fileno, fromfd, the context-manager protocol, the EPOLL* constants), so
// that selectors.DefaultSelector is EpollSelector.
//
// Thread safety: an epoll object's state (its descriptor, whether it is
// closed, and how many calls are using the descriptor) lives in an
// EpollState guarded by its own std::mutex, held only for a few
// instructions, never while Python code runs or while waiting. Every call
// "borrows" the descriptor (users += 1) under the mutex and gives it back
// afterwards; close() marks the object closed at once, but the descriptor
// is closed only when the last borrower gives it back, so a poll() waiting
// detached in another thread never has its descriptor number reused under
// it. The kernel's epoll set is itself safe to change while another thread
// waits on it.
#include <sys/epoll.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <mutex>
#include <vector>

#include "modules/module_args.h"
#include "modules/posix_ids.h"
#include "modules/select_module.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
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

Type g_epoll_type;

struct EpollState {
  std::mutex mu;
  int fd = -1;
  int users = 0;  // calls that hold `fd` right now
  bool closed = false;
};

struct EpollObject : Object {
  EpollState* st;  // owned
};

EpollState* ep_state(Value v) { return v.as<EpollObject>()->st; }

std::nullptr_t closed_error() {
  return err_set_str(g_ValueError, "I/O operation on closed epoll object");
}

// The descriptor for one call, or -1 with ValueError if closed.
int ep_borrow(EpollState* st) {
  std::lock_guard<std::mutex> g(st->mu);
  if (st->closed) return -1;
  st->users++;
  return st->fd;
}

void ep_release(EpollState* st) {
  int to_close = -1;
  {
    std::lock_guard<std::mutex> g(st->mu);
    if (--st->users == 0 && st->closed && st->fd >= 0) {
      to_close = st->fd;
      st->fd = -1;
    }
  }
  if (to_close >= 0) ::close(to_close);
}

// RAII borrow of the descriptor.
struct EpollFd {
  EpollState* st;
  int fd;
  explicit EpollFd(Value self) : st(ep_state(self)), fd(ep_borrow(st)) {}
  ~EpollFd() {
    if (fd >= 0) ep_release(st);
  }
  EpollFd(const EpollFd&) = delete;
  EpollFd& operator=(const EpollFd&) = delete;
};

void ep_close(EpollState* st) {
  int to_close = -1;
  {
    std::lock_guard<std::mutex> g(st->mu);
    st->closed = true;
    if (st->users == 0 && st->fd >= 0) {
      to_close = st->fd;
      st->fd = -1;
    }
  }
  if (to_close >= 0) ::close(to_close);
}

void epoll_dealloc(Object* o) {
  EpollState* st = static_cast<EpollObject*>(o)->st;
  if (st) {
    ep_close(st);
    delete st;
  }
  free_object(o);
}

Ref<> epoll_wrap(Type* type, int fd) {
  auto* o = alloc_object<EpollObject>(type, type->basic_size);
  if (!o) {
    ::close(fd);
    return nullptr;
  }
  o->st = new EpollState();
  o->st->fd = fd;
  return Ref<>::steal(Value(o));
}

// epoll(sizehint=-1, flags=0)
Ref<> epoll_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  size_t nkw = kwnames.is_null() ? 0 : static_cast<size_t>(tuple_size(kwnames));
  if (nargs + nkw > 2)
    return err_format(g_TypeError, "epoll() takes at most 2 %sarguments (%zu given)", nargs ? "" : "keyword ",
                      nargs + nkw);
  static const Signature* sig = native_parse_signature("epoll(sizehint=-1, flags=0)", nullptr);
  Value a[2];
  Ref<> hold[2];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  int sizehint, flags;
  if (!c_int_arg(a[0], &sizehint) || !c_int_arg(a[1], &flags)) return nullptr;
  if (sizehint == -1) {
    sizehint = FD_SETSIZE - 1;
  } else if (sizehint <= 0) {
    return err_set_str(g_ValueError, "negative sizehint");
  }
  if (flags && flags != EPOLL_CLOEXEC) {
    Ref<> msg = str_from_utf8("invalid flags");
    if (msg) err_set_object(g_OSError, msg.val());
    return nullptr;
  }
  int fd = epoll_create1(EPOLL_CLOEXEC);
  if (fd < 0) return err_from_errno(errno);
  return epoll_wrap(type, fd);
}

// An eventmask as CPython's "I" format takes it: any int, modulo 2**32.
bool event_mask(Value v, uint32_t* out) {
  Ref<> i = number_index(v);
  if (!i) return false;
  int64_t x;
  if (int_as_int64(i.val(), &x)) {
    *out = static_cast<uint32_t>(x);
    return true;
  }
  Ref<> m = int_from_uint64(0xffffffffull);
  Ref<> anded = m ? binary_op(i.val(), m.val(), kOpAnd) : Ref<>();
  if (!anded || !int_as_int64(anded.val(), &x)) return false;
  *out = static_cast<uint32_t>(x);
  return true;
}

Ref<> epoll_ctl_call(Value self, int op, Value fd_obj, Value mask_obj) {
  int fd;
  if (!fd_from_object(fd_obj, &fd)) return nullptr;
  uint32_t mask = 0;
  if (!mask_obj.is_null() && !event_mask(mask_obj, &mask)) return nullptr;
  EpollFd ep(self);
  if (ep.fd < 0) return closed_error();
  struct epoll_event ev{};
  ev.events = mask;
  ev.data.fd = fd;
  if (epoll_ctl(ep.fd, op, fd, &ev) < 0) return err_from_errno(errno);
  return new_none();
}

Ref<> epoll_register(Value self, Value* args) {
  Ref<> dflt;
  Value mask = args[1];
  if (mask.is_null()) {
    dflt = int_from_int64(EPOLLIN | EPOLLPRI | EPOLLOUT);
    if (!dflt) return nullptr;
    mask = dflt.val();
  }
  return epoll_ctl_call(self, EPOLL_CTL_ADD, args[0], mask);
}

Ref<> epoll_modify(Value self, Value* args) { return epoll_ctl_call(self, EPOLL_CTL_MOD, args[0], args[1]); }

Ref<> epoll_unregister(Value self, Value* args) {
  return epoll_ctl_call(self, EPOLL_CTL_DEL, args[0], Value());
}

double monotonic_now() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

// poll(timeout=None, maxevents=-1): [(fd, events), ...]; timeout in seconds.
Ref<> epoll_poll(Value self, Value* args) {
  int64_t ms = -1;
  if (!args[0].is_null() && !is_none(args[0])) {
    if (!is_int(args[0]) && !is_float(args[0]))
      return err_set_str(g_TypeError, "timeout must be an integer or None");
    double secs;
    if (is_float(args[0])) {
      if (!to_double(args[0], &secs)) return nullptr;
      if (std::isnan(secs)) return err_set_str(g_ValueError, "Invalid value NaN (not a number)");
      if (std::fabs(secs) >= 9.2e9)
        return err_set_str(g_OverflowError, "timestamp out of range for platform time_t");
      // Rounded away from zero to milliseconds (_PyTime_ROUND_TIMEOUT).
      double m = secs * 1000.0;
      ms = static_cast<int64_t>(m >= 0 ? std::ceil(m) : std::floor(m));
    } else {
      int64_t s;
      if (!int_as_int64(args[0], &s) || s > 9'200'000'000 || s < -9'200'000'000)
        return err_set_str(g_OverflowError, "timestamp too large to convert to C _PyTime_t");
      ms = s * 1000;
    }
    if (ms > INT_MAX || ms < INT_MIN) return err_set_str(g_OverflowError, "timeout is too large");
    if (ms < 0) ms = -1;
  }
  int maxevents;
  if (!c_int_arg(args[1], &maxevents)) return nullptr;
  if (maxevents == -1) {
    maxevents = FD_SETSIZE - 1;
  } else if (maxevents < 1) {
    return err_format(g_ValueError, "maxevents must be greater than 0, got %d", maxevents);
  }
  EpollFd ep(self);
  if (ep.fd < 0) return closed_error();
  std::vector<struct epoll_event> evs(static_cast<size_t>(maxevents));
  double deadline = ms < 0 ? 0 : monotonic_now() + static_cast<double>(ms) / 1000.0;
  int n;
  for (;;) {
    int saved;
    {
      DetachedScope d;
      n = epoll_wait(ep.fd, evs.data(), maxevents, static_cast<int>(ms));
      saved = errno;
    }
    if (n >= 0) break;
    if (saved != EINTR) return err_from_errno(saved);
    // PEP 475: run the signal handlers, then wait again for the time left.
    ThreadState* ts = tstate();
    if (signals_pending_for(ts) && handle_eval_breaker(ts) < 0) return nullptr;
    if (ms >= 0) {
      double left = (deadline - monotonic_now()) * 1000.0;
      ms = left <= 0 ? 0 : static_cast<int64_t>(std::ceil(left));
    }
  }
  Ref<> out = list_new();
  if (!out) return nullptr;
  for (int i = 0; i < n; i++) {
    Ref<> a = int_from_int64(evs[i].data.fd), b = int_from_uint64(evs[i].events);
    if (!a || !b) return nullptr;
    Ref<> t = tuple_pack({a.val(), b.val()});
    if (!t || list_append(out.val(), t.val()) < 0) return nullptr;
  }
  return out;
}

Ref<> epoll_close(Value self, Value*) {
  ep_close(ep_state(self));
  return new_none();
}

Ref<> epoll_get_closed(Value self) {
  EpollState* st = ep_state(self);
  std::lock_guard<std::mutex> g(st->mu);
  return new_bool(st->closed);
}

Ref<> epoll_fileno(Value self, Value*) {
  EpollState* st = ep_state(self);
  std::lock_guard<std::mutex> g(st->mu);
  if (st->closed) return closed_error();
  return int_from_int64(st->fd);
}

Ref<> epoll_fromfd(Value type, Value* args) {
  int fd;
  if (!c_int_arg(args[0], &fd)) return nullptr;
  return epoll_wrap(type.as<Type>(), fd);
}

Ref<> epoll_enter(Value self, Value*) {
  EpollState* st = ep_state(self);
  std::lock_guard<std::mutex> g(st->mu);
  if (st->closed) return closed_error();
  return Ref<>::borrow(self);
}

// CPython's __exit__ calls the object's close() method.
Ref<> epoll_exit(Value self, Value*) { return call_method(self, "close", nullptr, 0); }

const MethodDef kEpollMethods[] = {
    {"close($self, /)", epoll_close,
     "Close the epoll control file descriptor.\n\nFurther operations on the epoll object will raise an "
     "exception."},
    {"fileno($self, /)", epoll_fileno, "Return the epoll control file descriptor."},
    {"fromfd($type, fd, /)", epoll_fromfd, "Create an epoll object from a given control fd.", kMethClass},
    {"register($self, /, fd, eventmask=?)", epoll_register, "Registers a new fd or raises an OSError if the fd is "
     "already registered."},
    {"modify($self, /, fd, eventmask)", epoll_modify, "Modify event mask for a registered file descriptor."},
    {"unregister($self, /, fd)", epoll_unregister, "Remove a registered file descriptor from the epoll object."},
    {"poll($self, /, timeout=None, maxevents=-1)", epoll_poll,
     "Wait for events on the epoll file descriptor.", kMethParseTupleMessages},
    {"__enter__($self, /)", epoll_enter, nullptr},
    {"__exit__($self, *args)", epoll_exit, nullptr, kMethIgnoresVarArgs},
    {nullptr}};

const GetSetDef kEpollGetSets[] = {
    {"closed", epoll_get_closed, nullptr, "True if the epoll handler is closed"}, {nullptr}};

void epoll_init_once() {
  Type* t = &g_epoll_type;
  t->name = "select.epoll";
  t->basic_size = sizeof(EpollObject);
  t->tp_new = epoll_tp_new;
  t->tp_dealloc = epoll_dealloc;
  t->methods = kEpollMethods;
  t->getsets = kEpollGetSets;
  t->doc =
      "select.epoll(sizehint=-1, flags=0)\n\nReturns an epolling object\n\n"
      "sizehint must be a positive integer or -1 for the default size. The\n"
      "sizehint is used to optimize internal data structures. It doesn't limit\n"
      "the maximum number of monitored events.";
  type_ready(t);
}

}  // namespace

int select_epoll_add(Value d) {
  static std::once_flag once;
  std::call_once(once, epoll_init_once);
  if (dict_set_item_str(d, "epoll", Value(&g_epoll_type)) < 0) return -1;
  struct IntConst {
    const char* name;
    int64_t value;
  };
  static const IntConst kConsts[] = {
      {"EPOLLIN", EPOLLIN},           {"EPOLLOUT", EPOLLOUT},       {"EPOLLPRI", EPOLLPRI},
      {"EPOLLERR", EPOLLERR},         {"EPOLLHUP", EPOLLHUP},       {"EPOLLET", static_cast<uint32_t>(EPOLLET)},
      {"EPOLLONESHOT", EPOLLONESHOT}, {"EPOLLEXCLUSIVE", EPOLLEXCLUSIVE},
      {"EPOLLRDHUP", EPOLLRDHUP},     {"EPOLLRDNORM", EPOLLRDNORM}, {"EPOLLRDBAND", EPOLLRDBAND},
      {"EPOLLWRNORM", EPOLLWRNORM},   {"EPOLLWRBAND", EPOLLWRBAND}, {"EPOLLMSG", EPOLLMSG},
      {"EPOLL_CLOEXEC", EPOLL_CLOEXEC},
  };
  for (const IntConst& c : kConsts) {
    Ref<> v = int_from_int64(c.value);
    if (!v || dict_set_item_str(d, c.name, v.val()) < 0) return -1;
  }
  return 0;
}

}  // namespace ftpy
