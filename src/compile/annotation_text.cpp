// Unparsing of annotations for PEP 563 (annotation_text.h).
#include "compile/annotation_text.h"

#include <string>

#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"

namespace ftpy {

namespace {

using namespace ast;

// Operator precedence, lowest first, as CPython's unparser orders it.
enum Prec : int { kTuple = 0, kTest, kOr, kAnd, kNot, kCmp, kBor, kBxor, kBand, kShift, kArith, kTerm, kFactor,
                  kPower, kAwait, kAtom };

struct Binary {
  const char* sym;
  int prec;
};

Binary binary_of(OperatorKind op) {
  switch (op) {
    case OperatorKind::Add: return {"+", kArith};
    case OperatorKind::Sub: return {"-", kArith};
    case OperatorKind::Mult: return {"*", kTerm};
    case OperatorKind::MatMult: return {"@", kTerm};
    case OperatorKind::Div: return {"/", kTerm};
    case OperatorKind::Mod: return {"%", kTerm};
    case OperatorKind::FloorDiv: return {"//", kTerm};
    case OperatorKind::Pow: return {"**", kPower};
    case OperatorKind::LShift: return {"<<", kShift};
    case OperatorKind::RShift: return {">>", kShift};
    case OperatorKind::BitOr: return {"|", kBor};
    case OperatorKind::BitXor: return {"^", kBxor};
    case OperatorKind::BitAnd: return {"&", kBand};
  }
  return {"?", kAtom};
}

class Unparser {
 public:
  explicit Unparser(const std::function<std::string(const Expr*)>& source) : source_(source) {}

  void expr(const Expr* e, int prec) {
    switch (e->kind) {
      case ExprKind::Name: out += cast<ast::Name>(e)->id; return;
      case ExprKind::Constant: constant(e); return;
      case ExprKind::Attribute: {
        auto* a = cast<ast::Attribute>(e);
        // (1).real keeps its parentheses; leave such forms to the source.
        if (a->value->kind == ExprKind::Constant) break;
        expr(a->value, kAtom);
        out += ".";
        out += a->attr;
        return;
      }
      case ExprKind::Subscript: {
        auto* s = cast<ast::Subscript>(e);
        expr(s->value, kAtom);
        out += "[";
        auto* t = dyn<ast::Tuple>(s->slice);
        if (t && !t->elts.empty()) {
          items(t->elts);
          if (t->elts.size() == 1) out += ",";
        } else {
          expr(s->slice, kTuple);
        }
        out += "]";
        return;
      }
      case ExprKind::Tuple: {
        auto* t = cast<ast::Tuple>(e);
        out += "(";
        items(t->elts);
        if (t->elts.size() == 1) out += ",";
        out += ")";
        return;
      }
      case ExprKind::List:
        out += "[";
        items(cast<ast::List>(e)->elts);
        out += "]";
        return;
      case ExprKind::Starred:
        out += "*";
        expr(cast<ast::Starred>(e)->value, kBor);
        return;
      case ExprKind::BinOp: {
        auto* b = cast<ast::BinOp>(e);
        Binary op = binary_of(b->op);
        bool right_assoc = b->op == OperatorKind::Pow;
        bool paren = prec > op.prec;
        if (paren) out += "(";
        expr(b->left, right_assoc ? op.prec + 1 : op.prec);
        out += " ";
        out += op.sym;
        out += " ";
        expr(b->right, right_assoc ? op.prec : op.prec + 1);
        if (paren) out += ")";
        return;
      }
      case ExprKind::UnaryOp: {
        auto* u = cast<ast::UnaryOp>(e);
        bool is_not = u->op == UnaryOpKind::Not;
        int own = is_not ? kNot : kFactor;
        bool paren = prec > own;
        if (paren) out += "(";
        out += u->op == UnaryOpKind::Invert ? "~" : is_not ? "not " : u->op == UnaryOpKind::UAdd ? "+" : "-";
        expr(u->operand, own);
        if (paren) out += ")";
        return;
      }
      case ExprKind::Call: {
        auto* c = cast<ast::Call>(e);
        expr(c->func, kAtom);
        out += "(";
        bool first = true;
        for (auto* a : c->args) {
          if (!first) out += ", ";
          first = false;
          expr(a, kTest);
        }
        for (auto* k : c->keywords) {
          if (!first) out += ", ";
          first = false;
          if (k->arg.empty()) {
            out += "**";
          } else {
            out += k->arg;
            out += "=";
          }
          expr(k->value, kTest);
        }
        out += ")";
        return;
      }
      default: break;
    }
    // Anything else: its source text, parenthesised when an operand needs it.
    bool paren = prec > kTest;
    if (paren) out += "(";
    out += source_(e);
    if (paren) out += ")";
  }

  std::string out;

 private:
  void items(const std::vector<Expr*>& elts) {
    for (size_t i = 0; i < elts.size(); i++) {
      if (i) out += ", ";
      expr(elts[i], kTest);
    }
  }

  void constant(const Expr* e) {
    const ConstantValue& v = cast<ast::Constant>(e)->value;
    switch (v.kind) {
      case ConstantValue::Kind::None: out += "None"; return;
      case ConstantValue::Kind::True: out += "True"; return;
      case ConstantValue::Kind::False: out += "False"; return;
      case ConstantValue::Kind::Ellipsis: out += "..."; return;
      case ConstantValue::Kind::Int:
        if (v.int_base == 10) {
          out += v.text;
          return;
        }
        {  // 0x10 is written 16
          Ref<> n = int_from_string(v.text, v.int_base);
          Ref<> r = n ? repr(n.val()) : Ref<>();
          if (r && is_str(r.val())) {
            out += str_view(r.val());
            return;
          }
          err_clear();
        }
        break;
      case ConstantValue::Kind::Str: {
        // The literal's repr, as str.__repr__ quotes and escapes it.
        Ref<Str> s = str_from_utf8(v.text);
        Ref<> r = s ? repr(s.val()) : Ref<>();
        if (r && is_str(r.val())) {
          out += str_view(r.val());
          return;
        }
        err_clear();
        break;
      }
      default: break;
    }
    out += source_(e);
  }

  const std::function<std::string(const Expr*)>& source_;
};

}  // namespace

std::string unparse_annotation(const Expr* e, const std::function<std::string(const Expr*)>& source_text) {
  Unparser u(source_text);
  u.expr(e, kTest);
  return u.out;
}

}  // namespace ftpy
