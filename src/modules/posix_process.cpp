// The posix module's process, user, scheduling and system-configuration
// functions (exec, wait*, the set*id family, groups, priorities, affinity,
// sysconf/confstr/pathconf), the positional file operations (pread, pwrite,
// readv, writev, sendfile, posix_fallocate, ...) and the ownership calls
// (chown, fchown, lchown, fchmod, chroot). posix_module.cpp adds them to the
// module with posix_process_add.
//
// Thread safety: no state of its own. Calls that may block (wait*, exec's
// path search is in os.py, pread/pwrite/readv/writev/sendfile, lockf) run
// detached; buffers are copied in before detaching and out after, so no
// Python object is touched detached. Interrupted calls are retried (PEP 475)
// once the main thread has run its signal handlers.
#include <dlfcn.h>
#include <fcntl.h>
#include <grp.h>
#include <pty.h>
#include <sched.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <sys/statvfs.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "modules/buffer_util.h"
#include "modules/io_internal.h"
#include "modules/posix_ids.h"
#include "modules/posix_internal.h"
#include "modules/resource_module.h"
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
#include "objects/set.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "runtime/thread_state.h"
#include "vm/safepoint.h"

namespace ftpy {

namespace {

// A sequence argument as a tuple; a non-sequence gets `message` as its
// TypeError (CPython's per-function wording) instead of "not iterable".
Ref<> sequence_arg(Value v, const char* message) {
  Ref<> t = sequence_tuple(v);
  if (!t && err_matches(g_TypeError)) {
    err_clear();
    return err_set_str(g_TypeError, message);
  }
  return t;
}

bool id_arg(Value v, const char* what, uint32_t* out) { return id_from_object(v, what, out) == IdParse::kOk; }

Ref<> none_or_errno(int r) {
  if (r < 0) return err_from_errno(errno);
  return new_none();
}

Ref<> int_pair(int64_t a, int64_t b) {
  Ref<> x = int_from_int64(a), y = int_from_int64(b);
  if (!x || !y) return nullptr;
  return tuple_pack({x.val(), y.val()});
}

// --- ownership and modes ---------------------------------------------------------

Ref<> posix_chown(Value, Value* args) {
  Path p;
  if (!path_arg(args[0], &p, "chown", true)) return nullptr;
  uid_t uid;
  gid_t gid;
  if (!id_arg(args[1], "uid", &uid) || !id_arg(args[2], "gid", &gid)) return nullptr;
  int follow = truthy(args[4]), dfd;
  if (follow < 0 || !dir_fd_arg(args[3], &dfd)) return nullptr;
  int r;
  {
    BlockingRegion br;
    r = p.fd >= 0 ? ::fchown(p.fd, uid, gid)
                  : ::fchownat(dfd, p.bytes.c_str(), uid, gid, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  }
  if (r < 0) return p.fd >= 0 ? err_from_errno(errno) : path_error(errno, args[0]);
  return new_none();
}

Ref<> posix_lchown(Value, Value* args) {
  Path p;
  if (!path_arg(args[0], &p, "lchown")) return nullptr;
  uid_t uid;
  gid_t gid;
  if (!id_arg(args[1], "uid", &uid) || !id_arg(args[2], "gid", &gid)) return nullptr;
  if (::lchown(p.bytes.c_str(), uid, gid) < 0) return path_error(errno, args[0]);
  return new_none();
}

Ref<> posix_fchown(Value, Value* args) {
  int fd;
  uid_t uid;
  gid_t gid;
  if (!fd_arg(args[0], &fd) || !id_arg(args[1], "uid", &uid) || !id_arg(args[2], "gid", &gid)) return nullptr;
  return none_or_errno(::fchown(fd, uid, gid));
}

Ref<> posix_fchmod(Value, Value* args) {
  int fd, mode;
  if (!fd_arg(args[0], &fd) || !c_int_arg(args[1], &mode)) return nullptr;
  return none_or_errno(::fchmod(fd, static_cast<mode_t>(mode)));
}

Ref<> posix_fchdir(Value, Value* args) {
  int fd;
  if (!fd_from_object(args[0], &fd)) return nullptr;
  return none_or_errno(::fchdir(fd));
}

Ref<> posix_chroot(Value, Value* args) {
  Path p;
  if (!path_arg(args[0], &p, "chroot")) return nullptr;
  if (::chroot(p.bytes.c_str()) < 0) return path_error(errno, args[0]);
  return new_none();
}

Ref<> posix_mkfifo(Value, Value* args) {
  Path p;
  if (!path_arg(args[0], &p, "mkfifo")) return nullptr;
  int mode, dfd;
  if (!c_int_arg(args[1], &mode) || !dir_fd_arg(args[2], &dfd)) return nullptr;
  if (::mkfifoat(dfd, p.bytes.c_str(), static_cast<mode_t>(mode)) < 0) return path_error(errno, args[0]);
  return new_none();
}

Ref<> posix_mknod(Value, Value* args) {
  Path p;
  if (!path_arg(args[0], &p, "mknod")) return nullptr;
  int mode, dfd;
  int64_t dev;
  if (!c_int_arg(args[1], &mode) || !to_int64(args[2], &dev) || !dir_fd_arg(args[3], &dfd)) return nullptr;
  if (::mknodat(dfd, p.bytes.c_str(), static_cast<mode_t>(mode), static_cast<dev_t>(dev)) < 0)
    return path_error(errno, args[0]);
  return new_none();
}

Ref<> posix_major(Value, Value* args) {
  int64_t d;
  if (!to_int64(args[0], &d)) return nullptr;
  return int_from_int64(major(static_cast<dev_t>(d)));
}

Ref<> posix_minor(Value, Value* args) {
  int64_t d;
  if (!to_int64(args[0], &d)) return nullptr;
  return int_from_int64(minor(static_cast<dev_t>(d)));
}

Ref<> posix_makedev(Value, Value* args) {
  int64_t a, b;
  if (!to_int64(args[0], &a) || !to_int64(args[1], &b)) return nullptr;
  return int_from_uint64(makedev(static_cast<unsigned>(a), static_cast<unsigned>(b)));
}

Ref<> posix_sync(Value, Value*) {
  BlockingRegion br;
  ::sync();
  return new_none();
}

Ref<> posix_fdatasync(Value, Value* args) {
  int fd;
  if (!fd_from_object(args[0], &fd)) return nullptr;
  bool failed;
  int r = retry_detached([&] { return ::fdatasync(fd); }, &failed);
  if (failed) return nullptr;
  return none_or_errno(r);
}

// --- positional and vectored I/O -------------------------------------------------

Ref<> posix_pread(Value, Value* args) {
  int fd;
  int64_t len, off;
  if (!fd_arg(args[0], &fd) || !to_int64(args[1], &len) || !to_int64(args[2], &off)) return nullptr;
  if (len < 0) return err_from_errno(EINVAL);
  std::string buf(static_cast<size_t>(len), '\0');
  bool failed;
  ssize_t n = retry_detached([&] { return ::pread(fd, buf.data(), buf.size(), static_cast<off_t>(off)); }, &failed);
  if (failed) return nullptr;
  if (n < 0) return err_from_errno(errno);
  buf.resize(static_cast<size_t>(n));
  return bytes_from(buf);
}

Ref<> posix_pwrite(Value, Value* args) {
  int fd;
  int64_t off;
  std::string data;
  if (!fd_arg(args[0], &fd) || !module_buffer_or_error(args[1], &data) || !to_int64(args[2], &off)) return nullptr;
  bool failed;
  ssize_t n = retry_detached([&] { return ::pwrite(fd, data.data(), data.size(), static_cast<off_t>(off)); }, &failed);
  if (failed) return nullptr;
  if (n < 0) return err_from_errno(errno);
  return int_from_int64(n);
}

Ref<> posix_writev(Value, Value* args) {
  int fd;
  if (!fd_arg(args[0], &fd)) return nullptr;
  Ref<> seq = sequence_arg(args[1], "writev() arg 2 must be a sequence");
  if (!seq) return nullptr;
  IoVectors v;
  if (!iovec_gather(seq.val(), &v)) return nullptr;
  bool failed;
  ssize_t r = retry_detached([&] { return ::writev(fd, v.iov.data(), static_cast<int>(v.iov.size())); }, &failed);
  if (failed) return nullptr;
  if (r < 0) return err_from_errno(errno);
  return int_from_int64(r);
}

// readv(fd, buffers): reads into scratch copies of the writable buffers,
// then copies back under each buffer's own lock.
Ref<> posix_readv(Value, Value* args) {
  int fd;
  if (!fd_arg(args[0], &fd)) return nullptr;
  Ref<> seq = sequence_arg(args[1], "readv() arg 2 must be a sequence");
  if (!seq) return nullptr;
  IoVectors v;
  if (!iovec_scatter_prepare(seq.val(), &v, g_TypeError, "readv() arg 2 must be a sequence of writable buffers"))
    return nullptr;
  bool failed;
  ssize_t r = retry_detached([&] { return ::readv(fd, v.iov.data(), static_cast<int>(v.iov.size())); }, &failed);
  if (failed) return nullptr;
  if (r < 0) return err_from_errno(errno);
  return iovec_scatter_finish(seq.val(), v, r);
}

Ref<> posix_sendfile(Value, Value* args) {
  int out_fd, in_fd;
  int64_t count;
  if (!fd_arg(args[0], &out_fd) || !fd_arg(args[1], &in_fd)) return nullptr;
  bool use_offset = !is_none(args[2]);
  int64_t off64 = 0;
  if (use_offset && !to_int64(args[2], &off64)) return nullptr;
  if (!to_int64(args[3], &count)) return nullptr;
  off_t off = static_cast<off_t>(off64);
  bool failed;
  ssize_t r = retry_detached(
      [&] { return ::sendfile(out_fd, in_fd, use_offset ? &off : nullptr, static_cast<size_t>(count)); }, &failed);
  if (failed) return nullptr;
  if (r < 0) return err_from_errno(errno);
  return int_from_int64(r);
}

Ref<> posix_posix_fallocate(Value, Value* args) {
  int fd;
  int64_t off, len;
  if (!fd_arg(args[0], &fd) || !to_int64(args[1], &off) || !to_int64(args[2], &len)) return nullptr;
  int e;
  do {
    BlockingRegion br;
    e = ::posix_fallocate(fd, static_cast<off_t>(off), static_cast<off_t>(len));
  } while (e == EINTR);
  if (e) return err_from_errno(e);
  return new_none();
}

Ref<> posix_posix_fadvise(Value, Value* args) {
  int fd, advice;
  int64_t off, len;
  if (!fd_arg(args[0], &fd) || !to_int64(args[1], &off) || !to_int64(args[2], &len) || !c_int_arg(args[3], &advice))
    return nullptr;
  int e = ::posix_fadvise(fd, static_cast<off_t>(off), static_cast<off_t>(len), advice);
  if (e) return err_from_errno(e);
  return new_none();
}

Ref<> posix_lockf(Value, Value* args) {
  int fd, cmd;
  int64_t len;
  if (!fd_arg(args[0], &fd) || !c_int_arg(args[1], &cmd) || !to_int64(args[2], &len)) return nullptr;
  bool failed;
  int r = retry_detached([&] { return ::lockf(fd, cmd, static_cast<off_t>(len)); }, &failed);
  if (failed) return nullptr;
  return none_or_errno(r);
}

Ref<> posix_pipe2(Value, Value* args) {
  int flags;
  if (!c_int_arg(args[0], &flags)) return nullptr;
  int fds[2];
  if (::pipe2(fds, flags) < 0) return err_from_errno(errno);
  return int_pair(fds[0], fds[1]);
}

Ref<> posix_getrandom(Value, Value* args) {
  int64_t size;
  int flags;
  if (!to_int64(args[0], &size) || !c_int_arg(args[1], &flags)) return nullptr;
  if (size < 0) return err_from_errno(EINVAL);
  std::string buf(static_cast<size_t>(size), '\0');
  size_t got = 0;
  while (got < buf.size()) {
    ssize_t n;
    {
      BlockingRegion br;
      n = ::getrandom(buf.data() + got, buf.size() - got, static_cast<unsigned>(flags));
    }
    if (n < 0) {
      if (errno == EINTR) {
        ThreadState* ts = tstate();
        if (signals_pending_for(ts) && handle_eval_breaker(ts) < 0) return nullptr;
        continue;
      }
      return err_from_errno(errno);
    }
    got += static_cast<size_t>(n);
  }
  return bytes_from(buf);
}

Ref<> posix_memfd_create(Value, Value* args) {
  Path p;
  if (!path_arg(args[0], &p, "memfd_create")) return nullptr;
  int flags;
  if (!c_int_arg(args[1], &flags)) return nullptr;
  int fd = ::memfd_create(p.bytes.c_str(), static_cast<unsigned>(flags));
  if (fd < 0) return err_from_errno(errno);
  return int_from_int64(fd);
}

// --- terminals --------------------------------------------------------------------

Ref<> posix_ttyname(Value, Value* args) {
  int fd;
  if (!fd_arg(args[0], &fd)) return nullptr;
  char buf[256];
  int e = ::ttyname_r(fd, buf, sizeof buf);
  if (e) return err_from_errno(e);
  return os_text(buf);
}

Ref<> posix_ctermid(Value, Value*) {
  char buf[L_ctermid];
  const char* r = ::ctermid(buf);
  if (!r) return err_from_errno(errno);
  return os_text(r);
}

Ref<> posix_tcgetpgrp(Value, Value* args) {
  int fd;
  if (!fd_arg(args[0], &fd)) return nullptr;
  pid_t r = ::tcgetpgrp(fd);
  if (r < 0) return err_from_errno(errno);
  return int_from_int64(r);
}

Ref<> posix_tcsetpgrp(Value, Value* args) {
  int fd;
  int64_t pg;
  if (!fd_arg(args[0], &fd) || !to_int64(args[1], &pg)) return nullptr;
  return none_or_errno(::tcsetpgrp(fd, static_cast<pid_t>(pg)));
}

// openpty(): both descriptors non-inheritable, as CPython makes them.
Ref<> posix_openpty(Value, Value*) {
  int master, slave;
  if (::openpty(&master, &slave, nullptr, nullptr, nullptr) < 0) return err_from_errno(errno);
  for (int fd : {master, slave}) {
    int fl = ::fcntl(fd, F_GETFD);
    if (fl < 0 || ::fcntl(fd, F_SETFD, fl | FD_CLOEXEC) < 0) {
      int e = errno;
      ::close(master);
      ::close(slave);
      return err_from_errno(e);
    }
  }
  return int_pair(master, slave);
}

// --- processes --------------------------------------------------------------------

Ref<> posix_abort(Value, Value*) { std::abort(); }

Ref<> wait_result(pid_t pid, int status, const struct rusage* ru) {
  Ref<> a = int_from_int64(pid), b = int_from_int64(status);
  if (!a || !b) return nullptr;
  if (!ru) return tuple_pack({a.val(), b.val()});
  Ref<> r = rusage_record(*ru);
  if (!r) return nullptr;
  return tuple_pack({a.val(), b.val(), r.val()});
}

Ref<> posix_wait(Value, Value*) {
  int status = 0;
  bool failed;
  pid_t r = retry_detached([&] { return ::wait(&status); }, &failed);
  if (failed) return nullptr;
  if (r < 0) return err_from_errno(errno);
  return wait_result(r, status, nullptr);
}

Ref<> posix_wait3(Value, Value* args) {
  int options;
  if (!c_int_arg(args[0], &options)) return nullptr;
  int status = 0;
  struct rusage ru{};
  bool failed;
  pid_t r = retry_detached([&] { return ::wait3(&status, options, &ru); }, &failed);
  if (failed) return nullptr;
  if (r < 0) return err_from_errno(errno);
  return wait_result(r, status, &ru);
}

Ref<> posix_wait4(Value, Value* args) {
  int64_t pid;
  int options;
  if (!to_int64(args[0], &pid) || !c_int_arg(args[1], &options)) return nullptr;
  int status = 0;
  struct rusage ru{};
  bool failed;
  pid_t r = retry_detached([&] { return ::wait4(static_cast<pid_t>(pid), &status, options, &ru); }, &failed);
  if (failed) return nullptr;
  if (r < 0) return err_from_errno(errno);
  return wait_result(r, status, &ru);
}

Ref<> waitid_record(const siginfo_t& si) {
  const char* names[] = {"si_pid", "si_uid", "si_signo", "si_status", "si_code"};
  int64_t vals[] = {si.si_pid, static_cast<int64_t>(si.si_uid), si.si_signo, si.si_status, si.si_code};
  std::vector<std::pair<const char*, Ref<>>> fields;
  Ref<Tuple> items = tuple_new(5);
  if (!items) return nullptr;
  for (int i = 0; i < 5; i++) {
    Ref<> v = int_from_int64(vals[i]);
    if (!v) return nullptr;
    fields.emplace_back(names[i], Ref<>());
    tuple_init_item(items.get(), i, std::move(v));
  }
  return record_new("posix.waitid_result", fields, items.val());
}

Ref<> posix_waitid(Value, Value* args) {
  int idtype, options;
  int64_t id;
  if (!c_int_arg(args[0], &idtype) || !to_int64(args[1], &id) || !c_int_arg(args[2], &options)) return nullptr;
  siginfo_t si;
  std::memset(&si, 0, sizeof si);
  bool failed;
  int r = retry_detached(
      [&] { return ::waitid(static_cast<idtype_t>(idtype), static_cast<id_t>(id), &si, options); }, &failed);
  if (failed) return nullptr;
  if (r < 0) return err_from_errno(errno);
  if (si.si_pid == 0) return new_none();  // WNOHANG and no child had changed state
  return waitid_record(si);
}

#define FTPY_WAIT_PREDICATE(name, expr)             \
  Ref<> posix_##name(Value, Value* args) {          \
    int status;                                     \
    if (!c_int_arg(args[0], &status)) return nullptr; \
    return new_bool(expr);                          \
  }
FTPY_WAIT_PREDICATE(WCOREDUMP, WCOREDUMP(status))
FTPY_WAIT_PREDICATE(WIFCONTINUED, WIFCONTINUED(status))
#undef FTPY_WAIT_PREDICATE

// exec's argv and env entries: str or bytes (os.PathLike too), encoded as
// os.fsencode does.
bool exec_arg_bytes(Value v, std::string* out, const char* func) {
  Path p;
  if (!path_arg(v, &p, func)) return false;
  if (p.bytes.find('\0') != std::string::npos) {
    err_set_str(g_ValueError, "embedded null byte");
    return false;
  }
  *out = std::move(p.bytes);
  return true;
}

bool exec_argv(Value argv, const char* func, std::vector<std::string>* out) {
  if (!is_tuple(argv) && !is_list(argv)) {
    err_format(g_TypeError, "%s() arg 2 must be a tuple or list", func);
    return false;
  }
  Ref<> t = sequence_tuple(argv);
  if (!t) return false;
  int64_t n = tuple_size(t.val());
  if (n < 1) {
    err_format(g_ValueError, "%s() arg 2 must not be empty", func);
    return false;
  }
  for (int64_t i = 0; i < n; i++) {
    std::string s;
    if (!exec_arg_bytes(tuple_item(t.val(), i), &s, func)) return false;
    if (i == 0 && s.empty()) {
      err_format(g_ValueError, "%s() arg 2 first element cannot be empty", func);
      return false;
    }
    out->push_back(std::move(s));
  }
  return true;
}

std::vector<char*> c_vector(std::vector<std::string>& v) {
  std::vector<char*> r;
  for (std::string& s : v) r.push_back(s.data());
  r.push_back(nullptr);
  return r;
}

Ref<> posix_execv(Value, Value* args) {
  Path p;
  if (!path_arg(args[0], &p, "execv")) return nullptr;
  std::vector<std::string> argv;
  if (!exec_argv(args[1], "execv", &argv)) return nullptr;
  std::vector<char*> cargv = c_vector(argv);
  ::execv(p.bytes.c_str(), cargv.data());
  return err_from_errno(errno);
}

Ref<> posix_execve(Value, Value* args) {
  Path p;
  if (!path_arg(args[0], &p, "execve", true)) return nullptr;
  std::vector<std::string> argv;
  if (!exec_argv(args[1], "execve", &argv)) return nullptr;
  Value env = args[2];
  Ref<> keys = getattr_opt(env, Value(str_intern("keys")));
  if (!keys) {
    if (!err_occurred()) err_set_str(g_TypeError, "execve: environment must be a mapping object");
    return nullptr;
  }
  Ref<> klist = call(keys.val(), nullptr, 0);
  Ref<> kt = klist ? sequence_tuple(klist.val()) : nullptr;
  if (!kt) return nullptr;
  std::vector<std::string> envv;
  for (int64_t i = 0; i < tuple_size(kt.val()); i++) {
    Value k = tuple_item(kt.val(), i);
    Ref<> v = getitem(env, k);
    if (!v) return nullptr;
    std::string ks, vs;
    if (!exec_arg_bytes(k, &ks, "execve") || !exec_arg_bytes(v.val(), &vs, "execve")) return nullptr;
    if (ks.empty() || ks.find('=') != std::string::npos)
      return err_set_str(g_ValueError, "illegal environment variable name");
    envv.push_back(ks + "=" + vs);
  }
  std::vector<char*> cargv = c_vector(argv), cenv = c_vector(envv);
  if (p.fd >= 0)
    ::fexecve(p.fd, cargv.data(), cenv.data());
  else
    ::execve(p.bytes.c_str(), cargv.data(), cenv.data());
  return p.fd >= 0 ? err_from_errno(errno) : path_error(errno, args[0]);
}

Ref<> posix_setsid(Value, Value*) { return ::setsid() < 0 ? err_from_errno(errno) : new_none(); }
Ref<> posix_setpgrp(Value, Value*) { return none_or_errno(::setpgid(0, 0)); }

Ref<> posix_setpgid(Value, Value* args) {
  int64_t pid, pg;
  if (!to_int64(args[0], &pid) || !to_int64(args[1], &pg)) return nullptr;
  return none_or_errno(::setpgid(static_cast<pid_t>(pid), static_cast<pid_t>(pg)));
}

Ref<> posix_getpgid(Value, Value* args) {
  int64_t pid;
  if (!to_int64(args[0], &pid)) return nullptr;
  pid_t r = ::getpgid(static_cast<pid_t>(pid));
  if (r < 0) return err_from_errno(errno);
  return int_from_int64(r);
}

Ref<> posix_getsid(Value, Value* args) {
  int64_t pid;
  if (!to_int64(args[0], &pid)) return nullptr;
  pid_t r = ::getsid(static_cast<pid_t>(pid));
  if (r < 0) return err_from_errno(errno);
  return int_from_int64(r);
}

Ref<> posix_killpg(Value, Value* args) {
  int64_t pg;
  int sig;
  if (!to_int64(args[0], &pg) || !c_int_arg(args[1], &sig)) return nullptr;
  return none_or_errno(::killpg(static_cast<pid_t>(pg), sig));
}

Ref<> posix_nice(Value, Value* args) {
  int inc;
  if (!c_int_arg(args[0], &inc)) return nullptr;
  errno = 0;
  int r = ::nice(inc);
  if (r == -1 && errno != 0) return err_from_errno(errno);
  return int_from_int64(r);
}

Ref<> posix_getpriority(Value, Value* args) {
  int which, who;
  if (!c_int_arg(args[0], &which) || !c_int_arg(args[1], &who)) return nullptr;
  errno = 0;
  int r = ::getpriority(static_cast<__priority_which_t>(which), static_cast<id_t>(who));
  if (r == -1 && errno != 0) return err_from_errno(errno);
  return int_from_int64(r);
}

Ref<> posix_setpriority(Value, Value* args) {
  int which, who, prio;
  if (!c_int_arg(args[0], &which) || !c_int_arg(args[1], &who) || !c_int_arg(args[2], &prio)) return nullptr;
  return none_or_errno(::setpriority(static_cast<__priority_which_t>(which), static_cast<id_t>(who), prio));
}

Ref<> posix_getloadavg(Value, Value*) {
  double l[3];
  if (::getloadavg(l, 3) != 3) return err_set_str(g_OSError, "Load averages are unobtainable");
  Ref<> a = float_new(l[0]), b = float_new(l[1]), c = float_new(l[2]);
  return tuple_pack({a.val(), b.val(), c.val()});
}

Ref<> posix_getlogin(Value, Value*) {
  char buf[256];
  int e = ::getlogin_r(buf, sizeof buf);
  if (e) return err_from_errno(e);
  return os_text(buf);
}

// --- users and groups -------------------------------------------------------------

#define FTPY_SET_ID(name, call, what)                     \
  Ref<> posix_##name(Value, Value* args) {                \
    uint32_t id;                                          \
    if (!id_arg(args[0], what, &id)) return nullptr;      \
    return none_or_errno(call(id));                       \
  }
FTPY_SET_ID(setuid, ::setuid, "uid")
FTPY_SET_ID(seteuid, ::seteuid, "uid")
FTPY_SET_ID(setgid, ::setgid, "gid")
FTPY_SET_ID(setegid, ::setegid, "gid")
#undef FTPY_SET_ID

Ref<> posix_setreuid(Value, Value* args) {
  uid_t r, e;
  if (!id_arg(args[0], "uid", &r) || !id_arg(args[1], "uid", &e)) return nullptr;
  return none_or_errno(::setreuid(r, e));
}

Ref<> posix_setregid(Value, Value* args) {
  gid_t r, e;
  if (!id_arg(args[0], "gid", &r) || !id_arg(args[1], "gid", &e)) return nullptr;
  return none_or_errno(::setregid(r, e));
}

Ref<> posix_setresuid(Value, Value* args) {
  uid_t r, e, s;
  if (!id_arg(args[0], "uid", &r) || !id_arg(args[1], "uid", &e) || !id_arg(args[2], "uid", &s)) return nullptr;
  return none_or_errno(::setresuid(r, e, s));
}

Ref<> posix_setresgid(Value, Value* args) {
  gid_t r, e, s;
  if (!id_arg(args[0], "gid", &r) || !id_arg(args[1], "gid", &e) || !id_arg(args[2], "gid", &s)) return nullptr;
  return none_or_errno(::setresgid(r, e, s));
}

Ref<> id_triple(uint32_t a, uint32_t b, uint32_t c) {
  Ref<> x = id_to_int(a), y = id_to_int(b), z = id_to_int(c);
  if (!x || !y || !z) return nullptr;
  return tuple_pack({x.val(), y.val(), z.val()});
}

Ref<> posix_getresuid(Value, Value*) {
  uid_t r, e, s;
  if (::getresuid(&r, &e, &s) < 0) return err_from_errno(errno);
  return id_triple(r, e, s);
}

Ref<> posix_getresgid(Value, Value*) {
  gid_t r, e, s;
  if (::getresgid(&r, &e, &s) < 0) return err_from_errno(errno);
  return id_triple(r, e, s);
}

Ref<> gid_list(const gid_t* g, int n) {
  Ref<List> out = list_new();
  if (!out) return nullptr;
  for (int i = 0; i < n; i++) {
    Ref<> v = id_to_int(g[i]);
    if (!v || list_append(out.val(), v.val()) < 0) return nullptr;
  }
  return out;
}

Ref<> posix_getgroups(Value, Value*) {
  int n = ::getgroups(0, nullptr);
  if (n < 0) return err_from_errno(errno);
  std::vector<gid_t> g(static_cast<size_t>(n) + 1);
  n = ::getgroups(static_cast<int>(g.size()), g.data());
  if (n < 0) return err_from_errno(errno);
  return gid_list(g.data(), n);
}

Ref<> posix_setgroups(Value, Value* args) {
  Ref<> t = sequence_arg(args[0], "setgroups argument must be a sequence");
  if (!t) return nullptr;
  std::vector<gid_t> g;
  for (int64_t i = 0; i < tuple_size(t.val()); i++) {
    gid_t id;
    if (!id_arg(tuple_item(t.val(), i), "gid", &id)) return nullptr;
    g.push_back(id);
  }
  return none_or_errno(::setgroups(g.size(), g.data()));
}

Ref<> posix_getgrouplist(Value, Value* args) {
  if (!is_str(args[0]))
    return err_format(g_TypeError, "getgrouplist() argument 1 must be str, not %s", type_name(type_of(args[0])));
  std::string user;
  if (!os_text_bytes(args[0], &user)) return nullptr;
  gid_t base;
  if (!id_arg(args[1], "gid", &base)) return nullptr;
  int n = 64;
  std::vector<gid_t> g;
  for (;;) {
    g.resize(static_cast<size_t>(n));
    int want = n;
    if (::getgrouplist(user.c_str(), base, g.data(), &want) >= 0) {
      n = want;
      break;
    }
    if (want <= n) n *= 2;
    else n = want;
    if (n > 65536) return err_from_errno(EINVAL);
  }
  return gid_list(g.data(), n);
}

Ref<> posix_initgroups(Value, Value* args) {
  Path p;
  if (!path_arg(args[0], &p, "initgroups")) return nullptr;
  gid_t gid;
  if (!id_arg(args[1], "gid", &gid)) return nullptr;
  return none_or_errno(::initgroups(p.bytes.c_str(), gid));
}

// --- scheduling -------------------------------------------------------------------

Ref<> posix_sched_yield(Value, Value*) {
  ::sched_yield();
  return new_none();
}

Ref<> posix_sched_get_priority_min(Value, Value* args) {
  int policy;
  if (!c_int_arg(args[0], &policy)) return nullptr;
  int r = ::sched_get_priority_min(policy);
  if (r < 0) return err_from_errno(errno);
  return int_from_int64(r);
}

Ref<> posix_sched_get_priority_max(Value, Value* args) {
  int policy;
  if (!c_int_arg(args[0], &policy)) return nullptr;
  int r = ::sched_get_priority_max(policy);
  if (r < 0) return err_from_errno(errno);
  return int_from_int64(r);
}

Ref<> posix_sched_getaffinity(Value, Value* args) {
  int64_t pid;
  if (!to_int64(args[0], &pid)) return nullptr;
  // A set large enough for any CPU the kernel may report.
  int ncpus = 1024;
  for (;;) {
    cpu_set_t* set = CPU_ALLOC(ncpus);
    size_t size = CPU_ALLOC_SIZE(ncpus);
    if (::sched_getaffinity(static_cast<pid_t>(pid), size, set) == 0) {
      Ref<> out = set_new(Value());
      for (int i = 0; out && i < ncpus; i++) {
        if (!CPU_ISSET_S(i, size, set)) continue;
        Ref<> v = int_from_int64(i);
        if (!v || set_add(out.val(), v.val()) < 0) out = nullptr;
      }
      CPU_FREE(set);
      return out;
    }
    int e = errno;
    CPU_FREE(set);
    if (e != EINVAL || ncpus >= (1 << 20)) return err_from_errno(e);
    ncpus *= 2;
  }
}

Ref<> posix_sched_setaffinity(Value, Value* args) {
  int64_t pid;
  if (!to_int64(args[0], &pid)) return nullptr;
  Ref<> it = get_iter(args[1]);
  if (!it) return nullptr;
  std::vector<int64_t> cpus;
  int64_t top = 0;
  while (Ref<> x = iter_next(it.val())) {
    if (!is_int(x.val()))
      return err_format(g_TypeError, "expected an iterator of ints, but iterator yielded %s", type_name(type_of(x.val())));
    int64_t c;
    if (!to_int64(x.val(), &c)) return nullptr;
    if (c < 0) return err_set_str(g_ValueError, "negative CPU number");
    if (c > (1 << 20)) return err_set_str(g_OverflowError, "invalid CPU number");
    cpus.push_back(c);
    top = std::max(top, c + 1);
  }
  if (err_occurred()) return nullptr;
  int ncpus = static_cast<int>(std::max<int64_t>(top, 1));
  cpu_set_t* set = CPU_ALLOC(ncpus);
  size_t size = CPU_ALLOC_SIZE(ncpus);
  CPU_ZERO_S(size, set);
  for (int64_t c : cpus) CPU_SET_S(static_cast<int>(c), size, set);
  int r = ::sched_setaffinity(static_cast<pid_t>(pid), size, set);
  int e = errno;
  CPU_FREE(set);
  if (r < 0) return err_from_errno(e);
  return new_none();
}

// --- configuration ----------------------------------------------------------------

struct ConfName {
  const char* name;
  int value;
};

const ConfName kSysconfNames[] = {
#define FTPY_SYSCONF(n, v) {n, v},
#define FTPY_CONFSTR(n, v)
#define FTPY_PATHCONF(n, v)
#include "modules/posix_conf_names.inc"
#undef FTPY_SYSCONF
#undef FTPY_CONFSTR
#undef FTPY_PATHCONF
};
const ConfName kConfstrNames[] = {
#define FTPY_SYSCONF(n, v)
#define FTPY_CONFSTR(n, v) {n, v},
#define FTPY_PATHCONF(n, v)
#include "modules/posix_conf_names.inc"
#undef FTPY_SYSCONF
#undef FTPY_CONFSTR
#undef FTPY_PATHCONF
};
const ConfName kPathconfNames[] = {
#define FTPY_SYSCONF(n, v)
#define FTPY_CONFSTR(n, v)
#define FTPY_PATHCONF(n, v) {n, v},
#include "modules/posix_conf_names.inc"
#undef FTPY_SYSCONF
#undef FTPY_CONFSTR
#undef FTPY_PATHCONF
};

// A configuration name: an int, or a str from the table.
template <size_t N>
bool conf_name(Value v, const ConfName (&table)[N], int* out) {
  if (is_str(v)) {
    std::string_view s = str_view(v);
    for (const ConfName& c : table)
      if (s == c.name) {
        *out = c.value;
        return true;
      }
    err_set_str(g_ValueError, "unrecognized configuration name");
    return false;
  }
  if (!is_int(v)) {
    err_set_str(g_TypeError, "configuration names must be strings or integers");
    return false;
  }
  return c_int_arg(v, out);
}

Ref<> posix_sysconf(Value, Value* args) {
  int name;
  if (!conf_name(args[0], kSysconfNames, &name)) return nullptr;
  errno = 0;
  long r = ::sysconf(name);
  if (r == -1 && errno != 0) return err_from_errno(errno);
  return int_from_int64(r);
}

Ref<> posix_confstr(Value, Value* args) {
  int name;
  if (!conf_name(args[0], kConfstrNames, &name)) return nullptr;
  errno = 0;
  size_t n = ::confstr(name, nullptr, 0);
  if (n == 0) {
    if (errno) return err_from_errno(errno);
    return new_none();
  }
  std::string buf(n, '\0');
  ::confstr(name, buf.data(), n);
  buf.resize(n - 1);
  return os_text(buf.c_str());
}

Ref<> posix_fpathconf(Value, Value* args) {
  int fd, name;
  if (!fd_from_object(args[0], &fd) || !conf_name(args[1], kPathconfNames, &name)) return nullptr;
  errno = 0;
  long r = ::fpathconf(fd, name);
  if (r == -1 && errno != 0) return err_from_errno(errno);
  return int_from_int64(r);
}

Ref<> posix_pathconf(Value, Value* args) {
  Path p;
  if (!path_arg(args[0], &p, "pathconf", true)) return nullptr;
  int name;
  if (!conf_name(args[1], kPathconfNames, &name)) return nullptr;
  errno = 0;
  long r = p.fd >= 0 ? ::fpathconf(p.fd, name) : ::pathconf(p.bytes.c_str(), name);
  if (r == -1 && errno != 0) return p.fd >= 0 ? err_from_errno(errno) : path_error(errno, args[0]);
  return int_from_int64(r);
}

template <size_t N>
int add_names(Value d, const char* attr, const ConfName (&table)[N]) {
  Ref<Dict> names = dict_new();
  if (!names) return -1;
  for (const ConfName& c : table) {
    Ref<> v = int_from_int64(c.value);
    if (!v || dict_set_item_str(names.val(), c.name, v.val()) < 0) return -1;
  }
  return dict_set_item_str(d, attr, names.val());
}

const MethodDef kProcessFunctions[] = {
    {"chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True)", posix_chown,
     "Change the owner and group id of path to the numeric uid and gid."},
    {"lchown(path, uid, gid)", posix_lchown, "Change the owner and group id of path, not following symlinks."},
    {"fchown(fd, uid, gid)", posix_fchown, "Change the owner and group id of the file open as fd."},
    {"fchmod(fd, mode)", posix_fchmod, "Change the access permissions of the file open as fd."},
    {"fchdir(fd)", posix_fchdir, "Change the current working directory to the directory open as fd."},
    {"chroot(path)", posix_chroot, "Change root directory to path."},
    {"mkfifo(path, mode=438, *, dir_fd=None)", posix_mkfifo, "Create a FIFO (a POSIX named pipe)."},
    {"mknod(path, mode=384, device=0, *, dir_fd=None)", posix_mknod,
     "Create a node in the file system (file, device special file or named pipe)."},
    {"major(device, /)", posix_major, "Extract a device major number from a raw device number."},
    {"minor(device, /)", posix_minor, "Extract a device minor number from a raw device number."},
    {"makedev(major, minor, /)", posix_makedev, "Compose a raw device number from major and minor numbers."},
    {"sync()", posix_sync, "Force write of everything to disk."},
    {"fdatasync(fd)", posix_fdatasync, "Force write of fd's data to disk, without its metadata."},
    {"pread(fd, length, offset, /)", posix_pread, "Read up to length bytes from fd at offset."},
    {"pwrite(fd, buffer, offset, /)", posix_pwrite, "Write buffer to fd at offset; return the bytes written."},
    {"readv(fd, buffers, /)", posix_readv, "Read from fd into a sequence of writable buffers."},
    {"writev(fd, buffers, /)", posix_writev, "Write a sequence of bytes-like objects to fd."},
    {"sendfile(out_fd, in_fd, offset, count)", posix_sendfile, "Copy count bytes from in_fd to out_fd."},
    {"posix_fallocate(fd, offset, length, /)", posix_posix_fallocate,
     "Ensure disk space is allocated for the given range of fd."},
    {"posix_fadvise(fd, offset, length, advice, /)", posix_posix_fadvise,
     "Announce an intention to access data of fd in a specific pattern."},
    {"lockf(fd, command, length, /)", posix_lockf, "Apply, test or remove a POSIX lock on an open file."},
    {"pipe2(flags, /)", posix_pipe2, "Create a pipe with flags set atomically; return (read end, write end)."},
    {"getrandom(size, flags=0)", posix_getrandom, "Obtain a series of random bytes."},
    {"memfd_create(name, flags=1)", posix_memfd_create, "Create an anonymous file in memory; return its fd."},
    {"ttyname(fd, /)", posix_ttyname, "Name of the terminal device connected to fd."},
    {"ctermid()", posix_ctermid, "Name of the controlling terminal of this process."},
    {"tcgetpgrp(fd, /)", posix_tcgetpgrp, "Process group of the terminal open as fd."},
    {"tcsetpgrp(fd, pgid, /)", posix_tcsetpgrp, "Set the process group of the terminal open as fd."},
    {"openpty()", posix_openpty, "Open a pseudo-terminal; return (master fd, slave fd)."},
    {"abort()", posix_abort, "Abort the interpreter immediately (SIGABRT)."},
    {"wait()", posix_wait, "Wait for a child process; return (pid, status)."},
    {"wait3(options)", posix_wait3, "Wait for a child process; return (pid, status, resource usage)."},
    {"wait4(pid, options)", posix_wait4, "Wait for child pid; return (pid, status, resource usage)."},
    {"waitid(idtype, id, options, /)", posix_waitid,
     "Wait for a child process's state to change; a waitid_result, or None with WNOHANG and no change."},
    {"WCOREDUMP(status, /)", posix_WCOREDUMP, "True if the process produced a core dump."},
    {"WIFCONTINUED(status)", posix_WIFCONTINUED, "True if a stopped process was resumed (SIGCONT)."},
    {"execv(path, argv, /)", posix_execv, "Replace this process by the program at path with arguments argv."},
    {"execve(path, argv, env)", posix_execve,
     "Replace this process by the program at path with arguments argv and environment env."},
    {"setsid()", posix_setsid, "Start a new session (setsid())."},
    {"setpgrp()", posix_setpgrp, "Make this process the leader of a new process group."},
    {"setpgid(pid, pgrp, /)", posix_setpgid, "Set the process group of pid to pgrp."},
    {"getpgid(pid)", posix_getpgid, "Process group id of pid."},
    {"getsid(pid, /)", posix_getsid, "Session id of pid."},
    {"killpg(pgid, signal, /)", posix_killpg, "Send signal to process group pgid."},
    {"nice(increment, /)", posix_nice, "Add increment to this process's niceness; return the new niceness."},
    {"getpriority(which, who)", posix_getpriority, "Scheduling priority of a process, group or user."},
    {"setpriority(which, who, priority)", posix_setpriority, "Set the scheduling priority of a process, group or user."},
    {"getloadavg()", posix_getloadavg, "Number of processes in the run queue averaged over 1, 5 and 15 minutes."},
    {"getlogin()", posix_getlogin, "Name of the user logged in on this process's controlling terminal."},
    {"setuid(uid, /)", posix_setuid, "Set the current process's user id."},
    {"seteuid(euid, /)", posix_seteuid, "Set the current process's effective user id."},
    {"setgid(gid, /)", posix_setgid, "Set the current process's group id."},
    {"setegid(egid, /)", posix_setegid, "Set the current process's effective group id."},
    {"setreuid(ruid, euid, /)", posix_setreuid, "Set the current process's real and effective user ids."},
    {"setregid(rgid, egid, /)", posix_setregid, "Set the current process's real and effective group ids."},
    {"setresuid(ruid, euid, suid, /)", posix_setresuid, "Set the real, effective and saved user ids."},
    {"setresgid(rgid, egid, sgid, /)", posix_setresgid, "Set the real, effective and saved group ids."},
    {"getresuid()", posix_getresuid, "The (real, effective, saved) user ids."},
    {"getresgid()", posix_getresgid, "The (real, effective, saved) group ids."},
    {"getgroups()", posix_getgroups, "Supplemental group ids of this process."},
    {"setgroups(groups, /)", posix_setgroups, "Set the supplemental group ids of this process."},
    {"getgrouplist(user, group, /)", posix_getgrouplist, "Ids of the groups user belongs to, with group."},
    {"initgroups(username, gid, /)", posix_initgroups, "Initialize the group access list from the group database."},
    {"sched_yield()", posix_sched_yield, "Voluntarily give up the CPU."},
    {"sched_get_priority_min(policy)", posix_sched_get_priority_min, "Minimum priority of a scheduling policy."},
    {"sched_get_priority_max(policy)", posix_sched_get_priority_max, "Maximum priority of a scheduling policy."},
    {"sched_getaffinity(pid, /)", posix_sched_getaffinity, "The set of CPUs pid (0: this process) may run on."},
    {"sched_setaffinity(pid, mask, /)", posix_sched_setaffinity, "Restrict pid (0: this process) to the CPUs in mask."},
    {"sysconf(name, /)", posix_sysconf, "An integer-valued system configuration value."},
    {"confstr(name, /)", posix_confstr, "A string-valued system configuration value."},
    {"fpathconf(fd, name, /)", posix_fpathconf, "A system configuration value of the file open as fd."},
    {"pathconf(path, name)", posix_pathconf, "A system configuration value of the file at path."},
    {nullptr}};

}  // namespace

