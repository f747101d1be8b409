// The posix module's Linux-specific calls: eventfd (eventfd, eventfd_read,
// eventfd_write), the in-kernel copies splice and copy_file_range,
// pidfd_open, the vectored positional I/O preadv/pwritev, the scheduler
// calls with their sched_param record, and extended attributes
// (getxattr, setxattr, listxattr, removexattr). posix_module.cpp adds them
// with posix_linux_add.
//
// Thread safety: no state of its own (sched_param's type is made once,
// under a std::call_once, and immutable afterwards). Calls that may block
// (eventfd reads and writes, splice, copy_file_range, preadv, pwritev, the
// xattr calls on slow file systems) run detached through retry_detached;
// buffers are copied in before detaching and out after, so no Python object
// is touched while detached.
#include <sched.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/xattr.h>
#include <linux/limits.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

#include "modules/buffer_util.h"
#include "modules/posix_ids.h"
#include "modules/posix_internal.h"
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
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "runtime/thread_state.h"

namespace ftpy {

namespace {

// An unsigned argument as CPython's _PyLong_Unsigned*_Converter takes it:
// ValueError for a negative int, OverflowError past `max` with `too_big`.
bool unsigned_arg(Value v, uint64_t max, const char* too_big, uint64_t* out) {
  if (!is_int(v)) {
    err_set_str(g_TypeError, "an integer is required");
    return false;
  }
  if (int_sign(v) < 0) {
    err_set_str(g_ValueError, "value must be positive");
    return false;
  }
  __int128 x;
  if (!int_as_int128(v, &x) || x > static_cast<__int128>(max)) {
    err_set_str(g_OverflowError, too_big);
    return false;
  }
  *out = static_cast<uint64_t>(x);
  return true;
}

// --- eventfd ------------------------------------------------------------------------

Ref<> posix_eventfd(Value, Value* args) {
  uint64_t init;
  int flags;
  if (!unsigned_arg(args[0], UINT_MAX, "Python int too large for C unsigned int", &init) ||
      !c_int_arg(args[1], &flags))
    return nullptr;
  int fd = ::eventfd(static_cast<unsigned>(init), flags);
  if (fd < 0) return err_from_errno(errno);
  return int_from_int64(fd);
}

Ref<> posix_eventfd_read(Value, Value* args) {
  int fd;
  if (!fd_arg(args[0], &fd)) return nullptr;
  eventfd_t value = 0;
  bool failed;
  int r = retry_detached([&] { return ::eventfd_read(fd, &value); }, &failed);
  if (failed) return nullptr;
  if (r < 0) return err_from_errno(errno);
  return int_from_uint64(value);
}

Ref<> posix_eventfd_write(Value, Value* args) {
  int fd;
  if (!fd_arg(args[0], &fd)) return nullptr;
  uint64_t value;
  if (!unsigned_arg(args[1], UINT64_MAX, "int too big to convert", &value)) return nullptr;
  bool failed;
  int r = retry_detached([&] { return ::eventfd_write(fd, value); }, &failed);
  if (failed) return nullptr;
  if (r < 0) return err_from_errno(errno);
  return new_none();
}

// --- in-kernel copies -----------------------------------------------------------------

// An optional offset argument: None means "the file position".
bool offset_arg(Value v, bool* use, loff_t* off) {
  *use = !v.is_null() && !is_none(v);
  if (!*use) return true;
  int64_t x;
  if (!to_int64(v, &x)) return false;
  *off = static_cast<loff_t>(x);
  return true;
}

bool count_arg(Value v, int64_t* count) {
  if (!to_int64(v, count)) return false;
  if (*count < 0) {
    err_set_str(g_ValueError, "negative value for 'count' not allowed");
    return false;
  }
  return true;
}

Ref<> posix_splice(Value, Value* args) {
  int src, dst, flags;
  int64_t count;
  bool use_src, use_dst;
  loff_t off_src = 0, off_dst = 0;
  if (!fd_arg(args[0], &src) || !fd_arg(args[1], &dst) || !count_arg(args[2], &count) ||
      !offset_arg(args[3], &use_src, &off_src) || !offset_arg(args[4], &use_dst, &off_dst) ||
      !c_int_arg(args[5], &flags))
    return nullptr;
  bool failed;
  ssize_t r = retry_detached(
      [&] {
        return ::splice(src, use_src ? &off_src : nullptr, dst, use_dst ? &off_dst : nullptr,
                        static_cast<size_t>(count), static_cast<unsigned>(flags));
      },
      &failed);
  if (failed) return nullptr;
  if (r < 0) return err_from_errno(errno);
  return int_from_int64(r);
}

Ref<> posix_copy_file_range(Value, Value* args) {
  int src, dst;
  int64_t count;
  bool use_src, use_dst;
  loff_t off_src = 0, off_dst = 0;
  if (!fd_arg(args[0], &src) || !fd_arg(args[1], &dst) || !count_arg(args[2], &count) ||
      !offset_arg(args[3], &use_src, &off_src) || !offset_arg(args[4], &use_dst, &off_dst))
    return nullptr;
  bool failed;
  ssize_t r = retry_detached(
      [&] {
        return ::copy_file_range(src, use_src ? &off_src : nullptr, dst, use_dst ? &off_dst : nullptr,
                                 static_cast<size_t>(count), 0);
      },
      &failed);
  if (failed) return nullptr;
  if (r < 0) return err_from_errno(errno);
  return int_from_int64(r);
}

Ref<> posix_pidfd_open(Value, Value* args) {
  int pid, flags;
  if (!c_int_arg(args[0], &pid) || !c_int_arg(args[1], &flags)) return nullptr;
  long fd = ::syscall(SYS_pidfd_open, pid, static_cast<unsigned>(flags));
  if (fd < 0) return err_from_errno(errno);
  return int_from_int64(fd);
}

// --- preadv / pwritev ---------------------------------------------------------------

Ref<> buffer_sequence(Value v, const char* message) {
  if (!is_list(v) && !is_tuple(v)) {
    Ref<> len = getattr_opt(Value(type_of(v)), Value(str_intern("__getitem__")));
    if (!len) {
      if (!err_occurred()) err_set_str(g_TypeError, message);
      return nullptr;
    }
  }
  return sequence_tuple(v);
}

Ref<> posix_preadv(Value, Value* args) {
  int fd, flags;
  int64_t off;
  if (!fd_arg(args[0], &fd)) return nullptr;
  Ref<> seq = buffer_sequence(args[1], "preadv2() arg 2 must be a sequence");
  if (!seq || !to_int64(args[2], &off) || !c_int_arg(args[3], &flags)) return nullptr;
  IoVectors v;
  if (!iovec_scatter_prepare(seq.val(), &v, g_BufferError, "Object is not writable.")) return nullptr;
  int n = static_cast<int>(v.iov.size());
  bool failed;
  ssize_t r = retry_detached(
      [&] {
        return flags ? ::preadv2(fd, v.iov.data(), n, static_cast<off_t>(off), flags)
                     : ::preadv(fd, v.iov.data(), n, static_cast<off_t>(off));
      },
      &failed);
  if (failed) return nullptr;
  if (r < 0) return err_from_errno(errno);
  return iovec_scatter_finish(seq.val(), v, r);
}

Ref<> posix_pwritev(Value, Value* args) {
  int fd, flags;
  int64_t off;
  if (!fd_arg(args[0], &fd)) return nullptr;
  Ref<> seq = buffer_sequence(args[1], "pwritev() arg 2 must be a sequence");
  if (!seq || !to_int64(args[2], &off) || !c_int_arg(args[3], &flags)) return nullptr;
  IoVectors v;
  if (!iovec_gather(seq.val(), &v)) return nullptr;
  int n = static_cast<int>(v.iov.size());
  bool failed;
  ssize_t r = retry_detached(
      [&] {
        return flags ? ::pwritev2(fd, v.iov.data(), n, static_cast<off_t>(off), flags)
                     : ::pwritev(fd, v.iov.data(), n, static_cast<off_t>(off));
      },
      &failed);
  if (failed) return nullptr;
  if (r < 0) return err_from_errno(errno);
  return int_from_int64(r);
}

// --- scheduler -------------------------------------------------------------------------

// posix.sched_param: a one-field struct sequence whose constructor takes
// sched_priority (any object; it is converted when used).
Type* g_sched_param_type = nullptr;

Ref<> sched_param_record(Value priority) {
  Ref<Tuple> items = tuple_new(1);
  if (!items) return nullptr;
  tuple_init_item(items.get(), 0, Ref<>::borrow(priority));
  std::vector<std::pair<const char*, Ref<>>> fields;
  fields.emplace_back("sched_priority", Ref<>());
  return record_new("posix.sched_param", fields, items.val());
}

Ref<> sched_param_new(Type*, const Value* args, size_t nargs, Value kwnames) {
  size_t nkw = kwnames.is_null() ? 0 : static_cast<size_t>(tuple_size(kwnames));
  if (nargs + nkw > 1)
    return err_format(g_TypeError, "sched_param() takes at most 1 argument (%zu given)", nargs + nkw);
  static const Signature* sig = native_parse_signature("sched_param(sched_priority=?)", nullptr);
  Value a[1];
  Ref<> hold[1];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  if (a[0].is_null()) return err_set_str(g_TypeError, "sched_param() missing required argument 'sched_priority' (pos 1)");
  return sched_param_record(a[0]);
}

}  // namespace

bool sched_param_arg(Value v, struct sched_param* out) {
  if (type_of(v) != g_sched_param_type) {
    err_set_str(g_TypeError, "must have a sched_param object");
    return false;
  }
  int64_t prio;
  if (!to_int64(tuple_item(v, 0), &prio)) {
    if (err_matches(g_OverflowError)) {
      err_clear();
      err_set_str(g_OverflowError, "sched_priority out of range");
    }
    return false;
  }
  if (prio < INT_MIN || prio > INT_MAX) {
    err_set_str(g_OverflowError, "sched_priority out of range");
    return false;
  }
  out->sched_priority = static_cast<int>(prio);
  return true;
}

namespace {

Ref<> posix_sched_getscheduler(Value, Value* args) {
  int pid;
  if (!c_int_arg(args[0], &pid)) return nullptr;
  int r = ::sched_getscheduler(pid);
  if (r < 0) return err_from_errno(errno);
  return int_from_int64(r);
}

Ref<> posix_sched_setscheduler(Value, Value* args) {
  int pid, policy;
  struct sched_param sp{};
  if (!c_int_arg(args[0], &pid) || !c_int_arg(args[1], &policy) || !sched_param_arg(args[2], &sp)) return nullptr;
  if (::sched_setscheduler(pid, policy, &sp) < 0) return err_from_errno(errno);
  return new_none();
}

Ref<> posix_sched_getparam(Value, Value* args) {
  int pid;
  if (!c_int_arg(args[0], &pid)) return nullptr;
  struct sched_param sp{};
  if (::sched_getparam(pid, &sp) < 0) return err_from_errno(errno);
  Ref<> prio = int_from_int64(sp.sched_priority);
  if (!prio) return nullptr;
  return sched_param_record(prio.val());
}

Ref<> posix_sched_setparam(Value, Value* args) {
  int pid;
  struct sched_param sp{};
  if (!c_int_arg(args[0], &pid) || !sched_param_arg(args[1], &sp)) return nullptr;
  if (::sched_setparam(pid, &sp) < 0) return err_from_errno(errno);
  return new_none();
}

Ref<> posix_sched_rr_get_interval(Value, Value* args) {
  int pid;
  if (!c_int_arg(args[0], &pid)) return nullptr;
  struct timespec ts;
  if (::sched_rr_get_interval(pid, &ts) < 0) return err_from_errno(errno);
  return float_new(static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec));
}

// --- extended attributes --------------------------------------------------------------

// The attribute-name argument: str, bytes or os.PathLike, encoded as a path.
bool attribute_arg(Value v, const char* func, std::string* out) {
  if (!is_str(v) && !is_bytes(v)) {
    Ref<> m = getattr_opt(Value(type_of(v)), Value(str_intern("__fspath__")));
    if (!m) {
      if (!err_occurred())
        err_format(g_TypeError, "%s: attribute should be string, bytes or os.PathLike, not %s", func,
                   type_name(type_of(v)));
      return false;
    }
  }
  Path p;
  if (!path_arg(v, &p, func)) return false;
  *out = std::move(p.bytes);
  return true;
}

// The path argument and follow_symlinks flag shared by the xattr calls.
bool xattr_path(Value v, Value follow, const char* func, Path* p, bool* nofollow, bool allow_none = false) {
  if (!path_arg(v, p, func, /*allow_fd=*/true, allow_none)) return false;
  int t = truthy(follow);
  if (t < 0) return false;
  *nofollow = !t;
  if (p->fd >= 0 && *nofollow) {
    err_format(g_ValueError, "%s: cannot use fd and follow_symlinks together", func);
    return false;
  }
  return true;
}

Ref<> posix_getxattr(Value, Value* args) {
  Path p;
  bool nofollow;
  std::string attr;
  if (!xattr_path(args[0], args[2], "getxattr", &p, &nofollow) || !attribute_arg(args[1], "getxattr", &attr))
    return nullptr;
  std::string buf;
  for (size_t size = 128;; size *= 2) {
    if (size > XATTR_SIZE_MAX) size = XATTR_SIZE_MAX;
    buf.resize(size);
    bool failed;
    ssize_t r = retry_detached(
        [&] {
          if (p.fd >= 0) return ::fgetxattr(p.fd, attr.c_str(), buf.data(), buf.size());
          if (nofollow) return ::lgetxattr(p.bytes.c_str(), attr.c_str(), buf.data(), buf.size());
          return ::getxattr(p.bytes.c_str(), attr.c_str(), buf.data(), buf.size());
        },
        &failed);
    if (failed) return nullptr;
    if (r >= 0) {
      buf.resize(static_cast<size_t>(r));
      return bytes_from(buf);
    }
    if (errno != ERANGE || size == XATTR_SIZE_MAX) return path_error(errno, p.obj);
  }
}

Ref<> posix_setxattr(Value, Value* args) {
  Path p;
  bool nofollow;
  std::string attr, value;
  int flags;
  if (!xattr_path(args[0], args[4], "setxattr", &p, &nofollow) || !attribute_arg(args[1], "setxattr", &attr) ||
      !module_buffer_or_error(args[2], &value) || !c_int_arg(args[3], &flags))
    return nullptr;
  bool failed;
  int r = retry_detached(
      [&] {
        if (p.fd >= 0) return ::fsetxattr(p.fd, attr.c_str(), value.data(), value.size(), flags);
        if (nofollow) return ::lsetxattr(p.bytes.c_str(), attr.c_str(), value.data(), value.size(), flags);
        return ::setxattr(p.bytes.c_str(), attr.c_str(), value.data(), value.size(), flags);
      },
      &failed);
  if (failed) return nullptr;
  if (r < 0) return path_error(errno, p.obj);
  return new_none();
}

Ref<> posix_removexattr(Value, Value* args) {
  Path p;
  bool nofollow;
  std::string attr;
  if (!xattr_path(args[0], args[2], "removexattr", &p, &nofollow) ||
      !attribute_arg(args[1], "removexattr", &attr))
    return nullptr;
  bool failed;
  int r = retry_detached(
      [&] {
        if (p.fd >= 0) return ::fremovexattr(p.fd, attr.c_str());
        if (nofollow) return ::lremovexattr(p.bytes.c_str(), attr.c_str());
        return ::removexattr(p.bytes.c_str(), attr.c_str());
      },
      &failed);
  if (failed) return nullptr;
  if (r < 0) return path_error(errno, p.obj);
  return new_none();
}

Ref<> posix_listxattr(Value, Value* args) {
  Path p;
  bool nofollow;
  if (!xattr_path(args[0], args[1], "listxattr", &p, &nofollow, /*allow_none=*/true)) return nullptr;
  std::string buf;
  for (size_t size = 256;; size *= 2) {
    if (size > XATTR_LIST_MAX) size = XATTR_LIST_MAX;
    buf.resize(size);
    bool failed;
    ssize_t r = retry_detached(
        [&] {
          if (p.fd >= 0) return ::flistxattr(p.fd, buf.data(), buf.size());
          if (nofollow) return ::llistxattr(p.bytes.c_str(), buf.data(), buf.size());
          return ::listxattr(p.bytes.c_str(), buf.data(), buf.size());
        },
        &failed);
    if (failed) return nullptr;
    if (r >= 0) {
      buf.resize(static_cast<size_t>(r));
      break;
    }
    if (errno != ERANGE || size == XATTR_LIST_MAX) {
      return path_error(errno, p.obj.is_null() || is_none(p.obj) ? Value() : p.obj);
    }
  }
  Ref<> out = list_new();
  if (!out) return nullptr;
  size_t start = 0;
  for (size_t i = 0; i < buf.size(); i++) {
    if (buf[i] != '\0') continue;
    if (i > start) {
      Ref<> name = os_text(std::string(buf.data() + start, i - start).c_str());  // str even for a bytes path
      if (!name || list_append(out.val(), name.val()) < 0) return nullptr;
    }
    start = i + 1;
  }
  return out;
}

const MethodDef kLinuxFunctions[] = {
    {"eventfd(initval, flags=524288)", posix_eventfd, "Creates and returns an event notification file descriptor."},
    {"eventfd_read(fd)", posix_eventfd_read, "Read eventfd value"},
    {"eventfd_write(fd, value)", posix_eventfd_write, "Write eventfd value."},
    {"splice(src, dst, count, offset_src=None, offset_dst=None, flags=0)", posix_splice,
     "Transfer count bytes from one pipe to a descriptor or vice versa."},
    {"copy_file_range(src, dst, count, offset_src=None, offset_dst=None)", posix_copy_file_range,
     "Copy count bytes from one file descriptor to another."},
    {"pidfd_open(pid, flags=0)", posix_pidfd_open, "Return a file descriptor referring to the process *pid*."},
    {"preadv(fd, buffers, offset, flags=0, /)", posix_preadv,
     "Reads from a file descriptor into a number of mutable bytes-like objects."},
    {"pwritev(fd, buffers, offset, flags=0, /)", posix_pwritev,
     "Writes the contents of bytes-like objects to a file descriptor at a given offset."},
    {"sched_getscheduler(pid, /)", posix_sched_getscheduler, "Get the scheduling policy for the process pid."},
    {"sched_setscheduler(pid, policy, param, /)", posix_sched_setscheduler,
     "Set the scheduling policy for the process identified by pid."},
    {"sched_getparam(pid, /)", posix_sched_getparam,
     "Returns scheduling parameters for the process identified by pid."},
    {"sched_setparam(pid, param, /)", posix_sched_setparam,
     "Set scheduling parameters for the process identified by pid."},
    {"sched_rr_get_interval(pid, /)", posix_sched_rr_get_interval,
     "Return the round-robin quantum for the process identified by pid, in seconds."},
    {"getxattr(path, attribute, *, follow_symlinks=True)", posix_getxattr,
     "Return the value of extended attribute attribute on path."},
    {"setxattr(path, attribute, value, flags=0, *, follow_symlinks=True)", posix_setxattr,
     "Set extended attribute attribute on path to value."},
    {"removexattr(path, attribute, *, follow_symlinks=True)", posix_removexattr,
     "Remove extended attribute attribute on path."},
    {"listxattr(path=None, *, follow_symlinks=True)", posix_listxattr,
     "Return a list of extended attributes on path."},
    {nullptr}};

void sched_param_init() {
  Ref<> zero = int_from_int64(0);
  Ref<> rec = sched_param_record(zero.val());
  g_sched_param_type = type_of(rec.val());
  // Published before any caller can reach the type (posix's module init).
  g_sched_param_type->tp_new = sched_param_new;
  g_sched_param_type->doc =
      "sched_param(sched_priority)\n--\n\nCurrently has only one field: sched_priority\n\n"
      "  sched_priority\n    A scheduling parameter.";
}

}  // namespace

