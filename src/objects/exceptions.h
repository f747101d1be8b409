// Exception instances: BaseException and the subclasses that carry extra
// fields (StopIteration.value, SystemExit.code, OSError's errno/strerror/
// filename, SyntaxError's location, ImportError's name/path, the Unicode errors,
// and the exception groups). The class hierarchy is the FTPY_EXCEPTIONS table
// in errors.h.
//
// Thread safety: an exception instance is normally touched by one thread at a
// time; its fields are guarded by the object's critical section when set
// through attributes.
#pragma once

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

struct BaseExceptionObject : Object {
  Value dict;        // instance __dict__ (owned, lazily created)
  Value args;        // tuple (owned)
  Value notes;       // __notes__ list or null
  Value traceback;   // traceback object or null
  Value context;     // owned or null
  Value cause;       // owned or null
  bool suppress_context;
  // Extra fields used by some subclasses (kept in one layout so that every
  // built-in exception class shares it; which ones mean something depends on
  // the class): StopIteration/StopAsyncIteration.value, SystemExit.code,
  // ImportError.name/path/msg, OSError errno/strerror/filename/filename2,
  // SyntaxError msg/filename/lineno/offset/text/end_lineno/end_offset,
  // BaseExceptionGroup message/exceptions, KeyError/AttributeError name/obj.
  Value extra[8];
};

// Named slots in `extra` per family.
enum ExtraSlot : int {
  kStopValue = 0,
  kSystemExitCode = 0,
  kImportName = 0, kImportPath = 1, kImportMsg = 2, kImportNameFrom = 3,
  kOsErrno = 0, kOsStrerror = 1, kOsFilename = 2, kOsFilename2 = 3, kOsWinerror = 4,
  kSyntaxMsg = 0, kSyntaxFilename = 1, kSyntaxLineno = 2, kSyntaxOffset = 3, kSyntaxText = 4,
  kSyntaxEndLineno = 5, kSyntaxEndOffset = 6, kSyntaxPrintFileAndLine = 7,
  kGroupMessage = 0, kGroupExceptions = 1,
  kAttrName = 0, kAttrObj = 1,      // AttributeError.name/obj, NameError.name
  kUnicodeEncoding = 0, kUnicodeObject = 1, kUnicodeStart = 2, kUnicodeEnd = 3, kUnicodeReason = 4,
};

inline bool is_exception_instance(Value v) {
  return v.is_obj() && has_flag(v.obj()->ob_type, kTypeExceptionSubclass);
}
inline bool is_exception_class(Value v) {
  return v.is_obj() && has_flag(v.obj()->ob_type, kTypeTypeSubclass) &&
         has_flag(v.as<Type>(), kTypeExceptionSubclass);
}

// Create an instance of exception class `type` with the given args tuple.
Ref<> exception_new(Type* type, Value args_tuple);
// The OSError subclass CPython picks for an errno (OSError(2, ...) is a
// FileNotFoundError); OSError itself when none fits.
Type* oserror_type_for_errno(int errnum);
Value exception_args(Value exc);  // borrowed tuple
void exception_set_traceback(Value exc, Value tb);
void exception_set_context(Value exc, Value ctx);   // steals nothing
void exception_set_cause(Value exc, Value cause);   // also sets __suppress_context__
Value exception_context(Value exc);
Value exception_cause(Value exc);
Value exception_traceback(Value exc);
bool exception_suppress_context(Value exc);
Value exception_extra(Value exc, int slot);  // borrowed, may be null
void exception_set_extra(Value exc, int slot, Value v);
// AttributeError/NameError: set .name and .obj (for "Did you mean" suggestions).
void exception_set_extra_attr(Value exc, Value name, Value obj);

void exceptions_module_init();  // creates every class in FTPY_EXCEPTIONS

}  // namespace ftpy

namespace ftpy {
// exception_group.cpp
void exception_group_setup(Type* base_exception_group);
void exception_group_finish(Type* base_exception_group, Type* exception_group);
Ref<> exception_group_exceptions_list(Value group);  // list(group.exceptions)
// except* support: split `exc` by `match_type` into (match, rest); either may be
// None. A non-group exception is wrapped in an ExceptionGroup("", [exc]) when it matches.
bool exception_group_split(Value exc, Value match_type, Ref<>* match, Ref<>* rest);
// Build the exception to re-raise at the end of a try/except* from the
// original exception and the list of raised/re-raised ones.
Ref<> exception_group_prep_reraise(Value orig, Value raised_list);
}  // namespace ftpy
