// Thread states, critical sections around blocking, stop-the-world
// (runtime/thread_state.h, critical_section.h, stop_the_world.h).
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "objects/list.h"
#include "runtime/critical_section.h"
#include "runtime/stop_the_world.h"
#include "runtime/thread_state.h"
#include "runtime_fixture.h"
#include "vm/safepoint.h"

namespace ftpy {
namespace {

using std::chrono::milliseconds;

class ThreadStateTest : public RuntimeTest {
 protected:
  // Join OS threads without blocking a stop-the-world they may request.
  static void join_all(std::vector<std::thread>& ts) {
    DetachedScope d;
    for (auto& t : ts) t.join();
    ts.clear();
  }
};

TEST_F(ThreadStateTest, MainThreadIsAttachedAndDetachesForBlocking) {
  ThreadState* ts = tstate();
  ASSERT_NE(ts, nullptr);
  EXPECT_EQ(ts->status.load(), ThreadStatus::kAttached);
  thread_detach_for_blocking();
  EXPECT_EQ(ts->status.load(), ThreadStatus::kDetached);
  EXPECT_FALSE(thread_is_attached());
  thread_reattach();
  EXPECT_EQ(ts->status.load(), ThreadStatus::kAttached);
  {
    DetachedScope d;
    EXPECT_EQ(ts->status.load(), ThreadStatus::kDetached);
  }
  EXPECT_TRUE(thread_is_attached());
}

TEST_F(ThreadStateTest, DetachReleasesCriticalSectionsAndReattachRetakesOnlyTheInnermost) {
  SecondThread other;  // real locks
  Ref<List> a = list_new(), b = list_new();
  Object* ao = a.val().obj();
  Object* bo = b.val().obj();
  {
    CriticalSection outer(ao);
    {
      CriticalSection inner(bo);
      EXPECT_TRUE(object_mutex_is_locked(ao));
      EXPECT_TRUE(object_mutex_is_locked(bo));
      thread_detach_for_blocking();
      EXPECT_FALSE(object_mutex_is_locked(ao));
      EXPECT_FALSE(object_mutex_is_locked(bo));
      thread_reattach();
      EXPECT_FALSE(object_mutex_is_locked(ao));
      EXPECT_TRUE(object_mutex_is_locked(bo));
    }
    // Ending the inner section resumes the outer one.
    EXPECT_TRUE(object_mutex_is_locked(ao));
    EXPECT_FALSE(object_mutex_is_locked(bo));
  }
  EXPECT_FALSE(object_mutex_is_locked(ao));
  EXPECT_EQ(critical_section_depth(), 0);
}

TEST_F(ThreadStateTest, ReenteredSectionOwnsItsObjectAfterResuming) {
  SecondThread other;  // real locks
  Ref<List> a = list_new();
  Object* ao = a.val().obj();
  {
    CriticalSection outer(ao);
    {
      CriticalSection again(ao);  // re-entry: no second lock
      thread_detach_for_blocking();
      EXPECT_FALSE(object_mutex_is_locked(ao));
      thread_reattach();
      EXPECT_TRUE(object_mutex_is_locked(ao));
    }
    EXPECT_TRUE(object_mutex_is_locked(ao));
  }
  EXPECT_FALSE(object_mutex_is_locked(ao));
}

// One registered thread: sections take no lock. A thread that attaches meanwhile
// stops the world, and the section resumes locked; once the second thread has
// gone, sections (new or resumed) elide again.
TEST_F(ThreadStateTest, SectionsElideLocksWhileAloneAndRelockWhenAThreadAttaches) {
  Ref<List> a = list_new(), b = list_new();
  Object* ao = a.val().obj();
  Object* bo = b.val().obj();
  ASSERT_TRUE(locks_elided());
  {
    CriticalSection outer(ao);
    EXPECT_FALSE(object_mutex_is_locked(ao));
    {
      SecondThread other;
      EXPECT_FALSE(locks_elided());
      EXPECT_TRUE(object_mutex_is_locked(ao));  // resumed with a real lock
      {
        CriticalSection2 both(ao, bo);  // re-entry on ao, a real lock on bo
        EXPECT_TRUE(object_mutex_is_locked(bo));
      }
      EXPECT_FALSE(object_mutex_is_locked(bo));
      EXPECT_TRUE(object_mutex_is_locked(ao));
    }
    // Joining it detached this thread: the section resumed alone, unlocked.
    EXPECT_TRUE(locks_elided());
    EXPECT_FALSE(object_mutex_is_locked(ao));
    {
      CriticalSection inner(bo);
      EXPECT_FALSE(object_mutex_is_locked(bo));
    }
  }
  EXPECT_FALSE(object_mutex_is_locked(ao));
  EXPECT_EQ(critical_section_depth(), 0);
}

TEST_F(ThreadStateTest, CriticalSectionsSerialiseUpdatesFromManyThreads) {
  Ref<List> a = list_new();
  Object* ao = a.val().obj();
  long counter = 0;  // guarded by a's lock
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; i++)
    ts.emplace_back([&] {
      ThreadState* me = thread_attach_new(false);
      for (int j = 0; j < 20000; j++) {
        CriticalSection cs(ao);
        counter++;
      }
      thread_detach_delete(me);
    });
  join_all(ts);
  EXPECT_EQ(counter, 80000);
}

TEST_F(ThreadStateTest, OppositeOrderSectionsDoNotDeadlock) {
  // T1 nests a then b, T2 nests b then a. A thread that waits releases what it
  // holds, so no cycle forms.
  Ref<List> a = list_new(), b = list_new();
  Object* ao = a.val().obj();
  Object* bo = b.val().obj();
  // After a wait only the innermost section is re-taken (the outer one is
  // re-taken when the inner ends), so the two threads may each hold a
  // different object here: the counter is atomic, and what is checked is
  // that the innermost object is held and that neither thread deadlocks.
  std::atomic<long> n{0};
  std::atomic<long> inner_not_held{0};
  std::vector<std::thread> ts;
  for (int i = 0; i < 2; i++)
    ts.emplace_back([&, i] {
      ThreadState* me = thread_attach_new(false);
      for (int j = 0; j < 5000; j++) {
        CriticalSection first(i ? bo : ao);
        CriticalSection second(i ? ao : bo);
        if (!object_mutex_is_locked(i ? ao : bo)) inner_not_held++;
        n++;
      }
      thread_detach_delete(me);
    });
  join_all(ts);
  EXPECT_EQ(n.load(), 10000);
  EXPECT_EQ(inner_not_held.load(), 0);
}

TEST_F(ThreadStateTest, TwoObjectSectionLocksBothAndToleratesTheSameObjectTwice) {
  SecondThread other;  // real locks
  Ref<List> a = list_new(), b = list_new();
  Object* ao = a.val().obj();
  Object* bo = b.val().obj();
  {
    CriticalSection2 cs(ao, bo);
    EXPECT_TRUE(object_mutex_is_locked(ao));
    EXPECT_TRUE(object_mutex_is_locked(bo));
    CriticalSection2 again(bo, ao);  // re-entry on both
  }
  EXPECT_FALSE(object_mutex_is_locked(ao));
  EXPECT_FALSE(object_mutex_is_locked(bo));
  { CriticalSection2 same(ao, ao); EXPECT_TRUE(object_mutex_is_locked(ao)); }
  EXPECT_FALSE(object_mutex_is_locked(ao));
}

// Workers that run "Python" (count while attached, visiting safepoints) and
// now and then block (detach) or exit and come back as a new thread.
struct Workers {
  static constexpr int kThreads = 4;
  std::atomic<bool> stop{false};
  std::atomic<long> progress[kThreads] = {};
  std::vector<std::thread> threads;

