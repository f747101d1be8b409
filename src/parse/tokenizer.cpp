#include "parse/tokenizer.h"

#include <algorithm>
#include <cstring>

#include "objects/codecs.h"
#include "objects/errors.h"
#include "objects/str.h"
#include "parse/unicode_support.h"

namespace ftpy {

std::string_view tok_spelling(Tok t) {
  static constexpr std::string_view kNames[] = {
#define FTPY_X(name, spelling) spelling,
      FTPY_TOKEN_MISC(FTPY_X) FTPY_TOKEN_OPS(FTPY_X) FTPY_TOKEN_KEYWORDS(FTPY_X)
#undef FTPY_X
  };
  return t < Tok::Count ? kNames[static_cast<int>(t)] : "?";
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_xdigit(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_ascii_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || is_digit(c);
}
// Characters that may continue an identifier for the "invalid literal" check.
bool is_potential_id_char(char c) {
  return is_ascii_id_char(c) || static_cast<unsigned char>(c) >= 0x80;
}

Tok keyword_kind(std::string_view s) {
  // Keywords are 2..8 ASCII letters; a switch on length keeps this cheap.
  if (s.size() < 2 || s.size() > 8) return Tok::Name;
  static constexpr struct { std::string_view s; Tok t; } kKeywords[] = {
#define FTPY_X(name, spelling) {spelling, Tok::name},
      FTPY_TOKEN_KEYWORDS(FTPY_X)
#undef FTPY_X
  };
  for (const auto& k : kKeywords)
    if (k.s == s) return k.t;
  return Tok::Name;
}

struct OpEntry { std::string_view s; Tok t; };
constexpr OpEntry kOps3[] = {{"**=", Tok::DoubleStarEqual}, {"//=", Tok::DoubleSlashEqual},
                             {"<<=", Tok::LeftShiftEqual},  {">>=", Tok::RightShiftEqual},
                             {"...", Tok::Ellipsis}};
constexpr OpEntry kOps2[] = {
    {"==", Tok::EqEqual},    {"!=", Tok::NotEqual},       {"<=", Tok::LessEqual},
    {">=", Tok::GreaterEqual}, {"<<", Tok::LeftShift},    {">>", Tok::RightShift},
    {"**", Tok::DoubleStar}, {"+=", Tok::PlusEqual},      {"-=", Tok::MinEqual},
    {"*=", Tok::StarEqual},  {"/=", Tok::SlashEqual},     {"%=", Tok::PercentEqual},
    {"&=", Tok::AmperEqual}, {"|=", Tok::VBarEqual},      {"^=", Tok::CircumflexEqual},
    {"//", Tok::DoubleSlash}, {"@=", Tok::AtEqual},       {"->", Tok::RArrow},
    {":=", Tok::ColonEqual}, {"<>", Tok::NotEqual}};

Tok single_op(char c) {
  switch (c) {
    case '(': return Tok::LPar; case ')': return Tok::RPar; case '[': return Tok::LSqb;
    case ']': return Tok::RSqb; case ':': return Tok::Colon; case ',': return Tok::Comma;
    case ';': return Tok::Semi; case '+': return Tok::Plus; case '-': return Tok::Minus;
    case '*': return Tok::Star; case '/': return Tok::Slash; case '|': return Tok::VBar;
    case '&': return Tok::Amper; case '<': return Tok::Less; case '>': return Tok::Greater;
    case '=': return Tok::Equal; case '.': return Tok::Dot; case '%': return Tok::Percent;
    case '{': return Tok::LBrace; case '}': return Tok::RBrace; case '~': return Tok::Tilde;
    case '^': return Tok::Circumflex; case '@': return Tok::At; case '!': return Tok::Exclamation;
    default: return Tok::Error;
  }
}

}  // namespace

Tokenizer::Tokenizer(std::string_view src) : src_(src) {
  line_starts_.push_back(0);
  for (uint32_t i = 0; i < src.size(); i++)
    if (src[i] == '\n' && i + 1 < src.size()) line_starts_.push_back(i + 1);
  tokens_.reserve(src.size() / 4 + 16);
}

std::string_view Tokenizer::line_text(int lineno) const {
  if (lineno < 1 || lineno > line_count()) return {};
  uint32_t s = line_starts_[lineno - 1];
  uint32_t e = s;
  while (e < src_.size() && src_[e] != '\n') e++;
  return src_.substr(s, e - s);
}

int Tokenizer::line_of(uint32_t pos) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), pos);
  return static_cast<int>(it - line_starts_.begin());
}
int Tokenizer::col_of(uint32_t pos) const {
  return static_cast<int>(pos - line_starts_[line_of(pos) - 1]);
}
int Tokenizer::chars_before(uint32_t pos) const {
  uint32_t s = line_starts_[line_of(pos) - 1];
  return uni::count_chars(src_.substr(s), pos - s);
}

