// The posix module: files, directories, processes and the environment, as
// lib/os.py re-exports them. Paths are str, bytes or os.PathLike; functions
// that return names return the same kind (str or bytes) as they were given.
// Failures raise the OSError subclass for errno with the filename(s) set.
//
// Thread safety: the module keeps no mutable state of its own (environ is a
// dict built at import, as in CPython; putenv/unsetenv change the process
// environment under the C library's own lock). Calls that may block are
// blocking regions (io_internal.h).
#include <cerrno>
#include <climits>
#include <cmath>
#include <csignal>
#include <cstring>
#include <mutex>
#include <dirent.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "modules/io_internal.h"
#include "modules/posix_module.h"
#include "modules/posix_ids.h"
#include "modules/posix_internal.h"
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
#include "runtime/critical_section.h"
#include "runtime/heap.h"

extern char** environ;

namespace ftpy {

namespace {


}  // namespace

bool path_arg(Value v, Path* p, const char* func, bool allow_fd, bool allow_none) {
  p->obj = v;
  if (allow_none && (v.is_null() || is_none(v))) {
    p->bytes = ".";
    return true;
  }
  if (allow_fd && is_int(v) && !is_bool(v)) {
    int64_t fd;
    if (!to_int64(v, &fd)) return false;
    p->fd = static_cast<int>(fd);
    return true;
  }
  if (!is_str(v) && !is_bytes(v)) {
    Ref<> m = getattr_opt(Value(type_of(v)), Value(str_intern("__fspath__")));
    if (!m) {
      if (err_occurred()) return false;
      const char* kinds = allow_fd && allow_none ? "string, bytes, os.PathLike, integer or None"
                          : allow_fd             ? "string, bytes, os.PathLike or integer"
                          : allow_none           ? "string, bytes, os.PathLike or None"
                                                 : "string, bytes or os.PathLike";
      err_format(g_TypeError, "%s: path should be %s, not %s", func, kinds, type_name(type_of(v)));
      return false;
    }
  }
  Ref<> fs = io_fspath(v);
  if (!fs) return false;
  p->is_bytes = is_bytes(fs.val());
  return io_path_bytes(fs.val(), &p->bytes, func);
}

std::nullptr_t path_error(int e, Value f1, Value f2) {
  // The error names an os.PathLike by its path (str or bytes), as CPython's
  // does: FileNotFoundError: ... 'a/b', not PosixPath('a/b').
  Ref<> n1 = io_error_filename(f1), n2 = io_error_filename(f2);
  f1 = n1.val();
  f2 = n2.val();
  if (f2.is_null()) return err_from_errno(e, f1);
  err_from_errno(e, f1);
  Ref<> exc = err_fetch();
  if (!exc) return nullptr;
  Ref<> en = small_int(e);
  Ref<> msg = str_from_utf8(std::strerror(e));
  Value args[5] = {en.val(), msg.val(), f1, none(), f2};
  Ref<> inst = call(Value(type_of(exc.val())), args, 5);
  if (!inst) return nullptr;
  return err_set_instance(inst.val());
}

namespace {

Ref<> name_result(const std::string& s, bool as_bytes) {
  if (as_bytes) return bytes_from(s);
  return str_from_utf8(s);
}

Ref<> none_or_err(int r, Value f1 = Value(), Value f2 = Value()) {
  if (r < 0) return path_error(errno, f1, f2);
  return new_none();
}

}  // namespace

bool dir_fd_arg(Value v, int* out) {
  if (v.is_null() || is_none(v)) {
    *out = AT_FDCWD;
    return true;
  }
  if (!is_int(v)) {
    Ref<> m = getattr_opt(Value(type_of(v)), Value(str_intern("__index__")));
    if (!m) {
      if (!err_occurred())
        err_format(g_TypeError, "argument should be integer or None, not %s", type_name(type_of(v)));
      return false;
    }
  }
  return c_int_arg(v, out);
}

namespace {

// A follow_symlinks argument as the AT_SYMLINK_NOFOLLOW flag (0 or the flag), -1 on error.
int nofollow_flag(Value v) {
  if (v.is_null()) return 0;
  int t = truthy(v);
  if (t < 0) return -1;
  return t ? 0 : AT_SYMLINK_NOFOLLOW;
}

// CPython's checks when a path given as an fd meets dir_fd or follow_symlinks=False.
bool fd_path_checks(const char* func, const Path& p, int dir_fd, int nofollow) {
  if (p.fd < 0) return true;
  if (dir_fd != AT_FDCWD) {
    err_format(g_ValueError, "%s: can't specify dir_fd without matching path", func);
    return false;
  }
  if (nofollow) {
    err_format(g_ValueError, "%s: cannot use fd and follow_symlinks together", func);
    return false;
  }
  return true;
}

// --- files and directories --------------------------------------------------------

Ref<> posix_getcwd(Value, Value*) {
  char buf[PATH_MAX];
  if (!::getcwd(buf, sizeof buf)) return err_from_errno(errno);
  return str_from_utf8(buf);
}
Ref<> posix_getcwdb(Value, Value*) {
  char buf[PATH_MAX];
  if (!::getcwd(buf, sizeof buf)) return err_from_errno(errno);
  return bytes_from(buf, std::strlen(buf));
}

Ref<> posix_chdir(Value, Value* args) {
  Path p;
  if (!path_arg(args[0], &p, "chdir", true)) return nullptr;
  int r = p.fd >= 0 ? ::fchdir(p.fd) : ::chdir(p.bytes.c_str());
  return none_or_err(r, args[0]);
}

Ref<> posix_listdir(Value, Value* args) {
  Path p;
  if (!path_arg(args[0], &p, "listdir", true, true)) return nullptr;
  DIR* d;
  {
    BlockingRegion br;  // blocking: detaches (issue: free threading)
    d = p.fd >= 0 ? ::fdopendir(::dup(p.fd)) : ::opendir(p.bytes.c_str());
    if (d && p.fd >= 0) ::rewinddir(d);  // the duplicate shares fd's offset: read from the start
  }
  if (!d) return path_error(errno, args[0].is_null() ? Value() : args[0]);
  Ref<List> out = list_new();
  errno = 0;
  while (struct dirent* e = ::readdir(d)) {
    if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
    Ref<> n = name_result(e->d_name, p.is_bytes);
    if (!n || list_append(out.val(), n.val()) < 0) {
      ::closedir(d);
      return nullptr;
    }
  }
  int e = errno;
  ::closedir(d);
  if (e) return path_error(e, args[0]);
  return out;
}

Ref<> posix_mkdir(Value, Value* args) {
  Path p;
  int dfd;
  if (!path_arg(args[0], &p, "mkdir")) return nullptr;
  int64_t mode;
  if (!to_int64(args[1], &mode) || !dir_fd_arg(args[2], &dfd)) return nullptr;
  return none_or_err(::mkdirat(dfd, p.bytes.c_str(), static_cast<mode_t>(mode)), args[0]);
}

Ref<> posix_rmdir(Value, Value* args) {
  Path p;
  int dfd;
  if (!path_arg(args[0], &p, "rmdir") || !dir_fd_arg(args[1], &dfd)) return nullptr;
  return none_or_err(::unlinkat(dfd, p.bytes.c_str(), AT_REMOVEDIR), args[0]);
}

Ref<> posix_unlink(Value, Value* args) {
  Path p;
  int dfd;
  if (!path_arg(args[0], &p, "remove") || !dir_fd_arg(args[1], &dfd)) return nullptr;
  return none_or_err(::unlinkat(dfd, p.bytes.c_str(), 0), args[0]);
}

Ref<> posix_rename(Value, Value* args) {
  Path a, b;
  int sdfd, ddfd;
  if (!path_arg(args[0], &a, "rename") || !path_arg(args[1], &b, "rename") || !dir_fd_arg(args[2], &sdfd) ||
      !dir_fd_arg(args[3], &ddfd))
    return nullptr;
  return none_or_err(::renameat(sdfd, a.bytes.c_str(), ddfd, b.bytes.c_str()), args[0], args[1]);
}

Ref<> posix_symlink(Value, Value* args) {
  Path a, b;
  int dfd;
  if (!path_arg(args[0], &a, "symlink") || !path_arg(args[1], &b, "symlink") || !dir_fd_arg(args[3], &dfd))
    return nullptr;
  return none_or_err(::symlinkat(a.bytes.c_str(), dfd, b.bytes.c_str()), args[0], args[1]);
}

Ref<> posix_link(Value, Value* args) {
  Path a, b;
  int sdfd, ddfd;
  if (!path_arg(args[0], &a, "link") || !path_arg(args[1], &b, "link") || !dir_fd_arg(args[2], &sdfd) ||
      !dir_fd_arg(args[3], &ddfd))
    return nullptr;
  int nofollow = nofollow_flag(args[4]);
  if (nofollow < 0) return nullptr;
  return none_or_err(::linkat(sdfd, a.bytes.c_str(), ddfd, b.bytes.c_str(), nofollow ? 0 : AT_SYMLINK_FOLLOW),
                     args[0], args[1]);
}

Ref<> posix_readlink(Value, Value* args) {
  Path p;
  int dfd;
  if (!path_arg(args[0], &p, "readlink") || !dir_fd_arg(args[1], &dfd)) return nullptr;
  char buf[PATH_MAX + 1];
  ssize_t n = ::readlinkat(dfd, p.bytes.c_str(), buf, PATH_MAX);
  if (n < 0) return path_error(errno, args[0]);
  return name_result(std::string(buf, static_cast<size_t>(n)), p.is_bytes);
}

Ref<> posix_access(Value, Value* args) {
  Path p;
  int dfd;
  if (!path_arg(args[0], &p, "access")) return nullptr;
  int64_t mode;
  if (!to_int64(args[1], &mode) || !dir_fd_arg(args[2], &dfd)) return nullptr;
  int eff = truthy(args[3]), nofollow = nofollow_flag(args[4]);
  if (eff < 0 || nofollow < 0) return nullptr;
  return new_bool(::faccessat(dfd, p.bytes.c_str(), static_cast<int>(mode), (eff ? AT_EACCESS : 0) | nofollow) == 0);
}

Ref<> posix_chmod(Value, Value* args) {
  Path p;
  int dfd;
  if (!path_arg(args[0], &p, "chmod", true)) return nullptr;
  int64_t mode;
  if (!to_int64(args[1], &mode) || !dir_fd_arg(args[2], &dfd)) return nullptr;
  int nofollow = nofollow_flag(args[3]);
  if (nofollow < 0 || !fd_path_checks("chmod", p, dfd, nofollow)) return nullptr;
  if (p.fd >= 0) return none_or_err(::fchmod(p.fd, static_cast<mode_t>(mode)), args[0]);
  int r = ::fchmodat(dfd, p.bytes.c_str(), static_cast<mode_t>(mode), nofollow);
  // Linux has no lchmod: glibc refuses AT_SYMLINK_NOFOLLOW, and CPython says so.
  if (r < 0 && nofollow && (errno == ENOTSUP || errno == EOPNOTSUPP))
    return err_set_str(g_NotImplementedError, "chmod: follow_symlinks unavailable on this platform");
  return none_or_err(r, args[0]);
}

Ref<> posix_truncate(Value, Value* args) {
  Path p;
  if (!path_arg(args[0], &p, "truncate", true)) return nullptr;
  int64_t len;
  if (!to_int64(args[1], &len)) return nullptr;
  int r = p.fd >= 0 ? ::ftruncate(p.fd, len) : ::truncate(p.bytes.c_str(), len);
  return none_or_err(r, args[0]);
}

Ref<> posix_utime(Value, Value* args) {
  Path p;
  if (!path_arg(args[0], &p, "utime", true)) return nullptr;
  Value times = args[1], ns = args[2];
  struct timespec ts[2];
  if ((times.is_null() || is_none(times)) && ns.is_null()) {
    ts[0].tv_nsec = ts[1].tv_nsec = UTIME_NOW;
    ts[0].tv_sec = ts[1].tv_sec = 0;
  } else if (!times.is_null() && !is_none(times)) {
    if (!ns.is_null()) return err_set_str(g_ValueError, "utime: you may specify either 'times' or 'ns' but not both");
    if (!is_tuple(times) || tuple_size(times) != 2)
      return err_set_str(g_TypeError, "utime: 'times' must be either a tuple of two ints or None");
    for (int i = 0; i < 2; i++) {
      double d;
      if (!to_double(tuple_item(times, i), &d)) return nullptr;
      double fl = std::floor(d);
      ts[i].tv_sec = static_cast<time_t>(fl);
      ts[i].tv_nsec = static_cast<long>((d - fl) * 1e9);
    }
  } else {
    if (!is_tuple(ns) || tuple_size(ns) != 2)
      return err_set_str(g_TypeError, "utime: 'ns' must be a tuple of two ints");
    for (int i = 0; i < 2; i++) {
      int64_t v;
      if (!to_int64(tuple_item(ns, i), &v)) return nullptr;
      ts[i].tv_sec = static_cast<time_t>(v / 1000000000);
      ts[i].tv_nsec = static_cast<long>(v % 1000000000);
      if (ts[i].tv_nsec < 0) ts[i].tv_sec -= 1, ts[i].tv_nsec += 1000000000;
    }
  }
  int dfd;
  if (!dir_fd_arg(args[3], &dfd)) return nullptr;
  int nofollow = nofollow_flag(args[4]);
  if (nofollow < 0 || !fd_path_checks("utime", p, dfd, nofollow)) return nullptr;
  int r = p.fd >= 0 ? ::futimens(p.fd, ts) : ::utimensat(dfd, p.bytes.c_str(), ts, nofollow);
  return none_or_err(r, args[0]);
}

// --- stat ----------------------------------------------------------------------------

const char* const kStatFields[] = {"st_mode",     "st_ino",      "st_dev",      "st_nlink",   "st_uid",
                                   "st_gid",      "st_size",     "_st_atime_i", "_st_mtime_i", "_st_ctime_i",
                                   "st_atime",    "st_mtime",    "st_ctime",    "st_atime_ns", "st_mtime_ns",
                                   "st_ctime_ns", "st_blksize",  "st_blocks",   "st_rdev"};
constexpr int kStatVisible = 10;

Ref<> stat_result(const struct stat& st) {
  constexpr int n = sizeof(kStatFields) / sizeof(kStatFields[0]);
  Ref<Tuple> items = tuple_new(n);
  if (!items) return nullptr;
  auto ns = [](const struct timespec& t) { return static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec; };
  auto fl = [](const struct timespec& t) { return static_cast<double>(t.tv_sec) + t.tv_nsec * 1e-9; };
  Ref<> vals[n] = {
      int_from_int64(st.st_mode),          int_from_uint64(st.st_ino),          int_from_uint64(st.st_dev),
      int_from_int64(st.st_nlink),         int_from_int64(st.st_uid),           int_from_int64(st.st_gid),
      int_from_int64(st.st_size),          int_from_int64(st.st_atim.tv_sec),   int_from_int64(st.st_mtim.tv_sec),
      int_from_int64(st.st_ctim.tv_sec),   float_new(fl(st.st_atim)),           float_new(fl(st.st_mtim)),
      float_new(fl(st.st_ctim)),           int_from_int64(ns(st.st_atim)),      int_from_int64(ns(st.st_mtim)),
      int_from_int64(ns(st.st_ctim)),      int_from_int64(st.st_blksize),       int_from_int64(st.st_blocks),
      int_from_uint64(st.st_rdev)};
  std::vector<std::pair<const char*, Ref<>>> fields;
  for (int i = 0; i < n; i++) {
    if (!vals[i]) return nullptr;
    fields.emplace_back(kStatFields[i], Ref<>());
    tuple_init_item(items.get(), i, std::move(vals[i]));
  }
  return record_new_hidden("os.stat_result", fields, items.val(), kStatVisible);
}

// os.stat_result(seq[, dict]): like any struct sequence, but the float
// times (hidden fields 10-12) default to the int ones (items 7-9), as
// CPython's stat_result does.
NewFn g_structseq_new = nullptr;

Ref<> stat_result_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  Ref<> r = g_structseq_new(t, args, nargs, kwnames);
  if (!r) return nullptr;
  Tuple* tup = r.val().as<Tuple>();  // not yet shared: filled in place
  for (int i = 0; i < 3; i++)
    if (is_none(tup->items[10 + i])) tup->items[10 + i] = Ref<>::borrow(tup->items[7 + i]).release();
  return r;
}

Ref<> do_stat(Value pathv, bool follow, const char* func, int dir_fd = AT_FDCWD) {
  Path p;
  if (!path_arg(pathv, &p, func, true)) return nullptr;
  if (!fd_path_checks(func, p, dir_fd, !follow && std::strcmp(func, "stat") == 0)) return nullptr;
  struct stat st;
  int r;
  {
    BlockingRegion br;  // blocking: detaches (issue: free threading)
    r = p.fd >= 0 ? ::fstat(p.fd, &st) : ::fstatat(dir_fd, p.bytes.c_str(), &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  }
  if (r < 0) return p.fd >= 0 ? err_from_errno(errno) : path_error(errno, pathv);
  return stat_result(st);
}

Ref<> posix_stat(Value, Value* args) {
  int follow = truthy(args[2]), dfd;
  if (follow < 0 || !dir_fd_arg(args[1], &dfd)) return nullptr;
  return do_stat(args[0], follow != 0, "stat", dfd);
}
Ref<> posix_lstat(Value, Value* args) {
  int dfd;
  if (!dir_fd_arg(args[1], &dfd)) return nullptr;
  return do_stat(args[0], false, "lstat", dfd);
}
Ref<> posix_fstat(Value, Value* args) {
  int64_t fd;
  if (!to_int64(args[0], &fd)) return nullptr;
  struct stat st;
  if (::fstat(static_cast<int>(fd), &st) < 0) return err_from_errno(errno);
  return stat_result(st);
}

// os.statvfs: file system statistics (what shutil.disk_usage is built on).
Ref<> statvfs_result(const struct statvfs& st) {
  static const char* const kNames[] = {"f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files",
                                       "f_ffree", "f_favail", "f_flag",   "f_namemax", "f_fsid"};
  constexpr int n = sizeof(kNames) / sizeof(kNames[0]);
  Ref<Tuple> items = tuple_new(n);
  if (!items) return nullptr;
  Ref<> vals[n] = {int_from_uint64(st.f_bsize),  int_from_uint64(st.f_frsize), int_from_uint64(st.f_blocks),
                   int_from_uint64(st.f_bfree),  int_from_uint64(st.f_bavail), int_from_uint64(st.f_files),
                   int_from_uint64(st.f_ffree),  int_from_uint64(st.f_favail), int_from_uint64(st.f_flag),
                   int_from_uint64(st.f_namemax), int_from_uint64(st.f_fsid)};
  std::vector<std::pair<const char*, Ref<>>> fields;
  for (int i = 0; i < n; i++) {
    if (!vals[i]) return nullptr;
    fields.emplace_back(kNames[i], Ref<>());
    tuple_init_item(items.get(), i, std::move(vals[i]));
  }
  return record_new_hidden("os.statvfs_result", fields, items.val(), 10);  // f_fsid: attribute only
}

Ref<> posix_statvfs(Value, Value* args) {
  Path p;
  if (!path_arg(args[0], &p, "statvfs", true)) return nullptr;
  struct statvfs st;
  int r;
  {
    BlockingRegion br;  // blocking: detaches (issue: free threading)
    r = p.fd >= 0 ? ::fstatvfs(p.fd, &st) : ::statvfs(p.bytes.c_str(), &st);
  }
  if (r < 0) return p.fd >= 0 ? err_from_errno(errno) : path_error(errno, args[0]);
  return statvfs_result(st);
}

Ref<> posix_fstatvfs(Value, Value* args) {
  int64_t fd;
  if (!to_int64(args[0], &fd)) return nullptr;
  struct statvfs st;
  if (::fstatvfs(static_cast<int>(fd), &st) < 0) return err_from_errno(errno);
  return statvfs_result(st);
}

// --- scandir ------------------------------------------------------------------------

Type g_direntry_type;
Type g_scandir_iter_type;

struct DirEntry : Object {
  Value name;  // owned str/bytes
  Value path;  // owned str/bytes
  Value stat_cache;   // owned or null
  Value lstat_cache;  // owned or null
  unsigned char d_type;
  int dir_fd;  // the directory's fd for an entry of scandir(fd) (stat is relative to it), else AT_FDCWD
};

void direntry_dealloc(Object* o) {
  auto* e = static_cast<DirEntry*>(o);
  decref(e->name);
  decref(e->path);
  decref(e->stat_cache);
  decref(e->lstat_cache);
  free_object(o);
}

Ref<> direntry_name(Value self) { return Ref<>::borrow(self.as<DirEntry>()->name); }
Ref<> direntry_path(Value self) { return Ref<>::borrow(self.as<DirEntry>()->path); }

// The cached stat result, filled on first use. The caches are read and set
// under the entry's critical section (two threads may ask at once); the
// stat call itself runs outside it, and the first result stored wins.
Ref<> direntry_get_stat(DirEntry* e, bool follow) {
  Value self(static_cast<Object*>(e));
  Value* slot = follow ? &e->stat_cache : &e->lstat_cache;
  {
    CriticalSection cs(self);
    if (!slot->is_null()) return Ref<>::borrow(*slot);
  }
  Ref<> s = do_stat(e->path, follow, follow ? "stat" : "lstat", e->dir_fd);
  if (!s) return nullptr;
  CriticalSection cs(self);
  if (slot->is_null()) *slot = Ref<>::borrow(s.val()).release();
  return Ref<>::borrow(*slot);
}

Ref<> direntry_stat(Value self, Value* args) {
  int follow = truthy(args[0]);
  if (follow < 0) return nullptr;
  auto* e = self.as<DirEntry>();
  if (follow && e->d_type != DT_LNK && e->d_type != DT_UNKNOWN) follow = 0;
  return direntry_get_stat(e, follow != 0);
}

// 1/0, or -1 with an exception.
int direntry_test(Value self, Value follow_v, mode_t want, unsigned char dtype) {
  int follow = truthy(follow_v);
  if (follow < 0) return -1;
  auto* e = self.as<DirEntry>();
  if (e->d_type != DT_UNKNOWN && !(follow && e->d_type == DT_LNK)) return e->d_type == dtype;
  Ref<> st = direntry_get_stat(e, follow != 0);
  if (!st) {
    if (err_matches(g_FileNotFoundError)) {
      err_clear();
      return 0;
    }
    return -1;
  }
  int64_t mode;
  if (!to_int64(tuple_item(st.val(), 0), &mode)) return -1;
  return (static_cast<mode_t>(mode) & S_IFMT) == want;
}

Ref<> direntry_is_dir(Value self, Value* args) {
  int r = direntry_test(self, args[0], S_IFDIR, DT_DIR);
  return r < 0 ? nullptr : new_bool(r);
}
Ref<> direntry_is_file(Value self, Value* args) {
  int r = direntry_test(self, args[0], S_IFREG, DT_REG);
  return r < 0 ? nullptr : new_bool(r);
}
Ref<> direntry_is_symlink(Value self, Value*) {
  int r = direntry_test(self, false_value(), S_IFLNK, DT_LNK);
  return r < 0 ? nullptr : new_bool(r);
}
Ref<> direntry_inode(Value self, Value*) {
  Ref<> st = direntry_get_stat(self.as<DirEntry>(), false);
  if (!st) return nullptr;
  return Ref<>::borrow(tuple_item(st.val(), 1));
}
Ref<> direntry_fspath(Value self, Value*) { return Ref<>::borrow(self.as<DirEntry>()->path); }
Ref<> direntry_repr(Value self) {
  Ref<> r = repr(self.as<DirEntry>()->name);
  if (!r) return nullptr;
  return str_from_utf8("<DirEntry " + std::string(str_view(r.val())) + ">");
}

const MethodDef kDirEntryMethods[] = {
    {"stat($self, /, *, follow_symlinks=True)", direntry_stat, nullptr},
    {"is_dir($self, /, *, follow_symlinks=True)", direntry_is_dir, nullptr},
    {"is_file($self, /, *, follow_symlinks=True)", direntry_is_file, nullptr},
    {"is_symlink($self, /)", direntry_is_symlink, nullptr},
    {"inode($self, /)", direntry_inode, nullptr},
    {"__fspath__($self, /)", direntry_fspath, nullptr},
    {nullptr}};
const GetSetDef kDirEntryGetSets[] = {
    {"name", direntry_name, nullptr, nullptr}, {"path", direntry_path, nullptr, nullptr}, {nullptr}};

// The scandir iterator reads the whole directory up front (a list of
// entries), then hands them out under its lock; close() and the context
// manager protocol are supported.
struct ScandirIter : Object {
  Value entries;  // owned list
  int64_t index;
};

void scandir_iter_dealloc(Object* o) {
  decref(static_cast<ScandirIter*>(o)->entries);
  free_object(o);
}
Ref<> scandir_iter_self(Value self) { return Ref<>::borrow(self); }
Ref<> scandir_iter_next(Value self) {
  auto* it = self.as<ScandirIter>();
  int64_t i;
  {
    CriticalSection cs(self);
    if (it->entries.is_null() || it->index >= list_size(it->entries)) return nullptr;
    i = it->index++;
  }
  return list_get(it->entries, i);
}
Ref<> scandir_iter_close(Value self, Value*) {
  auto* it = self.as<ScandirIter>();
  CriticalSection cs(self);
  it->index = INT64_MAX;
  return new_none();
}
Ref<> scandir_iter_enter(Value self, Value*) { return Ref<>::borrow(self); }
Ref<> scandir_iter_exit(Value self, Value* a) { return scandir_iter_close(self, a); }

const MethodDef kScandirMethods[] = {
    {"close($self, /)", scandir_iter_close, nullptr},
    {"__enter__($self, /)", scandir_iter_enter, nullptr},
    {"__exit__($self, /, *args)", scandir_iter_exit, nullptr, kMethIgnoresVarArgs},
    {nullptr}};

Ref<> posix_scandir(Value, Value* args) {
  Path p;
  if (!path_arg(args[0], &p, "scandir", true, true)) return nullptr;
  DIR* d;
  {
    BlockingRegion br;  // blocking: detaches (issue: free threading)
    if (p.fd >= 0) {
      // scandir(fd): read a duplicate from the start; the entries' paths are
      // their names, and their stat() is relative to fd (as CPython's).
      int dup_fd = ::fcntl(p.fd, F_DUPFD_CLOEXEC, 0);
      d = dup_fd < 0 ? nullptr : ::fdopendir(dup_fd);
      if (!d && dup_fd >= 0) ::close(dup_fd);
      if (d) ::rewinddir(d);
    } else {
      d = ::opendir(p.bytes.c_str());
    }
  }
  if (!d) return p.fd >= 0 ? err_from_errno(errno) : path_error(errno, args[0].is_null() ? Value() : args[0]);
  bool given = !args[0].is_null() && !is_none(args[0]);
  std::string prefix = given ? p.bytes : ".";
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  if (!given) prefix = "./";
  if (p.fd >= 0) prefix.clear();
  Ref<List> out = list_new();
  while (struct dirent* e = ::readdir(d)) {
    if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
    auto* de = alloc_object<DirEntry>(&g_direntry_type);
    if (!de) break;
    Ref<> keep = Ref<>::steal(Value(de));
    Ref<> name = name_result(e->d_name, p.is_bytes);
    Ref<> path = name_result(prefix + e->d_name, p.is_bytes);
    if (!name || !path) break;
    de->name = name.release();
    de->path = path.release();
    de->d_type = e->d_type;
    de->dir_fd = p.fd >= 0 ? p.fd : AT_FDCWD;
    if (list_append(out.val(), keep.val()) < 0) break;
  }
  ::closedir(d);
  if (err_occurred()) return nullptr;
  auto* it = alloc_object<ScandirIter>(&g_scandir_iter_type);
  if (!it) return nullptr;
  it->entries = out.release();
  return Ref<>::steal(Value(it));
}

// --- file descriptors ---------------------------------------------------------------

}  // namespace

bool fd_arg(Value v, int* fd) {
  int64_t x;
  if (!to_int64(v, &x)) return false;
  *fd = static_cast<int>(x);
  return true;
}

namespace {

Ref<> posix_open(Value, Value* args) {
  Path p;
  if (!path_arg(args[0], &p, "open")) return nullptr;
  int64_t flags, mode;
  int dfd;
  if (!to_int64(args[1], &flags) || !to_int64(args[2], &mode) || !dir_fd_arg(args[3], &dfd)) return nullptr;
  int fd;
  do {
    BlockingRegion br;  // blocking: detaches (issue: free threading)
    fd = ::openat(dfd, p.bytes.c_str(), static_cast<int>(flags) | O_CLOEXEC, static_cast<mode_t>(mode));
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return path_error(errno, args[0]);
  return small_int(fd);
}

Ref<> posix_close(Value, Value* args) {
  int fd;
  if (!fd_arg(args[0], &fd)) return nullptr;
  if (::close(fd) < 0) return err_from_errno(errno);
  return new_none();
}

Ref<> posix_closerange(Value, Value* args) {
  int lo, hi;
  if (!fd_arg(args[0], &lo) || !fd_arg(args[1], &hi)) return nullptr;
  for (int fd = lo; fd < hi; fd++) ::close(fd);
  return new_none();
}

Ref<> posix_read(Value, Value* args) {
  int fd;
  int64_t n;
  if (!fd_arg(args[0], &fd) || !to_int64(args[1], &n)) return nullptr;
  if (n < 0) return err_from_errno(EINVAL);
  std::string buf(static_cast<size_t>(n), '\0');
  int64_t r = sys_read(fd, buf.data(), buf.size());
  if (r < 0) return err_from_errno(errno);
  buf.resize(static_cast<size_t>(r));
  return bytes_from(buf);
}

Ref<> posix_write(Value, Value* args) {
  int fd;
  if (!fd_arg(args[0], &fd)) return nullptr;
  std::string data;
  if (!buffer_copy_or_error(args[1], &data)) return nullptr;
  int64_t r = sys_write(fd, data.data(), data.size());
  if (r < 0) return err_from_errno(errno);
  return int_from_int64(r);
}

Ref<> posix_lseek(Value, Value* args) {
  int fd;
  int64_t pos, how;
  if (!fd_arg(args[0], &fd) || !to_int64(args[1], &pos) || !to_int64(args[2], &how)) return nullptr;
  off_t r = ::lseek(fd, pos, static_cast<int>(how));
  if (r < 0) return err_from_errno(errno);
  return int_from_int64(r);
}

Ref<> posix_dup(Value, Value* args) {
  int fd;
  if (!fd_arg(args[0], &fd)) return nullptr;
  int r = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (r < 0) return err_from_errno(errno);
  return small_int(r);
}

Ref<> posix_dup2(Value, Value* args) {
  int fd, fd2;
  if (!fd_arg(args[0], &fd) || !fd_arg(args[1], &fd2)) return nullptr;
  int inheritable = truthy(args[2]);
  if (inheritable < 0) return nullptr;
  int r = inheritable ? ::dup2(fd, fd2) : ::dup3(fd, fd2, O_CLOEXEC);
  if (r < 0 && !inheritable && errno == EINVAL && fd == fd2) r = fd2;
  if (r < 0) return err_from_errno(errno);
  return small_int(r);
}

Ref<> posix_pipe(Value, Value*) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) < 0) return err_from_errno(errno);
  Ref<> a = small_int(fds[0]), b = small_int(fds[1]);
  return tuple_pack({a.val(), b.val()});
}

