// The cycle collector (runtime/gc.h): registry, reachability, biased counts.
#include <atomic>
#include <thread>
#include <vector>

#include "objects/list.h"
#include "runtime/gc.h"
#include "runtime/heap.h"
#include "runtime/thread_state.h"
#include "runtime_fixture.h"
#include "vm/safepoint.h"

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
  {
    DetachedScope detached;  // a thread attaching may stop the world
    t.join();
  }
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

int64_t tracked_object_count() {
  Ref<> all = gc_get_objects();
  return list_size(all.val());
}

void wait_for(std::atomic<int>& phase, int want) {
  DetachedScope detached;  // a waiting thread must not hold up a stop-the-world
  while (phase.load() != want) std::this_thread::yield();
}

// Objects made by one thread and freed by another (a merged object whose last
// reference the main thread drops) go through the owner list's remote stack,
// or straight to an unowned list once the maker has exited. With the maker
// waiting, its frees are pending: a snapshot must drain them, not report
// them; with the maker exiting while they are freed, every free must still
// land exactly once (ASan/TSan check the memory side).
void remote_frees(bool exit_while_freeing) {
  constexpr int kObjects = 300;
  // This thread's shared increfs below are sampled for per-thread counting,
  // and the sampler's table is keyed by address: objects of an earlier test
  // at the same addresses can make one of ours look hot, and a switch
  // request holds a reference until a safepoint, which this thread (running
  // no Python) never reaches. Sampling is not what this test is about.
  ThreadState* self = tstate();
  if (self->eval_breaker.load(std::memory_order_relaxed)) handle_eval_breaker(self);
  self->pt_backoff = 1u << 30;
  gc_collect(2, false);
  int64_t baseline = tracked_object_count();
  std::atomic<int> phase{0};
  std::vector<Object*> made(kObjects);
  std::thread t([&] {
    ThreadState* ts = thread_attach_new(false);
    {
      std::vector<Ref<List>> mine;
      for (int i = 0; i < kObjects; i++) {
        mine.push_back(list_new());
        made[i] = mine.back().get();
      }
      phase.store(1);
      wait_for(phase, 2);  // the main thread takes shared references
    }  // our local counts reach zero: merged, the main thread's references decide
    phase.store(3);
    if (!exit_while_freeing) {
      wait_for(phase, 4);
      Ref<List> drains = list_new();  // an allocation drains what is pending
    }
    thread_detach_delete(ts);
  });
  wait_for(phase, 1);
  for (Object* o : made) incref(o);
  phase.store(2);
  wait_for(phase, 3);
  for (Object* o : made) decref(o);  // the last references: freed by this thread
  if (!exit_while_freeing) {
    EXPECT_EQ(tracked_object_count(), baseline);
    phase.store(4);
  }
  {
    DetachedScope detached;
    t.join();
  }
  EXPECT_EQ(tracked_object_count(), baseline);
  EXPECT_EQ(gc_collect(2, false), 0);
  self->pt_backoff = 0;
}

TEST_F(GcTest, RemoteFreesWhileTheOwnerLives) { remote_frees(false); }

TEST_F(GcTest, RemoteFreesRacingTheOwnersExit) {
  for (int round = 0; round < 20; round++) remote_frees(true);
}

// An exited thread's list keeps its objects until the next thread adopts it;
// frees in between unlink under the list's lock, and the adopter then owns
// the survivors (freeing them is an ordinary own free).
TEST_F(GcTest, ExitedThreadsListIsAdopted) {
  gc_collect(2, false);
  int64_t baseline = tracked_object_count();
  Value a, b;
  auto make_two = [&] {
    ThreadState* ts = thread_attach_new(false);
    a = list_new().release();
    b = list_new().release();
    thread_detach_delete(ts);
  };
  {
    DetachedScope detached;
    std::thread(make_two).join();
  }
  EXPECT_EQ(tracked_object_count(), baseline + 2);
  decref(a);  // merged by us (the owner is gone) and unlinked under the lock
  EXPECT_EQ(tracked_object_count(), baseline + 1);
  std::atomic<int> phase{0};
  std::thread adopter([&] {
    ThreadState* ts = thread_attach_new(false);
    for (int i = 0; i < 100; i++) Ref<List> churn = list_new();
    phase.store(1);
    wait_for(phase, 2);
    thread_detach_delete(ts);
  });
  wait_for(phase, 1);
  EXPECT_EQ(tracked_object_count(), baseline + 1);
  phase.store(2);
  {
    DetachedScope detached;
    adopter.join();
  }
  decref(b);
  EXPECT_EQ(tracked_object_count(), baseline);
}

}  // namespace
}  // namespace ftpy
