// The per-thread tables behind `_thread._local` (modules/thread_local_slots.h):
// lookups, growth and reuse of dead entries, and locals dying while threads
// that hold entries for them keep reading their tables and exit.
#include "modules/thread_local_slots.h"

#include <atomic>
#include <thread>
#include <vector>

#include "objects/list.h"
#include "runtime/thread_state.h"
#include "runtime_fixture.h"
#include "vm/safepoint.h"

namespace ftpy {
namespace {

class LocalSlotsTest : public RuntimeTest {};

TEST_F(LocalSlotsTest, ATableGrowsAndReusesTheEntriesOfDeadLocals) {
  constexpr int kLocals = 300;
  std::vector<LocalSlots> locals(kLocals);
  std::vector<Ref<>> dicts;
  for (int i = 0; i < kLocals; i++) {
    local_slots_init(&locals[i]);
    Ref<> d = list_new();
    dicts.push_back(d);
    local_slots_add(&locals[i], d);
  }
  for (int i = 0; i < kLocals; i++) ASSERT_EQ(local_slots_find(&locals[i]), dicts[i].get()) << i;
  for (int i = 0; i < kLocals; i += 2) local_slots_clear(&locals[i]);
  for (int i = 0; i < kLocals; i++) {
    Object* want = i % 2 ? dicts[i].get() : nullptr;
    ASSERT_EQ(local_slots_find(&locals[i]), want) << i;
    // The local let go of its reference: only `dicts` holds the dead ones.
    EXPECT_EQ(refcount_estimate(dicts[i].get()), i % 2 ? 2 : 1) << i;
  }
  // Fresh locals take the place of the dead ones; the old keys stay absent.
  for (int i = 0; i < kLocals; i += 2) {
    local_slots_init(&locals[i]);
    local_slots_add(&locals[i], dicts[i]);
  }
  for (int i = 0; i < kLocals; i++) ASSERT_EQ(local_slots_find(&locals[i]), dicts[i].get()) << i;
  Ref<> mine = local_slots_remove_mine(&locals[1]);
  EXPECT_EQ(mine.get(), dicts[1].get());
  EXPECT_EQ(local_slots_find(&locals[1]), nullptr);
  for (int i = 0; i < kLocals; i++) local_slots_clear(&locals[i]);
  for (int i = 0; i < kLocals; i++) EXPECT_EQ(local_slots_find(&locals[i]), nullptr) << i;
}

// Threads fill their tables with entries for shared locals and keep reading
// them while the main thread kills half of the locals; then they exit. Every
// dict ends up released exactly once (TSan checks the table protocol).
TEST_F(LocalSlotsTest, LocalsDieWhileThreadsReadAndThreadsExitWhileLocalsLive) {
  constexpr int kThreads = 4, kLocals = 64, kRounds = 200;
  std::vector<LocalSlots> locals(kLocals);
  for (auto& l : locals) local_slots_init(&l);
  std::vector<std::vector<Ref<>>> dicts(kThreads);
  std::atomic<int> ready{0};
  std::atomic<bool> killed{false};
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; t++) {
    threads.emplace_back([&, t] {
      ThreadState* ts = thread_attach_new(false);
      for (int i = 0; i < kLocals; i++) {
        Ref<> d = list_new();
        dicts[t].push_back(d);
        local_slots_add(&locals[i], d);
      }
      ready.fetch_add(1);
      for (int r = 0; r < kRounds || !killed.load(); r++) {
        // Only the survivors (odd indices) may be read once the killing starts.
        for (int i = 1; i < kLocals; i += 2)
          if (local_slots_find(&locals[i]) != dicts[t][i].get()) wrong.fetch_add(1);
        // What the interpreter loop does at its safepoints: an attached
        // thread that never polls stalls any stop-the-world (a collection, a
        // per-thread switch) for as long as it spins, and the main thread
        // then never sets `killed` (an ASan run spun until r overflowed).
        if (ts->eval_breaker.load(std::memory_order_relaxed)) handle_eval_breaker(ts);
      }
      local_slots_thread_exited();
      thread_detach_delete(ts);
    });
  }
  {
    DetachedScope d;  // a thread attaching may stop the world
    while (ready.load() < kThreads) std::this_thread::yield();
  }
  for (int i = 0; i < kLocals; i += 2) local_slots_clear(&locals[i]);
  killed.store(true);
  {
    DetachedScope d;
    for (auto& th : threads) th.join();
  }
  EXPECT_EQ(wrong.load(), 0);
  for (int t = 0; t < kThreads; t++)
    for (int i = 0; i < kLocals; i++) EXPECT_EQ(refcount_estimate(dicts[t][i].get()), 1) << t << " " << i;
  for (auto& l : locals) local_slots_clear(&l);  // survivors: nothing left to drop
}

}  // namespace
}  // namespace ftpy