bool iovec_gather(Value seq, IoVectors* v) {
  size_t n = static_cast<size_t>(tuple_size(seq));
  v->parts.assign(n, std::string());
  v->iov.assign(n, iovec{});
  for (size_t i = 0; i < n; i++) {
    if (!module_buffer_or_error(tuple_item(seq, static_cast<int64_t>(i)), &v->parts[i])) return false;
    v->iov[i].iov_base = v->parts[i].data();
    v->iov[i].iov_len = v->parts[i].size();
  }
  return true;
}

bool iovec_scatter_prepare(Value seq, IoVectors* v, Type* not_writable_type, const char* not_writable) {
  size_t n = static_cast<size_t>(tuple_size(seq));
  v->parts.assign(n, std::string());
  v->iov.assign(n, iovec{});
  for (size_t i = 0; i < n; i++) {
    int64_t size = -1;
    int w = module_with_writable_buffer(tuple_item(seq, static_cast<int64_t>(i)), [&](uint8_t*, int64_t m) {
      size = m;
      return 0;
    });
    if (w < 0) return false;
    if (w == 0) {
      err_set_str(not_writable_type, not_writable);
      return false;
    }
    v->parts[i].resize(static_cast<size_t>(size));
    v->iov[i].iov_base = v->parts[i].data();
    v->iov[i].iov_len = v->parts[i].size();
  }
  return true;
}

