// The `_socket` module (see socket_module.h for the thread-safety design).
//
// Timeouts follow CPython's model: a socket with a timeout (or timeout 0) has
// O_NONBLOCK set on its descriptor; with a positive timeout each operation
// first waits with poll() for readiness, and raises TimeoutError("timed out")
// when the time runs out. A blocking socket (timeout None) just blocks in the
// system call, detached.
#include "modules/socket_module.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <string>

#include "modules/buffer_util.h"
#include "modules/posix_ids.h"
#include "objects/bytearray.h"
#include "objects/bytes.h"
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

Type g_socket_type;
Type* g_gaierror = nullptr;
Type* g_herror = nullptr;
// socket.setdefaulttimeout(); -1 = None. Read by every new socket.
std::atomic<double> g_default_timeout{-1.0};

struct SocketObject : Object {
  std::atomic<int> fd;
  std::atomic<int> family, type, proto;
  std::atomic<double> timeout;  // seconds; -1 = None (blocking)
};

SocketObject* as_sock(Value v) { return v.as<SocketObject>(); }

double now_seconds() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

std::nullptr_t timeout_error() { return err_set_str(g_TimeoutError, "timed out"); }

std::nullptr_t raise_gai(int code) {
  if (code == EAI_SYSTEM) return err_from_errno(errno);
  Ref<> n = int_from_int64(code);
  Ref<Str> msg = str_from_utf8(gai_strerror(code));
  if (!n || !msg) return nullptr;
  Ref<Tuple> args = tuple_pack({n.val(), msg.val()});
  if (!args) return nullptr;
  return err_set_object(g_gaierror, args.val());
}

// A timeout argument: None -> -1, else non-negative seconds.
bool parse_timeout(Value v, double* out) {
  if (is_none(v)) {
    *out = -1;
    return true;
  }
  double d;
  if (is_float(v)) {
    if (!to_double(v, &d)) return false;
  } else {
    int64_t i;
    if (!to_int64(v, &i)) return false;
    d = static_cast<double>(i);
  }
  if (std::isnan(d)) {
    err_set_str(g_ValueError, "Invalid value NaN (not a number)");
    return false;
  }
  if (d < 0) {
    err_set_str(g_ValueError, "Timeout value out of range");
    return false;
  }
  *out = d;
  return true;
}

int set_nonblocking(int fd, bool on) {
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0) return -1;
  int want = on ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK);
  if (want != flags && fcntl(fd, F_SETFL, want) < 0) return -1;
  return 0;
}

}  // namespace

// (socket_module.h) Poll `fd` for `events` until `deadline` (monotonic seconds; < 0 = forever),
// detached. 1 ready, 0 timed out, -1 with OSError set.
int socket_wait_fd(int fd, short events, double deadline) {
  for (;;) {
    int ms = -1;
    if (deadline >= 0) {
      double left = deadline - now_seconds();
      if (left <= 0) return 0;
      ms = static_cast<int>(std::min(std::ceil(left * 1000.0), double{INT_MAX}));
    }
    struct pollfd p = {fd, events, 0};
    int r, saved;
    {
      DetachedScope d;
      r = ::poll(&p, 1, ms);
      saved = errno;
    }
    if (r > 0) return 1;
    if (r == 0) {
      if (deadline >= 0) return 0;
      continue;
    }
    if (saved != EINTR) {
      err_from_errno(saved);
      return -1;
    }
  }
}