void Tokenizer::add(Tok kind, uint32_t start, uint32_t end) {
  Token t;
  t.kind = kind;
  t.start = start;
  t.end = end;
  // Fast path: the token lies on the current line.
  uint32_t ls = line_starts_[line_ - 1];
  if (start >= ls && (line_ == line_count() || end <= line_starts_[line_])) {
    t.lineno = t.end_lineno = line_;
    t.col = static_cast<int>(start - ls);
    t.end_col = static_cast<int>(end - ls);
  } else {
    t.lineno = line_of(start);
    t.col = static_cast<int>(start - line_starts_[t.lineno - 1]);
    t.end_lineno = end > start ? line_of(end - 1) : t.lineno;
    t.end_col = static_cast<int>(end - line_starts_[t.end_lineno - 1]);
  }
  tokens_.push_back(t);
  line_has_tokens_ = true;
}

void Tokenizer::add_at(Tok kind, uint32_t start, uint32_t end, int line, int col, int eline,
                       int ecol) {
  Token t;
  t.kind = kind;
  t.start = start;
  t.end = end;
  t.lineno = line;
  t.col = col;
  t.end_lineno = eline;
  t.end_col = ecol;
  tokens_.push_back(t);
}

bool Tokenizer::fail(const char* type, std::string msg, int lineno, int offset, int end_lineno,
                     int end_offset) {
  TokenizerError e;
  e.info.type = type;
  e.info.msg = std::move(msg);
  e.info.lineno = lineno;
  e.info.offset = offset;
  e.info.end_lineno = end_lineno;
  e.info.end_offset = end_offset;
  // CPython's tokenizer reports most errors with the line cut before its
  // newline; the indentation errors, the two continuation-line errors and
  // the f-string errors (the parser's in 3.11) keep it.
  std::string_view m = e.info.msg;
  // An unclosed bracket is reported with the newline when its line is the
  // source's last.
  uint32_t after = line_starts_[lineno - 1] + static_cast<uint32_t>(line_text(lineno).size()) + 1;
  bool last_line = after >= src_.size();
  bool keeps_newline = std::string_view(type) != "SyntaxError" || m.starts_with("f-string") ||
                       (last_line && m.ends_with("was never closed")) ||
                       m == "unexpected EOF while parsing" ||
                       m == "unexpected character after line continuation character";
  e.info.text = std::string(line_text(lineno)) + (keeps_newline ? "\n" : "");
  error_ = std::move(e);
  done_ = true;
  return false;
}

bool Tokenizer::fail_at(std::string msg, uint32_t cur) {
  int line = line_of(cur > 0 && cur >= src_.size() ? cur - 1 : cur);
  uint32_t ls = line_starts_[line - 1];
  int off = uni::count_chars(src_.substr(ls), cur - ls);
  return fail("SyntaxError", std::move(msg), line, off, line, off);
}

bool Tokenizer::run() {
  while (!done_) {
    if (!next_token()) break;
  }
  return !error_;
}

bool Tokenizer::at_line_start() {
  int col = 0, altcol = 0;
  uint32_t p = pos_;
  for (;; p++) {
    char c = p < src_.size() ? src_[p] : '\0';
    if (c == ' ') { col++; altcol++; }
    else if (c == '\t') { col = (col / 8 + 1) * 8; altcol++; }
    else if (c == '\f') { col = altcol = 0; }
    else break;
  }
  char c = p < src_.size() ? src_[p] : '\0';
  if (c == '#' || c == '\n' || c == '\0' || (c == '\\' && p + 1 < src_.size() && src_[p + 1] == '\n' && false)) {
    pos_ = p;  // blank line: indentation is irrelevant
    return true;
  }
  if (col == indents_.back()) {
    // CPython reports every TabError (and "too many levels") at column 1,
    // end 0: its tokenizer gives no column for them.
    if (altcol != alt_indents_.back())
      return fail("TabError", "inconsistent use of tabs and spaces in indentation", line_, 1,
                  line_, 0);
  } else if (col > indents_.back()) {
    if (static_cast<int>(indents_.size()) >= kMaxIndent)
      return fail("IndentationError", "too many levels of indentation", line_, 1, line_, 0);
    if (altcol <= alt_indents_.back())
      return fail("TabError", "inconsistent use of tabs and spaces in indentation", line_, 1, line_, 0);
    indents_.push_back(col);
    alt_indents_.push_back(altcol);
    add(Tok::Indent, line_starts_[line_ - 1], p);
    line_has_tokens_ = false;
  } else {
    int n = 0;
    while (indents_.size() > 1 && col < indents_.back()) {
      indents_.pop_back();
      alt_indents_.pop_back();
      n++;
    }
    if (col != indents_.back()) {
      // CPython points just past the end of the offending line.
      std::string_view text = line_text(line_);
      int end = uni::count_chars(text, text.size());
      return fail("IndentationError", "unindent does not match any outer indentation level", line_,
                  end + 1, line_, -1);
    }
    if (altcol != alt_indents_.back())
      return fail("TabError", "inconsistent use of tabs and spaces in indentation", line_, 1, line_, 0);
    for (int i = 0; i < n; i++) add(Tok::Dedent, p, p);
    line_has_tokens_ = false;
  }
  pos_ = p;
  return true;
}

