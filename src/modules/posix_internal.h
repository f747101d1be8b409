// What the files of the posix module share (posix_module.cpp: files,
// directories and the environment; posix_process.cpp: processes, users,
// scheduling and the rest of the system interface; posix_linux.cpp: the
// Linux-only calls; posix_spawn.cpp: posix_spawn/posix_spawnp).
#pragma once

#include <sched.h>
#include <sys/types.h>
#include <sys/uio.h>

#include <string>
#include <vector>

#include "runtime/ref.h"

namespace ftpy {

// A path argument: the original object (for error messages and the result
// kind) and its bytes.
struct Path {
  Value obj;
  std::string bytes;
  bool is_bytes = false;
  int fd = -1;  // when an int was given and fds are allowed
};

// A path argument (str, bytes or os.PathLike; with allow_fd an int file
// descriptor, with allow_none None for "."); CPython's TypeError naming
// `func` otherwise.
bool path_arg(Value v, Path* p, const char* func, bool allow_fd = false, bool allow_none = false);
// OSError for errno with one or two filenames (an os.PathLike named by its path).
std::nullptr_t path_error(int e, Value f1 = Value(), Value f2 = Value());
// A file descriptor argument (an int).
bool fd_arg(Value v, int* fd);
// A dir_fd argument: None (or omitted) is AT_FDCWD; CPython's TypeError
// "argument should be integer or None, not X" for anything else.
bool dir_fd_arg(Value v, int* out);

// Vectored I/O (readv/writev in posix_process.cpp, preadv/pwritev in
// posix_linux.cpp): each buffer of the tuple `seq` is copied into (gather)
// or sized for (scatter) a private string, so the system call runs detached
// without holding any buffer's lock; what a scatter read returns is copied
// back under each buffer's own lock.
struct IoVectors {
  std::vector<std::string> parts;
  std::vector<struct iovec> iov;
};
// Gather: the bytes of each buffer. False with an exception.
bool iovec_gather(Value seq, IoVectors* v);
// Scatter: room for each writable buffer; a read-only one raises
// `not_writable_type(not_writable)`. False with an exception.
bool iovec_scatter_prepare(Value seq, IoVectors* v, Type* not_writable_type, const char* not_writable);
// Copies the `n` bytes read back into the buffers of `seq`; the int n, or
// nullptr with an exception.
Ref<> iovec_scatter_finish(Value seq, const IoVectors& v, ssize_t n);

// Adds posix_process.cpp's functions, constants and record types to the
// module dict `d`; -1 with an exception.
int posix_process_add(Value module, Value d);
// Adds posix_fork.cpp's fork, forkpty and register_at_fork.
int posix_fork_add(Value module);
// Adds posix_linux.cpp's eventfd, splice, copy_file_range, pidfd_open,
// preadv/pwritev, scheduler and xattr calls, sched_param and constants.
int posix_linux_add(Value module, Value d);
// Adds posix_spawn.cpp's posix_spawn, posix_spawnp and POSIX_SPAWN_* constants.
int posix_spawn_add(Value module, Value d);
// A posix.sched_param argument as the C struct; CPython's TypeError
// "must have a sched_param object" / OverflowError otherwise.
bool sched_param_arg(Value v, struct sched_param* out);

}  // namespace ftpy
