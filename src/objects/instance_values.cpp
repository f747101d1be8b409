// Instance attributes in per-class shared keys and per-instance values
// arrays: the protocol is in instance_values.h.
#include "objects/instance_values.h"

#include <algorithm>

#include "objects/dict.h"
#include "objects/protocol.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"
#include "runtime/parking_lot.h"
#include "runtime/qsbr.h"

namespace ftpy {

namespace {

// Guards every class's SharedKeys appends (never held across anything that
// can block or run Python).
Mutex g_shared_keys_mu;

// Sentinel of the store helpers: the slot now holds a dict; store there.
constexpr int kUseDict = 2;

size_t values_bytes(uint32_t cap) { return sizeof(InstanceValues) + cap * sizeof(Value); }

std::atomic_ref<Value> value_ref(InstanceValues* iv, uint32_t ix) { return std::atomic_ref<Value>(iv->values()[ix]); }

}  // namespace

int shared_keys_add(Type* t, Str* name) {
  SharedKeys* k = t->shared_keys;
  int ix = shared_keys_index(k, name);
  if (ix >= 0) return ix;
  bool added = false;
  g_shared_keys_mu.lock();
  ix = shared_keys_index(k, name);  // another instance may have added it
  if (ix < 0) {
    added = true;
    uint32_t n = k->n.load(std::memory_order_relaxed);
    if (n < kSharedKeysMax) {
      std::atomic_ref<Str*>(k->names[n]).store(name, std::memory_order_relaxed);
      k->bloom.fetch_or(dict_bloom_bits(str_hash(name)), std::memory_order_relaxed);
      k->n.store(n + 1, std::memory_order_release);
      ix = static_cast<int>(n);
    }
  }
  g_shared_keys_mu.unlock();
  // (Outside the lock: the lookup may take dict locks.)
  if (added && ix >= 0 && !type_lookup(t, Value(name)).is_null()) type_bump_version(t);
  return ix;
}

namespace {

// A new, separately allocated array with room for index ix.
InstanceValues* values_new(SharedKeys* k, uint32_t ix, uint32_t old_cap) {
  uint32_t cap = std::max({ix + 1, k->n.load(std::memory_order_relaxed), old_cap * 2, 4u});
  cap = std::min(cap, kSharedKeysMax);
  auto* iv = static_cast<InstanceValues*>(heap_alloc(values_bytes(cap)));
  if (!iv) return nullptr;
  __builtin_memset(iv, 0, values_bytes(cap));
  iv->cap = static_cast<uint8_t>(cap);
  return iv;
}

// Drop a replaced array whose values moved elsewhere (readers may still be
// loading from it).
void values_retire(InstanceValues* iv) {
  if (!iv->embedded) qsbr_retire_memory(iv);
}

// With the critical section held and the slot holding `iv` (or null):
// publish a dict with the same entries in index order. The values'
// references move to the dict (see the header on why readers of iv stay
// safe). False on error, nothing changed.
bool materialize_locked(std::atomic<uint64_t>* slot, Type* t, InstanceValues* iv) {
  int64_t count = 0;
  if (iv)
    for (uint32_t i = 0; i < iv->end; i++) count += !iv->values()[i].is_null();
  // CPython's minimum table, not the 4-slot one of dict_new_presized's
  // `small`: a dict asked for is used as a dict, and how many __eq__ calls a
  // lookup makes among colliding keys depends on the table's size.
  Ref<Dict> d = dict_new_presized(count > 0 ? count : 1);
  if (!d) return false;
  SharedKeys* k = t->shared_keys;
  if (iv) {
    for (uint32_t i = 0; i < iv->end; i++) {
      Value v = iv->values()[i];
      if (!v.is_null() && dict_set_item(d.val(), Value(shared_key_at(k, i)), v) < 0) return false;
    }
  }
  slot->store(d.release().bits(), std::memory_order_release);
  if (iv) {
    // The dict holds its own references now: drop the array's. None reaches
    // zero, and the dict retires what it later replaces.
    for (uint32_t i = 0; i < iv->end; i++) decref(iv->values()[i]);
    values_retire(iv);
  }
  return true;
}

// Store or delete with the critical section held and the slot holding
// values or null. Returns 0/1/-1 as inline_values_store, or kUseDict once the
// slot holds a dict the caller must use. *old: a replaced value, to release
// after the section.
int store_locked(std::atomic<uint64_t>* slot, Type* t, int ix, Str* name, Value v, Value* old) {
  uint64_t bits = slot->load(std::memory_order_relaxed);
  InstanceValues* iv = bits ? slot_values(bits) : nullptr;
  SharedKeys* k = t->shared_keys;
  if (v.is_null()) {  // delete
    if (!iv || ix < 0 || static_cast<uint32_t>(ix) >= iv->cap) return 0;
    Value prev = iv->values()[ix];
    if (prev.is_null()) return 0;
    value_ref(iv, ix).store(Value(), std::memory_order_release);
    while (iv->end > 0 && iv->values()[iv->end - 1].is_null()) iv->end--;
    *old = prev;
    return 1;
  }
  if (ix < 0) {
    ix = shared_keys_add(t, name);
    if (ix < 0) return materialize_locked(slot, t, iv) ? kUseDict : -1;  // the class has too many names
  }
  auto uix = static_cast<uint32_t>(ix);
  if (iv && uix < iv->cap) {
    Value prev = iv->values()[uix];
    if (!prev.is_null()) {  // replace
      incref(v);
      value_ref(iv, uix).store(v, std::memory_order_release);
      *old = prev;
      return 0;
    }
    if (uix < iv->end) return materialize_locked(slot, t, iv) ? kUseDict : -1;  // out of order
    incref(v);
    value_ref(iv, uix).store(v, std::memory_order_release);
    iv->end = static_cast<uint8_t>(uix + 1);
    return 0;
  }
  // No array yet, or one too short: a longer one, published with the value in.
  InstanceValues* nv = values_new(k, uix, iv ? iv->cap : 0);
  if (!nv) return -1;
  if (iv) {
    for (uint32_t i = 0; i < iv->end; i++) nv->values()[i] = iv->values()[i];  // the references move
  }
  incref(v);
  nv->values()[uix] = v;
  nv->end = static_cast<uint8_t>(uix + 1);
  slot->store(values_slot_bits(nv), std::memory_order_release);
  if (iv) values_retire(iv);
  return 0;
}

// The dict part of a store or delete (the slot holds a dict at `bits`).
int dict_store(uint64_t bits, Str* name, Value v) {
  // Held: waiting for the dict's lock is a quiescent state, after which a
  // dict replaced by `obj.__dict__ = ...` may be freed.
  Ref<> d = Ref<>::borrow(Value(bits));
  if (!v.is_null()) return dict_set_item(d.val(), Value(name), v);
  return dict_del_item(d.val(), Value(name));
}

int store(Object* o, Type* t, int ix, Str* name, Value v) {
  std::atomic<uint64_t>* slot = inline_values_slot(o, t);
  uint64_t bits = slot->load(std::memory_order_acquire);
  if (bits == 0 || slot_holds_values(bits)) {
    Value old;
    int r;
    {
      CriticalSection cs(o);
      bits = slot->load(std::memory_order_relaxed);
      r = bits == 0 || slot_holds_values(bits) ? store_locked(slot, t, ix, name, v, &old) : kUseDict;
    }
    release_unlinked_value(old);  // outside the section: it may run __del__
    if (r != kUseDict) return r;
    bits = slot->load(std::memory_order_acquire);
  }
  return dict_store(bits, name, v);
}

}  // namespace

void inline_values_type_init(Type* t) {
  Type* solid = t;
  while (solid->flags & kTypeHeapType) solid = solid->base;
  if (solid != &g_object_type || t->dict_offset <= 0) return;
  t->flags |= kTypeInlineValues;
  t->shared_keys = new SharedKeys();  // lives as long as the (immortal) heap type
}

int shared_keys_index(SharedKeys* k, Str* name) {
  uint32_t n = k->n.load(std::memory_order_acquire);
  for (uint32_t i = 0; i < n; i++)
    if (shared_key_at(k, i) == name) return static_cast<int>(i);
  if (name->interned) return -1;  // the keys are interned: identity decides
  if (!shared_keys_may_contain(k, str_hash(name))) return -1;
  for (uint32_t i = 0; i < n; i++)
    if (str_equal(shared_key_at(k, i), name)) return static_cast<int>(i);
  return -1;
}

Object* inline_values_alloc_instance(Type* t) {
  if (!(t->flags & kTypeInlineValues)) return alloc_object<Object>(t, t->basic_size);
  // Sized for the names the class has so far: its instances usually set the
  // same ones, and those that set more get a longer array then.
  uint32_t cap = std::min(t->shared_keys->n.load(std::memory_order_relaxed), kSharedKeysMax);
  size_t extra = cap ? values_bytes(cap) : 0;
  Object* o = alloc_object<Object>(t, t->basic_size + extra);
  if (!o || !cap) return o;
  auto* iv = reinterpret_cast<InstanceValues*>(reinterpret_cast<char*>(o) + t->basic_size);
  iv->cap = static_cast<uint8_t>(cap);
  iv->embedded = 1;
  // Not yet visible to any other thread: a plain store.
  inline_values_slot(o, t)->store(values_slot_bits(iv), std::memory_order_relaxed);
  return o;
}

int inline_values_get(Type* t, uint64_t bits, Str* name, Ref<>* out) {
  int ix = shared_keys_index(t->shared_keys, name);
  if (ix < 0) return 0;
  Value v = values_peek(slot_values(bits), static_cast<uint32_t>(ix));
  if (v.is_null()) return 0;
  *out = Ref<>::borrow(v);  // before our next quiescent state
  return 1;
}

int inline_values_store(Object* o, Type* t, Str* name, Value v) {
  return store(o, t, shared_keys_index(t->shared_keys, name), name, v);
}

int inline_values_store_at(Object* o, Type* t, uint32_t ix, Str* name, Value v) {
  return store(o, t, static_cast<int>(ix), name, v);
}

bool inline_values_materialize(Object* o, Type* t, bool force) {
  std::atomic<uint64_t>* slot = inline_values_slot(o, t);
  uint64_t bits = slot->load(std::memory_order_acquire);
  if (!slot_holds_values(bits) && (bits != 0 || !force)) return true;
  CriticalSection cs(o);
  bits = slot->load(std::memory_order_relaxed);
  if (!slot_holds_values(bits) && (bits != 0 || !force)) return true;
  return materialize_locked(slot, t, bits ? slot_values(bits) : nullptr);
}

void inline_values_clear(Object* o, Type* t) {
  std::atomic<uint64_t>* slot = inline_values_slot(o, t);
  uint64_t bits = slot->exchange(0, std::memory_order_relaxed);
  if (!slot_holds_values(bits)) {
    decref(Value(bits));
    return;
  }
  // Emptied first: a __del__ run by a release below sees no attributes.
  InstanceValues* iv = slot_values(bits);
  for (uint32_t i = 0; i < iv->end; i++) {
    Value v = iv->values()[i];
    iv->values()[i] = Value();
    decref(v);
  }
  iv->end = 0;
  if (!iv->embedded) heap_free(iv);
}

void inline_values_visit(Object* o, Type* t, VisitFn visit, void* arg) {
  uint64_t bits = inline_values_slot(o, t)->load(std::memory_order_relaxed);
  if (!slot_holds_values(bits)) {
    visit(Value(bits), arg);
    return;
  }
  InstanceValues* iv = slot_values(bits);
  for (uint32_t i = 0; i < iv->end; i++) visit(iv->values()[i], arg);
}

void inline_values_replace_dict(Object* o, Type* t, Value d) {
  std::atomic<uint64_t>* slot = inline_values_slot(o, t);
  incref(d);
  uint64_t bits;
  {
    CriticalSection cs(o);
    bits = slot->exchange(d.bits(), std::memory_order_acq_rel);
  }
  // Readers may still be using the old content: its values (or the old
  // dict) are retired, not released; a separate array too.
  if (!slot_holds_values(bits)) {
    qsbr_retire_value(Value(bits));
    return;
  }
  InstanceValues* iv = slot_values(bits);
  for (uint32_t i = 0; i < iv->end; i++) release_unlinked_value(iv->values()[i]);
  values_retire(iv);
}

}  // namespace ftpy
