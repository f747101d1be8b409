// Helpers shared by the modules that wrap POSIX calls (pwd, grp, resource,
// fcntl, select, termios, _socket, posix_process.cpp): CPython's uid/gid,
// C int and file-descriptor argument rules, the EINTR retry loop, and the
// decoding of the C library's text.
// Stateless; safe from any thread.
#pragma once

#include <sys/types.h>

#include <cerrno>
#include <cstdint>
#include <string>

#include "runtime/ref.h"
#include "runtime/thread_state.h"
#include "vm/safepoint.h"

namespace ftpy {

enum class IdParse { kOk, kOverflow, kError };

// A uid_t/gid_t argument as CPython converts it: any integer-like (bool and
// __index__ too; otherwise TypeError "<what> should be integer, not X");
// -1 stands for (id_t)-1; other values outside the type's range give
// kOverflow with CPython's OverflowError ("<what> is less than minimum" /
// "<what> is greater than maximum") pending, which some callers replace.
IdParse id_from_object(Value v, const char* what, uint32_t* out);

// An id as CPython shows it: (id_t)-1 as -1, anything else as unsigned.
Ref<> id_to_int(uint32_t id);

// Text from the C library (names, paths): the filesystem encoding, UTF-8
// with surrogateescape, as os.fsdecode. Null is taken as "".
Ref<> os_text(const char* s);

// A str argument encoded as os.fsencode for a C call; ValueError
// "embedded null byte" if it holds a NUL (the check is on the bytes).
bool os_text_bytes(Value str, std::string* out);

// A C int argument as CPython's "i" format converts it: any integer-like,
// OverflowError "signed integer is less than minimum" / "... greater than
// maximum" outside the int range.
bool c_int_arg(Value v, int* out);

// Run the system call `op` detached, retrying it on EINTR once the main
// thread has run its pending signal handlers (PEP 475). Returns op's
// result; `*failed` is set (and the result is meaningless) when a handler
// raised.
template <typename Op>
auto retry_detached(Op op, bool* failed) -> decltype(op()) {
  *failed = false;
  for (;;) {
    decltype(op()) r;
    {
      DetachedScope detached;
      r = op();
    }
    if (r != -1 || errno != EINTR) return r;
    ThreadState* ts = tstate();
    if (signals_pending_for(ts) && handle_eval_breaker(ts) < 0) {
      *failed = true;
      return r;
    }
  }
}

// A file descriptor from an int or an object with fileno() (select, fcntl):
// CPython's TypeError/ValueError/OverflowError for anything else.
bool fd_from_object(Value v, int* out);

}  // namespace ftpy
