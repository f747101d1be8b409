// The `select` module: select() and poll objects, both over poll(2) (so
// select() has no FD_SETSIZE limit); epoll objects are in select_epoll.cpp.
//
// Thread safety: a poll object's registrations (fd -> event mask) are a
// std::map guarded by the object's std::mutex, held only while the map is
// read or changed (never while Python code runs or while waiting). poll()
// copies the registrations out and waits detached, without the mutex, so
// threads may register while another polls (CPython instead refuses a
// second concurrent poll(); ftpy lets both wait).
#include "modules/select_module.h"

#include <poll.h>
#include <time.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <map>
#include <mutex>
#include <vector>

#include "modules/posix_ids.h"
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

namespace ftpy {

namespace {

Type g_poll_type;


double now_seconds() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

// poll(2) over `fds`, detached; retried after EINTR with the time left.
// timeout_ms < 0 waits forever. Returns -1 with OSError set.
int poll_detached(std::vector<struct pollfd>& fds, double timeout_ms) {
  double deadline = timeout_ms < 0 ? 0 : now_seconds() + timeout_ms / 1000.0;
  for (;;) {
    int ms = timeout_ms < 0 ? -1 : static_cast<int>(std::min(std::ceil(timeout_ms), double{INT_MAX}));
    int r;
    int saved;
    {
      DetachedScope d;
      r = ::poll(fds.data(), fds.size(), ms);
      saved = errno;
    }
    if (r >= 0) return r;
    if (saved != EINTR) {
      err_from_errno(saved);
      return -1;
    }
    if (timeout_ms >= 0) {
      timeout_ms = (deadline - now_seconds()) * 1000.0;
      if (timeout_ms < 0) timeout_ms = 0;
    }
  }
}

// select(rlist, wlist, xlist, timeout=None): the lists' objects that are ready.
Ref<> select_select(Value, Value* args) {
  double timeout = -1;
  if (!args[3].is_null() && !is_none(args[3])) {
    if (!is_int(args[3]) && !is_float(args[3]))
      return err_set_str(g_TypeError, "timeout must be a float or None");
    if (!to_double(args[3], &timeout)) return nullptr;
    if (std::isnan(timeout)) return err_set_str(g_ValueError, "Invalid value NaN (not a number)");
    if (timeout < 0) return err_set_str(g_ValueError, "timeout must be non-negative");
  }
  static const short kEvents[3] = {POLLIN, POLLOUT, POLLPRI};
  std::vector<Ref<>> objs[3];
  std::vector<struct pollfd> fds;
  std::vector<int> which;  // the list each pollfd came from
  for (int k = 0; k < 3; k++) {
    Ref<> seq = sequence_list(args[k]);
    if (!seq) {
      if (err_matches(g_TypeError)) {
        err_clear();
        return err_set_str(g_TypeError, "arguments 1-3 must be sequences");
      }
      return nullptr;
    }
    Ref<> tup = sequence_tuple(seq.val());
    if (!tup) return nullptr;
    for (int64_t i = 0; i < tuple_size(tup.val()); i++) {
      int fd;
      if (!fd_from_object(tuple_item(tup.val(), i), &fd)) return nullptr;
      objs[k].push_back(Ref<>::borrow(tuple_item(tup.val(), i)));
      fds.push_back({fd, kEvents[k], 0});
      which.push_back(k);
    }
  }
  if (poll_detached(fds, timeout < 0 ? -1 : timeout * 1000.0) < 0) return nullptr;
  Ref<> out[3];
  size_t idx[3] = {0, 0, 0};
  for (int k = 0; k < 3; k++) {
    out[k] = list_new();
    if (!out[k]) return nullptr;
  }
  for (size_t i = 0; i < fds.size(); i++) {
    int k = which[i];
    Value obj = objs[k][idx[k]++].val();
    short re = fds[i].revents;
    if (re & POLLNVAL) return err_from_errno(EBADF);
    bool ready = k == 0 ? (re & (POLLIN | POLLHUP | POLLERR)) : k == 1 ? (re & (POLLOUT | POLLERR)) : (re & POLLPRI);
    if (ready && list_append(out[k].val(), obj) < 0) return nullptr;
  }
  return tuple_pack({out[0].val(), out[1].val(), out[2].val()});
}

// --- poll objects ------------------------------------------------------------------

struct PollState {
  std::mutex mu;
  std::map<int, short> fds;
};

struct PollObject : Object {
  PollState* st;  // owned
};

PollState* poll_state(Value v) { return v.as<PollObject>()->st; }

void poll_dealloc(Object* o) {
  delete static_cast<PollObject*>(o)->st;
  free_object(o);
}

bool mask_arg(Value v, short dflt, short* out) {
  if (v.is_null()) {
    *out = dflt;
    return true;
  }
  int64_t m;
  if (!to_int64(v, &m)) return false;
  if (m < 0 || m > USHRT_MAX) {
    err_set_str(g_OverflowError, m < 0 ? "Python int too large to convert to C unsigned short"
                                       : "Python int too large to convert to C unsigned short");
    return false;
  }
  *out = static_cast<short>(m);
  return true;
}

Ref<> poll_register(Value self, Value* args) {
  int fd;
  short mask;
  if (!fd_from_object(args[0], &fd) || !mask_arg(args[1], POLLIN | POLLPRI | POLLOUT, &mask)) return nullptr;
  PollState* st = poll_state(self);
  std::lock_guard<std::mutex> g(st->mu);
  st->fds[fd] = mask;
  return new_none();
}

Ref<> poll_modify(Value self, Value* args) {
  int fd;
  short mask;
  if (!fd_from_object(args[0], &fd) || !mask_arg(args[1], 0, &mask)) return nullptr;
  PollState* st = poll_state(self);
  {
    std::lock_guard<std::mutex> g(st->mu);
    auto it = st->fds.find(fd);
    if (it != st->fds.end()) {
      it->second = mask;
      return new_none();
    }
  }
  return err_from_errno(ENOENT);
}

Ref<> poll_unregister(Value self, Value* args) {
  int fd;
  if (!fd_from_object(args[0], &fd)) return nullptr;
  PollState* st = poll_state(self);
  {
    std::lock_guard<std::mutex> g(st->mu);
    if (st->fds.erase(fd)) return new_none();
  }
  Ref<> key = int_from_int64(fd);
  if (key) err_set_object(g_KeyError, key.val());
  return nullptr;
}

// poll(timeout=None): [(fd, events), ...]; timeout in milliseconds.
Ref<> poll_poll(Value self, Value* args) {
  double timeout = -1;
  if (!args[0].is_null() && !is_none(args[0])) {
    if (!is_int(args[0]) && !is_float(args[0]))
      return err_format(g_TypeError, "'%s' object cannot be interpreted as an integer",
                        type_name(type_of(args[0])));
    if (!to_double(args[0], &timeout)) return nullptr;
    if (timeout < 0) timeout = -1;
  }
  std::vector<struct pollfd> fds;
  {
    PollState* st = poll_state(self);
    std::lock_guard<std::mutex> g(st->mu);
    for (auto& [fd, mask] : st->fds) fds.push_back({fd, mask, 0});
  }
  if (poll_detached(fds, timeout) < 0) return nullptr;
  Ref<> out = list_new();
  if (!out) return nullptr;
  for (const struct pollfd& p : fds) {
    if (!p.revents) continue;
    Ref<> a = int_from_int64(p.fd), b = int_from_int64(static_cast<unsigned short>(p.revents));
    if (!a || !b) return nullptr;
    Ref<> t = tuple_pack({a.val(), b.val()});
    if (!t || list_append(out.val(), t.val()) < 0) return nullptr;
  }
  return out;
}

Ref<> poll_tp_new(Type* t, const Value*, size_t, Value) {
  return err_format(g_TypeError, "cannot create '%s' instances", t->name);
}

const MethodDef kPollMethods[] = {
    {"register($self, fd, eventmask=?, /)", poll_register, "Register a file descriptor with the polling object."},
    {"modify($self, fd, eventmask, /)", poll_modify, "Modify an already registered file descriptor."},
    {"unregister($self, fd, /)", poll_unregister, "Remove a file descriptor being tracked by the polling object."},
    {"poll($self, timeout=None, /)", poll_poll, "Polls the set of registered file descriptors."},
    {nullptr}};

Ref<> select_poll(Value, Value*) {
  auto* o = alloc_object<PollObject>(&g_poll_type);
  if (!o) return nullptr;
  o->st = new PollState();
  return Ref<>::steal(Value(o));
}

const MethodDef kSelectFunctions[] = {
    {"select(rlist, wlist, xlist, timeout=None, /)", select_select,
     "Wait until one or more file descriptors are ready for some kind of I/O."},
    {"poll()", select_poll, "Returns a polling object."},
    {nullptr}};

void select_init_once() {
  Type* t = &g_poll_type;
  t->name = "select.poll";
  t->basic_size = sizeof(PollObject);
  t->tp_new = poll_tp_new;
  t->tp_dealloc = poll_dealloc;
  t->methods = kPollMethods;
  type_ready(t);
}

}  // namespace

Ref<> select_module_create() {
  static std::once_flag once;
  std::call_once(once, select_init_once);
  Ref<> m = module_new("select");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kSelectFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  if (dict_set_item_str(d, "error", Value(g_OSError)) < 0) return nullptr;
  if (select_epoll_add(d) < 0) return nullptr;
  struct IntConst {
    const char* name;
    int value;
  };
  static const IntConst kConsts[] = {
      {"POLLIN", POLLIN},         {"POLLPRI", POLLPRI},       {"POLLOUT", POLLOUT},
      {"POLLERR", POLLERR},       {"POLLHUP", POLLHUP},       {"POLLNVAL", POLLNVAL},
      {"POLLRDNORM", POLLRDNORM}, {"POLLRDBAND", POLLRDBAND}, {"POLLWRNORM", POLLWRNORM},
      {"POLLWRBAND", POLLWRBAND}, {"POLLMSG", POLLMSG},       {"POLLRDHUP", POLLRDHUP},
      {"PIPE_BUF", PIPE_BUF},
  };
  for (const IntConst& c : kConsts) {
    Ref<> v = int_from_int64(c.value);
    if (!v || dict_set_item_str(d, c.name, v.val()) < 0) return nullptr;
  }
  return m;
}

}  // namespace ftpy
