// The text `from __future__ import annotations` stores for an annotation:
// the expression unparsed as CPython's ast unparser writes it (string
// literals by their repr, one space after commas and around | and the other
// binary operators, no line breaks), so that __annotations__ and
// inspect.signature read as CPython's. Forms it does not know are written
// as their source text.
#pragma once

#include <functional>
#include <string>

#include "parse/ast.h"

namespace ftpy {

std::string unparse_annotation(const ast::Expr* e,
                               const std::function<std::string(const ast::Expr*)>& source_text);

}  // namespace ftpy