bool Tokenizer::next_token() {
  if (!fstrings_.empty()) {
    auto& fs = fstrings_.back();
    if (fs.fields.empty() || fs.fields.back().in_spec) return scan_fstring_middle();
  }
  if (at_bol_) {
    at_bol_ = false;
    if (parens_.empty() && !at_line_start()) return false;
  }
  // Skip whitespace.
  while (pos_ < src_.size() && (src_[pos_] == ' ' || src_[pos_] == '\t' || src_[pos_] == '\f'))
    pos_++;
  char c = peek();
  if (c == '#') {
    while (pos_ < src_.size() && src_[pos_] != '\n') pos_++;
    c = peek();
  }
  if (pos_ >= src_.size()) {
    if (!fstrings_.empty()) {
      auto& fs = fstrings_.back();
      int l = fs.lineno;
      int detected = line_of(src_.empty() ? 0 : static_cast<uint32_t>(src_.size() - 1));
      std::string m = fs.triple ? "unterminated triple-quoted f-string literal (detected at line "
                                : "unterminated f-string literal (detected at line ";
      int off = chars_before(fs.start) + 1;
      return fail("SyntaxError", m + std::to_string(detected) + ")", l, off, l, off);
    }
    if (!parens_.empty()) {
      auto& p = parens_.back();
      int off = uni::count_chars(line_text(p.lineno), p.col) + 1;
      fail("SyntaxError", std::string("'") + p.ch + "' was never closed", p.lineno, off, p.lineno,
           0);
      error_->eof_in_paren = true;
      error_->info.incomplete = true;
      return false;
    }
    uint32_t e = static_cast<uint32_t>(src_.size());
    if (line_has_tokens_) {
      // Implicit NEWLINE at end of input without a trailing newline.
      int l = line_of(e > 0 ? e - 1 : 0);
      int col = static_cast<int>(e - line_starts_[l - 1]);
      add_at(Tok::Newline, e, e, l, col, l, col + 1);
    }
    int endline = src_.empty() ? 1 : line_of(e - 1) + (src_.back() == '\n' ? 1 : 0);
    for (size_t i = 1; i < indents_.size(); i++) add_at(Tok::Dedent, e, e, endline, 0, endline, 0);
    add_at(Tok::EndMarker, e, e, endline, 0, endline, 0);
    done_ = true;
    return false;
  }
  uint32_t start = pos_;
  if (c == '\n') {
    pos_++;
    if (parens_.empty()) {
      if (line_has_tokens_) {
        add(Tok::Newline, start, start + 1);
        line_has_tokens_ = false;
      }
      at_bol_ = true;
    }
    if (pos_ < src_.size()) line_++;
    return true;
  }
  if (c == '\\') {
    char n = peek(1);
    if (n == '\n') {
      pos_ += 2;
      if (pos_ >= src_.size()) {
        int l = line_;
        int off = chars_before(start) + 2;
        fail("SyntaxError", "unexpected EOF while parsing", l, off, l, -1);
        error_->info.incomplete = true;
        return false;
      }
      line_++;
      return true;
    }
    if (n == '\0' && pos_ + 1 >= src_.size()) {
      int off = chars_before(start) + 2;
      fail("SyntaxError", "unexpected EOF while parsing", line_, off, line_, -1);
      error_->info.incomplete = true;
      return false;
    }
    int off = chars_before(start) + 2;
    return fail("SyntaxError", "unexpected character after line continuation character", line_, off,
                line_, 0);
  }
  auto uc = static_cast<unsigned char>(c);
  if (is_ascii_id_char(c) && !is_digit(c)) {
    uint32_t p = pos_ + 1;
    while (p < src_.size() && is_ascii_id_char(src_[p])) p++;
    bool non_ascii = p < src_.size() && static_cast<unsigned char>(src_[p]) >= 0x80;
    if (!non_ascii && p < src_.size() && (src_[p] == '"' || src_[p] == '\'') && p - pos_ <= 2) {
      // Possible string prefix.
      std::string pre;
      for (uint32_t i = pos_; i < p; i++) pre += static_cast<char>(src_[i] | 0x20);
      static constexpr std::string_view kPrefixes[] = {"r", "u", "b", "br", "rb", "f", "fr",
                                                       "rf", "t", "tr", "rt"};
      for (auto k : kPrefixes)
        if (pre == k) return scan_string(start, p);
    }
    if (!non_ascii) {
      pos_ = p;
      add(keyword_kind(src_.substr(start, p - start)), start, p);
      return true;
    }
    uc = 0x80;  // fall into the non-ASCII identifier path
  }
  if (uc >= 0x80 || (is_ascii_id_char(c) && !is_digit(c))) {
    uint32_t p = pos_;
    bool first = true;
    while (p < src_.size()) {
      char ch = src_[p];
      if (static_cast<unsigned char>(ch) < 0x80) {
        if (!is_ascii_id_char(ch) || (first && is_digit(ch))) break;
        p++;
        first = false;
        continue;
      }
      int len;
      int32_t cp = uni::decode_utf8(src_, p, &len);
      bool ok = cp >= 0 && (first ? uni::is_id_start(cp) : uni::is_id_continue(cp));
      if (!ok) {
        if (cp < 0) return fail_at("invalid UTF-8 in source", p);
        // Report the offending character like CPython.
        std::string chs(src_.substr(p, len));
        int off = chars_before(p) + 1;
        char buf[64];
        if (uni::is_printable(cp)) {
          snprintf(buf, sizeof buf, " (U+%04X)", cp);
          return fail("SyntaxError", "invalid character '" + chs + "'" + buf, line_, off, line_,
                      off);
        }
        snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", cp);
        return fail("SyntaxError", buf, line_, off, line_, off);
      }
      p += len;
      first = false;
    }
    pos_ = p;
    add(Tok::Name, start, p);
    return true;
  }
  if (is_digit(c) || (c == '.' && is_digit(peek(1)))) return scan_number(start);
  if (c == '"' || c == '\'') return scan_string(start, start);

  // F-string replacement field boundaries.
  if (!fstrings_.empty() && !fstrings_.back().fields.empty()) {
    auto& field = fstrings_.back().fields.back();
    if (parens_.size() == field.paren_depth && (c == '}' || (c == ':'))) {
      pos_++;
      if (c == '}') {
        add(Tok::RBrace, start, pos_);
        parens_.pop_back();
        fstrings_.back().fields.pop_back();
      } else {
        add(Tok::Colon, start, pos_);
        field.in_spec = true;
      }
      return true;
    }
  }

  // Operators: longest match.
  if (pos_ + 3 <= src_.size()) {
    auto s3 = src_.substr(pos_, 3);
    for (const auto& op : kOps3)
      if (op.s == s3) {
        pos_ += 3;
        add(op.t, start, pos_);
        return true;
      }
  }
  if (pos_ + 2 <= src_.size()) {
    auto s2 = src_.substr(pos_, 2);
    for (const auto& op : kOps2)
      if (op.s == s2) {
        if (s2 == "<>") break;  // Barry-as-FLUFL only; invalid otherwise
        pos_ += 2;
        add(op.t, start, pos_);
        return true;
      }
  }
  Tok t = single_op(c);
  if (t != Tok::Error) {
    int col = static_cast<int>(start - line_starts_[line_ - 1]);
    if (c == '(' || c == '[' || c == '{') {
      if (static_cast<int>(parens_.size()) >= kMaxParenLevel) {
        int off = chars_before(start) + 1;
        return fail("SyntaxError", "too many nested parentheses", line_, off, line_, off);
      }
      parens_.push_back({c, line_, col});
    } else if (c == ')' || c == ']' || c == '}') {
      int off = chars_before(start) + 1;
      if (parens_.empty())
        return fail("SyntaxError", std::string("unmatched '") + c + "'", line_, off, line_, off);
      Paren p = parens_.back();
      char want = p.ch == '(' ? ')' : p.ch == '[' ? ']' : '}';
      if (c != want) {
        std::string m = std::string("closing parenthesis '") + c +
                        "' does not match opening parenthesis '" + p.ch + "'";
        if (p.lineno != line_) m += " on line " + std::to_string(p.lineno);
        return fail("SyntaxError", m, line_, off, line_, off);
      }
      parens_.pop_back();
    }
    pos_++;
    add(t, start, pos_);
    return true;
  }
  // Anything else is an invalid character.
  int len = 1;
  int32_t cp = uni::decode_utf8(src_, pos_, &len);
  int off = chars_before(start) + 1;
  char buf[64];
  if (c == '$' || c == '?' || c == '`') {
    // CPython tokenizes these as ERRORTOKEN; the parser reports invalid syntax.
    pos_++;
    add(Tok::Error, start, pos_);
    return true;
  }
  if (cp >= 0 && uni::is_printable(cp)) {
    snprintf(buf, sizeof buf, " (U+%04X)", cp);
    return fail("SyntaxError", "invalid character '" + std::string(src_.substr(pos_, len)) + "'" + buf,
                line_, off, line_, off);
  }
  snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", cp < 0 ? uc : cp);
  return fail("SyntaxError", buf, line_, off, line_, off);
}

