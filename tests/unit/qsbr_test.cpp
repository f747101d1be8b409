// Quiescent-state-based reclamation (runtime/qsbr.h): retired items live
// until every other online thread has reported, and waiting for that does
// not keep the retiring thread on the eval breaker's slow path.
#include <atomic>
#include <thread>

#include "objects/list.h"
#include "runtime/qsbr.h"
#include "runtime/thread_state.h"
#include "runtime_fixture.h"
#include "vm/safepoint.h"

namespace ftpy {
namespace {

class QsbrTest : public RuntimeTest {};

bool qsbr_bit(ThreadState* ts) { return ts->eval_breaker.load(std::memory_order_acquire) & kBreakQsbr; }

TEST_F(QsbrTest, RetiredItemsWaitForTheOtherThreadWithoutKeepingTheBreakerBitSet) {
  constexpr int kItems = 128;  // one batch: the retiring thread asks for reports
  Ref<List> obj = list_new();
  Object* o = obj.val().obj();
  std::atomic<int> step{0};
  std::atomic<ThreadState*> other{nullptr};
  std::thread t([&] {
    ThreadState* me = thread_attach_new(false);  // online; reports only when told
    other.store(me);
    while (step.load() != 1) std::this_thread::yield();  // no allocation here: no collection to wait for
    ASSERT_TRUE(qsbr_bit(me));  // the batch asked it to report
    ASSERT_EQ(handle_eval_breaker(me), 0);
    EXPECT_FALSE(qsbr_bit(me));
    step.store(2);
    thread_detach_delete(me);
  });
  {
    DetachedScope d;  // its attach may stop the world
    while (!other.load()) std::this_thread::yield();
  }

  ThreadState* ts = tstate();
  int64_t before = refcount_estimate(o);
  for (int i = 0; i < kItems; i++) {
    incref(obj.val());
    qsbr_retire_value(obj.val());
  }
  EXPECT_EQ(refcount_estimate(o), before + kItems);
  ASSERT_TRUE(qsbr_bit(ts));
  ASSERT_EQ(handle_eval_breaker(ts), 0);
  // The other thread has not reported: nothing is reclaimed, yet the bit is
  // clear, so later safepoints take the fast path.
  EXPECT_EQ(refcount_estimate(o), before + kItems);
  EXPECT_FALSE(qsbr_bit(ts));

  step.store(1);  // its report makes it reclaim the handed-over items
  {
    DetachedScope d;
    while (step.load() != 2) std::this_thread::yield();
    t.join();
  }
  thread_drain_merge_queue(ts);
  EXPECT_EQ(refcount_estimate(o), before);
}

}  // namespace
}  // namespace ftpy
