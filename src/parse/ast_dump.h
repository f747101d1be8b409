// Renders an AST exactly like CPython's ast.dump(tree, include_attributes=...)
// (the 3.11 layout: fields in ASDL order, None optional fields omitted, empty
// lists shown as []). Fields that only exist in 3.12+ (type_params,
// default_value) are printed only when non-empty so 3.11-era trees compare
// equal. Used by tools/ftpy_astdump and the unit tests.
#pragma once

#include <string>

#include "parse/ast.h"

namespace ftpy {

struct AstDumpOptions {
  bool include_attributes = false;
  // Give every node inside a JoinedStr the JoinedStr's own position, as
  // CPython 3.11 does (3.12+ tracks real positions inside f-strings).
  bool compat311_fstring_positions = false;
};

std::string ast_dump(const ast::Mod* mod, const AstDumpOptions& opts);
std::string ast_dump_expr(const ast::Expr* e, const AstDumpOptions& opts);

// Python's repr() of constants, shared with other tools.
std::string py_repr_str(const std::string& utf8);
std::string py_repr_bytes(const std::string& bytes);
std::string py_repr_float(double d, bool add_dot_zero = true);
std::string int_digits_to_decimal(const std::string& digits, int base);
std::string py_repr_constant(const ast::ConstantValue& v);

}  // namespace ftpy
