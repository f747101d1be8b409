// Compiling and running source text (the top of the pipeline: source ->
// tokens -> AST -> symbol table -> bytecode -> interpreter).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parse/syntax_error.h"
#include "runtime/ref.h"

namespace ftpy {

enum class CompileMode { kExec, kEval, kSingle };

// compile() flag (CPython's value): an error at the end of the input is
// SyntaxError("incomplete input").
constexpr int kPyCFAllowIncompleteInput = 0x4000;
// compile() flag: in 'single' mode the end of input closes no indented block.
constexpr int kPyCFDontImplyDedent = 0x200;
// Internal: the source is a file the interpreter read itself (the script,
// stdin), which CPython tokenizes from the file and words some errors
// differently (SyntaxErrorInfo::file_msg). Not a compile() flag.
constexpr int kFtpyCFFileInput = 0x40000000;

// Compile source to a code object; raises SyntaxError (with filename, line,
// offset, text) on bad input.
Ref<> compile_source(std::string_view source, std::string_view filename, CompileMode mode, int flags = 0,
                     int optimize = -1);
// compile()'s optimize argument: -1 means the interpreter's level (-O,
// PYTHONOPTIMIZE), as sys.flags.optimize reports it.
int effective_optimize(int optimize);
// Raise the SyntaxError (or IndentationError, TabError, RecursionError) a
// front-end error describes; nothing new if e.type is empty (an exception is
// already pending). Always returns null.
std::nullptr_t raise_syntax_error(const SyntaxErrorInfo& e, std::string_view filename);
// Issues the front end's warnings (CompileOptions::warnings) through
// warnings.warn_explicit. False with an exception pending if one raised: a
// warning a filter raises becomes the SyntaxError it describes.
bool issue_compile_warnings(std::vector<SyntaxWarningInfo>& warnings, std::string_view filename);
// Compile and run; `locals` may be null (then globals). Returns the value of an
// eval-mode expression, None for exec.
Ref<> run_source(std::string_view source, std::string_view filename, CompileMode mode, Value globals,
                 Value locals, int flags = 0);

}  // namespace ftpy
