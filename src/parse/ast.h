// The Python 3.14 abstract syntax tree: the contract between parser and
// compiler.
//
// Shape: node and field names follow CPython's `ast` module one to one
// (Python.asdl), in the same field order. Where C++ forbids or collides with
// a name the struct is renamed and the kind keeps the Python name:
//   statement `Expr` -> struct ExprStmt (kind StmtKind::Expr);
//   `arguments`, `arg`, `keyword`, `alias`, `withitem`, `match_case`,
//   `comprehension`, `ExceptHandler`, `TypeIgnore` -> CamelCase structs.
// Async twins share one struct and differ by kind: FunctionDef covers
// FunctionDef/AsyncFunctionDef, For covers For/AsyncFor, With covers
// With/AsyncWith, Try covers Try/TryStar.
//
// Ownership: every node lives in the Arena owned by the ParseResult; all
// pointers are non-owning and valid as long as that result lives.
//
// Optional fields: `expr?` fields are nullable pointers; optional identifiers
// (ImportFrom.module, alias.asname, keyword.arg, ExceptHandler.name,
// MatchAs.name, MatchStar.name, MatchMapping.rest, ...) are std::string and
// empty means None (identifiers are never empty). Dict.keys holds nullptr
// for `**d` entries; arguments.kw_defaults holds nullptr for "no default".
//
// Positions: every node with attributes in CPython (expressions, statements,
// patterns, type params, arg, keyword, alias, ExceptHandler) has lineno /
// end_lineno (1-based) and col_offset / end_col_offset (0-based UTF-8 byte
// offsets, end exclusive) exactly like CPython.
//
// Strings are UTF-8 std::string. A str constant can hold lone surrogates
// (from "\ud800" escapes); they are stored as their 3-byte generalised UTF-8
// form (WTF-8). Identifiers are NFKC-normalised when non-ASCII.
//
// Constants: see ConstantValue below. Ints keep their exact digits so the
// compiler can build arbitrary-precision values.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "parse/arena.h"

