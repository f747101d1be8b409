// Generated expectations: every expected value below is what python3 prints.
// enumerate, zip, map, filter, reversed.
#include "runtime_fixture.h"

namespace ftpy {

class IteratorsTest : public RuntimeTest {};

TEST_F(IteratorsTest, EnumerateCountsFromStart) {
  EXPECT_EQ(eval_repr("list(enumerate(\"ab\"))"), "[(0, 'a'), (1, 'b')]");
  EXPECT_EQ(eval_repr("list(enumerate(\"ab\", 10**20))"), "[(100000000000000000000, 'a'), (100000000000000000001, 'b')]");
  EXPECT_EQ(eval_repr("list(enumerate(\"ab\", start=-1))"), "[(-1, 'a'), (0, 'b')]");
  EXPECT_EQ(eval_repr("enumerate()"), "<error: TypeError: enumerate() missing required argument 'iterable'>");
  EXPECT_EQ(eval_repr("enumerate(1)"), "<error: TypeError: 'int' object is not iterable>");
  EXPECT_EQ(eval_repr("enumerate([], start=\"a\")"), "<error: TypeError: 'str' object cannot be interpreted as an integer>");
}

TEST_F(IteratorsTest, ZipStopsAtShortestOrChecksStrictly) {
  EXPECT_EQ(eval_repr("list(zip([1, 2], \"ab\"))"), "[(1, 'a'), (2, 'b')]");
  EXPECT_EQ(eval_repr("list(zip())"), "[]");
  EXPECT_EQ(eval_repr("list(zip([1], [1, 2], strict=True))"), "<error: ValueError: zip() argument 2 is longer than argument 1>");
  EXPECT_EQ(eval_repr("list(zip([1, 2], [1], strict=True))"), "<error: ValueError: zip() argument 2 is shorter than argument 1>");
  EXPECT_EQ(eval_repr("list(zip([1, 2], [1, 2], [3], strict=True))"), "<error: ValueError: zip() argument 3 is shorter than arguments 1-2>");
  EXPECT_EQ(eval_repr("list(zip([1], [1], [1, 2], strict=True))"), "<error: ValueError: zip() argument 3 is longer than arguments 1-2>");
  EXPECT_EQ(eval_repr("zip(1)"), "<error: TypeError: 'int' object is not iterable>");
}

TEST_F(IteratorsTest, MapAppliesTheFunction) {
  EXPECT_EQ(eval_repr("list(map(abs, [-1, 2]))"), "[1, 2]");
  EXPECT_EQ(eval_repr("list(map(pow, [2, 3], [3, 2, 1]))"), "[8, 9]");
  EXPECT_EQ(eval_repr("map()"), "<error: TypeError: map() must have at least two arguments.>");
  EXPECT_EQ(eval_repr("map(1)"), "<error: TypeError: map() must have at least two arguments.>");
  EXPECT_EQ(eval_repr("list(map(None, [1]))"), "<error: TypeError: 'NoneType' object is not callable>");
}

TEST_F(IteratorsTest, FilterKeepsTrueItems) {
  EXPECT_EQ(eval_repr("list(filter(None, [0, 1, \"\", \"a\"]))"), "[1, 'a']");
  EXPECT_EQ(eval_repr("list(filter(lambda x: x > 1, [1, 2, 3]))"), "[2, 3]");
  EXPECT_EQ(eval_repr("filter()"), "<error: TypeError: filter expected 2 arguments, got 0>");
  EXPECT_EQ(eval_repr("list(filter(1, [1]))"), "<error: TypeError: 'int' object is not callable>");
}

TEST_F(IteratorsTest, ReversedUsesDunderOrSequenceProtocol) {
  ASSERT_TRUE(exec("class S:\n    def __len__(self):\n        return 2\n    def __getitem__(self, i):\n        return i * 10\nclass N:\n    __reversed__ = None")) << last_error_;
  EXPECT_EQ(eval_repr("list(reversed(S()))"), "[10, 0]");
  EXPECT_EQ(eval_repr("list(reversed([1, 2]))"), "[2, 1]");
  EXPECT_EQ(eval_repr("list(reversed((1, 2)))"), "[2, 1]");
  EXPECT_EQ(eval_repr("reversed(1)"), "<error: TypeError: 'int' object is not reversible>");
  EXPECT_EQ(eval_repr("reversed(N())"), "<error: TypeError: 'N' object is not reversible>");
  EXPECT_EQ(eval_repr("reversed()"), "<error: TypeError: reversed expected 1 argument, got 0>");
  EXPECT_EQ(eval_repr("reversed({}).__class__.__name__"), "'dict_reversekeyiterator'");
  EXPECT_EQ(eval_repr("reversed(S()).__length_hint__()"), "2");
}

// A chain of wrapping iterators recurses in native code when pulled, without
// Python frames to count: deep chains raise RecursionError (CPython 3.11
// crashes, so this lives here rather than in tests/py).
TEST_F(IteratorsTest, DeepWrappingChainsRaiseRecursionError) {
  for (const char* wrap : {"map(abs, it)", "filter(None, it)", "zip(it)", "enumerate(it)"}) {
    ASSERT_TRUE(exec(std::string("it = iter(range(1, 4))\nfor _ in range(300000): it = ") + wrap));
    EXPECT_EQ(eval_repr("list(it)"), "<error: RecursionError: maximum recursion depth exceeded>") << wrap;
    ASSERT_TRUE(exec("del it"));
  }
  ASSERT_TRUE(exec("it = iter(range(3))\nfor _ in range(200): it = map(abs, it)"));
  EXPECT_EQ(eval_repr("list(it)"), "[0, 1, 2]");
}

}  // namespace ftpy
