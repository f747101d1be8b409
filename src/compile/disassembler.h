// Human-readable listing of code objects (like CPython's dis module), for
// debugging the compiler and the interpreter.
#pragma once

#include <string>

#include "compile/code.h"

namespace ftpy {

// One line per instruction: "line  offset OPNAME arg (detail)"; nested code
// objects (in co_consts) are listed after their parent when `recursive`.
std::string disassemble(Code* code, bool recursive = true);

}  // namespace ftpy
