// dict: an insertion-ordered hash table (DESIGN.md §3), compact layout: a
// sparse index array (1/2/4/8-byte slots chosen by table size) pointing into a
// dense entries array {hash, key, value} kept in insertion order.
//
// Thread safety (DESIGN.md §4.4): mutations run in a critical section on the
// dict's mutex. Lookups by identity
// or exact-str equality take no lock: they load the table pointer, probe,
// and take a reference; tables, keys and values a writer unlinks are retired
// through QSBR (runtime/qsbr.h), so a reader never touches freed memory (the
// protocol is described in dict.cpp). A lookup that needs a general __eq__
// takes the critical section; that __eq__ runs outside the lock, and a table
// that changed meanwhile restarts the probe.
#pragma once

#include <atomic>
#include <cstdint>

#include "objects/str.h"
#include "objects/type.h"
#include "runtime/critical_section.h"
#include "runtime/ref.h"

namespace ftpy {

struct DictEntry {
  int64_t hash;
  Value key;    // null = deleted
  Value value;
};

// A table: `capacity` entries, then `nslots` int32 index slots (dict.cpp).
// The entries come first so that entry `ix` is at a fixed offset from the
// table: the inline caches' reads do not wait for a load of nslots.
struct DictTable {
  int64_t nslots;     // immutable
  int64_t capacity;   // usable entries: 2/3 of nslots, 3 of 4 (immutable)
  int64_t nentries;   // entries used, including deleted ones (writers only)
  int64_t live_end;   // no live entry at or after this index (writers only; popitem)
  DictEntry* entries() { return reinterpret_cast<DictEntry*>(this + 1); }
  int32_t* indices() { return reinterpret_cast<int32_t*>(entries() + capacity); }
};

struct Dict : Object {
  DictTable* table;  // guarded by ob_mutex for writers
  int64_t used;      // live entries
  // Two bits per key ever inserted into the current table, chosen by the
  // key's hash (dict_may_contain_hash): a clear bit proves a hash absent
  // without probing. Written by writers before they publish the key.
  uint64_t hash_bloom;
  // 0, or a number unique across dicts that stays while no key is added
  // (dict_keys_version). Reset to 0 by an insertion of a new key, before the
  // key is published.
  std::atomic<uint32_t> keys_version;
  // Index slots of a table allocated with the dict, right after it (0 = none;
  // dict_new_presized). Immutable. The inline table is the dict's first table
  // only: once it is replaced (a resize, clear()) it is never used again, so
  // a lock-free reader still probing it reads memory that lives as long as
  // the dict, as a retired table lives through its QSBR grace period.
  uint32_t inline_slots;
};
extern Type g_dict_type;

inline bool is_dict(Value v) { return v.is_obj() && has_flag(v.obj()->ob_type, kTypeDictSubclass); }
inline bool is_dict_exact(Value v) { return v.is_obj() && v.obj()->ob_type == &g_dict_type; }

Ref<Dict> dict_new();
// An exact dict with room for `n` entries allocated with it (one allocation
// instead of two): instance __dict__s and dict displays. For n above 10,
// the table is allocated on its own, at its final size. `small`: up to 3 entries get a 4-slot table (instance
// dicts); otherwise the table has CPython's minimum of 8 slots, so that what
// a mutation during iteration does (which depends on the table's capacity)
// stays as in CPython.
Ref<Dict> dict_new_presized(int64_t n, bool small = false);
// 1 found (*out set), 0 missing (no exception), -1 error.
int dict_get_item(Value d, Value key, Ref<>* out);
int dict_get_item_str(Value d, Str* key, Ref<>* out);  // str key
// The lock-free probe alone: true and the value if found; false if absent, or
// if deciding would need a general __eq__ (a non-str key with the same hash),
// which it never calls. For fast paths whose caller has a generic fallback.
bool dict_probe_str(Value d, Str* key, Ref<>* out);
int dict_set_item(Value d, Value key, Value v);
int dict_set_item_str(Value d, const char* key, Value v);
// 1 deleted, 0 missing (no exception), -1 error.
int dict_del_item(Value d, Value key);
int dict_contains(Value d, Value key);  // -1 error
int64_t dict_size(Value d);
void dict_clear(Value d);
Ref<Dict> dict_copy(Value d);
// Walk entries in order. `pos` starts at 0. Returns false at the end. The
// returned key/value are new references (safe against concurrent mutation).
bool dict_next(Value d, int64_t* pos, Ref<>* key, Ref<>* value);
// For the interpreter's inline caches (vm/eval.cpp); lock-free like lookups.
// The keys version: while dict_keys_version(d) returns the same number, no
// key has been added to d, so a key that was absent still is. 0 = versions
// exhausted (do not cache). dict_keys_version_peek does not assign one.
uint32_t dict_keys_version(Value d);
inline uint32_t dict_keys_version_peek(Value d) {
  return d.as<Dict>()->keys_version.load(std::memory_order_acquire);
}
// The entry index of `key` in d's current table if the entry's key is `key`
// itself (identity), else -1.
int64_t dict_entry_index(Value d, Str* key);
// If entry `ix` of d's current table holds `key` (identity) with a value:
// true and *out = the value. Valid for any ix >= 0. Lock-free (see dict.cpp).
// dict_entry_peek is the same check returning the value borrowed (null if
// not there): it stays alive until this thread's next quiescent state (a
// writer retires what it unlinks through QSBR), so the inline caches' hot
// paths take their reference with a plain incref, without a Ref<> that the
// eval loop's size keeps the compiler from inlining.
[[gnu::always_inline]] inline Value dict_entry_peek(Value d, int64_t ix, Str* key) {
  DictTable* t = std::atomic_ref<DictTable*>(d.as<Dict>()->table).load(std::memory_order_acquire);
  if (!t || ix >= t->capacity) return Value();
  DictEntry* e = &t->entries()[ix];
  if (std::atomic_ref<Value>(e->key).load(std::memory_order_acquire) != Value(key)) return Value();
  return std::atomic_ref<Value>(e->value).load(std::memory_order_acquire);
}
inline bool dict_entry_value(Value d, int64_t ix, Str* key, Ref<>* out) {
  Value v = dict_entry_peek(d, ix, key);
  if (v.is_null()) return false;
  *out = Ref<>::borrow(v);
  return true;
}
// The bloom bits of a hash (Dict::hash_bloom).
inline uint64_t dict_bloom_bits(int64_t hash) {
  auto h = static_cast<uint64_t>(hash);
  return (uint64_t{1} << (h & 63)) | (uint64_t{1} << ((h >> 6) & 63));
}
// False proves that no key with this hash is in d (so no key equal to one
// with this hash); true means it may be. Lock-free, no Python code.
inline bool dict_may_contain_hash(Value d, int64_t hash) {
  uint64_t bloom = std::atomic_ref<uint64_t>(d.as<Dict>()->hash_bloom).load(std::memory_order_relaxed);
  uint64_t bits = dict_bloom_bits(hash);
  return (bloom & bits) == bits;
}
// If entry `ix` of d's current table holds `key` (identity) with a value:
// replace the value by `v` (d[key] = v without a lookup; STORE_ATTR's cache)
// and return true. Otherwise change nothing and return false. `d` may be
// borrowed from a lock-free read (an instance's __dict__ slot): it is held
// before any wait.
bool dict_replace_entry_value(Value d, int64_t ix, Str* key, Value v);
// The same for a thread that runs alone (locks_elided(): critical_section.h),
// STORE_ATTR's common case, inline: `v`'s reference passes to the entry and
// the replaced value is released at once, without the QSBR grace period. No
// other thread can be reading the entry: one that registers stops the world
// before it runs any code, and this path has no safepoint. False (nothing
// changed; `v` is still the caller's) when the thread is not alone or entry
// ix does not hold `key`. The release may run a __del__, after the store.
[[gnu::always_inline]] inline bool dict_replace_entry_value_alone(Value d, int64_t ix, Str* key, Value v) {
  if (!locks_elided()) return false;
  DictTable* t = std::atomic_ref<DictTable*>(d.as<Dict>()->table).load(std::memory_order_relaxed);
  if (!t || ix >= t->nentries) return false;
  DictEntry* e = &t->entries()[ix];
  if (std::atomic_ref<Value>(e->key).load(std::memory_order_relaxed) != Value(key)) return false;
  std::atomic_ref<Value> slot(e->value);
  Value old = slot.load(std::memory_order_relaxed);
  slot.store(v, std::memory_order_release);
  decref(old);
  return true;
}
// d.update(other) for a mapping (keys() + []) or an iterable of pairs;
// `override` false keeps existing keys (for **kwargs merging).
int dict_merge(Value d, Value other, bool override);
int dict_merge_from_seq2(Value d, Value seq);
Ref<> dict_keys_list(Value d);
Ref<> dict_values_list(Value d);
Ref<> dict_items_list(Value d);
// d.pop(key) returning null with no exception if absent.
Ref<> dict_pop(Value d, Value key);
// d.setdefault(key, dflt)
Ref<> dict_setdefault(Value d, Value key, Value dflt);
// Atomic lookup-and-remove: 1 removed (*out = value), 0 missing, -1 error.
int dict_pop_item(Value d, Value key, Ref<>* out);
// Remove the last-inserted item (LIFO): 1 done, 0 empty.
int dict_popitem(Value d, Ref<>* key, Ref<>* value);
// Step an iteration position over the entries (forwards from 0, or backwards
// from INT64_MAX): 1 found (new references), 0 at the end.
int dict_iter_step(Value d, int64_t* pos, bool reverse, Ref<>* key, Ref<>* value);
int64_t dict_sizeof(Value d);
Ref<> dict_keys_view(Value d);   // d.keys() etc. (dict_views.cpp)
Ref<> dict_values_view(Value d);
Ref<> dict_items_view(Value d);
// Iterator over keys (kind 0), values (1) or items (2), optionally reversed.
Ref<> dict_iter_new(Value d, int kind, bool reverse);
void dict_views_init();  // dict_views.cpp: views and iterator types

// Start-up: dict_type_init_core() fills the slots; dict_module_init() readies
// dict, its views and iterators.
void dict_type_init_core();
void dict_module_init();

}  // namespace ftpy
