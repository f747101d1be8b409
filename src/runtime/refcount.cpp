// Slow paths of biased reference counting; the protocol is described in object.h.
#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "objects/type.h"
#include "runtime/heap.h"
#include "runtime/object.h"
#include "runtime/stop_the_world.h"
#include "runtime/thread_state.h"

namespace ftpy {

thread_local constinit std::atomic<int64_t>* tls_pt_counts = nullptr;
thread_local constinit uint32_t tls_pt_cap = 0;
thread_local constinit uint32_t tls_rc_sample = kRcSampleInterval;

namespace {

// Per-thread counting (object.h). The id table maps id -> object for every
// per-thread-counted object; free ids are reused. Both change only with the
// world stopped (switching, the collector), so an attached thread may read
// them without a lock.
std::vector<Object*>& pt_objects() {
  static auto* v = new std::vector<Object*>();
  return *v;
}
std::vector<uint32_t>& pt_free_ids() {
  static auto* v = new std::vector<uint32_t>();
  return *v;
}
// Ids stay below this so that id | kPerThreadTidBit never collides with the
// kNoThreadIndex owner of objects made by unregistered threads.
constexpr uint32_t kMaxPtIds = 1u << 30;

// Sampling of the shared incref path: a small two-way set-associative table
// per thread; an object sampled kHotSamples times without being evicted is
// hot. Two ways, because a direct-mapped table let two hot objects whose
// addresses hash to one slot evict each other at every sample, so neither was
// ever switched: lock_counter's lock and Counter instance did so in most runs
// (the worker's atomic increfs then made it 1.5x slower). A miss replaces the
// way with fewer hits, the first on a tie, so of three objects taking turns in
// one set the one in the second way stays and becomes hot. The table is
// cleared every kSampleEpoch samples, so that an entry whose object went
// cold cannot hold a way against newer objects for ever.
constexpr int kSampleSets = 16;
constexpr uint32_t kSampleEpoch = 256;  // the hash below keeps the top 4 bits
constexpr uint32_t kHotSamples = 4;
// After a switch, samples to skip before the next request (so a program whose
// shared objects change all the time does not stop the world constantly).
constexpr uint32_t kSwitchBackoff = 64;
struct Sample {
  Object* o;
  uint32_t hits;
};
thread_local Sample tls_samples[kSampleSets][2];
thread_local uint32_t tls_sample_epoch = kSampleEpoch;

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

// The trashcan. A deallocator releases what the object holds, and each
// release may free the next object from inside it (decref -> tp_dealloc ->
// decref ...), so freeing a linked list of a million instances or a list
// nested a million deep would recurse a million C++ frames and overflow the
// stack. Past kTrashDepth nested deallocations on this thread, an object whose
// count reached zero is parked on this thread's list instead of freed, and
// the outermost deallocation frees the parked objects one at a time once its
// own deallocator returned, each starting at depth 1 again (it may park more;
// newest first, so a linked list waits one node at a time). The whole chain
// is freed before the outermost decref returns; only the order of
// deallocations inside a very deep structure changes, as with CPython's
// trashcan.
//
// A parked object is in exactly the state of an object whose deallocator is
// running: its count is zero, it holds all its references, and it is private
// to this thread (we dropped its last reference). Every other path already
// treats that state as dead and keeps its hands off:
//   - no decref can reach it (nobody holds a reference), so no merge, merge
//     queue or owner-exit path sees it again;
//   - a per-thread-counted object reaches rc::dealloc only after a census
//     demoted it (its id is gone from the table), so no later census sees it;
//   - weakref_get refuses a referent whose count is zero, and its weak
//     references are cleared when its deallocator finally runs;
//   - the collector skips tracked objects whose count is zero, and counts the
//     references they hold as external, so their referents are not garbage
//     (Python code run by a deallocation, __del__ or a weakref callback, may
//     start a collection while objects are parked).
// (The weakref_death stress failures seen with the first trashcan came from
// QSBR orphans that nobody reclaimed, not from the trashcan: qsbr.cpp.)
//
// The list is a constinit thread_local array with a heap spill, so it needs
// no destructor: objects may die while thread_local objects are destroyed.
namespace {
// Deallocator frames are small (a few hundred bytes in release builds, a few
// KB under ASan), so 50 levels stay far below any thread's stack even when
// the chain starts deep in recursive Python calls. (CPython also unwinds at
// about 50.)
constexpr uint32_t kTrashDepth = 50;
constexpr size_t kTrashInline = 64;
thread_local constinit uint32_t tls_dealloc_depth = 0;
thread_local constinit Object* tls_trash_inline[kTrashInline] = {};
thread_local constinit Object** tls_trash = nullptr;  // the spill, or null
thread_local constinit size_t tls_trash_len = 0;
thread_local constinit size_t tls_trash_cap = 0;  // of the spill

Object** trash_items() { return tls_trash ? tls_trash : tls_trash_inline; }

void trash_park(Object* o) {
  size_t cap = tls_trash ? tls_trash_cap : kTrashInline;
  if (tls_trash_len == cap) {
    // std::realloc, not heap_realloc: the object is already dead, so there
    // is no MemoryError to raise; running out here is fatal.
    size_t grown_cap = cap * 2;
    auto* grown = static_cast<Object**>(std::realloc(tls_trash, grown_cap * sizeof(Object*)));
    if (!grown) {
      std::fputs("ftpy: out of memory deferring a deallocation\n", stderr);
      std::abort();
    }
    if (!tls_trash) std::copy(tls_trash_inline, tls_trash_inline + kTrashInline, grown);
    tls_trash = grown;
    tls_trash_cap = grown_cap;
  }
  trash_items()[tls_trash_len++] = o;
}

// Free what nested deallocations parked; called by the outermost one.
[[gnu::noinline]] void trash_drain() {
  tls_dealloc_depth = 1;
  while (tls_trash_len) {
    Object* o = trash_items()[--tls_trash_len];
    o->ob_type->tp_dealloc(o);
  }
  tls_dealloc_depth = 0;
  // Only very deep structures spill: give the memory back.
  std::free(tls_trash);
  tls_trash = nullptr;
  tls_trash_cap = 0;
}
}  // namespace

namespace rc {

void dealloc(Object* o) {
  if (tls_dealloc_depth >= kTrashDepth) [[unlikely]] {
    trash_park(o);
    return;
  }
  tls_dealloc_depth++;
  o->ob_type->tp_dealloc(o);
  if (--tls_dealloc_depth == 0 && tls_trash_len) [[unlikely]]
    trash_drain();
}

void incref_local_limit(Object* o) {
  // The owner's count cannot grow further: the object becomes immortal (as
  // CPython's does when its count saturates). A non-owner adds to the
  // shared count as usual.
  if (o->ob_tid.load(std::memory_order_relaxed) == tls_thread_index) {
    make_immortal(o);
  } else {
    o->ob_ref_shared.fetch_add(1u << kSharedShift, std::memory_order_relaxed);
  }
}

void merge_zero_local(Object* o) {
  // Fast case: nobody else ever touched the shared count.
  uint32_t shared = o->ob_ref_shared.load(std::memory_order_acquire);
  if (shared == 0) {
    Type* t = o->ob_type;
    if (t->flags & kTypeLeafDealloc) [[likely]] t->tp_dealloc(o);
    else dealloc(o);
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

void pt_add_slow(Object* o, int64_t delta) {
  ThreadState* ts = tls_tstate;
  uint32_t id = rc_pt_id(o);
  if (!ts || ts->pt_closed) {
    // A thread without slots (not running Python, or exiting): the shared
    // count takes it. (delta << 2 leaves the state bits alone.)
    o->ob_ref_shared.fetch_add(static_cast<uint32_t>(delta) << kSharedShift, std::memory_order_relaxed);
    return;
  }
  uint32_t cap = ts->pt_cap ? ts->pt_cap : 64;
  while (cap <= id) cap *= 2;
  auto* grown = static_cast<std::atomic<int64_t>*>(heap_alloc(sizeof(std::atomic<int64_t>) * cap));
  for (uint32_t i = 0; i < cap; i++)
    new (&grown[i]) std::atomic<int64_t>(i < ts->pt_cap ? ts->pt_counts[i].load(std::memory_order_relaxed) : 0);
  // The collector reads the slots only with the world stopped, and this
  // thread is attached (not at a safepoint), so no one sees the swap.
  if (ts->pt_counts) heap_free(ts->pt_counts);
  ts->pt_counts = tls_pt_counts = grown;
  ts->pt_cap = tls_pt_cap = cap;
  grown[id].store(grown[id].load(std::memory_order_relaxed) + delta, std::memory_order_relaxed);
}

void sample_shared(Object* o) {
  tls_rc_sample = kRcSampleInterval;
  ThreadState* ts = tls_tstate;
  if (!ts || ts->pt_closed) return;
  if (ts->pt_backoff) {
    ts->pt_backoff--;
    return;
  }
  // Eligible: objects whose death runs no finalizer, so that freeing them at
  // a collection instead of at their last decref changes nothing visible but
  // the timing of weakref callbacks. (The collector finds dead ones through
  // the id table, tracked or not.)
  Type* t = o->ob_type;
  if (t->tp_finalize) return;
  if (--tls_sample_epoch == 0) {
    tls_sample_epoch = kSampleEpoch;
    for (auto& ways : tls_samples) ways[0] = ways[1] = Sample{nullptr, 0};
  }
  Sample* set = tls_samples[sample_set_of(o)];
  Sample* hit = set[0].o == o ? &set[0] : set[1].o == o ? &set[1] : nullptr;
  if (!hit) {
    Sample& victim = set[1].hits < set[0].hits ? set[1] : set[0];
    victim.o = o;
    victim.hits = 1;
    return;
  }
  Sample& s = *hit;
  if (++s.hits < kHotSamples) return;
  s = Sample{nullptr, 0};
  incref(o);  // held until the switch (shared path: we are not the owner)
  ts->pt_requests.push_back(o);
  ts->eval_breaker.fetch_or(kBreakPerThreadRc, std::memory_order_relaxed);
}

int sample_set_of(const Object* o) {
  static_assert(kSampleSets == 16);
  return static_cast<int>(((reinterpret_cast<uintptr_t>(o) >> 4) * 0x9E3779B97F4A7C15ull) >> 60);
}

void mark_weakly_reachable(Object* o) {
  uint32_t untouched = 0;
  o->ob_ref_shared.compare_exchange_strong(untouched, kSharedMayHaveShared, std::memory_order_relaxed);
}

bool try_incref(Object* o) {
  uint32_t local = o->ob_ref_local.load(std::memory_order_relaxed);
  // Immortal and per-thread-counted objects are freed only by the collector,
  // with the world stopped; the owner's own count is its to read.
  if (local >= kPerThread - 1 || (local > 0 && o->ob_tid.load(std::memory_order_relaxed) == tls_thread_index)) {
    incref(o);
    return true;
  }
  uint32_t shared = o->ob_ref_shared.load(std::memory_order_relaxed);
  for (;;) {
    uint32_t state = shared & kSharedStateMask;
    if (state == kSharedMerged && count_of(shared) <= 0) return false;  // being freed
    uint32_t desired = pack(count_of(shared) + 1, state == kSharedInit ? kSharedMayHaveShared : state);
    if (o->ob_ref_shared.compare_exchange_weak(shared, desired, std::memory_order_acq_rel)) return true;
  }
}

void revive_for_finalizer(Object* o) {
  o->ob_ref_local.store(1, std::memory_order_relaxed);
  o->ob_tid.store(tls_thread_index, std::memory_order_relaxed);
  o->ob_ref_shared.store(0, std::memory_order_relaxed);
}

bool end_finalizer(Object* o) {
  // Only our reference: it dies. The CAS to a merged zero makes a concurrent
  // try_incref (a weakref dereferenced during __del__) fail from here on.
  uint32_t untouched = 0;
  if (o->ob_ref_local.load(std::memory_order_relaxed) == 1 &&
      o->ob_ref_shared.compare_exchange_strong(untouched, pack(0, kSharedMerged), std::memory_order_acq_rel)) {
    o->ob_ref_local.store(0, std::memory_order_relaxed);
    o->ob_tid.store(0, std::memory_order_relaxed);
    return false;
  }
  decref(o);  // resurrected: drop ours; the other holders keep it alive
  return true;
}

}  // namespace rc

namespace {

// Every registered thread, with the world stopped (threads may still
// register, suspended, so the registry lock is taken).
template <typename F>
void thread_for_each_stopped(F&& fn) {
  std::lock_guard<std::mutex> g(runtime_mutex());
  thread_for_each_locked(fn);
}

void remove_from_merge_queue_stopped(Object* o) {
  uint32_t owner = o->ob_tid.load(std::memory_order_relaxed);
  thread_for_each_stopped([&](ThreadState* t) {
    if (t->index != owner) return;
    std::lock_guard<std::mutex> g(t->merge_mu);
    std::erase(t->merge_queue, o);
  });
}

// With the world stopped: give `o` an id and per-thread counts.
void switch_to_per_thread(Object* o) {
  uint32_t local = o->ob_ref_local.load(std::memory_order_relaxed);
  if (local >= kPerThread) return;  // immortal, or switched already
  uint32_t shared = o->ob_ref_shared.load(std::memory_order_relaxed);
  // Sitting in its owner's merge queue (a non-owner's decrement took the
  // shared count below zero; the owner may be blocked for a long time, as a
  // main thread in join() is): take it out, the switch merges it.
  if ((shared & kSharedStateMask) == kSharedQueued) remove_from_merge_queue_stopped(o);
  int64_t total = count_of(shared) + ((shared & kSharedStateMask) == kSharedMerged ? 0 : local);
  uint32_t id;
  if (!pt_free_ids().empty()) {
    id = pt_free_ids().back();
    pt_free_ids().pop_back();
    pt_objects()[id] = o;
  } else {
    if (pt_objects().size() >= kMaxPtIds) return;
    id = static_cast<uint32_t>(pt_objects().size());
    pt_objects().push_back(o);
  }
  o->ob_ref_shared.store(pack(static_cast<int32_t>(total), kSharedMerged), std::memory_order_relaxed);
  o->ob_tid.store(id | kPerThreadTidBit, std::memory_order_relaxed);
  o->ob_ref_local.store(kPerThread, std::memory_order_relaxed);
}

// Per-thread-counted objects die only at a census (object.h). A collection
// takes one; so does a switch once the live ids have doubled since the last
// census, so that dead objects cannot pile up without bound while the
// collector is disabled (gc.disable()) or idle. Touched with the world stopped.
constexpr size_t kMinCensusIds = 256;
size_t g_census_at = kMinCensusIds;

size_t live_ids_stopped() { return pt_objects().size() - pt_free_ids().size(); }

void census_if_due_stopped(PerThreadCensus* census) {
  if (live_ids_stopped() >= g_census_at) rc_census_stopped(census);
}

// Zero slot `id` in every registered thread (world stopped).
void clear_slots_stopped(uint32_t id) {
  thread_for_each_stopped([id](ThreadState* t) {
    if (id < t->pt_cap) t->pt_counts[id].store(0, std::memory_order_relaxed);
  });
}

// Switch objs[0..n) with the world stopped (taking a census if one is due),
// then free the objects that census found dead.
void switch_objects(Object* const* objs, size_t n) {
  PerThreadCensus census;
  {
    StopTheWorld stw;
    for (size_t i = 0; i < n; i++) switch_to_per_thread(objs[i]);
    census_if_due_stopped(&census);
  }
  for (Object* d : census.dead) decref(d);  // their last reference
}

}  // namespace

void rc_make_per_thread(Object* o) { switch_objects(&o, 1); }

void rc_switch_requested(ThreadState* ts) {
  ts->eval_breaker.fetch_and(~kBreakPerThreadRc, std::memory_order_relaxed);
  std::vector<Object*> items;
  items.swap(ts->pt_requests);
  if (items.empty()) return;
  switch_objects(items.data(), items.size());
  ts->pt_backoff = kSwitchBackoff;
  for (Object* o : items) decref(o);
}

namespace {
// Fold ts's slots into the shared counts; from then on pt_add_slow sends
// that thread's changes (if it still runs) to the shared count directly.
void fold_slots(ThreadState* ts) {
  for (Object* o : ts->pt_requests) decref(o);
  ts->pt_requests.clear();
  for (uint32_t id = 0; id < ts->pt_cap; id++) {
    int64_t d = ts->pt_counts[id].load(std::memory_order_relaxed);
    if (d != 0)
      pt_objects()[id]->ob_ref_shared.fetch_add(static_cast<uint32_t>(d) << kSharedShift, std::memory_order_relaxed);
  }
  ts->pt_closed = true;
  if (ts->pt_counts) heap_free(ts->pt_counts);
  ts->pt_counts = nullptr;
  ts->pt_cap = 0;
}
}  // namespace

void rc_thread_exit(ThreadState* ts) {
  fold_slots(ts);
  tls_pt_counts = nullptr;
  tls_pt_cap = 0;
}

void rc_fold_gone_thread(ThreadState* ts) { fold_slots(ts); }

void rc_demote_stopped(Object* o, int64_t total) {
  uint32_t id = rc_pt_id(o);
  clear_slots_stopped(id);
  pt_objects()[id] = nullptr;
  pt_free_ids().push_back(id);
  o->ob_ref_shared.store(pack(static_cast<int32_t>(total), kSharedMerged), std::memory_order_relaxed);
  o->ob_ref_local.store(0, std::memory_order_relaxed);
  o->ob_tid.store(0, std::memory_order_relaxed);
}

bool rc_has_per_thread_objects() { return pt_objects().size() > pt_free_ids().size(); }

void rc_census_stopped(PerThreadCensus* census) {
  std::vector<Object*>& objs = pt_objects();
  census->totals.assign(objs.size(), 0);
  for (uint32_t id = 0; id < objs.size(); id++)
    if (objs[id]) census->totals[id] = count_of(objs[id]->ob_ref_shared.load(std::memory_order_relaxed));
  thread_for_each_stopped([&](ThreadState* t) {
    uint32_t n = std::min<uint32_t>(t->pt_cap, static_cast<uint32_t>(objs.size()));
    for (uint32_t id = 0; id < n; id++) census->totals[id] += t->pt_counts[id].load(std::memory_order_relaxed);
  });
  for (uint32_t id = 0; id < objs.size(); id++) {
    if (!objs[id] || census->totals[id] != 0) continue;
    Object* o = objs[id];
    rc_demote_stopped(o, 1);  // the reference the caller now holds
    census->dead.push_back(o);
  }
  g_census_at = std::max(kMinCensusIds, 2 * live_ids_stopped());
}

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
  if (local == kPerThread) {
    // The shared part plus this thread's slot: exact only with one thread.
    // At least 1: such an object is never being deallocated (the collector
    // turns it back into an ordinary one first), so callers that take a
    // count of zero for "dying" (weakrefs, heap snapshots) must see it alive.
    uint32_t id = rc_pt_id(o);
    int64_t mine = id < tls_pt_cap ? tls_pt_counts[id].load(std::memory_order_relaxed) : 0;
    return std::max<int64_t>(1, count_of(o->ob_ref_shared.load(std::memory_order_relaxed)) + mine);
  }
  return static_cast<int64_t>(local) + count_of(o->ob_ref_shared.load(std::memory_order_relaxed));
}

}  // namespace ftpy
