// Compiling and running source text: the top of the pipeline.
//   parse -> (SyntaxError) -> symbol table -> (SyntaxError) -> compile ->
//   code object -> vm_exec_code
// Front-end errors arrive as SyntaxErrorInfo records and become Python
// exceptions here, with CPython's argument layout:
//   SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset))
#include "runtime/pythonrun.h"

#include <fstream>
#include <vector>

#include "compile/compiler.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/interp.h"
#include "vm/eval.h"
#include "vm/import.h"

namespace ftpy {

namespace {

// Line `lineno` (1-based, with its newline) of the file `filename`.
bool read_source_line(std::string_view filename, int lineno, std::string* out) {
  if (lineno <= 0 || filename.empty() || filename.front() == '<') return false;
  std::ifstream in{std::string(filename)};
  if (!in) return false;
  std::string line;
  for (int i = 1; std::getline(in, line); i++) {
    if (i == lineno) {
      *out = line + "\n";
      return true;
    }
  }
  return false;
}

Type* syntax_error_type(const std::string& t) {
  if (t == "IndentationError") return g_IndentationError;
  if (t == "TabError") return g_TabError;
  return g_SyntaxError;
}

}  // namespace

std::nullptr_t raise_syntax_error(const SyntaxErrorInfo& e, std::string_view filename) {
  if (e.type.empty()) return nullptr;  // a Python exception is already pending
  if (e.type == "RecursionError") return err_set_str(g_RecursionError, e.msg.c_str());
  if (e.message_only) return err_set_str(g_SyntaxError, e.msg.c_str());
  Ref<> msg = str_from_utf8(e.msg);
  Ref<> fn = str_from_utf8(filename);
  Ref<> text = e.text.empty() && e.lineno <= 0 ? new_none() : Ref<>(str_from_utf8(e.text));
  if (e.text_from_file) {
    // As CPython: the line as the named file has it now, or None when there
    // is no such file (compile() of a string, -c).
    std::string line;
    text = read_source_line(filename, e.lineno, &line) ? Ref<>(str_from_utf8(line)) : new_none();
  }
  if (!msg || !fn || !text) return nullptr;
  Ref<> lineno = small_int(e.lineno), offset = small_int(e.offset), end_lineno = small_int(e.end_lineno),
        end_offset = e.end_offset == SyntaxErrorInfo::kNone ? new_none() : small_int(e.end_offset);
  Ref<> details = tuple_pack({fn.val(), lineno.val(), offset.val(), text.val(), end_lineno.val(), end_offset.val()});
  if (!details) return nullptr;
  Value args[2] = {msg.val(), details.val()};
  Ref<> exc = call(Value(syntax_error_type(e.type)), args, 2);
  if (!exc) return nullptr;
  return err_set_instance(exc.val());
}

bool issue_compile_warnings(std::vector<SyntaxWarningInfo>& warnings, std::string_view filename) {
  if (warnings.empty()) return true;
  Ref<> mod = import_module("warnings");
  Ref<> warn_explicit = mod ? getattr(mod.val(), "warn_explicit") : nullptr;
  if (!warn_explicit) {  // no warnings module (yet): nothing to issue them with
    err_clear();
    return true;
  }
  Ref<> fn = str_from_utf8(filename);
  if (!fn) return false;
  for (SyntaxWarningInfo& w : warnings) {
    Type* category = w.category == "SyntaxWarning" ? g_SyntaxWarning : g_DeprecationWarning;
    Ref<> msg = str_from_utf8(w.msg);
    Ref<> lineno = small_int(w.lineno);
    if (!msg || !lineno) return false;
    Value args[4] = {msg.val(), Value(category), fn.val(), lineno.val()};
    Ref<> r = call(warn_explicit.val(), args, 4);
    if (r) continue;
    // A filter raised the warning: CPython reports it as the SyntaxError it
    // describes, located at the offending code.
    if (err_matches(category)) {
      err_clear();
      raise_syntax_error(w.as_error, filename);
    }
    return false;
  }
  return true;
}

int effective_optimize(int optimize) { return optimize < 0 ? g_interp.config.optimize : optimize; }

Ref<> compile_source(std::string_view source, std::string_view filename, CompileMode mode, int flags,
                     int optimize) {
  CompileOptions opts;
  opts.optimize = effective_optimize(optimize);
  int m = mode == CompileMode::kEval ? 1 : mode == CompileMode::kSingle ? 2 : 0;
  if (m == 2 && (flags & kPyCFDontImplyDedent)) m = 3;
  std::vector<SyntaxWarningInfo> warnings;
  opts.warnings = &warnings;
  SyntaxErrorInfo err;
  Ref<Code> code = compile_string(source, filename, m, opts, &err);
  if (!warnings.empty()) {
    // An error that stopped the front end is pending already when
    // err.type is empty; the warnings found before it are still issued.
    Ref<> pending = code || !err.type.empty() ? nullptr : err_fetch();
    if (!issue_compile_warnings(warnings, filename)) return nullptr;
    if (pending) err_restore(std::move(pending));
  }
  if (!code) {
    // PyCF_ALLOW_INCOMPLETE_INPUT (codeop, code.InteractiveConsole): input
    // that ends inside an unfinished construct (open bracket, block header
    // with no body, triple-quoted string, trailing backslash, decorator
    // with nothing under it) reports "incomplete input", so the caller can
    // ask for more lines instead of showing an error.
    if ((flags & kPyCFAllowIncompleteInput) && err.incomplete && !err.type.empty() &&
        err.type != "RecursionError") {
      err.type = "SyntaxError";
      err.msg = "incomplete input";
    }
    if (err.message_only && (flags & kFtpyCFFileInput)) {
      err.message_only = false;
      err.msg = err.file_msg;
    }
    return raise_syntax_error(err, filename);
  }
  return code;
}

Ref<> run_source(std::string_view source, std::string_view filename, CompileMode mode, Value globals,
                 Value locals, int flags) {
  Ref<> code = compile_source(source, filename, mode, flags);
  if (!code) return nullptr;
  return vm_exec_code(code.val().as<Code>(), globals, locals);
}

}  // namespace ftpy
