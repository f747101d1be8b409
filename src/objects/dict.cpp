// dict core: the compact hash table (see dict.h for layout and thread safety).
// The Python-visible methods and views are in dict_methods.cpp.
//
// Table layout (dict.h): `capacity` entries, then `nslots` (a power of two)
// int32 indices. An index is kEmpty, kDummy (deleted) or the entry number. Deleted
// entries keep their place with a null key until the next resize compacts
// them; an entry is never reused for another key within one table, so a
// lock-free reader that finds key K in an entry and then loads a non-null
// value knows that value belonged to K. Probing follows CPython's recurrence
// (i = 5i + 1 + perturb; perturb >>= 5), so every slot is eventually visited.
//
// Lock-free reads (DESIGN.md §4.4): writers hold the dict's critical section
// and publish with release stores (entry fields first, then the index slot;
// a new table is filled before `table` points at it); readers load with
// acquire and take their reference before the next safepoint. Whatever a
// writer unlinks that a reader may still be looking at -- a replaced table, a
// deleted key, a replaced or deleted value -- is retired through QSBR
// (runtime/qsbr.h) instead of being freed or released at once.
#include "objects/dict.h"

#include <cstring>

#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"
#include "runtime/qsbr.h"
#include "runtime/thread_state.h"

namespace ftpy {

Type g_dict_type;

namespace {

// `used` is written under the dict's lock but read without it by len():
// relaxed atomic accesses make that read well-defined (a racing len() sees
// the old or the new size).
inline int64_t used_load(Dict* d) { return std::atomic_ref<int64_t>(d->used).load(std::memory_order_relaxed); }
inline void used_store(Dict* d, int64_t v) { std::atomic_ref<int64_t>(d->used).store(v, std::memory_order_relaxed); }

constexpr int32_t kEmpty = -1;
constexpr int32_t kDummy = -2;
constexpr int64_t kMinSlots = 8;
constexpr int64_t kMaxInlineSlots = 16;  // dict_new_presized

// The probe sequence over a table's index slots for one hash.
struct Probe {
  uint64_t mask, perturb, i;
  Probe(int64_t nslots, int64_t hash)
      : mask(static_cast<uint64_t>(nslots - 1)), perturb(static_cast<uint64_t>(hash)),
        i(static_cast<uint64_t>(hash) & mask) {}
  void next() {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
};

// Fields a lock-free reader may load while a writer stores them.
inline DictTable* table_load(Dict* d) {
  return std::atomic_ref<DictTable*>(d->table).load(std::memory_order_acquire);
}
inline void table_store(Dict* d, DictTable* t) {
  std::atomic_ref<DictTable*>(d->table).store(t, std::memory_order_release);
}
inline int32_t index_load(DictTable* t, uint64_t i) {
  return std::atomic_ref<int32_t>(t->indices()[i]).load(std::memory_order_acquire);
}
inline void index_store(DictTable* t, uint64_t i, int32_t ix) {
  std::atomic_ref<int32_t>(t->indices()[i]).store(ix, std::memory_order_release);
}
inline Value field_load(Value* f) { return std::atomic_ref<Value>(*f).load(std::memory_order_acquire); }
inline void field_store(Value* f, Value v) { std::atomic_ref<Value>(*f).store(v, std::memory_order_release); }

// Entries a table of `nslots` index slots holds: two thirds, except that a
// 4-slot table (only ever inline: dict_new_presized) holds 3, which still
// leaves one slot empty to end every probe.
constexpr int64_t capacity_for(int64_t nslots) { return nslots == 4 ? 3 : nslots * 2 / 3; }
constexpr size_t table_bytes(int64_t nslots) {
  return sizeof(DictTable) + sizeof(int32_t) * nslots + sizeof(DictEntry) * capacity_for(nslots);
}

void table_init(DictTable* t, int64_t nslots) {
  t->nslots = nslots;
  t->capacity = capacity_for(nslots);
  t->nentries = 0;
  t->live_end = 0;
  std::memset(t->indices(), 0xFF, sizeof(int32_t) * nslots);  // kEmpty
  // Null keys in unused entries: dict_entry_value may probe any index.
  std::memset(static_cast<void*>(t->entries()), 0, sizeof(DictEntry) * t->capacity);
}

DictTable* table_new(int64_t nslots) {
  auto* t = static_cast<DictTable*>(heap_alloc(table_bytes(nslots)));
  if (!t) return nullptr;
  table_init(t, nslots);
  return t;
}

// The table allocated with d (Dict::inline_slots), if t is it: its memory is
// the dict's, freed with it and never on its own.
inline bool is_inline_table(Dict* d, DictTable* t) {
  return d->inline_slots && t == reinterpret_cast<DictTable*>(d + 1);
}

inline bool fast_key_equal(Value a, Value b) {
  if (a == b) return true;
  if (is_str_exact(a) && is_str_exact(b)) return str_equal(a.as<Str>(), b.as<Str>());
  return false;
}

// Probe for `key`. Returns the entry index or -1 if missing; -2 on error.
// `*slot_out` receives the index slot where the key is or should be inserted.
// May run Python __eq__; the caller must hold the dict's critical section,
// and if the table changes during __eq__ the probe restarts.
int64_t lookup(Dict* d, Value key, int64_t hash, int64_t* slot_out) {
restart:
  DictTable* t = d->table;
  if (!t) {
    *slot_out = -1;
    return -1;
  }
  int64_t free_slot = -1;
  for (Probe p(t->nslots, hash);; p.next()) {
    uint64_t i = p.i;
    int32_t ix = t->indices()[i];
    if (ix == kEmpty) {
      *slot_out = free_slot >= 0 ? free_slot : static_cast<int64_t>(i);
      return -1;
    }
    if (ix == kDummy) {
      if (free_slot < 0) free_slot = static_cast<int64_t>(i);
    } else {
      DictEntry* e = &t->entries()[ix];
      if (e->key == key) {
        *slot_out = static_cast<int64_t>(i);
        return ix;
      }
      if (e->hash == hash && !e->key.is_null()) {
        if (fast_key_equal(e->key, key)) {
          *slot_out = static_cast<int64_t>(i);
          return ix;
        }
        if (!(is_str_exact(e->key) && is_str_exact(key))) {
          Ref<> k = Ref<>::borrow(e->key);
          int eq = richcompare_bool(k.val(), key, kEq);
          if (eq < 0) return -2;
          if (d->table != t || t->entries()[ix].key != k.val()) goto restart;
          if (eq) {
            *slot_out = static_cast<int64_t>(i);
            return ix;
          }
        }
      }
    }
  }
}

// Rebuild into a table with room for at least `min_used` live entries.
bool resize(Dict* d, int64_t min_used) {
  int64_t nslots = kMinSlots;
  while (nslots * 2 / 3 < min_used) nslots <<= 1;
  DictTable* nt = table_new(nslots);
  if (!nt) return false;
  DictTable* old = d->table;
  if (old) {
    DictEntry* src = old->entries();
    DictEntry* dst = nt->entries();
    int64_t n = 0;
    for (int64_t j = 0; j < old->nentries; j++) {
      if (src[j].key.is_null()) continue;
      dst[n] = src[j];
      Probe p(nslots, src[j].hash);
      while (nt->indices()[p.i] != kEmpty) p.next();
      nt->indices()[p.i] = static_cast<int32_t>(n);
      n++;
    }
    nt->nentries = n;
    nt->live_end = n;
  }
  table_store(d, nt);
  if (!is_inline_table(d, old)) qsbr_retire_memory(old);
  return true;
}

// The bloom bits of a key about to be published (see Dict::hash_bloom).
// Writers hold the lock, so a plain read-modify-write suffices; the atomic
// store is for the lock-free readers.
inline void bloom_add(Dict* d, int64_t hash) {
  std::atomic_ref<uint64_t> b(d->hash_bloom);
  b.store(b.load(std::memory_order_relaxed) | dict_bloom_bits(hash), std::memory_order_relaxed);
}

// The index slot where a key known to be absent from t goes: the first free
// one (deleted or empty) on its probe sequence, as lookup would report it.
int64_t free_slot(DictTable* t, int64_t hash) {
  for (Probe p(t->nslots, hash);; p.next()) {
    int32_t ix = t->indices()[p.i];
    if (ix == kEmpty || ix == kDummy) return static_cast<int64_t>(p.i);
  }
}

// Insert or replace, with the critical section held. Steals nothing.
int insert(Dict* d, Value key, int64_t hash, Value value) {
  int64_t slot;
  int64_t ix;
  if (d->table && !dict_may_contain_hash(Value(d), hash)) {
    // A new key (self.x = ... in __init__, building a dict): the bloom
    // proves it absent without comparing keys.
    ix = -1;
    slot = free_slot(d->table, hash);
  } else {
    ix = lookup(d, key, hash, &slot);
  }
  if (ix == -2) return -1;
  if (ix >= 0) {
    DictEntry* e = &d->table->entries()[ix];
    Value old = e->value;
    incref(value);
    field_store(&e->value, value);
    release_unlinked_value(old);
    return 0;
  }
  if (!d->table || d->table->nentries >= d->table->capacity) {
    if (!resize(d, (used_load(d) + 1) * 3 / 2 + 1)) return -1;
    slot = free_slot(d->table, hash);  // still absent: no code ran since the probe
  }
  DictTable* t = d->table;
  if (d->keys_version.load(std::memory_order_relaxed) != 0) d->keys_version.store(0, std::memory_order_relaxed);
  int64_t n = t->nentries++;
  DictEntry* e = &t->entries()[n];
  incref(key);
  incref(value);
  e->hash = hash;
  bloom_add(d, hash);
  field_store(&e->key, key);
  field_store(&e->value, value);
  t->live_end = t->nentries;
  index_store(t, static_cast<uint64_t>(slot), static_cast<int32_t>(n));
  used_store(d, used_load(d) + 1);
  return 0;
}

// Drop a table that is no longer reachable through its dict: its keys,
// values and memory. `retire`: lock-free readers may still be in it, so go
// through QSBR; otherwise (a dead or garbage dict) release at once.
void table_release(Dict* d, DictTable* t, bool retire) {
  if (!t) return;
  for (int64_t j = 0; j < t->nentries; j++) {
    DictEntry* e = &t->entries()[j];
    if (e->key.is_null()) continue;
    if (retire) {
      release_unlinked_value(e->key);
      release_unlinked_value(e->value);
    } else {
      decref(e->key);
      decref(e->value);
    }
  }
  if (is_inline_table(d, t)) return;
  if (retire) qsbr_retire_memory(t);
  else heap_free(t);
}

// Empty the dict under its lock; returns the old table for table_release.
DictTable* table_detach(Dict* d) {
  CriticalSection cs(d);
  DictTable* old = d->table;
  table_store(d, nullptr);
  used_store(d, 0);
  std::atomic_ref<uint64_t>(d->hash_bloom).store(0, std::memory_order_relaxed);
  return old;
}

void dict_dealloc(Object* o) {
  table_release(static_cast<Dict*>(o), static_cast<Dict*>(o)->table, false);
  free_object(o);
}

void dict_traverse(Object* o, VisitFn visit, void* arg) {
  Dict* d = static_cast<Dict*>(o);
  DictTable* t = d->table;
  if (!t) return;
  for (int64_t j = 0; j < t->nentries; j++) {
    DictEntry* e = &t->entries()[j];
    if (e->key.is_null()) continue;
    visit(e->key, arg);
    visit(e->value, arg);
  }
}

inline int64_t key_hash(Value key) {
  if (is_str_exact(key)) return str_hash(key.as<Str>());
  return hash(key);
}

}  // namespace

Ref<Dict> dict_new() {
  Dict* d = alloc_object<Dict>(&g_dict_type);
  if (!d) return nullptr;
  return Ref<Dict>::steal(d);
}

Ref<Dict> dict_new_presized(int64_t n, bool small) {
  if (n <= 0) return dict_new();
  if (n > capacity_for(kMaxInlineSlots)) {
    // Too big to allocate with the dict: its one table, sized at once.
    Ref<Dict> d = dict_new();
    if (d && !resize(d.get(), n)) return nullptr;
    return d;
  }
  int64_t nslots = small && n <= capacity_for(4) ? 4 : kMinSlots;
  while (capacity_for(nslots) < n) nslots <<= 1;
  static_assert(sizeof(Dict) % alignof(DictTable) == 0);
  Dict* d = alloc_object<Dict>(&g_dict_type, sizeof(Dict) + table_bytes(nslots));
  if (!d) return nullptr;
  d->inline_slots = static_cast<uint32_t>(nslots);
  auto* t = reinterpret_cast<DictTable*>(d + 1);
  table_init(t, nslots);
  d->table = t;  // not yet visible to any other thread
  return Ref<Dict>::steal(d);
}

namespace {

enum { kLfMissing = 0, kLfFound = 1, kLfNeedsEq = 2 };

// The lock-free probe (see the top of this file). Decides by identity and by
// exact-str equality, which run no Python code; a candidate that needs a
// general __eq__ makes it give up (kLfNeedsEq) and the caller takes the lock.
int lookup_lockfree(Dict* d, Value key, int64_t hash, Ref<>* out) {
  DictTable* t = table_load(d);
  if (!t) return kLfMissing;
  bool key_is_str = is_str_exact(key);
  for (Probe p(t->nslots, hash);; p.next()) {
    int32_t ix = index_load(t, p.i);
    if (ix == kEmpty) return kLfMissing;
    if (ix >= 0) {
      DictEntry* e = &t->entries()[ix];
      Value k = field_load(&e->key);
      bool hit = k == key;
      if (!hit && !k.is_null() && e->hash == hash) {
        if (!key_is_str || !is_str_exact(k)) return kLfNeedsEq;
        hit = str_equal(k.as<Str>(), key.as<Str>());
      }
      if (hit) {
        Value v = field_load(&e->value);
        if (v.is_null()) return kLfMissing;  // deleted after we saw the key
        *out = Ref<>::borrow(v);
        return kLfFound;
      }
    }
  }
}

int get_item_locked(Dict* d, Value key, int64_t h, Ref<>* out) {
  // Waiting for the lock, or a key's __eq__, is a quiescent state: a caller
  // that read d lock-free (an instance __dict__ slot) may see d retired and
  // freed meanwhile unless it is held.
  Ref<> keep = Ref<>::borrow(Value(d));
  CriticalSection cs(d);
  int64_t slot;
  int64_t ix = lookup(d, key, h, &slot);
  if (ix == -2) return -1;
  if (ix < 0) return 0;
  *out = Ref<>::borrow(d->table->entries()[ix].value);
  return 1;
}

}  // namespace

int dict_get_item(Value dv, Value key, Ref<>* out) {
  int64_t h = key_hash(key);
  if (h == -1) return -1;
  Dict* d = dv.as<Dict>();
  int r = lookup_lockfree(d, key, h, out);
  if (r != kLfNeedsEq) return r;
  return get_item_locked(d, key, h, out);
}

bool dict_probe_str(Value dv, Str* key, Ref<>* out) {
  return lookup_lockfree(dv.as<Dict>(), Value(key), str_hash(key), out) == kLfFound;
}

int dict_get_item_str(Value dv, Str* key, Ref<>* out) {
  Dict* d = dv.as<Dict>();
  int64_t h = str_hash(key);
  int r = lookup_lockfree(d, Value(key), h, out);
  if (r != kLfNeedsEq) return r;
  return get_item_locked(d, Value(key), h, out);
}

namespace {
std::atomic<uint32_t> g_next_keys_version{1};
}

uint32_t dict_keys_version(Value dv) {
  Dict* d = dv.as<Dict>();
  uint32_t v = d->keys_version.load(std::memory_order_acquire);
  if (v != 0) return v;
  uint32_t fresh = g_next_keys_version.load(std::memory_order_relaxed);
  do {
    if (fresh == 0) return 0;  // exhausted: never reuse a number
  } while (!g_next_keys_version.compare_exchange_weak(fresh, fresh + 1, std::memory_order_relaxed));
  // A racing insertion may reset it again at any time; that is fine.
  if (d->keys_version.compare_exchange_strong(v, fresh, std::memory_order_acq_rel)) return fresh;
  return v;
}

int64_t dict_entry_index(Value dv, Str* key) {
  Dict* d = dv.as<Dict>();
  DictTable* t = table_load(d);
  if (!t) return -1;
  for (Probe p(t->nslots, str_hash(key));; p.next()) {
    int32_t ix = index_load(t, p.i);
    if (ix == kEmpty) return -1;
    if (ix >= 0 && field_load(&t->entries()[ix].key) == Value(key)) return ix;
  }
}

namespace {

// dict_replace_entry_value with d's lock held: the replaced value, or null
// if entry ix does not hold `key`.
inline Value replace_entry_locked(Dict* d, int64_t ix, Str* key, Value v) {
  DictTable* t = d->table;
  if (!t || ix < 0 || ix >= t->nentries) return Value();
  DictEntry* e = &t->entries()[ix];
  if (e->key != Value(key)) return Value();  // a live key always has a value
  Value old = e->value;
  incref(v);
  field_store(&e->value, v);
  return old;
}

}  // namespace

namespace {

// Contended, or this thread already holds d (an __eq__ running inside a dict
// operation on it): the full section, which may park. Parking is a quiescent
// state, after which a dict replaced by `obj.__dict__ = ...` may be freed:
// hold it. Out of line, so that the common path saves no registers.
[[gnu::noinline]] Value replace_entry_contended(Value dv, int64_t ix, Str* key, Value v) {
  Ref<> keep = Ref<>::borrow(dv);
  CriticalSection cs(dv.as<Dict>());
  return replace_entry_locked(dv.as<Dict>(), ix, key, v);
}

}  // namespace

bool dict_replace_entry_value(Value dv, int64_t ix, Str* key, Value v) {
  Dict* d = dv.as<Dict>();
  Value old;
  if (locks_elided()) {
    old = replace_entry_locked(d, ix, key, v);  // no safepoint inside
  } else if (object_mutex_try_lock(d)) [[likely]] {
    // The section runs no Python code and cannot block, so the bare lock
    // does (a CriticalSection would also push itself on this thread's
    // stack). No wait, so no quiescent state: `d` needs no reference.
    old = replace_entry_locked(d, ix, key, v);
    object_mutex_unlock(d);
  } else {
    old = replace_entry_contended(dv, ix, key, v);
  }
  if (old.is_null()) return false;
  release_unlinked_value(old);
  return true;
}

int dict_set_item(Value dv, Value key, Value v) {
  int64_t h = key_hash(key);
  if (h == -1) return -1;
  Dict* d = dv.as<Dict>();
  CriticalSection cs(d);
  return insert(d, key, h, v);
}

int dict_set_item_str(Value d, const char* key, Value v) {
  return dict_set_item(d, Value(str_intern(key)), v);
}

int dict_del_item(Value dv, Value key) {
  Ref<> value;
  return dict_pop_item(dv, key, &value);
}

int dict_contains(Value d, Value key) {
  Ref<> v;
  return dict_get_item(d, key, &v);
}

int64_t dict_size(Value d) { return used_load(d.as<Dict>()); }

void dict_clear(Value dv) {
  // Readers may still be in the old table: retire its references and itself.
  table_release(dv.as<Dict>(), table_detach(dv.as<Dict>()), true);
}

namespace {

// Cycle collector: empty a garbage dict. Nothing can reach garbage (the
// collector proved it unreachable with the world stopped), so no lock-free
// reader can be in its table and the references are dropped at once rather
// than retired (which would hold the whole cycle until a grace period).
void dict_clear_garbage(Object* o) {
  table_release(static_cast<Dict*>(o), table_detach(static_cast<Dict*>(o)), false);
}

}  // namespace

Ref<Dict> dict_copy(Value src) {
  Ref<Dict> d = dict_new();
  if (!d) return nullptr;
  if (dict_merge(d.val(), src, true) < 0) return nullptr;
  return d;
}

bool dict_next(Value dv, int64_t* pos, Ref<>* key, Ref<>* value) {
  Dict* d = dv.as<Dict>();
  CriticalSection cs(d);
  DictTable* t = d->table;
  if (!t) return false;
  while (*pos < t->nentries) {
    DictEntry* e = &t->entries()[(*pos)++];
    if (e->key.is_null()) continue;
    if (key) *key = Ref<>::borrow(e->key);
    if (value) *value = Ref<>::borrow(e->value);
    return true;
  }
  return false;
}

int dict_merge(Value dv, Value other, bool override) {
  if (is_dict(other) && (is_dict_exact(other) || type_of(other)->tp_iter == g_dict_type.tp_iter)) {
    if (dv == other) return 0;
    int64_t pos = 0;
    Ref<> k, v;
    while (dict_next(other, &pos, &k, &v)) {
      if (!override) {
        int c = dict_contains(dv, k.val());
        if (c < 0) return -1;
        if (c) continue;
      }
      if (dict_set_item(dv, k.val(), v.val()) < 0) return -1;
    }
    return 0;
  }
  // A general mapping: keys() then [key].  The keys are listed first, as
  // CPython's PyMapping_Keys does, so a __getitem__ that reorders the
  // mapping (an LRU OrderedDict) does not break the walk over them.
  Ref<> keys = call_method(other, "keys", nullptr, 0);
  if (!keys) return -1;
  Ref<> snapshot = sequence_tuple(keys.val());
  if (!snapshot) return -1;
  Ref<> it = get_iter(snapshot.val());
  if (!it) return -1;
  for (;;) {
    Ref<> k = iter_next(it.val());
    if (!k) {
      if (err_occurred()) return -1;
      break;
    }
    if (!override) {
      int c = dict_contains(dv, k.val());
      if (c < 0) return -1;
      if (c) continue;
    }
    Ref<> v = getitem(other, k.val());
    if (!v) return -1;
    if (dict_set_item(dv, k.val(), v.val()) < 0) return -1;
  }
  return 0;
}

int dict_merge_from_seq2(Value dv, Value seq) {
  Ref<> it = get_iter(seq);
  if (!it) return -1;
  for (int64_t i = 0;; i++) {
    Ref<> item = iter_next(it.val());
    if (!item) return err_occurred() ? -1 : 0;
    Ref<> fast = sequence_tuple(item.val());
    if (!fast) {
      if (err_matches(g_TypeError)) {
        err_clear();
        err_format(g_TypeError, "cannot convert dictionary update sequence element #%lld to a sequence",
                   static_cast<long long>(i));
      }
      return -1;
    }
    if (tuple_size(fast.val()) != 2) {
      err_format(g_ValueError, "dictionary update sequence element #%lld has length %lld; 2 is required",
                 static_cast<long long>(i), static_cast<long long>(tuple_size(fast.val())));
      return -1;
    }
    if (dict_set_item(dv, tuple_item(fast.val(), 0), tuple_item(fast.val(), 1)) < 0) return -1;
  }
}

namespace {
template <int Which>
Ref<> dict_list_of(Value dv) {
  Ref<List> l = list_new();
  if (!l) return nullptr;
  int64_t pos = 0;
  Ref<> k, v;
  while (dict_next(dv, &pos, &k, &v)) {
    Ref<> item;
    if (Which == 0) item = k;
    else if (Which == 1) item = v;
    else item = tuple_pack({k.val(), v.val()});
    if (!item || list_append(l.val(), item.val()) < 0) return nullptr;
  }
  return l;
}
}  // namespace

Ref<> dict_keys_list(Value d) { return dict_list_of<0>(d); }
Ref<> dict_values_list(Value d) { return dict_list_of<1>(d); }
Ref<> dict_items_list(Value d) { return dict_list_of<2>(d); }

int dict_pop_item(Value dv, Value key, Ref<>* out) {
  int64_t h = key_hash(key);
  if (h == -1) return -1;
  Dict* d = dv.as<Dict>();
  Value old_key, old_value;
  {
    CriticalSection cs(d);
    int64_t slot;
    int64_t ix = lookup(d, key, h, &slot);
    if (ix == -2) return -1;
    if (ix < 0) return 0;
    DictTable* t = d->table;
    DictEntry* e = &t->entries()[ix];
    old_key = e->key;
    old_value = e->value;
    field_store(&e->key, Value());
    field_store(&e->value, Value());
    index_store(t, static_cast<uint64_t>(slot), kDummy);
    used_store(d, used_load(d) - 1);
  }
  // The caller gets a reference of its own; the dict's goes through QSBR.
  *out = Ref<>::borrow(old_value);
  release_unlinked_value(old_key);
  release_unlinked_value(old_value);
  return 1;
}

Ref<> dict_pop(Value dv, Value key) {
  Ref<> v;
  if (dict_pop_item(dv, key, &v) <= 0) return nullptr;
  return v;
}

int dict_popitem(Value dv, Ref<>* key, Ref<>* value) {
  Dict* d = dv.as<Dict>();
  Value old_key, old_value;
  {
    CriticalSection cs(d);
    DictTable* t = d->table;
    if (!t || used_load(d) == 0) return 0;
    int64_t j = t->live_end - 1;
    while (j >= 0 && t->entries()[j].key.is_null()) j--;
    if (j < 0) return 0;
    DictEntry* e = &t->entries()[j];
    // Find the index slot that points at entry j.
    Probe p(t->nslots, e->hash);
    while (t->indices()[p.i] != static_cast<int32_t>(j)) p.next();
    old_key = e->key;
    old_value = e->value;
    index_store(t, p.i, kDummy);
    field_store(&e->key, Value());
    field_store(&e->value, Value());
    // The entry is not reused (see the top of this file); popitem resumes
    // its backward scan below it, so repeated popitem stays O(1) amortised.
    t->live_end = j;
    used_store(d, used_load(d) - 1);
  }
  *key = Ref<>::borrow(old_key);
  *value = Ref<>::borrow(old_value);
  release_unlinked_value(old_key);
  release_unlinked_value(old_value);
  return 1;
}

int dict_iter_step(Value dv, int64_t* pos, bool reverse, Ref<>* key, Ref<>* value) {
  Dict* d = dv.as<Dict>();
  CriticalSection cs(d);
  DictTable* t = d->table;
  if (!t) return 0;
  if (reverse) {
    if (*pos >= t->nentries) *pos = t->nentries - 1;
    while (*pos >= 0) {
      DictEntry* e = &t->entries()[(*pos)--];
      if (e->key.is_null()) continue;
      if (key) *key = Ref<>::borrow(e->key);
      if (value) *value = Ref<>::borrow(e->value);
      return 1;
    }
    return 0;
  }
  while (*pos < t->nentries) {
    DictEntry* e = &t->entries()[(*pos)++];
    if (e->key.is_null()) continue;
    if (key) *key = Ref<>::borrow(e->key);
    if (value) *value = Ref<>::borrow(e->value);
    return 1;
  }
  return 0;
}

int64_t dict_sizeof(Value dv) {
  Dict* d = dv.as<Dict>();
  CriticalSection cs(d);
  int64_t size = 48;
  if (d->table) size += static_cast<int64_t>(sizeof(DictTable) + sizeof(int32_t) * d->table->nslots +
                                             sizeof(DictEntry) * d->table->capacity);
  return size;
}

Ref<> dict_setdefault(Value dv, Value key, Value dflt) {
  int64_t h = key_hash(key);
  if (h == -1) return nullptr;
  Dict* d = dv.as<Dict>();
  CriticalSection cs(d);
  int64_t slot;
  int64_t ix = lookup(d, key, h, &slot);
  if (ix == -2) return nullptr;
  if (ix >= 0) return Ref<>::borrow(d->table->entries()[ix].value);
  if (insert(d, key, h, dflt) < 0) return nullptr;
  return Ref<>::borrow(dflt);
}

namespace {

Ref<> dict_repr(Value v) {
  if (dict_size(v) == 0) return str_from_ascii("{}");
  ThreadState* ts = tstate();
  // Self-referencing dicts print as {...}: tracked through the repr stack.
  if (!repr_enter(v)) return str_from_ascii("{...}");
  std::string s = "{";
  int64_t pos = 0;
  Ref<> k, val;
  bool first = true;
  while (dict_next(v, &pos, &k, &val)) {
    if (!first) s += ", ";
    first = false;
    Ref<> kr = repr(k.val());
    if (!kr) { repr_leave(v); return nullptr; }
    Ref<> vr = repr(val.val());
    if (!vr) { repr_leave(v); return nullptr; }
    s += str_view(kr.val());
    s += ": ";
    s += str_view(vr.val());
  }
  s += "}";
  repr_leave(v);
  (void)ts;
  return str_from_utf8(s);
}

int64_t dict_len_slot(Value v) { return dict_size(v); }

Ref<> dict_subscript(Value dv, Value key) {
  Ref<> v;
  int r = dict_get_item(dv, key, &v);
  if (r < 0) return nullptr;
  if (r == 0) {
    if (!is_dict_exact(dv)) {
      // dict subclasses may define __missing__.
      Value missing = type_lookup(type_of(dv), Value(str_intern("__missing__")));
      if (missing) {
        Value args[2] = {dv, key};
        return call(missing, args, 2);
      }
    }
    Ref<Tuple> a = tuple_pack({key});
    return err_set_object(g_KeyError, a.val());
  }
  return v;
}

int dict_ass_subscript(Value dv, Value key, Value v) {
  if (v.is_null()) {
    int r = dict_del_item(dv, key);
    if (r == 0) {
      Ref<Tuple> a = tuple_pack({key});
      err_set_object(g_KeyError, a.val());
      return -1;
    }
    return r < 0 ? -1 : 0;
  }
  return dict_set_item(dv, key, v);
}

int dict_contains_slot(Value dv, Value key) { return dict_contains(dv, key); }

Ref<> dict_richcompare(Value a, Value b, CompareOp op) {
  if (!is_dict(b) || (op != kEq && op != kNe)) return Ref<>::steal(not_implemented());
  bool eq = true;
  if (dict_size(a) != dict_size(b)) {
    eq = false;
  } else {
    int64_t pos = 0;
    Ref<> k, v;
    while (dict_next(a, &pos, &k, &v)) {
      Ref<> ov;
      int r = dict_get_item(b, k.val(), &ov);
      if (r < 0) return nullptr;
      if (r == 0) { eq = false; break; }
      int c = richcompare_bool(v.val(), ov.val(), kEq);
      if (c < 0) return nullptr;
      if (!c) { eq = false; break; }
    }
  }
  return new_bool(op == kEq ? eq : !eq);
}

}  // namespace

void dict_fill_methods(Type* t);  // dict_methods.cpp

void dict_type_init_core() {
  Type* t = &g_dict_type;
  t->name = "dict";
  t->basic_size = sizeof(Dict);
  t->flags = kTypeBaseType | kTypeDictSubclass | kTypeHasGc | kTypeMapping;
  t->tp_dealloc = dict_dealloc;
  t->tp_traverse = dict_traverse;
  t->tp_clear = dict_clear_garbage;
  t->tp_repr = dict_repr;
  t->tp_hash = nullptr;
  t->tp_richcompare = dict_richcompare;
  t->mp_length = dict_len_slot;
  t->mp_subscript = dict_subscript;
  t->mp_ass_subscript = dict_ass_subscript;
  t->sq_contains = dict_contains_slot;
  dict_fill_methods(t);
  t->ob_type = &g_type_type;
  make_immortal(t);
}

void dict_module_init() {
  if (!g_dict_type.tp_new) dict_type_init_core();
  type_ready(&g_dict_type);
  dict_views_init();
}

}  // namespace ftpy