namespace {

// The deadline for an operation starting now under the socket's timeout
// (-1 when it does not wait with one).
double op_deadline(SocketObject* s) {
  double timeout = s->timeout.load(std::memory_order_relaxed);
  return timeout > 0 ? now_seconds() + timeout : -1;
}

// Run op(fd) (a system call returning -1 with errno) detached, honouring the
// socket's timeout; `deadline` (from op_deadline) lets sendall's chunks share
// one. Returns op's result, or -1 with an exception set.
constexpr double kDeadlineFromTimeout = -2;
template <class Op>
ssize_t sock_call(SocketObject* s, bool writing, Op op, double deadline = kDeadlineFromTimeout) {
  double timeout = s->timeout.load(std::memory_order_relaxed);
  if (deadline == kDeadlineFromTimeout) deadline = op_deadline(s);
  for (;;) {
    int fd = s->fd.load(std::memory_order_acquire);
    if (fd < 0) {
      err_from_errno(EBADF);
      return -1;
    }
    if (timeout > 0) {
      int r = socket_wait_fd(fd, writing ? POLLOUT : POLLIN, deadline);
      if (r < 0) return -1;
      if (r == 0) {
        timeout_error();
        return -1;
      }
      // Closed by another thread while we waited: do not touch the number,
      // which may already name a different file.
      if (s->fd.load(std::memory_order_acquire) != fd) {
        err_from_errno(EBADF);
        return -1;
      }
    }
    ssize_t n;
    int saved;
    {
      DetachedScope d;
      n = op(fd);
      saved = errno;
    }
    if (n >= 0) return n;
    if (saved == EINTR) continue;
    if (timeout > 0 && (saved == EAGAIN || saved == EWOULDBLOCK)) continue;
    err_from_errno(saved);
    return -1;
  }
}

// --- addresses ---------------------------------------------------------------------

// How a str host name becomes bytes, as in CPython: getaddrinfo and
// gethostbyname always encode it with the idna codec (so its errors, "label
// empty or too long", show for ASCII names too), as does gethostbyaddr; an
// address tuple passes ASCII through and reports a failed idna encoding or
// a NUL as TypeError.
enum class HostIdna { kAlways, kAlwaysNoNul, kConverter };

// The bytes of a host name argument (str, bytes or bytearray).
bool host_bytes(Value v, std::string* out, HostIdna mode = HostIdna::kConverter, const char* fn = nullptr) {
  if (is_str(v)) {
    if (mode == HostIdna::kConverter && v.as<Str>()->ascii) {
      *out = std::string(str_view(v));
    } else {
      Ref<> enc = str_from_ascii("idna");
      if (!enc) return false;
      Value a[1] = {enc.val()};
      Ref<> b = call_method(v, "encode", a, 1);
      if (!b) {
        if (mode == HostIdna::kConverter) {
          err_clear();
          err_set_str(g_TypeError, "encoding of hostname failed");
        }
        return false;
      }
      if (!module_buffer_copy(b.val(), out)) return false;
    }
    if (out->find('\0') != std::string::npos) {
      if (mode == HostIdna::kConverter) {
        err_set_str(g_TypeError, "host name must not contain null character");
        return false;
      }
      if (mode == HostIdna::kAlwaysNoNul) {
        err_format(g_TypeError, "%s() argument 1 must be encoded string without null bytes, not str", fn);
        return false;
      }
    }
    return true;
  }
  if (is_bytes(v) || is_bytearray(v)) return module_buffer_copy(v, out);
  err_format(g_TypeError, "str, bytes or bytearray expected, not %s", type_name(type_of(v)));
  return false;
}

// Resolve `host` for `family` into `out` (CPython's rules: '' is the wildcard
// address, '<broadcast>' the IPv4 broadcast address, others via getaddrinfo).
bool resolve_host(const std::string& host, int family, struct sockaddr_storage* out, socklen_t* len) {
  std::memset(out, 0, sizeof *out);
  if (host.empty() || host == "<broadcast>") {
    if (family == AF_INET6) {
      if (!host.empty()) {
        err_set_str(g_OSError, "address family mismatched");
        return false;
      }
      auto* a = reinterpret_cast<struct sockaddr_in6*>(out);
      a->sin6_family = AF_INET6;
      a->sin6_addr = in6addr_any;
      *len = sizeof *a;
    } else {
      auto* a = reinterpret_cast<struct sockaddr_in*>(out);
      a->sin_family = AF_INET;
      a->sin_addr.s_addr = htonl(host.empty() ? INADDR_ANY : INADDR_BROADCAST);
      *len = sizeof *a;
    }
    return true;
  }
  struct addrinfo hints = {};
  hints.ai_family = family;
  struct addrinfo* res = nullptr;
  int code;
  {
    DetachedScope d;
    code = getaddrinfo(host.c_str(), nullptr, &hints, &res);
  }
  if (code != 0) {
    raise_gai(code);
    return false;
  }
  std::memcpy(out, res->ai_addr, res->ai_addrlen);
  *len = res->ai_addrlen;
  freeaddrinfo(res);
  return true;
}

bool port_arg(Value v, const char* caller, uint16_t* out) {
  int64_t p;
  if (!to_int64(v, &p)) {
    if (err_matches(g_OverflowError)) {
      err_clear();
      p = -1;
    } else {
      return false;
    }
  }
  if (p < 0 || p > 65535) {
    err_format(g_OverflowError, "%s(): port must be 0-65535.", caller);
    return false;
  }
  *out = static_cast<uint16_t>(p);
  return true;
}

// Convert a Python address for `family` into a sockaddr (CPython's
// getsockaddrarg). `caller` names the method in messages.
bool sockaddr_arg(int family, Value addr, const char* caller, struct sockaddr_storage* out, socklen_t* len) {
  std::memset(out, 0, sizeof *out);
  if (family == AF_UNIX) {
    std::string path;
    if (is_str(addr)) {
      path = std::string(str_view(addr));
    } else if (!module_buffer_or_error(addr, &path)) {
      return false;
    }
    auto* a = reinterpret_cast<struct sockaddr_un*>(out);
    if (path.size() >= sizeof a->sun_path && !(path.size() == sizeof a->sun_path && path[0] == '\0')) {
      err_set_str(g_OSError, "AF_UNIX path too long");
      return false;
    }
    a->sun_family = AF_UNIX;
    std::memcpy(a->sun_path, path.data(), path.size());
    *len = static_cast<socklen_t>(offsetof(struct sockaddr_un, sun_path) + path.size() +
                                  (path.empty() || path[0] == '\0' ? 0 : 1));
    return true;
  }
  if (family != AF_INET && family != AF_INET6) {
    err_format(g_OSError, "%s(): bad family", caller);
    return false;
  }
  const char* fam = family == AF_INET ? "AF_INET" : "AF_INET6";
  if (!is_tuple(addr)) {
    err_format(g_TypeError, "%s(): %s address must be tuple, not %s", caller, fam, type_name(type_of(addr)));
    return false;
  }
  int64_t n = tuple_size(addr);
  if (family == AF_INET ? n != 2 : (n < 2 || n > 4)) {
    err_set_str(g_TypeError, family == AF_INET ? "AF_INET address must be a pair (host, port)"
                                               : "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
    return false;
  }
  std::string host;
  if (!host_bytes(tuple_item(addr, 0), &host)) return false;
  uint16_t port;
  if (!port_arg(tuple_item(addr, 1), caller, &port)) return false;
  int64_t flowinfo = 0, scope_id = 0;
  if (n > 2 && !to_int64(tuple_item(addr, 2), &flowinfo)) return false;
  if (n > 3 && !to_int64(tuple_item(addr, 3), &scope_id)) return false;
  if (flowinfo < 0 || flowinfo > 0xfffff) {
    err_format(g_OverflowError, "%s(): flowinfo must be 0-1048575.", caller);
    return false;
  }
  if (!resolve_host(host, family, out, len)) return false;
  if (family == AF_INET) {
    reinterpret_cast<struct sockaddr_in*>(out)->sin_port = htons(port);
  } else {
    auto* a = reinterpret_cast<struct sockaddr_in6*>(out);
    a->sin6_port = htons(port);
    a->sin6_flowinfo = htonl(static_cast<uint32_t>(flowinfo));
    if (n > 3) a->sin6_scope_id = static_cast<uint32_t>(scope_id);
  }
  return true;
}

// A sockaddr as Python sees it: (host, port) for IPv4, (host, port, flowinfo,
// scope_id) for IPv6, a str path (bytes for Linux abstract names) for AF_UNIX.
Ref<> sockaddr_value(const struct sockaddr* sa, socklen_t len) {
  if (len == 0) return new_none();
  switch (sa->sa_family) {
    case AF_INET: {
      auto* a = reinterpret_cast<const struct sockaddr_in*>(sa);
      char buf[INET_ADDRSTRLEN];
      inet_ntop(AF_INET, &a->sin_addr, buf, sizeof buf);
      Ref<> h = str_from_ascii(buf), p = int_from_int64(ntohs(a->sin_port));
      if (!h || !p) return nullptr;
      return tuple_pack({h.val(), p.val()});
    }
    case AF_INET6: {
      auto* a = reinterpret_cast<const struct sockaddr_in6*>(sa);
      char buf[INET6_ADDRSTRLEN];
      inet_ntop(AF_INET6, &a->sin6_addr, buf, sizeof buf);
      Ref<> h = str_from_ascii(buf), p = int_from_int64(ntohs(a->sin6_port));
      Ref<> f = int_from_int64(ntohl(a->sin6_flowinfo)), s = int_from_int64(a->sin6_scope_id);
      if (!h || !p || !f || !s) return nullptr;
      return tuple_pack({h.val(), p.val(), f.val(), s.val()});
    }
    case AF_UNIX: {
      auto* a = reinterpret_cast<const struct sockaddr_un*>(sa);
      size_t off = offsetof(struct sockaddr_un, sun_path);
      if (len <= off) return str_from_ascii("");
      size_t n = len - off;
      if (a->sun_path[0] == '\0') return bytes_from(a->sun_path, n);
      n = strnlen(a->sun_path, n);
      return str_from_utf8(std::string_view(a->sun_path, n));
    }
    default: {
      Ref<> f = int_from_int64(sa->sa_family);
      Ref<> d = bytes_from(sa->sa_data, sizeof sa->sa_data);
      if (!f || !d) return nullptr;
      return tuple_pack({f.val(), d.val()});
    }
  }
}

bool opt_int_arg(Value v, int dflt, int* out) {
  if (v.is_null()) {
    *out = dflt;
    return true;
  }
  return c_int_arg(v, out);
}

// --- the socket type ---------------------------------------------------------------

Ref<> socket_tp_new(Type* t, const Value*, size_t, Value) {
  auto* s = alloc_object<SocketObject>(t, t->basic_size);
  if (!s) return nullptr;
  s->fd.store(-1, std::memory_order_relaxed);
  s->family.store(AF_INET, std::memory_order_relaxed);
  s->type.store(SOCK_STREAM, std::memory_order_relaxed);
  s->proto.store(0, std::memory_order_relaxed);
  s->timeout.store(-1.0, std::memory_order_relaxed);
  return Ref<>::steal(Value(s));
}

void socket_dealloc(Object* o) {
  int fd = static_cast<SocketObject*>(o)->fd.exchange(-1);
  if (fd >= 0) ::close(fd);
  free_object(o);
}

// Apply a timeout to the socket and its descriptor's O_NONBLOCK flag.
int apply_timeout(SocketObject* s, double timeout) {
  s->timeout.store(timeout, std::memory_order_relaxed);
  int fd = s->fd.load(std::memory_order_acquire);
  if (fd >= 0 && set_nonblocking(fd, timeout >= 0) < 0) {
    err_from_errno(errno);
    return -1;
  }
  return 0;
}

int socket_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig =
      native_parse_signature("socket(family=-1, type=-1, proto=-1, fileno=None)", nullptr);
  Value a[4];
  Ref<> holders[2];
  if (!native_bind(sig, args, nargs, kwnames, a, holders)) return -1;
  int family, type, proto;
  if (!c_int_arg(a[0], &family) || !c_int_arg(a[1], &type) || !c_int_arg(a[2], &proto)) return -1;
  SocketObject* s = as_sock(self);
  int fd;
  if (!is_none(a[3])) {
    if (is_float(a[3])) {
      err_set_str(g_TypeError, "'float' object cannot be interpreted as an integer");
      return -1;
    }
    if (!c_int_arg(a[3], &fd)) return -1;
    if (fd < 0) {
      err_set_str(g_ValueError, "negative file descriptor");
      return -1;
    }
    // Unspecified family/type/proto come from the descriptor itself.
    struct {
      int* field;
      int opt;
    } const queries[] = {{&family, SO_DOMAIN}, {&type, SO_TYPE}, {&proto, SO_PROTOCOL}};
    for (auto& q : queries) {
      if (*q.field != -1) continue;
      int v = 0;
      socklen_t l = sizeof v;
      if (getsockopt(fd, SOL_SOCKET, q.opt, &v, &l) < 0) {
        err_from_errno(errno);
        return -1;
      }
      *q.field = v;
    }
  } else {
    if (family == -1) family = AF_INET;
    if (type == -1) type = SOCK_STREAM;
    if (proto == -1) proto = 0;
    fd = ::socket(family, type | SOCK_CLOEXEC, proto);
    if (fd < 0) {
      err_from_errno(errno);
      return -1;
    }
  }
  int old = s->fd.exchange(fd);
  if (old >= 0 && old != fd) ::close(old);
  s->family.store(family, std::memory_order_relaxed);
  s->type.store(type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC), std::memory_order_relaxed);
  s->proto.store(proto, std::memory_order_relaxed);
  double timeout = (type & SOCK_NONBLOCK) ? 0.0 : g_default_timeout.load(std::memory_order_relaxed);
  if (timeout >= 0 || (type & SOCK_NONBLOCK)) return apply_timeout(s, timeout);
  s->timeout.store(-1.0, std::memory_order_relaxed);
  return 0;
}

