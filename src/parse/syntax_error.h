// Error and warning records shared by tokenizer, parser and symbol table.
#pragma once

#include <string>

namespace ftpy {

struct SyntaxErrorInfo {
  std::string type = "SyntaxError";  // "SyntaxError", "IndentationError", "TabError"
  std::string msg;
  // 1-based line; offset/end_offset are 1-based columns counted in code
  // points, like SyntaxError.offset. end_offset may be 0 or -1 exactly where
  // CPython leaves it so.
  // end_offset may also be kNone: CPython leaves it None for errors located
  // by line and column alone (the __future__ checks).
  static constexpr int kNone = -1000000;
  int lineno = 0, offset = 0, end_lineno = 0, end_offset = 0;
  std::string text;         // the source line (with its newline, as CPython)
  bool incomplete = false;  // input ended inside an unfinished construct
  // Found after parsing (symbol table, compiler): CPython then takes the
  // line from the file named, so source compiled from a string has none.
  bool text_from_file = false;
  // Raised as SyntaxError(msg) alone, with no location: CPython's error for
  // a NUL byte in source given as a string. Source the interpreter read
  // from a file (kFtpyCFFileInput) gets file_msg at the NUL's line instead.
  bool message_only = false;
  std::string file_msg;
};

// A warning the front end found. It is issued through the warnings module
// once compiling is over (runtime/pythonrun.cpp); a filter that turns it into
// an exception of its own category makes it a SyntaxError at `as_error`'s
// location instead, as CPython does.
struct SyntaxWarningInfo {
  // Python 3.11's categories: the string parser's warnings ("invalid escape
  // sequence") are DeprecationWarnings; the tokenizer's ("invalid decimal
  // literal") and the compiler's ("is" with a literal) SyntaxWarnings.
  std::string category = "DeprecationWarning";
  std::string msg;
  int lineno = 0, col_offset = 0;  // col_offset: 0-based UTF-8 byte column
  int end_lineno = 0, end_col_offset = -1;  // -1: the end is the start
  bool text_without_newline = false;        // the tokenizer's: as_error.text has none
  SyntaxErrorInfo as_error;  // filled by compile_string() for the report
};

}  // namespace ftpy
