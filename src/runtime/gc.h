// The cycle collector (DESIGN.md §4.7; docs/free_threading.md has the design).
//
// Registry. Every instance of a kTypeHasGc type is allocated with a 16-byte
// GcHead in front of its header (heap.cpp) and linked into one of kGcLists
// circular lists, the same in release (mimalloc) and sanitizer (malloc)
// builds. List 0 is shared and guarded by its lock (threads that run no
// Python, or more threads than lists). Every other list is private to the
// thread that claimed it at attach: that thread links and unlinks its own
// objects with plain stores, no lock and no atomic read-modify-write. The
// list id of an object is 7 bits: the low four in ob_gc_bits' bits 4-7, the
// high three in the low bits of its GcHead's `next` (objects are at least
// 8-byte aligned).
//
// Freeing another list's object (a "remote free": an object made by thread A
// and freed by thread B) must not touch A's links, so B pushes the dead
// object's GcHead onto the list's lock-free remote stack (one CAS; the link
// to the next pending node is kept in the dead object's ob_type) and A
// unlinks and frees everything pending at its next tracked allocation. While
// pending, an object is dead but still on A's list; a collection or snapshot
// drains every remote stack with the world stopped before it walks the lists,
// so the collector sees each live tracked object exactly once and never sees
// a pending one (anything pushed while it walks, which only a thread that
// runs no Python could do, has a zero count and is skipped like any dying
// object).
//
// Thread exit hands the list over: under the list's lock the owner marks it
// unowned and drains its remote stack. The objects stay where they are (their
// list id never changes); while a list has no owner, frees to it take its
// lock and unlink directly, and the next thread to attach adopts the list,
// objects and all. A remote free races with the owner leaving by re-reading
// `owned` after its push (both seq_cst): either the owner's exit drain sees
// the push or the pusher sees the list unowned and drains it under the lock.
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

#include <atomic>
#include <cstdint>

#include "runtime/object.h"
#include "runtime/ref.h"

namespace ftpy {

struct ThreadState;

struct GcHead {
  // The next GcHead, with the high bits of this object's list id in its low
  // kGcHeadTagBits bits. Atomic (always relaxed) only because a remote free
  // reads the tag while the owner may rewrite the pointer part.
  std::atomic<uintptr_t> next_bits;
  GcHead* prev;
};
constexpr int kGcHeadTagBits = 3;
static_assert(sizeof(GcHead) == 16, "GcHead keeps objects 16-byte aligned");

inline GcHead* gc_head_of(Object* o) { return reinterpret_cast<GcHead*>(o) - 1; }
inline Object* gc_object_of(GcHead* h) { return reinterpret_cast<Object*>(h + 1); }
inline bool gc_is_tracked(const Object* o) { return (o->ob_gc_bits & kGcTracked) != 0; }

// heap.cpp: link a fresh object (its header initialised) / unlink one about to
// be freed (its fields released). gc_unlink returns true if the caller frees
// the memory (from its GcHead) now, false if the free is deferred to the
// owner of the object's list, which frees it.
void gc_link(Object* o);
bool gc_unlink(Object* o);

// thread_state.cpp: claim a private registry list for the calling thread
// (attached, after registration) / hand it over at exit (still attached).
void gc_thread_attach();
void gc_thread_exit();
// Child of fork(): the lists of the threads that did not survive become
// unowned (as if each had exited), and the collection lock, which one of them
// may have held, is reset.
void gc_after_fork_child();

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