// A new base-type socket object owning `fd` (accept's and socketpair's results).
Ref<> socket_from_fd(int fd, int family, int type, int proto) {
  Ref<> obj = socket_tp_new(&g_socket_type, nullptr, 0, Value());
  if (!obj) {
    ::close(fd);
    return nullptr;
  }
  SocketObject* s = as_sock(obj.val());
  s->fd.store(fd, std::memory_order_release);
  s->family.store(family, std::memory_order_relaxed);
  s->type.store(type, std::memory_order_relaxed);
  s->proto.store(proto, std::memory_order_relaxed);
  double timeout = g_default_timeout.load(std::memory_order_relaxed);
  if (timeout >= 0 && apply_timeout(s, timeout) < 0) return nullptr;
  return obj;
}

Ref<> sock_repr(Value self) {
  SocketObject* s = as_sock(self);
  char buf[160];
  snprintf(buf, sizeof buf, "<socket object, fd=%d, family=%d, type=%d, proto=%d>", s->fd.load(),
           s->family.load(), s->type.load(), s->proto.load());
  return str_from_ascii(buf);
}

int live_fd(SocketObject* s) {
  int fd = s->fd.load(std::memory_order_acquire);
  if (fd < 0) err_from_errno(EBADF);
  return fd;
}

Ref<> sock_bind(Value self, Value* args) {
  SocketObject* s = as_sock(self);
  struct sockaddr_storage sa;
  socklen_t len;
  if (!sockaddr_arg(s->family.load(), args[0], "bind", &sa, &len)) return nullptr;
  int fd = live_fd(s);
  if (fd < 0) return nullptr;
  if (::bind(fd, reinterpret_cast<struct sockaddr*>(&sa), len) < 0) return err_from_errno(errno);
  return new_none();
}

Ref<> sock_listen(Value self, Value* args) {
  int backlog;
  if (!opt_int_arg(args[0], std::min(SOMAXCONN, 128), &backlog)) return nullptr;
  if (backlog < 0) backlog = 0;
  int fd = live_fd(as_sock(self));
  if (fd < 0) return nullptr;
  if (::listen(fd, backlog) < 0) return err_from_errno(errno);
  return new_none();
}

// _accept() -> (fd, address); socket.py wraps the descriptor in a socket.
Ref<> sock_accept(Value self, Value*) {
  struct sockaddr_storage sa;
  socklen_t len = 0;
  ssize_t fd = sock_call(as_sock(self), false, [&](int s) {
    len = sizeof sa;
    return static_cast<ssize_t>(::accept4(s, reinterpret_cast<struct sockaddr*>(&sa), &len, SOCK_CLOEXEC));
  });
  if (fd < 0) return nullptr;
  Ref<> n = int_from_int64(fd);
  Ref<> addr = sockaddr_value(reinterpret_cast<struct sockaddr*>(&sa), len);
  if (!n || !addr) {
    ::close(static_cast<int>(fd));
    return nullptr;
  }
  return tuple_pack({n.val(), addr.val()});
}

constexpr int kConnectTimedOut = -2;

// connect() and connect_ex(): 0 or an errno value; kConnectTimedOut (no
// exception set: connect raises TimeoutError, connect_ex returns EWOULDBLOCK
// as CPython does); -1 with an exception for errors that are not the
// connection's own (a bad address).
int do_connect(SocketObject* s, Value addr, const char* caller) {
  struct sockaddr_storage sa;
  socklen_t len;
  if (!sockaddr_arg(s->family.load(), addr, caller, &sa, &len)) return -1;
  int fd = s->fd.load(std::memory_order_acquire);
  if (fd < 0) return EBADF;
  double timeout = s->timeout.load(std::memory_order_relaxed);
  int r, saved;
  {
    DetachedScope d;
    r = ::connect(fd, reinterpret_cast<struct sockaddr*>(&sa), len);
    saved = errno;
  }
  if (r == 0) return 0;
  bool pending = (saved == EINTR && timeout != 0) || (saved == EINPROGRESS && timeout > 0);
  if (!pending) return saved;
  // The connection proceeds in the background: wait until the socket is
  // writable, then read the outcome from SO_ERROR.
  int w = socket_wait_fd(fd, POLLOUT, timeout > 0 ? now_seconds() + timeout : -1);
  if (w < 0) return -1;
  if (w == 0) return kConnectTimedOut;
  int err = 0;
  socklen_t l = sizeof err;
  if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &l) < 0) return errno;
  return err;
}

Ref<> sock_connect(Value self, Value* args) {
  int r = do_connect(as_sock(self), args[0], "connect");
  if (r == kConnectTimedOut) return timeout_error();
  if (r < 0) return nullptr;
  if (r > 0) return err_from_errno(r);
  return new_none();
}

Ref<> sock_connect_ex(Value self, Value* args) {
  int r = do_connect(as_sock(self), args[0], "connect_ex");
  if (r == kConnectTimedOut) r = EWOULDBLOCK;
  if (r < 0) return nullptr;
  return int_from_int64(r);
}

Ref<> sock_send(Value self, Value* args) {
  std::string data;
  int flags;
  if (!module_buffer_or_error(args[0], &data) || !opt_int_arg(args[1], 0, &flags)) return nullptr;
  ssize_t n = sock_call(as_sock(self), true, [&](int fd) { return ::send(fd, data.data(), data.size(), flags); });
  if (n < 0) return nullptr;
  return int_from_int64(n);
}

Ref<> sock_sendall(Value self, Value* args) {
  std::string data;
  int flags;
  if (!module_buffer_or_error(args[0], &data) || !opt_int_arg(args[1], 0, &flags)) return nullptr;
  // The timeout bounds the whole operation, not each chunk (as CPython since 3.5).
  SocketObject* s = as_sock(self);
  double deadline = op_deadline(s);
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = sock_call(
        s, true, [&](int fd) { return ::send(fd, data.data() + done, data.size() - done, flags); }, deadline);
    if (n < 0) return nullptr;
    done += static_cast<size_t>(n);
  }
  return new_none();
}

// sendto(data[, flags], address)
Ref<> sock_sendto(Value self, Value* args) {
  std::string data;
  if (!module_buffer_or_error(args[0], &data)) return nullptr;
  int flags = 0;
  Value addr = args[1];
  if (!args[2].is_null()) {
    if (!c_int_arg(args[1], &flags)) return nullptr;
    addr = args[2];
  }
  SocketObject* s = as_sock(self);
  struct sockaddr_storage sa;
  socklen_t len;
  if (!sockaddr_arg(s->family.load(), addr, "sendto", &sa, &len)) return nullptr;
  ssize_t n = sock_call(s, true, [&](int fd) {
    return ::sendto(fd, data.data(), data.size(), flags, reinterpret_cast<struct sockaddr*>(&sa), len);
  });
  if (n < 0) return nullptr;
  return int_from_int64(n);
}

bool bufsize_arg(Value v, const char* what, size_t* out) {
  int64_t n;
  if (!to_int64(v, &n)) return false;
  if (n < 0) {
    err_format(g_ValueError, "negative buffersize in %s", what);
    return false;
  }
  *out = static_cast<size_t>(n);
  return true;
}

// A receive buffer of `n` bytes, or null with MemoryError (recv(2**40) must
// raise, not throw std::bad_alloc).
std::unique_ptr<char[]> recv_buffer(size_t n) {
  std::unique_ptr<char[]> p(new (std::nothrow) char[n ? n : 1]);
  if (!p) err_no_memory();
  return p;
}

Ref<> sock_recv(Value self, Value* args) {
  size_t size;
  int flags;
  if (!bufsize_arg(args[0], "recv", &size) || !opt_int_arg(args[1], 0, &flags)) return nullptr;
  std::unique_ptr<char[]> buf = recv_buffer(size);
  if (!buf) return nullptr;
  ssize_t n = sock_call(as_sock(self), false, [&](int fd) { return ::recv(fd, buf.get(), size, flags); });
  if (n < 0) return nullptr;
  return bytes_from(buf.get(), static_cast<size_t>(n));
}

Ref<> sock_recvfrom(Value self, Value* args) {
  size_t size;
  int flags;
  if (!bufsize_arg(args[0], "recvfrom", &size) || !opt_int_arg(args[1], 0, &flags)) return nullptr;
  std::unique_ptr<char[]> buf = recv_buffer(size);
  if (!buf) return nullptr;
  struct sockaddr_storage sa;
  socklen_t len = 0;
  ssize_t n = sock_call(as_sock(self), false, [&](int fd) {
    len = sizeof sa;
    return ::recvfrom(fd, buf.get(), size, flags, reinterpret_cast<struct sockaddr*>(&sa), &len);
  });
  if (n < 0) return nullptr;
  Ref<> data = bytes_from(buf.get(), static_cast<size_t>(n));
  Ref<> addr = sockaddr_value(reinterpret_cast<struct sockaddr*>(&sa), len);
  if (!data || !addr) return nullptr;
  return tuple_pack({data.val(), addr.val()});
}

