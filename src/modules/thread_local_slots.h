// Per-thread tables behind `_thread._local` (modules/thread_module.cpp).
//
// Every thread that touches a local keeps, in a table of its own (a
// thread_local open-addressing array), the local's key -> this thread's dict
// for it. Reading an attribute looks the key up in the calling thread's table:
// no lock, no atomic read-modify-write, no store, and no cache line another
// thread writes in the common case, so reads scale with the number of threads.
//
// Ownership: the local owns one reference to each thread's dict, in its
// `records` list (one {table, dict} per thread that has one); a table entry
// borrows that dict. Records and table contents change under one global mutex
// taken only on the cold paths: a thread's first touch of a local (or the
// failure of its __init__), a local's death, a thread's exit. No Python code
// runs under it and no other lock is taken under it (a leaf, with malloc).
//   - A local dies: each of its records' table entries is tombstoned, then the
//     dicts are released (outside the mutex).
//   - A thread exits: each live entry of its table is removed from its local's
//     records, the table is freed, then the dicts are released. Releasing a
//     dict can run __del__ that touches a local again, so this repeats until
//     the table stays empty.
// Because both happen under the mutex, a local being deallocated (refcount
// zero, waiting for the mutex) is still valid memory when an exiting thread
// reaches it, and a table is never freed while a record points at it.
//
// The lock-free read: a table's entry array and mask and its entries' local
// and dict fields are written only by the table's own thread (under the
// mutex); other threads read them only under the mutex. Another thread writes
// only an entry's key (a dying local tombstones its entries), so keys are
// atomics, and the counters, which the table's thread reads only under the
// mutex. A reader looking for key K never races with the
// tombstoning of K itself: K's local cannot die while the reader holds it.
// Keys come from a global counter and are never reused, so even a stale key
// could never be mistaken for a newer local living at the same address.
#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

struct LocalSlotTable;

// Embedded in the `_local` object.
struct LocalSlots {
  uint64_t key;  // never reused; kLocalKeyEmpty/kLocalKeyDead are not keys
  struct Record {
    LocalSlotTable* table;  // the thread's table holding an entry for us
    Value dict;             // owned: that thread's dict
  };
  std::vector<Record>* records;  // under the global slots mutex; null until used
};

struct LocalSlotEntry {
  std::atomic<uint64_t> key;  // kLocalKeyEmpty, kLocalKeyDead or a local's key
  LocalSlots* local;          // the owning local (for thread exit)
  Object* dict;               // borrowed from the local's record
};

struct LocalSlotTable {
  LocalSlotEntry* entries;
  uint32_t mask;      // capacity - 1 (a power of two)
  uint32_t occupied;  // live entries plus tombstones: bounds the probe length
  uint32_t live;
};

constexpr uint64_t kLocalKeyEmpty = 0;
constexpr uint64_t kLocalKeyDead = 1;

extern thread_local constinit LocalSlotTable* tls_local_slots;

inline uint32_t local_slot_hash(uint64_t key, uint32_t mask) {
  return static_cast<uint32_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
}

// This thread's dict for the local, borrowed (the local's record keeps it
// alive while the local is alive and this thread has not exited), or null.
inline Object* local_slots_find(const LocalSlots* s) {
  LocalSlotTable* t = tls_local_slots;
  if (!t) return nullptr;
  uint64_t key = s->key;
  for (uint32_t i = local_slot_hash(key, t->mask);; i = (i + 1) & t->mask) {
    LocalSlotEntry& e = t->entries[i];
    uint64_t k = e.key.load(std::memory_order_relaxed);
    if (k == key) return e.dict;
    if (k == kLocalKeyEmpty) return nullptr;
  }
}

// A fresh local: gives it its key. Never fails.
void local_slots_init(LocalSlots* s);
// Makes `dict` this thread's dict for the local (it has none): the local takes
// the reference. Never fails (C++ allocation failure aborts, as elsewhere).
void local_slots_add(LocalSlots* s, Ref<> dict);
// Drops this thread's dict for the local (its __init__ failed); returns the
// reference the local held, or null if there was none.
[[nodiscard]] Ref<> local_slots_remove_mine(LocalSlots* s);
// The local is dying: drops every thread's entry and releases the dicts.
void local_slots_clear(LocalSlots* s);
// tp_traverse: visits every thread's dict.
void local_slots_visit(LocalSlots* s, VisitFn visit, void* arg);
// The calling thread is exiting: drops its dict of every local and its table.
void local_slots_thread_exited();

}  // namespace ftpy
