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
  int lineno = 0, offset = 0, end_lineno = 0, end_offset = 0;
  std::string text;         // the source line (with its newline, as CPython)
  bool incomplete = false;  // input ended inside an unfinished construct
  // Found after parsing (symbol table, compiler): CPython then takes the
  // line from the file named, so source compiled from a string has none.
  bool text_from_file = false;
};

struct SyntaxWarningInfo {
  std::string category = "SyntaxWarning";  // or "DeprecationWarning"
  std::string msg;
  int lineno = 0, col_offset = 0;  // col_offset: 0-based UTF-8 byte column
};

}  // namespace ftpy