// recv_into and recvfrom_into receive into a private buffer while detached
// (the target's lock may not be held across a wait), then copy into the target.
ssize_t recv_into_common(Value self, Value target, Value nbytes_v, Value flags_v, const char* what,
                         struct sockaddr_storage* sa, socklen_t* salen) {
  int64_t cap = -1;
  int r = module_with_writable_buffer(target, [&](uint8_t*, int64_t size) {
    cap = size;
    return 0;
  });
  if (r < 0) return -1;
  if (r == 0) {
    err_format(g_TypeError, "%s() argument 1 must be read-write bytes-like object, not %s", what,
               type_name(type_of(target)));
    return -1;
  }
  size_t want = 0;
  int flags;
  if (!nbytes_v.is_null() && !bufsize_arg(nbytes_v, what, &want)) return -1;
  if (!opt_int_arg(flags_v, 0, &flags)) return -1;
  if (want == 0) want = static_cast<size_t>(cap);
  if (static_cast<int64_t>(want) > cap) {
    err_format(g_ValueError, "%s", std::strcmp(what, "recv_into") == 0 ? "buffer too small for requested bytes"
                                                                        : "nbytes is greater than the length of the buffer");
    return -1;
  }
  std::unique_ptr<char[]> buf = recv_buffer(want);
  if (!buf) return -1;
  ssize_t n = sock_call(as_sock(self), false, [&](int fd) {
    if (!sa) return ::recv(fd, buf.get(), want, flags);
    *salen = sizeof *sa;
    return ::recvfrom(fd, buf.get(), want, flags, reinterpret_cast<struct sockaddr*>(sa), salen);
  });
  if (n < 0) return -1;
  r = module_with_writable_buffer(target, [&](uint8_t* data, int64_t size) {
    std::memcpy(data, buf.get(), static_cast<size_t>(std::min<int64_t>(n, size)));
    return 0;
  });
  if (r < 0) return -1;
  return n;
}

Ref<> sock_recv_into(Value self, Value* args) {
  ssize_t n = recv_into_common(self, args[0], args[1], args[2], "recv_into", nullptr, nullptr);
  if (n < 0) return nullptr;
  return int_from_int64(n);
}

Ref<> sock_recvfrom_into(Value self, Value* args) {
  struct sockaddr_storage sa;
  socklen_t len = 0;
  ssize_t n = recv_into_common(self, args[0], args[1], args[2], "recvfrom_into", &sa, &len);
  if (n < 0) return nullptr;
  Ref<> count = int_from_int64(n);
  Ref<> addr = sockaddr_value(reinterpret_cast<struct sockaddr*>(&sa), len);
  if (!count || !addr) return nullptr;
  return tuple_pack({count.val(), addr.val()});
}

Ref<> sock_close(Value self, Value*) {
  int fd = as_sock(self)->fd.exchange(-1);
  // ECONNRESET on close means the peer already went away: not an error here.
  if (fd >= 0 && ::close(fd) < 0 && errno != ECONNRESET) return err_from_errno(errno);
  return new_none();
}

Ref<> sock_detach(Value self, Value*) { return int_from_int64(as_sock(self)->fd.exchange(-1)); }

Ref<> sock_fileno(Value self, Value*) { return int_from_int64(as_sock(self)->fd.load()); }

Ref<> sock_setblocking(Value self, Value* args) {
  int b = truthy(args[0]);
  if (b < 0) return nullptr;
  SocketObject* s = as_sock(self);
  if (live_fd(s) < 0) return nullptr;
  if (apply_timeout(s, b ? -1.0 : 0.0) < 0) return nullptr;
  return new_none();
}

Ref<> sock_getblocking(Value self, Value*) {
  SocketObject* s = as_sock(self);
  if (live_fd(s) < 0) return nullptr;
  return new_bool(s->timeout.load() != 0.0);
}

Ref<> sock_settimeout(Value self, Value* args) {
  double t;
  if (!parse_timeout(args[0], &t)) return nullptr;
  if (apply_timeout(as_sock(self), t) < 0) return nullptr;
  return new_none();
}

Ref<> timeout_value(double t) {
  if (t < 0) return new_none();
  return float_new(t);
}

Ref<> sock_gettimeout(Value self, Value*) { return timeout_value(as_sock(self)->timeout.load()); }

Ref<> sock_setsockopt(Value self, Value* args) {
  int level, opt;
  if (!c_int_arg(args[0], &level) || !c_int_arg(args[1], &opt)) return nullptr;
  int fd = live_fd(as_sock(self));
  if (fd < 0) return nullptr;
  Value v = args[2];
  int r;
  if (is_none(v)) {
    int optlen;
    if (args[3].is_null()) return err_set_str(g_TypeError, "setsockopt() takes 4 arguments when value is None");
    if (!c_int_arg(args[3], &optlen)) return nullptr;
    r = ::setsockopt(fd, level, opt, nullptr, static_cast<socklen_t>(optlen));
  } else if (is_int(v)) {
    int iv;
    if (!c_int_arg(v, &iv)) return nullptr;
    r = ::setsockopt(fd, level, opt, &iv, sizeof iv);
  } else {
    std::string buf;
    if (!module_buffer_or_error(v, &buf)) return nullptr;
    r = ::setsockopt(fd, level, opt, buf.data(), static_cast<socklen_t>(buf.size()));
  }
  if (r < 0) return err_from_errno(errno);
  return new_none();
}

Ref<> sock_getsockopt(Value self, Value* args) {
  int level, opt;
  if (!c_int_arg(args[0], &level) || !c_int_arg(args[1], &opt)) return nullptr;
  int fd = live_fd(as_sock(self));
  if (fd < 0) return nullptr;
  if (args[2].is_null()) {
    int v = 0;
    socklen_t l = sizeof v;
    if (::getsockopt(fd, level, opt, &v, &l) < 0) return err_from_errno(errno);
    return int_from_int64(v);
  }
  int buflen;
  if (!c_int_arg(args[2], &buflen)) return nullptr;
  if (buflen <= 0 || buflen > 1024) return err_set_str(g_OSError, "getsockopt buflen out of range");
  std::string buf(static_cast<size_t>(buflen), '\0');
  socklen_t l = static_cast<socklen_t>(buflen);
  if (::getsockopt(fd, level, opt, buf.data(), &l) < 0) return err_from_errno(errno);
  return bytes_from(buf.data(), l);
}

Ref<> sock_name(Value self, bool peer) {
  int fd = live_fd(as_sock(self));
  if (fd < 0) return nullptr;
  struct sockaddr_storage sa;
  std::memset(&sa, 0, sizeof sa);
  socklen_t len = sizeof sa;
  int r = peer ? ::getpeername(fd, reinterpret_cast<struct sockaddr*>(&sa), &len)
               : ::getsockname(fd, reinterpret_cast<struct sockaddr*>(&sa), &len);
  if (r < 0) return err_from_errno(errno);
  return sockaddr_value(reinterpret_cast<struct sockaddr*>(&sa), len);
}

Ref<> sock_getsockname(Value self, Value*) { return sock_name(self, false); }
Ref<> sock_getpeername(Value self, Value*) { return sock_name(self, true); }

Ref<> sock_shutdown(Value self, Value* args) {
  int how;
  if (!c_int_arg(args[0], &how)) return nullptr;
  int fd = live_fd(as_sock(self));
  if (fd < 0) return nullptr;
  if (::shutdown(fd, how) < 0) return err_from_errno(errno);
  return new_none();
}

Ref<> sock_dup(Value self, Value*) {
  SocketObject* s = as_sock(self);
  int fd = live_fd(s);
  if (fd < 0) return nullptr;
  int nfd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (nfd < 0) return err_from_errno(errno);
  return socket_from_fd(nfd, s->family.load(), s->type.load(), s->proto.load());
}

Ref<> sock_family_get(Value self) { return int_from_int64(as_sock(self)->family.load()); }
Ref<> sock_type_get(Value self) { return int_from_int64(as_sock(self)->type.load()); }
Ref<> sock_proto_get(Value self) { return int_from_int64(as_sock(self)->proto.load()); }
Ref<> sock_timeout_get(Value self) { return timeout_value(as_sock(self)->timeout.load()); }

