// Parser driver: error construction and priorities, assignment-target
// validation, and the public parse() entry point.
#include <algorithm>

#include "parse/parser_impl.h"
#include "parse/unicode_support.h"

namespace ftpy {

using namespace ast;

const char* expr_name_for_error(const ast::Expr* e) {
  switch (e->kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp: case ExprKind::BinOp: case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield: case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr: case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::TemplateStr: case ExprKind::Interpolation: return "t-string expression";
    case ExprKind::Constant: {
      auto k = cast<Constant>(e)->value.kind;
      if (k == ConstantValue::Kind::None) return "None";
      if (k == ConstantValue::Kind::True) return "True";
      if (k == ConstantValue::Kind::False) return "False";
      if (k == ConstantValue::Kind::Ellipsis) return "ellipsis";
      return "literal";
    }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
  }
  return "expression";
}

Parser::Parser(std::string_view src, Tokenizer& tz, Arena& arena,
               std::vector<SyntaxWarningInfo>& warnings)
    : src_(src), tz_(tz), toks_(tz.tokens().data()), ntoks_(tz.tokens().size()), arena_(arena),
      warnings_(warnings) {}

SyntaxErrorInfo Parser::make_error(const char* type, std::string msg, int lineno, int col,
                                   int end_lineno, int end_col) const {
  SyntaxErrorInfo e;
  e.type = type;
  e.msg = std::move(msg);
  e.lineno = lineno;
  std::string_view line = tz_.line_text(lineno);
  e.offset = uni::count_chars(line, col) + 1;
  e.end_lineno = end_lineno;
  std::string_view eline = tz_.line_text(end_lineno);
  e.end_offset = uni::count_chars(eline, end_col) + 1;
  if (lineno >= 1 && lineno <= tz_.line_count()) e.text = std::string(line) + "\n";
  return e;
}

void Parser::fail_tok(const Token& t, std::string msg, const char* type) {
  throw ParseError{make_error(type, std::move(msg), t.lineno, t.col, t.end_lineno, t.end_col),
                   static_cast<size_t>(&t - toks_)};
}

void Parser::fail_node(const Located* n, std::string msg, const char* type) {
  throw ParseError{make_error(type, std::move(msg), n->lineno, n->col_offset, n->end_lineno,
                              n->end_col_offset),
                   pos_};
}

void Parser::fail_range(const Located* a, const Located* b, std::string msg) {
  throw ParseError{make_error("SyntaxError", std::move(msg), a->lineno, a->col_offset,
                              b->end_lineno, b->end_col_offset),
                   pos_};
}

void Parser::fail_generic() {
  const Token& t = toks_[std::min(max_seen_, ntoks_ - 1)];
  if (t.kind == Tok::Indent) {
    SyntaxErrorInfo e = make_error("IndentationError", "unexpected indent", t.end_lineno, t.end_col,
                                   t.end_lineno, t.end_col);
    e.offset -= 1;
    e.end_offset = -1;
    throw ParseError{e, max_seen_};
  }
  if (t.kind == Tok::Dedent) {
    SyntaxErrorInfo e =
        make_error("IndentationError", "unexpected unindent", t.lineno, t.col, t.lineno, t.col);
    e.end_offset = -1;
    throw ParseError{e, max_seen_};
  }
  throw ParseError{make_error("SyntaxError", "invalid syntax", t.lineno, t.col, t.end_lineno,
                              t.end_col),
                   max_seen_};
}

void Parser::fail_indent_block(const char* what, int header_line) {
  const Token& t = tok();
  std::string msg = std::string("expected an indented block after ") + what + " on line " +
                    std::to_string(header_line);
  if (t.kind == Tok::EndMarker || t.kind == Tok::Error) {
    const Token& nl = prev();
    SyntaxErrorInfo e =
        make_error("IndentationError", msg, nl.lineno, nl.col, nl.lineno, nl.col);
    e.end_offset = -1;
    e.incomplete = true;
    throw ParseError{e, pos_};
  }
  fail_tok(t, msg, "IndentationError");
}

void Parser::too_deep() {
  // Brackets deeper than 200 are the tokenizer's "too many nested
  // parentheses"; other nesting this deep is CPython's compile-time limit.
  SyntaxErrorInfo e;
  e.type = "RecursionError";
  e.msg = "maximum recursion depth exceeded during compilation";
  throw ParseError{e, pos_};
}

void Parser::warn(const Token& t, std::string msg) {
  SyntaxWarningInfo w;
  w.msg = std::move(msg);
  w.lineno = t.lineno;
  w.col_offset = t.col;
  w.end_lineno = t.end_lineno;
  w.end_col_offset = t.end_col;
  warnings_.push_back(std::move(w));
}

const Token& Parser::expect(Tok t) {
  if (kind() != t) fail_generic();
  return next();
}

void Parser::expect_forced(Tok t, const char* what) {
  if (kind() == t) {
    next();
    return;
  }
  fail_tok(tok(), std::string("expected '") + what + "'");
}

std::string Parser::ident(const Token& t) {
  std::string_view s = text(t);
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return uni::nfkc(s);
  return std::string(s);
}

// ---- targets ----------------------------------------------------------------------

void Parser::set_context(Expr* e, ExprContext ctx) {
  switch (e->kind) {
    case ExprKind::Name: cast<Name>(e)->ctx = ctx; break;
    case ExprKind::Attribute: cast<Attribute>(e)->ctx = ctx; break;
    case ExprKind::Subscript: cast<Subscript>(e)->ctx = ctx; break;
    case ExprKind::Starred:
      cast<Starred>(e)->ctx = ctx;
      set_context(cast<Starred>(e)->value, ctx);
      break;
    case ExprKind::List:
      cast<List>(e)->ctx = ctx;
      for (Expr* x : cast<List>(e)->elts) set_context(x, ctx);
      break;
    case ExprKind::Tuple:
      cast<Tuple>(e)->ctx = ctx;
      for (Expr* x : cast<Tuple>(e)->elts) set_context(x, ctx);
      break;
    default: break;
  }
}

const Expr* Parser::invalid_target(const Expr* e, TargetsType type) {
  switch (e->kind) {
    case ExprKind::List:
      for (const Expr* x : cast<List>(e)->elts)
        if (const Expr* r = invalid_target(x, type)) return r;
      return nullptr;
    case ExprKind::Tuple:
      for (const Expr* x : cast<Tuple>(e)->elts)
        if (const Expr* r = invalid_target(x, type)) return r;
      return nullptr;
    case ExprKind::Starred:
      if (type == TargetsType::Del) return e;
      return invalid_target(cast<Starred>(e)->value, type);
    case ExprKind::Compare:
      if (type == TargetsType::For) {
        auto* c = cast<Compare>(e);
        if (c->ops[0] == CmpOpKind::In) return invalid_target(c->left, type);
        return nullptr;
      }
      return e;
    case ExprKind::Name: case ExprKind::Subscript: case ExprKind::Attribute:
      return nullptr;
    default:
      return e;
  }
}

void Parser::check_target(Expr* e, TargetsType type) {
  if (const Expr* bad = invalid_target(e, type)) {
    const char* fmt = type == TargetsType::Del ? "cannot delete " : "cannot assign to ";
    fail_node(bad, std::string(fmt) + expr_name_for_error(bad));
  }
  set_context(e, type == TargetsType::Del ? ExprContext::Del : ExprContext::Store);
}

// ---- entry point -------------------------------------------------------------------

static ParseResult error_result(ParseResult r, SyntaxErrorInfo e) {
  r.mod = nullptr;
  r.error = std::move(e);
  return r;
}

namespace {

// Tokenizer errors that CPython's tokenizer only flags (an error code the
// parser turns into an exception when it asks for the token) rather than
// raising: they never replace an earlier parser error.
bool flagged_only(const SyntaxErrorInfo& e) {
  std::string_view m = e.msg;
  return m == "unindent does not match any outer indentation level" ||
         m == "inconsistent use of tabs and spaces in indentation" || m == "too many levels of indentation" ||
         m == "unexpected EOF while parsing" || m == "unexpected character after line continuation character";
}

}  // namespace

ParseResult parse(std::string_view source, std::string_view filename, ParseMode mode) {
  ParseResult r;
  r.arena = std::make_unique<Arena>();
  SyntaxErrorInfo serr;
  if (!normalize_source(source, &r.source, &serr)) return error_result(std::move(r), serr);
  Tokenizer tz(r.source);
  bool tok_ok = tz.run();
  if (!tok_ok) {
    // Sentinel so the parser stops where the tokenizer did.
    Token t;
    t.kind = Tok::Error;
    if (!tz.tokens().empty()) {
      const Token& last = tz.tokens().back();
      t.start = t.end = last.end;
      t.lineno = t.end_lineno = last.end_lineno;
      t.col = t.end_col = last.end_col;
    } else {
      t.lineno = t.end_lineno = 1;
    }
    tz.tokens().push_back(t);
  }
  for (auto& w : tz.warnings()) r.warnings.push_back(w);
  Parser p(r.source, tz, *r.arena, r.warnings);
  try {
    r.mod = p.parse(mode);
    if (!tok_ok) {  // cannot happen: the sentinel makes parsing fail
      return error_result(std::move(r), tz.error()->info);
    }
    return r;
  } catch (const ParseError& pe) {
    if (!tok_ok) {
      const TokenizerError& te = *tz.error();
      const Token& at = tz.tokens()[std::min(pe.token_index, tz.tokens().size() - 1)];
      const Token& furthest = tz.tokens()[std::min(p.furthest(), tz.tokens().size() - 1)];
      bool reached = at.kind == Tok::Error || furthest.kind == Tok::Error;
      // CPython tokenizes as its parser asks. When its parser fails first, it
      // reports "unexpected indent/unindent" as is; for any other error it
      // tokenizes the rest of the source, and an error its tokenizer raises
      // itself (a bad string or number) replaces the parser's, while those it
      // only flags (indentation, line continuation, end of input) do not.
      bool indent_error = pe.info.msg == "unexpected indent" || pe.info.msg == "unexpected unindent";
      if (!te.eof_in_paren) {
        if (reached || (!indent_error && !flagged_only(te.info))) return error_result(std::move(r), te.info);
      } else if (reached || (!indent_error && furthest.lineno > te.info.lineno)) {
        // An unclosed bracket wins only if it opened before the line of the
        // furthest token the parser looked at (as CPython decides), or the
        // parser ran into the end of input.
        return error_result(std::move(r), te.info);
      }
    }
    SyntaxErrorInfo e = pe.info;
    // Input that ends inside an unfinished construct is "incomplete" (the
    // REPL shows a continuation prompt).
    const auto& toks = tz.tokens();
    size_t i = std::min(pe.token_index, toks.size() - 1);
    bool only_end = true;
    for (size_t k = i; k < toks.size(); k++)
      if (toks[k].kind != Tok::Dedent && toks[k].kind != Tok::EndMarker) only_end = false;
    if (only_end && !toks.empty() && toks[i].kind != Tok::Dedent) e.incomplete = true;
    (void)filename;
    return error_result(std::move(r), e);
  }
}

}  // namespace ftpy
