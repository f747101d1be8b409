// Bytes-like arguments for the library modules (_struct, array, _hashlib,
// binascii, _io): reading any object with the buffer protocol
// (objects/buffer.h) and writing into a writable, contiguous one.
//
// Thread safety: reads copy the contents under the exporter's lock (bytes are
// immutable and need none); writes hold an export (so the exporter cannot be
// resized) and run the callback inside the exporter's CriticalSection, so the
// callback must not run Python code.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "runtime/ref.h"

namespace ftpy {

// Copy a bytes-like object's contents; false (no exception) if `v` has no buffer.
bool module_buffer_copy(Value v, std::string* out);
// As above but raises TypeError "a bytes-like object is required, not 'X'".
bool module_buffer_or_error(Value v, std::string* out);
// True if `v` exports a buffer.
bool module_has_buffer(Value v);

// Run fn(data, size) on the writable contents of `v` under its lock; fn
// returns 0, or -1 after setting an exception (without running Python code).
// Returns 1 after fn succeeded, 0 if `v` is not a writable contiguous buffer
// (no exception), or -1 with an exception (from fn, or a released memoryview).
using WritableFn = std::function<int(uint8_t* data, int64_t size)>;
int module_with_writable_buffer(Value v, const WritableFn& fn);

}  // namespace ftpy