const MethodDef kSocketMethods[] = {
    {"_accept($self, /)", sock_accept, "Wait for an incoming connection; return (fd, address)."},
    {"bind($self, address, /)", sock_bind, "Bind the socket to a local address."},
    {"close($self, /)", sock_close, "Close the socket."},
    {"connect($self, address, /)", sock_connect, "Connect the socket to a remote address."},
    {"connect_ex($self, address, /)", sock_connect_ex, "Like connect(), but return an error code instead of raising."},
    {"detach($self, /)", sock_detach, "Close the socket object without closing the descriptor; return it."},
    {"dup($self, /)", sock_dup, "Duplicate the socket."},
    {"fileno($self, /)", sock_fileno, "Return the socket's file descriptor, or -1."},
    {"getblocking($self, /)", sock_getblocking, "True if the socket is in blocking mode."},
    {"getpeername($self, /)", sock_getpeername, "Return the address of the remote endpoint."},
    {"getsockname($self, /)", sock_getsockname, "Return the address of the local endpoint."},
    {"getsockopt($self, level, option, buffersize=?, /)", sock_getsockopt, "Get a socket option."},
    {"gettimeout($self, /)", sock_gettimeout, "Return the timeout in seconds, or None."},
    {"listen($self, backlog=?, /)", sock_listen, "Enable the server to accept connections."},
    {"recv($self, bufsize, flags=?, /)", sock_recv, "Receive up to bufsize bytes."},
    {"recv_into($self, buffer, nbytes=?, flags=?)", sock_recv_into, "Receive into a buffer."},
    {"recvfrom($self, bufsize, flags=?, /)", sock_recvfrom, "Receive up to bufsize bytes and the sender's address."},
    {"recvfrom_into($self, buffer, nbytes=?, flags=?)", sock_recvfrom_into,
     "Receive into a buffer; return (nbytes, address)."},
    {"send($self, data, flags=?, /)", sock_send, "Send data; return the number of bytes sent."},
    {"sendall($self, data, flags=?, /)", sock_sendall, "Send all of data."},
    {"sendto($self, data, flags_or_address, address=?, /)", sock_sendto, "Send data to an address."},
    {"setblocking($self, flag, /)", sock_setblocking, "Set blocking or non-blocking mode."},
    {"setsockopt($self, level, option, value, optlen=?, /)", sock_setsockopt, "Set a socket option."},
    {"settimeout($self, timeout, /)", sock_settimeout, "Set a timeout in seconds (None: blocking)."},
    {"shutdown($self, how, /)", sock_shutdown, "Shut down reading, writing or both."},
    {nullptr}};

const GetSetDef kSocketGetSets[] = {
    {"family", sock_family_get, nullptr, "the socket family"},
    {"type", sock_type_get, nullptr, "the socket type"},
    {"proto", sock_proto_get, nullptr, "the socket protocol"},
    {"timeout", sock_timeout_get, nullptr, "the socket timeout"},
    {nullptr}};

// --- module functions --------------------------------------------------------------

// getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)
Ref<> m_getaddrinfo(Value, Value* args) {
  std::string host, port;
  bool has_host = !is_none(args[0]), has_port = !is_none(args[1]);
  if (has_host && !host_bytes(args[0], &host, HostIdna::kAlways)) return nullptr;
  if (is_int(args[1])) {
    int64_t p;
    if (!to_int64(args[1], &p)) return nullptr;
    port = std::to_string(p);
  } else if (is_str(args[1])) {
    port = std::string(str_view(args[1]));
  } else if (is_bytes(args[1])) {
    module_buffer_copy(args[1], &port);
  } else if (has_port) {
    return err_set_str(g_OSError, "Int or String expected");
  }
  struct addrinfo hints = {};
  if (!c_int_arg(args[2], &hints.ai_family) || !c_int_arg(args[3], &hints.ai_socktype) ||
      !c_int_arg(args[4], &hints.ai_protocol) || !c_int_arg(args[5], &hints.ai_flags))
    return nullptr;
  struct addrinfo* res = nullptr;
  int code;
  {
    DetachedScope d;
    code = getaddrinfo(has_host ? host.c_str() : nullptr, has_port ? port.c_str() : nullptr, &hints, &res);
  }
  if (code != 0) return raise_gai(code);
  Ref<> out = list_new();
  for (struct addrinfo* ai = res; out && ai; ai = ai->ai_next) {
    Ref<> f = int_from_int64(ai->ai_family), t = int_from_int64(ai->ai_socktype), p = int_from_int64(ai->ai_protocol);
    Ref<> c = str_from_utf8(ai->ai_canonname ? ai->ai_canonname : "");
    Ref<> a = sockaddr_value(ai->ai_addr, ai->ai_addrlen);
    Ref<> item = f && t && p && c && a ? tuple_pack({f.val(), t.val(), p.val(), c.val(), a.val()}) : Ref<>();
    if (!item || list_append(out.val(), item.val()) < 0) out.reset();
  }
  freeaddrinfo(res);
  return out;
}

// getnameinfo(sockaddr, flags)
Ref<> m_getnameinfo(Value, Value* args) {
  Value sa = args[0];
  if (!is_tuple(sa)) return err_set_str(g_TypeError, "getnameinfo() argument 1 must be a tuple");
  int64_t n = tuple_size(sa);
  if (n < 2 || n > 4) return err_set_str(g_TypeError, "getnameinfo(): illegal sockaddr argument");
  int flags;
  if (!c_int_arg(args[1], &flags)) return nullptr;
  Value h = tuple_item(sa, 0);
  if (!is_str(h)) return err_format(g_TypeError, "getnameinfo() argument 1 must be str, not %s", type_name(type_of(h)));
  std::string host(str_view(h));
  uint16_t port;
  if (!port_arg(tuple_item(sa, 1), "getnameinfo", &port)) return nullptr;
  struct addrinfo hints = {};
  hints.ai_socktype = SOCK_DGRAM;
  hints.ai_flags = AI_NUMERICHOST;
  struct addrinfo* res = nullptr;
  int code;
  {
    DetachedScope d;
    code = getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &res);
  }
  if (code != 0) return raise_gai(code);
  if (res->ai_next) {
    freeaddrinfo(res);
    return err_set_str(g_OSError, "sockaddr resolved to multiple addresses");
  }
  struct sockaddr_storage ss;
  std::memcpy(&ss, res->ai_addr, res->ai_addrlen);
  socklen_t len = res->ai_addrlen;
  freeaddrinfo(res);
  if (ss.ss_family == AF_INET6 && n > 2) {
    int64_t flow = 0, scope = 0;
    if (!to_int64(tuple_item(sa, 2), &flow) || (n > 3 && !to_int64(tuple_item(sa, 3), &scope))) return nullptr;
    auto* a6 = reinterpret_cast<struct sockaddr_in6*>(&ss);
    a6->sin6_flowinfo = htonl(static_cast<uint32_t>(flow));
    a6->sin6_scope_id = static_cast<uint32_t>(scope);
  } else if (ss.ss_family == AF_INET && n != 2) {
    return err_set_str(g_OSError, "IPv4 sockaddr must be 2 tuple");
  }
  char hbuf[NI_MAXHOST], sbuf[NI_MAXSERV];
  {
    DetachedScope d;
    code = getnameinfo(reinterpret_cast<struct sockaddr*>(&ss), len, hbuf, sizeof hbuf, sbuf, sizeof sbuf, flags);
  }
  if (code != 0) return raise_gai(code);
  Ref<> hs = str_from_utf8(hbuf), ss_ = str_from_utf8(sbuf);
  if (!hs || !ss_) return nullptr;
  return tuple_pack({hs.val(), ss_.val()});
}

Ref<> m_gethostname(Value, Value*) {
  char buf[HOST_NAME_MAX + 1];
  if (gethostname(buf, sizeof buf) < 0) return err_from_errno(errno);
  buf[HOST_NAME_MAX] = '\0';
  return str_from_utf8(buf);
}

Ref<> m_gethostbyname(Value, Value* args) {
  std::string host;
  if (!host_bytes(args[0], &host, HostIdna::kAlwaysNoNul, "gethostbyname")) return nullptr;
  struct sockaddr_storage sa;
  socklen_t len;
  if (!resolve_host(host, AF_INET, &sa, &len)) return nullptr;
  char buf[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, &reinterpret_cast<struct sockaddr_in*>(&sa)->sin_addr, buf, sizeof buf);
  return str_from_ascii(buf);
}

// gethostbyaddr(ip) -> (hostname, aliases, addresses), through getnameinfo
// (so the alias list is always empty).
Ref<> m_gethostbyaddr(Value, Value* args) {
  std::string host;
  if (!host_bytes(args[0], &host, HostIdna::kAlwaysNoNul, "gethostbyaddr")) return nullptr;
  struct sockaddr_storage sa;
  socklen_t len;
  if (!resolve_host(host, AF_UNSPEC, &sa, &len)) return nullptr;
  char hbuf[NI_MAXHOST];
  int code;
  {
    DetachedScope d;
    code = getnameinfo(reinterpret_cast<struct sockaddr*>(&sa), len, hbuf, sizeof hbuf, nullptr, 0, NI_NAMEREQD);
  }
  if (code != 0) {
    Ref<> n = int_from_int64(1);
    Ref<> msg = str_from_ascii("Unknown host");
    Ref<Tuple> a = tuple_pack({n.val(), msg.val()});
    return a ? err_set_object(g_herror, a.val()) : nullptr;
  }
  Ref<> addr = sockaddr_value(reinterpret_cast<struct sockaddr*>(&sa), len);
  if (!addr) return nullptr;
  Ref<> name = str_from_utf8(hbuf);
  Ref<> aliases = list_new(), addrs = list_new();
  if (!name || !aliases || !addrs || list_append(addrs.val(), tuple_item(addr.val(), 0)) < 0) return nullptr;
  return tuple_pack({name.val(), aliases.val(), addrs.val()});
}

