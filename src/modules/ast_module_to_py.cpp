// _ast, internal tree -> node objects: what compile(..., PyCF_ONLY_AST) and
// so ast.parse() return.
//
// Positions are the parser's, which follow CPython 3.14; they equal 3.11's
// except inside f-strings, where 3.11 gave the Constant and FormattedValue
// parts the whole JoinedStr's span and 3.12+ give each its own.
// 3.12+ syntax that 3.11's classes cannot express (type parameters, `type X =
// ...`, t-strings) raises SyntaxError, as 3.11's ast.parse does for it.
#include <cstring>
#include <string>
#include <vector>

#include "modules/ast_module_internal.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "parse/ast.h"
#include "parse/parser.h"
#include "runtime/pythonrun.h"

namespace ftpy::astmod {

namespace {

using namespace ftpy::ast;

class ToPy {
 public:
  explicit ToPy(const AstState& s) : s_(s) {}

  Ref<> mod(const Mod* m) {
    switch (m->kind) {
      case ModKind::Module: {
        auto* x = static_cast<const Module*>(m);
        Ref<> n = node(N::Module);
        if (!n || !set(n, "body", stmts(x->body)) || !set(n, "type_ignores", type_ignores(x->type_ignores)))
          return nullptr;
        return n;
      }
      case ModKind::Interactive: {
        auto* x = static_cast<const Interactive*>(m);
        Ref<> n = node(N::Interactive);
        if (!n || !set(n, "body", stmts(x->body))) return nullptr;
        return n;
      }
      case ModKind::Expression: {
        auto* x = static_cast<const Expression*>(m);
        Ref<> n = node(N::Expression);
        if (!n || !set(n, "body", expr(x->body))) return nullptr;
        return n;
      }
    }
    return nullptr;
  }

  Ref<> expr(const Expr* e);

 private:
  const AstState& s_;

  Ref<> node(N n) {
    Value cls = cls_of(s_, n);
    Type* t = cls.as<Type>();
    return t->tp_new(t, nullptr, 0, Value());
  }
  Ref<> singleton(N n) { return Ref<>::borrow(s_.singleton[static_cast<int>(n)]); }
  // Stores v (null: an error is pending) as node.name.
  static bool set(const Ref<>& node, const char* name, Ref<> v) {
    if (!v) return false;
    return dict_set_item_str(*instance_dict_slot(node.val()), name, v.val()) == 0;
  }
  static bool set_int(const Ref<>& node, const char* name, int64_t i) { return set(node, name, int_from_int64(i)); }
  static bool set_pos(const Ref<>& node, const Located& l) {
    return set_int(node, "lineno", l.lineno) && set_int(node, "col_offset", l.col_offset) &&
           set_int(node, "end_lineno", l.end_lineno) && set_int(node, "end_col_offset", l.end_col_offset);
  }
  static Ref<> ident(const std::string& s) { return Ref<>(str_intern(s)); }
  // Optional identifier: empty means None.
  static Ref<> opt_ident(const std::string& s) { return s.empty() ? new_none() : ident(s); }
  static Ref<> opt_string(const std::string& s) { return s.empty() ? new_none() : Ref<>(str_from_utf8(s)); }

