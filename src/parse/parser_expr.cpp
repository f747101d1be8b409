// Expression rules, from star_expressions down to atoms (precedence
// climbing follows the 3.14 PEG grammar's rule hierarchy).
#include <charconv>
#include <cmath>

#include "parse/parser_impl.h"

namespace ftpy {

using namespace ast;

bool Parser::starts_expression(Tok k) {
  switch (k) {
    case Tok::Name: case Tok::Number: case Tok::String: case Tok::FStringStart:
    case Tok::LPar: case Tok::LSqb: case Tok::LBrace: case Tok::KwNone: case Tok::KwTrue:
    case Tok::KwFalse: case Tok::Ellipsis: case Tok::Minus: case Tok::Plus: case Tok::Tilde:
    case Tok::KwNot: case Tok::KwLambda: case Tok::KwAwait:
      return true;
    default:
      return false;
  }
}

// Is the current token one that can begin an operand juxtaposed after a
// complete expression ("Perhaps you forgot a comma?")?
static bool starts_operand(Tok k) {
  switch (k) {
    case Tok::Name: case Tok::Number: case Tok::String: case Tok::FStringStart:
    case Tok::LPar: case Tok::LSqb: case Tok::LBrace: case Tok::KwNone: case Tok::KwTrue:
    case Tok::KwFalse: case Tok::Ellipsis: case Tok::Tilde: case Tok::KwLambda:
    case Tok::KwAwait:
      return true;
    default:
      return false;
  }
}

static bool is_soft_keyword(std::string_view s) {
  return s == "match" || s == "case" || s == "_" || s == "type";
}

Expr* Parser::star_expressions() {
  const size_t start = pos_;
  Expr* e = star_expression();
  if (!at(Tok::Comma)) return e;
  auto* t = make<Tuple>(toks_[start]);
  t->elts.push_back(e);
  while (accept(Tok::Comma)) {
    if (!starts_expression(kind()) && !at(Tok::Star)) break;
    t->elts.push_back(star_expression());
  }
  end_prev(t);
  return t;
}

Expr* Parser::star_expression() {
  if (at(Tok::Star)) {
    const Token& s = next();
    auto* st = make<Starred>(s);
    st->value = bitwise_or();
    end_prev(st);
    return st;
  }
  return expression();
}

Expr* Parser::star_named_expression() {
  if (at(Tok::Star)) {
    const Token& s = next();
    auto* st = make<Starred>(s);
    st->value = bitwise_or();
    end_prev(st);
    return st;
  }
  return named_expression();
}

Expr* Parser::named_expression() {
  if (kind() == Tok::Name && kind(1) == Tok::ColonEqual) {
    const Token& n = next();
    auto* target = make<Name>(n);
    target->id = ident(n);
    target->ctx = ExprContext::Store;
    end_tok(target, n);
    next();
    auto* ne = make<NamedExpr>(n);
    ne->target = target;
    ne->value = expression();
    end_prev(ne);
    return ne;
  }
  const size_t start = pos_;
  Expr* e = expression();
  if (at(Tok::ColonEqual))
    fail_node(e, std::string("cannot use assignment expressions with ") + expr_name_for_error(e));
  if (at(Tok::Equal) && !no_eq_hint_) invalid_named_expression(start, e);
  return e;
}

// A single '=' where a named expression ends ("if x = 1:", "[y = 2]"):
// CPython's invalid_named_expression suggests '==' when what follows the '='
// is a bitwise_or not itself followed by '=' or ':='. Otherwise the caller
// reports plain "invalid syntax" later.
void Parser::invalid_named_expression(size_t start, const Expr* a) {
  const Tok first = toks_[start].kind;
  bool name = first == Tok::Name && a->kind == ExprKind::Name;
  // A parenthesized group is a bitwise_or whatever it holds: "(a < b) = 1".
  const bool group = parenthesized(a);
  bool other = true;
  if (!group) switch (a->kind) {
      case ExprKind::Compare: case ExprKind::BoolOp: case ExprKind::IfExp: case ExprKind::Lambda:
      case ExprKind::NamedExpr: case ExprKind::List: case ExprKind::Tuple: case ExprKind::GeneratorExp:
        other = false;
        break;
      case ExprKind::UnaryOp:
        other = cast<UnaryOp>(a)->op != UnaryOpKind::Not;
        break;
      default:
        break;
    }
  if (!group && starts_with_display_or_singleton(a)) other = false;
  if (!name && !other) return;
  size_t save = pos_, save_seen = max_seen_;
  int save_depth = bracket_depth_;
  const Expr* b = nullptr;
  try {
    next();
    if (starts_expression(kind())) b = bitwise_or();
  } catch (const ParseError&) {
    b = nullptr;
  }
  bool fires = b && !at(Tok::Equal) && !at(Tok::ColonEqual);
  pos_ = save;
  max_seen_ = save_seen;
  bracket_depth_ = save_depth;
  if (!fires) return;
  if (name) fail_range(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  fail_node(a, std::string("cannot assign to ") + expr_name_for_error(a) + " here. Maybe you meant '==' instead of '='?");
}

// A dictionary display's value, after its ':' (CPython 3.11's
// invalid_kvpair messages for a missing or starred one).
Expr* Parser::dict_value() {
  if (at(Tok::RBrace) || at(Tok::Comma)) fail_tok(prev(), "expression expected after dictionary key and ':'");
  if (at(Tok::Star)) {
    const Token& star = tok();
    next();
    Expr* b = bitwise_or();
    throw ParseError{make_error("SyntaxError", "cannot use a starred expression in a dictionary value", star.lineno,
                                star.col, b->end_lineno, b->end_col_offset),
                     pos_};
  }
  return expression();
}

Expr* Parser::expressions() {
  const size_t start = pos_;
  Expr* e = expression();
  if (!at(Tok::Comma)) return e;
  auto* t = make<Tuple>(toks_[start]);
  t->elts.push_back(e);
  while (accept(Tok::Comma)) {
    if (!starts_expression(kind())) break;
    t->elts.push_back(expression());
  }
  end_prev(t);
  return t;
}

Expr* Parser::expression() {
  const size_t start = pos_;
  DepthGuard guard(*this);
  if (at(Tok::KwLambda)) return lambdef();
  Expr* body = disjunction();
  if (!at(Tok::KwIf)) return body;
  next();
  Expr* test = disjunction();
  if (!at(Tok::KwElse)) {
    if (!at(Tok::Colon)) fail_range(body, test, "expected 'else' after 'if' expression");
    fail_generic();
  }
  next();
  auto* e = make<IfExp>(toks_[start]);
  e->test = test;
  e->body = body;
  e->orelse = expression();
  end_prev(e);
  return e;
}

Expr* Parser::lambdef() {
  const Token& t = next();
  auto* l = make<Lambda>(t);
  l->args = parameters(Tok::Colon, false);
  expect(Tok::Colon);
  l->body = expression();
  end_prev(l);
  return l;
}

Expr* Parser::disjunction() {
  const size_t start = pos_;
  Expr* e = conjunction();
  if (!at(Tok::KwOr)) return e;
  auto* b = make<BoolOp>(toks_[start]);
  b->op = BoolOpKind::Or;
  b->values.push_back(e);
  while (accept(Tok::KwOr)) b->values.push_back(conjunction());
  end_prev(b);
  return b;
}

Expr* Parser::conjunction() {
  const size_t start = pos_;
  Expr* e = inversion();
  if (!at(Tok::KwAnd)) return e;
  auto* b = make<BoolOp>(toks_[start]);
  b->op = BoolOpKind::And;
  b->values.push_back(e);
  while (accept(Tok::KwAnd)) b->values.push_back(inversion());
  end_prev(b);
  return b;
}

Expr* Parser::inversion() {
  if (at(Tok::KwNot)) {
    DepthGuard guard(*this);
    const Token& t = next();
    auto* u = make<UnaryOp>(t);
    u->op = UnaryOpKind::Not;
    u->operand = inversion();
    end_prev(u);
    return u;
  }
  return comparison();
}

Expr* Parser::comparison() {
  const size_t start = pos_;
  Expr* e = bitwise_or();
  Compare* c = nullptr;
  for (;;) {
    CmpOpKind op;
    switch (kind()) {
      case Tok::EqEqual: op = CmpOpKind::Eq; break;
      case Tok::NotEqual: op = CmpOpKind::NotEq; break;
      case Tok::Less: op = CmpOpKind::Lt; break;
      case Tok::LessEqual: op = CmpOpKind::LtE; break;
      case Tok::Greater: op = CmpOpKind::Gt; break;
      case Tok::GreaterEqual: op = CmpOpKind::GtE; break;
      case Tok::KwIn: op = CmpOpKind::In; break;
      case Tok::KwNot:
        if (kind(1) != Tok::KwIn) return c ? static_cast<Expr*>(c) : e;
        next();
        op = CmpOpKind::NotIn;
        break;
      case Tok::KwIs:
        if (kind(1) == Tok::KwNot) {
          next();
          op = CmpOpKind::IsNot;
        } else {
          op = CmpOpKind::Is;
        }
        break;
      default:
        return c ? static_cast<Expr*>(c) : e;
    }
    next();
    if (!c) {
      c = make<Compare>(toks_[start]);
      c->left = e;
    }
    c->ops.push_back(op);
    c->comparators.push_back(bitwise_or());
    end_prev(c);
  }
}

#define FTPY_BINARY_RULE(fn, sub, cases)           \
  Expr* Parser::fn() {                             \
    const size_t start = pos_;                     \
    Expr* e = sub();                               \
    for (;;) {                                     \
      OperatorKind op;                             \
      switch (kind()) {                            \
        cases                                      \
        default: return e;                         \
      }                                            \
      next();                                      \
      auto* b = make<BinOp>(toks_[start]);                 \
      b->left = e;                                 \
      b->op = op;                                  \
      b->right = sub();                            \
      end_prev(b);                       \
      e = b;                                       \
    }                                              \
  }

FTPY_BINARY_RULE(bitwise_or, bitwise_xor, case Tok::VBar: op = OperatorKind::BitOr; break;)
FTPY_BINARY_RULE(bitwise_xor, bitwise_and, case Tok::Circumflex: op = OperatorKind::BitXor; break;)
FTPY_BINARY_RULE(bitwise_and, shift_expr, case Tok::Amper: op = OperatorKind::BitAnd; break;)
FTPY_BINARY_RULE(shift_expr, sum,
                 case Tok::LeftShift: op = OperatorKind::LShift; break;
                 case Tok::RightShift: op = OperatorKind::RShift; break;)
FTPY_BINARY_RULE(sum, term,
                 case Tok::Plus: op = OperatorKind::Add; break;
                 case Tok::Minus: op = OperatorKind::Sub; break;)
FTPY_BINARY_RULE(term, factor,
                 case Tok::Star: op = OperatorKind::Mult; break;
                 case Tok::Slash: op = OperatorKind::Div; break;
                 case Tok::DoubleSlash: op = OperatorKind::FloorDiv; break;
                 case Tok::Percent: op = OperatorKind::Mod; break;
                 case Tok::At: op = OperatorKind::MatMult; break;)
#undef FTPY_BINARY_RULE

Expr* Parser::factor() {
  UnaryOpKind op;
  switch (kind()) {
    case Tok::Plus: op = UnaryOpKind::UAdd; break;
    case Tok::Minus: op = UnaryOpKind::USub; break;
    case Tok::Tilde: op = UnaryOpKind::Invert; break;
    default: return power();
  }
  DepthGuard guard(*this);
  const Token& t = next();
  auto* u = make<UnaryOp>(t);
  u->op = op;
  u->operand = factor();
  end_prev(u);
  return u;
}

Expr* Parser::power() {
  const size_t start = pos_;
  Expr* e = await_primary();
  if (!at(Tok::DoubleStar)) return e;
  next();
  DepthGuard guard(*this);
  auto* b = make<BinOp>(toks_[start]);
  b->left = e;
  b->op = OperatorKind::Pow;
  b->right = factor();
  end_prev(b);
  return b;
}

Expr* Parser::await_primary() {
  if (at(Tok::KwAwait)) {
    DepthGuard guard(*this);
    const Token& t = next();
    auto* a = make<Await>(t);
    a->value = primary();
    end_prev(a);
    return a;
  }
  return primary();
}

Expr* Parser::primary() {
  const size_t start = pos_;
  Expr* e = atom();
  for (;;) {
    switch (kind()) {
      case Tok::Dot: {
        next();
        const Token& n = expect(Tok::Name);
        auto* a = make<Attribute>(toks_[start]);
        a->value = e;
        a->attr = ident(n);
        end_tok(a, n);
        e = a;
        break;
      }
      case Tok::LPar: {
        DepthGuard guard(*this);
        const Token& open = next();
        auto* c = make<Call>(toks_[start]);
        c->func = e;
        call_args(c, open);
        end_prev(c);
        e = c;
        break;
      }
      case Tok::LSqb: {
        DepthGuard guard(*this);
        next();
        bracket_depth_++;
        auto* s = make<Subscript>(toks_[start]);
        s->value = e;
        s->slice = slices();
        if (!at(Tok::RSqb)) {
          if (starts_operand(kind()) && !at(Tok::Name)) fail_generic();
          fail_generic();
        }
        next();
        bracket_depth_--;
        end_prev(s);
        e = s;
        break;
      }
      default:
        return e;
    }
  }
}

Expr* Parser::slices() {
  const size_t start = pos_;
  Expr* first = slice();
  if (!at(Tok::Comma)) {
    if (first->kind != ExprKind::Starred) return first;
    auto* t = make<Tuple>(toks_[start]);  // x[*a] is x[(*a,)]
    t->elts.push_back(first);
    end_prev(t);
    return t;
  }
  auto* t = make<Tuple>(toks_[start]);
  t->elts.push_back(first);
  while (accept(Tok::Comma)) {
    if (at(Tok::RSqb)) break;
    t->elts.push_back(slice());
  }
  end_prev(t);
  return t;
}

Expr* Parser::slice() {
  const Token& start = tok();
  Expr* lower = nullptr;
  if (!at(Tok::Colon)) {
    if (at(Tok::Star)) return star_expression();
    lower = named_expression();
    if (!at(Tok::Colon)) return lower;
  }
  auto* s = make<Slice>(start);
  s->lower = lower;
  next();  // ':'
  if (!at(Tok::Colon) && !at(Tok::Comma) && !at(Tok::RSqb)) s->upper = expression();
  if (accept(Tok::Colon)) {
    if (!at(Tok::Comma) && !at(Tok::RSqb)) s->step = expression();
  }
  end_prev(s);
  return s;
}

void Parser::call_args(Call* call, const Token& open, bool allow_genexp) {
  bracket_depth_++;
  bool seen_kw_unpack = false;
  const char* late_error = nullptr;
  while (!at(Tok::RPar)) {
    if (at(Tok::Star)) {
      const Token& s = next();
      auto* st = make<Starred>(s);
      st->value = expression();
      end_prev(st);
      if (seen_kw_unpack)  // 3.11 marks the '*' alone
        fail_tok(s, "iterable argument unpacking follows keyword argument unpacking");
      call->args.push_back(st);
    } else if (at(Tok::DoubleStar)) {
      const Token& s = next();
      auto* k = make<Keyword>(s);
      k->value = expression();
      end_prev(k);
      call->keywords.push_back(k);
      seen_kw_unpack = true;
    } else if (kind() == Tok::Name && kind(1) == Tok::Equal) {
      const Token& n = next();
      next();
      auto* k = make<Keyword>(n);
      k->arg = ident(n);
      k->value = expression();
      end_prev(k);
      call->keywords.push_back(k);
    } else if ((at(Tok::KwTrue) || at(Tok::KwFalse) || at(Tok::KwNone)) && kind(1) == Tok::Equal) {
      const Token& n = tok();
      const Token& eq = tok(1);
      throw ParseError{make_error("SyntaxError", "cannot assign to " + std::string(text(n)),
                                  n.lineno, n.col, eq.end_lineno, eq.end_col),
                       pos_};
    } else {
      const size_t start = pos_;
      // An argument is CPython's `expression`, whose '=' error is the one below.
      bool save_hint = no_eq_hint_;
      no_eq_hint_ = true;
      Expr* e = named_expression();
      no_eq_hint_ = save_hint;
      if (at(Tok::Equal)) {
        const Token& eq = tok();
        throw ParseError{
            make_error("SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?",
                       e->lineno, e->col_offset, eq.end_lineno, eq.end_col),
            pos_};
      }
      if (at(Tok::KwFor) || (at(Tok::KwAsync) && kind(1) == Tok::KwFor)) {
        // A class's bases are plain arguments: "class A(x for x in y)" is invalid syntax.
        if (!allow_genexp) fail_tok(tok(), "invalid syntax");
        auto* g = make<GeneratorExp>(toks_[start]);
        g->elt = e;
        g->generators = comprehension_clauses();
        end_prev(g);
        if (call->args.empty() && call->keywords.empty() && at(Tok::RPar)) {
          g->lineno = open.lineno;
          g->col_offset = open.col;
          end_tok(g, tok());
        } else {
          fail_node(g, "Generator expression must be parenthesized");
        }
        e = g;
      }
      if (!call->keywords.empty() && !late_error) {
        // CPython reports this at the end of the argument list.
        late_error = seen_kw_unpack ? "positional argument follows keyword argument unpacking"
                                    : "positional argument follows keyword argument";
      }
      call->args.push_back(e);
    }
    if (!accept(Tok::Comma)) break;
  }
  if (late_error) fail_tok(tok(), late_error);
  if (!at(Tok::RPar)) {
    Expr* last = nullptr;
    if (!call->args.empty()) last = call->args.back();
    if (!call->keywords.empty() && (!last || call->keywords.back()->lineno > last->lineno ||
                                    (call->keywords.back()->lineno == last->lineno &&
                                     call->keywords.back()->col_offset > last->col_offset)))
      last = call->keywords.back()->value;
    if (last && prev().kind != Tok::Comma && starts_operand(kind())) {
      bool excluded = (last->kind == ExprKind::Name && (at(Tok::String) || at(Tok::FStringStart))) ||
                      (last->kind == ExprKind::Name && is_soft_keyword(cast<Name>(last)->id));
      if (!excluded) {
        size_t save = pos_;
        Expr* b = nullptr;
        try {
          b = expression();
        } catch (const ParseError&) {
          pos_ = save;
        }
        if (b) fail_range(last, b, "invalid syntax. Perhaps you forgot a comma?");
      }
    }
    fail_generic();
  }
  next();
  bracket_depth_--;
}

std::vector<Comprehension*> Parser::comprehension_clauses() {
  std::vector<Comprehension*> gens;
  while (at(Tok::KwFor) || (at(Tok::KwAsync) && kind(1) == Tok::KwFor)) {
    auto* c = arena_.make<Comprehension>();
    if (accept(Tok::KwAsync)) c->is_async = 1;
    next();  // for
    c->target = star_targets();
    check_target(c->target, TargetsType::For);
    expect(Tok::KwIn);
    c->iter = disjunction();
    while (accept(Tok::KwIf)) c->ifs.push_back(disjunction());
    gens.push_back(c);
  }
  return gens;
}

Expr* Parser::star_target() {
  if (at(Tok::Star)) {
    DepthGuard guard(*this);
    const Token& s = next();
    auto* st = make<Starred>(s);
    st->value = star_target();
    end_prev(st);
    return st;
  }
  return bitwise_or();
}

Expr* Parser::star_targets() {
  const size_t start = pos_;
  Expr* e = star_target();
  if (!at(Tok::Comma)) return e;
  auto* t = make<Tuple>(toks_[start]);
  t->elts.push_back(e);
  while (accept(Tok::Comma)) {
    if (!starts_expression(kind()) && !at(Tok::Star)) break;
    t->elts.push_back(star_target());
  }
  end_prev(t);
  return t;
}

Expr* Parser::yield_expr() {
  const Token& t = next();
  if (accept(Tok::KwFrom)) {
    auto* y = make<YieldFrom>(t);
    y->value = expression();
    end_prev(y);
    return y;
  }
  auto* y = make<Yield>(t);
  if (starts_expression(kind()) || at(Tok::Star)) {
    y->value = star_expressions();
    end_prev(y);
  } else {
    end_tok(y, t);
  }
  return y;
}

Expr* Parser::number(const Token& t) {
  std::string_view raw = text(t);
  std::string s;
  s.reserve(raw.size());
  for (char c : raw)
    if (c != '_') s += c;
  auto* c = make<Constant>(t);
  end_tok(c, t);
  auto to_double = [](const std::string& str) {
    double d = 0;
    auto r = std::from_chars(str.data(), str.data() + str.size(), d);
    if (r.ec == std::errc::result_out_of_range) {
      size_t e = str.find_first_of("eE");
      bool neg_exp = e != std::string::npos && e + 1 < str.size() && str[e + 1] == '-';
      d = neg_exp ? 0.0 : HUGE_VAL;
    }
    return d;
  };
  char last = s.back();
  if (last == 'j' || last == 'J') {
    c->value.kind = ConstantValue::Kind::Complex;
    s.pop_back();
    if (s.empty()) s = "0";
    if (s[0] == '.') s = "0" + s;
    c->value.number = to_double(s);
    return c;
  }
  if (s.size() > 1 && s[0] == '0' && (s[1] | 0x20) != '.' && (s[1] | 0x20) != 'e' &&
      !(s[1] >= '0' && s[1] <= '9')) {
    char b = static_cast<char>(s[1] | 0x20);
    c->value.kind = ConstantValue::Kind::Int;
    c->value.int_base = b == 'x' ? 16 : b == 'o' ? 8 : 2;
    c->value.text = s.substr(2);
    return c;
  }
  if (s.find_first_of(".eE") != std::string::npos) {
    c->value.kind = ConstantValue::Kind::Float;
    if (s[0] == '.') s = "0" + s;
    c->value.number = to_double(s);
    return c;
  }
  c->value.kind = ConstantValue::Kind::Int;
  c->value.int_base = 10;
  size_t nz = s.find_first_not_of('0');
  c->value.text = nz == std::string::npos ? "0" : s.substr(nz);
  return c;
}

Expr* Parser::atom() {
  const Token& t = tok();
  switch (t.kind) {
    case Tok::Name: {
      next();
      auto* n = make<Name>(t);
      n->id = ident(t);
      end_tok(n, t);
      return n;
    }
    case Tok::KwTrue: case Tok::KwFalse: case Tok::KwNone: case Tok::Ellipsis: {
      next();
      auto* c = make<Constant>(t);
      c->value.kind = t.kind == Tok::KwTrue    ? ConstantValue::Kind::True
                      : t.kind == Tok::KwFalse ? ConstantValue::Kind::False
                      : t.kind == Tok::KwNone  ? ConstantValue::Kind::None
                                               : ConstantValue::Kind::Ellipsis;
      end_tok(c, t);
      return c;
    }
    case Tok::Number:
      next();
      return number(t);
    case Tok::String: case Tok::FStringStart:
      return strings();
    case Tok::LPar: {
      DepthGuard guard(*this);
      return paren_atom();
    }
    case Tok::LSqb: {
      DepthGuard guard(*this);
      return list_atom();
    }
    case Tok::LBrace: {
      DepthGuard guard(*this);
      return brace_atom();
    }
    default:
      fail_generic();
  }
}

Expr* Parser::paren_atom() {
  const Token& open = next();
  bracket_depth_++;
  if (at(Tok::RPar)) {
    next();
    bracket_depth_--;
    auto* t = make<Tuple>(open);
    end_prev(t);
    return t;
  }
  if (at(Tok::KwYield)) {
    Expr* y = yield_expr();
    expect(Tok::RPar);
    bracket_depth_--;
    return y;
  }
  Expr* first = star_named_expression();
  if (at(Tok::KwFor) || (at(Tok::KwAsync) && kind(1) == Tok::KwFor)) {
    if (first->kind == ExprKind::Starred)
      fail_node(first, "iterable unpacking cannot be used in comprehension");
    auto* g = make<GeneratorExp>(open);
    g->elt = first;
    g->generators = comprehension_clauses();
    expect(Tok::RPar);
    bracket_depth_--;
    end_prev(g);
    return g;
  }
  if (at(Tok::Comma)) {
    auto* t = make<Tuple>(open);
    t->elts.push_back(first);
    while (accept(Tok::Comma)) {
      if (at(Tok::RPar)) break;
      t->elts.push_back(star_named_expression());
    }
    if (!at(Tok::RPar)) {
      Expr* last = t->elts.back();
      if (prev().kind != Tok::Comma && starts_operand(kind())) {
        size_t save = pos_;
        Expr* b = nullptr;
        try { b = expression(); } catch (const ParseError&) { pos_ = save; }
        if (b) fail_range(last, b, "invalid syntax. Perhaps you forgot a comma?");
      }
      fail_generic();
    }
    next();
    bracket_depth_--;
    end_prev(t);
    return t;
  }
  if (!at(Tok::RPar)) {
    if (starts_operand(kind()) &&
        !(first->kind == ExprKind::Name && (at(Tok::String) || at(Tok::FStringStart))) &&
        !(first->kind == ExprKind::Name && is_soft_keyword(cast<Name>(first)->id)) &&
        first->kind != ExprKind::Starred) {
      size_t save = pos_;
      Expr* b = nullptr;
      try { b = expression(); } catch (const ParseError&) { pos_ = save; }
      Expr* a = first;
      if (a->kind == ExprKind::IfExp) a = cast<IfExp>(a)->orelse;
      if (b) fail_range(a, b, "invalid syntax. Perhaps you forgot a comma?");
    }
    fail_generic();
  }
  if (first->kind == ExprKind::Starred) fail_node(first, "cannot use starred expression here");
  next();
  bracket_depth_--;
  return first;
}

Expr* Parser::list_atom() {
  const Token& open = next();
  bracket_depth_++;
  if (at(Tok::RSqb)) {
    next();
    bracket_depth_--;
    auto* l = make<List>(open);
    end_prev(l);
    return l;
  }
  Expr* first = star_named_expression();
  if (at(Tok::KwFor) || (at(Tok::KwAsync) && kind(1) == Tok::KwFor)) {
    if (first->kind == ExprKind::Starred)
      fail_node(first, "iterable unpacking cannot be used in comprehension");
    auto* c = make<ListComp>(open);
    c->elt = first;
    c->generators = comprehension_clauses();
    expect(Tok::RSqb);
    bracket_depth_--;
    end_prev(c);
    return c;
  }
  auto* l = make<List>(open);
  l->elts.push_back(first);
  while (accept(Tok::Comma)) {
    if (at(Tok::RSqb)) break;
    l->elts.push_back(star_named_expression());
  }
  if (!at(Tok::RSqb)) {
    Expr* last = l->elts.back();
    if (prev().kind != Tok::Comma && starts_operand(kind()) &&
        !(last->kind == ExprKind::Name && (at(Tok::String) || at(Tok::FStringStart))) &&
        !(last->kind == ExprKind::Name && is_soft_keyword(cast<Name>(last)->id))) {
      size_t save = pos_;
      Expr* b = nullptr;
      try { b = expression(); } catch (const ParseError&) { pos_ = save; }
      if (last->kind == ExprKind::IfExp) last = cast<IfExp>(last)->orelse;
      if (b) fail_range(last, b, "invalid syntax. Perhaps you forgot a comma?");
    }
    fail_generic();
  }
  next();
  bracket_depth_--;
  end_prev(l);
  return l;
}

// Called when a display's closing bracket was expected: if another operand
// follows the last element directly, CPython suggests a missing comma.
void Parser::comma_hint(Expr* last) {
  if (prev().kind == Tok::Comma || !starts_operand(kind())) return;
  if (last->kind == ExprKind::Name && (at(Tok::String) || at(Tok::FStringStart))) return;
  if (last->kind == ExprKind::Name && is_soft_keyword(cast<Name>(last)->id)) return;
  if (last->kind == ExprKind::IfExp) last = cast<IfExp>(last)->orelse;
  size_t save = pos_;
  Expr* b = nullptr;
  try { b = expression(); } catch (const ParseError&) { pos_ = save; }
  if (b) fail_range(last, b, "invalid syntax. Perhaps you forgot a comma?");
}

Expr* Parser::brace_atom() {
  const Token& open = next();
  bracket_depth_++;
  if (at(Tok::RBrace)) {
    next();
    bracket_depth_--;
    auto* d = make<Dict>(open);
    end_prev(d);
    return d;
  }
  Expr* first_key = nullptr;
  Expr* first_value = nullptr;
  if (at(Tok::DoubleStar)) {
    next();
    first_value = bitwise_or();
  } else {
    Expr* e = star_named_expression();
    if (at(Tok::Colon)) {
      next();
      first_key = e;
      first_value = dict_value();
      if (at(Tok::KwFor) || (at(Tok::KwAsync) && kind(1) == Tok::KwFor)) {
        auto* c = make<DictComp>(open);
        c->key = first_key;
        c->value = first_value;
        c->generators = comprehension_clauses();
        expect(Tok::RBrace);
        bracket_depth_--;
        end_prev(c);
        return c;
      }
    } else {
      // A set.
      if (at(Tok::KwFor) || (at(Tok::KwAsync) && kind(1) == Tok::KwFor)) {
        if (e->kind == ExprKind::Starred)
          fail_node(e, "iterable unpacking cannot be used in comprehension");
        auto* c = make<SetComp>(open);
        c->elt = e;
        c->generators = comprehension_clauses();
        expect(Tok::RBrace);
        bracket_depth_--;
        end_prev(c);
        return c;
      }
      auto* s = make<Set>(open);
      s->elts.push_back(e);
      while (accept(Tok::Comma)) {
        if (at(Tok::RBrace)) break;
        s->elts.push_back(star_named_expression());
      }
      if (!at(Tok::RBrace)) comma_hint(s->elts.back());
      expect(Tok::RBrace);
      bracket_depth_--;
      end_prev(s);
      return s;
    }
  }
  if (!first_key && (at(Tok::KwFor) || (at(Tok::KwAsync) && kind(1) == Tok::KwFor)))
    fail_generic();  // {**d for ...}: dict unpacking cannot be used in dict comprehension
  auto* d = make<Dict>(open);
  d->keys.push_back(first_key);
  d->values.push_back(first_value);
  if (!at(Tok::Comma) && !at(Tok::RBrace)) comma_hint(first_value);
  while (accept(Tok::Comma)) {
    if (at(Tok::RBrace)) break;
    if (accept(Tok::DoubleStar)) {
      d->keys.push_back(nullptr);
      d->values.push_back(bitwise_or());
      continue;
    }
    Expr* k = expression();
    if (!at(Tok::Colon)) {
      // CPython 3.11 (invalid_kvpair): at the key's last character, no end.
      SyntaxErrorInfo e = make_error("SyntaxError", "':' expected after dictionary key", k->end_lineno,
                                     std::max(0, k->end_col_offset - 1), k->end_lineno, k->end_col_offset);
      e.end_offset = 0;
      throw ParseError{e, pos_};
    }
    next();
    d->keys.push_back(k);
    d->values.push_back(dict_value());
  }
  if (!at(Tok::RBrace)) comma_hint(d->values.back());
  expect(Tok::RBrace);
  bracket_depth_--;
  end_prev(d);
  return d;
}

}  // namespace ftpy
