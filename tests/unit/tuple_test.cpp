// Generated expectations: every expected value below is what python3 prints.
// tuple: construction, indexing, slices, operators, methods.
#include "runtime_fixture.h"

namespace ftpy {

class TupleTest : public RuntimeTest {};

TEST_F(TupleTest, ConstructorTakesAnyIterable) {
  EXPECT_EQ(eval_repr("tuple()"), "()");
  EXPECT_EQ(eval_repr("tuple(\"ab\")"), "('a', 'b')");
  EXPECT_EQ(eval_repr("tuple([1, 2])"), "(1, 2)");
  EXPECT_EQ(eval_repr("tuple(1)"), "<error: TypeError: 'int' object is not iterable>");
  EXPECT_EQ(eval_repr("tuple(1, 2)"), "<error: TypeError: tuple expected at most 1 argument, got 2>");
  EXPECT_EQ(eval_repr("tuple(x=1)"), "<error: TypeError: tuple() takes no keyword arguments>");
}

TEST_F(TupleTest, IndexingAndSlicing) {
  ASSERT_TRUE(exec("t = (1, 2, 3, 4)")) << last_error_;
  EXPECT_EQ(eval_repr("t[0]"), "1");
  EXPECT_EQ(eval_repr("t[-1]"), "4");
  EXPECT_EQ(eval_repr("t[4]"), "<error: IndexError: tuple index out of range>");
  EXPECT_EQ(eval_repr("t[\"a\"]"), "<error: TypeError: tuple indices must be integers or slices, not str>");
  EXPECT_EQ(eval_repr("t[1:3]"), "(2, 3)");
  EXPECT_EQ(eval_repr("t[::-2]"), "(4, 2)");
  EXPECT_EQ(eval_repr("t[::0]"), "<error: ValueError: slice step cannot be zero>");
}

TEST_F(TupleTest, ConcatenationAndRepetition) {
  ASSERT_TRUE(exec("t = (1, 2)")) << last_error_;
  EXPECT_EQ(eval_repr("t + (3,)"), "(1, 2, 3)");
  EXPECT_EQ(eval_repr("t + [3]"), "<error: TypeError: can only concatenate tuple (not \"list\") to tuple>");
  EXPECT_EQ(eval_repr("t * 2"), "(1, 2, 1, 2)");
  EXPECT_EQ(eval_repr("2 * t"), "(1, 2, 1, 2)");
  EXPECT_EQ(eval_repr("t * 0"), "()");
  EXPECT_EQ(eval_repr("() + ()"), "()");
}

TEST_F(TupleTest, CountIndexAndNewargs) {
  ASSERT_TRUE(exec("t = (1, 2, 1)")) << last_error_;
  EXPECT_EQ(eval_repr("t.count(1)"), "2");
  EXPECT_EQ(eval_repr("t.index(2)"), "1");
  EXPECT_EQ(eval_repr("t.index(1, 1)"), "2");
  EXPECT_EQ(eval_repr("t.index(5)"), "<error: ValueError: tuple.index(x): x not in tuple>");
  EXPECT_EQ(eval_repr("t.__getnewargs__()"), "((1, 2, 1),)");
}

TEST_F(TupleTest, HashAndComparison) {
  EXPECT_EQ(eval_repr("hash((1, 2)) == hash((1, 2))"), "True");
  EXPECT_EQ(eval_repr("(1, 2) < (1, 3)"), "True");
  EXPECT_EQ(eval_repr("(1,) == (1,)"), "True");
  EXPECT_EQ(eval_repr("hash(())"), "5740354900026072187");
  EXPECT_EQ(eval_repr("hash((1, [2]))"), "<error: TypeError: unhashable type: 'list'>");
}

TEST_F(TupleTest, SubclassesCanHaveAttributes) {
  ASSERT_TRUE(exec("class P(tuple):\n    pass\np = P([1, 2])\np.name = \"x\"")) << last_error_;
  EXPECT_EQ(eval_repr("p"), "(1, 2)");
  EXPECT_EQ(eval_repr("p.name"), "'x'");
  EXPECT_EQ(eval_repr("type(p).__name__"), "'P'");
  EXPECT_EQ(eval_repr("p + (3,)"), "(1, 2, 3)");
  EXPECT_EQ(eval_repr("len(p)"), "2");
}

TEST_F(TupleTest, ReprOfOneElementHasComma) {
  EXPECT_EQ(eval_repr("(1,)"), "(1,)");
  EXPECT_EQ(eval_repr("()"), "()");
  EXPECT_EQ(eval_repr("((1, 2), 3)"), "((1, 2), 3)");
}

TEST_F(TupleTest, IteratorAndClassGetitem) {
  ASSERT_TRUE(exec("it = iter((1, 2, 3))\nnext(it)")) << last_error_;
  EXPECT_EQ(eval_repr("it.__length_hint__()"), "2");
  EXPECT_EQ(eval_repr("list(it)"), "[2, 3]");
  EXPECT_EQ(eval_repr("tuple[int, ...]"), "tuple[int, ...]");
  EXPECT_EQ(eval_repr("tuple[()]"), "tuple[()]");
}

}  // namespace ftpy
