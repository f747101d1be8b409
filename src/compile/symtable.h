// Symbol table: scope analysis over the AST, following CPython's
// symtable.c rules (3.11 behaviour, plus the PEP 695 annotation scopes of
// 3.12+ for type parameters and type aliases).
//
// Every function, lambda, class, comprehension and generator expression gets
// its own Scope (list/set/dict comprehensions are NOT inlined as PEP 709
// does; the observable scoping is the same). Each name in a scope has DEF_*
// flags (what the scope does with it) and a resolved SymScope (where the
// compiler finds it: fast local, cell, free var, global, or by name).
//
// Names are stored mangled (class-private "__x" -> "_Class__x"), exactly as
// CPython's symtable stores them; the compiler must mangle the same way
// (see mangle()).
//
// Known difference from 3.14: annotations follow the 3.11 rules (evaluated
// in the enclosing scope, or not at all under `from __future__ import
// annotations`); PEP 649 lazy __annotate__ scopes are not modelled yet.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parse/ast.h"
#include "parse/syntax_error.h"

namespace ftpy {

// Flag bits, numerically identical to CPython 3.11's DEF_* so tools can
// compare raw values.
enum SymFlag : uint32_t {
  kDefGlobal = 1,       // global statement
  kDefLocal = 2,        // assignment / binding in this scope
  kDefParam = 4,        // formal parameter
  kDefNonlocal = 8,     // nonlocal statement
  kUse = 16,            // read
  kDefFree = 32,        // (unused by analysis, kept for parity)
  kDefFreeClass = 64,   // free in a method, also bound in the class body
  kDefImport = 128,     // bound by import
  kDefAnnot = 256,      // annotated (x: int)
  kDefCompIter = 512,   // comprehension iteration variable
  kDefTypeParam = 1024, // PEP 695 type parameter
  kDefBound = kDefLocal | kDefParam | kDefImport,
};

enum class SymScope : uint8_t { None = 0, Local = 1, GlobalExplicit = 2, GlobalImplicit = 3, Free = 4, Cell = 5 };
const char* name_of(SymScope s);

enum class BlockType : uint8_t {
  Function, Class, Module,
  Annotation,       // 3.12+: annotation scope (unused with 3.11 annotation rules)
  TypeVarBound,     // lazily evaluated TypeVar bound/default
  TypeAlias,        // value of a `type X = ...` statement
  TypeParameters,   // the scope holding a generic's type parameters
};
const char* name_of(BlockType t);  // "function", "class", "module", ...

enum class ComprehensionKind : uint8_t { None, List, Set, Dict, Generator };

struct Symbol {
  std::string name;
  uint32_t flags = 0;
  SymScope scope = SymScope::None;
  bool is(uint32_t f) const { return (flags & f) != 0; }
};

class Scope {
 public:
  BlockType type = BlockType::Module;
  std::string name;  // "top", function/class name, "lambda", "listcomp", "genexpr", ...
  int lineno = 0, col_offset = 0;
  const void* node = nullptr;  // the ast node that created it (Mod for the module)
  Scope* parent = nullptr;
  std::vector<Scope*> children;
  std::vector<Symbol> symbols;          // in first-seen order
  std::vector<std::string> varnames;    // parameters in order (incl. ".0" for comprehensions)
  ComprehensionKind comprehension = ComprehensionKind::None;
  bool nested = false;            // enclosed by a function-like scope
  bool has_free = false;          // references free variables
  bool child_free = false;        // some child has free variables
  bool is_generator = false;
  bool is_coroutine = false;
  bool has_varargs = false, has_varkeywords = false;
  bool returns_value = false;
  bool needs_class_closure = false;  // class: a method uses __class__/super()
  bool needs_classdict = false;      // reserved (PEP 695 class scopes)
  bool is_async_generator() const { return is_generator && is_coroutine; }
  bool is_function_like() const { return type != BlockType::Class && type != BlockType::Module; }

  const Symbol* lookup(std::string_view name) const;
  SymScope scope_of(std::string_view name) const {
    const Symbol* s = lookup(name);
    return s ? s->scope : SymScope::None;
  }

  // Builder internals.
  Symbol& get_or_add(const std::string& name);
  std::unordered_map<std::string, size_t> index;
  int comp_iter_expr = 0;
  bool comp_iter_target = false;
};

class SymbolTable {
 public:
  Scope* top = nullptr;
  std::vector<std::unique_ptr<Scope>> scopes;
  std::unordered_map<const void*, Scope*> by_node;
  bool future_annotations = false;
  // The scope created by an AST node (FunctionDef, ClassDef, Lambda,
  // comprehension expressions, TypeAlias, the Mod), or null. A TypeVar's
  // lazily evaluated bound/default scope is keyed by the address of the
  // TypeParam field (&tp->bound, &tp->default_value).
  Scope* lookup(const void* node) const {
    auto it = by_node.find(node);
    return it == by_node.end() ? nullptr : it->second;
  }
  // The type-parameter scope of a generic def/class/type alias, or null.
  Scope* type_params_scope(const void* node) const {
    auto it = type_param_scopes.find(node);
    return it == type_param_scopes.end() ? nullptr : it->second;
  }
  std::unordered_map<const void*, Scope*> type_param_scopes;
};

struct SymtableOptions {
  // Also report the errors CPython's compiler (not its symtable) raises:
  // 'return'/'yield'/'await' outside function.
  bool compiler_checks = true;
};

// Builds the table; on error returns null and fills *err. `source` (the
// ParseResult's normalised source) is used for error text and offsets.
std::unique_ptr<SymbolTable> build_symtable(const ast::Mod* mod, std::string_view source,
                                            SyntaxErrorInfo* err,
                                            const SymtableOptions& opts = {});

// CPython's private-name mangling: "__x" inside class "_Foo" -> "_Foo__x".
std::string mangle(std::string_view class_name, std::string_view name);

}  // namespace ftpy
