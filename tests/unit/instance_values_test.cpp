// Instance attributes in shared keys and values arrays (objects/
// instance_values.h): which state an instance's __dict__ slot is in after
// what, since the Python-level tests (tests/py/instances) see only values.
#include "objects/instance_values.h"

#include <thread>
#include <vector>

#include "objects/dict.h"
#include "objects/protocol.h"
#include "runtime_fixture.h"

namespace ftpy {

class InstanceValuesTest : public RuntimeTest {
 protected:
  enum class Slot { kEmpty, kValues, kDict };
  Slot slot_of(const char* expr) {
    Ref<> o = run_source(expr, "<test>", CompileMode::kEval, globals_.val(), Value());
    EXPECT_TRUE(o);
    if (!o) return Slot::kEmpty;
    Type* t = type_of(o.val());
    EXPECT_TRUE(t->flags & kTypeInlineValues);
    uint64_t bits = inline_values_slot(o.val().obj(), t)->load();
    if (bits == 0) return Slot::kEmpty;
    return slot_holds_values(bits) ? Slot::kValues : Slot::kDict;
  }
  InstanceValues* values_of(const char* expr) {
    Ref<> o = run_source(expr, "<test>", CompileMode::kEval, globals_.val(), Value());
    uint64_t bits = inline_values_slot(o.val().obj(), type_of(o.val()))->load();
    return slot_holds_values(bits) ? slot_values(bits) : nullptr;
  }
};

TEST_F(InstanceValuesTest, PlainClassesKeepValuesUntilADictIsAskedFor) {
  ASSERT_TRUE(exec("class P:\n  def __init__(self, x, y): self.x = x; self.y = y\n"
                   "a = P(1, 2)\nb = P(3, 4)\ne = P.__new__(P)"));
  EXPECT_EQ(slot_of("a"), Slot::kValues);
  EXPECT_EQ(slot_of("e"), Slot::kValues);  // allocated with an (empty) array for x and y
  // The second instance's array came with it, sized for the class's names.
  InstanceValues* iv = values_of("b");
  ASSERT_NE(iv, nullptr);
  EXPECT_TRUE(iv->embedded);
  EXPECT_EQ(iv->cap, 2);
  EXPECT_EQ(iv->end, 2);
  ASSERT_TRUE(exec("b.y = 5\ndel a.y\na.y = 6"));  // replace; delete then re-add at the end
  EXPECT_EQ(slot_of("b"), Slot::kValues);
  EXPECT_EQ(slot_of("a"), Slot::kValues);
  EXPECT_EQ(eval_repr("(a.x, a.y, b.x, b.y)"), "(1, 6, 3, 5)");
  EXPECT_EQ(eval_repr("vars(b)"), "{'x': 3, 'y': 5}");
  EXPECT_EQ(slot_of("b"), Slot::kDict);
  ASSERT_TRUE(exec("b.z = 7"));
  EXPECT_EQ(eval_repr("(b.x, b.z, vars(b))"), "(3, 7, {'x': 3, 'y': 5, 'z': 7})");
}

TEST_F(InstanceValuesTest, OutOfOrderAttributesMakeADict) {
  ASSERT_TRUE(exec("class Q: pass\nq = Q()\nq.a = 1\nq.b = 2\nr = Q()\nr.b = 3"));
  EXPECT_EQ(slot_of("r"), Slot::kValues);  // b alone: index 1, in order
  ASSERT_TRUE(exec("r.a = 4"));            // a (index 0) after b: the dict keeps the order
  EXPECT_EQ(slot_of("r"), Slot::kDict);
  EXPECT_EQ(eval_repr("list(vars(r))"), "['b', 'a']");
  ASSERT_TRUE(exec("del q.a\nq.a = 5"));  // re-added after b
  EXPECT_EQ(slot_of("q"), Slot::kDict);
  EXPECT_EQ(eval_repr("list(vars(q))"), "['b', 'a']");
}

TEST_F(InstanceValuesTest, ALongerArrayWhenTheClassGainsNames) {
  ASSERT_TRUE(exec("class G:\n  def __init__(self): self.a = 1\ng = G()\nh = G()"));
  InstanceValues* iv = values_of("h");
  ASSERT_NE(iv, nullptr);
  EXPECT_EQ(iv->cap, 1);
  ASSERT_TRUE(exec("for i in range(5): setattr(h, 'n%d' % i, i)"));
  iv = values_of("h");
  ASSERT_NE(iv, nullptr);
  EXPECT_FALSE(iv->embedded);
  EXPECT_GE(iv->cap, 6);
  EXPECT_EQ(eval_repr("(h.a, h.n4, list(vars(h)))"), "(1, 4, ['a', 'n0', 'n1', 'n2', 'n3', 'n4'])");
  // Past kSharedKeysMax names the class's keys are full: a dict.
  ASSERT_TRUE(exec("for i in range(40): setattr(g, 'm%d' % i, i)"));
  EXPECT_EQ(slot_of("g"), Slot::kDict);
  EXPECT_EQ(eval_repr("(g.a, g.m39, len(vars(g)))"), "(1, 39, 41)");
}

TEST_F(InstanceValuesTest, ClassAssignmentAndDictReplacement) {
  ASSERT_TRUE(exec("class A:\n  def __init__(self): self.x = 1; self.y = 2\n"
                   "class B:\n  def __init__(self): self.y = 3; self.x = 4\n"
                   "a = A()\na.__class__ = B\nc = A()\nc.__dict__ = {'y': 9}"));
  EXPECT_EQ(slot_of("a"), Slot::kDict);  // B's keys are in another order
  EXPECT_EQ(eval_repr("(type(a).__name__, a.x, a.y)"), "('B', 1, 2)");
  EXPECT_EQ(slot_of("c"), Slot::kDict);
  EXPECT_EQ(eval_repr("(hasattr(c, 'x'), c.y)"), "(False, 9)");
}

TEST_F(InstanceValuesTest, SubclassesOfBuiltinsKeepDicts) {
  ASSERT_TRUE(exec("class L(list): pass\nclass E(Exception): pass\nclass S:\n  __slots__ = ('a',)\n"
                   "class T(S): pass"));
  EXPECT_FALSE(eval_repr("L").empty());
  Ref<> l = run_source("L", "<test>", CompileMode::kEval, globals_.val(), Value());
  Ref<> e = run_source("E", "<test>", CompileMode::kEval, globals_.val(), Value());
  Ref<> t = run_source("T", "<test>", CompileMode::kEval, globals_.val(), Value());
  EXPECT_FALSE(l.val().as<Type>()->flags & kTypeInlineValues);
  EXPECT_FALSE(e.val().as<Type>()->flags & kTypeInlineValues);
  EXPECT_TRUE(t.val().as<Type>()->flags & kTypeInlineValues);  // a __dict__ added over object's layout
}

// Readers on one thread while another adds names, deletes and re-adds, and
// finally materialises: every read sees a value that was stored.
TEST_F(InstanceValuesTest, ReadersDuringStoresAndMaterialisation) {
  ASSERT_TRUE(exec("class R:\n  def __init__(self): self.a = 0; self.b = 0\n"
                   "objs = [R() for i in range(64)]\n"
                   "def write(rounds):\n"
                   "  for r in range(rounds):\n"
                   "    for o in objs:\n"
                   "      o.a = r; o.b = -r\n"
                   "      if r % 7 == 3: del o.b; o.b = -r\n"
                   "      if r == rounds - 5: vars(o)\n"
                   "def read(rounds):\n"
                   "  bad = 0\n"
                   "  for r in range(rounds):\n"
                   "    for o in objs:\n"
                   "      try:\n"
                   "        if not (0 <= o.a < rounds and -rounds < o.b <= 0): bad += 1\n"
                   "      except AttributeError: pass\n"
                   "  return bad\n"
                   "import threading\nres = []\n"
                   "t = threading.Thread(target=lambda: res.append(read(400)))\nt.start()\nwrite(400)\nt.join()"));
  EXPECT_EQ(eval_repr("res"), "[0]");
  EXPECT_EQ(slot_of("objs[0]"), Slot::kDict);
  EXPECT_EQ(eval_repr("sorted(vars(objs[5]).items())"), "[('a', 399), ('b', -399)]");
}

}  // namespace ftpy
