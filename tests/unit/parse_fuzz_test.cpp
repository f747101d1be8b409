// Robustness: the front end must never crash, hang or overflow the stack.
#include <gtest/gtest.h>

#include <random>

#include "compile/symtable.h"
#include "parse/parser.h"

namespace ftpy {
namespace {

void parse_and_analyse(const std::string& src) {
  ParseResult r = parse(src, "<fuzz>", ParseMode::Exec);
  if (!r.error) {
    SyntaxErrorInfo err;
    build_symtable(r.mod, r.source, &err);
  }
}

TEST(ParseFuzzTest, DeepNestingGivesSyntaxErrors) {
  for (const std::string& src :
       {std::string(100000, '(') + "\n", std::string(100000, '-') + "1\n",
        std::string(100000, '~') + "x\n", [] {
          std::string s;
          for (int i = 0; i < 30000; i++) s += "not ";
          return s + "x\n";
        }(),
        [] {
          std::string s;
          for (int i = 0; i < 30000; i++) s += "x if y else ";
          return s + "z\n";
        }(),
        [] {
          std::string s;
          for (int i = 0; i < 30000; i++) s += "lambda: ";
          return s + "z\n";
        }(),
        [] {
          std::string s;
          for (int i = 0; i < 30000; i++) s += "await ";
          return s + "z\n";
        }(),
        [] {
          std::string s;
          for (int i = 0; i < 30000; i++) s += "x**";
          return s + "z\n";
        }(),
        [] {
          std::string s;
          for (int i = 0; i < 300; i++) s += std::string(i, ' ') + "if x:\n";
          return s + std::string(300, ' ') + "pass\n";
        }()}) {
    ParseResult r = parse(src, "<deep>", ParseMode::Exec);
    EXPECT_TRUE(r.error.has_value());
  }
}

TEST(ParseFuzzTest, HugeLiteralsJustWork) {
  std::string digits(200000, '7');
  ParseResult r = parse("x = " + digits + "\ny = '" + std::string(1 << 20, 'a') + "'\n", "<huge>",
                        ParseMode::Exec);
  ASSERT_FALSE(r.error);
  auto* m = static_cast<ast::Module*>(r.mod);
  auto* c = ast::cast<ast::Constant>(ast::cast<ast::Assign>(m->body[0])->value);
  EXPECT_EQ(c->value.text, digits);
  std::string many = "x = [";
  for (int i = 0; i < 100000; i++) many += "1, ";
  many += "]\n";
  EXPECT_FALSE(parse(many, "<many>", ParseMode::Exec).error);
}

TEST(ParseFuzzTest, RandomBytesNeverCrash) {
  std::mt19937 rng(12345);
  for (int i = 0; i < 3000; i++) {
    std::string s(rng() % 200, '\0');
    for (auto& ch : s) ch = static_cast<char>(rng() % 256);
    parse_and_analyse(s);
  }
}

TEST(ParseFuzzTest, MutatedProgramsNeverCrash) {
  const std::string base =
      "import os\nfrom . import (a as b, c)\n@dec(1)\nclass C[T](B, metaclass=M):\n"
      "    x: int = 1\n    def f(self, a, /, b=2, *args, c, d=3, **kw) -> 'r':\n"
      "        global g\n        nonlocal_ = [i async for i in y if i]\n"
      "        return f\"{a!r:>{b}} {c=}\" + b'x' + r'\\d'\n"
      "    async def g(self):\n        async with a as (b, c), d:\n            await x\n"
      "match p:\n    case [1, *r] | {'k': v, **kw} | P(x=1) as z if z:\n        pass\n"
      "    case _:\n        pass\ntry:\n    pass\nexcept* (A, B) as e:\n    raise X from e\n"
      "type Alias[T] = list[T]\nx = lambda a, *b, **c: (yield)\nwhile (n := n - 1): del x[0], y.z\n";
  std::mt19937 rng(987);
  const char alphabet[] = "()[]{}:;,.=+-*/\\'\"#\n \tabcfrt0123456789_@!<>%&|^~\x80\xe2";
  for (int i = 0; i < 4000; i++) {
    std::string s = base;
    int edits = 1 + static_cast<int>(rng() % 8);
    for (int k = 0; k < edits; k++) {
      size_t pos = rng() % (s.size() + 1);
      switch (rng() % 3) {
        case 0: if (pos < s.size()) s.erase(pos, 1 + rng() % 5); break;
        case 1: s.insert(pos, 1, alphabet[rng() % (sizeof alphabet - 1)]); break;
        case 2: if (pos < s.size()) s[pos] = alphabet[rng() % (sizeof alphabet - 1)]; break;
      }
    }
    parse_and_analyse(s);
  }
}

}  // namespace
}  // namespace ftpy