Ref<> posix_isatty(Value, Value* args) {
  int fd;
  if (!fd_arg(args[0], &fd)) return nullptr;
  return new_bool(::isatty(fd) == 1);
}

Ref<> posix_fsync(Value, Value* args) {
  int fd;
  if (!is_int(args[0])) {
    Ref<> f = call_method(args[0], "fileno", nullptr, 0);
    if (!f || !fd_arg(f.val(), &fd)) return nullptr;
  } else if (!fd_arg(args[0], &fd)) {
    return nullptr;
  }
  int r;
  {
    BlockingRegion br;  // blocking: detaches (issue: free threading)
    r = ::fsync(fd);
  }
  if (r < 0) return err_from_errno(errno);
  return new_none();
}

Ref<> posix_get_inheritable(Value, Value* args) {
  int fd;
  if (!fd_arg(args[0], &fd)) return nullptr;
  int flags = ::fcntl(fd, F_GETFD);
  if (flags < 0) return err_from_errno(errno);
  return new_bool(!(flags & FD_CLOEXEC));
}

Ref<> posix_set_inheritable(Value, Value* args) {
  int fd;
  if (!fd_arg(args[0], &fd)) return nullptr;
  int inh = truthy(args[1]);
  if (inh < 0) return nullptr;
  int flags = ::fcntl(fd, F_GETFD);
  if (flags < 0) return err_from_errno(errno);
  flags = inh ? (flags & ~FD_CLOEXEC) : (flags | FD_CLOEXEC);
  if (::fcntl(fd, F_SETFD, flags) < 0) return err_from_errno(errno);
  return new_none();
}

