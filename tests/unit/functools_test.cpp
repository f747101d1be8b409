// _functools and _operator: values, reprs and messages checked against CPython.
#include "modules/functools_module.h"
#include "modules/operator_module.h"
#include "objects/dict.h"
#include "objects/protocol.h"
#include "runtime_fixture.h"

namespace ftpy {

class FunctoolsTest : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    Ref<> f = functools_module_create();
    Ref<> o = operator_module_create();
    ASSERT_TRUE(f && o);
    dict_set_item_str(globals_.val(), "ft", f.val());
    dict_set_item_str(globals_.val(), "op", o.val());
  }
};

TEST_F(FunctoolsTest, Reduce) {
  EXPECT_EQ(eval_repr("ft.reduce(lambda a, b: a * b, [1, 2, 3, 4])"), "24");
  EXPECT_EQ(eval_repr("ft.reduce(lambda a, b: a + b, [], 5)"), "5");
  EXPECT_EQ(eval_repr("ft.reduce(lambda a, b: a + b, [])"),
            "<error: TypeError: reduce() of empty iterable with no initial value>");
  EXPECT_EQ(eval_repr("ft.reduce(lambda a, b: a + b, 1)"), "<error: TypeError: reduce() arg 2 must support iteration>");
  EXPECT_EQ(eval_repr("ft.reduce(1)"), "<error: TypeError: reduce expected at least 2 arguments, got 1>");
}

TEST_F(FunctoolsTest, PartialFlattensAndRepr) {
  ASSERT_TRUE(exec("def f(*a, **k): return a, k\np = ft.partial(f, 1, c=2)\nq = ft.partial(p, 2, d=3)"));
  EXPECT_EQ(eval_repr("(q.func is f, q.args, q.keywords)"), "(True, (1, 2), {'c': 2, 'd': 3})");
  EXPECT_EQ(eval_repr("q(3, c=9)"), "((1, 2, 3), {'c': 9, 'd': 3})");
  EXPECT_EQ(eval_repr("repr(p).startswith('functools.partial(<function f at ') and repr(p).endswith('>, 1, c=2)')"),
            "True");
  EXPECT_EQ(eval_repr("ft.partial()"), "<error: TypeError: type 'partial' takes at least one argument>");
  EXPECT_EQ(eval_repr("ft.partial(1)"), "<error: TypeError: the first argument must be callable>");
}

TEST_F(FunctoolsTest, PartialPlaceholders) {
  ASSERT_TRUE(exec("def f(*a): return a\nP = ft.Placeholder\np = ft.partial(f, P, 2)"));
  EXPECT_EQ(eval_repr("(p(1), p(1, 3), P)"), "((1, 2), (1, 2, 3), Placeholder)");
  EXPECT_EQ(eval_repr("p()"),
            "<error: TypeError: missing positional arguments in 'partial' call; expected at least 1, got 0>");
  EXPECT_EQ(eval_repr("ft.partial(f, 1, P)"), "<error: TypeError: trailing Placeholders are not allowed>");
  EXPECT_EQ(eval_repr("ft.partial(p, 9).args"), "(9, 2)");
  EXPECT_EQ(eval_repr("ft._PlaceholderType() is P"), "True");
}

TEST_F(FunctoolsTest, CmpToKey) {
  EXPECT_EQ(eval_repr("sorted([3, 1, 2], key=ft.cmp_to_key(lambda a, b: b - a))"), "[3, 2, 1]");
  EXPECT_EQ(eval_repr("ft.cmp_to_key(lambda a, b: a - b)(1) < 2"),
            "<error: TypeError: other argument must be K instance>");
  EXPECT_EQ(eval_repr("ft.cmp_to_key(lambda a, b: a - b)(7).obj"), "7");
}

TEST_F(FunctoolsTest, OperatorFunctions) {
  EXPECT_EQ(eval_repr("(op.add(1, 2), op.sub(1, 2), op.lt(1, 2), op.not_(1), op.truth([]), op.neg(3))"),
            "(3, -1, True, False, False, -3)");
  EXPECT_EQ(eval_repr("(op.invert(5), op.inv(5), op.pow(2, 10), op.mod(7, 3), op.is_(None, None))"),
            "(-6, -6, 1024, 1, True)");
  EXPECT_EQ(eval_repr("(op.concat([1], [2]), op.contains([1], 1), op.countOf([1, 1, 2], 1), op.indexOf('ab', 'b'))"),
            "([1, 2], True, 2, 1)");
  EXPECT_EQ(eval_repr("op.concat(1, 2)"), "<error: TypeError: 'int' object can't be concatenated>");
  EXPECT_EQ(eval_repr("op.indexOf([1], 2)"), "<error: ValueError: sequence.index(x): x not in sequence>");
  EXPECT_EQ(eval_repr("(op.length_hint([1, 2]), op.length_hint(iter([]), 5), op.call(len, 'ab'))"), "(2, 0, 2)");
  ASSERT_TRUE(exec("l = [1]\nl2 = op.iadd(l, [2])\nop.setitem(l, 0, 9)"));
  EXPECT_EQ(eval_repr("(l, l2 is l, op.getitem(l, 1))"), "([9, 2], True, 2)");
  EXPECT_EQ(eval_repr("op.iand.__name__"), "'iand'");
}

TEST_F(FunctoolsTest, OperatorGetters) {
  EXPECT_EQ(eval_repr("op.attrgetter('a.b', 'c')"), "operator.attrgetter('a.b', 'c')");
  EXPECT_EQ(eval_repr("op.itemgetter(1, 'a')"), "operator.itemgetter(1, 'a')");
  EXPECT_EQ(eval_repr("op.methodcaller('f', 1, x=2)"), "operator.methodcaller('f', 1, x=2)");
  EXPECT_EQ(eval_repr("op.attrgetter(1)"), "<error: TypeError: attribute name must be a string>");
  EXPECT_EQ(eval_repr("op.methodcaller()"),
            "<error: TypeError: methodcaller needs at least one argument, the method name>");
  EXPECT_EQ(eval_repr("(op.itemgetter(1)('abc'), op.itemgetter(0, 2)('abc'))"), "('b', ('a', 'c'))");
  EXPECT_EQ(eval_repr("op.attrgetter('real', 'imag.real')(3)"), "(3, 0)");
  EXPECT_EQ(eval_repr("op.methodcaller('split', ',', maxsplit=1)('a,b,c')"), "['a', 'b,c']");
  EXPECT_EQ(eval_repr("op.attrgetter('a')(1)"), "<error: AttributeError: 'int' object has no attribute 'a'>");
}

}  // namespace ftpy
