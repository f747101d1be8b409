// The _io module: FileIO (raw, fd-based), BufferedReader/Writer/Random,
// TextIOWrapper, BytesIO, StringIO, the _IOBase family of base classes that the
// ABCs in lib/io.py build on, open() and UnsupportedOperation.
//
// Files: io_base.cpp (bases, module, open), io_file.cpp (FileIO),
// io_buffered.cpp, io_text.cpp (TextIOWrapper), io_memory.cpp (BytesIO,
// StringIO). Shared layout and helpers: io_internal.h.
//
// Thread safety: every operation on a file object runs inside a critical
// section on that object, so two threads writing to one file never interleave
// inside a single write() and never corrupt the buffers. Calls that may block
// (the raw read/write system calls) are BlockingRegions (io_internal.h).
#pragma once

#include "runtime/ref.h"

namespace ftpy {

// Ready the _io types (idempotent); called by io_module_create too.
void io_types_init();

// The `_io` module.
Ref<> io_module_create();

// builtins.open / io.open: args in the order of
// open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
//      closefd=True, opener=None).
Ref<> io_open(Value* args);

// True for an exact _io.TextIOWrapper or _io.StringIO, whose write() takes
// the object's lock once per call (print() writes a line to them at once).
bool io_is_builtin_text_stream(Value v);

}  // namespace ftpy