Ref<> posix_get_blocking(Value, Value* args) {
  int fd;
  if (!fd_arg(args[0], &fd)) return nullptr;
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) return err_from_errno(errno);
  return new_bool(!(flags & O_NONBLOCK));
}

Ref<> posix_set_blocking(Value, Value* args) {
  int fd;
  if (!fd_arg(args[0], &fd)) return nullptr;
  int b = truthy(args[1]);
  if (b < 0) return nullptr;
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) return err_from_errno(errno);
  flags = b ? (flags & ~O_NONBLOCK) : (flags | O_NONBLOCK);
  if (::fcntl(fd, F_SETFL, flags) < 0) return err_from_errno(errno);
  return new_none();
}

// --- processes ----------------------------------------------------------------------

Ref<> posix_getpid(Value, Value*) { return small_int(::getpid()); }
Ref<> posix_getppid(Value, Value*) { return small_int(::getppid()); }
Ref<> posix_getuid(Value, Value*) { return small_int(::getuid()); }
Ref<> posix_geteuid(Value, Value*) { return small_int(::geteuid()); }
Ref<> posix_getgid(Value, Value*) { return small_int(::getgid()); }
Ref<> posix_getegid(Value, Value*) { return small_int(::getegid()); }
Ref<> posix_getpgrp(Value, Value*) { return small_int(::getpgrp()); }

