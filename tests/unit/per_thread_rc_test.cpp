// Per-thread reference counts (runtime/object.h): switching, counting from
// several threads, folding at thread exit, freeing by the collector, and the
// sampling that switches hot shared objects by itself.
#include <thread>
#include <vector>

#include "objects/list.h"
#include "runtime/gc.h"
#include "runtime/thread_state.h"
#include "runtime_fixture.h"
#include "vm/safepoint.h"

namespace ftpy {
namespace {

class PerThreadRcTest : public RuntimeTest {};

TEST_F(PerThreadRcTest, SwitchedObjectKeepsItsCountAndOnlyTheCollectorFreesIt) {
  ASSERT_TRUE(exec(R"(
import gc, weakref
gc.collect()
gc.disable()  # no automatic collection may free it early
log = []
class C: pass
c = C()
w = weakref.ref(c, lambda r: log.append('freed'))
)")) << last_error_;
  Ref<> c;
  ASSERT_EQ(dict_get_item_str(globals_.val(), str_intern("c"), &c), 1);
  int64_t before = refcount_estimate(c.get());
  rc_make_per_thread(c.get());
  ASSERT_TRUE(is_per_thread(c.get()));
  EXPECT_EQ(refcount_estimate(c.get()), before);
  for (int i = 0; i < 1000; i++) incref(c.val());
  EXPECT_EQ(refcount_estimate(c.get()), before + 1000);
  for (int i = 0; i < 1000; i++) decref(c.val());
  c = nullptr;
  ASSERT_TRUE(exec("del c")) << last_error_;
  // No reference is left, but no decref can see that: the object lives on
  // until a collection.
  EXPECT_EQ(eval_repr("w() is None"), "False");
  EXPECT_EQ(eval_repr("log"), "[]");
  EXPECT_EQ(eval_repr("gc.collect()"), "0");  // freed, but not a cycle
  EXPECT_EQ(eval_repr("w() is None"), "True");
  EXPECT_EQ(eval_repr("log"), "['freed']");
  ASSERT_TRUE(exec("gc.enable()")) << last_error_;
}

TEST_F(PerThreadRcTest, ReferencesTakenByOtherThreadsAreFoldedWhenTheyExit) {
  gc_collect(2, false);
  Ref<List> l = list_new();
  ASSERT_EQ(list_append(l.val(), Value::small(7)), 0);
  rc_make_per_thread(l.get());
  ASSERT_TRUE(is_per_thread(l.get()));
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; t++) {
    threads.emplace_back([&] {
      ThreadState* ts = thread_attach_new(false);
      for (int i = 0; i < 5000; i++) incref(l.val());
      for (int i = 0; i < 4990; i++) decref(l.val());  // keeps 10
      thread_detach_delete(ts);
    });
  }
  {
    DetachedScope detached;  // a thread attaching may stop the world
    for (auto& t : threads) t.join();
  }
  // 40 references held on behalf of the exited threads, plus `l`.
  EXPECT_EQ(refcount_estimate(l.get()), 41);
  EXPECT_EQ(gc_collect(2, false), 0);
  EXPECT_TRUE(is_per_thread(l.get()));
  for (int i = 0; i < 40; i++) decref(l.val());
  EXPECT_EQ(refcount_estimate(l.get()), 1);
  EXPECT_EQ(list_size(l.val()), 1);
}

TEST_F(PerThreadRcTest, ACycleOfSwitchedObjectsIsCollected) {
  gc_collect(2, false);
  Ref<List> a = list_new();
  Ref<List> b = list_new();
  ASSERT_EQ(list_append(a.val(), b.val()), 0);
  ASSERT_EQ(list_append(b.val(), a.val()), 0);
  rc_make_per_thread(a.get());
  rc_make_per_thread(b.get());
  EXPECT_EQ(gc_collect(2, false), 0);  // held from C++
  a = nullptr;
  b = nullptr;
  EXPECT_EQ(gc_collect(2, false), 2);
  EXPECT_EQ(gc_collect(2, false), 0);
}

// Two threads keep taking references to an object the main thread owns: the
// sampling of the shared path must switch it, and its count stays exact.
TEST_F(PerThreadRcTest, HotSharedObjectIsSwitchedBySampling) {
  gc_collect(2, false);
  Ref<List> l = list_new();
  ASSERT_FALSE(is_per_thread(l.get()));
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; t++) {
    threads.emplace_back([&] {
      ThreadState* ts = thread_attach_new(false);
      for (int i = 0; i < 20000; i++) {
        incref(l.val());
        decref(l.val());
        // What the interpreter loop does at its safepoints.
        if (ts->eval_breaker.load(std::memory_order_relaxed)) handle_eval_breaker(ts);
      }
      thread_detach_delete(ts);
    });
  }
  {
    DetachedScope detached;  // let the threads stop the world
    for (auto& t : threads) t.join();
  }
  EXPECT_TRUE(is_per_thread(l.get()));
  EXPECT_EQ(refcount_estimate(l.get()), 1);
  EXPECT_EQ(gc_collect(2, false), 0);
  EXPECT_EQ(list_size(l.val()), 0);
}

// Two hot objects whose addresses fall in one set of the sampling table (as
// lock_counter's lock and Counter instance did in most runs) are both found
// hot: with a direct-mapped table they evicted each other at every sample.
TEST_F(PerThreadRcTest, HotObjectsSharingASampleSetAreBothSwitched) {
  gc_collect(2, false);
  std::vector<Ref<List>> pool;
  Ref<List> a = list_new(), b;
  for (int i = 0; i < 1000 && !b; i++) {
    Ref<List> l = list_new();
    if (rc::sample_set_of(l.get()) == rc::sample_set_of(a.get())) b = l;
    else pool.push_back(std::move(l));
  }
  ASSERT_TRUE(b);
  pool.clear();
  ASSERT_FALSE(is_per_thread(a.get()));
  ASSERT_FALSE(is_per_thread(b.get()));
  std::thread th([&] {
    ThreadState* ts = thread_attach_new(false);
    // Runs of kRcSampleInterval increfs each: every run holds one sample,
    // so the samples alternate strictly between the two.
    for (uint32_t i = 0; i < 20000; i++) {
      Object* o = (i / kRcSampleInterval) % 2 ? a.get() : b.get();
      incref(o);
      decref(o);
      if (ts->eval_breaker.load(std::memory_order_relaxed)) handle_eval_breaker(ts);
    }
    thread_detach_delete(ts);
  });
  {
    DetachedScope detached;
    th.join();
  }
  EXPECT_TRUE(is_per_thread(a.get()));
  EXPECT_TRUE(is_per_thread(b.get()));
}

TEST_F(PerThreadRcTest, SwitchesFreeDeadSwitchedObjectsWithTheCollectorDisabled) {
  ASSERT_TRUE(exec(R"(
import gc, weakref
gc.collect()
gc.disable()
class C: pass
refs = []
)")) << last_error_;
  // Switch 600 objects one after another, dropping each at once: only a
  // census can free them, and with the collector off only switches take one.
  for (int i = 0; i < 600; i++) {
    ASSERT_TRUE(exec("c = C(); refs.append(weakref.ref(c))")) << last_error_;
    Ref<> c;
    ASSERT_EQ(dict_get_item_str(globals_.val(), str_intern("c"), &c), 1);
    rc_make_per_thread(c.get());
    ASSERT_TRUE(is_per_thread(c.get()));
    c = nullptr;
    ASSERT_TRUE(exec("del c")) << last_error_;
  }
  // Censuses ran at 256 live ids and again at each doubling of the live ones
  // (1 after each census): most of the dead ones are gone.
  std::string alive = eval_repr("sum(r() is not None for r in refs)");
  EXPECT_LE(std::stoi(alive), 256) << alive;
  EXPECT_EQ(eval_repr("gc.collect()"), "0");
  EXPECT_EQ(eval_repr("sum(r() is not None for r in refs)"), "0");
  ASSERT_TRUE(exec("gc.enable()")) << last_error_;
}

}  // namespace
}  // namespace ftpy