bool Tokenizer::verify_end_of_number(const char* kind) {
  // pos_ is just past the number. A keyword glued to a number ("1if x else
  // y") is still accepted with a warning; any other identifier character is
  // an error.
  char c = peek();
  auto follows = [&](std::string_view kw) { return src_.substr(pos_, kw.size()) == kw; };
  bool kw = (c == 'a' && follows("and")) || (c == 'e' && follows("else")) ||
            (c == 'f' && follows("for")) ||
            (c == 'i' && (follows("if") || follows("in") || follows("is"))) ||
            (c == 'o' && follows("or")) || (c == 'n' && follows("not"));
  if (kw) {
    SyntaxWarningInfo w;
    w.category = "SyntaxWarning";
    w.msg = std::string("invalid ") + kind + " literal";
    w.lineno = line_;
    // As CPython reports it when raised: at the number's last character,
    // with the line cut before its newline.
    w.col_offset = static_cast<int>(pos_ - line_starts_[line_ - 1]) - 1;
    w.text_without_newline = true;
    warnings_.push_back(std::move(w));
    return true;
  }
  if (is_potential_id_char(c)) return fail_at(std::string("invalid ") + kind + " literal", pos_);
  return true;
}

bool Tokenizer::scan_number(uint32_t start) {
  // Scanner state: pos_ is the cursor ("next char to read").
  auto digits_tail = [&]() -> bool {
    // Reads [0-9]+ ('_' [0-9]+)* given pos_ at a digit.
    for (;;) {
      while (is_digit(peek())) pos_++;
      if (peek() != '_') return true;
      pos_++;
      if (!is_digit(peek())) return fail_at("invalid decimal literal", pos_);
    }
  };
  auto exponent = [&]() -> bool {
    // pos_ at 'e'/'E'.
    uint32_t e_pos = pos_;
    pos_++;
    char c = peek();
    if (c == '+' || c == '-') {
      pos_++;
      if (!is_digit(peek())) return fail_at("invalid decimal literal", pos_);
    } else if (!is_digit(c)) {
      pos_ = e_pos;  // "1else": the 'e' belongs to a keyword
      return verify_end_of_number("decimal");
    }
    return digits_tail();
  };
  auto finish_decimal = [&](bool after_fraction_or_int) -> bool {
    if (peek() == 'e' || peek() == 'E') {
      uint32_t before = pos_;
      if (!exponent()) return false;
      if (pos_ == before) {
        add(Tok::Number, start, pos_);
        return true;
      }
    }
    if (peek() == 'j' || peek() == 'J') {
      pos_++;
      if (!verify_end_of_number("imaginary")) return false;
    } else if (!verify_end_of_number("decimal")) {
      return false;
    }
    add(Tok::Number, start, pos_);
    return true;
  };
  char c = peek();
  if (c == '.') {  // ".5"
    pos_++;
    if (!digits_tail()) return false;
    return finish_decimal(true);
  }
  if (c == '0') {
    char x = peek(1);
    if (x == 'x' || x == 'X' || x == 'o' || x == 'O' || x == 'b' || x == 'B') {
      pos_ += 2;
      char k = static_cast<char>(x | 0x20);
      const char* kind = k == 'x' ? "hexadecimal" : k == 'o' ? "octal" : "binary";
      auto ok_digit = [&](char d) {
        return k == 'x' ? is_xdigit(d) : k == 'o' ? (d >= '0' && d <= '7') : (d == '0' || d == '1');
      };
      do {
        if (peek() == '_') pos_++;
        if (!ok_digit(peek())) {
          if (k != 'x' && is_digit(peek())) {
            pos_++;
            return fail_at(std::string("invalid digit '") + src_[pos_ - 1] + "' in " + kind +
                               " literal",
                           pos_);
          }
          return fail_at(std::string("invalid ") + kind + " literal", pos_);
        }
        while (ok_digit(peek())) pos_++;
      } while (peek() == '_');
      if (k != 'x' && is_digit(peek())) {
        pos_++;
        return fail_at(
            std::string("invalid digit '") + src_[pos_ - 1] + "' in " + kind + " literal", pos_);
      }
      if (!verify_end_of_number(kind)) return false;
      add(Tok::Number, start, pos_);
      return true;
    }
    // Zeros, possibly an (illegal) old-style octal.
    bool nonzero = false;
    for (;;) {
      if (peek() == '_') {
        pos_++;
        if (!is_digit(peek())) return fail_at("invalid decimal literal", pos_);
      }
      if (peek() != '0') break;
      pos_++;
    }
    uint32_t zeros_end = pos_;
    if (is_digit(peek())) {
      nonzero = true;
      if (!digits_tail()) return false;
    }
    char d = peek();
    if (d == '.') {
      pos_++;
      if (is_digit(peek()) && !digits_tail()) return false;
      return finish_decimal(true);
    }
    if (d == 'e' || d == 'E' || d == 'j' || d == 'J') return finish_decimal(true);
    if (nonzero) {
      int off = chars_before(start) + 1;
      int eoff = chars_before(zeros_end) + 1;
      return fail("SyntaxError",
                  "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
                  "for octal integers",
                  line_, off, line_, eoff);
    }
    if (!verify_end_of_number("decimal")) return false;
    add(Tok::Number, start, pos_);
    return true;
  }
  if (!digits_tail()) return false;
  if (peek() == '.') {
    pos_++;
    if (is_digit(peek()) && !digits_tail()) return false;
  }
  return finish_decimal(true);
}

