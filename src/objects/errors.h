// Raising and inspecting exceptions (errors as values, DESIGN.md §3).
//
// A failing function sets the thread's pending exception with one of the
// err_* functions and returns its sentinel:
//   Ref<> f(...)  { if (bad) return err_format(g_TypeError, "... %s", x); }
//   int g(...)    { if (bad) { err_format(g_ValueError, "..."); return -1; } }
// err_format understands printf directives only; format Python reprs first
// (repr_utf8 in objects/protocol.h) and pass them as %s.
//
// The built-in exception hierarchy is one table, FTPY_EXCEPTIONS, below; each
// row gives the class name and its base. Exception instances are defined in
// objects/exceptions.h.
#pragma once

#include <cstddef>

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

// X(Name, Base). Order matters: a base comes before its subclasses.
#define FTPY_EXCEPTIONS(X)                                  \
  X(BaseException, None)                                    \
  X(BaseExceptionGroup, BaseException)                      \
  X(SystemExit, BaseException)                              \
  X(KeyboardInterrupt, BaseException)                       \
  X(GeneratorExit, BaseException)                           \
  X(Exception, BaseException)                               \
  X(ExceptionGroup, Exception)                              \
  X(ArithmeticError, Exception)                             \
  X(FloatingPointError, ArithmeticError)                    \
  X(OverflowError, ArithmeticError)                         \
  X(ZeroDivisionError, ArithmeticError)                     \
  X(AssertionError, Exception)                              \
  X(AttributeError, Exception)                              \
  X(BufferError, Exception)                                 \
  X(EOFError, Exception)                                    \
  X(ImportError, Exception)                                 \
  X(ModuleNotFoundError, ImportError)                       \
  X(LookupError, Exception)                                 \
  X(IndexError, LookupError)                                \
  X(KeyError, LookupError)                                  \
  X(MemoryError, Exception)                                 \
  X(NameError, Exception)                                   \
  X(UnboundLocalError, NameError)                           \
  X(OSError, Exception)                                     \
  X(BlockingIOError, OSError)                               \
  X(ChildProcessError, OSError)                             \
  X(ConnectionError, OSError)                               \
  X(BrokenPipeError, ConnectionError)                       \
  X(ConnectionAbortedError, ConnectionError)                \
  X(ConnectionRefusedError, ConnectionError)                \
  X(ConnectionResetError, ConnectionError)                  \
  X(FileExistsError, OSError)                               \
  X(FileNotFoundError, OSError)                             \
  X(InterruptedError, OSError)                              \
  X(IsADirectoryError, OSError)                             \
  X(NotADirectoryError, OSError)                            \
  X(PermissionError, OSError)                               \
  X(ProcessLookupError, OSError)                            \
  X(TimeoutError, OSError)                                  \
  X(ReferenceError, Exception)                              \
  X(RuntimeError, Exception)                                \
  X(NotImplementedError, RuntimeError)                      \
  X(PythonFinalizationError, RuntimeError)                  \
  X(RecursionError, RuntimeError)                           \
  X(StopAsyncIteration, Exception)                          \
  X(StopIteration, Exception)                               \
  X(SyntaxError, Exception)                                 \
  X(IndentationError, SyntaxError)                          \
  X(TabError, IndentationError)                             \
  X(SystemError, Exception)                                 \
  X(TypeError, Exception)                                   \
  X(ValueError, Exception)                                  \
  X(UnicodeError, ValueError)                               \
  X(UnicodeDecodeError, UnicodeError)                       \
  X(UnicodeEncodeError, UnicodeError)                       \
  X(UnicodeTranslateError, UnicodeError)                    \
  X(Warning, Exception)                                     \
  X(BytesWarning, Warning)                                  \
  X(DeprecationWarning, Warning)                            \
  X(EncodingWarning, Warning)                               \
  X(FutureWarning, Warning)                                 \
  X(ImportWarning, Warning)                                 \
  X(PendingDeprecationWarning, Warning)                     \
  X(ResourceWarning, Warning)                               \
  X(RuntimeWarning, Warning)                                \
  X(SyntaxWarning, Warning)                                 \
  X(UnicodeWarning, Warning)                                \
  X(UserWarning, Warning)

#define FTPY_DECLARE_EXC(name, base) extern Type* g_##name;
FTPY_EXCEPTIONS(FTPY_DECLARE_EXC)
#undef FTPY_DECLARE_EXC

// Set the pending exception to `type(message)`; returns nullptr for `return`.
std::nullptr_t err_format(Type* type, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
std::nullptr_t err_set_str(Type* type, const char* msg);
// Set the pending exception from a type and a value: if `value` is already an
// instance of `type` it is raised as is; a tuple is used as args; null means no
// args; anything else is the single argument.
std::nullptr_t err_set_object(Type* type, Value value);
// Raise an exception instance (or class, instantiated with no args).
std::nullptr_t err_set_instance(Value exc);
std::nullptr_t err_no_memory();
// OSError subclass chosen from errno (FileNotFoundError for ENOENT, ...),
// with strerror text and optional filename.
std::nullptr_t err_from_errno(int errnum, Value filename = Value());

bool err_occurred();
Value err_peek();                 // borrowed pending exception or null
bool err_matches(Type* type);     // pending exception is an instance of type
Ref<> err_fetch();                // take the pending exception (may be null)
void err_restore(Ref<> exc);      // make it pending again
void err_clear();
// Set `exc` as pending and chain the previously pending one as its __context__.
void err_chain_context(Ref<> exc);

// Report an exception that cannot propagate (a __del__ error, a callback):
// prints "Exception ignored in: ..." and the traceback to stderr.
void err_write_unraisable(const char* where, Value obj);

// True if `exc` (an instance) matches `spec`, a class or a tuple of classes.
// Returns -1 with an exception if `spec` is not a valid except-clause operand.
int exception_matches(Value exc, Value spec);
// An except clause's operand, checked before any matching as CPython does:
// a class deriving from BaseException or a flat tuple of them (a later
// non-class entry fails even when an earlier one matches). -1 with TypeError.
int check_except_type_valid(Value spec);

}  // namespace ftpy
