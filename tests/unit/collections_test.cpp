// _collections: deque semantics, reprs and messages (expected values from
// CPython), defaultdict, _count_elements, _tuplegetter, and deque atomicity
// under concurrent appends and pops.
#include <thread>
#include <vector>

#include "modules/collections_module.h"
#include "objects/dict.h"
#include "objects/protocol.h"
#include "runtime/thread_state.h"
#include "runtime_fixture.h"

namespace ftpy {

class CollectionsTest : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    Ref<> m = collections_module_create();
    ASSERT_TRUE(m);
    dict_set_item_str(globals_.val(), "_c", m.val());
    ASSERT_TRUE(exec("deque = _c.deque\ndefaultdict = _c.defaultdict"));
  }
};

TEST_F(CollectionsTest, DequeEndsAndRepr) {
  ASSERT_TRUE(exec("d = deque([1, 2, 3])\nd.append(4)\nd.appendleft(0)"));
  EXPECT_EQ(eval_repr("d"), "deque([0, 1, 2, 3, 4])");
  EXPECT_EQ(eval_repr("(d.pop(), d.popleft(), d)"), "(4, 0, deque([1, 2, 3]))");
  EXPECT_EQ(eval_repr("deque().pop()"), "<error: IndexError: pop from an empty deque>");
  EXPECT_EQ(eval_repr("deque(range(5), 3)"), "deque([2, 3, 4], maxlen=3)");
  EXPECT_EQ(eval_repr("deque(maxlen=3)"), "deque([], maxlen=3)");
  EXPECT_EQ(eval_repr("deque([1], -1)"), "<error: ValueError: maxlen must be non-negative>");
  EXPECT_EQ(eval_repr("deque([1], 'a')"), "<error: TypeError: an integer is required>");
  ASSERT_TRUE(exec("f = deque()\nf.append(f)"));
  EXPECT_EQ(eval_repr("f"), "deque([[...]])");
}

TEST_F(CollectionsTest, DequeGrowsAndShrinksAcrossTheRingBoundary) {
  ASSERT_TRUE(exec("d = deque()\nfor i in range(100):\n    d.appendleft(i)\n    d.append(-i)\n"
                   "for i in range(90):\n    d.pop()\n    d.popleft()\n"));
  EXPECT_EQ(eval_repr("list(d)"), "[9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 0, -1, -2, -3, -4, -5, -6, -7, -8, -9]");
  EXPECT_EQ(eval_repr("(d[0], d[-1], len(d))"), "(9, -9, 20)");
}

TEST_F(CollectionsTest, DequeIndexingAndMutation) {
  ASSERT_TRUE(exec("d = deque('abcde')\nd[1] = 'B'\ndel d[3]\nd.insert(1, 'x')\nd.rotate(2)"));
  EXPECT_EQ(eval_repr("d"), "deque(['c', 'e', 'a', 'x', 'B'])");
  ASSERT_TRUE(exec("d.rotate(-3)\nd.reverse()"));
  EXPECT_EQ(eval_repr("d"), "deque(['a', 'e', 'c', 'B', 'x'])");
  EXPECT_EQ(eval_repr("d[5]"), "<error: IndexError: deque index out of range>");
  EXPECT_EQ(eval_repr("d['a']"), "<error: TypeError: sequence index must be integer, not 'str'>");
  EXPECT_EQ(eval_repr("(d.index('c'), d.count('c'), 'x' in d)"), "(2, 1, True)");
  EXPECT_EQ(eval_repr("d.remove(9)"), "<error: ValueError: 9 is not in deque>");
  EXPECT_EQ(eval_repr("d.index('a', 1)"), "<error: ValueError: 'a' is not in deque>");
  ASSERT_TRUE(exec("e = deque(maxlen=2)\ne.extend([1, 2])"));
  EXPECT_EQ(eval_repr("e.insert(0, 5)"), "<error: IndexError: deque already at its maximum size>");
  ASSERT_TRUE(exec("e.extendleft([7, 8])"));
  EXPECT_EQ(eval_repr("e"), "deque([8, 7], maxlen=2)");
}

