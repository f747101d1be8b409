// Generated expectations: every expected value below is what python3 prints.
// slice: construction, repr, comparison, indices().
#include "runtime_fixture.h"

namespace ftpy {

class SliceTest : public RuntimeTest {};

TEST_F(SliceTest, ConstructorAndRepr) {
  EXPECT_EQ(eval_repr("slice(3)"), "slice(None, 3, None)");
  EXPECT_EQ(eval_repr("slice(1, 2)"), "slice(1, 2, None)");
  EXPECT_EQ(eval_repr("slice(1, 2, 3)"), "slice(1, 2, 3)");
  EXPECT_EQ(eval_repr("slice()"), "<error: TypeError: slice expected at least 1 argument, got 0>");
  EXPECT_EQ(eval_repr("slice(1, 2, 3, 4)"), "<error: TypeError: slice expected at most 3 arguments, got 4>");
}

TEST_F(SliceTest, AttributesAndEquality) {
  ASSERT_TRUE(exec("s = slice(1, None, -1)")) << last_error_;
  EXPECT_EQ(eval_repr("s.start"), "1");
  EXPECT_EQ(eval_repr("s.stop"), "None");
  EXPECT_EQ(eval_repr("s.step"), "-1");
  EXPECT_EQ(eval_repr("s == slice(1, None, -1)"), "True");
  EXPECT_EQ(eval_repr("slice(1, 2) < slice(1, 3)"), "True");
}

TEST_F(SliceTest, IndicesClampsLikeSequences) {
  EXPECT_EQ(eval_repr("slice(None).indices(5)"), "(0, 5, 1)");
  EXPECT_EQ(eval_repr("slice(None, None, -1).indices(5)"), "(4, -1, -1)");
  EXPECT_EQ(eval_repr("slice(-100, 100).indices(5)"), "(0, 5, 1)");
  EXPECT_EQ(eval_repr("slice(10**30, None, -1).indices(5)"), "(4, -1, -1)");
  EXPECT_EQ(eval_repr("slice(1, 2, 0).indices(5)"), "<error: ValueError: slice step cannot be zero>");
  EXPECT_EQ(eval_repr("slice(\"a\").indices(5)"), "<error: TypeError: slice indices must be integers or None or have an __index__ method>");
  EXPECT_EQ(eval_repr("slice(1).indices(-1)"), "<error: ValueError: length should not be negative>");
  EXPECT_EQ(eval_repr("slice(None, None, 2).indices(10**20)"), "(0, 100000000000000000000, 2)");
}

}  // namespace ftpy