bool Tokenizer::scan_string(uint32_t start, uint32_t quote_pos) {
  bool is_f = false, is_raw = false;
  for (uint32_t i = start; i < quote_pos; i++) {
    char p = static_cast<char>(src_[i] | 0x20);
    if (p == 'f' || p == 't') is_f = true;
    if (p == 'r') is_raw = true;
  }
  char q = src_[quote_pos];
  bool triple = quote_pos + 2 < src_.size() && src_[quote_pos + 1] == q && src_[quote_pos + 2] == q;
  uint32_t p = quote_pos + (triple ? 3 : 1);
  if (is_f) {
    if (fstrings_.size() >= 150) {
      int off = chars_before(start) + 1;
      return fail("SyntaxError", "too many nested f-strings", line_, off, line_, off);
    }
    FString fs;
    fs.quote = q;
    fs.triple = triple;
    fs.raw = is_raw;
    fs.lineno = line_;
    fs.col = static_cast<int>(start - line_starts_[line_ - 1]);
    fs.start = start;
    fstrings_.push_back(std::move(fs));
    pos_ = p;
    add(Tok::FStringStart, start, p);
    return true;
  }
  int start_line = line_;
  for (;;) {
    if (p >= src_.size() || (!triple && src_[p] == '\n')) {
      int detected = line_of(p >= src_.size() ? (src_.empty() ? 0 : static_cast<uint32_t>(src_.size() - 1)) : p);
      int off = chars_before(start) + 1;
      if (!fstrings_.empty()) {
        // A string inside an f-string replacement field that runs off the
        // end almost always means the field itself was not closed.
        return fail("SyntaxError", "f-string: expecting '}'", start_line, off, start_line, off);
      }
      std::string m = triple ? "unterminated triple-quoted string literal (detected at line "
                             : "unterminated string literal (detected at line ";
      fail("SyntaxError", m + std::to_string(detected) + ")", start_line, off, start_line, off);
      if (triple) error_->info.incomplete = true;
      return false;
    }
    char c = src_[p];
    if (c == '\\') {
      p += 2;
      if (p > src_.size()) p = static_cast<uint32_t>(src_.size());
      continue;
    }
    if (c == q) {
      if (!triple) { p++; break; }
      if (p + 2 < src_.size() && src_[p + 1] == q && src_[p + 2] == q) { p += 3; break; }
    }
    p++;
  }
  // Count newlines crossed for the line counter.
  for (uint32_t i = start; i < p; i++)
    if (src_[i] == '\n' && i + 1 < src_.size()) line_++;
  pos_ = p;
  // add() handles multi-line tokens through line_of.
  Token t;
  t.kind = Tok::String;
  t.start = start;
  t.end = p;
  t.lineno = start_line;
  t.col = static_cast<int>(start - line_starts_[start_line - 1]);
  t.end_lineno = line_;
  t.end_col = static_cast<int>(p - line_starts_[line_ - 1]);
  tokens_.push_back(t);
  line_has_tokens_ = true;
  return true;
}