  template <class T, class F>
  Ref<> list(const std::vector<T>& v, F&& f) {
    Ref<ftpy::List> l = list_new(0);
    if (!l) return nullptr;
    for (const T& item : v) {
      Ref<> o = f(item);
      if (!o || list_append(l.val(), o.val()) < 0) return nullptr;
    }
    return l;
  }
  Ref<> exprs(const std::vector<Expr*>& v) {
    return list(v, [this](const Expr* e) { return expr(e); });
  }
  Ref<> stmts(const std::vector<Stmt*>& v) {
    return list(v, [this](const Stmt* st) { return stmt(st); });
  }
  Ref<> idents(const std::vector<std::string>& v) {
    return list(v, [](const std::string& s) { return ident(s); });
  }
  Ref<> patterns(const std::vector<Pattern*>& v) {
    return list(v, [this](const Pattern* p) { return pattern(p); });
  }
  Ref<> keywords(const std::vector<Keyword*>& v) {
    return list(v, [this](const Keyword* k) {
      Ref<> n = node(N::keyword);
      if (!n || !set(n, "arg", opt_ident(k->arg)) || !set(n, "value", expr(k->value)) || !set_pos(n, *k))
        return Ref<>();
      return n;
    });
  }
  Ref<> type_ignores(const std::vector<TypeIgnore*>& v) {
    return list(v, [this](const TypeIgnore* t) {
      Ref<> n = node(N::TypeIgnore);
      if (!n || !set_int(n, "lineno", t->lineno) || !set(n, "tag", str_from_utf8(t->tag))) return Ref<>();
      return n;
    });
  }
  Ref<> generators(const std::vector<Comprehension*>& v) {
    return list(v, [this](const Comprehension* c) {
      Ref<> n = node(N::comprehension);
      if (!n || !set(n, "target", expr(c->target)) || !set(n, "iter", expr(c->iter)) ||
          !set(n, "ifs", exprs(c->ifs)) || !set_int(n, "is_async", c->is_async))
        return Ref<>();
      return n;
    });
  }
  Ref<> arg(const Arg* a) {
    if (!a) return new_none();
    Ref<> n = node(N::arg);
    if (!n || !set(n, "arg", ident(a->arg)) || !set(n, "annotation", expr(a->annotation)) ||
        !set(n, "type_comment", opt_string(a->type_comment)) || !set_pos(n, *a))
      return nullptr;
    return n;
  }
  Ref<> args_list(const std::vector<Arg*>& v) {
    return list(v, [this](const Arg* a) { return arg(a); });
  }
  Ref<> arguments(const Arguments* a) {
    Ref<> n = node(N::arguments);
    if (!n || !set(n, "posonlyargs", args_list(a->posonlyargs)) || !set(n, "args", args_list(a->args)) ||
        !set(n, "vararg", arg(a->vararg)) || !set(n, "kwonlyargs", args_list(a->kwonlyargs)) ||
        !set(n, "kw_defaults", exprs(a->kw_defaults)) || !set(n, "kwarg", arg(a->kwarg)) ||
        !set(n, "defaults", exprs(a->defaults)))
      return nullptr;
    return n;
  }
  // 3.12+ type parameters have no 3.11 field (see the file comment).
  static bool no_type_params(const std::vector<TypeParam*>& v) {
    if (v.empty()) return true;
    err_set_str(g_SyntaxError, "type parameters are not supported by the ast module (3.11 node classes)");
    return false;
  }
  Ref<> constant(const ConstantValue& v) {
    switch (v.kind) {
      case ConstantValue::Kind::None: return new_none();
      case ConstantValue::Kind::True: return new_bool(true);
      case ConstantValue::Kind::False: return new_bool(false);
      case ConstantValue::Kind::Ellipsis: return Ref<>::borrow(Value(&g_ellipsis));
      case ConstantValue::Kind::Int: return int_from_string(v.text, v.int_base);
      case ConstantValue::Kind::Float: return float_new(v.number);
      case ConstantValue::Kind::Complex: return complex_new(0.0, v.number);
      case ConstantValue::Kind::Str: return str_from_utf8(v.text);
      case ConstantValue::Kind::Bytes: return bytes_from(v.text.data(), v.text.size());
    }
    return nullptr;
  }
  Ref<> ctx(ExprContext c) {
    return singleton(c == ExprContext::Load ? N::Load : c == ExprContext::Store ? N::Store : N::Del);
  }
  Ref<> op(OperatorKind o) { return singleton(static_cast<N>(static_cast<int>(N::Add) + static_cast<int>(o))); }
  Ref<> op(BoolOpKind o) { return singleton(o == BoolOpKind::And ? N::And : N::Or); }
  Ref<> op(UnaryOpKind o) { return singleton(static_cast<N>(static_cast<int>(N::Invert) + static_cast<int>(o))); }
  Ref<> op(CmpOpKind o) { return singleton(static_cast<N>(static_cast<int>(N::Eq) + static_cast<int>(o))); }