Ref<> posix_umask(Value, Value* args) {
  int64_t m;
  if (!to_int64(args[0], &m)) return nullptr;
  return small_int(::umask(static_cast<mode_t>(m)));
}

Ref<> posix_kill(Value, Value* args) {
  int64_t pid, sig;
  if (!to_int64(args[0], &pid) || !to_int64(args[1], &sig)) return nullptr;
  if (::kill(static_cast<pid_t>(pid), static_cast<int>(sig)) < 0) return err_from_errno(errno);
  return new_none();
}

Ref<> posix_exit(Value, Value* args) {
  int64_t code;
  if (!to_int64(args[0], &code)) return nullptr;
  ::_exit(static_cast<int>(code));
}

Ref<> posix_waitpid(Value, Value* args) {
  int64_t pid, options;
  if (!to_int64(args[0], &pid) || !to_int64(args[1], &options)) return nullptr;
  int status = 0;
  pid_t r;
  do {
    BlockingRegion br;  // blocking: detaches (issue: free threading)
    r = ::waitpid(static_cast<pid_t>(pid), &status, static_cast<int>(options));
  } while (r < 0 && errno == EINTR);
  if (r < 0) return err_from_errno(errno);
  Ref<> a = small_int(r), b = small_int(status);
  return tuple_pack({a.val(), b.val()});
}

