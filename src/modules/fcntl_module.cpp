// The fcntl module: fcntl(), ioctl(), flock() and lockf() on file
// descriptors (ints or objects with fileno()), and the F_*, FD_*, LOCK_*,
// DN_* and seal constants.
//
// Thread safety: each call is a system call on a descriptor, made detached
// because F_SETLKW, flock() and lockf() may wait for another process.
// Byte arguments are copied into a local buffer before detaching, and a
// mutable ioctl buffer is copied back under its exporter's lock afterwards
// (module_with_writable_buffer), so no Python object is touched detached.
// Interrupted calls are retried after the main thread runs its signal
// handlers (PEP 475); a handler that raises ends the call.
#include "modules/fcntl_module.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <string>

#include "modules/buffer_util.h"
#include "modules/posix_ids.h"
#include "objects/buffer.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "runtime/thread_state.h"
#include "vm/safepoint.h"

namespace ftpy {

namespace {

constexpr size_t kArgBufSize = 1024;  // CPython's limit for a bytes argument

// fcntl's int arguments, with _PyLong_AsInt's message (not the "i"
// format's "signed integer is ..." of c_int_arg in posix_ids.h).
bool fcntl_int_arg(Value v, int* out) {
  int64_t x;
  if (!to_int64(v, &x)) return false;
  if (x < INT_MIN || x > INT_MAX) {
    err_set_str(g_OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *out = static_cast<int>(x);
  return true;
}

// An unsigned request code (ioctl's): values above INT_MAX wrap, as CPython's
// "I" format does.
bool c_uint_arg(Value v, unsigned* out) {
  Ref<> i = number_index(v);
  if (!i) return false;
  int64_t x;
  if (!int_as_int64(i.val(), &x)) {
    err_set_str(g_OverflowError, "Python int too large to convert to C unsigned long");
    return false;
  }
  *out = static_cast<unsigned>(x);
  return true;
}

// fcntl()/ioctl()'s byte argument: a str (UTF-8) or a read-only bytes-like
// object (CPython's "s#": fcntl refuses a bytearray, as an int), or for
// ioctl (`any_buffer`) any bytes-like object. Returns 1 with *out filled, 0
// if `v` is none of these, -1 with an exception.
int byte_arg(Value v, std::string* out, const char* fname, bool any_buffer = false) {
  if (is_str(v)) {
    out->assign(str_view(v));
  } else {
    if (!has_buffer(v)) return 0;
    BufferView view;
    if (!object_get_buffer(v, &view, kBufSimple)) return -1;
    bool accepted = view.readonly || any_buffer;
    if (accepted) buffer_view_copy(view, out);
    buffer_release(&view);
    if (!accepted) return 0;
  }
  if (out->size() > kArgBufSize) {
    err_format(g_ValueError, "%s string arg too long", fname);
    return -1;
  }
  return 1;
}

Ref<> fcntl_fcntl(Value, Value* args) {
  int fd, cmd;
  if (!fd_from_object(args[0], &fd) || !fcntl_int_arg(args[1], &cmd)) return nullptr;
  Value arg = args[2];
  if (!arg.is_null() && !is_int(arg)) {
    std::string data;
    int k = byte_arg(arg, &data, "fcntl");
    if (k < 0) return nullptr;
    if (k > 0) {
      char buf[kArgBufSize];
      std::memcpy(buf, data.data(), data.size());
      bool failed;
      int r = retry_detached([&] { return ::fcntl(fd, cmd, buf); }, &failed);
      if (failed) return nullptr;
      if (r < 0) return err_from_errno(errno);
      return bytes_from(std::string_view(buf, data.size()));
    }
  }
  int iarg = 0;
  if (!arg.is_null() && !fcntl_int_arg(arg, &iarg)) return nullptr;
  bool failed;
  int r = retry_detached([&] { return ::fcntl(fd, cmd, iarg); }, &failed);
  if (failed) return nullptr;
  if (r < 0) return err_from_errno(errno);
  return int_from_int64(r);
}

Ref<> fcntl_ioctl(Value, Value* args) {
  int fd;
  unsigned request;
  if (!fd_from_object(args[0], &fd) || !c_uint_arg(args[1], &request)) return nullptr;
  Value arg = args[2];
  bool mutate = args[3].is_null() || truthy(args[3]);
  if (!arg.is_null() && !is_int(arg)) {
    // A writable buffer with mutate_flag: the call writes into a copy that
    // is copied back, and the result is the call's return value.
    if (mutate && !is_str(arg)) {
      std::string data;
      bool writable = false;
      int64_t r = 0;
      int w = module_with_writable_buffer(arg, [&](uint8_t* p, int64_t n) {
        writable = true;
        data.assign(reinterpret_cast<char*>(p), static_cast<size_t>(n));
        return 0;
      });
      if (w < 0) return nullptr;
      if (writable) {
        // A large buffer is passed as is (the kernel may write all of it);
        // a small one gets CPython's 1024-byte scratch copy.
        size_t n = data.size();
        std::string buf = data;
        if (buf.size() < kArgBufSize + 1) buf.resize(kArgBufSize + 1);
        bool failed;
        r = retry_detached([&] { return ::ioctl(fd, request, buf.data()); }, &failed);
        if (failed) return nullptr;
        if (r < 0) return err_from_errno(errno);
        w = module_with_writable_buffer(arg, [&](uint8_t* p, int64_t m) {
          std::memcpy(p, buf.data(), std::min(n, static_cast<size_t>(m)));
          return 0;
        });
        if (w < 0) return nullptr;
        return int_from_int64(r);
      }
    }
    std::string data;
    int k = byte_arg(arg, &data, "ioctl", true);  // ioctl reads any buffer
    if (k < 0) return nullptr;
    if (k > 0) {
      char buf[kArgBufSize + 1] = {};
      std::memcpy(buf, data.data(), data.size());
      bool failed;
      int r = retry_detached([&] { return ::ioctl(fd, request, buf); }, &failed);
      if (failed) return nullptr;
      if (r < 0) return err_from_errno(errno);
      return bytes_from(std::string_view(buf, data.size()));
    }
  }
  int iarg = 0;
  if (!arg.is_null() && !fcntl_int_arg(arg, &iarg)) return nullptr;
  bool failed;
  int r = retry_detached([&] { return ::ioctl(fd, request, static_cast<long>(iarg)); }, &failed);
  if (failed) return nullptr;
  if (r < 0) return err_from_errno(errno);
  return int_from_int64(r);
}

Ref<> fcntl_flock(Value, Value* args) {
  int fd, op;
  if (!fd_from_object(args[0], &fd) || !fcntl_int_arg(args[1], &op)) return nullptr;
  bool failed;
  int r = retry_detached([&] { return ::flock(fd, op); }, &failed);
  if (failed) return nullptr;
  if (r < 0) return err_from_errno(errno);
  return new_none();
}

// lockf() over fcntl record locks, as CPython implements it: LOCK_UN,
// LOCK_SH or LOCK_EX (with LOCK_NB: do not wait) on len bytes from start.
Ref<> fcntl_lockf(Value, Value* args) {
  int fd, code, whence;
  if (!fd_from_object(args[0], &fd) || !fcntl_int_arg(args[1], &code)) return nullptr;
  int64_t len = 0, start = 0;
  if (!args[2].is_null() && !to_int64(args[2], &len)) return nullptr;
  if (!args[3].is_null() && !to_int64(args[3], &start)) return nullptr;
  if (!fcntl_int_arg(args[4], &whence)) return nullptr;
  struct flock l{};
  if (code == LOCK_UN)
    l.l_type = F_UNLCK;
  else if (code & LOCK_SH)
    l.l_type = F_RDLCK;
  else if (code & LOCK_EX)
    l.l_type = F_WRLCK;
  else
    return err_set_str(g_ValueError, "unrecognized lockf argument");
  l.l_start = static_cast<off_t>(start);
  l.l_len = static_cast<off_t>(len);
  l.l_whence = static_cast<short>(whence);
  int cmd = (code & LOCK_NB) ? F_SETLK : F_SETLKW;
  bool failed;
  int r = retry_detached([&] { return ::fcntl(fd, cmd, &l); }, &failed);
  if (failed) return nullptr;
  if (r < 0) return err_from_errno(errno);
  return new_none();
}

const MethodDef kFcntlFunctions[] = {
    {"fcntl(fd, cmd, arg=?, /)", fcntl_fcntl,
     "Perform the operation cmd on file descriptor fd; an int arg is passed as is, a bytes-like one\n"
     "through a buffer whose contents after the call are returned."},
    {"ioctl(fd, request, arg=?, mutate_flag=?, /)", fcntl_ioctl,
     "Perform the device request on file descriptor fd; a writable buffer arg is updated in place\n"
     "unless mutate_flag is false."},
    {"flock(fd, operation, /)", fcntl_flock, "Apply the BSD lock operation to file descriptor fd."},
    {"lockf(fd, cmd, len=?, start=?, whence=0, /)", fcntl_lockf,
     "A POSIX record lock on fd: LOCK_UN, LOCK_SH or LOCK_EX, optionally with LOCK_NB."},
    {nullptr}};

}  // namespace

Ref<> fcntl_module_create() {
  Ref<> m = module_new("fcntl");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kFcntlFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  struct Const {
    const char* name;
    long long value;
  };
  static const Const kConsts[] = {
      {"DN_ACCESS", DN_ACCESS}, {"DN_ATTRIB", DN_ATTRIB}, {"DN_CREATE", DN_CREATE}, {"DN_DELETE", DN_DELETE},
      {"DN_MODIFY", DN_MODIFY}, {"DN_MULTISHOT", static_cast<long long>(static_cast<unsigned>(DN_MULTISHOT))},
      {"DN_RENAME", DN_RENAME}, {"FASYNC", FASYNC}, {"FD_CLOEXEC", FD_CLOEXEC}, {"F_ADD_SEALS", F_ADD_SEALS},
      {"F_DUPFD", F_DUPFD}, {"F_DUPFD_CLOEXEC", F_DUPFD_CLOEXEC}, {"F_EXLCK", F_EXLCK},
      {"F_GETFD", F_GETFD}, {"F_GETFL", F_GETFL}, {"F_GETLEASE", F_GETLEASE}, {"F_GETLK", F_GETLK},
      {"F_GETLK64", F_GETLK64}, {"F_GETOWN", F_GETOWN}, {"F_GETPIPE_SZ", F_GETPIPE_SZ},
      {"F_GETSIG", F_GETSIG}, {"F_GET_SEALS", F_GET_SEALS}, {"F_NOTIFY", F_NOTIFY},
      {"F_OFD_GETLK", F_OFD_GETLK}, {"F_OFD_SETLK", F_OFD_SETLK}, {"F_OFD_SETLKW", F_OFD_SETLKW},
      {"F_RDLCK", F_RDLCK}, {"F_SEAL_GROW", F_SEAL_GROW}, {"F_SEAL_SEAL", F_SEAL_SEAL},
      {"F_SEAL_SHRINK", F_SEAL_SHRINK}, {"F_SEAL_WRITE", F_SEAL_WRITE}, {"F_SETFD", F_SETFD},
      {"F_SETFL", F_SETFL}, {"F_SETLEASE", F_SETLEASE}, {"F_SETLK", F_SETLK}, {"F_SETLK64", F_SETLK64},
      {"F_SETLKW", F_SETLKW}, {"F_SETLKW64", F_SETLKW64}, {"F_SETOWN", F_SETOWN},
      {"F_SETPIPE_SZ", F_SETPIPE_SZ}, {"F_SETSIG", F_SETSIG}, {"F_SHLCK", F_SHLCK}, {"F_UNLCK", F_UNLCK},
      {"F_WRLCK", F_WRLCK}, {"LOCK_EX", LOCK_EX}, {"LOCK_MAND", LOCK_MAND}, {"LOCK_NB", LOCK_NB},
      {"LOCK_READ", LOCK_READ}, {"LOCK_RW", LOCK_RW}, {"LOCK_SH", LOCK_SH}, {"LOCK_UN", LOCK_UN},
      {"LOCK_WRITE", LOCK_WRITE},
  };
  for (const Const& c : kConsts) {
    Ref<> v = int_from_int64(c.value);
    if (!v || dict_set_item_str(d, c.name, v.val()) < 0) return nullptr;
  }
  return m;
}

}  // namespace ftpy
