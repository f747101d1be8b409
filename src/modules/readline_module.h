// The readline module (readline_module.cpp) and the one readline entry point
// that input() and the interactive REPL share.
#pragma once

#include <string>

#include "runtime/ref.h"

namespace ftpy {

Ref<> readline_module_create();

// True once `import readline` has run: input() then reads through GNU
// readline when stdin and stdout are the process's terminal (CPython's
// PyOS_ReadlineFunctionPointer rule).
bool readline_module_imported();

// Read one line with GNU readline on the C stdin/stdout, showing `prompt`.
// The wait is detached (other threads and stop-the-world proceed); Ctrl-C
// (a signal whose handler raises) abandons the line. Returns 1 with the
// line (no trailing newline) in *out, 0 at end of file, -1 with the
// exception pending. Adds the line to the history when auto-history is on.
int readline_read_line(const char* prompt, std::string* out);

// input(prompt) through readline_read_line when sys.stdin and sys.stdout
// are file descriptors 0 and 1 and both are terminals: *handled is then
// true and the result is the line (EOFError at end of file). Otherwise
// *handled is false and the caller reads sys.stdin itself.
Ref<> readline_input(Value prompt, bool* handled);

}  // namespace ftpy
