// Warnings issued by the runtime itself (a coroutine never awaited, a file
// never closed, the GIL switched on for a module): they go through the
// Python-level warnings module (lib/warnings.py), so filters, -W options,
// catch_warnings and showwarning hooks all apply, as they do in CPython.
// The reported location is the innermost Python frame running at the time.
#pragma once

#include <string_view>

#include "runtime/ref.h"

namespace ftpy {

struct Type;

// warnings.warn(message, category, stacklevel=1, source=source). Returns
// None, or null with the exception set if the warning became an error (a
// filter says "error") or the call failed. If the warnings module cannot be
// imported (late in shutdown) the warning is dropped and None returned.
Ref<> warn_from_runtime(Type* category, std::string_view message, Value source = Value());

}  // namespace ftpy