Ref<> posix_system(Value, Value* args) {
  Path p;
  if (!path_arg(args[0], &p, "system")) return nullptr;
  int r;
  {
    BlockingRegion br;  // blocking: detaches (issue: free threading)
    r = ::system(p.bytes.c_str());
  }
  return small_int(r);
}

#define FTPY_WAIT_MACRO(name, expr)                    \
  Ref<> posix_##name(Value, Value* args) {             \
    int64_t s;                                         \
    if (!to_int64(args[0], &s)) return nullptr;        \
    int status = static_cast<int>(s);                  \
    return expr;                                       \
  }
FTPY_WAIT_MACRO(WIFEXITED, new_bool(WIFEXITED(status)))
FTPY_WAIT_MACRO(WEXITSTATUS, small_int(WEXITSTATUS(status)))
FTPY_WAIT_MACRO(WIFSIGNALED, new_bool(WIFSIGNALED(status)))
FTPY_WAIT_MACRO(WTERMSIG, small_int(WTERMSIG(status)))
FTPY_WAIT_MACRO(WIFSTOPPED, new_bool(WIFSTOPPED(status)))
FTPY_WAIT_MACRO(WSTOPSIG, small_int(WSTOPSIG(status)))
#undef FTPY_WAIT_MACRO

Ref<> posix_waitstatus_to_exitcode(Value, Value* args) {
  int64_t s;
  if (!to_int64(args[0], &s)) return nullptr;
  int status = static_cast<int>(s);
  if (WIFEXITED(status)) return small_int(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return small_int(-WTERMSIG(status));
  return err_format(g_ValueError, "invalid wait status: %d", status);
}

Ref<> posix_times(Value, Value*) {
  struct tms t;
  clock_t c = ::times(&t);
  if (c == static_cast<clock_t>(-1)) return err_from_errno(errno);
  double tick = static_cast<double>(::sysconf(_SC_CLK_TCK));
  const char* names[] = {"user", "system", "children_user", "children_system", "elapsed"};
  double vals[] = {t.tms_utime / tick, t.tms_stime / tick, t.tms_cutime / tick, t.tms_cstime / tick, c / tick};
  std::vector<std::pair<const char*, Ref<>>> fields;
  Ref<Tuple> items = tuple_new(5);
  for (int i = 0; i < 5; i++) {
    fields.emplace_back(names[i], Ref<>());
    tuple_init_item(items.get(), i, float_new(vals[i]));
  }
  return record_new("posix.times_result", fields, items.val());
}

Ref<> posix_uname(Value, Value*) {
  struct utsname u;
  if (::uname(&u) < 0) return err_from_errno(errno);
  const char* names[] = {"sysname", "nodename", "release", "version", "machine"};
  const char* vals[] = {u.sysname, u.nodename, u.release, u.version, u.machine};
  std::vector<std::pair<const char*, Ref<>>> fields;
  Ref<Tuple> items = tuple_new(5);
  for (int i = 0; i < 5; i++) {
    fields.emplace_back(names[i], Ref<>());
    Ref<> s = str_from_utf8(vals[i]);
    if (!s) return nullptr;
    tuple_init_item(items.get(), i, std::move(s));
  }
  return record_new("posix.uname_result", fields, items.val());
}

Ref<> terminal_size(int64_t columns, int64_t lines) {
  std::vector<std::pair<const char*, Ref<>>> fields;
  fields.emplace_back("columns", Ref<>());
  fields.emplace_back("lines", Ref<>());
  Ref<Tuple> items = tuple_new(2);
  if (!items) return nullptr;
  tuple_init_item(items.get(), 0, small_int(columns));
  tuple_init_item(items.get(), 1, small_int(lines));
  return record_new("os.terminal_size", fields, items.val());
}

Ref<> posix_get_terminal_size(Value, Value* args) {
  int fd;
  if (!fd_arg(args[0], &fd)) return nullptr;
  struct winsize w;
  if (::ioctl(fd, TIOCGWINSZ, &w) < 0) return err_from_errno(errno);
  return terminal_size(w.ws_col, w.ws_row);
}

Ref<> posix_cpu_count(Value, Value*) {
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  if (n < 1) return new_none();
  return small_int(n);
}

Ref<> posix_urandom(Value, Value* args) {
  int64_t n;
  if (!to_int64(args[0], &n)) return nullptr;
  if (n < 0) return err_set_str(g_ValueError, "negative argument not allowed");
  std::string buf(static_cast<size_t>(n), '\0');
  size_t done = 0;
  while (done < buf.size()) {
    ssize_t r = ::getrandom(buf.data() + done, buf.size() - done, 0);
    if (r < 0) {
      if (errno == EINTR) continue;
      return err_from_errno(errno);
    }
    done += static_cast<size_t>(r);
  }
  return bytes_from(buf);
}

Ref<> posix_strerror(Value, Value* args) {
  int64_t code;
  if (!to_int64(args[0], &code)) return nullptr;
  return str_from_utf8(std::strerror(static_cast<int>(code)));
}

Ref<> posix_fspath(Value, Value* args) { return io_fspath(args[0]); }

// --- environment ---------------------------------------------------------------------

Ref<> posix_putenv(Value, Value* args) {
  Path k, v;
  if (!path_arg(args[0], &k, "putenv") || !path_arg(args[1], &v, "putenv")) return nullptr;
  if (k.bytes.empty() || k.bytes.find('=') != std::string::npos)
    return err_set_str(g_ValueError, "illegal environment variable name");
  if (::setenv(k.bytes.c_str(), v.bytes.c_str(), 1) < 0) return err_from_errno(errno);
  return new_none();
}

Ref<> posix_unsetenv(Value, Value* args) {
  Path k;
  if (!path_arg(args[0], &k, "unsetenv")) return nullptr;
  if (k.bytes.empty() || k.bytes.find('=') != std::string::npos)
    return err_set_str(g_ValueError, "illegal environment variable name");
  if (::unsetenv(k.bytes.c_str()) < 0) return err_from_errno(errno);
  return new_none();
}

Ref<> build_environ() {
  Ref<Dict> d = dict_new();
  if (!d) return nullptr;
  for (char** e = environ; e && *e; e++) {
    const char* eq = std::strchr(*e, '=');
    if (!eq) continue;
    Ref<> k = bytes_from(*e, static_cast<size_t>(eq - *e));
    Ref<> v = bytes_from(eq + 1, std::strlen(eq + 1));
    if (!k || !v) return nullptr;
    Ref<> existing;
    if (dict_get_item(d.val(), k.val(), &existing) == 1) continue;  // first wins, as CPython
    if (dict_set_item(d.val(), k.val(), v.val()) < 0) return nullptr;
  }
  return d;
}

const MethodDef kPosixFunctions[] = {
    {"getcwd()", posix_getcwd, "Return a unicode string representing the current working directory."},
    {"getcwdb()", posix_getcwdb, "Return a bytes string representing the current working directory."},
    {"chdir(path)", posix_chdir, "Change the current working directory to the specified path."},
    {"listdir(path=None)", posix_listdir, "Return a list containing the names of the files in the directory."},
    {"scandir(path=None)", posix_scandir, "Return an iterator of DirEntry objects for given path."},
    {"mkdir(path, mode=511, *, dir_fd=None)", posix_mkdir, "Create a directory."},
    {"rmdir(path, *, dir_fd=None)", posix_rmdir, "Remove a directory."},
    {"remove(path, *, dir_fd=None)", posix_unlink, "Remove a file (same as unlink())."},
    {"unlink(path, *, dir_fd=None)", posix_unlink, "Remove a file (same as remove())."},
    {"rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None)", posix_rename, "Rename a file or directory."},
    {"replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None)", posix_rename,
     "Rename a file or directory, overwriting the destination."},
    {"symlink(src, dst, target_is_directory=False, *, dir_fd=None)", posix_symlink, "Create a symbolic link."},
    {"link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True)", posix_link, "Create a hard link."},
    {"readlink(path, *, dir_fd=None)", posix_readlink, "Return a string representing the path of a symbolic link."},
    {"access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True)", posix_access,
     "Use the real uid/gid to test for access to a path."},
    {"chmod(path, mode, *, dir_fd=None, follow_symlinks=True)", posix_chmod, "Change the access permissions of a file."},
    {"truncate(path, length)", posix_truncate, "Truncate a file, specified by path, to a specific length."},
    {"ftruncate(fd, length, /)", posix_truncate, "Truncate a file, specified by file descriptor, to a specific length."},
    {"utime(path, times=None, *, ns=?, dir_fd=None, follow_symlinks=True)", posix_utime,
     "Set the access and modified time of path."},
    {"stat(path, *, dir_fd=None, follow_symlinks=True)", posix_stat, "Perform a stat system call on the given path."},
    {"lstat(path, *, dir_fd=None)", posix_lstat, "Perform a stat system call on the given path, without following symbolic links."},
    {"fstat(fd)", posix_fstat, "Perform a stat system call on the given file descriptor."},
    {"statvfs(path)", posix_statvfs, "Perform a statvfs system call on the given path."},
    {"fstatvfs(fd, /)", posix_fstatvfs, "Perform an fstatvfs system call on the given fd."},
    {"open(path, flags, mode=511, *, dir_fd=None)", posix_open, "Open a file for low level IO."},
    {"close(fd)", posix_close, "Close a file descriptor."},
    {"closerange(fd_low, fd_high, /)", posix_closerange, "Closes all file descriptors in [fd_low, fd_high), ignoring errors."},
    {"read(fd, length, /)", posix_read, "Read from a file descriptor."},
    {"write(fd, data, /)", posix_write, "Write a bytes object to a file descriptor."},
    {"lseek(fd, position, whence, /)", posix_lseek, "Set the position of a file descriptor."},
    {"dup(fd, /)", posix_dup, "Return a duplicate of a file descriptor."},
    {"dup2(fd, fd2, inheritable=True)", posix_dup2, "Duplicate file descriptor."},
    {"pipe()", posix_pipe, "Create a pipe."},
    {"isatty(fd, /)", posix_isatty, "Return True if the fd is connected to a terminal."},
    {"fsync(fd)", posix_fsync, "Force write of fd to disk."},
    {"get_inheritable(fd, /)", posix_get_inheritable, "Get the close-on-exe flag of the specified file descriptor."},
    {"set_inheritable(fd, inheritable, /)", posix_set_inheritable, "Set the inheritable flag of the specified file descriptor."},
    {"get_blocking(fd, /)", posix_get_blocking, "Get the blocking mode of the file descriptor."},
    {"set_blocking(fd, blocking, /)", posix_set_blocking, "Set the blocking mode of the specified file descriptor."},
    {"getpid()", posix_getpid, "Return the current process id."},
    {"getppid()", posix_getppid, "Return the parent's process id."},
    {"getuid()", posix_getuid, "Return the current process's user id."},
    {"geteuid()", posix_geteuid, "Return the current process's effective user id."},
    {"getgid()", posix_getgid, "Return the current process's group id."},
    {"getegid()", posix_getegid, "Return the current process's effective group id."},
    {"getpgrp()", posix_getpgrp, "Return the current process group id."},
    {"umask(mask, /)", posix_umask, "Set the current numeric umask and return the previous umask."},
    {"kill(pid, signal, /)", posix_kill, "Kill a process with a signal."},
    {"_exit(status)", posix_exit, "Exit to the system with specified status, without normal exit processing."},
    {"waitpid(pid, options, /)", posix_waitpid, "Wait for completion of a given child process."},
    {"system(command)", posix_system, "Execute the command in a subshell."},
    {"WIFEXITED(status)", posix_WIFEXITED, nullptr},
    {"WEXITSTATUS(status)", posix_WEXITSTATUS, nullptr},
    {"WIFSIGNALED(status)", posix_WIFSIGNALED, nullptr},
    {"WTERMSIG(status)", posix_WTERMSIG, nullptr},
    {"WIFSTOPPED(status)", posix_WIFSTOPPED, nullptr},
    {"WSTOPSIG(status)", posix_WSTOPSIG, nullptr},
    {"waitstatus_to_exitcode(status)", posix_waitstatus_to_exitcode, nullptr},
    {"times()", posix_times, "Return a collection containing process timing information."},
    {"uname()", posix_uname, "Return an object identifying the current operating system."},
    {"get_terminal_size(fd=1, /)", posix_get_terminal_size, "Return the size of the terminal window as (columns, lines)."},
    {"cpu_count()", posix_cpu_count, "Return the number of logical CPUs in the system."},
    {"urandom(size, /)", posix_urandom, "Return a bytes object containing random bytes suitable for cryptographic use."},
    {"strerror(code, /)", posix_strerror, "Translate an error code to a message string."},
    {"fspath(path)", posix_fspath, "Return the file system path representation of the object."},
    {"putenv(name, value, /)", posix_putenv, "Change or add an environment variable."},
    {"unsetenv(name, /)", posix_unsetenv, "Delete an environment variable."},
    {nullptr}};

bool g_posix_types_ready = false;

void posix_types_init() {
  if (g_posix_types_ready) return;
  g_posix_types_ready = true;
  Type* t = &g_direntry_type;
  t->name = "posix.DirEntry";
  t->basic_size = sizeof(DirEntry);
  t->tp_dealloc = direntry_dealloc;
  t->tp_repr = direntry_repr;
  t->methods = kDirEntryMethods;
  t->getsets = kDirEntryGetSets;
  type_ready(t);
  t = &g_scandir_iter_type;
  t->name = "posix.ScandirIterator";
  t->basic_size = sizeof(ScandirIter);
  t->tp_dealloc = scandir_iter_dealloc;
  t->tp_iter = scandir_iter_self;
  t->tp_iternext = scandir_iter_next;
  t->methods = kScandirMethods;
  type_ready(t);
}

}  // namespace

