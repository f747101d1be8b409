// Instance attributes without a dict: per-class shared keys and per-instance
// value arrays (DESIGN.md §3, "key layouts per class").
//
// A plain class (its layout base is `object`) that adds the __dict__ slot at
// a fixed offset has kTypeInlineValues. Its instances keep their attributes
// in a values array indexed by the class's SharedKeys: an append-only array
// of attribute names (interned, so immortal) in the order the class's
// instances first stored them. A name's index never changes, so the inline
// caches keep the index and check it by identity (names[ix] == name), which
// also serves a sibling class that stores the same names in the same order.
// The first values array of an instance is allocated with it, sized for the
// names its class had then; a longer one replaces it when needed.
//
// The __dict__ slot holds one of: null (no attribute yet), a values array
// (its address tagged 0b10, a pattern no Value uses: value.h), or a dict.
// It moves only forward, null -> values -> dict or null -> dict, each step
// under the instance's critical section. A dict is made ("materialised")
// once, when something needs a real one: `obj.__dict__`, vars(), __reduce__
// and copy, dir(), an assignment to __class__, a new attribute that would
// break the order (below), a class with more than kSharedKeysMax names, a
// name that is not an exact str.
//
// Order: an instance's attributes in index order are its insertion order. A
// new attribute whose index is below `end` (one past the highest index
// present) would break that, so it materialises the dict instead; its
// entries are added in index order, then the new name at the end: what
// CPython's dict order says.
//
// Thread safety. Writers (store, delete, a longer array, materialisation,
// clear) hold the instance's critical section (no lock while one thread
// runs: critical_section.h). Readers take no lock: they load the slot
// (acquire), the array's immutable `cap`, and a value (acquire), and take
// their reference before their next quiescent state. A writer retires a
// replaced value through QSBR as dict writers do (qsbr.h). An array that is
// replaced keeps its values readable: the values' references move to the new
// array or dict without being released, and the array itself is retired
// through QSBR (or lives as long as the instance, if allocated with it). So a
// reader of a replaced array gets a value current when it was replaced,
// alive for the reader's grace period. SharedKeys: each names[i] is written
// once, before `n` publishes it (release), under one global lock for all
// classes (appends are rare: the first instances of a class).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "objects/dict.h"
#include "objects/str.h"
#include "objects/type.h"
#include "runtime/value.h"

namespace ftpy {

// CPython's limit for the names of one class's shared keys.
constexpr uint32_t kSharedKeysMax = 30;

struct SharedKeys {
  std::atomic<uint32_t> n{0};      // names published
  std::atomic<uint64_t> bloom{0};  // dict_bloom_bits of every name's hash
  Str* names[kSharedKeysMax] = {};  // interned; atomic_ref access
};

struct InstanceValues {
  uint8_t cap;       // immutable once published
  uint8_t end;       // one past the highest index present (writers only)
  uint8_t embedded;  // allocated with the instance: never freed on its own
  uint8_t pad[5];
  Value* values() { return reinterpret_cast<Value*>(this + 1); }
};
static_assert(sizeof(InstanceValues) == 8);

// The slot holds null, a dict's address (8-aligned) or a values array's
// address plus kValuesTag: bit 1 alone tells a values array.
constexpr uint64_t kValuesTag = 2;
inline bool slot_holds_values(uint64_t bits) { return (bits & kValuesTag) != 0; }
inline InstanceValues* slot_values(uint64_t bits) { return reinterpret_cast<InstanceValues*>(bits - kValuesTag); }
inline uint64_t values_slot_bits(InstanceValues* iv) { return reinterpret_cast<uint64_t>(iv) + kValuesTag; }
// The inline caches' accessors, straight from the tagged bits (the tag folds
// into the loads' displacement).
[[gnu::always_inline]] inline uint32_t values_cap(uint64_t bits) {
  return *reinterpret_cast<const uint8_t*>(bits - kValuesTag + offsetof(InstanceValues, cap));
}
[[gnu::always_inline]] inline Value* values_entry(uint64_t bits, uint32_t ix) {
  return reinterpret_cast<Value*>(bits - kValuesTag + sizeof(InstanceValues)) + ix;
}

// The __dict__ slot of an instance of a kTypeInlineValues type, raw.
inline std::atomic<uint64_t>* inline_values_slot(Object* o, Type* t) {
  return reinterpret_cast<std::atomic<uint64_t>*>(reinterpret_cast<char*>(o) + t->dict_offset);
}

// Does type_new give `t` (a new heap type) inline values? Sets the flag and
// allocates its keys.
void inline_values_type_init(Type* t);

// The index of `name` (an exact str) in t's shared keys, or -1. Lock-free.
int shared_keys_index(SharedKeys* k, Str* name);
// The index of interned `name` in t's keys, appended if absent; -1 when
// they are full. Appending a name that t's MRO also binds gives t a new
// version tag, before any instance can hold a value under the name: so
// while a site's cached version matches, a name the class binds and the
// keys lacked then (a method) is still absent from every instance's values
// (LOAD_ATTR_METHOD relies on it).
int shared_keys_add(Type* t, Str* name);
inline Str* shared_key_at(SharedKeys* k, uint32_t ix) {
  return std::atomic_ref<Str*>(k->names[ix]).load(std::memory_order_relaxed);
}
// False proves that no name with this hash is among the keys.
inline bool shared_keys_may_contain(SharedKeys* k, int64_t hash) {
  uint64_t bits = dict_bloom_bits(hash);
  return (k->bloom.load(std::memory_order_relaxed) & bits) == bits;
}

// The value at ix of the array, borrowed until this thread's next quiescent
// state (null if absent or beyond the array).
[[gnu::always_inline]] inline Value values_peek(InstanceValues* iv, uint32_t ix) {
  if (ix >= iv->cap) return Value();
  return std::atomic_ref<Value>(iv->values()[ix]).load(std::memory_order_acquire);
}

// An instance of t (kTypeInlineValues) with its first values array, or a
// plain zeroed instance for other types (object.__new__).
Object* inline_values_alloc_instance(Type* t);

// Attribute read from a values array: 1 found (*out), 0 absent, -1 error.
// `bits` is the slot's values-tagged content; `name` an exact str.
int inline_values_get(Type* t, uint64_t bits, Str* name, Ref<>* out);
// Store (v non-null) or delete (v null) obj.name in an instance of a
// kTypeInlineValues type. `name` is interned. Store: 0 done, -1 error.
// Delete: 1 deleted, 0 absent (no exception), -1 error. Whatever the slot
// holds (null, values, a dict).
int inline_values_store(Object* o, Type* t, Str* name, Value v);
// The same for the store at a known index (the inline cache's, checked:
// shared_key_at(keys, ix) == name) when the slot holds values.
int inline_values_store_at(Object* o, Type* t, uint32_t ix, Str* name, Value v);
// Turn the values of o (if the slot holds them) into a dict in the slot.
// `force`: also put an empty dict in an empty slot. False on error.
bool inline_values_materialize(Object* o, Type* t, bool force);
// Deallocation and tp_clear: empty the slot (values or dict) and release
// what it held. No reader can reach o.
void inline_values_clear(Object* o, Type* t);
// tp_traverse: the values (or the dict).
void inline_values_visit(Object* o, Type* t, VisitFn visit, void* arg);
// `obj.__dict__ = d`: the old content (values or a dict) is released for
// readers that may still use it. Takes the critical section.
void inline_values_replace_dict(Object* o, Type* t, Value d);

}  // namespace ftpy
