// _random.Random: the Mersenne Twister seeded as CPython seeds it. Expected
// values come from python3 (`_random.Random()` seeded the same way).
#include <thread>
#include <vector>

#include "modules/random_module.h"
#include "objects/module.h"
#include "runtime/thread_state.h"
#include "runtime_fixture.h"

namespace ftpy {

class RandomTest : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    Ref<> m = random_module_create();
    ASSERT_TRUE(m);
    dict_set_item_str(globals_.val(), "_random", m.val());
  }
};

TEST(MersenneTwisterTest, ReferenceOutputForInitByArray) {
  // The reference sequence published with MT19937ar: init_by_array({0x123, 0x234, 0x345, 0x456}).
  MersenneTwister g;
  const uint32_t key[] = {0x123, 0x234, 0x345, 0x456};
  g.init_by_array(key, 4);
  EXPECT_EQ(g.next_u32(), 1067595299u);
  EXPECT_EQ(g.next_u32(), 955945823u);
  EXPECT_EQ(g.next_u32(), 477289528u);
}

TEST_F(RandomTest, IntSeedMatchesCPython) {
  ASSERT_TRUE(exec("r = _random.Random(); r.seed(7)"));
  EXPECT_EQ(eval_repr("[r.random() for _ in range(3)]"),
            "[0.32383276483316237, 0.15084917392450192, 0.6509344730398537]");
  EXPECT_EQ(eval_repr("(r.seed(0), r.random())[1]"), "0.8444218515250481");
}

TEST_F(RandomTest, BigAndNegativeSeedsUseAbsoluteValueWords) {
  EXPECT_EQ(eval_repr("(r := _random.Random(), r.seed(2**70), r.getrandbits(100))[2]"),
            "587482081850853106209667941124");
  EXPECT_EQ(eval_repr("(r := _random.Random(), r.seed(-5), r.getrandbits(32))[2]"), "2675342405");
}

TEST_F(RandomTest, NonIntSeedUsesHashAsUnsigned) {
  EXPECT_EQ(eval_repr("(r := _random.Random(), r.seed(1.5), r.random())[2]"), "0.551763726942059");
  EXPECT_EQ(eval_repr("(r := _random.Random(), r.seed(-1.5), r.random())[2]"), "0.7101153317194698");
}

TEST_F(RandomTest, GetrandbitsFillsLeastSignificantWordFirst) {
  ASSERT_TRUE(exec("r = _random.Random(); r.seed(12345)"));
  EXPECT_EQ(eval_repr("(r.getrandbits(64), r.getrandbits(1), r.getrandbits(33))"),
            "(13515657874892102023, 0, 7817590892)");
  EXPECT_EQ(eval_repr("r.getrandbits(0)"), "0");
  EXPECT_EQ(eval_repr("r.getrandbits(-1)"), "<error: ValueError: number of bits must be non-negative>");
}

TEST_F(RandomTest, GetstateAndSetstateRoundTrip) {
  ASSERT_TRUE(exec("r = _random.Random(); r.seed(7); s = r.getstate()"));
  EXPECT_EQ(eval_repr("(len(s), s[0], s[623], s[624])"), "(625, 2147483648, 2448866966, 624)");
  ASSERT_TRUE(exec("a = r.random(); r.setstate(s)"));
  EXPECT_EQ(eval_repr("r.random() == a"), "True");
}

TEST_F(RandomTest, SetstateValidatesLikeCPython) {
  ASSERT_TRUE(exec("r = _random.Random()"));
  EXPECT_EQ(eval_repr("r.setstate([1] * 625)"), "<error: TypeError: state vector must be a tuple>");
  EXPECT_EQ(eval_repr("r.setstate((1,) * 3)"), "<error: ValueError: state vector is the wrong size>");
  EXPECT_EQ(eval_repr("r.setstate((1,) * 624 + (625,))"), "<error: ValueError: invalid state>");
  EXPECT_EQ(eval_repr("r.setstate((-1,) + (1,) * 624)"),
            "<error: OverflowError: can't convert negative value to unsigned int>");
}

TEST_F(RandomTest, ConstructorArgumentChecks) {
  EXPECT_EQ(eval_repr("_random.Random(1, 2)"), "<error: TypeError: Random() requires 0 or 1 argument>");
  EXPECT_EQ(eval_repr("_random.Random(x=1)"), "<error: TypeError: Random() takes no keyword arguments>");
  EXPECT_EQ(eval_repr("_random.Random(7).random()"), "0.32383276483316237");
}

TEST_F(RandomTest, SharedGeneratorSurvivesConcurrentUse) {
  // Four threads draw from one generator; every draw must stay in range and
  // the state must remain a valid MT state afterwards.
  ASSERT_TRUE(exec("r = _random.Random(); r.seed(99)"));
  Ref<> r;
  ASSERT_EQ(dict_get_item_str(globals_.val(), str_intern("r"), &r), 1);
  Ref<> meth = getattr(r.val(), "random");
  ASSERT_TRUE(meth);
  std::vector<std::thread> ts;
  std::atomic<int> bad{0};
  for (int t = 0; t < 4; t++)
    ts.emplace_back([&] {
      ThreadState* me = thread_attach_new(false);
      for (int i = 0; i < 2000; i++) {
        Ref<> v = call0(meth.val());
        double d;
        if (!v || !to_double(v.val(), &d) || d < 0 || d >= 1) bad++;
      }
      thread_detach_delete(me);
    });
  {
    DetachedScope d;  // a thread attaching may stop the world
    for (auto& t : ts) t.join();
  }
  EXPECT_EQ(bad.load(), 0);
  EXPECT_EQ(eval_repr("len(r.getstate())"), "625");
}

}  // namespace ftpy
