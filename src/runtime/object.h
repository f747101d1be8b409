// The object header and the biased reference-counting protocol (DESIGN.md §3, §4.1).
//
// Header (24 bytes; CPython 3.14t uses 32):
//   ob_tid        index of the owning thread (1-based); 0 = no owner, the object
//                 has been "merged" and only ob_ref_shared counts.
//   ob_ref_local  the owner's count. Only the owner writes it, with plain
//                 (relaxed) stores; kImmortal marks an immortal object, and any
//                 thread may read it for that test.
//   ob_ref_shared (count << 2) | state. Other threads add and subtract here with
//                 atomics. The count is signed: it goes negative when a thread
//                 drops a reference it got from the owner.
//   ob_mutex      the per-object one-byte lock (runtime/mutex.h).
//   ob_gc_bits    collector state (GcBits below; runtime/gc.h).
//   ob_flags      kDeferred and friends.
//   ob_type       the type.
//
// Protocol. The true count is local + shared. The owner's increments and
// decrements are plain. When the owner's local count reaches zero it merges:
// it gives up ownership (tid = 0) and folds local into shared in one CAS, and the
// object dies if the sum is zero. A non-owner decrement that takes the shared
// count below zero cannot decide alone (the owner may still hold local
// references), so it marks the object kQueued and hands it to the owner's merge
// queue; the owner merges queued objects at its next safepoint. If the owner has
// exited, the thread that queued the object merges it itself (nobody else writes
// the local count any more). Once merged, the shared count alone decides death.
// Overflow of the local count makes the object immortal.
//
// Per-thread counting (DESIGN.md §4.2; docs/free_threading.md). An object
// that several threads keep taking references to (a shared function, class,
// module, dict, instance, constant tuple) would make every such incref an
// atomic add on one cache line. Such objects are switched to per-thread
// counts: ob_ref_local holds kPerThread, ob_tid holds an id (with
// kPerThreadTidBit, so it never equals a thread index), and each thread adds
// its increments and decrements to its own slot `id` of a thread-local array
// with plain stores. The true count is the shared count plus every thread's
// slot, so only the cycle collector, which sums the slots with the world
// stopped, can see it reach zero: such an object is freed by the collector,
// never by a decref. Objects are switched when sampling of
// the shared (non-owner) incref path finds them hot (rc::sample_shared), and
// the switch itself happens with the world stopped (refcount.cpp).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "runtime/value.h"