bool opt_proto_name(Value v, std::string* out, bool* given) {
  *given = !v.is_null() && !is_none(v);
  if (!*given) return true;
  if (!is_str(v)) {
    err_format(g_TypeError, "argument 2 must be str, not %s", type_name(type_of(v)));
    return false;
  }
  *out = std::string(str_view(v));
  return true;
}

Ref<> m_getservbyname(Value, Value* args) {
  if (!is_str(args[0]))
    return err_format(g_TypeError, "getservbyname() argument 1 must be str, not %s", type_name(type_of(args[0])));
  std::string name(str_view(args[0])), proto;
  bool given;
  if (!opt_proto_name(args[1], &proto, &given)) return nullptr;
  struct servent se, *res = nullptr;
  char buf[1024];
  getservbyname_r(name.c_str(), given ? proto.c_str() : nullptr, &se, buf, sizeof buf, &res);
  if (!res) return err_set_str(g_OSError, "service/proto not found");
  return int_from_int64(ntohs(static_cast<uint16_t>(res->s_port)));
}

Ref<> m_getservbyport(Value, Value* args) {
  int port;
  if (!c_int_arg(args[0], &port)) return nullptr;
  if (port < 0 || port > 65535) return err_set_str(g_OverflowError, "getservbyport: port must be 0-65535.");
  std::string proto;
  bool given;
  if (!opt_proto_name(args[1], &proto, &given)) return nullptr;
  struct servent se, *res = nullptr;
  char buf[1024];
  getservbyport_r(htons(static_cast<uint16_t>(port)), given ? proto.c_str() : nullptr, &se, buf, sizeof buf, &res);
  if (!res) return err_set_str(g_OSError, "port/proto not found");
  return str_from_utf8(res->s_name);
}

Ref<> m_getprotobyname(Value, Value* args) {
  if (!is_str(args[0]))
    return err_format(g_TypeError, "getprotobyname() argument must be str, not %s", type_name(type_of(args[0])));
  std::string name(str_view(args[0]));
  struct protoent pe, *res = nullptr;
  char buf[1024];
  getprotobyname_r(name.c_str(), &pe, buf, sizeof buf, &res);
  if (!res) return err_set_str(g_OSError, "protocol not found");
  return int_from_int64(res->p_proto);
}

Ref<> m_inet_aton(Value, Value* args) {
  if (!is_str(args[0]))
    return err_format(g_TypeError, "inet_aton() argument 1 must be str, not %s", type_name(type_of(args[0])));
  std::string s(str_view(args[0]));
  struct in_addr a;
  if (inet_aton(s.c_str(), &a) == 0) return err_set_str(g_OSError, "illegal IP address string passed to inet_aton");
  return bytes_from(&a, sizeof a);
}

Ref<> m_inet_ntoa(Value, Value* args) {
  std::string b;
  if (!module_buffer_or_error(args[0], &b)) return nullptr;
  if (b.size() != 4) return err_set_str(g_OSError, "packed IP wrong length for inet_ntoa");
  char buf[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, b.data(), buf, sizeof buf);
  return str_from_ascii(buf);
}

Ref<> m_inet_pton(Value, Value* args) {
  int af;
  if (!c_int_arg(args[0], &af)) return nullptr;
  if (!is_str(args[1]))
    return err_format(g_TypeError, "inet_pton() argument 2 must be str, not %s", type_name(type_of(args[1])));
  std::string s(str_view(args[1]));
  unsigned char out[sizeof(struct in6_addr)];
  int r = inet_pton(af, s.c_str(), out);
  if (r < 0) return err_from_errno(errno);
  if (r == 0) return err_set_str(g_OSError, "illegal IP address string passed to inet_pton");
  return bytes_from(out, af == AF_INET ? 4 : 16);
}

Ref<> m_inet_ntop(Value, Value* args) {
  int af;
  if (!c_int_arg(args[0], &af)) return nullptr;
  std::string b;
  if (!module_buffer_or_error(args[1], &b)) return nullptr;
  if (af != AF_INET && af != AF_INET6) return err_format(g_ValueError, "unknown address family %d", af);
  if (b.size() != (af == AF_INET ? 4u : 16u)) return err_set_str(g_ValueError, "invalid length of packed IP address string");
  char buf[INET6_ADDRSTRLEN];
  if (!inet_ntop(af, b.data(), buf, sizeof buf)) return err_from_errno(errno);
  return str_from_ascii(buf);
}

// The byte-order helpers; `bits` 16 or 32.
Ref<> byte_order(Value v, int bits, const char* name) {
  if (!is_int(v)) return err_format(g_TypeError, "expected int, %s found", type_name(type_of(v)));
  int64_t x;
  if (!to_int64(v, &x)) return nullptr;
  if (x < 0) {
    return bits == 16 ? err_format(g_OverflowError, "%s: can't convert negative Python int to C 16-bit unsigned integer", name)
                      : err_set_str(g_OverflowError, "can't convert negative value to unsigned int");
  }
  if (bits == 16 && x > 0xffff)
    return err_format(g_OverflowError, "%s: Python int too large to convert to C 16-bit unsigned integer", name);
  if (bits == 32 && x > 0xffffffffLL) return err_set_str(g_OverflowError, "int larger than 32 bits");
  if (bits == 16) return int_from_int64(htons(static_cast<uint16_t>(x)));
  return int_from_int64(htonl(static_cast<uint32_t>(x)));
}

Ref<> m_htons(Value, Value* args) { return byte_order(args[0], 16, "htons"); }
Ref<> m_ntohs(Value, Value* args) { return byte_order(args[0], 16, "ntohs"); }
Ref<> m_htonl(Value, Value* args) { return byte_order(args[0], 32, "htonl"); }
Ref<> m_ntohl(Value, Value* args) { return byte_order(args[0], 32, "ntohl"); }

Ref<> m_socketpair(Value, Value* args) {
  int family, type, proto;
  if (!opt_int_arg(args[0], AF_UNIX, &family) || !opt_int_arg(args[1], SOCK_STREAM, &type) ||
      !opt_int_arg(args[2], 0, &proto))
    return nullptr;
  int fds[2];
  if (::socketpair(family, type | SOCK_CLOEXEC, proto, fds) < 0) return err_from_errno(errno);
  int plain = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
  Ref<> a = socket_from_fd(fds[0], family, plain, proto);
  if (!a) {
    ::close(fds[1]);
    return nullptr;
  }
  Ref<> b = socket_from_fd(fds[1], family, plain, proto);
  if (!b) return nullptr;
  return tuple_pack({a.val(), b.val()});
}

Ref<> m_dup(Value, Value* args) {
  int fd;
  if (!c_int_arg(args[0], &fd)) return nullptr;
  int nfd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (nfd < 0) return err_from_errno(errno);
  return int_from_int64(nfd);
}

Ref<> m_close(Value, Value* args) {
  int fd;
  if (!c_int_arg(args[0], &fd)) return nullptr;
  if (::close(fd) < 0 && errno != ECONNRESET) return err_from_errno(errno);
  return new_none();
}

Ref<> m_getdefaulttimeout(Value, Value*) { return timeout_value(g_default_timeout.load()); }

Ref<> m_setdefaulttimeout(Value, Value* args) {
  double t;
  if (!parse_timeout(args[0], &t)) return nullptr;
  g_default_timeout.store(t);
  return new_none();
}

Ref<> m_if_nametoindex(Value, Value* args) {
  std::string name;
  if (is_str(args[0])) {
    name = std::string(str_view(args[0]));
  } else if (!module_buffer_or_error(args[0], &name)) {
    return nullptr;
  }
  unsigned idx = if_nametoindex(name.c_str());
  if (idx == 0) return err_set_str(g_OSError, "no interface with this name");
  return int_from_int64(idx);
}

Ref<> m_if_indextoname(Value, Value* args) {
  int64_t idx;
  if (!to_int64(args[0], &idx)) return nullptr;
  if (idx < 0 || idx > UINT_MAX) return err_set_str(g_OverflowError, "index is too large");
  char buf[IF_NAMESIZE + 1];
  if (!if_indextoname(static_cast<unsigned>(idx), buf)) return err_from_errno(errno);
  return str_from_utf8(buf);
}