TEST_F(CollectionsTest, DequeOperators) {
  ASSERT_TRUE(exec("d = deque([1, 2, 3])"));
  EXPECT_EQ(eval_repr("d + deque([4])"), "deque([1, 2, 3, 4])");
  EXPECT_EQ(eval_repr("d + [1]"), "<error: TypeError: can only concatenate deque (not \"list\") to deque>");
  EXPECT_EQ(eval_repr("d * 2"), "deque([1, 2, 3, 1, 2, 3])");
  EXPECT_EQ(eval_repr("2 * d"), "deque([1, 2, 3, 1, 2, 3])");
  EXPECT_EQ(eval_repr("(d == deque([1, 2, 3]), d < deque([1, 3]), d == [1, 2, 3])"), "(True, True, False)");
  ASSERT_TRUE(exec("d += [4]\nd *= 2"));
  EXPECT_EQ(eval_repr("d"), "deque([1, 2, 3, 4, 1, 2, 3, 4])");
  EXPECT_EQ(eval_repr("(deque([1], 2).copy(), d.maxlen)"), "(deque([1], maxlen=2), None)");
  EXPECT_EQ(eval_repr("list(reversed(deque([1, 2, 3])))"), "[3, 2, 1]");
}

TEST_F(CollectionsTest, DequeMutatedDuringIteration) {
  EXPECT_FALSE(exec("d = deque([1, 2])\nfor x in d:\n    d.append(3)\n"));
  EXPECT_EQ(last_error_, "RuntimeError: deque mutated during iteration");
}

TEST_F(CollectionsTest, DefaultDict) {
  ASSERT_TRUE(exec("dd = defaultdict(list)\ndd[1].append(2)"));
  EXPECT_EQ(eval_repr("dd"), "defaultdict(<class 'list'>, {1: [2]})");
  EXPECT_EQ(eval_repr("defaultdict(None)"), "defaultdict(None, {})");
  EXPECT_EQ(eval_repr("defaultdict()[1]"), "<error: KeyError: 1>");
  EXPECT_EQ(eval_repr("defaultdict(1)"), "<error: TypeError: first argument must be callable or None>");
  EXPECT_EQ(eval_repr("defaultdict(list, {1: 2}, a=3)"), "defaultdict(<class 'list'>, {1: 2, 'a': 3})");
  EXPECT_EQ(eval_repr("dd | {3: 4}"), "defaultdict(<class 'list'>, {1: [2], 3: 4})");
  EXPECT_EQ(eval_repr("type(dd.copy()).__name__, dd.copy() == dd"), "('defaultdict', True)");
  EXPECT_EQ(eval_repr("isinstance(dd, dict), dd.default_factory"), "(True, <class 'list'>)");
}

TEST_F(CollectionsTest, CountElementsAndTupleGetter) {
  ASSERT_TRUE(exec("m = {}\n_c._count_elements(m, 'abracadabra')"));
  EXPECT_EQ(eval_repr("m"), "{'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1}");
  ASSERT_TRUE(exec("class P(tuple):\n    x = _c._tuplegetter(0, 'doc x')\n    y = _c._tuplegetter(1, None)\n"
                   "p = P((1, 2))"));
  EXPECT_EQ(eval_repr("(p.x, p.y, P.x.__doc__)"), "(1, 2, 'doc x')");
  EXPECT_EQ(eval_repr("P.x.__get__(1)"),
            "<error: TypeError: descriptor for index '0' for tuple subclasses doesn't apply to 'int' object>");
}

// Two threads append while two pop: no item is lost or duplicated.
TEST_F(CollectionsTest, ConcurrentAppendsAndPopsLoseNothing) {
  Ref<> d = call0(Value(static_cast<Object*>(&g_deque_type)));
  ASSERT_TRUE(d);
  constexpr int kN = 20000;
  std::atomic<int64_t> popped_sum{0}, popped_count{0};
  auto pusher = [&](int64_t base) {
    ThreadState* ts = thread_attach_new(false);
    for (int64_t i = 0; i < kN; i++) {
      Value arg[1] = {Value::small(base + i)};
      Ref<> r = call_method(d.val(), "append", arg, 1);
    }
    thread_detach_delete(ts);
  };
  auto popper = [&] {
    ThreadState* ts = thread_attach_new(false);
    for (int i = 0; i < kN; i++) {
      Ref<> r = call_method(d.val(), "popleft", nullptr, 0);
      if (!r) {
        err_clear();
        continue;
      }
      popped_sum += r.val().small_value();
      popped_count++;
    }
    thread_detach_delete(ts);
  };
  std::thread a(pusher, 0), b(pusher, kN), c(popper), e(popper);
  {
    DetachedScope d;  // a thread attaching may stop the world
    a.join(), b.join(), c.join(), e.join();
  }
  int64_t left_sum = 0, left = length(d.val());
  for (int64_t i = 0; i < left; i++) {
    Ref<> idx = small_int(i);
    left_sum += getitem(d.val(), idx.val()).val().small_value();
  }
  EXPECT_EQ(popped_count + left, 2 * kN);
  EXPECT_EQ(popped_sum + left_sum, (2 * kN - 1) * (2 * kN) / 2);
}

}  // namespace ftpy