Ref<> iovec_scatter_finish(Value seq, const IoVectors& v, ssize_t n) {
  size_t left = static_cast<size_t>(n);
  for (size_t i = 0; i < v.parts.size() && left > 0; i++) {
    size_t take = std::min(left, v.parts[i].size());
    int w = module_with_writable_buffer(tuple_item(seq, static_cast<int64_t>(i)), [&](uint8_t* p, int64_t m) {
      std::memcpy(p, v.parts[i].data(), std::min(take, static_cast<size_t>(m)));
      return 0;
    });
    if (w < 0) return nullptr;
    left -= take;
  }
  return int_from_int64(n);
}

int posix_process_add(Value module, Value d) {
  if (native_add_functions(module, kProcessFunctions) < 0) return -1;
  if (add_names(d, "sysconf_names", kSysconfNames) < 0 || add_names(d, "confstr_names", kConfstrNames) < 0 ||
      add_names(d, "pathconf_names", kPathconfNames) < 0)
    return -1;
  struct Const {
    const char* name;
    int64_t value;
  };
  static const Const kConsts[] = {
      {"CLD_CONTINUED", CLD_CONTINUED}, {"CLD_DUMPED", CLD_DUMPED}, {"CLD_EXITED", CLD_EXITED},
      {"CLD_KILLED", CLD_KILLED}, {"CLD_STOPPED", CLD_STOPPED}, {"CLD_TRAPPED", CLD_TRAPPED},
      {"EX_USAGE", 64}, {"EX_DATAERR", 65}, {"EX_NOINPUT", 66}, {"EX_NOUSER", 67}, {"EX_NOHOST", 68},
      {"EX_UNAVAILABLE", 69}, {"EX_SOFTWARE", 70}, {"EX_OSERR", 71}, {"EX_OSFILE", 72}, {"EX_CANTCREAT", 73},
      {"EX_IOERR", 74}, {"EX_TEMPFAIL", 75}, {"EX_PROTOCOL", 76}, {"EX_NOPERM", 77}, {"EX_CONFIG", 78},
      {"F_LOCK", F_LOCK}, {"F_TEST", F_TEST}, {"F_TLOCK", F_TLOCK}, {"F_ULOCK", F_ULOCK},
      {"GRND_NONBLOCK", GRND_NONBLOCK}, {"GRND_RANDOM", GRND_RANDOM},
      {"MFD_ALLOW_SEALING", MFD_ALLOW_SEALING}, {"MFD_CLOEXEC", MFD_CLOEXEC}, {"MFD_HUGETLB", MFD_HUGETLB},
      {"NGROUPS_MAX", NGROUPS_MAX},
      {"O_ASYNC", O_ASYNC}, {"O_DIRECT", O_DIRECT}, {"O_DSYNC", O_DSYNC}, {"O_FSYNC", O_FSYNC},
      {"O_LARGEFILE", O_LARGEFILE}, {"O_NDELAY", O_NDELAY}, {"O_NOATIME", O_NOATIME}, {"O_PATH", O_PATH},
      {"O_RSYNC", O_RSYNC}, {"O_TMPFILE", O_TMPFILE},
      {"POSIX_FADV_DONTNEED", POSIX_FADV_DONTNEED}, {"POSIX_FADV_NOREUSE", POSIX_FADV_NOREUSE},
      {"POSIX_FADV_NORMAL", POSIX_FADV_NORMAL}, {"POSIX_FADV_RANDOM", POSIX_FADV_RANDOM},
      {"POSIX_FADV_SEQUENTIAL", POSIX_FADV_SEQUENTIAL}, {"POSIX_FADV_WILLNEED", POSIX_FADV_WILLNEED},
      {"RTLD_DEEPBIND", RTLD_DEEPBIND}, {"RTLD_GLOBAL", RTLD_GLOBAL}, {"RTLD_LAZY", RTLD_LAZY},
      {"RTLD_LOCAL", RTLD_LOCAL}, {"RTLD_NODELETE", RTLD_NODELETE}, {"RTLD_NOLOAD", RTLD_NOLOAD},
      {"RTLD_NOW", RTLD_NOW},
      {"PRIO_PGRP", PRIO_PGRP}, {"PRIO_PROCESS", PRIO_PROCESS}, {"PRIO_USER", PRIO_USER},
      {"P_ALL", P_ALL}, {"P_PGID", P_PGID}, {"P_PID", P_PID}, {"P_PIDFD", 3},
      {"SCHED_BATCH", SCHED_BATCH}, {"SCHED_FIFO", SCHED_FIFO}, {"SCHED_IDLE", SCHED_IDLE},
      {"SCHED_OTHER", SCHED_OTHER}, {"SCHED_RESET_ON_FORK", SCHED_RESET_ON_FORK}, {"SCHED_RR", SCHED_RR},
      {"SEEK_DATA", SEEK_DATA}, {"SEEK_HOLE", SEEK_HOLE},
      {"ST_APPEND", ST_APPEND}, {"ST_MANDLOCK", ST_MANDLOCK}, {"ST_NOATIME", ST_NOATIME}, {"ST_NODEV", ST_NODEV},
      {"ST_NODIRATIME", ST_NODIRATIME}, {"ST_NOEXEC", ST_NOEXEC}, {"ST_NOSUID", ST_NOSUID},
      {"ST_RDONLY", ST_RDONLY}, {"ST_RELATIME", ST_RELATIME}, {"ST_SYNCHRONOUS", ST_SYNCHRONOUS},
      {"ST_WRITE", ST_WRITE}, {"TMP_MAX", TMP_MAX},
      {"WCONTINUED", WCONTINUED}, {"WEXITED", WEXITED}, {"WNOWAIT", WNOWAIT}, {"WSTOPPED", WSTOPPED},
  };
  for (const Const& c : kConsts) {
    Ref<> v = int_from_int64(c.value);
    if (!v || dict_set_item_str(d, c.name, v.val()) < 0) return -1;
  }
  siginfo_t si;
  std::memset(&si, 0, sizeof si);
  Ref<> rec = waitid_record(si);
  if (!rec || dict_set_item_str(d, "waitid_result", Value(type_of(rec.val()))) < 0) return -1;
  return 0;
}

}  // namespace ftpy
