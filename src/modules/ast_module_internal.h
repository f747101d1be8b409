// Shared by the _ast module files: the table of node classes and the state
// that holds them.
#pragma once

#include <cstdint>

#include "runtime/ref.h"

namespace ftpy::astmod {

// One row per class of Python 3.11's ast module, in the documented abstract
// grammar: X(name, base, fields, attributes). `fields` uses the grammar's
// notation ("expr? value": optional, "stmt* body": a list); nullptr marks an
// abstract class (a sum type). `attributes` is non-null where the class itself
// declares _attributes. A trailing "_" in a name (operator_) only avoids a
// C++ keyword; the Python name has none. Docstrings and class-level None defaults derive from
// the same strings.
#define FTPY_AST_POS "int lineno, int col_offset, int? end_lineno, int? end_col_offset"
#define FTPY_AST_NODES(X)                                                                                  \
  X(mod, AST, nullptr, "")                                                                                 \
  X(Module, mod, "stmt* body, type_ignore* type_ignores", nullptr)                                         \
  X(Interactive, mod, "stmt* body", nullptr)                                                               \
  X(Expression, mod, "expr body", nullptr)                                                                 \
  X(FunctionType, mod, "expr* argtypes, expr returns", nullptr)                                            \
  X(stmt, AST, nullptr, FTPY_AST_POS)                                                                      \
  X(FunctionDef, stmt,                                                                                     \
    "identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment", \
    nullptr)                                                                                               \
  X(AsyncFunctionDef, stmt,                                                                                \
    "identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment", \
    nullptr)                                                                                               \
  X(ClassDef, stmt, "identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list", nullptr) \
  X(Return, stmt, "expr? value", nullptr)                                                                  \
  X(Delete, stmt, "expr* targets", nullptr)                                                                \
  X(Assign, stmt, "expr* targets, expr value, string? type_comment", nullptr)                             \
  X(AugAssign, stmt, "expr target, operator op, expr value", nullptr)                                      \
  X(AnnAssign, stmt, "expr target, expr annotation, expr? value, int simple", nullptr)                    \
  X(For, stmt, "expr target, expr iter, stmt* body, stmt* orelse, string? type_comment", nullptr)         \
  X(AsyncFor, stmt, "expr target, expr iter, stmt* body, stmt* orelse, string? type_comment", nullptr)    \
  X(While, stmt, "expr test, stmt* body, stmt* orelse", nullptr)                                           \
  X(If, stmt, "expr test, stmt* body, stmt* orelse", nullptr)                                              \
  X(With, stmt, "withitem* items, stmt* body, string? type_comment", nullptr)                             \
  X(AsyncWith, stmt, "withitem* items, stmt* body, string? type_comment", nullptr)                        \
  X(Match, stmt, "expr subject, match_case* cases", nullptr)                                               \
  X(Raise, stmt, "expr? exc, expr? cause", nullptr)                                                        \
  X(Try, stmt, "stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody", nullptr)             \
  X(TryStar, stmt, "stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody", nullptr)         \
  X(Assert, stmt, "expr test, expr? msg", nullptr)                                                         \
  X(Import, stmt, "alias* names", nullptr)                                                                 \
  X(ImportFrom, stmt, "identifier? module, alias* names, int? level", nullptr)                            \
  X(Global, stmt, "identifier* names", nullptr)                                                            \
  X(Nonlocal, stmt, "identifier* names", nullptr)                                                          \
  X(Expr, stmt, "expr value", nullptr)                                                                     \
  X(Pass, stmt, "", nullptr)                                                                               \
  X(Break, stmt, "", nullptr)                                                                              \
  X(Continue, stmt, "", nullptr)                                                                           \
  X(expr, AST, nullptr, FTPY_AST_POS)                                                                      \
  X(BoolOp, expr, "boolop op, expr* values", nullptr)                                                      \
  X(NamedExpr, expr, "expr target, expr value", nullptr)                                                   \
  X(BinOp, expr, "expr left, operator op, expr right", nullptr)                                            \
  X(UnaryOp, expr, "unaryop op, expr operand", nullptr)                                                    \
  X(Lambda, expr, "arguments args, expr body", nullptr)                                                    \
  X(IfExp, expr, "expr test, expr body, expr orelse", nullptr)                                             \
  X(Dict, expr, "expr* keys, expr* values", nullptr)                                                       \
  X(Set, expr, "expr* elts", nullptr)                                                                      \
  X(ListComp, expr, "expr elt, comprehension* generators", nullptr)                                        \
  X(SetComp, expr, "expr elt, comprehension* generators", nullptr)                                         \
  X(DictComp, expr, "expr key, expr value, comprehension* generators", nullptr)                            \
  X(GeneratorExp, expr, "expr elt, comprehension* generators", nullptr)                                    \
  X(Await, expr, "expr value", nullptr)                                                                    \
  X(Yield, expr, "expr? value", nullptr)                                                                   \
  X(YieldFrom, expr, "expr value", nullptr)                                                                \
  X(Compare, expr, "expr left, cmpop* ops, expr* comparators", nullptr)                                    \
  X(Call, expr, "expr func, expr* args, keyword* keywords", nullptr)                                       \
  X(FormattedValue, expr, "expr value, int conversion, expr? format_spec", nullptr)                        \
  X(JoinedStr, expr, "expr* values", nullptr)                                                              \
  X(Constant, expr, "constant value, string? kind", nullptr)                                               \
  X(Attribute, expr, "expr value, identifier attr, expr_context ctx", nullptr)                             \
  X(Subscript, expr, "expr value, expr slice, expr_context ctx", nullptr)                                  \
  X(Starred, expr, "expr value, expr_context ctx", nullptr)                                                \
  X(Name, expr, "identifier id, expr_context ctx", nullptr)                                                \
  X(List, expr, "expr* elts, expr_context ctx", nullptr)                                                   \
  X(Tuple, expr, "expr* elts, expr_context ctx", nullptr)                                                  \
  X(Slice, expr, "expr? lower, expr? upper, expr? step", nullptr)                                          \
  X(expr_context, AST, nullptr, "")                                                                        \
  X(Load, expr_context, "", nullptr)                                                                       \
  X(Store, expr_context, "", nullptr)                                                                      \
  X(Del, expr_context, "", nullptr)                                                                        \
  X(boolop, AST, nullptr, "")                                                                              \
  X(And, boolop, "", nullptr)                                                                              \
  X(Or, boolop, "", nullptr)                                                                               \
  X(operator_, AST, nullptr, "")                                                                            \
  X(Add, operator_, "", nullptr)                                                                            \
  X(Sub, operator_, "", nullptr)                                                                            \
  X(Mult, operator_, "", nullptr)                                                                           \
  X(MatMult, operator_, "", nullptr)                                                                        \
  X(Div, operator_, "", nullptr)                                                                            \
  X(Mod, operator_, "", nullptr)                                                                            \
  X(Pow, operator_, "", nullptr)                                                                            \
  X(LShift, operator_, "", nullptr)                                                                         \
  X(RShift, operator_, "", nullptr)                                                                         \
  X(BitOr, operator_, "", nullptr)                                                                          \
  X(BitXor, operator_, "", nullptr)                                                                         \
  X(BitAnd, operator_, "", nullptr)                                                                         \
  X(FloorDiv, operator_, "", nullptr)                                                                       \
  X(unaryop, AST, nullptr, "")                                                                             \
  X(Invert, unaryop, "", nullptr)                                                                          \
  X(Not, unaryop, "", nullptr)                                                                             \
  X(UAdd, unaryop, "", nullptr)                                                                            \
  X(USub, unaryop, "", nullptr)                                                                            \
  X(cmpop, AST, nullptr, "")                                                                               \
  X(Eq, cmpop, "", nullptr)                                                                                \
  X(NotEq, cmpop, "", nullptr)                                                                             \
  X(Lt, cmpop, "", nullptr)                                                                                \
  X(LtE, cmpop, "", nullptr)                                                                               \
  X(Gt, cmpop, "", nullptr)                                                                                \
  X(GtE, cmpop, "", nullptr)                                                                               \
  X(Is, cmpop, "", nullptr)                                                                                \
  X(IsNot, cmpop, "", nullptr)                                                                             \
  X(In, cmpop, "", nullptr)                                                                                \
  X(NotIn, cmpop, "", nullptr)                                                                             \
  X(comprehension, AST, "expr target, expr iter, expr* ifs, int is_async", "")                             \
  X(excepthandler, AST, nullptr, FTPY_AST_POS)                                                             \
  X(ExceptHandler, excepthandler, "expr? type, identifier? name, stmt* body", nullptr)                     \
  X(arguments, AST,                                                                                        \
    "arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults", "") \
  X(arg, AST, "identifier arg, expr? annotation, string? type_comment", FTPY_AST_POS)                      \
  X(keyword, AST, "identifier? arg, expr value", FTPY_AST_POS)                                             \
  X(alias, AST, "identifier name, identifier? asname", FTPY_AST_POS)                                       \
  X(withitem, AST, "expr context_expr, expr? optional_vars", "")                                           \
  X(match_case, AST, "pattern pattern, expr? guard, stmt* body", "")                                       \
  X(pattern, AST, nullptr, "int lineno, int col_offset, int end_lineno, int end_col_offset")               \
  X(MatchValue, pattern, "expr value", nullptr)                                                            \
  X(MatchSingleton, pattern, "constant value", nullptr)                                                    \
  X(MatchSequence, pattern, "pattern* patterns", nullptr)                                                  \
  X(MatchMapping, pattern, "expr* keys, pattern* patterns, identifier? rest", nullptr)                     \
  X(MatchClass, pattern, "expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns", nullptr) \
  X(MatchStar, pattern, "identifier? name", nullptr)                                                       \
  X(MatchAs, pattern, "pattern? pattern, identifier? name", nullptr)                                       \
  X(MatchOr, pattern, "pattern* patterns", nullptr)                                                        \
  X(type_ignore, AST, nullptr, "")                                                                         \
  X(TypeIgnore, type_ignore, "int lineno, string tag", nullptr)

enum class N : uint16_t {
#define FTPY_X(name, base, fields, attrs) name,
  FTPY_AST_NODES(FTPY_X)
#undef FTPY_X
      kCount
};
constexpr int kNumNodes = static_cast<int>(N::kCount);

// Built once when _ast is first imported, then immutable; published with a
// release store, so readers need no lock.
struct AstState {
  Value base;                // _ast.AST (a static type)
  Value cls[kNumNodes];      // the node classes (heap types, immortal)
  // The shared instance of each field-less class of expr_context, boolop,
  // operator, unaryop and cmpop (CPython hands out one Load() etc.); null
  // for other classes.
  Value singleton[kNumNodes];
};

// The state, importing _ast first if needed; null with an exception pending.
const AstState* ast_state();

inline Value cls_of(const AstState& s, N n) { return s.cls[static_cast<int>(n)]; }

}  // namespace ftpy::astmod