Ref<> m_if_nameindex(Value, Value*) {
  struct if_nameindex* ni = if_nameindex();
  if (!ni) return err_from_errno(errno);
  Ref<> out = list_new();
  for (struct if_nameindex* p = ni; out && p->if_index != 0; p++) {
    Ref<> i = int_from_int64(p->if_index);
    Ref<> n = str_from_utf8(p->if_name);
    Ref<> t = i && n ? tuple_pack({i.val(), n.val()}) : Ref<>();
    if (!t || list_append(out.val(), t.val()) < 0) out.reset();
  }
  if_freenameindex(ni);
  return out;
}

const MethodDef kSocketFunctions[] = {
    {"getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)", m_getaddrinfo,
     "Resolve host and port into a list of (family, type, proto, canonname, sockaddr)."},
    {"getnameinfo(sockaddr, flags, /)", m_getnameinfo, "Resolve a socket address into (host, port)."},
    {"gethostname()", m_gethostname, "Return the current host name."},
    {"gethostbyname(host, /)", m_gethostbyname, "Return the IPv4 address of a host."},
    {"gethostbyaddr(host, /)", m_gethostbyaddr, "Return (name, aliases, addresses) for an address."},
    {"getservbyname(servicename, protocolname=?, /)", m_getservbyname, "Return the port number of a service."},
    {"getservbyport(port, protocolname=?, /)", m_getservbyport, "Return the service name of a port."},
    {"getprotobyname(name, /)", m_getprotobyname, "Return the number of a protocol."},
    {"inet_aton(ip_addr, /)", m_inet_aton, "Convert an IPv4 address string to 4 packed bytes."},
    {"inet_ntoa(packed_ip, /)", m_inet_ntoa, "Convert 4 packed bytes to an IPv4 address string."},
    {"inet_pton(address_family, ip_string, /)", m_inet_pton, "Convert an IP address string to packed form."},
    {"inet_ntop(address_family, packed_ip, /)", m_inet_ntop, "Convert a packed IP address to a string."},
    {"htons(integer, /)", m_htons, "Convert a 16-bit integer from host to network byte order."},
    {"ntohs(integer, /)", m_ntohs, "Convert a 16-bit integer from network to host byte order."},
    {"htonl(integer, /)", m_htonl, "Convert a 32-bit integer from host to network byte order."},
    {"ntohl(integer, /)", m_ntohl, "Convert a 32-bit integer from network to host byte order."},
    {"socketpair(family=?, type=?, proto=?, /)", m_socketpair, "Return a pair of connected sockets."},
    {"dup(fd, /)", m_dup, "Duplicate a socket file descriptor."},
    {"close(fd, /)", m_close, "Close a socket file descriptor."},
    {"getdefaulttimeout()", m_getdefaulttimeout, "Return the default timeout for new sockets."},
    {"setdefaulttimeout(timeout, /)", m_setdefaulttimeout, "Set the default timeout for new sockets."},
    {"if_nametoindex(oname, /)", m_if_nametoindex, "Return the index of a network interface."},
    {"if_indextoname(index, /)", m_if_indextoname, "Return the name of a network interface."},
    {"if_nameindex()", m_if_nameindex, "Return [(index, name), ...] for every network interface."},
    {nullptr}};

struct IntConst {
  const char* name;
  long long value;
};