bool Tokenizer::scan_fstring_middle() {
  FString& fs = fstrings_.back();
  bool in_spec = !fs.fields.empty();
  uint32_t start = pos_;
  uint32_t p = pos_;
  auto emit_middle = [&](uint32_t end) {
    if (end > start) add(Tok::FStringMiddle, start, end);
  };
  auto sync_lines = [&](uint32_t upto) {
    for (uint32_t i = pos_; i < upto; i++)
      if (src_[i] == '\n' && i + 1 < src_.size()) line_++;
    pos_ = upto;
  };
  for (;;) {
    if (p >= src_.size()) {
      int detected = line_of(src_.empty() ? 0 : static_cast<uint32_t>(src_.size() - 1));
      int off = chars_before(fs.start) + 1;
      if (in_spec)
        return fail("SyntaxError", "f-string: expecting '}'", fs.lineno, off, fs.lineno, off);
      std::string m = fs.triple ? "unterminated triple-quoted f-string literal (detected at line "
                                : "unterminated f-string literal (detected at line ";
      fail("SyntaxError", m + std::to_string(detected) + ")", fs.lineno, off, fs.lineno, off);
      if (fs.triple) error_->info.incomplete = true;
      return false;
    }
    char c = src_[p];
    if (c == fs.quote &&
        (!fs.triple || (p + 2 < src_.size() && src_[p + 1] == c && src_[p + 2] == c))) {
      sync_lines(p);
      emit_middle(p);
      if (in_spec) {
        int off = chars_before(p) + 1;
        return fail("SyntaxError", "f-string: expecting '}'", line_, off, line_, off);
      }
      uint32_t e = p + (fs.triple ? 3 : 1);
      pos_ = e;
      add(Tok::FStringEnd, p, e);
      fstrings_.pop_back();
      return true;
    }
    if (c == '\n' && !fs.triple) {
      sync_lines(p);
      int off = chars_before(fs.start) + 1;
      if (in_spec)
        return fail("SyntaxError",
                    "f-string: newlines are not allowed in format specifiers for single quoted "
                    "f-strings",
                    line_, chars_before(p) + 1, line_, chars_before(p) + 1);
      return fail("SyntaxError",
                  "unterminated f-string literal (detected at line " + std::to_string(line_) + ")",
                  fs.lineno, off, fs.lineno, off);
    }
    if (c == '\\') {
      char n = p + 1 < src_.size() ? src_[p + 1] : '\0';
      if (fs.raw) {
        p += (n == fs.quote || n == '\\') ? 2 : 1;
      } else if (n == 'N' && p + 2 < src_.size() && src_[p + 2] == '{') {
        p += 3;
        while (p < src_.size() && src_[p] != '}' && src_[p] != fs.quote && src_[p] != '\n') p++;
        if (p < src_.size() && src_[p] == '}') p++;
      } else if (n == '{' || n == '}') {
        p += 1;
      } else {
        p += 2;
      }
      continue;
    }
    if (c == '{') {
      if (!in_spec && p + 1 < src_.size() && src_[p + 1] == '{') {
        p += 2;
        continue;
      }
      sync_lines(p);
      emit_middle(p);
      if (static_cast<int>(parens_.size()) >= kMaxParenLevel) {
        int off = chars_before(p) + 1;
        return fail("SyntaxError", "too many nested parentheses", line_, off, line_, off);
      }
      if (fs.fields.size() >= 2) {
        int off = chars_before(p) + 1;
        return fail("SyntaxError", "f-string: expressions nested too deeply", line_, off, line_, off);
      }
      parens_.push_back({'{', line_, static_cast<int>(p - line_starts_[line_ - 1])});
      pos_ = p + 1;
      add(Tok::LBrace, p, p + 1);
      fs.fields.push_back({parens_.size(), false});
      return true;
    }
    if (c == '}') {
      if (in_spec) {
        sync_lines(p);
        emit_middle(p);
        pos_ = p + 1;
        add(Tok::RBrace, p, p + 1);
        parens_.pop_back();
        fs.fields.pop_back();
        return true;
      }
      if (p + 1 < src_.size() && src_[p + 1] == '}') {
        p += 2;
        continue;
      }
      sync_lines(p);
      int off = chars_before(p) + 1;
      return fail("SyntaxError", "f-string: single '}' is not allowed", line_, off, line_, off);
    }
    p++;
  }
}

