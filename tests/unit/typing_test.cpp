// PEP 695 type parameters and aliases (3.12+ behaviour, which the host
// python3 3.11 cannot produce; expectations follow the 3.12 documentation).
#include "runtime_fixture.h"

namespace ftpy {

class TypingTest : public RuntimeTest {};

TEST_F(TypingTest, TypeAliasEvaluatesItsValueLazily) {
  ASSERT_TRUE(exec("type Later = Undefined"));
  EXPECT_EQ(eval_repr("Later"), "Later");
  EXPECT_EQ(eval_repr("type(Later).__name__"), "'TypeAliasType'");
  EXPECT_EQ(eval_repr("Later.__type_params__"), "()");
  EXPECT_EQ(eval_repr("Later.__value__"), "<error: NameError: name 'Undefined' is not defined>");
  ASSERT_TRUE(exec("Undefined = int"));
  EXPECT_EQ(eval_repr("Later.__value__"), "<class 'int'>");
}

TEST_F(TypingTest, GenericAliasIsSubscriptable) {
  ASSERT_TRUE(exec("type Alias[K] = dict[K, int]"));
  EXPECT_EQ(eval_repr("Alias.__type_params__"), "(K,)");
  EXPECT_EQ(eval_repr("Alias.__value__"), "dict[K, int]");
  EXPECT_EQ(eval_repr("Alias[str]"), "Alias[str]");
}

TEST_F(TypingTest, FunctionTypeParamsCarryBoundsAndConstraints) {
  ASSERT_TRUE(exec("def g[T: int, U: (str, bytes), *Ts, **P](): pass\nT, U, Ts, P = g.__type_params__"));
  EXPECT_EQ(eval_repr("(T, U, Ts, P)"), "(T, U, Ts, P)");
  EXPECT_EQ(eval_repr("[type(x).__name__ for x in (T, Ts, P)]"), "['TypeVar', 'TypeVarTuple', 'ParamSpec']");
  EXPECT_EQ(eval_repr("(T.__bound__, T.__constraints__)"), "(<class 'int'>, ())");
  EXPECT_EQ(eval_repr("(U.__bound__, U.__constraints__)"), "(None, (<class 'str'>, <class 'bytes'>))");
  EXPECT_EQ(eval_repr("(T.__covariant__, T.__contravariant__, T.__infer_variance__)"), "(False, False, True)");
}

TEST_F(TypingTest, GenericClassGetsGenericBase) {
  ASSERT_TRUE(exec("class Box[T]:\n  def __init__(self, v): self.v = v"));
  EXPECT_EQ(eval_repr("Box(3).v"), "3");
  EXPECT_EQ(eval_repr("Box.__type_params__"), "(T,)");
  EXPECT_EQ(eval_repr("[c.__name__ for c in Box.__mro__]"), "['Box', 'Generic', 'object']");
}

}  // namespace ftpy
