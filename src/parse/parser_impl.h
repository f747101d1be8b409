// Internal: the recursive-descent parser shared by parser*.cpp. Not part of
// the public API (see parser.h).
//
// Each grammar rule is a member function that consumes tokens and returns a
// node. A syntax error unwinds with a ParseError exception that never leaves
// parse(): one throw per failed parse is cheaper and clearer than threading a
// status through ~100 rules; the public API reports errors as values.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parse/ast.h"
#include "parse/parser.h"
#include "parse/tokenizer.h"

namespace ftpy {

struct ParseError {
  SyntaxErrorInfo info;
  size_t token_index;  // the token the error is attached to (for priorities)
};

enum class TargetsType { Star, Del, For };

class Parser {
 public:
  Parser(std::string_view src, Tokenizer& tz, Arena& arena, std::vector<SyntaxWarningInfo>& warnings);
  ast::Mod* parse(ParseMode mode);  // throws ParseError
  size_t furthest() const { return max_seen_; }

  // Error helpers usable from outside (the driver).
  SyntaxErrorInfo make_error(const char* type, std::string msg, int lineno, int col, int end_lineno,
                             int end_col) const;

 private:
  friend struct DepthGuard;
  using Expr = ast::Expr;
  using Stmt = ast::Stmt;

  // ---- tokens ----
  const Token& tok(size_t k = 0) {
    size_t i = pos_ + k;
    if (i >= ntoks_) i = ntoks_ - 1;
    if (i > max_seen_) max_seen_ = i;
    return toks_[i];
  }
  Tok kind(size_t k = 0) { return tok(k).kind; }
  bool at(Tok t) { return kind() == t; }
  bool accept(Tok t) {
    if (kind() == t) {
      pos_++;
      return true;
    }
    return false;
  }
  const Token& next() {
    const Token& t = tok();
    if (pos_ < ntoks_ - 1) pos_++;
    return t;
  }
  const Token& prev() const { return toks_[pos_ > 0 ? pos_ - 1 : 0]; }
  const Token& expect(Tok t);
  void expect_forced(Tok t, const char* what);  // "expected ':'"
  std::string_view text(const Token& t) const { return src_.substr(t.start, t.end - t.start); }
  bool at_name(std::string_view s) { return kind() == Tok::Name && text(tok()) == s; }
  bool at_name(size_t k, std::string_view s) { return kind(k) == Tok::Name && text(tok(k)) == s; }
  std::string ident(const Token& t);  // NFKC for non-ASCII

  // ---- positions ----
  template <class T>
  T* make(const Token& start) {
    T* n = arena_.make<T>();
    n->lineno = start.lineno;
    n->col_offset = start.col;
    return n;
  }
  template <class T>
  T* make_at(const ast::Located* start) {
    T* n = arena_.make<T>();
    n->lineno = start->lineno;
    n->col_offset = start->col_offset;
    return n;
  }
  static void end_tok(ast::Located* n, const Token& t) {
    n->end_lineno = t.end_lineno;
    n->end_col_offset = t.end_col;
  }
  void end_prev(ast::Located* n) { end_tok(n, prev()); }
  // End of a compound statement: the last token that is not NEWLINE,
  // INDENT or DEDENT (so a trailing ';' counts, as in CPython).
  void end_block(ast::Located* n) {
    size_t i = pos_;
    while (i > 1 && (toks_[i - 1].kind == Tok::Newline || toks_[i - 1].kind == Tok::Indent ||
                     toks_[i - 1].kind == Tok::Dedent))
      i--;
    end_tok(n, toks_[i - 1]);
  }
  static void end_node(ast::Located* n, const ast::Located* last) {
    n->end_lineno = last->end_lineno;
    n->end_col_offset = last->end_col_offset;
  }

  // ---- errors ----
  [[noreturn]] void fail_tok(const Token& t, std::string msg, const char* type = "SyntaxError");
  [[noreturn]] void fail_node(const ast::Located* n, std::string msg, const char* type = "SyntaxError");
  [[noreturn]] void fail_range(const ast::Located* a, const ast::Located* b, std::string msg);
  [[noreturn]] void fail_generic();  // "invalid syntax" at the furthest token
  [[noreturn]] void fail_indent_block(const char* what, int header_line);
  [[noreturn]] void too_deep();
  void warn(const Token& t, std::string msg);

