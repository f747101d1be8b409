// The pending-exception API (errors.h).
#include "objects/errors.h"

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <string>

#include "modules/sys_module.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/thread_state.h"
#include "vm/traceback.h"

namespace ftpy {

namespace {

// Preallocated so that running out of memory can still be reported.
Ref<> g_memory_error_instance;

void set_pending(Ref<> exc) {
  ThreadState* ts = tstate();
  ts->exc = std::move(exc);
}

}  // namespace

std::nullptr_t err_set_instance(Value exc) {
  if (is_exception_class(exc)) {
    Ref<> inst = call0(exc);
    if (!inst) return nullptr;  // the constructor's error is pending instead
    set_pending(std::move(inst));
    return nullptr;
  }
  set_pending(Ref<>::borrow(exc));
  return nullptr;
}

std::nullptr_t err_set_object(Type* type, Value value) {
  if (!value.is_null() && is_subtype(type_of(value), type)) return err_set_instance(value);
  // Building the exception is a call, and an error raised by a native depth
  // guard (a deep comparison, repr) would otherwise trip the same guard in
  // call() and replace its message: lift the guard for the constructor.
  ThreadState* ts = tstate();
  int depth = ts->c_depth;
  ts->c_depth = 0;
  Ref<> inst;
  if (value.is_null()) {
    inst = call0(Value(type));
  } else if (is_tuple_exact(value)) {
    inst = call(Value(type), value.as<Tuple>()->items, static_cast<size_t>(tuple_size(value)));
  } else {
    inst = call1(Value(type), value);
  }
  ts->c_depth = depth;
  if (inst) set_pending(std::move(inst));
  return nullptr;
}

std::nullptr_t err_set_str(Type* type, const char* msg) {
  Ref<Str> s = str_from_utf8(msg);
  if (!s) return nullptr;
  return err_set_object(type, s.val());
}

std::nullptr_t err_format(Type* type, const char* fmt, ...) {
  char small[512];
  va_list ap;
  va_start(ap, fmt);
  int n = std::vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < static_cast<int>(sizeof small)) return err_set_str(type, small);
  std::string big(static_cast<size_t>(n) + 1, '\0');
  va_start(ap, fmt);
  std::vsnprintf(big.data(), big.size(), fmt, ap);
  va_end(ap);
  big.resize(static_cast<size_t>(n));
  return err_set_str(type, big.c_str());
}

std::nullptr_t err_no_memory() {
  if (g_memory_error_instance) {
    set_pending(g_memory_error_instance);
  } else {
    std::fprintf(stderr, "ftpy: out of memory during start-up\n");
    std::abort();
  }
  return nullptr;
}

void errors_init_memory_error() {
  g_memory_error_instance = call0(Value(g_MemoryError));
  if (g_memory_error_instance) make_immortal(g_memory_error_instance.val().obj());
}

Type* oserror_type_for_errno(int errnum) {
  switch (errnum) {
    case ENOENT: return g_FileNotFoundError;
    case EEXIST: return g_FileExistsError;
    case EISDIR: return g_IsADirectoryError;
    case ENOTDIR: return g_NotADirectoryError;
    case EACCES: case EPERM: return g_PermissionError;
    case EINTR: return g_InterruptedError;
    case EAGAIN: case EALREADY: case EINPROGRESS: return g_BlockingIOError;
    case EPIPE: case ESHUTDOWN: return g_BrokenPipeError;
    case ECHILD: return g_ChildProcessError;
    case ECONNABORTED: return g_ConnectionAbortedError;
    case ECONNREFUSED: return g_ConnectionRefusedError;
    case ECONNRESET: return g_ConnectionResetError;
    case ESRCH: return g_ProcessLookupError;
    case ETIMEDOUT: return g_TimeoutError;
    default: return g_OSError;
  }
}

std::nullptr_t err_from_errno(int errnum, Value filename) {
  Type* t = oserror_type_for_errno(errnum);
  Ref<> en = small_int(errnum);
  Ref<Str> msg = str_from_utf8(std::strerror(errnum));
  Ref<Tuple> args = filename.is_null() ? tuple_pack({en.val(), msg.val()})
                                       : tuple_pack({en.val(), msg.val(), filename});
  Ref<> inst = call(Value(t), args->items, static_cast<size_t>(args->size));
  if (inst) set_pending(std::move(inst));
  return nullptr;
}

bool err_occurred() { return !tstate()->exc.is_null(); }
Value err_peek() { return tstate()->exc.val(); }

bool err_matches(Type* type) {
  Value e = tstate()->exc.val();
  return !e.is_null() && is_subtype(type_of(e), type);
}

Ref<> err_fetch() { return std::move(tstate()->exc); }
void err_restore(Ref<> exc) { tstate()->exc = std::move(exc); }
void err_clear() { tstate()->exc.reset(); }

void err_chain_context(Ref<> exc) {
  ThreadState* ts = tstate();
  if (Value ctx = handled_exception(ts); !ctx.is_null()) {
    if (ctx != exc.val() && is_exception_instance(ctx) && exception_context(exc.val()).is_null()) {
      exception_set_context(exc.val(), ctx);
    }
  }
  ts->exc = std::move(exc);
}

int exception_matches(Value exc, Value spec) {
  if (is_tuple(spec)) {
    for (int64_t i = 0; i < tuple_size(spec); i++) {
      int r = exception_matches(exc, tuple_item(spec, i));
      if (r) return r;
    }
    return 0;
  }
  if (!is_exception_class(spec)) {
    err_set_str(g_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return -1;
  }
  return is_subtype(type_of(exc), spec.as<Type>()) ? 1 : 0;
}

int check_except_type_valid(Value spec) {
  if (is_tuple(spec)) {
    for (int64_t i = 0; i < tuple_size(spec); i++)
      if (!is_exception_class(tuple_item(spec, i))) {
        err_set_str(g_TypeError, "catching classes that do not inherit from BaseException is not allowed");
        return -1;
      }
    return 0;
  }
  if (!is_exception_class(spec)) {
    err_set_str(g_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return -1;
  }
  return 0;
}

// Through sys.unraisablehook, which writes to sys.stderr (modules/sys_module.h).
void err_write_unraisable(const char* where, Value obj) {
  Ref<> exc = err_fetch();
  if (!exc) return;
  sys_unraisable(exc.val(), where, obj);
  err_clear();
}

}  // namespace ftpy