  Ref<> stmt(const Stmt* st);
  Ref<> pattern(const Pattern* p);
  Ref<> handler(const ExceptHandler* h) {
    Ref<> n = node(N::ExceptHandler);
    if (!n || !set(n, "type", expr(h->type)) || !set(n, "name", opt_ident(h->name)) ||
        !set(n, "body", stmts(h->body)) || !set_pos(n, *h))
      return nullptr;
    return n;
  }
};

Ref<> ToPy::expr(const Expr* e) {
  if (!e) return new_none();
  Ref<> n;
  bool ok = false;
  switch (e->kind) {
    case ExprKind::BoolOp: {
      auto* x = cast<BoolOp>(e);
      n = node(N::BoolOp);
      ok = n && set(n, "op", op(x->op)) && set(n, "values", exprs(x->values));
      break;
    }
    case ExprKind::NamedExpr: {
      auto* x = cast<NamedExpr>(e);
      n = node(N::NamedExpr);
      ok = n && set(n, "target", expr(x->target)) && set(n, "value", expr(x->value));
      break;
    }
    case ExprKind::BinOp: {
      auto* x = cast<BinOp>(e);
      n = node(N::BinOp);
      ok = n && set(n, "left", expr(x->left)) && set(n, "op", op(x->op)) && set(n, "right", expr(x->right));
      break;
    }
    case ExprKind::UnaryOp: {
      auto* x = cast<UnaryOp>(e);
      n = node(N::UnaryOp);
      ok = n && set(n, "op", op(x->op)) && set(n, "operand", expr(x->operand));
      break;
    }
    case ExprKind::Lambda: {
      auto* x = cast<Lambda>(e);
      n = node(N::Lambda);
      ok = n && set(n, "args", arguments(x->args)) && set(n, "body", expr(x->body));
      break;
    }
    case ExprKind::IfExp: {
      auto* x = cast<IfExp>(e);
      n = node(N::IfExp);
      ok = n && set(n, "test", expr(x->test)) && set(n, "body", expr(x->body)) &&
           set(n, "orelse", expr(x->orelse));
      break;
    }
    case ExprKind::Dict: {
      auto* x = cast<ast::Dict>(e);
      n = node(N::Dict);
      ok = n && set(n, "keys", exprs(x->keys)) && set(n, "values", exprs(x->values));
      break;
    }
    case ExprKind::Set: {
      n = node(N::Set);
      ok = n && set(n, "elts", exprs(cast<ast::Set>(e)->elts));
      break;
    }
    case ExprKind::ListComp: case ExprKind::SetComp: case ExprKind::GeneratorExp: {
      const Expr* elt;
      const std::vector<Comprehension*>* gens;
      N kind;
      if (auto* x = dyn<ListComp>(e)) elt = x->elt, gens = &x->generators, kind = N::ListComp;
      else if (auto* y = dyn<SetComp>(e)) elt = y->elt, gens = &y->generators, kind = N::SetComp;
      else elt = cast<GeneratorExp>(e)->elt, gens = &cast<GeneratorExp>(e)->generators, kind = N::GeneratorExp;
      n = node(kind);
      ok = n && set(n, "elt", expr(elt)) && set(n, "generators", generators(*gens));
      break;
    }
    case ExprKind::DictComp: {
      auto* x = cast<DictComp>(e);
      n = node(N::DictComp);
      ok = n && set(n, "key", expr(x->key)) && set(n, "value", expr(x->value)) &&
           set(n, "generators", generators(x->generators));
      break;
    }
    case ExprKind::Await: {
      n = node(N::Await);
      ok = n && set(n, "value", expr(cast<Await>(e)->value));
      break;
    }
    case ExprKind::Yield: {
      n = node(N::Yield);
      ok = n && set(n, "value", expr(cast<Yield>(e)->value));
      break;
    }
    case ExprKind::YieldFrom: {
      n = node(N::YieldFrom);
      ok = n && set(n, "value", expr(cast<YieldFrom>(e)->value));
      break;
    }
    case ExprKind::Compare: {
      auto* x = cast<Compare>(e);
      n = node(N::Compare);
      ok = n && set(n, "left", expr(x->left)) &&
           set(n, "ops", list(x->ops, [this](CmpOpKind o) { return op(o); })) &&
           set(n, "comparators", exprs(x->comparators));
      break;
    }
    case ExprKind::Call: {
      auto* x = cast<Call>(e);
      n = node(N::Call);
      ok = n && set(n, "func", expr(x->func)) && set(n, "args", exprs(x->args)) &&
           set(n, "keywords", keywords(x->keywords));
      break;
    }
    case ExprKind::FormattedValue: {
      auto* x = cast<FormattedValue>(e);
      n = node(N::FormattedValue);
      ok = n && set(n, "value", expr(x->value)) && set_int(n, "conversion", x->conversion) &&
           set(n, "format_spec", expr(x->format_spec));
      break;
    }
    case ExprKind::JoinedStr: {
      n = node(N::JoinedStr);
      ok = n && set(n, "values", exprs(cast<JoinedStr>(e)->values));
      break;
    }
    case ExprKind::Interpolation: case ExprKind::TemplateStr:
      return err_set_str(g_SyntaxError, "t-strings are not supported by the ast module (3.11 node classes)");
    case ExprKind::Constant: {
      auto* x = cast<Constant>(e);
      n = node(N::Constant);
      ok = n && set(n, "value", constant(x->value)) && set(n, "kind", opt_string(x->kind));
      break;
    }
    case ExprKind::Attribute: {
      auto* x = cast<Attribute>(e);
      n = node(N::Attribute);
      ok = n && set(n, "value", expr(x->value)) && set(n, "attr", ident(x->attr)) && set(n, "ctx", ctx(x->ctx));
      break;
    }
    case ExprKind::Subscript: {
      auto* x = cast<Subscript>(e);
      n = node(N::Subscript);
      ok = n && set(n, "value", expr(x->value)) && set(n, "slice", expr(x->slice)) && set(n, "ctx", ctx(x->ctx));
      break;
    }
    case ExprKind::Starred: {
      auto* x = cast<Starred>(e);
      n = node(N::Starred);
      ok = n && set(n, "value", expr(x->value)) && set(n, "ctx", ctx(x->ctx));
      break;
    }
    case ExprKind::Name: {
      auto* x = cast<Name>(e);
      n = node(N::Name);
      ok = n && set(n, "id", ident(x->id)) && set(n, "ctx", ctx(x->ctx));
      break;
    }
    case ExprKind::List: {
      auto* x = cast<ast::List>(e);
      n = node(N::List);
      ok = n && set(n, "elts", exprs(x->elts)) && set(n, "ctx", ctx(x->ctx));
      break;
    }
    case ExprKind::Tuple: {
      auto* x = cast<ast::Tuple>(e);
      n = node(N::Tuple);
      ok = n && set(n, "elts", exprs(x->elts)) && set(n, "ctx", ctx(x->ctx));
      break;
    }
    case ExprKind::Slice: {
      auto* x = cast<Slice>(e);
      n = node(N::Slice);
      ok = n && set(n, "lower", expr(x->lower)) && set(n, "upper", expr(x->upper)) && set(n, "step", expr(x->step));
      break;
    }
  }
  if (!ok || !set_pos(n, *e)) return nullptr;
  return n;
}

Ref<> ToPy::stmt(const Stmt* st) {
  Ref<> n;
  bool ok = false;
  switch (st->kind) {
    case StmtKind::FunctionDef: case StmtKind::AsyncFunctionDef: {
      auto* x = cast<FunctionDef>(st);
      n = node(x->is_async() ? N::AsyncFunctionDef : N::FunctionDef);
      ok = n && set(n, "name", ident(x->name)) && set(n, "args", arguments(x->args)) &&
           set(n, "body", stmts(x->body)) && set(n, "decorator_list", exprs(x->decorator_list)) &&
           set(n, "returns", expr(x->returns)) && set(n, "type_comment", opt_string(x->type_comment)) &&
           no_type_params(x->type_params);
      break;
    }
    case StmtKind::ClassDef: {
      auto* x = cast<ClassDef>(st);
      n = node(N::ClassDef);
      ok = n && set(n, "name", ident(x->name)) && set(n, "bases", exprs(x->bases)) &&
           set(n, "keywords", keywords(x->keywords)) && set(n, "body", stmts(x->body)) &&
           set(n, "decorator_list", exprs(x->decorator_list)) && no_type_params(x->type_params);
      break;
    }
    case StmtKind::Return: {
      n = node(N::Return);
      ok = n && set(n, "value", expr(cast<Return>(st)->value));
      break;
    }
    case StmtKind::Delete: {
      n = node(N::Delete);
      ok = n && set(n, "targets", exprs(cast<Delete>(st)->targets));
      break;
    }
    case StmtKind::Assign: {
      auto* x = cast<Assign>(st);
      n = node(N::Assign);
      ok = n && set(n, "targets", exprs(x->targets)) && set(n, "value", expr(x->value)) &&
           set(n, "type_comment", opt_string(x->type_comment));
      break;
    }
    case StmtKind::TypeAlias:
      return err_set_str(g_SyntaxError, "type aliases are not supported by the ast module (3.11 node classes)");
    case StmtKind::AugAssign: {
      auto* x = cast<AugAssign>(st);
      n = node(N::AugAssign);
      ok = n && set(n, "target", expr(x->target)) && set(n, "op", op(x->op)) && set(n, "value", expr(x->value));
      break;
    }
    case StmtKind::AnnAssign: {
      auto* x = cast<AnnAssign>(st);
      n = node(N::AnnAssign);
      ok = n && set(n, "target", expr(x->target)) && set(n, "annotation", expr(x->annotation)) &&
           set(n, "value", expr(x->value)) && set_int(n, "simple", x->simple);
      break;
    }
    case StmtKind::For: case StmtKind::AsyncFor: {
      auto* x = cast<For>(st);
      n = node(x->is_async() ? N::AsyncFor : N::For);
      ok = n && set(n, "target", expr(x->target)) && set(n, "iter", expr(x->iter)) &&
           set(n, "body", stmts(x->body)) && set(n, "orelse", stmts(x->orelse)) &&
           set(n, "type_comment", opt_string(x->type_comment));
      break;
    }
    case StmtKind::While: case StmtKind::If: {
      const Expr* test;
      const std::vector<Stmt*>*body, *orelse;
      if (auto* w = dyn<While>(st)) test = w->test, body = &w->body, orelse = &w->orelse;
      else test = cast<If>(st)->test, body = &cast<If>(st)->body, orelse = &cast<If>(st)->orelse;
      n = node(st->kind == StmtKind::While ? N::While : N::If);
      ok = n && set(n, "test", expr(test)) && set(n, "body", stmts(*body)) && set(n, "orelse", stmts(*orelse));
      break;
    }
    case StmtKind::With: case StmtKind::AsyncWith: {
      auto* x = cast<With>(st);
      n = node(x->is_async() ? N::AsyncWith : N::With);
      ok = n && set(n, "items", list(x->items, [this](const WithItem* w) {
             Ref<> i = node(N::withitem);
             if (!i || !set(i, "context_expr", expr(w->context_expr)) ||
                 !set(i, "optional_vars", expr(w->optional_vars)))
               return Ref<>();
             return i;
           })) &&
           set(n, "body", stmts(x->body)) && set(n, "type_comment", opt_string(x->type_comment));
      break;
    }
    case StmtKind::Match: {
      auto* x = cast<Match>(st);
      n = node(N::Match);
      ok = n && set(n, "subject", expr(x->subject)) && set(n, "cases", list(x->cases, [this](const MatchCase* c) {
             Ref<> i = node(N::match_case);
             if (!i || !set(i, "pattern", pattern(c->pattern)) || !set(i, "guard", expr(c->guard)) ||
                 !set(i, "body", stmts(c->body)))
               return Ref<>();
             return i;
           }));
      break;
    }
    case StmtKind::Raise: {
      auto* x = cast<Raise>(st);
      n = node(N::Raise);
      ok = n && set(n, "exc", expr(x->exc)) && set(n, "cause", expr(x->cause));
      break;
    }
    case StmtKind::Try: case StmtKind::TryStar: {
      auto* x = cast<Try>(st);
      n = node(x->is_star() ? N::TryStar : N::Try);
      ok = n && set(n, "body", stmts(x->body)) &&
           set(n, "handlers", list(x->handlers, [this](const ExceptHandler* h) { return handler(h); })) &&
           set(n, "orelse", stmts(x->orelse)) && set(n, "finalbody", stmts(x->finalbody));
      break;
    }
    case StmtKind::Assert: {
      auto* x = cast<Assert>(st);
      n = node(N::Assert);
      ok = n && set(n, "test", expr(x->test)) && set(n, "msg", expr(x->msg));
      break;
    }
    case StmtKind::Import: case StmtKind::ImportFrom: {
      const std::vector<Alias*>& names =
          st->kind == StmtKind::Import ? cast<Import>(st)->names : cast<ImportFrom>(st)->names;
      Ref<> aliases = list(names, [this](const Alias* a) {
        Ref<> i = node(N::alias);
        if (!i || !set(i, "name", ident(a->name)) || !set(i, "asname", opt_ident(a->asname)) || !set_pos(i, *a))
          return Ref<>();
        return i;
      });
      if (st->kind == StmtKind::Import) {
        n = node(N::Import);
        ok = n && set(n, "names", std::move(aliases));
      } else {
        auto* x = cast<ImportFrom>(st);
        n = node(N::ImportFrom);
        ok = n && set(n, "module", opt_ident(x->module)) && set(n, "names", std::move(aliases)) &&
             set_int(n, "level", x->level);
      }
      break;
    }
    case StmtKind::Global: {
      n = node(N::Global);
      ok = n && set(n, "names", idents(cast<Global>(st)->names));
      break;
    }
    case StmtKind::Nonlocal: {
      n = node(N::Nonlocal);
      ok = n && set(n, "names", idents(cast<Nonlocal>(st)->names));
      break;
    }
    case StmtKind::Expr: {
      n = node(N::Expr);
      ok = n && set(n, "value", expr(cast<ExprStmt>(st)->value));
      break;
    }
    case StmtKind::Pass: n = node(N::Pass); ok = bool(n); break;
    case StmtKind::Break: n = node(N::Break); ok = bool(n); break;
    case StmtKind::Continue: n = node(N::Continue); ok = bool(n); break;
  }
  if (!ok || !set_pos(n, *st)) return nullptr;
  return n;
}

Ref<> ToPy::pattern(const Pattern* p) {
  if (!p) return new_none();
  Ref<> n;
  bool ok = false;
  switch (p->kind) {
    case PatternKind::MatchValue:
      n = node(N::MatchValue);
      ok = n && set(n, "value", expr(cast<MatchValue>(p)->value));
      break;
    case PatternKind::MatchSingleton:
      n = node(N::MatchSingleton);
      ok = n && set(n, "value", constant(cast<MatchSingleton>(p)->value));
      break;
    case PatternKind::MatchSequence:
      n = node(N::MatchSequence);
      ok = n && set(n, "patterns", patterns(cast<MatchSequence>(p)->patterns));
      break;
    case PatternKind::MatchMapping: {
      auto* x = cast<MatchMapping>(p);
      n = node(N::MatchMapping);
      ok = n && set(n, "keys", exprs(x->keys)) && set(n, "patterns", patterns(x->patterns)) &&
           set(n, "rest", opt_ident(x->rest));
      break;
    }
    case PatternKind::MatchClass: {
      auto* x = cast<MatchClass>(p);
      n = node(N::MatchClass);
      ok = n && set(n, "cls", expr(x->cls)) && set(n, "patterns", patterns(x->patterns)) &&
           set(n, "kwd_attrs", idents(x->kwd_attrs)) && set(n, "kwd_patterns", patterns(x->kwd_patterns));
      break;
    }
    case PatternKind::MatchStar:
      n = node(N::MatchStar);
      ok = n && set(n, "name", opt_ident(cast<MatchStar>(p)->name));
      break;
    case PatternKind::MatchAs: {
      auto* x = cast<MatchAs>(p);
      n = node(N::MatchAs);
      ok = n && set(n, "pattern", pattern(x->pattern)) && set(n, "name", opt_ident(x->name));
      break;
    }
    case PatternKind::MatchOr:
      n = node(N::MatchOr);
      ok = n && set(n, "patterns", patterns(cast<MatchOr>(p)->patterns));
      break;
  }
  if (!ok || !set_pos(n, *p)) return nullptr;
  return n;
}

}  // namespace

Ref<> mod_to_objects(const AstState& s, std::string_view source, std::string_view filename,
                     std::string_view mode) {
  if (mode == "func_type")
    return err_set_str(g_NotImplementedError, "compile() mode 'func_type' is not supported");
  ParseMode pm = mode == "eval" ? ParseMode::Eval : mode == "single" ? ParseMode::Single : ParseMode::Exec;
  ParseResult r = parse(source, filename, pm);
  if (r.error) return raise_syntax_error(*r.error, filename);
  return ToPy(s).mod(r.mod);
}

}  // namespace ftpy::astmod