int posix_linux_add(Value module, Value d) {
  if (native_add_functions(module, kLinuxFunctions) < 0) return -1;
  static std::once_flag once;
  std::call_once(once, sched_param_init);
  if (!g_sched_param_type || dict_set_item_str(d, "sched_param", Value(g_sched_param_type)) < 0) return -1;
  struct Const {
    const char* name;
    int64_t value;
  };
  static const Const kConsts[] = {
      {"EFD_CLOEXEC", EFD_CLOEXEC},       {"EFD_NONBLOCK", EFD_NONBLOCK},     {"EFD_SEMAPHORE", EFD_SEMAPHORE},
      {"SPLICE_F_MOVE", SPLICE_F_MOVE},   {"SPLICE_F_NONBLOCK", SPLICE_F_NONBLOCK},
      {"SPLICE_F_MORE", SPLICE_F_MORE},   {"RWF_DSYNC", RWF_DSYNC},           {"RWF_HIPRI", RWF_HIPRI},
      {"RWF_SYNC", RWF_SYNC},             {"RWF_NOWAIT", RWF_NOWAIT},         {"RWF_APPEND", RWF_APPEND},
      {"XATTR_CREATE", XATTR_CREATE},     {"XATTR_REPLACE", XATTR_REPLACE},   {"XATTR_SIZE_MAX", XATTR_SIZE_MAX},
  };
  for (const Const& c : kConsts) {
    Ref<> v = int_from_int64(c.value);
    if (!v || dict_set_item_str(d, c.name, v.val()) < 0) return -1;
  }
  return 0;
}

}  // namespace ftpy
