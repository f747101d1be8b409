// Per-thread tables behind `_thread._local`: the protocol is described in
// thread_local_slots.h.
#include "modules/thread_local_slots.h"

#include <algorithm>

#include "runtime/parking_lot.h"

namespace ftpy {

thread_local constinit LocalSlotTable* tls_local_slots = nullptr;

namespace {

constexpr uint32_t kInitialCapacity = 8;

// Guards every LocalSlots::records list and every table's contents (see the
// header). A leaf: nothing under it blocks, allocates Python objects or runs
// Python code, so it never needs to detach.
Mutex g_slots_mu;
std::atomic<uint64_t> g_next_key{kLocalKeyDead + 1};

// The entry of `key` in `t`, or null. Any thread, under g_slots_mu.
LocalSlotEntry* find_entry(LocalSlotTable* t, uint64_t key) {
  for (uint32_t i = local_slot_hash(key, t->mask);; i = (i + 1) & t->mask) {
    LocalSlotEntry& e = t->entries[i];
    uint64_t k = e.key.load(std::memory_order_relaxed);
    if (k == key) return &e;
    if (k == kLocalKeyEmpty) return nullptr;
  }
}

LocalSlotEntry* new_entries(uint32_t capacity) {
  auto* es = new LocalSlotEntry[capacity];
  for (uint32_t i = 0; i < capacity; i++) {
    es[i].key.store(kLocalKeyEmpty, std::memory_order_relaxed);
    es[i].local = nullptr;
    es[i].dict = nullptr;
  }
  return es;
}

// Places a key known to be absent. The table's own thread, under g_slots_mu.
void place(LocalSlotTable* t, uint64_t key, LocalSlots* local, Object* dict) {
  uint32_t i = local_slot_hash(key, t->mask);
  for (;; i = (i + 1) & t->mask) {
    uint64_t k = t->entries[i].key.load(std::memory_order_relaxed);
    if (k == kLocalKeyEmpty || k == kLocalKeyDead) break;
  }
  LocalSlotEntry& e = t->entries[i];
  if (e.key.load(std::memory_order_relaxed) == kLocalKeyEmpty) t->occupied++;
  e.local = local;
  e.dict = dict;
  e.key.store(key, std::memory_order_relaxed);
  t->live++;
}

// Makes room for one more entry: at most half the slots occupied, so probes
// stay short and always end at an empty slot. Tombstones are dropped on the
// way. The table's own thread, under g_slots_mu (so no other thread is
// reading the old array when it is freed; the owner itself reads no longer).
void reserve_one(LocalSlotTable* t) {
  if ((t->occupied + 1) * 2 <= t->mask + 1) return;
  uint32_t capacity = t->mask + 1;
  while ((t->live + 1) * 2 > capacity / 2) capacity *= 2;  // leave room to grow
  LocalSlotEntry* old = t->entries;
  uint32_t old_capacity = t->mask + 1;
  t->entries = new_entries(capacity);
  t->mask = capacity - 1;
  t->occupied = 0;
  t->live = 0;
  for (uint32_t i = 0; i < old_capacity; i++) {
    uint64_t k = old[i].key.load(std::memory_order_relaxed);
    if (k != kLocalKeyEmpty && k != kLocalKeyDead) place(t, k, old[i].local, old[i].dict);
  }
  delete[] old;
}

// Any thread, under g_slots_mu. Only the key is written: the table's thread
// may be reading its other entries' fields without the mutex.
void tombstone(LocalSlotTable* t, LocalSlotEntry* e) {
  e->key.store(kLocalKeyDead, std::memory_order_relaxed);
  t->live--;
}

}  // namespace

void local_slots_init(LocalSlots* s) {
  s->key = g_next_key.fetch_add(1, std::memory_order_relaxed);
  s->records = nullptr;
}

void local_slots_add(LocalSlots* s, Ref<> dict) {
  g_slots_mu.lock();
  LocalSlotTable* t = tls_local_slots;
  if (!t) {
    t = new LocalSlotTable{new_entries(kInitialCapacity), kInitialCapacity - 1, 0, 0};
    tls_local_slots = t;
  }
  reserve_one(t);
  Value d = dict.release();
  place(t, s->key, s, d.obj());
  if (!s->records) s->records = new std::vector<LocalSlots::Record>();
  s->records->push_back({t, d});
  g_slots_mu.unlock();
}

Ref<> local_slots_remove_mine(LocalSlots* s) {
  Value dict;
  g_slots_mu.lock();
  LocalSlotTable* t = tls_local_slots;
  if (t && s->records) {
    if (LocalSlotEntry* e = find_entry(t, s->key)) tombstone(t, e);
    auto& rs = *s->records;
    auto it = std::find_if(rs.begin(), rs.end(), [t](const LocalSlots::Record& r) { return r.table == t; });
    if (it != rs.end()) {
      dict = it->dict;
      rs.erase(it);
    }
  }
  g_slots_mu.unlock();
  return Ref<>::steal(dict);
}

void local_slots_clear(LocalSlots* s) {
  std::vector<LocalSlots::Record>* rs;
  g_slots_mu.lock();
  rs = s->records;
  s->records = nullptr;
  if (rs) {
    for (auto& r : *rs)
      if (LocalSlotEntry* e = find_entry(r.table, s->key)) tombstone(r.table, e);
  }
  g_slots_mu.unlock();
  if (!rs) return;
  // Released outside the mutex: a dict's contents may run __del__.
  for (auto& r : *rs) decref(r.dict);
  delete rs;
}

void local_slots_visit(LocalSlots* s, VisitFn visit, void* arg) {
  g_slots_mu.lock();
  if (s->records)
    for (auto& r : *s->records) visit(r.dict, arg);
  g_slots_mu.unlock();
}

void local_slots_thread_exited() {
  std::vector<Value> drop;
  while (LocalSlotTable* t = tls_local_slots) {
    g_slots_mu.lock();
    for (uint32_t i = 0; i <= t->mask; i++) {
      LocalSlotEntry& e = t->entries[i];
      uint64_t k = e.key.load(std::memory_order_relaxed);
      if (k == kLocalKeyEmpty || k == kLocalKeyDead) continue;
      auto& rs = *e.local->records;
      auto it = std::find_if(rs.begin(), rs.end(), [t](const LocalSlots::Record& r) { return r.table == t; });
      drop.push_back(it->dict);
      rs.erase(it);
    }
    tls_local_slots = nullptr;
    delete[] t->entries;
    delete t;
    g_slots_mu.unlock();
    // Releasing a dict may run __del__ that touches a local and so builds a
    // new table: the loop drops that one too.
    for (Value v : drop) decref(v);
    drop.clear();
  }
}

}  // namespace ftpy