  void start(bool churn) {
    for (int i = 0; i < kThreads; i++)
      threads.emplace_back([this, i, churn] {
        while (!stop.load()) {
          ThreadState* me = thread_attach_new(false);
          for (int j = 0; (!churn || j < 2000) && !stop.load(); j++) {
            if (me->eval_breaker.load(std::memory_order_relaxed)) handle_eval_breaker(me);
            progress[i].fetch_add(1, std::memory_order_relaxed);
            if (j % 100 == i) {
              DetachedScope blocked;
              std::this_thread::sleep_for(std::chrono::microseconds(50));
            }
          }
          thread_detach_delete(me);
          if (!churn) {
            // keep one state per thread: wait to be told to stop
            while (!stop.load()) std::this_thread::sleep_for(milliseconds(1));
          }
        }
      });
  }
  long total() {
    long s = 0;
    for (auto& p : progress) s += p.load();
    return s;
  }
};

void check_world_stays_stopped(Workers& w, int rounds) {
  ThreadState* self = tstate();
  for (int r = 0; r < rounds; r++) {
    stop_the_world();
    long before = w.total();
    int attached = 0;
    {
      std::lock_guard<std::mutex> g(runtime_mutex());
      thread_for_each_locked([&](ThreadState* ts) {
        if (ts != self && ts->status.load() == ThreadStatus::kAttached) attached++;
      });
    }
    std::this_thread::sleep_for(milliseconds(2));
    long after = w.total();
    start_the_world();
    EXPECT_EQ(attached, 0) << "round " << r;
    EXPECT_EQ(before, after) << "a thread ran Python while the world was stopped (round " << r << ")";
    std::this_thread::sleep_for(milliseconds(1));
  }
}

TEST_F(ThreadStateTest, StopTheWorldPausesAttachedAndDetachedThreads) {
  Workers w;
  w.start(false);
  std::this_thread::sleep_for(milliseconds(20));
  check_world_stays_stopped(w, 30);
  long mid = w.total();
  std::this_thread::sleep_for(milliseconds(20));
  w.stop.store(true);
  std::vector<std::thread>& ts = w.threads;
  join_all(ts);
  EXPECT_GT(w.total(), mid) << "threads did not resume after start_the_world";
}

TEST_F(ThreadStateTest, StopTheWorldIsCorrectWhileThreadsComeAndGo) {
  Workers w;
  w.start(true);
  check_world_stays_stopped(w, 40);
  w.stop.store(true);
  join_all(w.threads);
}

TEST_F(ThreadStateTest, ConcurrentStopTheWorldRequestsAreSerialised) {
  Workers w;
  w.start(true);
  std::atomic<int> inside{0}, overlaps{0};
  std::vector<std::thread> requesters;
  for (int i = 0; i < 2; i++)
    requesters.emplace_back([&] {
      ThreadState* me = thread_attach_new(false);
      for (int r = 0; r < 20; r++) {
        stop_the_world();
        if (inside.fetch_add(1) != 0) overlaps++;
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        inside.fetch_sub(1);
        start_the_world();
        handle_eval_breaker(me);
      }
      thread_detach_delete(me);
    });
  join_all(requesters);
  w.stop.store(true);
  join_all(w.threads);
  EXPECT_EQ(overlaps.load(), 0);
}

}  // namespace
}  // namespace ftpy

