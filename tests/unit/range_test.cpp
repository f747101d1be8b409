// Generated expectations: every expected value below is what python3 prints.
// range: construction, big ints, indexing, slicing, membership, hashing.
#include "runtime_fixture.h"

namespace ftpy {

class RangeTest : public RuntimeTest {};

TEST_F(RangeTest, ConstructorChecksArguments) {
  EXPECT_EQ(eval_repr("range(3)"), "range(0, 3)");
  EXPECT_EQ(eval_repr("range(1, 5)"), "range(1, 5)");
  EXPECT_EQ(eval_repr("range(1, 10, 3)"), "range(1, 10, 3)");
  EXPECT_EQ(eval_repr("range(-5)"), "range(0, -5)");
  EXPECT_EQ(eval_repr("range()"), "<error: TypeError: range expected at least 1 argument, got 0>");
  EXPECT_EQ(eval_repr("range(1, 2, 3, 4)"), "<error: TypeError: range expected at most 3 arguments, got 4>");
  EXPECT_EQ(eval_repr("range(1.0)"), "<error: TypeError: 'float' object cannot be interpreted as an integer>");
  EXPECT_EQ(eval_repr("range(0, 1, 0)"), "<error: ValueError: range() arg 3 must not be zero>");
  EXPECT_EQ(eval_repr("range(x=1)"), "<error: TypeError: range() takes no keyword arguments>");
}

TEST_F(RangeTest, LengthAndBigInts) {
  ASSERT_TRUE(exec("r = range(10**30)")) << last_error_;
  EXPECT_EQ(eval_repr("len(range(0, 10, 3))"), "4");
  EXPECT_EQ(eval_repr("len(range(10, 0))"), "0");
  EXPECT_EQ(eval_repr("len(r)"), "<error: OverflowError: Python int too large to convert to C ssize_t>");
  EXPECT_EQ(eval_repr("r[10**29]"), "100000000000000000000000000000");
  EXPECT_EQ(eval_repr("r[-1]"), "999999999999999999999999999999");
  EXPECT_EQ(eval_repr("range(10**30, 10**31, 10**29)[2:5]"), "range(1200000000000000000000000000000, 1500000000000000000000000000000, 100000000000000000000000000000)");
}

TEST_F(RangeTest, IndexingAndSlicing) {
  ASSERT_TRUE(exec("r = range(0, 10, 3)")) << last_error_;
  EXPECT_EQ(eval_repr("r[1]"), "3");
  EXPECT_EQ(eval_repr("r[-1]"), "9");
  EXPECT_EQ(eval_repr("r[4]"), "<error: IndexError: range object index out of range>");
  EXPECT_EQ(eval_repr("r[\"a\"]"), "<error: TypeError: range indices must be integers or slices, not str>");
  EXPECT_EQ(eval_repr("r[::-1]"), "range(9, -3, -3)");
  EXPECT_EQ(eval_repr("range(10)[2:8:2]"), "range(2, 8, 2)");
  EXPECT_EQ(eval_repr("range(0, -10, -3)[1:]"), "range(-3, -12, -3)");
}

TEST_F(RangeTest, MembershipCountIndex) {
  ASSERT_TRUE(exec("r = range(1, 10, 2)")) << last_error_;
  EXPECT_EQ(eval_repr("5 in r"), "True");
  EXPECT_EQ(eval_repr("6 in r"), "False");
  EXPECT_EQ(eval_repr("5.0 in r"), "True");
  EXPECT_EQ(eval_repr("r.count(3)"), "1");
  EXPECT_EQ(eval_repr("r.index(7)"), "3");
  EXPECT_EQ(eval_repr("r.index(8)"), "<error: ValueError: 8 is not in range>");
  EXPECT_EQ(eval_repr("r.index(\"a\")"), "<error: ValueError: sequence.index(x): x not in sequence>");
}

TEST_F(RangeTest, EqualityAndHashAreBySequence) {
  EXPECT_EQ(eval_repr("range(0) == range(5, 1)"), "True");
  EXPECT_EQ(eval_repr("range(0, 10, 2) == range(0, 9, 2)"), "True");
  EXPECT_EQ(eval_repr("range(1, 5, 2) == range(1, 6, 2)"), "False");
  EXPECT_EQ(eval_repr("hash(range(0)) == hash(range(3, 3))"), "True");
  EXPECT_EQ(eval_repr("hash(range(1, 2)) == hash(range(1, 5, 7))"), "True");
}

TEST_F(RangeTest, IterationAndReversal) {
  EXPECT_EQ(eval_repr("list(range(3))"), "[0, 1, 2]");
  EXPECT_EQ(eval_repr("list(reversed(range(1, 10, 3)))"), "[7, 4, 1]");
  EXPECT_EQ(eval_repr("list(range(2**62, 2**62 + 3))"), "[4611686018427387904, 4611686018427387905, 4611686018427387906]");
  EXPECT_EQ(eval_repr("type(iter(range(3))).__name__"), "'range_iterator'");
  EXPECT_EQ(eval_repr("type(iter(range(10**20))).__name__"), "'longrange_iterator'");
  EXPECT_EQ(eval_repr("iter(range(5)).__length_hint__()"), "5");
}

TEST_F(RangeTest, AttributesAndRepr) {
  ASSERT_TRUE(exec("r = range(1, 2, 3)")) << last_error_;
  EXPECT_EQ(eval_repr("r.start"), "1");
  EXPECT_EQ(eval_repr("r.stop"), "2");
  EXPECT_EQ(eval_repr("r.step"), "3");
  EXPECT_EQ(eval_repr("r.__reduce__()"), "(<class 'range'>, (1, 2, 3))");
  EXPECT_EQ(eval_repr("repr(range(1, 2, 1))"), "'range(1, 2)'");
  EXPECT_EQ(eval_repr("bool(range(0))"), "False");
}

}  // namespace ftpy