namespace ftpy {

struct Type;

// ob_flags bits.
enum ObjectFlags : uint16_t {
  kFlagStaticType = 1 << 2, // a built-in type object living in static storage
};

// ob_gc_bits. Written only while the object is private to one thread (being
// allocated, being finalized or freed, or garbage owned by the collector) or
// with the world stopped.
enum GcBits : uint8_t {
  kGcFinalized = 1 << 0,   // tp_finalize (__del__) ran: it runs at most once (PEP 442)
  kGcTracked = 1 << 1,     // allocated with a GcHead and linked in the collector's registry
  kGcCollecting = 1 << 2,  // candidate of the running collection (world stopped)
  kGcFrozen = 1 << 3,      // gc.freeze(): never a candidate
};
constexpr int kGcShardShift = 4;  // bits 4-7: the registry shard of a tracked object

// ob_ref_shared state bits.
enum SharedState : uint32_t {
  kSharedInit = 0,
  kSharedMayHaveShared = 1,  // other threads have touched the count
  kSharedQueued = 2,         // in (or handed to) a merge queue
  kSharedMerged = 3,         // owner gave up; shared count is the whole count
};
constexpr uint32_t kSharedStateMask = 3;
constexpr int kSharedShift = 2;
constexpr uint32_t kImmortal = UINT32_MAX;
constexpr uint32_t kPerThread = UINT32_MAX - 1;  // ob_ref_local of a per-thread-counted object
constexpr uint32_t kPerThreadTidBit = 1u << 31;  // ob_tid of one: the id with this bit

struct Object {
  std::atomic<uint32_t> ob_tid;
  std::atomic<uint32_t> ob_ref_local;
  std::atomic<uint32_t> ob_ref_shared;
  std::atomic<uint8_t> ob_mutex;
  uint8_t ob_gc_bits;
  uint16_t ob_flags;
  Type* ob_type;
};
static_assert(sizeof(Object) == 24, "object header must stay at 24 bytes (DESIGN.md §3)");

// The current thread's index (thread_state.cpp). Threads that are not registered
// hold kNoThreadIndex, which owns nothing, so they always take the shared path.
constexpr uint32_t kNoThreadIndex = UINT32_MAX - 1;
extern thread_local constinit uint32_t tls_thread_index;

// This thread's per-thread count slots (indexed by id) and how many it has;
// zero for a thread that runs no Python (its changes go to the shared count).
extern thread_local constinit std::atomic<int64_t>* tls_pt_counts;
extern thread_local constinit uint32_t tls_pt_cap;
// Countdown to the next sample of the shared incref path.
extern thread_local constinit uint32_t tls_rc_sample;
constexpr uint32_t kRcSampleInterval = 32;

namespace rc {
void dealloc(Object* o);            // refcount.cpp: run the type's deallocator
void decref_shared(Object* o);      // slow path of a non-owner decrement
void merge_zero_local(Object* o);   // owner's local count reached zero
void incref_local_limit(Object* o);  // ob_ref_local is kPerThread - 1
void pt_add_slow(Object* o, int64_t delta);  // per-thread count beyond this thread's slots
void sample_shared(Object* o);      // every kRcSampleInterval-th shared incref
int sample_set_of(const Object* o);  // the sampling table's set for `o` (tests)
// Finalizing from a deallocator (__del__, closing a generator, flushing a
// file): revive_for_finalizer makes the dying object alive again with one
// reference owned by this thread; end_finalizer drops that reference and
// returns true if the finalizer resurrected the object (it must not be freed).
void revive_for_finalizer(Object* o);
bool end_finalizer(Object* o);
// Weak references. A thread that reaches an object through a pointer that
// holds no reference (a weakref's referent, a referent's list of weakrefs)
// may find it with its count at zero and its deallocation under way, and
// must not take a reference then. The owner's last decrement frees at once
// when the shared count was never touched (merge_zero_local's fast path),
// which no other thread's increment can race with; so every object reachable
// that way is first marked (shared state kSharedMayHaveShared, by
// mark_weakly_reachable while the caller holds a reference), and then its
// death always goes through a CAS on the shared count that try_incref's CAS
// is ordered with: try_incref either adds its reference before the merge
// (which then keeps the object) or sees the merged zero and fails.
void mark_weakly_reachable(Object* o);
bool try_incref(Object* o);
}  // namespace rc

inline bool is_immortal(const Object* o) {
  return o->ob_ref_local.load(std::memory_order_relaxed) == kImmortal;
}

inline void make_immortal(Object* o) {
  o->ob_ref_local.store(kImmortal, std::memory_order_relaxed);
  o->ob_tid.store(0, std::memory_order_relaxed);
}

inline bool is_per_thread(const Object* o) {
  return o->ob_ref_local.load(std::memory_order_relaxed) == kPerThread;
}

// The id of a per-thread-counted object (its slot index).
inline uint32_t rc_pt_id(const Object* o) {
  return o->ob_tid.load(std::memory_order_relaxed) & ~kPerThreadTidBit;
}

inline void pt_add(Object* o, int64_t delta) {
  uint32_t id = rc_pt_id(o);
  if (id < tls_pt_cap) [[likely]] {
    // Only this thread writes its slots; the collector reads them with the
    // world stopped.
    std::atomic<int64_t>& slot = tls_pt_counts[id];
    slot.store(slot.load(std::memory_order_relaxed) + delta, std::memory_order_relaxed);
  } else {
    rc::pt_add_slow(o, delta);
  }
}

[[gnu::always_inline]] inline void incref(Object* o) {
  uint32_t local = o->ob_ref_local.load(std::memory_order_relaxed);
  // One test for the three rare counts: immortal, per-thread, and a local
  // count one short of kPerThread (whose increment would make it read as
  // per-thread).
  if (local >= kPerThread - 1) [[unlikely]] {
    if (local == kPerThread) pt_add(o, 1);
    else if (local != kImmortal) rc::incref_local_limit(o);
    return;
  }
  // The owner's path is laid out inline (GCC otherwise moved it out of line,
  // a taken jump there and back on every owned incref).
  if (o->ob_tid.load(std::memory_order_relaxed) == tls_thread_index) [[likely]] {
    o->ob_ref_local.store(local + 1, std::memory_order_relaxed);
  } else {
    o->ob_ref_shared.fetch_add(1u << kSharedShift, std::memory_order_relaxed);
    if (--tls_rc_sample == 0) [[unlikely]] rc::sample_shared(o);
  }
}

// decref's protocol with the owner's "local count reached zero" step given
// by the caller (a type that frees its own dead objects inline: float.h).
template <typename OnLocalZero>
[[gnu::always_inline]] inline void decref_with(Object* o, OnLocalZero&& on_local_zero) {
  uint32_t local = o->ob_ref_local.load(std::memory_order_relaxed);
  if (local >= kPerThread) [[unlikely]] {
    if (local == kPerThread) pt_add(o, -1);
    return;
  }
  if (o->ob_tid.load(std::memory_order_relaxed) == tls_thread_index) [[likely]] {
    --local;
    o->ob_ref_local.store(local, std::memory_order_relaxed);
    if (local == 0) on_local_zero(o);
  } else {
    rc::decref_shared(o);
  }
}

[[gnu::always_inline]] inline void decref(Object* o) { decref_with(o, rc::merge_zero_local); }

[[gnu::always_inline]] inline void incref(Value v) {
  if (v.is_obj()) incref(v.obj());
}
[[gnu::always_inline]] inline void decref(Value v) {
  if (v.is_obj()) decref(v.obj());
}

// The total count as this thread can see it (exact only when no other thread
// is changing it, and for a per-thread-counted object only when no other
// thread holds references; at least 1 for such an object). For tests,
// sys.getrefcount, liveness checks and debugging; a test for "only I hold it"
// must also check !is_per_thread.
int64_t refcount_estimate(const Object* o);

}  // namespace ftpy
