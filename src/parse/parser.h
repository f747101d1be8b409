// Public entry point of the front end: source text -> AST (or SyntaxError).
//
//   ParseResult r = ftpy::parse(source, "<string>", ParseMode::Exec);
//   if (r.error) report(*r.error); else compile(r.mod);
//
// The result owns the arena with every AST node; keep it alive while the AST
// is in use. SyntaxWarnings (invalid escape sequences, "1if" style number
// endings, ...) are collected in `warnings` for the compiler to emit.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "parse/arena.h"
#include "parse/ast.h"
#include "parse/syntax_error.h"

namespace ftpy {

enum class ParseMode {
  Exec,    // a module: ast::Module
  Eval,    // a single expression: ast::Expression
  Single,  // one interactive statement: ast::Interactive
  // Single under compile()'s PyCF_DONT_IMPLY_DEDENT (codeop): the end of
  // the input does not close an indented block, so any compound statement
  // needs a trailing newline.
  SingleNoImpliedDedent,
};

struct ParseResult {
  std::unique_ptr<Arena> arena;
  ast::Mod* mod = nullptr;  // null iff error
  std::optional<SyntaxErrorInfo> error;
  std::vector<SyntaxWarningInfo> warnings;
  // The normalised source (BOM stripped, newlines translated, latin-1 decoded)
  // the positions refer to; tools use it for source segments.
  std::string source;
};

ParseResult parse(std::string_view source, std::string_view filename, ParseMode mode);

// Name CPython's _PyPegen_get_expr_name gives an expression in messages
// ("literal", "function call", ...); shared with the symbol table.
const char* expr_name_for_error(const ast::Expr* e);

}  // namespace ftpy
