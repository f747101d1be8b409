// The sys module, and the standard streams it holds.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> sys_module_create();
// sys.<name> (AttributeError-free: RuntimeError "lost sys.<name>" if missing).
Ref<> sys_get_attr(const char* name);
// True for the text stream object behind sys.stdin/stdout/stderr (whatever
// name it is bound to now); its write() is one locked call.
bool sys_is_std_stream(Value v);
// sys.flags.utf8_mode (PEP 540), fixed when sys is created: 1 in the C/POSIX
// locale or with -X utf8 / PYTHONUTF8=1. Decides what open() without an
// encoding reports ('utf-8' or the locale's 'UTF-8') and io.text_encoding.
bool sys_utf8_mode();
// After start-up: a stdio encoding that is not a native codec (a
// PYTHONIOENCODING of the host's encodings package) takes the name
// codecs.lookup() gives it; false after printing CPython's fatal error when
// there is no such codec.
bool sys_resolve_stdio_encoding();
// Called by main.cpp before start-up when it coerced the C locale to
// C.UTF-8 (PEP 538): UTF-8 mode still counts the locale as C.
void sys_note_c_locale_coerced();
Ref<> sys_displayhook(Value v);  // the REPL's expression echo
Ref<> sys_input(Value prompt);   // builtins.input
// Call sys.excepthook(type, value, tb) (falls back to printing directly).
void sys_excepthook(Value exc);
// Report an exception that cannot be raised (from __del__, a weakref or gc
// callback, a generator closed at deallocation) through sys.unraisablehook
// with UnraisableHookArgs(exc_type, exc_value, exc_traceback, err_msg,
// object); err_msg null means None ("Exception ignored in"), obj may be null.
// No exception is pending on return.
void sys_unraisable(Value exc, const char* err_msg, Value obj);

}  // namespace ftpy