// ---------------------------------------------------------------------------

static bool is_utf8_name(std::string enc) {
  for (auto& ch : enc) ch = static_cast<char>(ch == '_' ? '-' : (ch | 0x20));
  return enc == "utf-8" || enc.rfind("utf-8-", 0) == 0;
}
static bool is_utf8_alias(std::string enc) {
  for (auto& ch : enc) ch = static_cast<char>(ch == '_' ? '-' : (ch | 0x20));
  return enc == "utf8" || enc == "u8" || enc == "utf" || enc == "cp65001";
}
static bool is_latin1_name(std::string enc) {
  for (auto& ch : enc) ch = static_cast<char>(ch == '_' ? '-' : (ch | 0x20));
  return enc == "latin-1" || enc == "iso-8859-1" || enc == "iso8859-1" || enc == "latin1" ||
         enc.rfind("latin-1-", 0) == 0 || enc.rfind("iso-8859-1-", 0) == 0 || enc == "l1" ||
         enc == "iso-latin-1" || enc == "ascii" || enc == "us-ascii";
}

// Finds "coding[:=]\s*([-\w.]+)" in a comment line.
static bool find_coding(std::string_view line, std::string* enc) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) i++;
  if (i >= line.size() || line[i] != '#') return false;
  for (size_t k = line.find("coding", i); k != std::string_view::npos;
       k = line.find("coding", k + 1)) {
    size_t j = k + 6;
    if (j < line.size() && (line[j] == ':' || line[j] == '=')) {
      j++;
      while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) j++;
      size_t s = j;
      while (j < line.size() && (is_ascii_id_char(line[j]) || line[j] == '-' || line[j] == '.')) j++;
      if (j > s) {
        *enc = std::string(line.substr(s, j - s));
        return true;
      }
    }
  }
  return false;
}