namespace ftpy::ast {

struct Located {
  int lineno = 0, col_offset = 0, end_lineno = 0, end_col_offset = 0;
};

enum class ExprContext : uint8_t { Load, Store, Del };
enum class BoolOpKind : uint8_t { And, Or };
enum class OperatorKind : uint8_t {
  Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};
enum class UnaryOpKind : uint8_t { Invert, Not, UAdd, USub };
enum class CmpOpKind : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

const char* name_of(ExprContext);
const char* name_of(BoolOpKind);
const char* name_of(OperatorKind);
const char* name_of(UnaryOpKind);
const char* name_of(CmpOpKind);

struct ConstantValue {
  enum class Kind : uint8_t { None, True, False, Ellipsis, Int, Float, Complex, Str, Bytes };
  Kind kind = Kind::None;
  int int_base = 10;   // Int: base of the digits in `text` (2, 8, 10 or 16)
  double number = 0;   // Float: the value; Complex: the imaginary part (real is 0)
  std::string text;    // Int: digits, no prefix/underscores/sign; Str: UTF-8; Bytes: raw
};

// ---- expressions -----------------------------------------------------------

#define FTPY_EXPR_KINDS(X)                                                     \
  X(BoolOp) X(NamedExpr) X(BinOp) X(UnaryOp) X(Lambda) X(IfExp) X(Dict) X(Set) \
  X(ListComp) X(SetComp) X(DictComp) X(GeneratorExp) X(Await) X(Yield)         \
  X(YieldFrom) X(Compare) X(Call) X(FormattedValue) X(Interpolation)           \
  X(JoinedStr) X(TemplateStr) X(Constant) X(Attribute) X(Subscript) X(Starred) \
  X(Name) X(List) X(Tuple) X(Slice)

enum class ExprKind : uint8_t {
#define FTPY_X(n) n,
  FTPY_EXPR_KINDS(FTPY_X)
#undef FTPY_X
};
const char* name_of(ExprKind);

struct Expr : Located {
  ExprKind kind;
  explicit Expr(ExprKind k) : kind(k) {}
};

template <ExprKind K>
struct ExprOf : Expr {
  static bool matches(ExprKind k) { return k == K; }
  ExprOf() : Expr(K) {}
};

struct Arguments;
struct Comprehension;
struct Keyword;

struct BoolOp : ExprOf<ExprKind::BoolOp> { BoolOpKind op{}; std::vector<Expr*> values; };
struct NamedExpr : ExprOf<ExprKind::NamedExpr> { Expr* target = nullptr; Expr* value = nullptr; };
struct BinOp : ExprOf<ExprKind::BinOp> { Expr* left = nullptr; OperatorKind op{}; Expr* right = nullptr; };
struct UnaryOp : ExprOf<ExprKind::UnaryOp> { UnaryOpKind op{}; Expr* operand = nullptr; };
struct Lambda : ExprOf<ExprKind::Lambda> { Arguments* args = nullptr; Expr* body = nullptr; };
struct IfExp : ExprOf<ExprKind::IfExp> { Expr* test = nullptr; Expr* body = nullptr; Expr* orelse = nullptr; };
struct Dict : ExprOf<ExprKind::Dict> { std::vector<Expr*> keys; std::vector<Expr*> values; };
struct Set : ExprOf<ExprKind::Set> { std::vector<Expr*> elts; };
struct ListComp : ExprOf<ExprKind::ListComp> { Expr* elt = nullptr; std::vector<Comprehension*> generators; };
struct SetComp : ExprOf<ExprKind::SetComp> { Expr* elt = nullptr; std::vector<Comprehension*> generators; };
struct DictComp : ExprOf<ExprKind::DictComp> {
  Expr* key = nullptr; Expr* value = nullptr; std::vector<Comprehension*> generators;
};
struct GeneratorExp : ExprOf<ExprKind::GeneratorExp> { Expr* elt = nullptr; std::vector<Comprehension*> generators; };
struct Await : ExprOf<ExprKind::Await> { Expr* value = nullptr; };
struct Yield : ExprOf<ExprKind::Yield> { Expr* value = nullptr; };
struct YieldFrom : ExprOf<ExprKind::YieldFrom> { Expr* value = nullptr; };
struct Compare : ExprOf<ExprKind::Compare> {
  Expr* left = nullptr; std::vector<CmpOpKind> ops; std::vector<Expr*> comparators;
};
struct Call : ExprOf<ExprKind::Call> {
  Expr* func = nullptr; std::vector<Expr*> args; std::vector<Keyword*> keywords;
};
// conversion: -1 (none) or the character code of 's', 'r', 'a'.
struct FormattedValue : ExprOf<ExprKind::FormattedValue> {
  Expr* value = nullptr; int conversion = -1; Expr* format_spec = nullptr;  // JoinedStr or null
};
// PEP 750 t-string part; `str` is the expression's source text.
struct Interpolation : ExprOf<ExprKind::Interpolation> {
  Expr* value = nullptr; std::string str; int conversion = -1; Expr* format_spec = nullptr;
};
struct JoinedStr : ExprOf<ExprKind::JoinedStr> { std::vector<Expr*> values; };
struct TemplateStr : ExprOf<ExprKind::TemplateStr> { std::vector<Expr*> values; };
// kind is "u" for u-prefixed string literals, otherwise empty (None).
struct Constant : ExprOf<ExprKind::Constant> { ConstantValue value; std::string kind; };
struct Attribute : ExprOf<ExprKind::Attribute> {
  Expr* value = nullptr; std::string attr; ExprContext ctx = ExprContext::Load;
};
struct Subscript : ExprOf<ExprKind::Subscript> {
  Expr* value = nullptr; Expr* slice = nullptr; ExprContext ctx = ExprContext::Load;
};
struct Starred : ExprOf<ExprKind::Starred> { Expr* value = nullptr; ExprContext ctx = ExprContext::Load; };
struct Name : ExprOf<ExprKind::Name> { std::string id; ExprContext ctx = ExprContext::Load; };
struct List : ExprOf<ExprKind::List> { std::vector<Expr*> elts; ExprContext ctx = ExprContext::Load; };
struct Tuple : ExprOf<ExprKind::Tuple> { std::vector<Expr*> elts; ExprContext ctx = ExprContext::Load; };
struct Slice : ExprOf<ExprKind::Slice> { Expr* lower = nullptr; Expr* upper = nullptr; Expr* step = nullptr; };

// ---- helper nodes ------------------------------------------------------------

struct Comprehension {  // no positions
  Expr* target = nullptr; Expr* iter = nullptr; std::vector<Expr*> ifs; int is_async = 0;
};
struct Arg : Located { std::string arg; Expr* annotation = nullptr; std::string type_comment; };
struct Arguments {  // no positions
  std::vector<Arg*> posonlyargs, args;
  Arg* vararg = nullptr;
  std::vector<Arg*> kwonlyargs;
  std::vector<Expr*> kw_defaults;  // parallel to kwonlyargs; nullptr = no default
  Arg* kwarg = nullptr;
  std::vector<Expr*> defaults;     // for the last len(defaults) of posonlyargs+args
};
struct Keyword : Located { std::string arg; /* empty for **kwargs */ Expr* value = nullptr; };
struct Alias : Located { std::string name, asname; };
struct Stmt;
struct WithItem { Expr* context_expr = nullptr; Expr* optional_vars = nullptr; };
struct ExceptHandler : Located { Expr* type = nullptr; std::string name; std::vector<Stmt*> body; };
struct TypeIgnore { int lineno = 0; std::string tag; };

// ---- patterns ------------------------------------------------------------------

#define FTPY_PATTERN_KINDS(X) \
  X(MatchValue) X(MatchSingleton) X(MatchSequence) X(MatchMapping) X(MatchClass) X(MatchStar) X(MatchAs) X(MatchOr)

enum class PatternKind : uint8_t {
#define FTPY_X(n) n,
  FTPY_PATTERN_KINDS(FTPY_X)
#undef FTPY_X
};
const char* name_of(PatternKind);

struct Pattern : Located {
  PatternKind kind;
  explicit Pattern(PatternKind k) : kind(k) {}
};
template <PatternKind K>
struct PatternOf : Pattern {
  static bool matches(PatternKind k) { return k == K; }
  PatternOf() : Pattern(K) {}
};
struct MatchValue : PatternOf<PatternKind::MatchValue> { Expr* value = nullptr; };
struct MatchSingleton : PatternOf<PatternKind::MatchSingleton> { ConstantValue value; };  // None/True/False
struct MatchSequence : PatternOf<PatternKind::MatchSequence> { std::vector<Pattern*> patterns; };
struct MatchMapping : PatternOf<PatternKind::MatchMapping> {
  std::vector<Expr*> keys; std::vector<Pattern*> patterns; std::string rest;
};
struct MatchClass : PatternOf<PatternKind::MatchClass> {
  Expr* cls = nullptr; std::vector<Pattern*> patterns; std::vector<std::string> kwd_attrs;
  std::vector<Pattern*> kwd_patterns;
};
struct MatchStar : PatternOf<PatternKind::MatchStar> { std::string name; };
struct MatchAs : PatternOf<PatternKind::MatchAs> { Pattern* pattern = nullptr; std::string name; };
struct MatchOr : PatternOf<PatternKind::MatchOr> { std::vector<Pattern*> patterns; };

struct MatchCase { Pattern* pattern = nullptr; Expr* guard = nullptr; std::vector<Stmt*> body; };

// ---- type parameters (PEP 695 / 696) ----------------------------------------------

enum class TypeParamKind : uint8_t { TypeVar, ParamSpec, TypeVarTuple };
const char* name_of(TypeParamKind);
struct TypeParam : Located {
  TypeParamKind kind = TypeParamKind::TypeVar;
  std::string name;
  Expr* bound = nullptr;          // TypeVar only
  Expr* default_value = nullptr;
};

// ---- statements ------------------------------------------------------------------

#define FTPY_STMT_KINDS(X)                                                      \
  X(FunctionDef) X(AsyncFunctionDef) X(ClassDef) X(Return) X(Delete) X(Assign) \
  X(TypeAlias) X(AugAssign) X(AnnAssign) X(For) X(AsyncFor) X(While) X(If)     \
  X(With) X(AsyncWith) X(Match) X(Raise) X(Try) X(TryStar) X(Assert) X(Import) \
  X(ImportFrom) X(Global) X(Nonlocal) X(Expr) X(Pass) X(Break) X(Continue)

enum class StmtKind : uint8_t {
#define FTPY_X(n) n,
  FTPY_STMT_KINDS(FTPY_X)
#undef FTPY_X
};
const char* name_of(StmtKind);

struct Stmt : Located {
  StmtKind kind;
  explicit Stmt(StmtKind k) : kind(k) {}
};
template <StmtKind K>
struct StmtOf : Stmt {
  static bool matches(StmtKind k) { return k == K; }
  StmtOf() : Stmt(K) {}
};

struct FunctionDef : Stmt {  // FunctionDef or AsyncFunctionDef
  static bool matches(StmtKind k) { return k == StmtKind::FunctionDef || k == StmtKind::AsyncFunctionDef; }
  explicit FunctionDef(bool is_async = false)
      : Stmt(is_async ? StmtKind::AsyncFunctionDef : StmtKind::FunctionDef) {}
  bool is_async() const { return kind == StmtKind::AsyncFunctionDef; }
  std::string name;
  Arguments* args = nullptr;
  std::vector<Stmt*> body;
  std::vector<Expr*> decorator_list;
  Expr* returns = nullptr;
  std::string type_comment;
  std::vector<TypeParam*> type_params;
};
struct ClassDef : StmtOf<StmtKind::ClassDef> {
  std::string name;
  std::vector<Expr*> bases;
  std::vector<Keyword*> keywords;
  std::vector<Stmt*> body;
  std::vector<Expr*> decorator_list;
  std::vector<TypeParam*> type_params;
};
struct Return : StmtOf<StmtKind::Return> { Expr* value = nullptr; };
struct Delete : StmtOf<StmtKind::Delete> { std::vector<Expr*> targets; };
struct Assign : StmtOf<StmtKind::Assign> { std::vector<Expr*> targets; Expr* value = nullptr; std::string type_comment; };
struct TypeAlias : StmtOf<StmtKind::TypeAlias> {
  Expr* name = nullptr; std::vector<TypeParam*> type_params; Expr* value = nullptr;
};
struct AugAssign : StmtOf<StmtKind::AugAssign> { Expr* target = nullptr; OperatorKind op{}; Expr* value = nullptr; };
struct AnnAssign : StmtOf<StmtKind::AnnAssign> {
  Expr* target = nullptr; Expr* annotation = nullptr; Expr* value = nullptr; int simple = 0;
};
struct For : Stmt {  // For or AsyncFor
  static bool matches(StmtKind k) { return k == StmtKind::For || k == StmtKind::AsyncFor; }
  explicit For(bool is_async = false) : Stmt(is_async ? StmtKind::AsyncFor : StmtKind::For) {}
  bool is_async() const { return kind == StmtKind::AsyncFor; }
  Expr* target = nullptr;
  Expr* iter = nullptr;
  std::vector<Stmt*> body, orelse;
  std::string type_comment;
};
struct While : StmtOf<StmtKind::While> { Expr* test = nullptr; std::vector<Stmt*> body, orelse; };
struct If : StmtOf<StmtKind::If> { Expr* test = nullptr; std::vector<Stmt*> body, orelse; };
struct With : Stmt {  // With or AsyncWith
  static bool matches(StmtKind k) { return k == StmtKind::With || k == StmtKind::AsyncWith; }
  explicit With(bool is_async = false) : Stmt(is_async ? StmtKind::AsyncWith : StmtKind::With) {}
  bool is_async() const { return kind == StmtKind::AsyncWith; }
  std::vector<WithItem*> items;
  std::vector<Stmt*> body;
  std::string type_comment;
};
struct Match : StmtOf<StmtKind::Match> { Expr* subject = nullptr; std::vector<MatchCase*> cases; };
struct Raise : StmtOf<StmtKind::Raise> { Expr* exc = nullptr; Expr* cause = nullptr; };
struct Try : Stmt {  // Try or TryStar
  static bool matches(StmtKind k) { return k == StmtKind::Try || k == StmtKind::TryStar; }
  explicit Try(bool star = false) : Stmt(star ? StmtKind::TryStar : StmtKind::Try) {}
  bool is_star() const { return kind == StmtKind::TryStar; }
  std::vector<Stmt*> body;
  std::vector<ExceptHandler*> handlers;
  std::vector<Stmt*> orelse, finalbody;
};
struct Assert : StmtOf<StmtKind::Assert> { Expr* test = nullptr; Expr* msg = nullptr; };
struct Import : StmtOf<StmtKind::Import> { std::vector<Alias*> names; };
struct ImportFrom : StmtOf<StmtKind::ImportFrom> {
  std::string module;  // empty for "from . import x"
  std::vector<Alias*> names;
  int level = 0;
};
struct Global : StmtOf<StmtKind::Global> { std::vector<std::string> names; };
struct Nonlocal : StmtOf<StmtKind::Nonlocal> { std::vector<std::string> names; };
struct ExprStmt : StmtOf<StmtKind::Expr> { Expr* value = nullptr; };
struct Pass : StmtOf<StmtKind::Pass> {};
struct Break : StmtOf<StmtKind::Break> {};
struct Continue : StmtOf<StmtKind::Continue> {};

// ---- modules --------------------------------------------------------------------

enum class ModKind : uint8_t { Module, Interactive, Expression };
struct Mod {
  ModKind kind;
  explicit Mod(ModKind k) : kind(k) {}
};
struct Module : Mod {
  Module() : Mod(ModKind::Module) {}
  static bool matches(ModKind k) { return k == ModKind::Module; }
  std::vector<Stmt*> body;
  std::vector<TypeIgnore*> type_ignores;
};
struct Interactive : Mod {
  Interactive() : Mod(ModKind::Interactive) {}
  static bool matches(ModKind k) { return k == ModKind::Interactive; }
  std::vector<Stmt*> body;
};
struct Expression : Mod {
  Expression() : Mod(ModKind::Expression) {}
  static bool matches(ModKind k) { return k == ModKind::Expression; }
  Expr* body = nullptr;
};

// ---- casts ---------------------------------------------------------------------------

// dyn<T>(node) is null when node is not a T; cast<T>(node) assumes it is.
template <class T, class B>
T* dyn(B* node) {
  return node && T::matches(node->kind) ? static_cast<T*>(node) : nullptr;
}
template <class T, class B>
const T* dyn(const B* node) {
  return node && T::matches(node->kind) ? static_cast<const T*>(node) : nullptr;
}
template <class T, class B>
T* cast(B* node) {
  return static_cast<T*>(node);
}
template <class T, class B>
const T* cast(const B* node) {
  return static_cast<const T*>(node);
}

}  // namespace ftpy::ast