Ref<> posix_module_create() {
  posix_types_init();
  Ref<> m = module_new("posix");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kPosixFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  Ref<> env = build_environ();
  if (!env || dict_set_item_str(d, "environ", env.val()) < 0) return nullptr;
  struct Const {
    const char* name;
    int64_t value;
  };
  const Const consts[] = {
      {"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK},
      {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR}, {"O_APPEND", O_APPEND},
      {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL}, {"O_TRUNC", O_TRUNC}, {"O_NONBLOCK", O_NONBLOCK},
      {"O_CLOEXEC", O_CLOEXEC}, {"O_DIRECTORY", O_DIRECTORY}, {"O_NOFOLLOW", O_NOFOLLOW}, {"O_SYNC", O_SYNC},
      {"O_NOCTTY", O_NOCTTY}, {"O_ACCMODE", O_ACCMODE},
      {"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR}, {"SEEK_END", SEEK_END},
      {"WNOHANG", WNOHANG}, {"WUNTRACED", WUNTRACED},
      {"EX_OK", 0},
  };
  for (const Const& c : consts) {
    Ref<> v = int_from_int64(c.value);
    if (dict_set_item_str(d, c.name, v.val()) < 0) return nullptr;
  }
  if (dict_set_item_str(d, "DirEntry", Value(&g_direntry_type)) < 0) return nullptr;
  // os.stat_result: the record type (created on first use by record_new_hidden).
  struct stat st;
  std::memset(&st, 0, sizeof st);
  Ref<> sample = stat_result(st);
  if (!sample || dict_set_item_str(d, "stat_result", Value(type_of(sample.val()))) < 0) return nullptr;
  // Before any Python code can reach the type: the module is being created.
  static std::once_flag wrap_once;
  std::call_once(wrap_once, [&] {
    Type* t = type_of(sample.val());
    g_structseq_new = t->tp_new;
    t->tp_new = stat_result_new;
  });
  if (posix_process_add(m.val(), d) < 0) return nullptr;
  if (posix_fork_add(m.val()) < 0) return nullptr;
  if (posix_linux_add(m.val(), d) < 0) return nullptr;
  if (posix_spawn_add(m.val(), d) < 0) return nullptr;
  // The other record types, as attributes (created on first use by record_new).
  Ref<> un = posix_uname(Value(), nullptr);
  Ref<> tm = posix_times(Value(), nullptr);
  struct statvfs vfs;
  std::memset(&vfs, 0, sizeof vfs);
  Ref<> sv = statvfs_result(vfs);
  if (!un || !tm || !sv || dict_set_item_str(d, "uname_result", Value(type_of(un.val()))) < 0 ||
      dict_set_item_str(d, "times_result", Value(type_of(tm.val()))) < 0 ||
      dict_set_item_str(d, "statvfs_result", Value(type_of(sv.val()))) < 0)
    return nullptr;
  // os.terminal_size: shutil.get_terminal_size builds its fallback with it.
  Ref<> ts = terminal_size(0, 0);
  if (!ts || dict_set_item_str(d, "terminal_size", Value(type_of(ts.val()))) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
