// The cycle collector (DESIGN.md §4.7; docs/free_threading.md has the design).
//
// Registry. Every instance of a kTypeHasGc type is allocated with a 16-byte
// GcHead in front of its header (heap.cpp) and linked into one of kGcShards
// circular lists. A thread links into the shard of its own thread index, so
// its lock and neighbours stay in its cache; any thread may unlink (the shard
// index sits in the object's ob_gc_bits). The lists are the same in release
// (mimalloc) and sanitizer (malloc) builds.
//
// Collection (gc_collect): with the world stopped and every shard locked,
//   1. candidates are the tracked, unfrozen, mortal objects whose count is
//      above zero (a zero count means a dealloc is under way on a suspended
//      thread: such an object is left alone and its references count as
//      external). The true count of a biased object is local + shared, which
//      stays exact while objects wait in merge queues, so no merge is needed;
//   2. gc_refs = count - references from other candidates (tp_traverse);
//   3. candidates with gc_refs > 0 are roots (held by frames, C++ locals, other
//      threads' stacks, non-candidates); everything reachable from them lives;
//   4. the rest is unreachable: the collector takes a strong reference to each
//      and detaches the weak references to them, so nothing can reach them
//      once the world restarts.
// Then, with the world running: weakref callbacks (of weakrefs that are not
// themselves garbage), finalizers (PEP 442: once per object, kGcFinalized),
// a second stopped-world pass over the unreachable set only if a finalizer
// ran (objects that a finalizer made reachable again are resurrected and left
// alone), tp_clear on the rest, and finally dropping the collector's
// references frees the cycles through ordinary reference counting (so objects
// sitting in merge queues are freed by their owner as usual).
//
// Automatic collections: allocation minus deallocation of tracked objects is
// counted per thread and flushed every kGcFlushBatch into a global count; when
// it passes threshold0 and a quarter of the objects that survived the last
// collection (so a large live heap is not rescanned for every few hundred new
// objects), the allocating thread gets kBreakGc and collects at its next
// safepoint, never inside an allocation.
//
// Thread safety: one collection at a time (g_collect_mu, taken detached by
// gc.collect(), tried by automatic collections); settings are atomics; the
// gc.callbacks / gc.garbage lists are ordinary lists with their own locks.
#pragma once

#include <cstdint>

#include "runtime/object.h"
#include "runtime/ref.h"

namespace ftpy {

struct ThreadState;

struct GcHead {
  GcHead* next;
  GcHead* prev;
};
static_assert(sizeof(GcHead) == 16, "GcHead keeps objects 16-byte aligned");

inline GcHead* gc_head_of(Object* o) { return reinterpret_cast<GcHead*>(o) - 1; }
inline Object* gc_object_of(GcHead* h) { return reinterpret_cast<Object*>(h + 1); }
inline bool gc_is_tracked(const Object* o) { return (o->ob_gc_bits & kGcTracked) != 0; }

// heap.cpp: link a fresh object (its header initialised) / unlink one about to
// be freed.
void gc_link(Object* o);
void gc_unlink(Object* o);

// Run a full collection; returns the number of unreachable objects found
// (instance __dict__s of unreachable instances are not counted, since CPython
// keeps those inline). `automatic` collections give up if one is running.
int64_t gc_collect(int generation, bool automatic);
// Safepoint handler for kBreakGc (vm/safepoint.cpp).
void gc_collect_at_safepoint(ThreadState* ts);

// gc module state.
bool gc_is_enabled();
void gc_set_enabled(bool on);
void gc_get_thresholds(int64_t out[3]);
void gc_set_thresholds(const int64_t* values, int n);  // n in 1..3
void gc_get_counts(int64_t out[3]);
int gc_get_debug();
void gc_set_debug(int flags);
// Per generation: collections, collected, uncollectable.
void gc_get_stats(int64_t out[3][3]);
// The gc.callbacks and gc.garbage lists (owned by the module, kept alive here).
void gc_set_module_lists(Value callbacks, Value garbage);

// Snapshots taken with the world stopped.
Ref<> gc_get_objects();                  // list of every tracked live object
Ref<> gc_get_referrers(Value targets);   // tuple of targets -> list of referrers
void gc_freeze();
void gc_unfreeze();
int64_t gc_get_freeze_count();

enum GcDebugFlags : int {
  kGcDebugStats = 1,
  kGcDebugCollectable = 2,
  kGcDebugUncollectable = 4,
  kGcDebugSaveAll = 32,
  kGcDebugLeak = kGcDebugCollectable | kGcDebugUncollectable | kGcDebugSaveAll,
};

}  // namespace ftpy