  // ---- statements (parser_stmt.cpp) ----
  void statements_until(Tok end, std::vector<Stmt*>& out);
  // Parses one statement into out; true when it was a compound statement.
  bool statement(std::vector<Stmt*>& out);
  void simple_stmts(std::vector<Stmt*>& out);
  Stmt* simple_stmt();
  Stmt* expr_or_assign_stmt();
  Stmt* compound_stmt();
  void block(std::vector<Stmt*>& out, const char* what, int header_line);
  Stmt* if_stmt(bool elif);
  Stmt* while_stmt();
  Stmt* for_stmt(const Token* async_tok);
  Stmt* with_stmt(const Token* async_tok);
  Stmt* try_stmt();
  Stmt* funcdef(std::vector<Expr*> decorators, const Token* async_tok, const Token* first);
  Stmt* classdef(std::vector<Expr*> decorators, const Token* first);
  Stmt* decorated();
  Stmt* import_stmt();
  Stmt* from_stmt();
  Stmt* match_stmt();
  Stmt* type_alias_stmt();
  bool looks_like_match_stmt();
  ast::Arguments* parameters(Tok close, bool allow_annotations);
  std::vector<ast::TypeParam*> type_params();
  ast::WithItem* with_item();

  // ---- patterns (parser_pattern.cpp) ----
  ast::MatchCase* case_block();
  ast::Pattern* patterns();
  ast::Pattern* pattern();
  ast::Pattern* or_pattern();
  ast::Pattern* closed_pattern();
  Expr* signed_number_or_complex();
  Expr* pattern_value_attr();
  ast::Pattern* sequence_pattern(Tok close, const Token& open);
  ast::Pattern* mapping_pattern();
  ast::Pattern* class_pattern(Expr* cls, size_t start);
  ast::Pattern* star_pattern();

  // ---- expressions (parser_expr.cpp) ----
  Expr* star_expressions();            // a, *b, c  (tuple without parens)
  Expr* star_expression();
  Expr* star_named_expression();
  Expr* star_named_expressions_tuple();  // for subject/return of bare tuples
  Expr* named_expression();
  void invalid_named_expression(size_t start, const Expr* a);
  Expr* dict_value();
  bool parenthesized(const Expr* e) const;
  bool starts_with_display_or_singleton(const Expr* e) const;
  void assignment_eq_hint(const Token& first, const std::vector<Expr*>& chain, const Expr* value);
  bool no_eq_hint_ = false;  // set where '=' after an expression has its own error
  Expr* expression();
  Expr* expressions();                 // eval mode: a, b (no stars)
  Expr* lambdef();
  Expr* disjunction();
  Expr* conjunction();
  Expr* inversion();
  Expr* comparison();
  Expr* bitwise_or();
  Expr* bitwise_xor();
  Expr* bitwise_and();
  Expr* shift_expr();
  Expr* sum();
  Expr* term();
  Expr* factor();
  Expr* power();
  Expr* await_primary();
  Expr* primary();
  Expr* atom();
  Expr* paren_atom();
  Expr* list_atom();
  Expr* brace_atom();
  void comma_hint(Expr* last);
  Expr* slices();
  Expr* slice();
  Expr* yield_expr();
  Expr* star_targets();                // for-loop/comprehension targets
  Expr* star_target();
  void call_args(ast::Call* call, const Token& open, bool allow_genexp = true);
  std::vector<ast::Comprehension*> comprehension_clauses();
  Expr* number(const Token& t);
  bool starts_expression(Tok k);

  // ---- strings (parser_string.cpp) ----
  Expr* strings();
  ast::Expr* fstring_replacement_field(bool raw, bool is_template, int depth);
  ast::JoinedStr* fstring_format_spec(bool raw, bool is_template, int depth, const Token& colon);
  bool decode_string_token(const Token& t, std::string* out, bool* is_bytes, bool* is_u);
  void decode_escapes(std::string_view body, bool is_bytes, const Token& t, uint32_t body_start,
                      std::string* out);

  // ---- targets (parser.cpp) ----
  void set_context(Expr* e, ast::ExprContext ctx);
  const Expr* invalid_target(const Expr* e, TargetsType type);
  void check_target(Expr* e, TargetsType type);  // raises "cannot assign to X"
  void check_assign_targets(std::vector<Expr*>& targets, Expr* value, bool first_parenthesized_kind);

  std::string_view src_;
  Tokenizer& tz_;
  const Token* toks_;
  size_t ntoks_;
  size_t pos_ = 0;
  size_t max_seen_ = 0;
  int depth_ = 0;
  Arena& arena_;
  std::vector<SyntaxWarningInfo>& warnings_;
  // Bracket/f-string context for "Perhaps you forgot a comma?".
  int bracket_depth_ = 0;
  bool in_match_ = false;
  Expr* last_field_ = nullptr;  // see fstring_replacement_field
};

// Bounds the parser's recursion so deep input raises instead of overflowing
// the C stack. CPython parses ~3000 nested unary operators, lambdas or
// conditional expressions and then stops in the compiler with a
// RecursionError; 3000 levels take under 2.5 MB of stack here (threads get 8 MB).
struct DepthGuard {
  static constexpr int kMaxDepth = 3000;
  Parser& p;
  explicit DepthGuard(Parser& parser) : p(parser) {
    if (++p.depth_ > kMaxDepth) p.too_deep();
  }
  ~DepthGuard() { --p.depth_; }
};

}  // namespace ftpy