static bool finish_source(std::string_view in, bool latin1, std::string* out, SyntaxErrorInfo* err);

bool normalize_source(std::string_view in, std::string* out, SyntaxErrorInfo* err) {
  bool bom = in.size() >= 3 && in.substr(0, 3) == "\xEF\xBB\xBF";
  if (bom) in.remove_prefix(3);
  // Coding declaration: first or second line (the second only if the first
  // is blank or a comment).
  std::string enc;
  size_t nl1 = in.find('\n');
  std::string_view l1 = in.substr(0, nl1);
  bool found = find_coding(l1, &enc);
  if (!found && nl1 != std::string_view::npos) {
    size_t k = 0;
    while (k < l1.size() && (l1[k] == ' ' || l1[k] == '\t' || l1[k] == '\f' || l1[k] == '\r')) k++;
    if (k == l1.size() || l1[k] == '#') {
      std::string_view rest = in.substr(nl1 + 1);
      found = find_coding(rest.substr(0, rest.find('\n')), &enc);
    }
  }
  bool latin1 = false;
  if (found && !is_utf8_name(enc) && !(is_utf8_alias(enc) && !bom)) {
    if (bom) {
      err->type = "SyntaxError";
      err->msg = "encoding problem: " + enc + " with BOM";
      err->lineno = 0;
      err->offset = -1;
      return false;
    }
    if (is_latin1_name(enc) && codec_normalize(enc) != "ascii") {
      latin1 = true;
    } else {
      // Any other codec ftpy has (objects/codecs.h) decodes the whole source
      // to UTF-8 first. Like CPython, an unknown codec, one that cannot
      // encode source (UTF-16/32), or bytes it cannot decode all read
      // "encoding problem: NAME", with no line.
      std::string canon = codec_normalize(enc);
      Ref<> text;
      if (!canon.empty() && canon.rfind("utf-16", 0) != 0 && canon.rfind("utf-32", 0) != 0)
        text = codec_decode(reinterpret_cast<const uint8_t*>(in.data()), static_cast<int64_t>(in.size()), canon,
                            "strict");
      if (!text) {
        err_clear();
        err->type = "SyntaxError";
        err->msg = "encoding problem: " + enc;
        err->lineno = 0;
        err->offset = -1;
        return false;
      }
      return finish_source(str_view(text.val()), false, out, err);
    }
  }
  if (bom && found && !is_utf8_name(enc)) {
    err->type = "SyntaxError";
    err->msg = "encoding problem: " + enc + " with BOM";
    err->lineno = 1;
    return false;
  }
  return finish_source(in, latin1, out, err);
}

// Newlines to \n, Latin-1 to UTF-8, and the checks for NUL and bad UTF-8.
static bool finish_source(std::string_view in, bool latin1, std::string* out, SyntaxErrorInfo* err) {
  std::string s;
  s.reserve(in.size() + 1);
  for (size_t i = 0; i < in.size(); i++) {
    char c = in[i];
    if (c == '\0') {
      err->type = "SyntaxError";
      err->msg = "source code string cannot contain null bytes";
      err->message_only = true;
      err->file_msg = "source code cannot contain null bytes";
      // The file form is located at the NUL's line and shows the line up to it.
      size_t line_start = in.rfind('\n', i == 0 ? 0 : i - 1);
      line_start = line_start == std::string_view::npos || i == 0 ? 0 : line_start + 1;
      err->lineno = 1 + static_cast<int>(std::count(in.begin(), in.begin() + static_cast<ptrdiff_t>(i), '\n'));
      err->text = std::string(in.substr(line_start, i - line_start));
      err->offset = 0;
      return false;
    }
    if (c == '\r') {
      s += '\n';
      if (i + 1 < in.size() && in[i + 1] == '\n') i++;
      continue;
    }
    if (latin1 && static_cast<unsigned char>(c) >= 0x80) {
      uni::append_utf8(s, static_cast<unsigned char>(c));
      continue;
    }
    s += c;
  }
  size_t bad;
  if (!uni::is_valid_utf8(s, &bad)) {
    int line = 1;
    for (size_t i = 0; i < bad; i++)
      if (s[i] == '\n') line++;
    char buf[160];
    snprintf(buf, sizeof buf,
             "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: invalid "
             "start byte",
             static_cast<unsigned char>(s[bad]), bad);
    err->type = "SyntaxError";
    err->msg = buf;
    err->lineno = line;
    return false;
  }
  *out = std::move(s);
  return true;
}

}  // namespace ftpy
