// The cycle collector (runtime/gc.h): registry, reachability, biased counts.
#include <thread>

#include "objects/list.h"
#include "runtime/gc.h"
#include "runtime/heap.h"
#include "runtime/thread_state.h"
#include "runtime_fixture.h"

namespace ftpy {
namespace {

class GcTest : public RuntimeTest {};

TEST_F(GcTest, ContainersAreTrackedAndAtomsAreNot) {
  Ref<List> l = list_new();
  EXPECT_TRUE(gc_is_tracked(l.get()));
  Ref<Str> s = str_from_ascii("not a container");
  EXPECT_FALSE(gc_is_tracked(s.get()));
}

TEST_F(GcTest, CollectFreesSelfReferencingListAndCountsIt) {
  gc_collect(2, false);
  Ref<List> l = list_new();
  ASSERT_EQ(list_append(l.val(), l.val()), 0);
  l = nullptr;  // only the cycle holds it now
  EXPECT_EQ(gc_collect(2, false), 1);
  EXPECT_EQ(gc_collect(2, false), 0);
}

TEST_F(GcTest, ReferenceFromCppKeepsCycleAlive) {
  gc_collect(2, false);
  Ref<List> a = list_new();
  Ref<List> b = list_new();
  ASSERT_EQ(list_append(a.val(), b.val()), 0);
  ASSERT_EQ(list_append(b.val(), a.val()), 0);
  b = nullptr;
  EXPECT_EQ(gc_collect(2, false), 0);  // `a` is an outside reference
  EXPECT_EQ(list_size(a.val()), 1);
  a = nullptr;
  EXPECT_EQ(gc_collect(2, false), 2);
}

// A cycle whose objects are owned by a thread that has exited, with a shared
// count that went negative (kQueued, merged by the finder): local + shared is
// the true count, so it is found without any merge step.
TEST_F(GcTest, CycleOwnedByExitedThreadIsCollected) {
  gc_collect(2, false);
  Value leaked;
  std::thread t([&] {
    ThreadState* ts = thread_attach_new(false);
    {
      Ref<List> l = list_new();
      ASSERT_EQ(list_append(l.val(), l.val()), 0);
      incref(l.val());  // a reference handed to the main thread
      leaked = l.val();
    }
    thread_detach_delete(ts);
  });
  t.join();
  EXPECT_EQ(gc_collect(2, false), 0);  // still held by `leaked`
  decref(leaked);                      // non-owner decrement
  EXPECT_EQ(gc_collect(2, false), 1);
}

TEST_F(GcTest, PythonCyclesWithFinalizersAndWeakrefs) {
  ASSERT_TRUE(exec(R"(
import gc, weakref
gc.collect()  # garbage left by earlier tests
log = []
class A:
    def __del__(self): log.append('del')
a = A(); a.me = a
w = weakref.ref(a, lambda r: log.append('cb'))
del a
n = gc.collect()
)")) << last_error_;
  EXPECT_EQ(eval_repr("log"), "['cb', 'del']");
  EXPECT_EQ(eval_repr("n"), "1");
  EXPECT_EQ(eval_repr("w()"), "None");
}

TEST_F(GcTest, ThresholdsAndCountsRoundTrip) {
  int64_t saved[3];
  gc_get_thresholds(saved);
  int64_t t[3] = {123, 4, 5};
  gc_set_thresholds(t, 3);
  int64_t got[3];
  gc_get_thresholds(got);
  EXPECT_EQ(got[0], 123);
  EXPECT_EQ(got[2], 5);
  gc_set_thresholds(saved, 3);
  int64_t counts[3];
  gc_get_counts(counts);
  EXPECT_GE(counts[0], 0);
}

}  // namespace
}  // namespace ftpy