namespace ftpy {
namespace {

class ThreadModuleTest : public RuntimeTest {};

TEST_F(ThreadModuleTest, LockAcquireReleaseAndErrorsMatchCPython) {
  ASSERT_TRUE(exec("import _thread\nl = _thread.allocate_lock()"));
  EXPECT_EQ(eval_repr("(l.acquire(), l.locked(), l.acquire(False), l.acquire(timeout=0.01))"),
            "(True, True, False, False)");
  EXPECT_EQ(eval_repr("l.release()"), "None");
  EXPECT_EQ(eval_repr("l.release()"), "<error: RuntimeError: release unlocked lock>");
  EXPECT_EQ(eval_repr("l.acquire(False, 1)"), "<error: ValueError: can't specify a timeout for a non-blocking call>");
  EXPECT_EQ(eval_repr("l.acquire(True, -2)"), "<error: ValueError: timeout value must be a non-negative number>");
  EXPECT_EQ(eval_repr("_thread.RLock().release()"), "<error: RuntimeError: cannot release un-acquired lock>");
  EXPECT_EQ(eval_repr("_thread.start_new_thread(1, ())"), "<error: TypeError: first arg must be callable>");
  EXPECT_EQ(eval_repr("_thread.start_new_thread(print, [])"), "<error: TypeError: 2nd arg must be a tuple>");
  EXPECT_EQ(eval_repr("_thread._local(1)"), "<error: TypeError: Initialization arguments are not supported>");
  EXPECT_EQ(eval_repr("_thread.TIMEOUT_MAX"), "9223372036.0");
  EXPECT_EQ(eval_repr("_thread.error is RuntimeError"), "True");
}

TEST_F(ThreadModuleTest, CounterUnderLockLosesNoUpdateAcrossThreads) {
  ASSERT_TRUE(exec(
      "import _thread\n"
      "lock = _thread.allocate_lock()\n"
      "n = [0]\n"
      "def work():\n"
      "    for i in range(3000):\n"
      "        with lock:\n"
      "            n[0] += 1\n"
      "hs = [_thread.start_joinable_thread(work) for i in range(4)]\n"
      "for h in hs: h.join()\n")) << last_error_;
  EXPECT_EQ(eval_repr("n[0]"), "12000");
}

TEST_F(ThreadModuleTest, RLockCountsReentryAndLocalIsPerThread) {
  ASSERT_TRUE(exec(
      "import _thread\n"
      "r = _thread.RLock()\n"
      "r.acquire(); r.acquire()\n"
      "c = r._recursion_count()\n"
      "r.release(); r.release()\n"
      "class L(_thread._local):\n"
      "    def __init__(self, v):\n"
      "        self.v = v\n"
      "loc = L(5)\n"
      "loc.v = 7\n"
      "seen = []\n"
      "def f():\n"
      "    seen.append(loc.v)\n"
      "    loc.v = 9\n"
      "h = _thread.start_joinable_thread(f)\n"
      "h.join()\n")) << last_error_;
  EXPECT_EQ(eval_repr("(c, r._is_owned(), seen, loc.v)"), "(2, False, [5], 7)");
}

}  // namespace
}  // namespace ftpy
