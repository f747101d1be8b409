// The cycle collector; the design is described at the top of gc.h.
#include "runtime/gc.h"

#include <sched.h>

#include <atomic>
#include <cstring>
#include <mutex>
#include <vector>

#include "objects/dict.h"
#include "objects/instance_values.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/weakref.h"
#include "runtime/heap.h"
#include "runtime/parking_lot.h"
#include "runtime/stop_the_world.h"
#include "runtime/thread_state.h"

namespace ftpy {

namespace {

constexpr uint32_t kGcLists = 1u << ((8 - kGcShardShift) + kGcHeadTagBits);
constexpr uint32_t kSharedList = 0;
constexpr uint32_t kNoList = kGcLists;  // tls_gc_list of a thread without a private list
constexpr uintptr_t kTagMask = (uintptr_t{1} << kGcHeadTagBits) - 1;
constexpr int32_t kGcFlushBatch = 32;

// The lock of one registry list: list 0's for every link and unlink, a
// private list's only when it changes hands or has no owner, and all of them
// while the collector walks. Held for a few stores, so a test-and-set lock
// (one exchange to acquire, a plain store to release) is enough. Waiters spin
// briefly, then yield (a collection holds every lock with the world stopped;
// only a thread that runs no Python could wait then).
class ListLock {
 public:
  void lock() {
    while (locked_.exchange(true, std::memory_order_acquire)) {
      for (int spins = 0; locked_.load(std::memory_order_relaxed); spins++) {
        if (spins >= 64) {
          sched_yield();
        } else {
#if defined(__x86_64__) || defined(__i386__)
          __builtin_ia32_pause();
#endif
        }
      }
    }
  }
  void unlock() { locked_.store(false, std::memory_order_release); }
  void reset() { locked_.store(false, std::memory_order_relaxed); }  // child of fork()

