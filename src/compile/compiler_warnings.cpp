// The compiler's SyntaxWarnings: Python 3.11's hints for code that is sure to
// fail or to surprise ("is" with a literal, a call or subscript of a literal
// that lost a comma, an assert of a tuple). They are collected in
// opts_.warnings and issued by the caller once compiling is over; a filter
// that turns them into errors makes them SyntaxErrors at the node's range.
#include "compile/compiler_internal.h"
#include "parse/unicode_support.h"

namespace ftpy::comp {

namespace {

const char* constant_type_name(const ConstantValue& v) {
  switch (v.kind) {
    case ConstantValue::Kind::None: return "NoneType";
    case ConstantValue::Kind::True:
    case ConstantValue::Kind::False: return "bool";
    case ConstantValue::Kind::Ellipsis: return "ellipsis";
    case ConstantValue::Kind::Int: return "int";
    case ConstantValue::Kind::Float: return "float";
    case ConstantValue::Kind::Complex: return "complex";
    case ConstantValue::Kind::Str: return "str";
    case ConstantValue::Kind::Bytes: return "bytes";
  }
  return "object";
}

bool is_number(const Expr* e) {
  if (e->kind != ExprKind::Constant) return false;
  auto k = cast<Constant>(e)->value.kind;
  return k == ConstantValue::Kind::Int || k == ConstantValue::Kind::Float || k == ConstantValue::Kind::Complex;
}

// CPython folds constant expressions before these checks run: a signed
// number and a tuple of constants are constants there.
bool folds_to_constant(const Expr* e) {
  if (e->kind == ExprKind::Constant) return true;
  // (`not 1` folds to a bool, which `is` compares fine: not a literal here.)
  if (e->kind == ExprKind::UnaryOp)
    return cast<ast::UnaryOp>(e)->op != UnaryOpKind::Not && is_number(cast<ast::UnaryOp>(e)->operand);
  if (e->kind == ExprKind::Tuple) {
    for (const Expr* x : cast<ast::Tuple>(e)->elts)
      if (!folds_to_constant(x)) return false;
    return true;
  }
  return false;
}

// The type a literal expression certainly has, as CPython's infer_type.
const char* inferred_type(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Tuple: return "tuple";
    case ExprKind::List:
    case ExprKind::ListComp: return "list";
    case ExprKind::Dict:
    case ExprKind::DictComp: return "dict";
    case ExprKind::Set:
    case ExprKind::SetComp: return "set";
    case ExprKind::GeneratorExp: return "generator";
    case ExprKind::Lambda: return "function";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "str";
    case ExprKind::Constant: return constant_type_name(cast<Constant>(e)->value);
    default: return nullptr;
  }
}

// An operand `is` may sensibly compare: anything but a literal, or one of
// the singletons.
bool is_arg_ok(const Expr* e) {
  if (!folds_to_constant(e)) return true;
  if (e->kind != ExprKind::Constant) return false;
  auto k = cast<Constant>(e)->value.kind;
  return k == ConstantValue::Kind::None || k == ConstantValue::Kind::True || k == ConstantValue::Kind::False ||
         k == ConstantValue::Kind::Ellipsis;
}

}  // namespace

void Compiler::warn(const Located* n, const std::string& msg) {
  if (!opts_.warnings) return;
  SyntaxWarningInfo w;
  w.category = "SyntaxWarning";
  w.msg = msg;
  w.lineno = n->lineno;
  w.col_offset = n->col_offset;
  w.end_lineno = n->end_lineno;
  w.end_col_offset = n->end_col_offset;
  SyntaxErrorInfo& e = w.as_error;
  e.type = "SyntaxError";
  e.msg = msg;
  e.lineno = n->lineno;
  e.end_lineno = n->end_lineno;
  e.offset = uni::count_chars(line_text(n->lineno), n->col_offset) + 1;
  e.end_offset = uni::count_chars(line_text(n->end_lineno), n->end_col_offset) + 1;
  e.text_from_file = true;
  opts_.warnings->push_back(std::move(w));
}

void Compiler::check_compare(const Compare* c) {
  const Expr* left = c->left;
  for (size_t i = 0; i < c->ops.size(); i++) {
    CmpOpKind op = c->ops[i];
    const Expr* right = c->comparators[i];
    if ((op == CmpOpKind::Is || op == CmpOpKind::IsNot) && (!is_arg_ok(left) || !is_arg_ok(right))) {
      bool is = op == CmpOpKind::Is;
      warn(c, std::string("\"") + (is ? "is" : "is not") + "\" with a literal. Did you mean \"" +
                  (is ? "==" : "!=") + "\"?");
    }
    left = right;
  }
}

void Compiler::check_caller(const Call* c) {
  switch (c->func->kind) {
    case ExprKind::Constant: case ExprKind::Tuple: case ExprKind::List: case ExprKind::ListComp:
    case ExprKind::Dict: case ExprKind::DictComp: case ExprKind::Set: case ExprKind::SetComp:
    case ExprKind::GeneratorExp: case ExprKind::JoinedStr: case ExprKind::FormattedValue:
      warn(c, std::string("'") + inferred_type(c->func) + "' object is not callable; perhaps you missed a comma?");
      break;
    default: break;
  }
}

void Compiler::check_subscript(const Subscript* s) {
  const Expr* v = s->value;
  bool subscripter_warns = false;
  switch (v->kind) {
    case ExprKind::Constant: {
      auto k = cast<Constant>(v)->value.kind;
      subscripter_warns = k == ConstantValue::Kind::None || k == ConstantValue::Kind::Ellipsis ||
                          k == ConstantValue::Kind::Int || k == ConstantValue::Kind::Float ||
                          k == ConstantValue::Kind::Complex;
      break;
    }
    case ExprKind::Set: case ExprKind::SetComp: case ExprKind::GeneratorExp: case ExprKind::Lambda:
      subscripter_warns = true;
      break;
    default: break;
  }
  if (subscripter_warns) {
    warn(s, std::string("'") + inferred_type(v) + "' object is not subscriptable; perhaps you missed a comma?");
    return;
  }
  // A literal sequence indexed by something that is certainly not an index.
  const char* index_type = inferred_type(s->slice);
  if (!index_type || std::string_view(index_type) == "int" || std::string_view(index_type) == "bool") return;
  switch (v->kind) {
    case ExprKind::Constant: {
      auto k = cast<Constant>(v)->value.kind;
      if (k != ConstantValue::Kind::Str && k != ConstantValue::Kind::Bytes) return;
      break;
    }
    case ExprKind::Tuple: case ExprKind::List: case ExprKind::ListComp: case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: break;
    default: return;
  }
  warn(s, std::string(inferred_type(v)) + " indices must be integers or slices, not " + index_type +
              "; perhaps you missed a comma?");
}

void Compiler::check_assert(const Assert* a) {
  if (a->test->kind == ExprKind::Tuple && !cast<ast::Tuple>(a->test)->elts.empty())
    warn(a, "assertion is always true, perhaps remove parentheses?");
}

}  // namespace ftpy::comp
