// Thread registration, attach/detach, and the biased-refcount merge queues.
//
// Thread indices are never reused: an object whose owner exited keeps that
// owner's index, and thread_enqueue_merge tells the finder to merge it itself.
// The registry maps index -> live ThreadState under the runtime mutex; it is
// consulted on the refcount slow path (a non-owner decrement taking a shared
// count negative) and by stop-the-world, which walks its linked list.
//
// Status changes and stop-the-world: the requester sets g_stw_requested (under
// the runtime mutex) and then scans statuses; a detaching thread stores
// DETACHED and then reads g_stw_requested (both seq_cst), so either the
// requester's scan sees DETACHED or the detaching thread sees the request and
// notifies the requester under the mutex. See stop_the_world.cpp.
#include "runtime/thread_state.h"

#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <unordered_map>

#include "runtime/critical_section.h"
#include "runtime/gc.h"
#include "runtime/gil.h"
#include "runtime/qsbr.h"
#include "runtime/stop_the_world.h"
#include "vm/frame.h"

namespace ftpy {

thread_local uint32_t tls_thread_index = kNoThreadIndex;
thread_local ThreadState* tls_tstate = nullptr;
std::atomic<int> g_recursion_limit{1000};
std::atomic<bool> g_stw_requested{false};
ThreadState* g_stw_requester = nullptr;

namespace {
std::mutex& registry_mu() {
  static auto* m = new std::mutex();
  return *m;
}
std::condition_variable& registry_cv() {
  static auto* cv = new std::condition_variable();
  return *cv;
}
std::unordered_map<uint32_t, ThreadState*>& registry() {
  static auto* m = new std::unordered_map<uint32_t, ThreadState*>();
  return *m;
}
ThreadState* g_reg_head = nullptr;  // under registry_mu
size_t g_reg_count = 0;
std::atomic<uint32_t> g_next_index{1};

void registry_add_locked(ThreadState* ts) {
  registry()[ts->index] = ts;
  ts->reg_prev = nullptr;
  ts->reg_next = g_reg_head;
  if (g_reg_head) g_reg_head->reg_prev = ts;
  g_reg_head = ts;
  g_reg_count++;
  // The first thread runs alone. A later one clears the flag itself, with
  // the world stopped (thread_attach_new).
  if (g_reg_count == 1) g_locks_elided.store(true, std::memory_order_release);
  g_qsbr_threads.fetch_add(1, std::memory_order_seq_cst);
  qsbr_thread_registered();
}

void registry_remove_locked(ThreadState* ts) {
  registry().erase(ts->index);
  if (ts->reg_prev) ts->reg_prev->reg_next = ts->reg_next; else g_reg_head = ts->reg_next;
  if (ts->reg_next) ts->reg_next->reg_prev = ts->reg_prev;
  ts->reg_prev = ts->reg_next = nullptr;
  g_reg_count--;
  // The survivor runs alone again. Release: what the exiting thread wrote
  // under real locks is visible to the survivor's unlocked sections.
  if (g_reg_count == 1) g_locks_elided.store(true, std::memory_order_release);
  g_qsbr_threads.fetch_sub(1, std::memory_order_seq_cst);
}

// A thread that registered while another ran with elided locks: stop the
// world (every other thread suspends its sections at a safepoint or is
// detached, and none is between two safepoints inside an unlocked section)
// and clear the flag before this thread touches any object. The threads
// resume their sections with real locks (critical_section.h).
void end_lock_elision() {
  stop_the_world();
  {
    std::lock_guard<std::mutex> g(registry_mu());
    // The other threads may have exited meanwhile.
    g_locks_elided.store(g_reg_count <= 1, std::memory_order_release);
  }
  start_the_world();
}

// Give up the thread's right to run Python: release critical sections and the
// GIL, then publish the new status.
void detach_to(ThreadState* ts, ThreadStatus to) {
  qsbr_offline(ts);
  critical_section_suspend_all();
  if (ts->holds_gil) gil_release(ts);
  if (to == ThreadStatus::kDetached) {
    ts->status.store(ThreadStatus::kDetached, std::memory_order_seq_cst);
    if (g_stw_requested.load(std::memory_order_seq_cst)) {
      std::lock_guard<std::mutex> g(registry_mu());
      registry_cv().notify_all();
    }
  } else {
    std::lock_guard<std::mutex> g(registry_mu());
    // The world may have restarted since the safepoint looked: then there is
    // nobody to wake us from SUSPENDED, so just detach.
    ts->status.store(g_stw_requested.load(std::memory_order_relaxed) ? ThreadStatus::kSuspended
                                                                      : ThreadStatus::kDetached,
                     std::memory_order_seq_cst);
    registry_cv().notify_all();
  }
}

// DETACHED -> ATTACHED, waiting out any stop-the-world; takes the GIL in GIL
// mode (while still detached, so a stop-the-world never waits for a thread
// queued on the GIL).
void attach_raw(ThreadState* ts) {
  for (;;) {
    if (gil_is_enabled() && !ts->holds_gil) gil_acquire(ts);
    ThreadStatus expected = ThreadStatus::kDetached;
    if (ts->status.compare_exchange_strong(expected, ThreadStatus::kAttached, std::memory_order_seq_cst)) {
      // The GIL may have been switched on while we were suspended.
      if (gil_is_enabled() && !ts->holds_gil) {
        detach_to(ts, ThreadStatus::kDetached);
        continue;
      }
      qsbr_online(ts);
      return;
    }
    // Suspended by a stop-the-world: wait until start_the_world releases us.
    if (ts->holds_gil) gil_release(ts);
    std::unique_lock<std::mutex> g(registry_mu());
    registry_cv().wait(g, [&] { return ts->status.load(std::memory_order_seq_cst) != ThreadStatus::kSuspended; });
  }
}

}  // namespace

namespace detail {
ThreadState* registry_first_locked() { return g_reg_head; }
ThreadState* registry_next_locked(ThreadState* ts) { return ts->reg_next; }
}  // namespace detail

std::mutex& runtime_mutex() { return registry_mu(); }
std::condition_variable& runtime_cv() { return registry_cv(); }
size_t thread_count_locked() { return g_reg_count; }

namespace {

// Room kept below the limit for the native frames between two checks.
constexpr size_t kCStackReserve = 256 << 10;
// The process's initial thread: glibc reports its stack as RLIMIT_STACK
// below the top, but the kernel stops growing it a guard gap (1 MB by
// default) short of any mapping placed in that range. Under ThreadSanitizer
// one sits exactly there, and a deep chain of filter() iterators overflowed
// at 7 MB of an "8 MB" stack, above the limit.
constexpr size_t kInitialThreadGuardGap = 1 << 20;

void set_c_stack_limit(ThreadState* ts) {
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return;
  void* addr = nullptr;
  size_t size = 0;
  size_t reserve = kCStackReserve;
  if (::syscall(SYS_gettid) == ::getpid()) reserve += kInitialThreadGuardGap;
  if (pthread_attr_getstack(&attr, &addr, &size) == 0 && size > 2 * reserve)
    ts->c_stack_limit = reinterpret_cast<uintptr_t>(addr) + reserve;
  if (!ts->profile_fn && !ts->trace_fn) ts->eval_entry_limit = ts->c_stack_limit;
  pthread_attr_destroy(&attr);
}

// Merge what is queued for ts and close its queue, once it is empty: from
// then on finders merge ts's objects themselves (ts must not touch a
// refcount any more).
void close_merge_queue(ThreadState* ts) {
  for (;;) {
    thread_drain_merge_queue(ts);
    std::lock_guard<std::mutex> g(ts->merge_mu);
    if (ts->merge_queue.empty()) {
      ts->merge_closed = true;
      break;
    }
  }
}

}  // namespace

ThreadState* thread_attach_new(bool is_main) {
  auto* ts = new ThreadState();
  ts->index = g_next_index.fetch_add(1, std::memory_order_relaxed);
  ts->is_main = is_main;
  ts->native_id = static_cast<uint64_t>(::syscall(SYS_gettid));
  ts->ident = static_cast<uint64_t>(::pthread_self());
  frame_stack_init(ts);
  set_c_stack_limit(ts);
  tls_thread_index = ts->index;
  tls_tstate = ts;
  bool others;
  {
    std::lock_guard<std::mutex> g(registry_mu());
    // Born DETACHED, or SUSPENDED if the world is stopped or stopping (the
    // requester's scan may already be over).
    if (g_stw_requested.load(std::memory_order_relaxed)) ts->status.store(ThreadStatus::kSuspended);
    registry_add_locked(ts);
    others = g_reg_count > 1;
  }
  attach_raw(ts);
  // (If the others have exited since, end_lock_elision sets the flag again.)
  if (others && g_locks_elided.load(std::memory_order_acquire)) end_lock_elision();
  gc_thread_attach();
  return ts;
}

void thread_detach_delete(ThreadState* ts) {
  // While still attached: drop what we hold and close the merge queue, so no
  // object is freed (and no destructor runs) after we detach.
  ts->exc.reset();
  ts->handled.reset();
  ts->pending_generator.reset();
  ts->thread_ident_obj.reset();
  ts->asyncgen_firstiter.reset();
  ts->asyncgen_finalizer.reset();
  rc_thread_exit(ts);
  close_merge_queue(ts);
  gc_thread_exit();  // our registry list goes to the next thread that attaches
  if (ts->status.load(std::memory_order_relaxed) == ThreadStatus::kAttached) detach_to(ts, ThreadStatus::kDetached);
  {
    std::lock_guard<std::mutex> g(registry_mu());
    registry_remove_locked(ts);
    registry_cv().notify_all();
  }
  qsbr_thread_exit(ts);
  frame_stack_free(ts);
  tls_tstate = nullptr;
  tls_thread_index = kNoThreadIndex;
  delete ts;
}

bool thread_is_attached() {
  ThreadState* ts = tls_tstate;
  return ts && ts->status.load(std::memory_order_relaxed) == ThreadStatus::kAttached;
}

void thread_detach_for_blocking() {
  ThreadState* ts = tls_tstate;
  if (!ts || ts->status.load(std::memory_order_relaxed) != ThreadStatus::kAttached) return;
  detach_to(ts, ThreadStatus::kDetached);
}

void thread_reattach() {
  ThreadState* ts = tls_tstate;
  if (!ts || ts->status.load(std::memory_order_relaxed) == ThreadStatus::kAttached) return;
  attach_raw(ts);
  critical_section_resume_innermost();
}

void thread_suspend_for_stop_the_world(ThreadState* ts) {
  detach_to(ts, ThreadStatus::kSuspended);
  attach_raw(ts);
  critical_section_resume_innermost();
}

std::vector<ThreadState*> thread_registry_after_fork_child(ThreadState* self) {
  // The parent held the runtime mutex across fork(); the child's copy is
  // locked by a thread that no longer exists, and the condition variable may
  // list waiters that are gone too. Both are rebuilt in place: nothing else
  // runs in the child yet.
  new (&registry_mu()) std::mutex();
  new (&registry_cv()) std::condition_variable();
  std::vector<ThreadState*> gone;
  std::lock_guard<std::mutex> g(registry_mu());
  thread_for_each_locked([&](ThreadState* ts) {
    if (ts != self) gone.push_back(ts);
  });
  for (ThreadState* ts : gone) {
    registry_remove_locked(ts);
    // Nobody enqueues for it any more (it left the registry) and nobody held
    // its queue lock across fork (enqueuers hold the runtime mutex).
    new (&ts->merge_mu) std::mutex();
  }
  // The forking thread is the child's main thread, under a new kernel id.
  self->native_id = static_cast<uint64_t>(::syscall(SYS_gettid));
  self->is_main = true;
  return gone;
}

void thread_fold_gone(ThreadState* ts) {
  close_merge_queue(ts);
  qsbr_thread_exit(ts);
}

bool thread_enqueue_merge(uint32_t owner, Object* o) {
  std::lock_guard<std::mutex> g(registry_mu());
  auto it = registry().find(owner);
  if (it == registry().end()) return false;
  ThreadState* ts = it->second;
  std::lock_guard<std::mutex> g2(ts->merge_mu);
  if (ts->merge_closed) return false;
  ts->merge_queue.push_back(o);
  ts->eval_breaker.fetch_or(kBreakMergeQueue, std::memory_order_release);
  return true;
}

}  // namespace ftpy
