// The match statement (PEP 634) and its patterns.
#include "parse/parser_impl.h"

namespace ftpy {

using namespace ast;

bool Parser::looks_like_match_stmt() {
  // 'match' is a soft keyword: it starts a statement only if a subject
  // expression followed by ':' NEWLINE comes next. Try it and rewind.
  Tok k1 = kind(1);
  if (!starts_expression(k1) && k1 != Tok::Star) return false;
  size_t save = pos_, save_seen = max_seen_;
  int save_depth = bracket_depth_;
  bool ok = false;
  try {
    next();
    star_named_expressions_tuple();
    ok = at(Tok::Colon) && kind(1) == Tok::Newline;
  } catch (const ParseError&) {
    ok = false;
  }
  pos_ = save;
  max_seen_ = save_seen;
  bracket_depth_ = save_depth;
  return ok;
}

Expr* Parser::star_named_expressions_tuple() {
  const size_t start = pos_;
  Expr* e = star_named_expression();
  if (!at(Tok::Comma)) return e;
  auto* t = make<Tuple>(toks_[start]);
  t->elts.push_back(e);
  while (accept(Tok::Comma)) {
    if (!starts_expression(kind()) && !at(Tok::Star)) break;
    t->elts.push_back(star_named_expression());
  }
  end_prev(t);
  return t;
}

Stmt* Parser::match_stmt() {
  const Token& first = next();
  auto* m = make<Match>(first);
  m->subject = star_named_expressions_tuple();
  expect(Tok::Colon);
  expect(Tok::Newline);
  if (!at(Tok::Indent)) fail_indent_block("'match' statement", first.lineno);
  next();
  while (!at(Tok::Dedent)) {
    if (!at_name("case")) fail_generic();
    m->cases.push_back(case_block());
  }
  next();
  end_block(m);
  return m;
}

MatchCase* Parser::case_block() {
  const Token& first = next();  // 'case'
  auto* c = arena_.make<MatchCase>();
  c->pattern = patterns();
  if (accept(Tok::KwIf)) c->guard = named_expression();
  expect_forced(Tok::Colon, ":");
  block(c->body, "'case' statement", first.lineno);
  return c;
}

Pattern* Parser::patterns() {
  const Token& first = tok();
  Pattern* p = at(Tok::Star) ? star_pattern() : pattern();
  if (!at(Tok::Comma)) {
    if (p->kind == PatternKind::MatchStar) {
      auto* s = make<MatchSequence>(first);
      s->patterns.push_back(p);
      end_prev(s);
      return s;
    }
    return p;
  }
  auto* s = make<MatchSequence>(first);
  s->patterns.push_back(p);
  while (accept(Tok::Comma)) {
    if (at(Tok::Colon) || at(Tok::KwIf)) break;
    s->patterns.push_back(at(Tok::Star) ? star_pattern() : pattern());
  }
  end_prev(s);
  return s;
}

Pattern* Parser::pattern() {
  const size_t start = pos_;
  DepthGuard guard(*this);
  Pattern* p = or_pattern();
  if (!at(Tok::KwAs)) return p;
  next();
  const Token& n = tok();
  if (n.kind != Tok::Name) fail_generic();
  if (text(n) == "_") fail_tok(n, "cannot use '_' as a target");
  next();
  if (at(Tok::Dot) || at(Tok::LPar)) fail_generic();
  auto* a = make<MatchAs>(toks_[start]);
  a->pattern = p;
  a->name = ident(n);
  end_tok(a, n);
  return a;
}

Pattern* Parser::or_pattern() {
  const size_t start = pos_;
  Pattern* p = closed_pattern();
  if (!at(Tok::VBar)) return p;
  auto* o = make<MatchOr>(toks_[start]);
  o->patterns.push_back(p);
  while (accept(Tok::VBar)) o->patterns.push_back(closed_pattern());
  end_prev(o);
  return o;
}

Pattern* Parser::star_pattern() {
  const Token& s = next();  // '*'
  const Token& n = expect(Tok::Name);
  auto* p = make<MatchStar>(s);
  if (text(n) != "_") p->name = ident(n);
  end_tok(p, n);
  return p;
}

// A signed real/imaginary number or complex literal "a+bj" / "-a-bj".
Expr* Parser::signed_number_or_complex() {
  const size_t start = pos_;
  const Token& first = tok();
  Expr* left;
  if (at(Tok::Minus)) {
    next();
    const Token& n = expect(Tok::Number);
    auto* u = make<UnaryOp>(first);
    u->op = UnaryOpKind::USub;
    u->operand = number(n);
    end_tok(u, n);
    left = u;
  } else {
    left = number(expect(Tok::Number));
  }
  if (at(Tok::Plus) || at(Tok::Minus)) {
    bool plus = at(Tok::Plus);
    next();
    const Token& n = expect(Tok::Number);
    Expr* imag = number(n);
    const Expr* real = left->kind == ExprKind::UnaryOp ? cast<UnaryOp>(left)->operand : left;
    if (cast<Constant>(real)->value.kind == ConstantValue::Kind::Complex)
      fail_node(left, "real number required in complex literal");
    if (cast<Constant>(imag)->value.kind != ConstantValue::Kind::Complex)
      fail_node(imag, "imaginary number required in complex literal");
    auto* b = make<BinOp>(toks_[start]);
    b->left = left;
    b->op = plus ? OperatorKind::Add : OperatorKind::Sub;
    b->right = imag;
    end_prev(b);
    return b;
  }
  return left;
}

// NAME ('.' NAME)+ as an Attribute chain (a value pattern), or a plain name.
Expr* Parser::pattern_value_attr() {
  const size_t start = pos_;
  const Token& n = next();
  Expr* e = make<Name>(n);
  cast<Name>(e)->id = ident(n);
  end_tok(e, n);
  while (accept(Tok::Dot)) {
    const Token& a = expect(Tok::Name);
    auto* at = make<Attribute>(toks_[start]);
    at->value = e;
    at->attr = ident(a);
    end_tok(at, a);
    e = at;
  }
  return e;
}

Pattern* Parser::closed_pattern() {
  const size_t start = pos_;
  DepthGuard guard(*this);
  const Token& t = tok();
  switch (t.kind) {
    case Tok::Minus: case Tok::Number: {
      Expr* v = signed_number_or_complex();
      auto* p = make<MatchValue>(toks_[start]);
      p->value = v;
      end_prev(p);
      return p;
    }
    case Tok::String: case Tok::FStringStart: {
      Expr* v = strings();
      if (v->kind != ExprKind::Constant)
        fail_node(v, "patterns may only match literals and attribute lookups");
      auto* p = make<MatchValue>(toks_[start]);
      p->value = v;
      end_prev(p);
      return p;
    }
    case Tok::KwNone: case Tok::KwTrue: case Tok::KwFalse: {
      next();
      auto* p = make<MatchSingleton>(t);
      p->value.kind = t.kind == Tok::KwNone   ? ConstantValue::Kind::None
                      : t.kind == Tok::KwTrue ? ConstantValue::Kind::True
                                              : ConstantValue::Kind::False;
      end_tok(p, t);
      return p;
    }
    case Tok::Name: {
      if (kind(1) != Tok::Dot && kind(1) != Tok::LPar) {
        next();
        auto* p = make<MatchAs>(t);
        if (text(t) != "_") p->name = ident(t);
        end_tok(p, t);
        return p;
      }
      Expr* v = pattern_value_attr();
      if (at(Tok::LPar)) return class_pattern(v, start);
      if (v->kind == ExprKind::Name) fail_generic();
      auto* p = make<MatchValue>(toks_[start]);
      p->value = v;
      end_prev(p);
      return p;
    }
    case Tok::LPar: {
      const Token& open = next();
      if (at(Tok::RPar)) {
        next();
        auto* s = make<MatchSequence>(open);
        end_prev(s);
        return s;
      }
      Pattern* first = at(Tok::Star) ? star_pattern() : pattern();
      if (at(Tok::RPar) && first->kind != PatternKind::MatchStar) {
        next();
        return first;  // group pattern
      }
      auto* s = make<MatchSequence>(open);
      s->patterns.push_back(first);
      if (!at(Tok::RPar)) {
        expect(Tok::Comma);
        while (!at(Tok::RPar)) {
          s->patterns.push_back(at(Tok::Star) ? star_pattern() : pattern());
          if (!accept(Tok::Comma)) break;
        }
      }
      expect(Tok::RPar);
      end_prev(s);
      return s;
    }
    case Tok::LSqb: {
      const Token& open = next();
      auto* s = make<MatchSequence>(open);
      while (!at(Tok::RSqb)) {
        s->patterns.push_back(at(Tok::Star) ? star_pattern() : pattern());
        if (!accept(Tok::Comma)) break;
      }
      expect(Tok::RSqb);
      end_prev(s);
      return s;
    }
    case Tok::LBrace:
      return mapping_pattern();
    default:
      fail_generic();
  }
}

Pattern* Parser::mapping_pattern() {
  const Token& open = next();
  auto* m = make<MatchMapping>(open);
  while (!at(Tok::RBrace)) {
    if (accept(Tok::DoubleStar)) {
      const Token& n = expect(Tok::Name);
      m->rest = ident(n);
      accept(Tok::Comma);
      if (!at(Tok::RBrace)) fail_generic();
      break;
    }
    Expr* key;
    switch (kind()) {
      case Tok::Minus: case Tok::Number: key = signed_number_or_complex(); break;
      case Tok::String: case Tok::FStringStart:
        key = strings();
        if (key->kind != ExprKind::Constant)
          fail_node(key, "patterns may only match literals and attribute lookups");
        break;
      case Tok::KwNone: case Tok::KwTrue: case Tok::KwFalse: key = atom(); break;
      case Tok::Name:
        key = pattern_value_attr();
        if (key->kind == ExprKind::Name) fail_generic();
        break;
      default:
        fail_generic();
    }
    expect(Tok::Colon);
    m->keys.push_back(key);
    m->patterns.push_back(pattern());
    if (!accept(Tok::Comma)) break;
  }
  expect(Tok::RBrace);
  end_prev(m);
  return m;
}

Pattern* Parser::class_pattern(Expr* cls, size_t start) {
  next();  // '('
  auto* c = make<MatchClass>(toks_[start]);
  c->cls = cls;
  while (!at(Tok::RPar)) {
    if (kind() == Tok::Name && kind(1) == Tok::Equal) {
      const Token& n = next();
      next();
      c->kwd_attrs.push_back(ident(n));
      c->kwd_patterns.push_back(pattern());
    } else {
      Pattern* p = pattern();
      if (!c->kwd_attrs.empty())
        fail_node(p, "positional patterns follow keyword patterns");
      c->patterns.push_back(p);
    }
    if (!accept(Tok::Comma)) break;
  }
  expect(Tok::RPar);
  end_prev(c);
  return c;
}

Pattern* Parser::sequence_pattern(Tok, const Token&) { fail_generic(); }

}  // namespace ftpy
