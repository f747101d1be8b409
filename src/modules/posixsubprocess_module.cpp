// The `_posixsubprocess` module: fork_exec() with the 23 arguments that
// subprocess.py (3.11) passes.
//
// Thread safety: the process is multi-threaded, so the child of fork() may
// find any lock held by a thread that no longer exists there. Everything the
// child needs (argv, envp, the executable paths, cwd, the fds to keep) is
// therefore converted to plain C++ data before fork(), and the child calls
// only async-signal-safe functions (dup/dup2/fcntl/close/chdir/umask/
// setsid/setpgid/setgroups/setregid/setreuid/signal/execv(e)/write/_exit)
// until it execs. It never touches a Python object, the allocator or a lock.
// preexec_fn, which would run Python code in the child, is refused.
#include "modules/posixsubprocess_module.h"

#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <string>
#include <vector>

#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/import.h"

namespace ftpy {

namespace {

// os.fsencode(v) as a std::string (str, bytes or path-like).
bool fsencode(Value os_mod, Value v, std::string* out) {
  Ref<> b = call_method(os_mod, "fsencode", &v, 1);
  if (!b) return false;
  if (!is_bytes(b.val())) {
    err_set_str(g_TypeError, "expected str, bytes or os.PathLike object");
    return false;
  }
  *out = std::string(bytes_view(b.val()));
  if (out->find('\0') != std::string::npos) {
    err_set_str(g_ValueError, "embedded null byte");
    return false;
  }
  return true;
}

// A sequence of path-likes as strings (None stays absent: *present false).
bool string_list(Value os_mod, Value seq, std::vector<std::string>* out, bool* present) {
  *present = !is_none(seq);
  if (!*present) return true;
  Ref<> tup = sequence_tuple(seq);
  if (!tup) return false;
  for (int64_t i = 0; i < tuple_size(tup.val()); i++) {
    std::string s;
    if (!fsencode(os_mod, tuple_item(tup.val(), i), &s)) return false;
    out->push_back(std::move(s));
  }
  return true;
}

bool int_arg(Value v, int64_t* out) { return to_int64(v, out); }

// Everything the child uses, prepared before fork().
struct ChildPlan {
  std::vector<std::string> args, executables, env;
  bool has_env = false;
  std::string cwd;
  bool has_cwd = false;
  std::vector<int> keep;
  bool close_fds = false;
  int p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write;
  bool restore_signals = false, call_setsid = false;
  int pgid = -1;
  bool has_gid = false, has_groups = false, has_uid = false;
  gid_t gid = 0;
  uid_t uid = 0;
  std::vector<gid_t> groups;
  int umask_value = -1;
  int max_fd = 0;
};

// --- the child: async-signal-safe code only ------------------------------------------

void write_all(int fd, const char* p, size_t n) {
  while (n) {
    ssize_t r = ::write(fd, p, n);
    if (r < 0) {
      if (errno == EINTR) continue;
      return;
    }
    p += r;
    n -= static_cast<size_t>(r);
  }
}

// Reports a failure to the parent as "OSError:<hex errno>:<detail>", the
// format subprocess.py parses, and exits.
[[noreturn]] void child_fail(int fd, int err, const char* detail) {
  char buf[64];
  size_t n = 0;
  for (const char* s = "OSError:"; *s; s++) buf[n++] = *s;
  char hex[16];
  int h = 0;
  unsigned v = static_cast<unsigned>(err);
  do {
    hex[h++] = "0123456789abcdef"[v & 15];
    v >>= 4;
  } while (v);
  while (h) buf[n++] = hex[--h];
  buf[n++] = ':';
  for (const char* s = detail; *s && n < sizeof buf; s++) buf[n++] = *s;
  write_all(fd, buf, n);
  ::_exit(255);
}

bool set_inheritable(int fd) {
  int flags = ::fcntl(fd, F_GETFD);
  if (flags < 0) return false;
  if (flags & FD_CLOEXEC) return ::fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC) == 0;
  return true;
}

// Close fds from 3 up, except the sorted `keep` list.
void close_fds_except(const ChildPlan& p) {
  int lo = 3;
  auto close_range_fn = [&](int a, int b) {  // [a, b]
    if (a > b) return;
#ifdef SYS_close_range
    if (::syscall(SYS_close_range, static_cast<unsigned>(a), static_cast<unsigned>(b), 0u) == 0) return;
#endif
    for (int fd = a; fd <= b && fd <= p.max_fd; fd++) ::close(fd);
  };
  for (int k : p.keep) {
    if (k < lo) continue;
    close_range_fn(lo, k - 1);
    lo = k + 1;
  }
  close_range_fn(lo, INT_MAX);
}

[[noreturn]] void run_child(ChildPlan& p, char* const* argv, char* const* envp, char* const* exes) {
  int errfd = p.errpipe_write;
  if (p.p2cwrite != -1) ::close(p.p2cwrite);
  if (p.c2pread != -1) ::close(p.c2pread);
  if (p.errread != -1) ::close(p.errread);
  ::close(p.errpipe_read);
  // Move the child's ends out of the way of the standard fds they replace.
  int c2pwrite = p.c2pwrite, errwrite = p.errwrite;
  if (c2pwrite == 0) {
    c2pwrite = ::dup(c2pwrite);
    if (c2pwrite < 0) child_fail(errfd, errno, "noexec");
  }
  while (errwrite == 0 || errwrite == 1) {
    errwrite = ::dup(errwrite);
    if (errwrite < 0) child_fail(errfd, errno, "noexec");
  }
  int wanted[3] = {p.p2cread, c2pwrite, errwrite};
  for (int target = 0; target < 3; target++) {
    int fd = wanted[target];
    if (fd == -1) continue;
    if (fd == target) {
      if (!set_inheritable(fd)) child_fail(errfd, errno, "noexec");
    } else if (::dup2(fd, target) < 0) {
      child_fail(errfd, errno, "noexec");
    }
  }
  if (p.has_cwd && ::chdir(p.cwd.c_str()) < 0) child_fail(errfd, errno, "noexec");
  if (p.umask_value >= 0) ::umask(static_cast<mode_t>(p.umask_value));
  if (p.restore_signals) {
    ::signal(SIGPIPE, SIG_DFL);
    ::signal(SIGXFSZ, SIG_DFL);
  }
  if (p.call_setsid && ::setsid() < 0) child_fail(errfd, errno, "noexec");
  if (p.pgid >= 0 && ::setpgid(0, p.pgid) < 0) child_fail(errfd, errno, "noexec");
  if (p.has_groups && ::setgroups(p.groups.size(), p.groups.data()) < 0) child_fail(errfd, errno, "noexec");
  if (p.has_gid && ::setregid(p.gid, p.gid) < 0) child_fail(errfd, errno, "noexec");
  if (p.has_uid && ::setreuid(p.uid, p.uid) < 0) child_fail(errfd, errno, "noexec");
  for (int k : p.keep)
    if (k != errfd && !set_inheritable(k)) child_fail(errfd, errno, "noexec");
  if (p.close_fds) close_fds_except(p);
  // Try each candidate path; report the first error that is not "not there".
  int saved = 0;
  for (char* const* e = exes; *e; e++) {
    if (p.has_env) ::execve(*e, argv, envp);
    else ::execv(*e, argv);
    if (errno != ENOENT && errno != ENOTDIR && saved == 0) saved = errno;
  }
  child_fail(errfd, saved ? saved : errno, "");
}

// --- fork_exec ----------------------------------------------------------------------

std::vector<char*> c_strings(std::vector<std::string>& v) {
  std::vector<char*> out;
  for (std::string& s : v) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

Ref<> fork_exec(Value, Value* a) {
  Ref<> os_mod = import_module("os");
  if (!os_mod) return nullptr;
  ChildPlan p;
  bool has_args;
  if (!string_list(os_mod.val(), a[0], &p.args, &has_args)) return nullptr;
  bool has_exes;
  if (!string_list(os_mod.val(), a[1], &p.executables, &has_exes)) return nullptr;
  p.close_fds = truthy(a[2]) > 0;
  Ref<> keep = sequence_tuple(a[3]);
  if (!keep) return nullptr;
  for (int64_t i = 0; i < tuple_size(keep.val()); i++) {
    int64_t fd;
    Value v = tuple_item(keep.val(), i);
    if (!is_int(v) || !to_int64(v, &fd) || fd < 0 || fd > INT_MAX ||
        (!p.keep.empty() && fd <= p.keep.back())) {
      err_clear();
      return err_set_str(g_ValueError, "bad value(s) in fds_to_keep");
    }
    p.keep.push_back(static_cast<int>(fd));
  }
  if (!is_none(a[4])) {
    p.has_cwd = true;
    if (!fsencode(os_mod.val(), a[4], &p.cwd)) return nullptr;
  }
  if (!string_list(os_mod.val(), a[5], &p.env, &p.has_env)) return nullptr;
  int* fds[8] = {&p.p2cread, &p.p2cwrite, &p.c2pread, &p.c2pwrite,
                 &p.errread, &p.errwrite, &p.errpipe_read, &p.errpipe_write};
  for (int i = 0; i < 8; i++) {
    int64_t v;
    if (!int_arg(a[6 + i], &v)) return nullptr;
    *fds[i] = static_cast<int>(v);
  }
  if (p.close_fds && p.errpipe_write < 3) return err_set_str(g_ValueError, "errpipe_write must be >= 3");
  p.restore_signals = truthy(a[14]) > 0;
  p.call_setsid = truthy(a[15]) > 0;
  int64_t v;
  if (!int_arg(a[16], &v)) return nullptr;
  p.pgid = static_cast<int>(v);
  if (!is_none(a[17])) {
    if (!int_arg(a[17], &v)) return nullptr;
    p.has_gid = true;
    p.gid = static_cast<gid_t>(v);
  }
  if (!is_none(a[18])) {
    Ref<> g = sequence_tuple(a[18]);
    if (!g) return nullptr;
    p.has_groups = true;
    for (int64_t i = 0; i < tuple_size(g.val()); i++) {
      if (!int_arg(tuple_item(g.val(), i), &v)) return nullptr;
      p.groups.push_back(static_cast<gid_t>(v));
    }
  }
  if (!is_none(a[19])) {
    if (!int_arg(a[19], &v)) return nullptr;
    p.has_uid = true;
    p.uid = static_cast<uid_t>(v);
  }
  if (!int_arg(a[20], &v)) return nullptr;
  p.umask_value = static_cast<int>(v);
  if (!is_none(a[21]))
    return err_set_str(g_RuntimeError, "preexec_fn is not supported by ftpy (it would run Python code "
                                       "in the child of a multi-threaded process)");
  struct rlimit rl;
  p.max_fd = ::getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < 1 << 20
                 ? static_cast<int>(rl.rlim_cur)
                 : 1 << 16;
  std::vector<char*> argv = c_strings(p.args), envp = c_strings(p.env), exes = c_strings(p.executables);
  pid_t pid = ::fork();
  if (pid == 0) run_child(p, argv.data(), envp.data(), exes.data());
  if (pid < 0) return err_from_errno(errno);
  return int_from_int64(pid);
}

const MethodDef kFunctions[] = {
    {"fork_exec(args, executable_list, close_fds, pass_fds, cwd, env, p2cread, p2cwrite, c2pread, c2pwrite, "
     "errread, errwrite, errpipe_read, errpipe_write, restore_signals, call_setsid, pgid_to_set, gid, "
     "extra_groups, uid, child_umask, preexec_fn, allow_vfork, /)",
     fork_exec, "Spawn a fresh new child process."},
    {nullptr}};

}  // namespace

Ref<> posixsubprocess_module_create() {
  Ref<> m = module_new("_posixsubprocess");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kFunctions) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
