// Generated expectations: every expected value below is what python3 prints.
// list: construction, indexing, slices, operators, methods, sort.
#include "runtime_fixture.h"

#include "objects/list.h"

namespace ftpy {

class ListTest : public RuntimeTest {};

TEST_F(ListTest, ConstructorTakesAnyIterable) {
  EXPECT_EQ(eval_repr("list()"), "[]");
  EXPECT_EQ(eval_repr("list(\"abc\")"), "['a', 'b', 'c']");
  EXPECT_EQ(eval_repr("list(range(3))"), "[0, 1, 2]");
  EXPECT_EQ(eval_repr("list({1: 2})"), "[1]");
  EXPECT_EQ(eval_repr("list(1)"), "<error: TypeError: 'int' object is not iterable>");
  EXPECT_EQ(eval_repr("list(1, 2)"), "<error: TypeError: list expected at most 1 argument, got 2>");
  EXPECT_EQ(eval_repr("list(x=1)"), "<error: TypeError: list() takes no keyword arguments>");
}

TEST_F(ListTest, IndexingCountsFromTheEndAndChecksBounds) {
  ASSERT_TRUE(exec("l = [10, 20, 30]")) << last_error_;
  EXPECT_EQ(eval_repr("l[0]"), "10");
  EXPECT_EQ(eval_repr("l[-1]"), "30");
  EXPECT_EQ(eval_repr("l[3]"), "<error: IndexError: list index out of range>");
  EXPECT_EQ(eval_repr("l[-4]"), "<error: IndexError: list index out of range>");
  EXPECT_EQ(eval_repr("l[\"a\"]"), "<error: TypeError: list indices must be integers or slices, not str>");
  EXPECT_EQ(eval_repr("l[True]"), "20");
}

TEST_F(ListTest, SlicingFollowsSliceIndices) {
  ASSERT_TRUE(exec("l = list(range(10))")) << last_error_;
  EXPECT_EQ(eval_repr("l[2:5]"), "[2, 3, 4]");
  EXPECT_EQ(eval_repr("l[::-1]"), "[9, 8, 7, 6, 5, 4, 3, 2, 1, 0]");
  EXPECT_EQ(eval_repr("l[::3]"), "[0, 3, 6, 9]");
  EXPECT_EQ(eval_repr("l[-3:]"), "[7, 8, 9]");
  EXPECT_EQ(eval_repr("l[5:2]"), "[]");
  EXPECT_EQ(eval_repr("l[1:8:-2]"), "[]");
  EXPECT_EQ(eval_repr("l[8:1:-3]"), "[8, 5, 2]");
  EXPECT_EQ(eval_repr("l[10**30:]"), "[]");
  EXPECT_EQ(eval_repr("l[::0]"), "<error: ValueError: slice step cannot be zero>");
  EXPECT_EQ(eval_repr("l[\"a\":]"), "<error: TypeError: slice indices must be integers or None or have an __index__ method>");
}

TEST_F(ListTest, SliceAssignmentReplacesAndResizes) {
  ASSERT_TRUE(exec("l = list(range(6))\nl[1:3] = \"xyz\"\nm = [1, 2, 3]\nm[:] = m + m\nn = [1, 2, 3]\nn[3:] = (4, 5)")) << last_error_;
  EXPECT_EQ(eval_repr("l"), "[0, 'x', 'y', 'z', 3, 4, 5]");
  EXPECT_EQ(eval_repr("m"), "[1, 2, 3, 1, 2, 3]");
  EXPECT_EQ(eval_repr("n"), "[1, 2, 3, 4, 5]");
}

TEST_F(ListTest, ExtendedSliceAssignmentNeedsMatchingSize) {
  ASSERT_TRUE(exec("l = [0] * 6\nl[::2] = [1, 2, 3]")) << last_error_;
  EXPECT_EQ(eval_repr("l"), "[1, 0, 2, 0, 3, 0]");
  EXPECT_EQ(eval_repr("exec(\"l[::2] = [1, 2]\")"), "<error: ValueError: attempt to assign sequence of size 2 to extended slice of size 3>");
  EXPECT_EQ(eval_repr("exec(\"l[0:1] = 5\")"), "<error: TypeError: can only assign an iterable>");
  EXPECT_EQ(eval_repr("exec(\"l[::2] = 5\")"), "<error: TypeError: must assign iterable to extended slice>");
}

TEST_F(ListTest, SliceDeletionCompacts) {
  ASSERT_TRUE(exec("l = list(range(10))\ndel l[::3]\nm = list(range(10))\ndel m[8:1:-2]\nn = list(range(5))\ndel n[1:3]")) << last_error_;
  EXPECT_EQ(eval_repr("l"), "[1, 2, 4, 5, 7, 8]");
  EXPECT_EQ(eval_repr("m"), "[0, 1, 3, 5, 7, 9]");
  EXPECT_EQ(eval_repr("n"), "[0, 3, 4]");
}

TEST_F(ListTest, ItemAssignmentAndDeletion) {
  ASSERT_TRUE(exec("l = [1, 2, 3]\nl[-1] = 9\ndel l[0]")) << last_error_;
  EXPECT_EQ(eval_repr("l"), "[2, 9]");
  EXPECT_EQ(eval_repr("exec(\"l[5] = 1\")"), "<error: IndexError: list assignment index out of range>");
  EXPECT_EQ(eval_repr("exec(\"del l[5]\")"), "<error: IndexError: list assignment index out of range>");
}

TEST_F(ListTest, ConcatenationIsListOnly) {
  ASSERT_TRUE(exec("l = [1]")) << last_error_;
  EXPECT_EQ(eval_repr("l + [2]"), "[1, 2]");
  EXPECT_EQ(eval_repr("l + (2,)"), "<error: TypeError: can only concatenate list (not \"tuple\") to list>");
  EXPECT_EQ(eval_repr("l * 3"), "[1, 1, 1]");
  EXPECT_EQ(eval_repr("3 * l"), "[1, 1, 1]");
  EXPECT_EQ(eval_repr("l * -1"), "[]");
  EXPECT_EQ(eval_repr("l * \"a\""), "<error: TypeError: can't multiply sequence by non-int of type 'str'>");
  EXPECT_EQ(eval_repr("[] * 5"), "[]");
}

TEST_F(ListTest, InPlaceOperatorsMutate) {
  ASSERT_TRUE(exec("l = [1]\nk = l\nl += (2, 3)\nl *= 2")) << last_error_;
  EXPECT_EQ(eval_repr("l"), "[1, 2, 3, 1, 2, 3]");
  EXPECT_EQ(eval_repr("k is l"), "True");
  EXPECT_EQ(eval_repr("exec(\"l += 1\")"), "<error: TypeError: 'int' object is not iterable>");
}

TEST_F(ListTest, AppendExtendInsert) {
  ASSERT_TRUE(exec("l = []\nl.append(1)\nl.extend([2, 3])\nl.extend(l)\nl.insert(0, \"a\")\nl.insert(-1, \"b\")\nl.insert(100, \"c\")\nl.insert(-100, \"d\")")) << last_error_;
  EXPECT_EQ(eval_repr("l"), "['d', 'a', 1, 2, 3, 1, 2, 'b', 3, 'c']");
}

TEST_F(ListTest, PopRemoveIndexCount) {
  ASSERT_TRUE(exec("l = [1, 2, 3, 2]")) << last_error_;
  EXPECT_EQ(eval_repr("l.pop()"), "2");
  EXPECT_EQ(eval_repr("l.pop(0)"), "1");
  EXPECT_EQ(eval_repr("l"), "[2, 3]");
  EXPECT_EQ(eval_repr("[].pop()"), "<error: IndexError: pop from empty list>");
  EXPECT_EQ(eval_repr("l.pop(5)"), "<error: IndexError: pop index out of range>");
  EXPECT_EQ(eval_repr("l.index(3)"), "1");
  EXPECT_EQ(eval_repr("l.index(7)"), "<error: ValueError: 7 is not in list>");
  EXPECT_EQ(eval_repr("l.count(2)"), "1");
  EXPECT_EQ(eval_repr("[1, 2, 1].index(1, 1)"), "2");
  EXPECT_EQ(eval_repr("[1, 2, 1].index(1, -1)"), "2");
  EXPECT_EQ(eval_repr("[1, 2].index(1, \"a\")"), "<error: TypeError: slice indices must be integers or have an __index__ method>");
  EXPECT_EQ(eval_repr("l.remove(9)"), "<error: ValueError: list.remove(x): x not in list>");
}

TEST_F(ListTest, ClearCopyReverse) {
  ASSERT_TRUE(exec("l = [1, 2, 3]\nc = l.copy()\nl.reverse()\nd = l[:]\nl.clear()")) << last_error_;
  EXPECT_EQ(eval_repr("l"), "[]");
  EXPECT_EQ(eval_repr("c"), "[1, 2, 3]");
  EXPECT_EQ(eval_repr("d"), "[3, 2, 1]");
}

TEST_F(ListTest, SortIsStableAndSupportsKeyAndReverse) {
  ASSERT_TRUE(exec("l = [(1, \"b\"), (0, \"a\"), (1, \"a\"), (0, \"b\")]\nl.sort(key=lambda p: p[0])\nm = [\"bb\", \"a\", \"ccc\", \"dd\", \"e\"]\nm.sort(key=len, reverse=True)\nn = [3, 1, 2]\nn.sort(reverse=True)")) << last_error_;
  EXPECT_EQ(eval_repr("l"), "[(0, 'a'), (0, 'b'), (1, 'b'), (1, 'a')]");
  EXPECT_EQ(eval_repr("m"), "['ccc', 'bb', 'dd', 'a', 'e']");
  EXPECT_EQ(eval_repr("n"), "[3, 2, 1]");
  EXPECT_EQ(eval_repr("sorted([5, 2, 8, 1, 9, 3] * 30)[:8]"), "[1, 1, 1, 1, 1, 1, 1, 1]");
  EXPECT_EQ(eval_repr("sorted([\"b\", \"a\", \"c\"])"), "['a', 'b', 'c']");
  EXPECT_EQ(eval_repr("sorted([2.5, 1.5, -1.0])"), "[-1.0, 1.5, 2.5]");
}

TEST_F(ListTest, SortErrorsPropagate) {
  ASSERT_TRUE(exec("x = [3, 2, 1]")) << last_error_;
  EXPECT_EQ(eval_repr("sorted([1, \"a\"])"), "<error: TypeError: '<' not supported between instances of 'str' and 'int'>");
  EXPECT_EQ(eval_repr("x.sort(key=lambda v: 1 / 0)"), "<error: ZeroDivisionError: division by zero>");
  EXPECT_EQ(eval_repr("x"), "[3, 2, 1]");
  EXPECT_EQ(eval_repr("[].sort(1)"), "<error: TypeError: sort() takes no positional arguments>");
}

TEST_F(ListTest, SortDetectsModification) {
  ASSERT_TRUE(exec("x = [3, 2, 1]\ndef key(v):\n    x.append(v)\n    return v\ntry:\n    x.sort(key=key)\nexcept ValueError as e:\n    err = str(e)")) << last_error_;
  EXPECT_EQ(eval_repr("err"), "'list modified during sort'");
  EXPECT_EQ(eval_repr("x"), "[1, 2, 3]");
}

TEST_F(ListTest, ComparisonIsLexicographic) {
  EXPECT_EQ(eval_repr("[1, 2] < [1, 3]"), "True");
  EXPECT_EQ(eval_repr("[1, 2] < [1, 2, 0]"), "True");
  EXPECT_EQ(eval_repr("[1, 2] == [1, 2]"), "True");
  EXPECT_EQ(eval_repr("[1] == (1,)"), "False");
  EXPECT_EQ(eval_repr("[1, 2] < [1, \"a\"]"), "<error: TypeError: '<' not supported between instances of 'int' and 'str'>");
}

TEST_F(ListTest, ReprHandlesSelfReference) {
  ASSERT_TRUE(exec("l = [1]\nl.append(l)")) << last_error_;
  EXPECT_EQ(eval_repr("repr(l)"), "'[1, [...]]'");
  EXPECT_EQ(eval_repr("str([])"), "'[]'");
}

TEST_F(ListTest, IteratorsAndLengthHints) {
  ASSERT_TRUE(exec("it = iter([1, 2, 3])\nnext(it)\nr = reversed([1, 2, 3])\nnext(r)")) << last_error_;
  EXPECT_EQ(eval_repr("it.__length_hint__()"), "2");
  EXPECT_EQ(eval_repr("r.__length_hint__()"), "2");
  EXPECT_EQ(eval_repr("list(it)"), "[2, 3]");
  EXPECT_EQ(eval_repr("list(r)"), "[2, 1]");
  EXPECT_EQ(eval_repr("type(it).__name__"), "'list_iterator'");
  EXPECT_EQ(eval_repr("type(r).__name__"), "'list_reverseiterator'");
}

TEST_F(ListTest, ClassGetitemAndSizeof) {
  EXPECT_EQ(eval_repr("list[int]"), "list[int]");
  EXPECT_EQ(eval_repr("list[int].__origin__"), "<class 'list'>");
  EXPECT_EQ(eval_repr("list[int, str].__args__"), "(<class 'int'>, <class 'str'>)");
  EXPECT_EQ(eval_repr("dict[str, list[int]]"), "dict[str, list[int]]");
  EXPECT_EQ(eval_repr("[].__sizeof__()"), "40");
}

TEST_F(ListTest, SubclassesKeepListBehaviour) {
  ASSERT_TRUE(exec("class L(list):\n    pass\nl = L(\"ab\")\nl.x = 1")) << last_error_;
  EXPECT_EQ(eval_repr("l"), "['a', 'b']");
  EXPECT_EQ(eval_repr("type(l).__name__"), "'L'");
  EXPECT_EQ(eval_repr("l.x"), "1");
  EXPECT_EQ(eval_repr("l + [1]"), "['a', 'b', 1]");
  EXPECT_EQ(eval_repr("type(l[:]).__name__"), "'list'");
}

// The lock-free read protocol (list.h) relies on every slot at or past the
// size being null, whatever mutation left the list there.
TEST_F(ListTest, SlotsPastTheSizeStayNull) {
  const char* steps[] = {
      "l = list(range(20))",      "l.pop()",          "l.pop(0)",           "del l[3]",
      "del l[2:6]",               "del l[::3]",       "l[1:4] = ['a']",     "l[0:0] = 'xyz'",
      "l.remove('a')",            "l *= 3",           "l.sort(key=str)",    "l.reverse()",
      "l.insert(2, 'q')",         "l[::2] = l[::2]",  "l.clear()",          "l.extend(range(5))",
      "l *= 0",                   "l.append(1)",      "l.__init__([7, 8])",
  };
  for (const char* step : steps) {
    ASSERT_TRUE(exec(step)) << step << ": " << last_error_;
    Ref<> lv;
    ASSERT_EQ(dict_get_item(globals_.val(), Value(str_intern("l")), &lv), 1);
    List* l = lv.val().as<List>();
    int64_t n = list_size(lv.val());
    int64_t cap = list_capacity_locked(l);
    ASSERT_LE(n, cap) << step;
    Value* items = list_items_locked(l);
    for (int64_t i = 0; i < n; i++) EXPECT_FALSE(items[i].is_null()) << step << " slot " << i;
    for (int64_t i = n; i < cap; i++) EXPECT_TRUE(items[i].is_null()) << step << " slot " << i;
  }
  EXPECT_EQ(eval_repr("l"), "[7, 8]");
}

TEST_F(ListTest, ListGetOrNullReadsWithoutRaising) {
  ASSERT_TRUE(exec("l = [10, 20]")) << last_error_;
  Ref<> lv;
  ASSERT_EQ(dict_get_item(globals_.val(), Value(str_intern("l")), &lv), 1);
  EXPECT_EQ(list_get_or_null(lv.val(), 1).val(), list_get(lv.val(), 1).val());
  EXPECT_FALSE(list_get_or_null(lv.val(), 2));
  EXPECT_FALSE(list_get_or_null(lv.val(), -1));
  EXPECT_FALSE(err_occurred());
  EXPECT_FALSE(list_get(lv.val(), 2));
  EXPECT_TRUE(err_matches(g_IndexError));
  err_clear();
}

}  // namespace ftpy
