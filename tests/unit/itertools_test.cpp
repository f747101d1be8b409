// itertools: the iterators' values, reprs and error messages (expected values
// from CPython 3.11/3.14), and the thread-safety contract of shared iterators.
#include <atomic>
#include <thread>
#include <vector>

#include "modules/itertools_module.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/tuple.h"
#include "runtime/thread_state.h"
#include "runtime_fixture.h"

namespace ftpy {

class ItertoolsTest : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    Ref<> m = itertools_module_create();
    ASSERT_TRUE(m);
    dict_set_item_str(globals_.val(), "it", m.val());
  }
};

TEST_F(ItertoolsTest, ModuleCreatesWithoutTheCompiler) {
  Ref<> m = itertools_module_create();
  ASSERT_TRUE(m);
  Ref<> count = getattr(m.val(), "count");
  ASSERT_TRUE(count);
  EXPECT_EQ(repr_utf8(count.val()), "<class 'itertools.count'>");
}

TEST_F(ItertoolsTest, CountSkipsUnitStepInRepr) {
  EXPECT_EQ(eval_repr("it.count(5)"), "count(5)");
  EXPECT_EQ(eval_repr("it.count(1.0)"), "count(1.0)");
  EXPECT_EQ(eval_repr("it.count(1, 1.0)"), "count(1, 1.0)");
  EXPECT_EQ(eval_repr("list(it.islice(it.count(10, 5), 4))"), "[10, 15, 20, 25]");
  EXPECT_EQ(eval_repr("list(it.islice(it.count(1.5, 0.5), 3))"), "[1.5, 2.0, 2.5]");
  EXPECT_EQ(eval_repr("it.count('a')"), "<error: TypeError: a number is required>");
}

TEST_F(ItertoolsTest, CountCrossesTheSmallIntBoundary) {
  ASSERT_TRUE(exec("c = it.count(2**62 - 2)\nnext(c); next(c); x = next(c)"));
  EXPECT_EQ(eval_repr("x"), "4611686018427387904");
  EXPECT_EQ(eval_repr("c"), "count(4611686018427387905)");
}

TEST_F(ItertoolsTest, RepeatHasLengthHintAndRepr) {
  EXPECT_EQ(eval_repr("it.repeat('x', 3)"), "repeat('x', 3)");
  EXPECT_EQ(eval_repr("it.repeat('x', -3)"), "repeat('x', 0)");
  EXPECT_EQ(eval_repr("it.repeat('x', 3).__length_hint__()"), "3");
  EXPECT_EQ(eval_repr("it.repeat('x').__length_hint__()"), "<error: TypeError: len() of unsized object>");
  EXPECT_EQ(eval_repr("list(it.repeat(1, times=2))"), "[1, 1]");
}

TEST_F(ItertoolsTest, TerminatingIterators) {
  EXPECT_EQ(eval_repr("list(it.accumulate([1, 2, 3], lambda a, b: a * b))"), "[1, 2, 6]");
  EXPECT_EQ(eval_repr("list(it.accumulate([1, 2], initial=100))"), "[100, 101, 103]");
  EXPECT_EQ(eval_repr("list(it.chain('ab', [1]))"), "['a', 'b', 1]");
  EXPECT_EQ(eval_repr("list(it.chain.from_iterable(['xy', 'z']))"), "['x', 'y', 'z']");
  EXPECT_EQ(eval_repr("list(it.compress('abcd', [1, 0, 1, 0]))"), "['a', 'c']");
  EXPECT_EQ(eval_repr("list(it.dropwhile(lambda x: x < 3, [1, 4, 1]))"), "[4, 1]");
  EXPECT_EQ(eval_repr("list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1]))"), "[1, 2]");
  EXPECT_EQ(eval_repr("list(it.filterfalse(None, [0, 1, 0, 2]))"), "[0, 0]");
  EXPECT_EQ(eval_repr("list(it.starmap(pow, [(2, 3), (3, 2)]))"), "[8, 9]");
  EXPECT_EQ(eval_repr("list(it.pairwise([1, 2, 3]))"), "[(1, 2), (2, 3)]");
  EXPECT_EQ(eval_repr("list(it.zip_longest('abc', [1], fillvalue='-'))"), "[('a', 1), ('b', '-'), ('c', '-')]");
  EXPECT_EQ(eval_repr("list(it.batched('abcde', 2))"), "[('a', 'b'), ('c', 'd'), ('e',)]");
  EXPECT_EQ(eval_repr("list(it.batched('abc', 2, strict=True))"),
            "<error: ValueError: batched(): incomplete batch>");
  EXPECT_EQ(eval_repr("it.batched('abc', 0)"), "<error: ValueError: n must be at least one>");
}

TEST_F(ItertoolsTest, IsliceValidatesArguments) {
  EXPECT_EQ(eval_repr("list(it.islice(range(10), 2, 8, 3))"), "[2, 5]");
  EXPECT_EQ(eval_repr("list(it.islice('abc', None))"), "['a', 'b', 'c']");
  EXPECT_EQ(eval_repr("it.islice([], -1)"),
            "<error: ValueError: Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.>");
  EXPECT_EQ(eval_repr("it.islice([], 'a', 2)"),
            "<error: ValueError: Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.>");
  EXPECT_EQ(eval_repr("it.islice([], 1, 2, 0)"),
            "<error: ValueError: Step for islice() must be a positive integer or None.>");
  EXPECT_EQ(eval_repr("it.islice([])"), "<error: TypeError: islice expected at least 2 arguments, got 1>");
  EXPECT_EQ(eval_repr("it.islice([], stop=3)"), "<error: TypeError: islice() takes no keyword arguments>");
}

