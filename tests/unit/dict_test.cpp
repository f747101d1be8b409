// Generated expectations: every expected value below is what python3 prints.
// dict: constructor, methods, views, iteration errors, | and |=.
#include "runtime_fixture.h"

namespace ftpy {

class DictTest : public RuntimeTest {};

TEST_F(DictTest, ConstructorAcceptsMappingsPairsAndKeywords) {
  EXPECT_EQ(eval_repr("dict()"), "{}");
  EXPECT_EQ(eval_repr("dict({1: 2}, a=3)"), "{1: 2, 'a': 3}");
  EXPECT_EQ(eval_repr("dict([(1, 2), (3, 4)])"), "{1: 2, 3: 4}");
  EXPECT_EQ(eval_repr("dict(a=1)"), "{'a': 1}");
  EXPECT_EQ(eval_repr("dict(1, 2)"), "<error: TypeError: dict expected at most 1 argument, got 2>");
  EXPECT_EQ(eval_repr("dict([1])"), "<error: TypeError: cannot convert dictionary update sequence element #0 to a sequence>");
  EXPECT_EQ(eval_repr("dict([[1, 2, 3]])"), "<error: ValueError: dictionary update sequence element #0 has length 3; 2 is required>");
  EXPECT_EQ(eval_repr("dict(1)"), "<error: TypeError: 'int' object is not iterable>");
}

TEST_F(DictTest, GetSetdefaultPop) {
  ASSERT_TRUE(exec("d = {\"a\": 1}")) << last_error_;
  EXPECT_EQ(eval_repr("d.get(\"a\")"), "1");
  EXPECT_EQ(eval_repr("d.get(\"b\")"), "None");
  EXPECT_EQ(eval_repr("d.get(\"b\", 5)"), "5");
  EXPECT_EQ(eval_repr("d.setdefault(\"c\", 3)"), "3");
  EXPECT_EQ(eval_repr("d"), "{'a': 1, 'c': 3}");
  EXPECT_EQ(eval_repr("d.pop(\"a\")"), "1");
  EXPECT_EQ(eval_repr("d.pop(\"zz\", 0)"), "0");
  EXPECT_EQ(eval_repr("d.pop(\"zz\")"), "<error: KeyError: 'zz'>");
  EXPECT_EQ(eval_repr("{}[[]]"), "<error: TypeError: unhashable type: 'list'>");
}

TEST_F(DictTest, PopitemIsLifo) {
  ASSERT_TRUE(exec("d = {1: 1, 2: 2, 3: 3}")) << last_error_;
  EXPECT_EQ(eval_repr("d.popitem()"), "(3, 3)");
  EXPECT_EQ(eval_repr("d.popitem()"), "(2, 2)");
  EXPECT_EQ(eval_repr("d"), "{1: 1}");
  EXPECT_EQ(eval_repr("{}.popitem()"), "<error: KeyError: 'popitem(): dictionary is empty'>");
}

TEST_F(DictTest, UpdateAcceptsEverything) {
  ASSERT_TRUE(exec("d = {}\nd.update({1: 2})\nd.update([(3, 4)], x=5)\nd.update(y=6)")) << last_error_;
  EXPECT_EQ(eval_repr("d"), "{1: 2, 3: 4, 'x': 5, 'y': 6}");
  EXPECT_EQ(eval_repr("d.update(1, 2)"), "<error: TypeError: update expected at most 1 argument, got 2>");
}

TEST_F(DictTest, FromkeysIsSubclassAware) {
  ASSERT_TRUE(exec("class D(dict):\n    pass")) << last_error_;
  EXPECT_EQ(eval_repr("dict.fromkeys(\"ab\")"), "{'a': None, 'b': None}");
  EXPECT_EQ(eval_repr("dict.fromkeys([1, 2], 0)"), "{1: 0, 2: 0}");
  EXPECT_EQ(eval_repr("type(D.fromkeys(\"a\")).__name__"), "'D'");
}

TEST_F(DictTest, ViewsReflectTheDict) {
  ASSERT_TRUE(exec("d = {1: \"a\", 2: \"b\"}\nk = d.keys()\nd[3] = \"c\"")) << last_error_;
  EXPECT_EQ(eval_repr("k"), "dict_keys([1, 2, 3])");
  EXPECT_EQ(eval_repr("d.values()"), "dict_values(['a', 'b', 'c'])");
  EXPECT_EQ(eval_repr("d.items()"), "dict_items([(1, 'a'), (2, 'b'), (3, 'c')])");
  EXPECT_EQ(eval_repr("len(k)"), "3");
  EXPECT_EQ(eval_repr("2 in k"), "True");
  EXPECT_EQ(eval_repr("(2, \"b\") in d.items()"), "True");
  EXPECT_EQ(eval_repr("(2, \"x\") in d.items()"), "False");
  EXPECT_EQ(eval_repr("list(reversed(d))"), "[3, 2, 1]");
  EXPECT_EQ(eval_repr("list(reversed(d.items()))"), "[(3, 'c'), (2, 'b'), (1, 'a')]");
  EXPECT_EQ(eval_repr("k.mapping"), "mappingproxy({1: 'a', 2: 'b', 3: 'c'})");
}

TEST_F(DictTest, KeysAndItemsViewsAreSetLike) {
  ASSERT_TRUE(exec("d = {1: 2, 3: 4}")) << last_error_;
  EXPECT_EQ(eval_repr("d.keys() & {1, 5}"), "{1}");
  EXPECT_EQ(eval_repr("d.keys() | [7]"), "{1, 3, 7}");
  EXPECT_EQ(eval_repr("d.keys() - {1}"), "{3}");
  EXPECT_EQ(eval_repr("d.keys() ^ {1, 9}"), "{9, 3}");
  EXPECT_EQ(eval_repr("d.items() | {(5, 6)}"), "{(1, 2), (3, 4), (5, 6)}");
  EXPECT_EQ(eval_repr("d.keys() == {1, 3}"), "True");
  EXPECT_EQ(eval_repr("d.keys() < {1, 3, 5}"), "True");
  EXPECT_EQ(eval_repr("d.keys().isdisjoint([5])"), "True");
  EXPECT_EQ(eval_repr("[1] & d.keys()"), "{1}");
}

TEST_F(DictTest, IterationDetectsSizeChanges) {
  ASSERT_TRUE(exec("d = {1: 1}\ndef grow():\n    for k in d:\n        d[k + 1] = 0\ndef swap():\n    e = {1: 1, 2: 2}\n    for k in e:\n        del e[k]\n        e[k + 10] = 0")) << last_error_;
  EXPECT_EQ(eval_repr("grow()"), "<error: RuntimeError: dictionary changed size during iteration>");
  EXPECT_EQ(eval_repr("swap()"), "<error: RuntimeError: dictionary keys changed during iteration>");
}

TEST_F(DictTest, OrOperatorsMerge) {
  ASSERT_TRUE(exec("d = {1: 1}\nd |= [(2, 2)]")) << last_error_;
  EXPECT_EQ(eval_repr("d"), "{1: 1, 2: 2}");
  EXPECT_EQ(eval_repr("{1: 1} | {1: 2, 3: 3}"), "{1: 2, 3: 3}");
  EXPECT_EQ(eval_repr("{} | []"), "<error: TypeError: unsupported operand type(s) for |: 'dict' and 'list'>");
  EXPECT_EQ(eval_repr("exec(\"d |= 1\")"), "<error: TypeError: 'int' object is not iterable>");
}

TEST_F(DictTest, CopyClearAndRepr) {
  ASSERT_TRUE(exec("d = {1: 2}\nc = d.copy()\nd.clear()\ns = {}\ns[1] = s")) << last_error_;
  EXPECT_EQ(eval_repr("d"), "{}");
  EXPECT_EQ(eval_repr("c"), "{1: 2}");
  EXPECT_EQ(eval_repr("repr(s)"), "'{1: {...}}'");
}

TEST_F(DictTest, MissingOnSubclasses) {
  ASSERT_TRUE(exec("class D(dict):\n    def __missing__(self, k):\n        return k * 2")) << last_error_;
  EXPECT_EQ(eval_repr("D()[4]"), "8");
  EXPECT_EQ(eval_repr("D(a=1)[\"a\"]"), "1");
}

TEST_F(DictTest, IteratorTypesAndClassGetitem) {
  EXPECT_EQ(eval_repr("type(iter({})).__name__"), "'dict_keyiterator'");
  EXPECT_EQ(eval_repr("type(iter({}.values())).__name__"), "'dict_valueiterator'");
  EXPECT_EQ(eval_repr("type(reversed({}.items())).__name__"), "'dict_reverseitemiterator'");
  EXPECT_EQ(eval_repr("dict[str, int]"), "dict[str, int]");
  EXPECT_EQ(eval_repr("iter({1: 2}).__length_hint__()"), "1");
}

}  // namespace ftpy
