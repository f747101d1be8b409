// Statement rules and the top-level parse() of each mode.
#include "parse/parser_impl.h"
#include "parse/unicode_support.h"

namespace ftpy {

using namespace ast;

static bool is_aug_op(Tok k, OperatorKind* op) {
  switch (k) {
    case Tok::PlusEqual: *op = OperatorKind::Add; return true;
    case Tok::MinEqual: *op = OperatorKind::Sub; return true;
    case Tok::StarEqual: *op = OperatorKind::Mult; return true;
    case Tok::AtEqual: *op = OperatorKind::MatMult; return true;
    case Tok::SlashEqual: *op = OperatorKind::Div; return true;
    case Tok::PercentEqual: *op = OperatorKind::Mod; return true;
    case Tok::AmperEqual: *op = OperatorKind::BitAnd; return true;
    case Tok::VBarEqual: *op = OperatorKind::BitOr; return true;
    case Tok::CircumflexEqual: *op = OperatorKind::BitXor; return true;
    case Tok::LeftShiftEqual: *op = OperatorKind::LShift; return true;
    case Tok::RightShiftEqual: *op = OperatorKind::RShift; return true;
    case Tok::DoubleStarEqual: *op = OperatorKind::Pow; return true;
    case Tok::DoubleSlashEqual: *op = OperatorKind::FloorDiv; return true;
    default: return false;
  }
}


ast::Mod* Parser::parse(ParseMode mode) {
  if (ntoks_ == 0) fail_generic();
  switch (mode) {
    case ParseMode::Exec: {
      auto* m = arena_.make<Module>();
      while (!at(Tok::EndMarker)) statement(m->body);
      return m;
    }
    case ParseMode::Eval: {
      auto* m = arena_.make<Expression>();
      m->body = expressions();
      while (accept(Tok::Newline)) {}
      if (!at(Tok::EndMarker)) fail_generic();
      return m;
    }
    case ParseMode::Single:
    case ParseMode::SingleNoImpliedDedent: {
      auto* m = arena_.make<Interactive>();
      while (accept(Tok::Newline)) {}
      if (at(Tok::EndMarker)) return m;
      int first_line = tok().lineno;
      bool compound = statement(m->body);
      int last = tz_.line_count();
      bool open_end = src_.empty() || src_.back() != '\n';
      if (compound && open_end && (mode == ParseMode::SingleNoImpliedDedent || first_line == last)) {
        // As CPython 3.11: in 'single' mode a compound statement whose body
        // is on its header line, or any compound statement when the end of
        // input implies no dedent, must end with a newline (its block may go
        // on), else "invalid syntax" at column 0 of the last line; codeop
        // and code.InteractiveConsole rely on this (with the incomplete-input
        // flag) to ask for more lines.
        SyntaxErrorInfo e = make_error("SyntaxError", "invalid syntax", last, 0, last, 0);
        std::string_view line = tz_.line_text(last);
        e.offset = 0;
        e.end_offset = static_cast<int>(uni::count_chars(line, static_cast<int>(line.size()))) + 1;
        e.text = std::string(line);
        e.incomplete = true;
        throw ParseError{e, pos_};
      }
      while (accept(Tok::Newline)) {}
      if (!at(Tok::EndMarker)) {
        const Token& t = tok();
        fail_tok(t, "multiple statements found while compiling a single statement");
      }
      return m;
    }
  }
  return nullptr;
}

bool Parser::statement(std::vector<Stmt*>& out) {
  switch (kind()) {
    case Tok::KwIf: case Tok::KwWhile: case Tok::KwFor: case Tok::KwTry: case Tok::KwWith:
    case Tok::KwDef: case Tok::KwClass: case Tok::At:
      out.push_back(compound_stmt());
      return true;
    case Tok::KwAsync:
      if (kind(1) == Tok::KwDef || kind(1) == Tok::KwFor || kind(1) == Tok::KwWith) {
        out.push_back(compound_stmt());
        return true;
      }
      fail_generic();
    case Tok::Name:
      if (at_name("match") && looks_like_match_stmt()) {
        out.push_back(match_stmt());
        return true;
      }
      break;
    case Tok::Indent: case Tok::Dedent:
      fail_generic();
    default:
      break;
  }
  simple_stmts(out);
  return false;
}

void Parser::simple_stmts(std::vector<Stmt*>& out) {
  out.push_back(simple_stmt());
  while (accept(Tok::Semi)) {
    if (at(Tok::Newline)) break;
    out.push_back(simple_stmt());
  }
  if (!accept(Tok::Newline)) fail_generic();
}

Stmt* Parser::simple_stmt() {
  DepthGuard guard(*this);
  const Token& first = tok();
  switch (first.kind) {
    case Tok::KwReturn: {
      next();
      auto* r = make<Return>(first);
      if (starts_expression(kind()) || at(Tok::Star)) r->value = star_expressions();
      end_prev(r);
      return r;
    }
    case Tok::KwPass: { next(); auto* s = make<Pass>(first); end_tok(s, first); return s; }
    case Tok::KwBreak: { next(); auto* s = make<Break>(first); end_tok(s, first); return s; }
    case Tok::KwContinue: { next(); auto* s = make<Continue>(first); end_tok(s, first); return s; }
    case Tok::KwDel: {
      next();
      auto* d = make<Delete>(first);
      for (;;) {
        Expr* t = star_target();
        check_target(t, TargetsType::Del);
        d->targets.push_back(t);
        if (!accept(Tok::Comma)) break;
        if (!starts_expression(kind()) && !at(Tok::Star)) break;
      }
      end_prev(d);
      return d;
    }
    case Tok::KwGlobal: case Tok::KwNonlocal: {
      next();
      std::vector<std::string> names;
      do {
        names.push_back(ident(expect(Tok::Name)));
      } while (accept(Tok::Comma));
      if (first.kind == Tok::KwGlobal) {
        auto* g = make<Global>(first);
        g->names = std::move(names);
        end_prev(g);
        return g;
      }
      auto* g = make<Nonlocal>(first);
      g->names = std::move(names);
      end_prev(g);
      return g;
    }
    case Tok::KwAssert: {
      next();
      auto* a = make<Assert>(first);
      a->test = expression();
      if (accept(Tok::Comma)) a->msg = expression();
      end_prev(a);
      return a;
    }
    case Tok::KwRaise: {
      next();
      auto* r = make<Raise>(first);
      if (starts_expression(kind())) {
        r->exc = expression();
        if (accept(Tok::KwFrom)) r->cause = expression();
      }
      end_prev(r);
      return r;
    }
    case Tok::KwImport:
      return import_stmt();
    case Tok::KwFrom:
      return from_stmt();
    case Tok::Name:
      if (at_name("type") && kind(1) == Tok::Name && (kind(2) == Tok::Equal || kind(2) == Tok::LSqb))
        return type_alias_stmt();
      return expr_or_assign_stmt();
    default:
      return expr_or_assign_stmt();
  }
}


namespace {

bool unparenthesized_tuple(const Expr* e) {
  if (e->kind != ExprKind::Tuple) return false;
  auto* t = cast<Tuple>(e);
  return !t->elts.empty() && t->elts[0]->lineno == e->lineno && t->elts[0]->col_offset == e->col_offset;
}

// The atom an expression starts with (what a PEG lookahead sees first).
const Expr* leftmost_atom(const Expr* e) {
  while (true) {
    switch (e->kind) {
      case ExprKind::BinOp: e = cast<BinOp>(e)->left; break;
      case ExprKind::Attribute: e = cast<Attribute>(e)->value; break;
      case ExprKind::Subscript: e = cast<Subscript>(e)->value; break;
      case ExprKind::Call: e = cast<Call>(e)->func; break;
      case ExprKind::Compare: e = cast<Compare>(e)->left; break;
      default: return e;
    }
  }
}

}  // namespace

// CPython's invalid_named_expression does not fire where the expression
// starts with a list or tuple display, a generator expression or True, None
// or False (its negative lookahead); a comprehension "[x for x in y]" is none
// of these.
bool Parser::starts_with_display_or_singleton(const Expr* e) const {
  const Expr* atom = leftmost_atom(e);
  if (atom->lineno != e->lineno || atom->col_offset != e->col_offset) return false;  // "((a, b)) + 1"
  switch (atom->kind) {
    case ExprKind::List: case ExprKind::Tuple: case ExprKind::GeneratorExp: return true;
    case ExprKind::Constant: {
      auto k = cast<Constant>(atom)->value.kind;
      return k == ConstantValue::Kind::True || k == ConstantValue::Kind::False || k == ConstantValue::Kind::None;
    }
    default: return false;
  }
}

// Whether `e`, which ends before the current token, is wrapped in a pair of
// parentheses of its own: "(a < b)", but not "(a) < (b)".
bool Parser::parenthesized(const Expr* e) const {
  size_t i = std::min(pos_, ntoks_ - 1);
  while (i > 0 && !(toks_[i].lineno == e->lineno && toks_[i].col == e->col_offset)) i--;
  if (i == 0 || toks_[i - 1].kind != Tok::LPar) return false;
  int depth = 0;
  for (size_t j = i - 1; j < ntoks_; j++) {
    Tok k = toks_[j].kind;
    if (k == Tok::LPar || k == Tok::LSqb || k == Tok::LBrace) {
      depth++;
    } else if ((k == Tok::RPar || k == Tok::RSqb || k == Tok::RBrace) && --depth == 0) {
      return toks_[j - 1].end_lineno == e->end_lineno && toks_[j - 1].end_col == e->end_col_offset;
    }
  }
  return false;
}

void Parser::assignment_eq_hint(const Token& first, const std::vector<Expr*>& chain, const Expr* value) {
  const Expr* t0 = chain[0];
  const Expr* le = unparenthesized_tuple(t0) ? cast<Tuple>(t0)->elts.back() : t0;
  if (le == t0 && first.kind == Tok::LPar && le->kind != ExprKind::Name) {
    // "(a, b) = ..." or "(f()) = ...": a parenthesized target is an atom.
    if (le->kind == ExprKind::Tuple || le->kind == ExprKind::GeneratorExp) return;
  }
  const Expr* next = chain.size() > 1 ? chain[1] : value;
  const Expr* x = unparenthesized_tuple(next) ? cast<Tuple>(next)->elts[0] : next;
  bool whole = x == next;
  for (bool more = true; more;) {
    switch (x->kind) {
      case ExprKind::IfExp: x = cast<IfExp>(x)->body; whole = false; break;
      case ExprKind::BoolOp: x = cast<BoolOp>(x)->values[0]; whole = false; break;
      case ExprKind::Compare: x = cast<Compare>(x)->left; whole = false; break;
      default: more = false; break;
    }
  }
  switch (x->kind) {
    case ExprKind::Lambda: case ExprKind::Yield: case ExprKind::YieldFrom: case ExprKind::Starred:
    case ExprKind::NamedExpr:
      return;
    case ExprKind::UnaryOp:
      if (cast<UnaryOp>(x)->op == UnaryOpKind::Not) return;
      break;
    default: break;
  }
  if (whole && chain.size() > 1) return;  // followed by another '='
  if (le->kind == ExprKind::Name) fail_range(le, x, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  // A parenthesized group is a bitwise_or whatever it holds: "(a < b) = 1".
  const bool group = parenthesized(le);
  if (!group) switch (le->kind) {
      case ExprKind::Compare: case ExprKind::BoolOp: case ExprKind::IfExp: case ExprKind::Lambda:
      case ExprKind::NamedExpr: case ExprKind::List: case ExprKind::Tuple: case ExprKind::GeneratorExp:
      case ExprKind::Starred:
        return;
      case ExprKind::Yield: case ExprKind::YieldFrom:
        if (!(le == t0 && first.kind == Tok::LPar)) return;  // "(yield) = 1" is an atom
        break;
      case ExprKind::UnaryOp:
        if (cast<UnaryOp>(le)->op == UnaryOpKind::Not) return;
        break;
      default: break;
    }
  if (!group && starts_with_display_or_singleton(le)) return;
  fail_node(le, std::string("cannot assign to ") + expr_name_for_error(le) +
                    " here. Maybe you meant '==' instead of '='?");
}

Stmt* Parser::expr_or_assign_stmt() {
  const Token& first = tok();
  Expr* e = at(Tok::KwYield) ? yield_expr() : star_expressions();
  if (at(Tok::Colon)) {
    // Annotated assignment.
    if (e->kind == ExprKind::Tuple)
      fail_node(e, "only single target (not tuple) can be annotated");
    if (e->kind == ExprKind::List)
      fail_node(e, "only single target (not list) can be annotated");
    if (e->kind != ExprKind::Name && e->kind != ExprKind::Attribute &&
        e->kind != ExprKind::Subscript)
      fail_node(e, "illegal target for annotation");
    next();
    auto* a = make<AnnAssign>(first);
    a->target = e;
    set_context(e, ExprContext::Store);
    a->annotation = expression();
    if (accept(Tok::Equal)) a->value = at(Tok::KwYield) ? yield_expr() : star_expressions();
    a->simple = (e->kind == ExprKind::Name && first.kind != Tok::LPar) ? 1 : 0;
    end_prev(a);
    return a;
  }
  if (at(Tok::Equal)) {
    std::vector<Expr*> chain{e};
    std::vector<bool> starts_with_bare_const;
    while (accept(Tok::Equal)) chain.push_back(at(Tok::KwYield) ? yield_expr() : star_expressions());
    Expr* value = chain.back();
    chain.pop_back();
    for (size_t i = 0; i < chain.size(); i++) {
      Expr* t = chain[i];
      if ((t->kind == ExprKind::Yield || t->kind == ExprKind::YieldFrom) &&
          !(i == 0 && first.kind == Tok::LPar))
        fail_node(t, "assignment to yield expression not possible");
      const Expr* bad = invalid_target(t, TargetsType::Star);
      if (!bad) continue;
      // CPython's second pass meets the first target's elements as named
      // expressions: the last one, followed by '=', draws the '==' hint when
      // what follows the '=' starts with a bitwise_or not itself followed by
      // '=' or ':=' ("a, b + 1 = 1, 2"; "f(), a = 1, 2"; "x = a, b + 1 = 1").
      assignment_eq_hint(first, chain, value);
      fail_node(bad, std::string("cannot assign to ") + expr_name_for_error(bad));
    }
    for (Expr* t : chain) set_context(t, ExprContext::Store);
    auto* a = make<Assign>(first);
    a->targets = std::move(chain);
    a->value = value;
    end_prev(a);
    return a;
  }
  OperatorKind op;
  if (is_aug_op(kind(), &op)) {
    if (e->kind != ExprKind::Name && e->kind != ExprKind::Attribute &&
        e->kind != ExprKind::Subscript)
      fail_node(e, std::string("'") + expr_name_for_error(e) +
                       "' is an illegal expression for augmented assignment");
    next();
    auto* a = make<AugAssign>(first);
    a->target = e;
    set_context(e, ExprContext::Store);
    a->op = op;
    a->value = at(Tok::KwYield) ? yield_expr() : star_expressions();
    end_prev(a);
    return a;
  }
  // Legacy print/exec statements.
  if (e->kind == ExprKind::Name && first.kind == Tok::Name &&
      (cast<Name>(e)->id == "print" || cast<Name>(e)->id == "exec") && starts_expression(kind()) &&
      !at(Tok::LPar) && !at(Tok::Minus) && !at(Tok::Plus) && !at(Tok::Tilde)) {
    size_t save = pos_;
    Expr* b = nullptr;
    try { b = star_expressions(); } catch (const ParseError&) { pos_ = save; }
    if (b)
      fail_range(e, b, "Missing parentheses in call to '" + cast<Name>(e)->id +
                           "'. Did you mean " + cast<Name>(e)->id + "(...)?");
  }
  auto* s = make<ExprStmt>(first);
  s->value = e;
  end_prev(s);
  return s;
}

Stmt* Parser::import_stmt() {
  const Token& first = next();
  auto* imp = make<Import>(first);
  do {
    const Token& n = expect(Tok::Name);
    auto* a = make<Alias>(n);
    a->name = ident(n);
    while (accept(Tok::Dot)) {
      a->name += '.';
      a->name += ident(expect(Tok::Name));
    }
    if (accept(Tok::KwAs)) a->asname = ident(expect(Tok::Name));
    end_prev(a);
    imp->names.push_back(a);
  } while (accept(Tok::Comma));
  end_prev(imp);
  return imp;
}

Stmt* Parser::from_stmt() {
  const Token& first = next();
  auto* f = make<ImportFrom>(first);
  for (;;) {
    if (accept(Tok::Dot)) f->level += 1;
    else if (accept(Tok::Ellipsis)) f->level += 3;
    else break;
  }
  if (at(Tok::Name)) {
    f->module = ident(next());
    while (accept(Tok::Dot)) {
      f->module += '.';
      f->module += ident(expect(Tok::Name));
    }
  } else if (f->level == 0) {
    fail_generic();
  }
  expect(Tok::KwImport);
  if (at(Tok::Star)) {
    const Token& s = next();
    auto* a = make<Alias>(s);
    a->name = "*";
    end_tok(a, s);
    f->names.push_back(a);
    end_prev(f);
    return f;
  }
  bool paren = accept(Tok::LPar);
  for (;;) {
    const Token& n = expect(Tok::Name);
    auto* a = make<Alias>(n);
    a->name = ident(n);
    if (accept(Tok::KwAs)) a->asname = ident(expect(Tok::Name));
    end_prev(a);
    f->names.push_back(a);
    if (!accept(Tok::Comma)) break;
    if (paren && at(Tok::RPar)) break;
    if (!paren && at(Tok::Newline))
      fail_tok(prev(), "trailing comma not allowed without surrounding parentheses");
  }
  if (paren) expect(Tok::RPar);
  end_prev(f);
  return f;
}

Stmt* Parser::type_alias_stmt() {
  const Token& first = next();  // soft keyword 'type'
  auto* t = make<TypeAlias>(first);
  const Token& n = next();
  auto* name = make<Name>(n);
  name->id = ident(n);
  name->ctx = ExprContext::Store;
  end_tok(name, n);
  t->name = name;
  if (at(Tok::LSqb)) t->type_params = type_params();
  expect(Tok::Equal);
  t->value = expression();
  end_prev(t);
  return t;
}

std::vector<TypeParam*> Parser::type_params() {
  std::vector<TypeParam*> out;
  const Token& open = next();  // '['
  if (at(Tok::RSqb)) fail_tok(tok(), "Type parameter list cannot be empty");
  (void)open;
  bracket_depth_++;
  while (!at(Tok::RSqb)) {
    const Token& start = tok();
    auto* p = make<TypeParam>(start);
    if (accept(Tok::Star)) {
      p->kind = TypeParamKind::TypeVarTuple;
      p->name = ident(expect(Tok::Name));
      if (at(Tok::Colon)) fail_tok(tok(), "cannot use bound with TypeVarTuple");
      if (accept(Tok::Equal)) p->default_value = star_expression();
    } else if (accept(Tok::DoubleStar)) {
      p->kind = TypeParamKind::ParamSpec;
      p->name = ident(expect(Tok::Name));
      if (at(Tok::Colon)) fail_tok(tok(), "cannot use bound with ParamSpec");
      if (accept(Tok::Equal)) p->default_value = expression();
    } else {
      p->kind = TypeParamKind::TypeVar;
      p->name = ident(expect(Tok::Name));
      if (accept(Tok::Colon)) p->bound = expression();
      if (accept(Tok::Equal)) p->default_value = expression();
    }
    end_prev(p);
    out.push_back(p);
    if (!accept(Tok::Comma)) break;
  }
  expect(Tok::RSqb);
  bracket_depth_--;
  return out;
}

void Parser::block(std::vector<Stmt*>& out, const char* what, int header_line) {
  if (accept(Tok::Newline)) {
    if (!at(Tok::Indent)) fail_indent_block(what, header_line);
    next();
    while (!at(Tok::Dedent)) {
      if (at(Tok::EndMarker) || at(Tok::Error)) fail_generic();
      statement(out);
    }
    next();
    return;
  }
  simple_stmts(out);
}

Stmt* Parser::compound_stmt() {
  DepthGuard guard(*this);
  switch (kind()) {
    case Tok::KwIf: return if_stmt(false);
    case Tok::KwWhile: return while_stmt();
    case Tok::KwFor: return for_stmt(nullptr);
    case Tok::KwTry: return try_stmt();
    case Tok::KwWith: return with_stmt(nullptr);
    case Tok::KwDef: return funcdef({}, nullptr, nullptr);
    case Tok::KwClass: return classdef({}, nullptr);
    case Tok::At: return decorated();
    case Tok::KwAsync: {
      const Token& a = next();
      if (at(Tok::KwDef)) return funcdef({}, &a, nullptr);
      if (at(Tok::KwFor)) return for_stmt(&a);
      if (at(Tok::KwWith)) return with_stmt(&a);
      fail_generic();
    }
    default:
      fail_generic();
  }
}


Stmt* Parser::if_stmt(bool elif) {
  const Token& first = next();
  auto* s = make<If>(first);
  s->test = named_expression();
  if (!at(Tok::Colon)) {
    if (at(Tok::Newline)) fail_tok(tok(), "expected ':'");
    fail_generic();
  }
  next();
  block(s->body, elif ? "'elif' statement" : "'if' statement", first.lineno);
  if (at(Tok::KwElif)) {
    s->orelse.push_back(if_stmt(true));
  } else if (at(Tok::KwElse)) {
    const Token& e = next();
    expect_forced(Tok::Colon, ":");
    block(s->orelse, "'else' statement", e.lineno);
  }
  end_block(s);
  return s;
}

Stmt* Parser::while_stmt() {
  const Token& first = next();
  auto* s = make<While>(first);
  s->test = named_expression();
  if (!at(Tok::Colon)) {
    if (at(Tok::Newline)) fail_tok(tok(), "expected ':'");
    fail_generic();
  }
  next();
  block(s->body, "'while' statement", first.lineno);
  if (at(Tok::KwElse)) {
    const Token& e = next();
    expect_forced(Tok::Colon, ":");
    block(s->orelse, "'else' statement", e.lineno);
  }
  end_block(s);
  return s;
}

Stmt* Parser::for_stmt(const Token* async_tok) {
  const Token& kw = next();
  const Token& first = async_tok ? *async_tok : kw;
  auto* s = make<For>(first);
  if (async_tok) s->kind = StmtKind::AsyncFor;
  s->target = star_targets();
  check_target(s->target, TargetsType::For);
  expect(Tok::KwIn);
  s->iter = star_expressions();
  if (!at(Tok::Colon)) {
    if (at(Tok::Newline)) fail_tok(tok(), "expected ':'");
    fail_generic();
  }
  next();
  block(s->body, "'for' statement", first.lineno);
  if (at(Tok::KwElse)) {
    const Token& e = next();
    expect_forced(Tok::Colon, ":");
    block(s->orelse, "'else' statement", e.lineno);
  }
  end_block(s);
  return s;
}

WithItem* Parser::with_item() {
  auto* w = arena_.make<WithItem>();
  w->context_expr = expression();
  if (accept(Tok::KwAs)) {
    Expr* t = star_target();
    if (!at(Tok::Comma) && !at(Tok::RPar) && !at(Tok::Colon)) fail_generic();
    check_target(t, TargetsType::Star);
    w->optional_vars = t;
  }
  return w;
}

Stmt* Parser::with_stmt(const Token* async_tok) {
  const Token& kw = next();
  const Token& first = async_tok ? *async_tok : kw;
  auto* s = make<With>(first);
  if (async_tok) s->kind = StmtKind::AsyncWith;
  bool done = false;
  if (at(Tok::LPar)) {
    // Parenthesised item list; fall back to an ordinary expression if the
    // parentheses turn out to belong to the first context expression.
    size_t save = pos_, save_seen = max_seen_;
    int save_depth = bracket_depth_;
    try {
      next();
      bracket_depth_++;
      std::vector<WithItem*> items;
      for (;;) {
        items.push_back(with_item());
        if (!accept(Tok::Comma)) break;
        if (at(Tok::RPar)) break;
      }
      expect(Tok::RPar);
      bracket_depth_--;
      if (!at(Tok::Colon)) fail_generic();
      s->items = std::move(items);
      done = true;
    } catch (const ParseError&) {
      pos_ = save;
      max_seen_ = save_seen;
      bracket_depth_ = save_depth;
    }
  }
  if (!done) {
    for (;;) {
      s->items.push_back(with_item());
      if (!accept(Tok::Comma)) break;
    }
  }
  if (!at(Tok::Colon)) {
    if (at(Tok::Newline)) fail_tok(tok(), "expected ':'");
    fail_generic();
  }
  next();
  block(s->body, "'with' statement", first.lineno);
  end_block(s);
  return s;
}

Stmt* Parser::try_stmt() {
  const Token& first = next();
  auto* s = make<Try>(first);
  expect_forced(Tok::Colon, ":");
  block(s->body, "'try' statement", first.lineno);
  bool any_star = false, any_plain = false;
  while (at(Tok::KwExcept)) {
    const Token& ex = next();
    bool star = accept(Tok::Star);
    (star ? any_star : any_plain) = true;
    if (any_star && any_plain)
      fail_tok(ex, "cannot have both 'except' and 'except*' on the same 'try'");
    auto* h = make<ExceptHandler>(ex);
    if (!at(Tok::Colon)) {
      const size_t start = pos_;
      Expr* t = expression();
      if (at(Tok::Comma)) {
        // PEP 758 (3.14): "except A, B:" without parentheses.
        auto* tup = make<Tuple>(toks_[start]);
        tup->elts.push_back(t);
        while (accept(Tok::Comma)) tup->elts.push_back(expression());
        end_prev(tup);
        if (at(Tok::KwAs))
          fail_node(tup, "multiple exception types must be parenthesized when using 'as'");
        t = tup;
      }
      h->type = t;
      if (accept(Tok::KwAs)) {
        if (!at(Tok::Name)) fail_generic();
        h->name = ident(next());
      }
    } else if (star) {
      fail_tok(tok(), "expected one or more exception types");
    }
    if (!at(Tok::Colon)) {
      if (at(Tok::Newline)) fail_tok(tok(), "expected ':'");
      fail_generic();
    }
    next();
    block(h->body, star ? "'except*' statement" : "'except' statement", ex.lineno);
    end_block(h);
    s->handlers.push_back(h);
  }
  if (any_star) s->kind = StmtKind::TryStar;
  if (at(Tok::KwElse)) {
    if (s->handlers.empty()) fail_generic();
    const Token& e = next();
    expect_forced(Tok::Colon, ":");
    block(s->orelse, "'else' statement", e.lineno);
  }
  if (at(Tok::KwFinally)) {
    const Token& f = next();
    expect_forced(Tok::Colon, ":");
    block(s->finalbody, "'finally' statement", f.lineno);
  }
  if (s->handlers.empty() && s->finalbody.empty()) {
    const Token& t = tok();
    if (t.kind == Tok::Dedent || t.kind == Tok::EndMarker) {
      size_t i = pos_;
      while (i > 1 && (toks_[i - 1].kind == Tok::Indent || toks_[i - 1].kind == Tok::Dedent)) i--;
      const Token& nl = toks_[i - 1];
      SyntaxErrorInfo e = make_error("SyntaxError", "expected 'except' or 'finally' block",
                                     nl.lineno, nl.col, nl.lineno, nl.col);
      e.end_offset = -1;
      throw ParseError{e, pos_};
    }
    fail_tok(t, "expected 'except' or 'finally' block");
  }
  end_block(s);
  return s;
}

Stmt* Parser::decorated() {
  std::vector<Expr*> decorators;
  while (accept(Tok::At)) {
    decorators.push_back(named_expression());
    if (!accept(Tok::Newline)) fail_generic();
  }
  if (at(Tok::KwDef)) return funcdef(std::move(decorators), nullptr, nullptr);
  if (at(Tok::KwClass)) return classdef(std::move(decorators), nullptr);
  if (at(Tok::KwAsync) && kind(1) == Tok::KwDef) {
    const Token& a = next();
    return funcdef(std::move(decorators), &a, nullptr);
  }
  fail_generic();
}

Stmt* Parser::funcdef(std::vector<Expr*> decorators, const Token* async_tok, const Token*) {
  const Token& kw = next();  // def
  const Token& first = async_tok ? *async_tok : kw;
  auto* f = make<FunctionDef>(first);
  if (async_tok) f->kind = StmtKind::AsyncFunctionDef;
  f->decorator_list = std::move(decorators);
  f->name = ident(expect(Tok::Name));
  if (at(Tok::LSqb)) f->type_params = type_params();
  if (!at(Tok::LPar)) fail_tok(tok(), "expected '('");
  next();
  bracket_depth_++;
  f->args = parameters(Tok::RPar, true);
  expect(Tok::RPar);
  bracket_depth_--;
  if (accept(Tok::RArrow)) f->returns = expression();
  expect_forced(Tok::Colon, ":");
  block(f->body, "function definition", first.lineno);
  end_block(f);
  return f;
}

Stmt* Parser::classdef(std::vector<Expr*> decorators, const Token*) {
  const Token& first = next();  // class
  auto* c = make<ClassDef>(first);
  c->decorator_list = std::move(decorators);
  c->name = ident(expect(Tok::Name));
  if (at(Tok::LSqb)) c->type_params = type_params();
  if (at(Tok::LPar)) {
    const Token& open = next();
    auto* call = arena_.make<Call>();
    call_args(call, open, /*allow_genexp=*/false);
    c->bases = std::move(call->args);
    c->keywords = std::move(call->keywords);
  }
  expect_forced(Tok::Colon, ":");
  block(c->body, "class definition", first.lineno);
  end_block(c);
  return c;
}

ast::Arguments* Parser::parameters(Tok close, bool allow_annotations) {
  auto* a = arena_.make<Arguments>();
  bool seen_slash = false, seen_star = false, seen_default = false;
  auto param = [&](bool star_annotation) {
    const Token& n = tok();
    if (n.kind != Tok::Name) fail_generic();
    next();
    auto* p = make<Arg>(n);
    p->arg = ident(n);
    if (allow_annotations && accept(Tok::Colon))
      p->annotation = star_annotation ? star_expression() : expression();
    end_prev(p);
    return p;
  };
  while (!at(close)) {
    if (at(Tok::Slash)) {
      const Token& s = next();
      if (seen_slash) fail_tok(s, "/ may appear only once");
      if (a->kwarg) fail_tok(s, "arguments cannot follow var-keyword argument");
      if (seen_star) fail_tok(s, "/ must be ahead of *");
      // 3.11 names the mistake only when a ',' follows: "def f(/, a)".
      if (a->args.empty()) fail_tok(s, at(Tok::Comma) ? "at least one argument must precede /" : "invalid syntax");
      a->posonlyargs = std::move(a->args);
      a->args.clear();
      seen_slash = true;
    } else if (at(Tok::Star)) {
      const Token& s = next();
      if (a->kwarg) fail_tok(s, "arguments cannot follow var-keyword argument");
      if (seen_star) fail_tok(s, "* argument may appear only once");
      seen_star = true;
      if (at(Tok::Comma) || at(close)) {
        // Bare '*': keyword-only parameters must follow.
        if (at(close) || (kind(1) == close) || kind(1) == Tok::DoubleStar)
          fail_tok(s, "named arguments must follow bare *");
      } else {
        a->vararg = param(true);
        if (at(Tok::Equal)) fail_tok(tok(), "var-positional argument cannot have default value");
      }
    } else if (at(Tok::DoubleStar)) {
      next();
      if (a->kwarg) fail_generic();
      a->kwarg = param(false);
      if (at(Tok::Equal)) fail_tok(tok(), "var-keyword argument cannot have default value");
    } else {
      if (a->kwarg) {
        const Token& t = tok();
        fail_tok(t, "arguments cannot follow var-keyword argument");
      }
      Arg* p = param(false);
      Expr* d = nullptr;
      if (accept(Tok::Equal)) d = expression();
      if (seen_star) {
        a->kwonlyargs.push_back(p);
        a->kw_defaults.push_back(d);
      } else {
        a->args.push_back(p);
        if (d) {
          a->defaults.push_back(d);
          seen_default = true;
        } else if (seen_default) {
          // CPython 3.11's wording (3.12: "parameter without a default follows
          // parameter with a default").
          fail_node(p, "non-default argument follows default argument");
        }
      }
    }
    if (!accept(Tok::Comma)) break;
  }
  return a;
}

}  // namespace ftpy
