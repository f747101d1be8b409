// What the files of the posix module share (posix_module.cpp: files,
// directories and the environment; posix_process.cpp: processes, users,
// scheduling and the rest of the system interface).
#pragma once

#include <string>

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

// Adds posix_process.cpp's functions, constants and record types to the
// module dict `d`; -1 with an exception.
int posix_process_add(Value module, Value d);
// Adds posix_fork.cpp's fork, forkpty and register_at_fork.
int posix_fork_add(Value module);

}  // namespace ftpy
