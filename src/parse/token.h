// Token kinds produced by the tokenizer and consumed by the parser.
//
// Keywords get their own kinds (the parser never string-compares them); soft
// keywords (match, case, type, _) stay Name. Positions: lineno is 1-based,
// col / end_col are 0-based UTF-8 byte offsets within the line, exactly like
// the AST's col_offset. `start`/`end` are byte offsets into the (normalised)
// source buffer so the parser can slice the token text.
#pragma once

#include <cstdint>
#include <string_view>

namespace ftpy {

// X(enum name, spelling). Operators and keywords are matched by spelling.
#define FTPY_TOKEN_MISC(X)                                                   \
  X(EndMarker, "ENDMARKER") X(Name, "NAME") X(Number, "NUMBER")              \
  X(String, "STRING") X(Newline, "NEWLINE") X(Indent, "INDENT")              \
  X(Dedent, "DEDENT") X(FStringStart, "FSTRING_START")                       \
  X(FStringMiddle, "FSTRING_MIDDLE") X(FStringEnd, "FSTRING_END")            \
  X(Error, "ERRORTOKEN")

#define FTPY_TOKEN_OPS(X)                                                    \
  X(LPar, "(") X(RPar, ")") X(LSqb, "[") X(RSqb, "]") X(Colon, ":")          \
  X(Comma, ",") X(Semi, ";") X(Plus, "+") X(Minus, "-") X(Star, "*")         \
  X(Slash, "/") X(VBar, "|") X(Amper, "&") X(Less, "<") X(Greater, ">")      \
  X(Equal, "=") X(Dot, ".") X(Percent, "%") X(LBrace, "{") X(RBrace, "}")    \
  X(EqEqual, "==") X(NotEqual, "!=") X(LessEqual, "<=")                      \
  X(GreaterEqual, ">=") X(Tilde, "~") X(Circumflex, "^")                     \
  X(LeftShift, "<<") X(RightShift, ">>") X(DoubleStar, "**")                 \
  X(PlusEqual, "+=") X(MinEqual, "-=") X(StarEqual, "*=")                    \
  X(SlashEqual, "/=") X(PercentEqual, "%=") X(AmperEqual, "&=")              \
  X(VBarEqual, "|=") X(CircumflexEqual, "^=") X(LeftShiftEqual, "<<=")       \
  X(RightShiftEqual, ">>=") X(DoubleStarEqual, "**=")                        \
  X(DoubleSlash, "//") X(DoubleSlashEqual, "//=") X(At, "@")                 \
  X(AtEqual, "@=") X(RArrow, "->") X(Ellipsis, "...")                        \
  X(ColonEqual, ":=") X(Exclamation, "!")

#define FTPY_TOKEN_KEYWORDS(X)                                               \
  X(KwFalse, "False") X(KwNone, "None") X(KwTrue, "True") X(KwAnd, "and")    \
  X(KwAs, "as") X(KwAssert, "assert") X(KwAsync, "async")                    \
  X(KwAwait, "await") X(KwBreak, "break") X(KwClass, "class")                \
  X(KwContinue, "continue") X(KwDef, "def") X(KwDel, "del")                  \
  X(KwElif, "elif") X(KwElse, "else") X(KwExcept, "except")                  \
  X(KwFinally, "finally") X(KwFor, "for") X(KwFrom, "from")                  \
  X(KwGlobal, "global") X(KwIf, "if") X(KwImport, "import") X(KwIn, "in")    \
  X(KwIs, "is") X(KwLambda, "lambda") X(KwNonlocal, "nonlocal")              \
  X(KwNot, "not") X(KwOr, "or") X(KwPass, "pass") X(KwRaise, "raise")        \
  X(KwReturn, "return") X(KwTry, "try") X(KwWhile, "while")                  \
  X(KwWith, "with") X(KwYield, "yield")

enum class Tok : uint8_t {
#define FTPY_X(name, spelling) name,
  FTPY_TOKEN_MISC(FTPY_X) FTPY_TOKEN_OPS(FTPY_X) FTPY_TOKEN_KEYWORDS(FTPY_X)
#undef FTPY_X
      Count
};

// The spelling of an operator or keyword, or the token type name otherwise.
std::string_view tok_spelling(Tok t);
inline bool tok_is_keyword(Tok t) { return t >= Tok::KwFalse && t < Tok::Count; }

struct Token {
  Tok kind = Tok::EndMarker;
  uint32_t start = 0, end = 0;  // byte offsets into the source buffer
  int lineno = 0, col = 0, end_lineno = 0, end_col = 0;
};

}  // namespace ftpy
