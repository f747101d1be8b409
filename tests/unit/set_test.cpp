// Generated expectations: every expected value below is what python3 prints.
// set and frozenset: constructors, methods, operators, order, hashing.
#include "runtime_fixture.h"

namespace ftpy {

class SetTest : public RuntimeTest {};

TEST_F(SetTest, ConstructorsAndRepr) {
  EXPECT_EQ(eval_repr("set()"), "set()");
  EXPECT_EQ(eval_repr("set([3, 1, 2])"), "{1, 2, 3}");
  EXPECT_EQ(eval_repr("frozenset()"), "frozenset()");
  EXPECT_EQ(eval_repr("frozenset([1])"), "frozenset({1})");
  EXPECT_EQ(eval_repr("set(1)"), "<error: TypeError: 'int' object is not iterable>");
  EXPECT_EQ(eval_repr("set(1, 2)"), "<error: TypeError: set expected at most 1 argument, got 2>");
  EXPECT_EQ(eval_repr("set(x=1)"), "<error: TypeError: set() takes no keyword arguments>");
  EXPECT_EQ(eval_repr("{8, 16, 0}"), "{8, 16, 0}");
  EXPECT_EQ(eval_repr("set(range(20, 0, -1))"), "{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}");
}

TEST_F(SetTest, AddDiscardRemovePop) {
  ASSERT_TRUE(exec("s = {1, 2, 3}\ns.add(4)\ns.discard(1)\ns.discard(99)")) << last_error_;
  EXPECT_EQ(eval_repr("s"), "{2, 3, 4}");
  EXPECT_EQ(eval_repr("s.remove(99)"), "<error: KeyError: 99>");
  EXPECT_EQ(eval_repr("s.pop()"), "2");
  EXPECT_EQ(eval_repr("s"), "{3, 4}");
  EXPECT_EQ(eval_repr("set().pop()"), "<error: KeyError: 'pop from an empty set'>");
  EXPECT_EQ(eval_repr("s.add([])"), "<error: TypeError: unhashable type: 'list'>");
}

TEST_F(SetTest, NaryMethodsTakeAnyIterables) {
  ASSERT_TRUE(exec("s = {1, 2, 3}")) << last_error_;
  EXPECT_EQ(eval_repr("s.union([4], (5,))"), "{1, 2, 3, 4, 5}");
  EXPECT_EQ(eval_repr("s.intersection([2, 3, 9], {3})"), "{3}");
  EXPECT_EQ(eval_repr("s.difference([1], [2])"), "{3}");
  EXPECT_EQ(eval_repr("s.symmetric_difference([3, 4])"), "{1, 2, 4}");
  EXPECT_EQ(eval_repr("s.issubset(range(5))"), "True");
  EXPECT_EQ(eval_repr("s.issuperset([1])"), "True");
  EXPECT_EQ(eval_repr("s.isdisjoint([7])"), "True");
  EXPECT_EQ(eval_repr("s.intersection()"), "{1, 2, 3}");
}

TEST_F(SetTest, InPlaceUpdates) {
  ASSERT_TRUE(exec("s = {1, 2, 3}\ns.update([4], [5])\ns.intersection_update(range(1, 5))\ns.difference_update([1])\ns.symmetric_difference_update([2, 9])")) << last_error_;
  EXPECT_EQ(eval_repr("s"), "{9, 3, 4}");
}

TEST_F(SetTest, OperatorsNeedSets) {
  ASSERT_TRUE(exec("s = {1, 2}")) << last_error_;
  EXPECT_EQ(eval_repr("s | {3}"), "{1, 2, 3}");
  EXPECT_EQ(eval_repr("s & {2}"), "{2}");
  EXPECT_EQ(eval_repr("s - {1}"), "{2}");
  EXPECT_EQ(eval_repr("s ^ {2, 3}"), "{1, 3}");
  EXPECT_EQ(eval_repr("s | [1]"), "<error: TypeError: unsupported operand type(s) for |: 'set' and 'list'>");
  EXPECT_EQ(eval_repr("frozenset() | {1}"), "frozenset({1})");
  EXPECT_EQ(eval_repr("{1} | frozenset()"), "{1}");
  EXPECT_EQ(eval_repr("exec(\"s |= [1]\")"), "<error: TypeError: unsupported operand type(s) for |=: 'set' and 'list'>");
}

TEST_F(SetTest, ComparisonsAreSubsetTests) {
  EXPECT_EQ(eval_repr("{1} < {1, 2}"), "True");
  EXPECT_EQ(eval_repr("{1, 2} <= {1, 2}"), "True");
  EXPECT_EQ(eval_repr("{1, 2} > {1}"), "True");
  EXPECT_EQ(eval_repr("{1} == frozenset([1])"), "True");
  EXPECT_EQ(eval_repr("{1} != {2}"), "True");
  EXPECT_EQ(eval_repr("{1} < [1]"), "<error: TypeError: '<' not supported between instances of 'set' and 'list'>");
}

TEST_F(SetTest, MembershipRetriesUnhashableSetsAsFrozensets) {
  ASSERT_TRUE(exec("s = {frozenset([1])}")) << last_error_;
  EXPECT_EQ(eval_repr("{1} in s"), "True");
  EXPECT_EQ(eval_repr("[] in s"), "<error: TypeError: unhashable type: 'list'>");
}

TEST_F(SetTest, FrozensetHashMatchesCPython) {
  EXPECT_EQ(eval_repr("hash(frozenset())"), "133146708735736");
  EXPECT_EQ(eval_repr("hash(frozenset([1, 2, 3]))"), "-272375401224217160");
  EXPECT_EQ(eval_repr("hash(frozenset([1, 2])) == hash(frozenset([2, 1]))"), "True");
  EXPECT_EQ(eval_repr("hash(set())"), "<error: TypeError: unhashable type: 'set'>");
}

TEST_F(SetTest, IterationDetectsSizeChange) {
  ASSERT_TRUE(exec("s = {1, 2}\ndef f():\n    for x in s:\n        s.add(x + 10)")) << last_error_;
  EXPECT_EQ(eval_repr("f()"), "<error: RuntimeError: Set changed size during iteration>");
}

TEST_F(SetTest, SubclassesAndClassGetitem) {
  ASSERT_TRUE(exec("class S(set):\n    pass\nclass F(frozenset):\n    pass")) << last_error_;
  EXPECT_EQ(eval_repr("S([1])"), "S({1})");
  EXPECT_EQ(eval_repr("F([1])"), "F({1})");
  EXPECT_EQ(eval_repr("S()"), "S()");
  EXPECT_EQ(eval_repr("type(S([1]) | {2}).__name__"), "'set'");
  EXPECT_EQ(eval_repr("set[int]"), "set[int]");
  EXPECT_EQ(eval_repr("frozenset[str]"), "frozenset[str]");
}

}  // namespace ftpy