TEST_F(ItertoolsTest, GroupbyGroupersShareTheParentState) {
  EXPECT_EQ(eval_repr("[(k, list(g)) for k, g in it.groupby('aaabccaa')]"),
            "[('a', ['a', 'a', 'a']), ('b', ['b']), ('c', ['c', 'c']), ('a', ['a', 'a'])]");
  // A grouper is invalidated once the parent moves on.
  ASSERT_TRUE(exec("g = it.groupby('aabb')\nk1, g1 = next(g)\nk2, g2 = next(g)\nr = (list(g1), list(g2))"));
  EXPECT_EQ(eval_repr("r"), "([], ['b', 'b'])");
  EXPECT_EQ(eval_repr("[(k, len(list(g))) for k, g in it.groupby([1, 3, 2, 4], key=lambda x: x % 2)]"),
            "[(1, 2), (0, 2)]");
}

TEST_F(ItertoolsTest, TeeBuffersIndependently) {
  ASSERT_TRUE(exec("a, b = it.tee(iter(range(200)))\nx = list(a)\ny = list(b)"));
  EXPECT_EQ(eval_repr("x == y == list(range(200))"), "True");
  ASSERT_TRUE(exec("a, = it.tee([1, 2, 3], 1)\nnext(a)\nc = a.__copy__()"));
  EXPECT_EQ(eval_repr("(list(a), list(c))"), "([2, 3], [2, 3])");
  EXPECT_EQ(eval_repr("it.tee([1], -1)"), "<error: ValueError: n must be >= 0>");
  EXPECT_EQ(eval_repr("it.tee([1], 0)"), "()");
}

TEST_F(ItertoolsTest, Combinatorics) {
  EXPECT_EQ(eval_repr("list(it.product('ab', repeat=2))"),
            "[('a', 'a'), ('a', 'b'), ('b', 'a'), ('b', 'b')]");
  EXPECT_EQ(eval_repr("(list(it.product()), list(it.product([])))"), "([()], [])");
  EXPECT_EQ(eval_repr("list(it.permutations(range(3), 2))"),
            "[(0, 1), (0, 2), (1, 0), (1, 2), (2, 0), (2, 1)]");
  EXPECT_EQ(eval_repr("list(it.combinations('abcd', 2))"),
            "[('a', 'b'), ('a', 'c'), ('a', 'd'), ('b', 'c'), ('b', 'd'), ('c', 'd')]");
  EXPECT_EQ(eval_repr("list(it.combinations_with_replacement('ab', 2))"),
            "[('a', 'a'), ('a', 'b'), ('b', 'b')]");
  EXPECT_EQ(eval_repr("it.combinations([1], -1)"), "<error: ValueError: r must be non-negative>");
  EXPECT_EQ(eval_repr("it.permutations([1], 'a')"), "<error: TypeError: Expected int as r>");
  EXPECT_EQ(eval_repr("it.product([1], repeat=-1)"), "<error: ValueError: repeat argument cannot be negative>");
  EXPECT_EQ(eval_repr("len(list(it.permutations(range(5))))"), "120");
}

TEST_F(ItertoolsTest, PositionalOnlyConstructorsUseCPythonMessages) {
  EXPECT_EQ(eval_repr("it.cycle()"), "<error: TypeError: cycle expected 1 argument, got 0>");
  EXPECT_EQ(eval_repr("it.chain(x=1)"), "<error: TypeError: chain() takes no keyword arguments>");
  EXPECT_EQ(eval_repr("it.count(1, 2, 3)"), "<error: TypeError: count() takes at most 2 arguments (3 given)>");
  EXPECT_EQ(eval_repr("list(it.islice(it.cycle('ab'), 5))"), "['a', 'b', 'a', 'b', 'a']");
}

// C++ API: a count shared by several threads yields every value exactly once.
TEST_F(ItertoolsTest, SharedCountNeverYieldsAValueTwice) {
  Ref<> m = itertools_module_create();
  Ref<> count_type = getattr(m.val(), "count");
  Ref<> counter = call0(count_type.val());
  ASSERT_TRUE(counter);
  constexpr int kThreads = 4, kPerThread = 5000;
  std::vector<std::vector<int64_t>> seen(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; t++) {
    threads.emplace_back([&, t] {
      ThreadState* ts = thread_attach_new(false);
      for (int i = 0; i < kPerThread; i++) {
        Ref<> v = iter_next(counter.val());
        seen[t].push_back(v.val().small_value());
      }
      thread_detach_delete(ts);
    });
  }
  {
    DetachedScope d;  // a thread attaching may stop the world
    for (auto& th : threads) th.join();
  }
  std::vector<bool> hit(kThreads * kPerThread, false);
  for (auto& s : seen)
    for (int64_t v : s) {
      ASSERT_LT(v, kThreads * kPerThread);
      EXPECT_FALSE(hit[v]) << v;
      hit[v] = true;
    }
}

}  // namespace ftpy
