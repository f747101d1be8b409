// Thread registration and the biased-refcount merge queues.
//
// Thread indices are never reused: an object whose owner exited keeps that
// owner's index, and thread_enqueue_merge tells the finder to merge it itself.
// The registry maps index -> live ThreadState under a mutex; it is consulted
// only on the slow path (a non-owner decrement taking a shared count negative).
#include "runtime/thread_state.h"

#include <unordered_map>

#include "vm/frame.h"

namespace ftpy {

thread_local uint32_t tls_thread_index = kNoThreadIndex;
thread_local ThreadState* tls_tstate = nullptr;
std::atomic<int> g_recursion_limit{1000};

namespace {
std::mutex g_registry_mu;
std::unordered_map<uint32_t, ThreadState*>& registry() {
  static auto* m = new std::unordered_map<uint32_t, ThreadState*>();
  return *m;
}
std::atomic<uint32_t> g_next_index{1};
}  // namespace

ThreadState* thread_attach_new(bool is_main) {
  auto* ts = new ThreadState();
  ts->index = g_next_index.fetch_add(1, std::memory_order_relaxed);
  ts->is_main = is_main;
  frame_stack_init(ts);
  {
    std::lock_guard<std::mutex> g(g_registry_mu);
    registry()[ts->index] = ts;
  }
  tls_thread_index = ts->index;
  tls_tstate = ts;
  ts->status.store(ThreadStatus::kAttached, std::memory_order_release);
  return ts;
}

void thread_detach_delete(ThreadState* ts) {
  ts->exc.reset();
  ts->handled.reset();
  {
    std::lock_guard<std::mutex> g(g_registry_mu);
    registry().erase(ts->index);
  }
  // From here on enqueues for this index fail and their finders merge; drain
  // what arrived before.
  thread_drain_merge_queue(ts);
  frame_stack_free(ts);
  tls_tstate = nullptr;
  tls_thread_index = kNoThreadIndex;
  delete ts;
}

bool thread_enqueue_merge(uint32_t owner, Object* o) {
  std::lock_guard<std::mutex> g(g_registry_mu);
  auto it = registry().find(owner);
  if (it == registry().end()) return false;
  ThreadState* ts = it->second;
  std::lock_guard<std::mutex> g2(ts->merge_mu);
  ts->merge_queue.push_back(o);
  ts->eval_breaker.fetch_or(kBreakMergeQueue, std::memory_order_release);
  return true;
}

}  // namespace ftpy