#define FTPY_SOCK_CONST(n) {#n, static_cast<long long>(n)},
const IntConst kConsts[] = {
    FTPY_SOCK_CONST(AF_UNSPEC) FTPY_SOCK_CONST(AF_INET) FTPY_SOCK_CONST(AF_INET6) FTPY_SOCK_CONST(AF_UNIX)
    FTPY_SOCK_CONST(AF_NETLINK) FTPY_SOCK_CONST(AF_PACKET) FTPY_SOCK_CONST(AF_APPLETALK) FTPY_SOCK_CONST(AF_BLUETOOTH)
    FTPY_SOCK_CONST(AF_CAN) FTPY_SOCK_CONST(AF_IPX) FTPY_SOCK_CONST(AF_IRDA) FTPY_SOCK_CONST(AF_KEY)
    FTPY_SOCK_CONST(AF_ROUTE) FTPY_SOCK_CONST(AF_SNA) FTPY_SOCK_CONST(AF_TIPC) FTPY_SOCK_CONST(AF_ALG)
    FTPY_SOCK_CONST(AF_VSOCK) FTPY_SOCK_CONST(AF_X25) FTPY_SOCK_CONST(AF_RDS) FTPY_SOCK_CONST(AF_QIPCRTR)
    FTPY_SOCK_CONST(SOCK_STREAM) FTPY_SOCK_CONST(SOCK_DGRAM) FTPY_SOCK_CONST(SOCK_RAW) FTPY_SOCK_CONST(SOCK_RDM)
    FTPY_SOCK_CONST(SOCK_SEQPACKET) FTPY_SOCK_CONST(SOCK_NONBLOCK) FTPY_SOCK_CONST(SOCK_CLOEXEC)
    FTPY_SOCK_CONST(SOL_SOCKET) FTPY_SOCK_CONST(SOL_IP) FTPY_SOCK_CONST(SOL_TCP)
    FTPY_SOCK_CONST(SO_DEBUG) FTPY_SOCK_CONST(SO_ACCEPTCONN) FTPY_SOCK_CONST(SO_REUSEADDR) FTPY_SOCK_CONST(SO_REUSEPORT)
    FTPY_SOCK_CONST(SO_KEEPALIVE) FTPY_SOCK_CONST(SO_DONTROUTE) FTPY_SOCK_CONST(SO_BROADCAST)
    FTPY_SOCK_CONST(SO_LINGER) FTPY_SOCK_CONST(SO_OOBINLINE) FTPY_SOCK_CONST(SO_SNDBUF) FTPY_SOCK_CONST(SO_RCVBUF)
    FTPY_SOCK_CONST(SO_SNDLOWAT) FTPY_SOCK_CONST(SO_RCVLOWAT) FTPY_SOCK_CONST(SO_SNDTIMEO) FTPY_SOCK_CONST(SO_RCVTIMEO)
    FTPY_SOCK_CONST(SO_ERROR) FTPY_SOCK_CONST(SO_TYPE) FTPY_SOCK_CONST(SO_PASSCRED) FTPY_SOCK_CONST(SO_PEERCRED)
    FTPY_SOCK_CONST(SO_PASSSEC) FTPY_SOCK_CONST(SO_PEERSEC) FTPY_SOCK_CONST(SO_BINDTODEVICE) FTPY_SOCK_CONST(SO_PRIORITY)
    FTPY_SOCK_CONST(SO_MARK) FTPY_SOCK_CONST(SO_DOMAIN) FTPY_SOCK_CONST(SO_PROTOCOL) FTPY_SOCK_CONST(SO_INCOMING_CPU)
    FTPY_SOCK_CONST(SCM_RIGHTS) FTPY_SOCK_CONST(SCM_CREDENTIALS) FTPY_SOCK_CONST(SOMAXCONN)
    FTPY_SOCK_CONST(MSG_OOB) FTPY_SOCK_CONST(MSG_PEEK) FTPY_SOCK_CONST(MSG_DONTROUTE) FTPY_SOCK_CONST(MSG_DONTWAIT)
    FTPY_SOCK_CONST(MSG_EOR) FTPY_SOCK_CONST(MSG_TRUNC) FTPY_SOCK_CONST(MSG_CTRUNC) FTPY_SOCK_CONST(MSG_WAITALL)
    FTPY_SOCK_CONST(MSG_NOSIGNAL) FTPY_SOCK_CONST(MSG_CMSG_CLOEXEC) FTPY_SOCK_CONST(MSG_CONFIRM)
    FTPY_SOCK_CONST(MSG_ERRQUEUE) FTPY_SOCK_CONST(MSG_FASTOPEN) FTPY_SOCK_CONST(MSG_MORE)
    FTPY_SOCK_CONST(IPPROTO_IP) FTPY_SOCK_CONST(IPPROTO_ICMP) FTPY_SOCK_CONST(IPPROTO_IGMP) FTPY_SOCK_CONST(IPPROTO_TCP)
    FTPY_SOCK_CONST(IPPROTO_UDP) FTPY_SOCK_CONST(IPPROTO_IPV6) FTPY_SOCK_CONST(IPPROTO_ICMPV6) FTPY_SOCK_CONST(IPPROTO_RAW)
    FTPY_SOCK_CONST(IPPROTO_SCTP) FTPY_SOCK_CONST(IPPROTO_UDPLITE) FTPY_SOCK_CONST(IPPROTO_GRE) FTPY_SOCK_CONST(IPPROTO_ESP)
    FTPY_SOCK_CONST(IPPROTO_AH) FTPY_SOCK_CONST(IPPROTO_PIM) FTPY_SOCK_CONST(IPPROTO_HOPOPTS)
    FTPY_SOCK_CONST(IPPROTO_ROUTING) FTPY_SOCK_CONST(IPPROTO_FRAGMENT) FTPY_SOCK_CONST(IPPROTO_NONE)
    FTPY_SOCK_CONST(IPPROTO_DSTOPTS) FTPY_SOCK_CONST(IPPROTO_EGP) FTPY_SOCK_CONST(IPPROTO_PUP) FTPY_SOCK_CONST(IPPROTO_IDP)
    FTPY_SOCK_CONST(IPPROTO_TP) FTPY_SOCK_CONST(IPPROTO_RSVP) FTPY_SOCK_CONST(IPPROTO_IPIP)
    FTPY_SOCK_CONST(IPPORT_RESERVED) FTPY_SOCK_CONST(IPPORT_USERRESERVED)
    FTPY_SOCK_CONST(IP_TOS) FTPY_SOCK_CONST(IP_TTL) FTPY_SOCK_CONST(IP_HDRINCL) FTPY_SOCK_CONST(IP_OPTIONS)
    FTPY_SOCK_CONST(IP_RECVOPTS) FTPY_SOCK_CONST(IP_RETOPTS) FTPY_SOCK_CONST(IP_MULTICAST_IF)
    FTPY_SOCK_CONST(IP_MULTICAST_TTL) FTPY_SOCK_CONST(IP_MULTICAST_LOOP) FTPY_SOCK_CONST(IP_ADD_MEMBERSHIP)
    FTPY_SOCK_CONST(IP_DROP_MEMBERSHIP) FTPY_SOCK_CONST(IP_DEFAULT_MULTICAST_TTL)
    FTPY_SOCK_CONST(IP_DEFAULT_MULTICAST_LOOP) FTPY_SOCK_CONST(IP_TRANSPARENT) FTPY_SOCK_CONST(IP_RECVTOS)
    FTPY_SOCK_CONST(IPV6_V6ONLY) FTPY_SOCK_CONST(IPV6_JOIN_GROUP) FTPY_SOCK_CONST(IPV6_LEAVE_GROUP)
    FTPY_SOCK_CONST(IPV6_MULTICAST_HOPS) FTPY_SOCK_CONST(IPV6_MULTICAST_IF) FTPY_SOCK_CONST(IPV6_MULTICAST_LOOP)
    FTPY_SOCK_CONST(IPV6_UNICAST_HOPS) FTPY_SOCK_CONST(IPV6_RECVTCLASS) FTPY_SOCK_CONST(IPV6_TCLASS)
    FTPY_SOCK_CONST(IPV6_CHECKSUM) FTPY_SOCK_CONST(IPV6_RECVPKTINFO) FTPY_SOCK_CONST(IPV6_PKTINFO)
    FTPY_SOCK_CONST(INADDR_ANY) FTPY_SOCK_CONST(INADDR_BROADCAST) FTPY_SOCK_CONST(INADDR_LOOPBACK)
    FTPY_SOCK_CONST(INADDR_NONE) FTPY_SOCK_CONST(INADDR_UNSPEC_GROUP) FTPY_SOCK_CONST(INADDR_ALLHOSTS_GROUP)
    FTPY_SOCK_CONST(INADDR_MAX_LOCAL_GROUP)
    FTPY_SOCK_CONST(TCP_NODELAY) FTPY_SOCK_CONST(TCP_MAXSEG) FTPY_SOCK_CONST(TCP_CORK) FTPY_SOCK_CONST(TCP_KEEPIDLE)
    FTPY_SOCK_CONST(TCP_KEEPINTVL) FTPY_SOCK_CONST(TCP_KEEPCNT) FTPY_SOCK_CONST(TCP_SYNCNT) FTPY_SOCK_CONST(TCP_LINGER2)
    FTPY_SOCK_CONST(TCP_DEFER_ACCEPT) FTPY_SOCK_CONST(TCP_WINDOW_CLAMP) FTPY_SOCK_CONST(TCP_INFO)
    FTPY_SOCK_CONST(TCP_QUICKACK) FTPY_SOCK_CONST(TCP_FASTOPEN) FTPY_SOCK_CONST(TCP_CONGESTION)
    FTPY_SOCK_CONST(TCP_USER_TIMEOUT) FTPY_SOCK_CONST(TCP_NOTSENT_LOWAT)
    FTPY_SOCK_CONST(AI_PASSIVE) FTPY_SOCK_CONST(AI_CANONNAME) FTPY_SOCK_CONST(AI_NUMERICHOST)
    FTPY_SOCK_CONST(AI_NUMERICSERV) FTPY_SOCK_CONST(AI_V4MAPPED) FTPY_SOCK_CONST(AI_ALL) FTPY_SOCK_CONST(AI_ADDRCONFIG)
    FTPY_SOCK_CONST(NI_NUMERICHOST) FTPY_SOCK_CONST(NI_NUMERICSERV) FTPY_SOCK_CONST(NI_NOFQDN)
    FTPY_SOCK_CONST(NI_NAMEREQD) FTPY_SOCK_CONST(NI_DGRAM) FTPY_SOCK_CONST(NI_MAXHOST) FTPY_SOCK_CONST(NI_MAXSERV)
    FTPY_SOCK_CONST(EAI_ADDRFAMILY) FTPY_SOCK_CONST(EAI_AGAIN) FTPY_SOCK_CONST(EAI_BADFLAGS) FTPY_SOCK_CONST(EAI_FAIL)
    FTPY_SOCK_CONST(EAI_FAMILY) FTPY_SOCK_CONST(EAI_MEMORY) FTPY_SOCK_CONST(EAI_NODATA) FTPY_SOCK_CONST(EAI_NONAME)
    FTPY_SOCK_CONST(EAI_OVERFLOW) FTPY_SOCK_CONST(EAI_SERVICE) FTPY_SOCK_CONST(EAI_SOCKTYPE) FTPY_SOCK_CONST(EAI_SYSTEM)
    FTPY_SOCK_CONST(SHUT_RD) FTPY_SOCK_CONST(SHUT_WR) FTPY_SOCK_CONST(SHUT_RDWR)
};
#undef FTPY_SOCK_CONST

bool g_types_ok = false;

void socket_init_once() {
  Type* t = &g_socket_type;
  t->name = "_socket.socket";
  t->basic_size = sizeof(SocketObject);
  t->flags = kTypeBaseType;
  t->tp_new = socket_tp_new;
  t->tp_init = socket_init;
  t->tp_dealloc = socket_dealloc;
  t->tp_repr = sock_repr;
  t->methods = kSocketMethods;
  t->getsets = kSocketGetSets;
  t->doc = "socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None) -> socket object";
  type_ready(t);
  // gaierror and herror are OSError subclasses living in `socket`.
  for (auto [name, slot] : {std::pair<const char*, Type**>{"gaierror", &g_gaierror}, {"herror", &g_herror}}) {
    Ref<Str> n = str_from_ascii(name);
    Ref<Dict> ns = dict_new();
    Ref<Str> mod = str_from_ascii("socket");
    if (!n || !ns || !mod || dict_set_item_str(ns.val(), "__module__", mod.val()) < 0) return;
    Ref<Tuple> bases = tuple_pack({Value(g_OSError)});
    if (!bases) return;
    Ref<> cls = type_new_from_spec(&g_type_type, n.val(), bases.val(), ns.val(), Value());
    if (!cls) return;
    *slot = cls.release().as<Type>();  // heap types are immortal (type_new.cpp)
  }
  g_types_ok = true;
}

}  // namespace

Ref<> socket_module_create() {
  static std::once_flag once;
  std::call_once(once, socket_init_once);
  if (!g_types_ok) return err_set_str(g_ImportError, "_socket: could not create the exception types");
  Ref<> m = module_new("_socket");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kSocketFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  if (dict_set_item_str(d, "socket", Value(&g_socket_type)) < 0 ||
      dict_set_item_str(d, "SocketType", Value(&g_socket_type)) < 0 ||
      dict_set_item_str(d, "error", Value(g_OSError)) < 0 || dict_set_item_str(d, "timeout", Value(g_TimeoutError)) < 0 ||
      dict_set_item_str(d, "gaierror", Value(g_gaierror)) < 0 || dict_set_item_str(d, "herror", Value(g_herror)) < 0 ||
      dict_set_item_str(d, "has_ipv6", bool_value(true)) < 0)
    return nullptr;
  for (const IntConst& c : kConsts) {
    Ref<> v = int_from_int64(c.value);
    if (!v || dict_set_item_str(d, c.name, v.val()) < 0) return nullptr;
  }
  return m;
}

}  // namespace ftpy