 private:
  std::atomic<bool> locked_;  // static storage: starts false before any initialiser runs
};

// One registry list (gc.h). The links are the owner's (plain stores), or the
// lock holder's while the list has no owner, or the collector's with the
// world stopped. The remote side (`owned`, `remote`) sits on its own cache
// line, so other threads' frees do not bounce the owner's links. The sentinel
// is set up on first use (static storage starts zeroed, and gc_link may run
// before any initialiser of this file).
struct alignas(64) GcList {
  GcHead head;
  ListLock mu;
  alignas(64) std::atomic<bool> owned;      // a live thread owns the list (changes under mu)
  std::atomic<GcHead*> remote;              // pending remote frees, linked through ob_type
};
GcList g_lists[kGcLists];

// The calling thread's private list (kNoList: none, it uses the shared list).
thread_local constinit uint32_t tls_gc_list = kNoList;

inline GcHead* untag(uintptr_t bits) { return reinterpret_cast<GcHead*>(bits & ~kTagMask); }
inline GcHead* next_of(const GcHead* h) { return untag(h->next_bits.load(std::memory_order_relaxed)); }

inline uint32_t list_id_of(const Object* o) {
  uintptr_t tag = gc_head_of(const_cast<Object*>(o))->next_bits.load(std::memory_order_relaxed) & kTagMask;
  return (o->ob_gc_bits >> kGcShardShift) | static_cast<uint32_t>(tag << (8 - kGcShardShift));
}

void list_init(GcList& l) {
  if (!l.head.prev) {
    l.head.next_bits.store(reinterpret_cast<uintptr_t>(&l.head), std::memory_order_relaxed);
    l.head.prev = &l.head;
  }
}

// Link `o` at the front of list `id` (the caller may write its links).
inline void link_node(GcList& l, uint32_t id, Object* o) {
  o->ob_gc_bits = static_cast<uint8_t>(kGcTracked | ((id & 0xf) << kGcShardShift));
  GcHead* h = gc_head_of(o);
  GcHead* first = next_of(&l.head);
  h->next_bits.store(reinterpret_cast<uintptr_t>(first) | (id >> (8 - kGcShardShift)), std::memory_order_relaxed);
  h->prev = &l.head;
  first->prev = h;
  l.head.next_bits.store(reinterpret_cast<uintptr_t>(h), std::memory_order_relaxed);  // the sentinel's tag is 0
}

// Each node keeps its own tag when its successor changes.
inline void unlink_node(GcHead* h) {
  GcHead* prev = h->prev;
  GcHead* next = next_of(h);
  uintptr_t prev_tag = prev->next_bits.load(std::memory_order_relaxed) & kTagMask;
  prev->next_bits.store(reinterpret_cast<uintptr_t>(next) | prev_tag, std::memory_order_relaxed);
  next->prev = prev;
}

// A pending node's object is dead: its type pointer holds the stack link.
inline void set_pending_link(GcHead* h, GcHead* next) {
  std::memcpy(&gc_object_of(h)->ob_type, &next, sizeof next);
}
inline GcHead* pending_link(GcHead* h) {
  GcHead* next;
  std::memcpy(&next, &gc_object_of(h)->ob_type, sizeof next);
  return next;
}

// Unlink and free everything pending on `l`'s remote stack. The caller may
// write l's links (owner, lock holder of an unowned list, or the collector).
// Out of line, like every slow path here, so that gc_link and gc_unlink stay
// leaf functions that save no registers.
[[gnu::noinline]] void drain_remote(GcList& l) {
  GcHead* h = l.remote.exchange(nullptr, std::memory_order_acquire);
  while (h) {
    GcHead* next = pending_link(h);
    unlink_node(h);
    heap_free(h);
    h = next;
  }
}

std::atomic<bool> g_enabled{true};
// CPython 3.13+ defaults (3.11 used 700 for the first threshold).
std::atomic<int64_t> g_thresholds[3] = {2000, 10, 10};
std::atomic<int> g_debug{0};
// Tracked allocations minus deallocations since the last collection.
std::atomic<int64_t> g_young{0};
// Objects that survived the last collection.
std::atomic<int64_t> g_long_lived{0};
std::atomic<int64_t> g_stats[3][3] = {};  // [generation][collections, collected, uncollectable]
thread_local int32_t tls_alloc_delta = 0;
thread_local bool tls_collecting = false;

Mutex g_collect_mu;  // one collection (or heap snapshot) at a time
// gc.callbacks and gc.garbage (owned; set once when the module is created,
// possibly while another thread collects).
std::atomic<Object*> g_callbacks{nullptr};
std::atomic<Object*> g_garbage{nullptr};

// --- the registry ---------------------------------------------------------------

void note_young(int32_t delta) {
  int64_t young = g_young.fetch_add(delta, std::memory_order_relaxed) + delta;
  if (delta <= 0 || tls_collecting) return;
  int64_t t0 = g_thresholds[0].load(std::memory_order_relaxed);
  if (t0 <= 0 || young <= t0 || !g_enabled.load(std::memory_order_relaxed)) return;
  if (young <= g_long_lived.load(std::memory_order_relaxed) / 4) return;
  if (ThreadState* ts = tstate()) ts->eval_breaker.fetch_or(kBreakGc, std::memory_order_relaxed);
}

template <typename F>
void for_each_tracked_locked(F&& fn) {
  for (GcList& l : g_lists) {
    for (GcHead* h = next_of(&l.head); h != &l.head; h = next_of(h)) fn(gc_object_of(h));
  }
}

// The world is stopped by the caller: owners are at safepoints, never inside
// a link or unlink. Taking every list lock as well excludes threads that run
// no Python and owner changes, and makes the walk visibly ordered for
// ThreadSanitizer after unowned-list frees. Pending remote frees are dead:
// they are unlinked and freed here, before any walk.
class ListsLocked {
 public:
  ListsLocked() {
    for (GcList& l : g_lists) {
      l.mu.lock();
      list_init(l);
      drain_remote(l);
    }
  }
  ~ListsLocked() {
    for (GcList& l : g_lists) l.mu.unlock();
  }
  ListsLocked(const ListsLocked&) = delete;
  ListsLocked& operator=(const ListsLocked&) = delete;
};

// While the world is stopped for a marking, a candidate's GcHead `prev` link
// holds its gc_refs times two, plus one once it is known reachable (walks use
// only `next`; restore_prev_links_and_clear_marks_locked puts the links
// back). Keeping the count in the head, next to the header that
// is_candidate reads anyway, makes each edge the traversal follows touch one
// object instead of also a slot of a side array.
inline intptr_t mark_word(Object* o) { return reinterpret_cast<intptr_t>(gc_head_of(o)->prev); }
inline void set_mark_word(Object* o, intptr_t w) { gc_head_of(o)->prev = reinterpret_cast<GcHead*>(w); }
inline bool is_reachable(Object* o) { return mark_word(o) & 1; }
inline int64_t gc_refs(Object* o) { return mark_word(o) >> 1; }

// Also clears kGcCollecting on every object it passes (every candidate is on
// a list), so that ending a marking is one walk over the heap, not a walk
// plus a pass over the candidates.
inline void relink_and_unmark(GcHead* h, GcHead* prev) {
  h->prev = prev;
  gc_object_of(h)->ob_gc_bits &= static_cast<uint8_t>(~kGcCollecting);
}

void restore_prev_links_and_clear_marks_locked() {
  for (GcList& l : g_lists) {
    GcHead* prev = &l.head;
    for (GcHead* h = next_of(&l.head); h != &l.head; h = next_of(h)) {
      relink_and_unmark(h, prev);
      prev = h;
    }
    l.head.prev = prev;
  }
}

// --- reachability ---------------------------------------------------------------

struct Marking {
  std::vector<Object*> cands;
  std::vector<Object*> stack;
  // collect_locked only: every registry node in walk order, and where each
  // list's nodes end in it (restore_links_from_walk).
  std::vector<GcHead*> walk;
  std::vector<size_t> list_ends;
};

inline bool is_candidate(Value v) { return v.is_obj() && (v.obj()->ob_gc_bits & kGcCollecting); }

void visit_subtract(Value v, void*) {
  if (is_candidate(v)) set_mark_word(v.obj(), mark_word(v.obj()) - 2);
}

inline void mark_and_push(Marking& m, Object* o) {
  set_mark_word(o, mark_word(o) | 1);
  m.stack.push_back(o);
}

void visit_mark(Value v, void* arg) {
  if (!is_candidate(v) || is_reachable(v.obj())) return;
  mark_and_push(*static_cast<Marking*>(arg), v.obj());
}

void add_candidate(Marking& m, Object* o, int64_t refs) {
  o->ob_gc_bits |= kGcCollecting;
  set_mark_word(o, static_cast<intptr_t>(refs) * 2);
  m.cands.push_back(o);
}

// Steps 2 and 3 of gc.h: subtract internal references, then mark everything
// reachable from a candidate that is referenced from outside.
// The heap is far bigger than the caches, and the stack pops objects long
// after they were pushed (a list's items are all pushed, then traversed one
// by one), so each pop fetches the header of an object kPrefetchAhead entries
// further down the stack: it is usually the one traversed a few pops later.
constexpr size_t kPrefetchAhead = 8;

void mark_reachable(Marking& m) {
  size_t n = m.cands.size();
  for (size_t i = 0; i < n; i++) {
    if (i + kPrefetchAhead < n) __builtin_prefetch(m.cands[i + kPrefetchAhead]);
    Object* o = m.cands[i];
    if (TraverseFn tr = o->ob_type->tp_traverse) tr(o, visit_subtract, &m);
  }
  for (Object* o : m.cands)
    if (gc_refs(o) > 0 && !is_reachable(o)) mark_and_push(m, o);
  while (!m.stack.empty()) {
    Object* o = m.stack.back();
    m.stack.pop_back();
    if (m.stack.size() > kPrefetchAhead) __builtin_prefetch(m.stack[m.stack.size() - kPrefetchAhead]);
    if (TraverseFn tr = o->ob_type->tp_traverse) tr(o, visit_mark, &m);
  }
}

// The same from the nodes recorded by collect_locked's walk: a pass over an
// array, whose loads the CPU can issue ahead (and we prefetch), instead of a
// second pointer chase through the whole heap. Valid only while no node was
// linked or unlinked since the walk (the world is stopped, the lists locked,
// and nothing in between frees or allocates a tracked object).
void restore_links_from_walk(const Marking& m) {
  size_t i = 0;
  for (uint32_t id = 0; id < kGcLists; id++) {
    GcList& l = g_lists[id];
    GcHead* prev = &l.head;
    for (size_t end = m.list_ends[id]; i < end; i++) {
      if (i + kPrefetchAhead < end) __builtin_prefetch(m.walk[i + kPrefetchAhead]);
      GcHead* h = m.walk[i];
      relink_and_unmark(h, prev);
      prev = h;
    }
    l.head.prev = prev;
  }
}

// The marking of collect_locked, kept between collections (under
// g_collect_mu): its arrays grow to the heap's size once instead of at every
// collection, where reallocating and faulting in fresh pages took about 10%
// of float.py's time.
Marking g_marking;

// CPython stores the attributes of plain instances inline and never counts a
// __dict__ it did not have to create. So does ftpy while an instance keeps a
// values array (objects/instance_values.h); for one whose attributes are in a
// dict (made on demand, or of a class whose base keeps no values), not
// counting the instance when its dict is garbage too keeps gc.collect()'s
// result CPython's.
bool is_inline_dict_of_garbage(Object* o) {
  Type* t = o->ob_type;
  if (!(t->flags & kTypeHeapType) || !t->dict_offset) return false;
  Type* solid = t;
  while (solid && (solid->flags & kTypeHeapType)) solid = solid->base;
  if (solid && solid->dict_offset) return false;  // the base keeps a real dict
  Value* slot = instance_dict_slot_raw(Value(o));
  // (A values array is no object: nothing to discount.)
  if (!slot || slot_holds_values(slot->bits()) || !is_candidate(*slot)) return false;
  return !is_reachable(slot->obj());
}

bool weakref_survives(Object* w) {
  // A weak reference that is garbage itself never calls its callback.
  if (!(w->ob_gc_bits & kGcCollecting)) return true;
  return is_reachable(w);
}

// --- the phases -----------------------------------------------------------------

void invoke_callbacks(const char* phase, int generation, int64_t collected, int64_t uncollectable) {
  Object* callbacks = g_callbacks.load(std::memory_order_acquire);
  if (!callbacks || list_size(Value(callbacks)) == 0) return;
  Ref<> saved = err_fetch();
  Ref<> snapshot = list_as_tuple(Value(callbacks));
  Ref<> info = dict_new();
  Ref<> ph = str_from_ascii(phase);
  if (!snapshot || !info || !ph || dict_set_item_str(info.val(), "generation", Value::small(generation)) < 0 ||
      dict_set_item_str(info.val(), "collected", Value::small(collected)) < 0 ||
      dict_set_item_str(info.val(), "uncollectable", Value::small(uncollectable)) < 0) {
    err_write_unraisable("Exception ignored in garbage collector", Value());
    err_restore(std::move(saved));
    return;
  }
  for (int64_t i = 0; i < tuple_size(snapshot.val()); i++) {
    Value cb = tuple_item(snapshot.val(), i);
    Ref<> r = call2(cb, ph.val(), info.val());
    if (!r) err_write_unraisable("Exception ignored in garbage collector", cb);
  }
  err_restore(std::move(saved));
}

void run_weakref_callbacks(std::vector<Ref<>>& refs) {
  for (Ref<>& w : refs) {
    Value cb = w.val().as<WeakRef>()->callback;
    if (cb.is_null()) continue;
    Ref<> saved = err_fetch();
    Ref<> res = call1(cb, w.val());
    if (!res) err_write_unraisable("Exception ignored while calling weakref callback", cb);
    err_restore(std::move(saved));
  }
  refs.clear();
}

// Runs each finalizer once (PEP 442); true if any ran. The tracking lists
// hold the newest object first, so `garbage` is walked backwards: oldest
// first, the order CPython runs finalizers of a cycle in.
bool run_finalizers(std::vector<Ref<>>& garbage) {
  bool ran = false;
  for (auto it = garbage.rbegin(); it != garbage.rend(); ++it) {
    Object* o = it->get();
    DeallocFn fin = o->ob_type->tp_finalize;
    if (!fin || (o->ob_gc_bits & kGcFinalized)) continue;
    o->ob_gc_bits |= kGcFinalized;
    fin(o);
    ran = true;
  }
  return ran;
}

// After finalizers ran: keep in `garbage` only what is still unreachable; the
// collector's own reference (one per object) is not an outside reference.
void drop_resurrected(std::vector<Ref<>>& garbage) {
  std::vector<Ref<>> resurrected;
  {
    StopTheWorld stw;
    ListsLocked locked;
    Marking m;
    m.cands.reserve(garbage.size());
    for (Ref<>& g : garbage) add_candidate(m, g.get(), refcount_estimate(g.get()) - 1);
    mark_reachable(m);
    std::vector<Ref<>> still;
    for (size_t i = 0; i < garbage.size(); i++)
      (is_reachable(m.cands[i]) ? resurrected : still).push_back(std::move(garbage[i]));
    garbage.swap(still);
    restore_prev_links_and_clear_marks_locked();
  }
  // Dropped with the world running: these may be the last references.
}

// Per-thread-counted objects (object.h) die only here. Free the dead ones
// before looking for cycles, and again while that frees more of them (one
// held only by another), so that a cycle hanging from one is found by this
// collection, as it would be if the object had died at its last decref.
void free_dead_per_thread_objects() {
  while (rc_has_per_thread_objects()) {
    PerThreadCensus census;
    {
      StopTheWorld stw;
      rc_census_stopped(&census);
    }
    if (census.dead.empty()) return;
    for (Object* o : census.dead) decref(o);  // their last reference
  }
}

int64_t collect_locked(int generation) {
  free_dead_per_thread_objects();
  std::vector<Ref<>> garbage;
  std::vector<Ref<>> weak_callbacks;
  int64_t found = 0;
  int64_t scanned = 0;
  PerThreadCensus census;
  {
    StopTheWorld stw;
    // The true counts of per-thread-counted objects (any that died since the
    // pass above are freed below like any last reference).
    rc_census_stopped(&census);
    ListsLocked locked;
    Marking& m = g_marking;
    m.cands.clear();
    m.stack.clear();
    m.walk.clear();
    m.list_ends.clear();
    for (GcList& l : g_lists) {
      for (GcHead* h = next_of(&l.head); h != &l.head; h = next_of(h)) {
        m.walk.push_back(h);
        Object* o = gc_object_of(h);
        if (o->ob_gc_bits & kGcFrozen || is_immortal(o)) continue;
        int64_t rc = is_per_thread(o) ? census.totals[rc_pt_id(o)] : refcount_estimate(o);
        if (rc > 0) add_candidate(m, o, rc);
      }
      m.list_ends.push_back(m.walk.size());
    }
    scanned = static_cast<int64_t>(m.cands.size());
    mark_reachable(m);
    for (Object* c : m.cands) {
      if (is_reachable(c)) continue;
      // Garbage is freed by ordinary counting once the collector drops it.
      if (is_per_thread(c)) rc_demote_stopped(c, census.totals[rc_pt_id(c)]);
      garbage.push_back(Ref<>::borrow(Value(c)));
      if (!is_inline_dict_of_garbage(c)) found++;
    }
    // Nothing may reach the garbage once the world runs again: detach the
    // weak references to it now.
    for (Ref<>& g : garbage) weakref_detach_for_gc(g.get(), weakref_survives, &weak_callbacks);
    restore_links_from_walk(m);
    // Keep the arrays for the next collection unless they are far bigger
    // than this one needed (the heap shrank).
    if (m.walk.capacity() > 4 * m.walk.size() + 4096) {
      std::vector<Object*>().swap(m.cands);
      std::vector<Object*>().swap(m.stack);
      std::vector<GcHead*>().swap(m.walk);
    }
  }
  for (Object* o : census.dead) decref(o);  // their last reference
  census.dead.clear();
  g_young.store(0, std::memory_order_relaxed);
  g_long_lived.store(scanned - static_cast<int64_t>(garbage.size()), std::memory_order_relaxed);

  run_weakref_callbacks(weak_callbacks);
  if (run_finalizers(garbage)) drop_resurrected(garbage);
  Object* saved_list = g_garbage.load(std::memory_order_acquire);
  if ((g_debug.load(std::memory_order_relaxed) & kGcDebugSaveAll) && saved_list) {
    for (Ref<>& g : garbage)
      if (list_append(Value(saved_list), g.val()) < 0) err_write_unraisable("Exception ignored in garbage collector", Value());
  } else {
    for (Ref<>& g : garbage)
      if (ClearFn clear = g.get()->ob_type->tp_clear) clear(g.get());
  }
  garbage.clear();  // the last references: the cycles are freed here

  g_stats[generation][0].fetch_add(1, std::memory_order_relaxed);
  g_stats[generation][1].fetch_add(found, std::memory_order_relaxed);
  return found;
}

// Snapshot helper: `fn` runs for every live tracked object with the world
// stopped and the registry locked; it must not allocate tracked objects.
// A gc.callbacks callback of this thread's collection already holds the lock.
template <typename F>
void with_world_stopped(F&& fn) {
  bool take = !tls_collecting;
  if (take) g_collect_mu.lock_detached();
  {
    StopTheWorld stw;
    ListsLocked locked;
    for_each_tracked_locked(fn);
  }
  if (take) g_collect_mu.unlock();
}

}  // namespace

// --- registry entry points (heap.cpp) ---------------------------------------------

namespace {

[[gnu::noinline]] void flush_alloc_delta() {
  note_young(tls_alloc_delta);
  tls_alloc_delta = 0;
}

inline void count_alloc(int32_t delta) {
  int32_t d = tls_alloc_delta + delta;
  tls_alloc_delta = d;
  if (static_cast<uint32_t>(d + kGcFlushBatch - 1) >= 2 * kGcFlushBatch - 1) [[unlikely]] flush_alloc_delta();
}

// gc_unlink of an object on a list that is not the caller's. Returns true if
// the caller frees the memory.
[[gnu::noinline]] bool unlink_remote(Object* o) {
  count_alloc(-1);
  uint32_t id = list_id_of(o);
  GcHead* h = gc_head_of(o);
  GcList& l = g_lists[id];
  for (;;) {
    if (id != kSharedList && l.owned.load(std::memory_order_seq_cst)) {
      GcHead* top = l.remote.load(std::memory_order_relaxed);
      do {
        set_pending_link(h, top);
      } while (!l.remote.compare_exchange_weak(top, h, std::memory_order_seq_cst, std::memory_order_relaxed));
      if (l.owned.load(std::memory_order_seq_cst)) return false;  // the owner (or a collection) frees it
      // The owner left meanwhile, and its exit drain may have missed our node.
      std::lock_guard<ListLock> g(l.mu);
      if (!l.owned.load(std::memory_order_relaxed)) drain_remote(l);
      return false;
    }
    std::lock_guard<ListLock> g(l.mu);
    if (id == kSharedList || !l.owned.load(std::memory_order_relaxed)) {
      unlink_node(h);
      return true;
    }
    // Adopted by a new thread since we looked: push instead.
  }
}

}  // namespace

// --- registry entry points (heap.cpp, thread_state.cpp) ---------------------------

namespace {
// gc_link without a private list, or with remote frees to drain first.
[[gnu::noinline]] void link_slow(Object* o) {
  uint32_t id = tls_gc_list;
  if (id == kNoList) {
    GcList& l = g_lists[kSharedList];
    std::lock_guard<ListLock> g(l.mu);
    list_init(l);
    link_node(l, kSharedList, o);
  } else {
    drain_remote(g_lists[id]);
    link_node(g_lists[id], id, o);
  }
  count_alloc(1);
}
}  // namespace

void gc_link(Object* o) {
  uint32_t id = tls_gc_list;
  if (id == kNoList || g_lists[id].remote.load(std::memory_order_relaxed)) [[unlikely]]
    return link_slow(o);
  link_node(g_lists[id], id, o);
  count_alloc(1);
}

bool gc_unlink(Object* o) {
  uint32_t id = list_id_of(o);
  if (id != tls_gc_list) [[unlikely]] return unlink_remote(o);
  unlink_node(gc_head_of(o));
  count_alloc(-1);
  return true;
}

void gc_thread_attach() {
  // Prefer a list left by an exited thread or never used; list 0 is shared.
  for (uint32_t id = 1; id < kGcLists; id++) {
    GcList& l = g_lists[id];
    if (l.owned.load(std::memory_order_relaxed)) continue;
    std::lock_guard<ListLock> g(l.mu);
    if (l.owned.load(std::memory_order_relaxed)) continue;
    list_init(l);
    l.owned.store(true, std::memory_order_seq_cst);
    tls_gc_list = id;
    return;
  }
  // More live threads than lists: this one shares list 0.
}

void gc_thread_exit() {
  if (tls_alloc_delta != 0) flush_alloc_delta();
  uint32_t id = tls_gc_list;
  if (id == kNoList) return;
  GcList& l = g_lists[id];
  std::lock_guard<ListLock> g(l.mu);
  l.owned.store(false, std::memory_order_seq_cst);
  drain_remote(l);  // after the store: a later push sees the list unowned
  tls_gc_list = kNoList;
}

void gc_after_fork_child() {
  g_collect_mu.reinit();
  for (uint32_t id = 1; id < kGcLists; id++) {
    if (id == tls_gc_list) continue;
    GcList& l = g_lists[id];
    l.mu.reset();
    std::lock_guard<ListLock> g(l.mu);
    if (!l.owned.load(std::memory_order_relaxed)) continue;
    l.owned.store(false, std::memory_order_seq_cst);
    drain_remote(l);
  }
  g_lists[0].mu.reset();
}

// --- collections ------------------------------------------------------------------

int64_t gc_collect(int generation, bool automatic) {
  if (tls_collecting) return 0;  // from a finalizer or callback of this collection
  if (automatic) {
    if (!g_collect_mu.try_lock()) return 0;
  } else {
    g_collect_mu.lock_detached();
  }
  tls_collecting = true;
  invoke_callbacks("start", generation, 0, 0);
  int64_t found = collect_locked(generation);
  invoke_callbacks("stop", generation, found, 0);
  tls_collecting = false;
  g_collect_mu.unlock();
  return found;
}

void gc_collect_at_safepoint(ThreadState* ts) {
  ts->eval_breaker.fetch_and(~kBreakGc, std::memory_order_relaxed);
  if (!g_enabled.load(std::memory_order_relaxed) || g_thresholds[0].load(std::memory_order_relaxed) <= 0) return;
  gc_collect(2, true);
}

// --- settings ---------------------------------------------------------------------

bool gc_is_enabled() { return g_enabled.load(std::memory_order_relaxed); }
void gc_set_enabled(bool on) { g_enabled.store(on, std::memory_order_relaxed); }

void gc_get_thresholds(int64_t out[3]) {
  for (int i = 0; i < 3; i++) out[i] = g_thresholds[i].load(std::memory_order_relaxed);
}
void gc_set_thresholds(const int64_t* values, int n) {
  for (int i = 0; i < n && i < 3; i++) g_thresholds[i].store(values[i], std::memory_order_relaxed);
}

void gc_get_counts(int64_t out[3]) {
  int64_t young = g_young.load(std::memory_order_relaxed) + tls_alloc_delta;
  out[0] = young > 0 ? young : 0;
  out[1] = 0;  // every collection is a full one: no older generation fills up
  out[2] = 0;
}

int gc_get_debug() { return g_debug.load(std::memory_order_relaxed); }
void gc_set_debug(int flags) { g_debug.store(flags, std::memory_order_relaxed); }

void gc_get_stats(int64_t out[3][3]) {
  for (int g = 0; g < 3; g++)
    for (int k = 0; k < 3; k++) out[g][k] = g_stats[g][k].load(std::memory_order_relaxed);
}

void gc_set_module_lists(Value callbacks, Value garbage) {
  // Kept for good (a re-created module's lists replace them; the old ones leak).
  incref(garbage);
  g_garbage.store(garbage.obj(), std::memory_order_release);
  incref(callbacks);
  g_callbacks.store(callbacks.obj(), std::memory_order_release);
}

// --- snapshots --------------------------------------------------------------------

Ref<> gc_get_objects() {
  std::vector<Ref<>> found;
  with_world_stopped([&](Object* o) {
    if (refcount_estimate(o) > 0) found.push_back(Ref<>::borrow(Value(o)));
  });
  Ref<List> out = list_new(static_cast<int64_t>(found.size()));
  if (!out) return nullptr;
  for (size_t i = 0; i < found.size(); i++) list_init_item(out.get(), static_cast<int64_t>(i), std::move(found[i]));
  return out;
}

namespace {
struct ReferrerSearch {
  Value targets;
  bool hit;
};
void visit_find_target(Value v, void* arg) {
  auto* s = static_cast<ReferrerSearch*>(arg);
  if (s->hit || !v.is_obj()) return;
  for (int64_t i = 0; i < tuple_size(s->targets); i++)
    if (tuple_item(s->targets, i).bits() == v.bits()) s->hit = true;
}
}  // namespace

Ref<> gc_get_referrers(Value targets) {
  std::vector<Ref<>> found;
  with_world_stopped([&](Object* o) {
    TraverseFn tr = o->ob_type->tp_traverse;
    if (!tr || refcount_estimate(o) <= 0) return;
    ReferrerSearch s{targets, false};
    tr(o, visit_find_target, &s);
    if (s.hit) found.push_back(Ref<>::borrow(Value(o)));
  });
  Ref<List> out = list_new(static_cast<int64_t>(found.size()));
  if (!out) return nullptr;
  for (size_t i = 0; i < found.size(); i++) list_init_item(out.get(), static_cast<int64_t>(i), std::move(found[i]));
  return out;
}

void gc_freeze() {
  with_world_stopped([](Object* o) { o->ob_gc_bits |= kGcFrozen; });
}

void gc_unfreeze() {
  with_world_stopped([](Object* o) { o->ob_gc_bits &= static_cast<uint8_t>(~kGcFrozen); });
}

int64_t gc_get_freeze_count() {
  int64_t n = 0;
  with_world_stopped([&](Object* o) {
    if (o->ob_gc_bits & kGcFrozen) n++;
  });
  return n;
}

}  // namespace ftpy
