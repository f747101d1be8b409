// The _ast module (ast_module.cpp): Python's AST node classes, and the two
// conversions compile() needs between them and the parser's internal tree
// (ast_module_to_py.cpp, ast_module_from_py.cpp).
#pragma once

#include <string_view>

#include "runtime/ref.h"

namespace ftpy {

// compile() flags that concern the AST (values as in CPython 3.11).
constexpr int kPyCFOnlyAst = 0x400;
constexpr int kPyCFTypeComments = 0x1000;
constexpr int kPyCFAllowTopLevelAwait = 0x2000;

Ref<> ast_module_create();

// Whether v is an instance of _ast.AST.
bool ast_is_node(Value v);

// compile(source, filename, mode, flags | PyCF_ONLY_AST): the tree as node
// objects. mode is "exec", "eval", "single" or "func_type".
Ref<> ast_parse_to_objects(std::string_view source, std::string_view filename, std::string_view mode);

// compile(tree, filename, mode): validate the node objects, rebuild the
// internal tree and compile it to a code object.
Ref<> ast_compile_objects(Value tree, std::string_view filename, std::string_view mode, int optimize);

}  // namespace ftpy
