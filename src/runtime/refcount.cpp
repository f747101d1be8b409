// Slow paths of biased reference counting; the protocol is described in object.h.
#include <cstdio>
#include <cstdlib>

#include "objects/type.h"
#include "runtime/object.h"
#include "runtime/thread_state.h"

namespace ftpy {

namespace {

inline uint32_t pack(int32_t count, uint32_t state) {
  return (static_cast<uint32_t>(count) << kSharedShift) | state;
}
inline int32_t count_of(uint32_t shared) { return static_cast<int32_t>(shared) >> kSharedShift; }

// Fold the local count into the shared one and give up ownership. Only the
// owner, or a thread that owns the kQueued mark of an object whose owner is
// gone, may call this. Returns the merged total.
int32_t merge_now(Object* o) {
  uint32_t local = o->ob_ref_local.load(std::memory_order_relaxed);
  o->ob_ref_local.store(0, std::memory_order_relaxed);
  o->ob_tid.store(0, std::memory_order_relaxed);
  uint32_t shared = o->ob_ref_shared.load(std::memory_order_relaxed);
  int32_t total;
  do {
    total = count_of(shared) + static_cast<int32_t>(local);
  } while (!o->ob_ref_shared.compare_exchange_weak(shared, pack(total, kSharedMerged),
                                                   std::memory_order_acq_rel));
  return total;
}

}  // namespace

namespace rc {

void dealloc(Object* o) {
  Type* t = o->ob_type;
  t->tp_dealloc(o);
}

void on_local_overflow(Object* o) { make_immortal(o); }

void merge_zero_local(Object* o) {
  // Fast case: nobody else ever touched the shared count.
  uint32_t shared = o->ob_ref_shared.load(std::memory_order_acquire);
  if (shared == 0) {
    dealloc(o);
    return;
  }
  // Others hold (or held) references: give up ownership and let the shared
  // count decide from now on. If the object sits in our merge queue, leave it:
  // the queue entry merges it (and frees it if dead) at the next safepoint, and
  // freeing it here would leave the queue holding a dangling pointer.
  // ob_tid is cleared before the CAS that publishes the merged state: once
  // that is visible, another thread's decrement may free the object, so we
  // must not touch it afterwards (a late store here was a use after free).
  int32_t total;
  for (;;) {
    if ((shared & kSharedStateMask) == kSharedQueued) return;
    total = count_of(shared);
    o->ob_tid.store(0, std::memory_order_relaxed);
    if (o->ob_ref_shared.compare_exchange_weak(shared, pack(total, kSharedMerged),
                                               std::memory_order_acq_rel))
      break;
  }
  if (total == 0) dealloc(o);
}

void decref_shared(Object* o) {
  uint32_t shared = o->ob_ref_shared.load(std::memory_order_relaxed);
  uint32_t desired;
  bool queue = false;
  for (;;) {
    uint32_t state = shared & kSharedStateMask;
    int32_t count = count_of(shared) - 1;
    queue = false;
    if (state == kSharedMerged) {
      desired = pack(count, kSharedMerged);
    } else if (count < 0 && state != kSharedQueued) {
      // We may hold the last reference, but the owner's local count also counts.
      desired = pack(count, kSharedQueued);
      queue = true;
    } else {
      desired = pack(count, state == kSharedInit ? kSharedMayHaveShared : state);
    }
    if (o->ob_ref_shared.compare_exchange_weak(shared, desired, std::memory_order_acq_rel)) break;
  }
  if ((desired & kSharedStateMask) == kSharedMerged) {
    if (count_of(desired) == 0) dealloc(o);
    return;
  }
  if (queue) {
    uint32_t owner = o->ob_tid.load(std::memory_order_relaxed);
    if (owner == 0 || !thread_enqueue_merge(owner, o)) {
      // The owner is gone: nobody writes the local count any more, and our
      // kQueued mark makes us the only merger.
      if (merge_now(o) == 0) dealloc(o);
    }
  }
}

}  // namespace rc

void thread_drain_merge_queue(ThreadState* ts) {
  std::vector<Object*> items;
  {
    std::lock_guard<std::mutex> g(ts->merge_mu);
    items.swap(ts->merge_queue);
    ts->eval_breaker.fetch_and(~kBreakMergeQueue, std::memory_order_relaxed);
  }
  for (Object* o : items) {
    if (merge_now(o) == 0) rc::dealloc(o);
  }
}

int64_t refcount_estimate(const Object* o) {
  uint32_t local = o->ob_ref_local.load(std::memory_order_relaxed);
  if (local == kImmortal) return INT64_MAX;
  return static_cast<int64_t>(local) + count_of(o->ob_ref_shared.load(std::memory_order_relaxed));
}

}  // namespace ftpy
