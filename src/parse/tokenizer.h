// Tokenizer: turns UTF-8 Python 3.14 source into a vector of tokens.
//
// The whole source is tokenized up front (the parser then indexes the
// vector). Tokenizing stops at the first error; the error is kept and the
// parser decides when to report it: CPython reports a tokenizer error in
// preference to any parser error, except the "'(' was never closed" case,
// which only wins when the open bracket precedes the parser's error line.
//
// F-strings are tokenized as in PEP 701: FSTRING_START, then FSTRING_MIDDLE
// pieces (raw source text; the parser decodes escapes and '{{'), '{' expr
// ['='] ['!' NAME] [':' spec...] '}' and FSTRING_END. t-strings use the same
// tokens; the parser tells them apart by the prefix.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/syntax_error.h"
#include "parse/token.h"

namespace ftpy {

struct TokenizerError {
  SyntaxErrorInfo info;
  bool eof_in_paren = false;  // "'(' was never closed" (see above)
};

class Tokenizer {
 public:
  // `src` must outlive the tokenizer and all tokens; it must already be
  // normalised (see normalize_source).
  explicit Tokenizer(std::string_view src);

  // Tokenizes everything. Returns false on error (see error()); tokens up to
  // the error are still in tokens().
  bool run();

  const std::vector<Token>& tokens() const { return tokens_; }
  std::vector<Token>& tokens() { return tokens_; }
  const std::optional<TokenizerError>& error() const { return error_; }
  std::vector<SyntaxWarningInfo>& warnings() { return warnings_; }

  // Line bookkeeping shared with the parser for error messages.
  std::string_view line_text(int lineno) const;  // without the newline
  int line_count() const { return static_cast<int>(line_starts_.size()); }
  uint32_t line_start(int lineno) const { return line_starts_[lineno - 1]; }

  // Maximum nesting of brackets, like CPython's MAXLEVEL.
  static constexpr int kMaxParenLevel = 200;
  static constexpr int kMaxIndent = 100;

 private:
  struct Paren {
    char ch;
    int lineno, col;
  };
  struct FField {           // one open replacement field '{'
    size_t paren_depth;     // parens_.size() right after its '{' was pushed
    bool in_spec = false;   // after the top-level ':'
  };
  struct FString {
    char quote;
    bool triple, raw;
    int lineno, col;       // where the f-string started (for errors)
    uint32_t start;
    std::vector<FField> fields;
  };

  bool next_token();  // appends one or more tokens; false on error or EOF
  bool scan_fstring_middle();
  bool scan_number(uint32_t start);
  bool scan_string(uint32_t start, uint32_t quote_pos);
  bool at_line_start();
  void add(Tok kind, uint32_t start, uint32_t end);
  void add_at(Tok kind, uint32_t start, uint32_t end, int line, int col, int eline, int ecol);
  bool fail(const char* type, std::string msg, int lineno, int offset, int end_lineno,
            int end_offset);
  bool fail_at(std::string msg, uint32_t cur);  // offset = chars before `cur` on its line
  int line_of(uint32_t pos) const;
  int col_of(uint32_t pos) const;  // byte column
  int chars_before(uint32_t pos) const;  // code-point column
  char peek(size_t k = 0) const {
    return pos_ + k < src_.size() ? src_[pos_ + k] : '\0';
  }
  bool verify_end_of_number(const char* kind);

  std::string_view src_;
  uint32_t pos_ = 0;
  int line_ = 1;
  std::vector<uint32_t> line_starts_;
  std::vector<Token> tokens_;
  std::vector<Paren> parens_;
  std::vector<FString> fstrings_;
  std::vector<int> indents_{0}, alt_indents_{0};
  int pending_dedents_ = 0;
  bool at_bol_ = true;       // at the beginning of a logical line
  bool line_has_tokens_ = false;
  bool done_ = false;
  std::optional<TokenizerError> error_;
  std::vector<SyntaxWarningInfo> warnings_;
};

// Strips a UTF-8 BOM, checks a PEP 263 coding declaration (utf-8 and latin-1
// are supported; latin-1 is transcoded), validates UTF-8, rejects NUL bytes
// and translates \r\n and \r to \n. On failure returns false and fills err.
bool normalize_source(std::string_view in, std::string* out, SyntaxErrorInfo* err);

}  // namespace ftpy
