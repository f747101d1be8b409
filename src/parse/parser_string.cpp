// String literals: prefixes, escape decoding, implicit concatenation and
// f-/t-strings (PEP 701 tokens, see tokenizer.h).
#include <optional>
#include <cstdio>

#include "objects/unicode_names.h"
#include "parse/parser_impl.h"
#include "parse/unicode_support.h"

namespace ftpy {

using namespace ast;

namespace {

struct Prefix {
  bool raw = false, bytes = false, u = false, f = false, t = false;
  size_t len = 0;
};

Prefix read_prefix(std::string_view s) {
  Prefix p;
  while (p.len < s.size() && s[p.len] != '\'' && s[p.len] != '"') {
    switch (s[p.len] | 0x20) {
      case 'r': p.raw = true; break;
      case 'b': p.bytes = true; break;
      case 'u': p.u = true; break;
      case 'f': p.f = true; break;
      case 't': p.t = true; break;
    }
    p.len++;
  }
  return p;
}

int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

// Decodes backslash escapes of a non-raw literal body. For f-string middles
// `fstring_braces` also folds "{{" and "}}".
void Parser::decode_escapes(std::string_view body, bool is_bytes, const Token& t,
                            uint32_t body_start, std::string* out) {
  (void)body_start;
  out->reserve(out->size() + body.size());
  bool warned = false;
  for (size_t i = 0; i < body.size();) {
    char c = body[i];
    if (c != '\\') {
      out->push_back(c);
      i++;
      continue;
    }
    if (i + 1 >= body.size()) {  // cannot happen for well-formed tokens
      out->push_back(c);
      i++;
      continue;
    }
    char e = body[i + 1];
    size_t esc_start = i;
    i += 2;
    switch (e) {
      case '\n': break;
      case '\\': out->push_back('\\'); break;
      case '\'': out->push_back('\''); break;
      case '"': out->push_back('"'); break;
      case 'a': out->push_back('\a'); break;
      case 'b': out->push_back('\b'); break;
      case 'f': out->push_back('\f'); break;
      case 'n': out->push_back('\n'); break;
      case 'r': out->push_back('\r'); break;
      case 't': out->push_back('\t'); break;
      case 'v': out->push_back('\v'); break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        int v = e - '0';
        int n = 1;
        while (n < 3 && i < body.size() && body[i] >= '0' && body[i] <= '7') {
          v = v * 8 + (body[i] - '0');
          i++;
          n++;
        }
        if (v > 0377 && !warned) {
          char buf[64];
          snprintf(buf, sizeof buf, "invalid octal escape sequence '\\%o'", v);
          warn(t, buf);
          warned = true;
        }
        if (is_bytes) out->push_back(static_cast<char>(v & 0xFF));
        else uni::append_utf8(*out, static_cast<uint32_t>(v));
        break;
      }
      case 'x': {
        int h1 = i < body.size() ? hexval(body[i]) : -1;
        int h2 = i + 1 < body.size() ? hexval(body[i + 1]) : -1;
        if (h1 < 0 || h2 < 0) {
          char buf[256];
          if (is_bytes)
            snprintf(buf, sizeof buf, "(value error) invalid \\x escape at position %zu", esc_start);
          else
            snprintf(buf, sizeof buf,
                     "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                     "%zu-%zu: truncated \\xXX escape",
                     esc_start, i + (h1 >= 0 ? 1 : 0) - 1);
          fail_tok(t, buf);
        }
        int v = h1 * 16 + h2;
        i += 2;
        if (is_bytes) out->push_back(static_cast<char>(v));
        else uni::append_utf8(*out, static_cast<uint32_t>(v));
        break;
      }
      case 'u': case 'U': case 'N': {
        if (is_bytes) goto invalid;
        if (e == 'N') {
          size_t close = body.find('}', i);
          if (i >= body.size() || body[i] != '{' || close == std::string_view::npos) {
            char buf[256];
            snprintf(buf, sizeof buf,
                     "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                     "%zu-%zu: malformed \\N character escape",
                     esc_start, i - 1);
            fail_tok(t, buf);
          }
          int32_t cp = unicode_lookup_name(body.substr(i + 1, close - i - 1), true);
          if (cp < 0) {
            char buf[256];
            snprintf(buf, sizeof buf,
                     "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                     "%zu-%zu: unknown Unicode character name",
                     esc_start, close);
            fail_tok(t, buf);
          }
          uni::append_utf8(*out, static_cast<uint32_t>(cp));
          i = close + 1;
          break;
        }
        int n = e == 'u' ? 4 : 8;
        uint32_t v = 0;
        for (int k = 0; k < n; k++) {
          int h = i + k < body.size() ? hexval(body[i + k]) : -1;
          if (h < 0) {
            char buf[256];
            snprintf(buf, sizeof buf,
                     "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                     "%zu-%zu: truncated \\%cXXXX%s escape",
                     esc_start, i + k - 1, e, n == 8 ? "XXXX" : "");
            fail_tok(t, buf);
          }
          v = v * 16 + static_cast<uint32_t>(h);
        }
        if (v > 0x10FFFF) {
          char buf[256];
          snprintf(buf, sizeof buf,
                   "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: "
                   "illegal Unicode character",
                   esc_start, i + n - 1);
          fail_tok(t, buf);
        }
        i += n;
        uni::append_utf8(*out, v);
        break;
      }
      default:
      invalid:
        if (!warned) {
          std::string m = "invalid escape sequence '\\";
          int len = 1;
          if (static_cast<unsigned char>(e) >= 0x80) uni::decode_utf8(body, i - 1, &len);
          m += std::string(body.substr(i - 1, len)) + "'";
          warn(t, m);
          warned = true;
        }
        out->push_back('\\');
        i -= 1;  // the character after the backslash is kept as is
        break;
    }
  }
}

bool Parser::decode_string_token(const Token& t, std::string* out, bool* is_bytes, bool* is_u) {
  std::string_view s = text(t);
  Prefix p = read_prefix(s);
  char q = s[p.len];
  size_t qn = (s.size() >= p.len + 6 && s[p.len + 1] == q && s[p.len + 2] == q) ? 3 : 1;
  std::string_view body = s.substr(p.len + qn, s.size() - p.len - 2 * qn);
  *is_bytes = p.bytes;
  *is_u = p.u && s[0] == 'u';  // CPython marks kind='u' for a lowercase prefix only
  if (p.bytes) {
    for (char c : body)
      if (static_cast<unsigned char>(c) >= 0x80)
        fail_tok(t, "bytes can only contain ASCII literal characters");
  }
  if (p.raw) {
    out->append(body);
  } else {
    decode_escapes(body, p.bytes, t, t.start + static_cast<uint32_t>(p.len + qn), out);
  }
  return true;
}

namespace {
// Literal text accumulated across adjacent pieces, flushed into a Constant.
struct Pending {
  std::string text;
  const Token* first = nullptr;
  const Token* last = nullptr;
  bool any = false;
};
}  // namespace

static Constant* flush_pending(Arena& arena, Pending& p, std::vector<Expr*>& parts) {
  if (!p.any) return nullptr;
  Constant* c = nullptr;
  if (!p.text.empty()) {
    c = arena.make<Constant>();
    c->value.kind = ConstantValue::Kind::Str;
    c->value.text = std::move(p.text);
    c->lineno = p.first->lineno;
    c->col_offset = p.first->col;
    c->end_lineno = p.last->end_lineno;
    c->end_col_offset = p.last->end_col;
    parts.push_back(c);
  }
  p = Pending{};
  return c;
}

Expr* Parser::strings() {
  DepthGuard guard(*this);
  const Token& first = tok();
  Pending pending;
  std::vector<Expr*> parts;
  bool have_bytes = false, have_str = false, have_f = false, have_t = false;
  bool first_u = false;
  std::string plain;  // for the all-plain case
  bool first_tok = true;
  // A bad escape is reported, as in 3.11 (which decodes the whole group
  // once parsed), at the token after the group: "'C:\Users' + x" at the '+'.
  std::optional<SyntaxErrorInfo> escape_error;
  auto decoding = [&](auto&& decode) {
    if (escape_error) return;
    try {
      decode();
    } catch (const ParseError& e) {
      std::string_view m = e.info.msg;
      if (!m.starts_with("(unicode error)") && !m.starts_with("(value error)")) throw;
      escape_error = e.info;
    }
  };
  while (at(Tok::String) || at(Tok::FStringStart)) {
    if (at(Tok::String)) {
      const Token& t = next();
      bool is_bytes = false, is_u = false;
      std::string s;
      decoding([&] { decode_string_token(t, &s, &is_bytes, &is_u); });
      if (first_tok) first_u = is_u;
      (is_bytes ? have_bytes : have_str) = true;
      if (!pending.any) pending.first = &t;
      pending.last = &t;
      pending.any = true;
      pending.text += s;
    } else {
      const Token& start = next();
      Prefix p = read_prefix(text(start));
      (p.t ? have_t : have_f) = true;
      if (!p.t) have_str = true;
      for (;;) {
        if (at(Tok::FStringMiddle)) {
          const Token& m = next();
          std::string_view body = text(m);
          std::string s;
          // Fold "{{" / "}}" first, then escapes (the two never interact:
          // a backslash never precedes a doubled brace in the raw text).
          std::string folded;
          folded.reserve(body.size());
          for (size_t i = 0; i < body.size(); i++) {
            folded.push_back(body[i]);
            if ((body[i] == '{' || body[i] == '}') && i + 1 < body.size() && body[i + 1] == body[i])
              i++;
            else if (body[i] == '\\' && i + 1 < body.size() && !p.raw) {
              folded.push_back(body[++i]);
            }
          }
          if (p.raw) s = folded;
          else decoding([&] { decode_escapes(folded, false, m, m.start, &s); });
          if (!pending.any) pending.first = &m;
          pending.last = &m;
          pending.any = true;
          pending.text += s;
        } else if (at(Tok::LBrace)) {
          const Token& open = tok();
          size_t before = parts.size();
          (void)before;
          Expr* field = fstring_replacement_field(p.raw, p.t, 0);
          // A self-documenting "=" contributes its source text as literal.
          if (field->kind == ExprKind::Constant) {
            auto* dbg = cast<Constant>(field);
            if (!pending.any) pending.first = &open;
            pending.last = &open;
            pending.any = true;
            pending.text += dbg->value.text;
            field = last_field_;  // the real field
          }
          flush_pending(arena_, pending, parts);
          parts.push_back(field);
        } else if (at(Tok::FStringEnd)) {
          next();
          break;
        } else {
          fail_generic();
        }
      }
    }
    first_tok = false;
  }
  const Token& last = prev();
  if (escape_error) {
    const Token& after = tok();
    SyntaxErrorInfo e = make_error("SyntaxError", escape_error->msg, after.lineno, after.col, after.end_lineno,
                                   after.end_col);
    throw ParseError{e, pos_};
  }
  if (have_bytes && (have_str || have_t)) {
    throw ParseError{make_error("SyntaxError", "cannot mix bytes and nonbytes literals",
                                first.lineno, first.col, last.end_lineno, last.end_col),
                     pos_};
  }
  if (have_t && (have_str || have_bytes)) {
    throw ParseError{make_error("SyntaxError",
                                "cannot mix t-string literals with string or bytes literals",
                                first.lineno, first.col, last.end_lineno, last.end_col),
                     pos_};
  }
  if (!have_f && !have_t) {
    auto* c = make<Constant>(first);
    c->value.kind = have_bytes ? ConstantValue::Kind::Bytes : ConstantValue::Kind::Str;
    c->value.text = std::move(pending.text);
    if (first_u) c->kind = "u";
    end_tok(c, last);
    return c;
  }
  flush_pending(arena_, pending, parts);
  if (have_t) {
    auto* j = make<TemplateStr>(first);
    j->values = std::move(parts);
    end_tok(j, last);
    return j;
  }
  auto* j = make<JoinedStr>(first);
  j->values = std::move(parts);
  end_tok(j, last);
  return j;
}

// Parses '{' expr ['='] ['!' conv] [':' spec] '}'. Returns the
// FormattedValue/Interpolation, or, for a self-documenting field, a Constant
// holding the "expr=" text with the real field stored in last_field_.
Expr* Parser::fstring_replacement_field(bool raw, bool is_template, int depth) {
  const Token& open = next();  // '{'
  if (at(Tok::RBrace) || at(Tok::Exclamation) || at(Tok::Colon) || at(Tok::Equal)) {
    const Token& t = tok();
    fail_tok(t, std::string(is_template ? "t-string" : "f-string") +
                    ": valid expression required before '" + std::string(text(t)) + "'");
  }
  const Token& expr_start = tok();
  Expr* value;
  if (at(Tok::KwYield)) value = yield_expr();
  else value = star_expressions();
  if (value->kind == ExprKind::Starred)
    fail_node(value, std::string(is_template ? "t-string" : "f-string") +
                         ": cannot use starred expression here");
  size_t expr_end = prev().end;
  std::string debug_text;
  bool debug = false;
  if (at(Tok::Equal)) {
    next();
    debug = true;
    debug_text = std::string(src_.substr(open.end, tok().start - open.end));
  }
  int conversion = -1;
  if (at(Tok::Exclamation)) {
    const Token& bang = next();
    if (!at(Tok::Name) || tok().start != bang.end) {
      if (at(Tok::Name)) fail_tok(tok(), "f-string: conversion type must come right after the exclamanation mark");
      fail_tok(tok(), std::string(is_template ? "t-string" : "f-string") + ": missing conversion character");
    }
    const Token& c = next();
    std::string_view cs = text(c);
    if (cs != "r" && cs != "s" && cs != "a")
      fail_tok(c, std::string(is_template ? "t-string" : "f-string") +
                      ": invalid conversion character '" + std::string(cs) +
                      "': expected 's', 'r', or 'a'");
    conversion = cs[0];
  }
  JoinedStr* spec = nullptr;
  if (at(Tok::Colon)) {
    const Token& colon = next();
    if (depth >= 2)
      fail_tok(colon, std::string(is_template ? "t-string" : "f-string") +
                          ": expressions nested too deeply");
    spec = fstring_format_spec(raw, is_template, depth + 1, colon);
  }
  if (!at(Tok::RBrace)) {
    fail_tok(tok(), std::string(is_template ? "t-string" : "f-string") + ": expecting '}'");
  }
  const Token& close = next();
  if (debug && conversion == -1 && !spec) conversion = 'r';
  Expr* result;
  if (is_template) {
    auto* in = make<Interpolation>(open);
    in->value = value;
    in->str = std::string(src_.substr(expr_start.start, expr_end - expr_start.start));
    in->conversion = conversion;
    in->format_spec = spec;
    end_tok(in, close);
    result = in;
  } else {
    auto* fv = make<FormattedValue>(open);
    fv->value = value;
    fv->conversion = conversion;
    fv->format_spec = spec;
    end_tok(fv, close);
    result = fv;
  }
  if (!debug) return result;
  auto* c = make<Constant>(open);
  c->value.kind = ConstantValue::Kind::Str;
  c->value.text = std::move(debug_text);
  last_field_ = result;
  return c;
}

JoinedStr* Parser::fstring_format_spec(bool raw, bool is_template, int depth, const Token& colon) {
  auto* j = arena_.make<JoinedStr>();
  j->lineno = colon.end_lineno;
  j->col_offset = colon.end_col;
  Pending pending;
  std::vector<Expr*> parts;
  while (!at(Tok::RBrace)) {
    if (at(Tok::FStringMiddle)) {
      const Token& m = next();
      std::string s;
      if (raw) s = std::string(text(m));
      else decode_escapes(text(m), false, m, m.start, &s);
      if (!pending.any) pending.first = &m;
      pending.last = &m;
      pending.any = true;
      pending.text += s;
    } else if (at(Tok::LBrace)) {
      const Token& open = tok();
      Expr* field = fstring_replacement_field(raw, is_template, depth);
      if (field->kind == ExprKind::Constant) {
        if (!pending.any) pending.first = &open;
        pending.last = &open;
        pending.any = true;
        pending.text += cast<Constant>(field)->value.text;
        field = last_field_;
      }
      flush_pending(arena_, pending, parts);
      parts.push_back(field);
    } else {
      fail_tok(tok(), std::string(is_template ? "t-string" : "f-string") + ": expecting '}'");
    }
  }
  flush_pending(arena_, pending, parts);
  j->values = std::move(parts);
  j->end_lineno = tok().lineno;
  j->end_col_offset = tok().col;
  return j;
}

}  // namespace ftpy
