// set and frozenset (see set.h for the layout and thread-safety rules).
//
// Table policy (chosen so iteration order matches CPython's for the same
// insertions, which programs print): sizes are powers of two, at least 8; a
// probe scans up to kLinearProbes neighbouring slots before jumping with the
// perturbed recurrence i = 5i + 1 + perturb; a table more than 60% full
// (counting deleted slots) is rebuilt with room for 4x the live keys (2x past
// 50000 keys).
#include "objects/set.h"

#include <cstring>
#include <string>
#include <vector>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/hash.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_set_type;
Type g_frozenset_type;

namespace {

Type g_set_iter_type;
Object g_dummy_obj;  // marks deleted slots; never counted
constexpr int64_t kMinSize = kSetSmallSize;

// Room for a copy of a set's inline table, left uninitialised (SetEntry's
// members would otherwise be zeroed on every resize and clear).
union SavedSmall {
  SetEntry e[kMinSize];
  SavedSmall() {}
};
constexpr int64_t kLinearProbes = 9;

inline Value dummy() { return Value(&g_dummy_obj); }
inline bool live(const SetEntry& e) { return !e.key.is_null() && e.key != dummy(); }

// Small ints below the hash modulus hash to themselves (-1 excepted): the
// common keys of sets of ints skip the call into int_hash.
inline int64_t key_hash(Value key) {
  if (key.is_small()) {
    int64_t i = key.small_value();
    constexpr int64_t kMod = static_cast<int64_t>(kHashModulus);
    if (i > -kMod && i < kMod) [[likely]]
      return i == -1 ? -2 : i;
    return hash(key);
  }
  if (is_str_exact(key)) return str_hash(key.as<Str>());
  return hash(key);
}

// For membership tests and removal: key's hash failed (TypeError pending),
// and a set is looked up as the frozenset of its keys (*alt holds it).
[[gnu::noinline]] int64_t probe_hash_unhashable(Value key, Ref<>* alt) {
  if (!is_set(key) || !err_matches(g_TypeError)) return -1;
  err_clear();
  *alt = frozenset_new(key);
  if (!*alt) return -1;
  return key_hash(alt->val());
}

// lookup's general form: live keys with equal hashes are compared with
// __eq__, which may run Python code and change the table (then it restarts).
[[gnu::noinline]] int64_t lookup_compare(Set* s, Value key, int64_t h, int64_t* free_slot) {
restart:
  SetEntry* table = s->table;
  int64_t mask = s->mask;
  int64_t free = -1;
  if (!table) {  // an __eq__ call cleared the set
    *free_slot = -1;
    return -1;
  }
  uint64_t perturb = static_cast<uint64_t>(h);
  int64_t i = static_cast<int64_t>(static_cast<uint64_t>(h) & static_cast<uint64_t>(mask));
  for (;;) {
    int64_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    for (int64_t j = i; j <= i + probes; j++) {
      Value k = table[j].key;
      if (k == key) return j;
      if (k.is_null()) {
        *free_slot = free < 0 ? j : free;
        return -1;
      }
      if (table[j].hash != h) {
        if (free < 0 && k == dummy()) free = j;
        continue;
      }
      if (is_str_exact(k) && is_str_exact(key)) {
        if (str_equal(k.as<Str>(), key.as<Str>())) return j;
        continue;
      }
      Ref<> kref = Ref<>::borrow(k);
      int eq = richcompare_bool(k, key, kEq);
      if (eq < 0) return -2;
      if (s->table != table || s->mask != mask || table[j].key != k) goto restart;
      if (eq) return j;
    }
    perturb >>= 5;
    i = static_cast<int64_t>((static_cast<uint64_t>(i) * 5 + 1 + perturb) & static_cast<uint64_t>(mask));
  }
}

// Find `key` (critical section held). Returns the slot of the key, or -1 when
// absent with *free_slot set to where it would go; -2 on error. Each slot is
// tested for identity first (key is never null or the dummy), then
// emptiness, then the hash: a deleted slot's hash is -1, which no key has.
// This scan calls nothing, so it needs no saved registers or stack frame; at
// the first live slot with an equal hash that is not the key itself (rare for
// ints: -1 and -2 share a hash), lookup_compare takes over from the start.
inline int64_t lookup(Set* s, Value key, int64_t h, int64_t* free_slot) {
  SetEntry* table = s->table;
  int64_t mask = s->mask;
  if (!table) {
    *free_slot = -1;
    return -1;
  }
  SetEntry* free = nullptr;  // a local: stores through free_slot could alias the table
  uint64_t perturb = static_cast<uint64_t>(h);
  int64_t i = static_cast<int64_t>(static_cast<uint64_t>(h) & static_cast<uint64_t>(mask));
  for (;;) {
    SetEntry* e = table + i;
    SetEntry* last = i + kLinearProbes <= mask ? e + kLinearProbes : e;
    for (; e <= last; e++) {
      Value k = e->key;
      if (k == key) return e - table;
      if (k.is_null()) {
        *free_slot = (free ? free : e) - table;
        return -1;
      }
      if (e->hash == h) [[unlikely]]
        return lookup_compare(s, key, h, free_slot);
      if (!free && k == dummy()) free = e;
    }
    perturb >>= 5;
    i = static_cast<int64_t>((static_cast<uint64_t>(i) * 5 + 1 + perturb) & static_cast<uint64_t>(mask));
  }
}

// Insert into a table known not to contain the key and to have no dummies.
void insert_clean(SetEntry* table, int64_t mask, Value key, int64_t h) {
  uint64_t perturb = static_cast<uint64_t>(h);
  int64_t i = static_cast<int64_t>(static_cast<uint64_t>(h) & static_cast<uint64_t>(mask));
  for (;;) {
    int64_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    for (int64_t j = i; j <= i + probes; j++) {
      if (table[j].key.is_null()) {
        table[j].key = key;
        table[j].hash = h;
        return;
      }
    }
    perturb >>= 5;
    i = static_cast<int64_t>((static_cast<uint64_t>(i) * 5 + 1 + perturb) & static_cast<uint64_t>(mask));
  }
}

bool resize(Set* s, int64_t minused) {
  int64_t size = kMinSize;
  while (size <= minused) size <<= 1;
  SetEntry* old = s->table;
  SavedSmall saved;  // the inline table's entries, when it is rebuilt in place
  SetEntry* table;
  if (size == kMinSize) {
    if (old == s->small) {
      std::memcpy(static_cast<void*>(saved.e), old, sizeof saved.e);
      old = saved.e;
    }
    table = s->small;
  } else {
    table = static_cast<SetEntry*>(heap_alloc(sizeof(SetEntry) * size));
    if (!table) return false;
  }
  std::memset(static_cast<void*>(table), 0, sizeof(SetEntry) * size);
  if (old) {
    for (int64_t j = 0; j <= s->mask; j++)
      if (live(old[j])) insert_clean(table, size - 1, old[j].key, old[j].hash);
    if (old != saved.e && old != s->small) heap_free(old);
  }
  s->table = table;
  s->mask = size - 1;
  s->fill = s->used;
  s->finger = 0;
  return true;
}

// Add with the hash known (critical section held).
int add_entry(Set* s, Value key, int64_t h) {
  int64_t slot;
  for (;;) {
    if (!s->table && !resize(s, 0)) return -1;
    int64_t ix = lookup(s, key, h, &slot);
    if (ix == -2) return -1;
    if (ix >= 0) return 0;
    // slot -1: an __eq__ call cleared the set (no table): make one and look
    // again; the new table is empty, so no __eq__ runs the second time.
    if (slot >= 0) break;
  }
  SetEntry* e = &s->table[slot];
  if (e->key.is_null()) s->fill++;
  incref(key);
  e->key = key;
  e->hash = h;
  s->used++;
  if (s->fill * 5 >= s->mask * 3) {
    if (!resize(s, s->used > 50000 ? s->used * 2 : s->used * 4)) return -1;
  }
  return 0;
}

// Remove (critical section held): 1 removed (*old gets the key to release), 0 absent.
int discard_entry(Set* s, Value key, int64_t h, Value* old) {
  int64_t slot;
  int64_t ix = lookup(s, key, h, &slot);
  if (ix == -2) return -1;
  if (ix < 0) return 0;
  *old = s->table[ix].key;
  s->table[ix].key = dummy();
  s->table[ix].hash = -1;
  s->used--;
  return 1;
}

Set* alloc_set(Type* t) {
  Set* s = alloc_object<Set>(t, t->basic_size);
  if (s) s->hash.store(-1, std::memory_order_relaxed);
  return s;
}

Type* base_type(Value v) { return is_frozenset(v) ? &g_frozenset_type : &g_set_type; }

// Snapshot of the live keys and hashes, in table order.
struct Snapshot {
  std::vector<Value> keys;  // owned
  std::vector<int64_t> hashes;
  ~Snapshot() {
    for (Value k : keys) decref(k);
  }
};

void take_snapshot(Value sv, Snapshot* out) {
  Set* s = sv.as<Set>();
  CriticalSection cs(s);
  out->keys.reserve(static_cast<size_t>(s->used));
  out->hashes.reserve(static_cast<size_t>(s->used));
  if (!s->table) return;
  for (int64_t j = 0; j <= s->mask; j++) {
    if (!live(s->table[j])) continue;
    incref(s->table[j].key);
    out->keys.push_back(s->table[j].key);
    out->hashes.push_back(s->table[j].hash);
  }
}

// Drop the keys of a table taken out of its set; `heap` if it is heap
// memory to free (not a set's inline table or a copy of one).
void release_table(SetEntry* table, int64_t mask, bool heap) {
  if (!table) return;
  for (int64_t j = 0; j <= mask; j++)
    if (live(table[j])) decref(table[j].key);
  if (heap) heap_free(table);
}

// Add the live entries of `table` (mask `mask`, `n` live, `clean` if it has
// no deleted slots; null when empty) to s, as CPython's set_merge does: one
// resize up front by CPython's rule (a set without a table yet counts at
// the minimum size it would start with), then, into an empty table of the
// source's size, the source's slots as they are, so that set(s), s.copy()
// and frozenset(s) iterate in s's order; otherwise insertions in table
// order. The table sizes and so the iteration orders come out as CPython's.
int merge_entries(Set* s, const SetEntry* table, int64_t mask, bool clean, int64_t n) {
  CriticalSection cs(s);
  int64_t smask = s->table ? s->mask : kMinSize - 1;
  if ((s->fill + n) * 5 >= smask * 3) {
    if (!resize(s, (s->used + n) * 2)) return -1;
  } else if (!s->table && !resize(s, 0)) {
    return -1;
  }
  if (!table) return 0;
  if (s->fill == 0 && s->mask == mask && clean) {
    for (int64_t j = 0; j <= mask; j++) {
      if (!live(table[j])) continue;
      incref(table[j].key);
      s->table[j] = table[j];
    }
    s->fill = s->used = n;
    return 0;
  }
  for (int64_t j = 0; j <= mask; j++)
    if (live(table[j]) && add_entry(s, table[j].key, table[j].hash) < 0) return -1;
  return 0;
}

int merge_set(Value dst, Value src) {
  Set* o = src.as<Set>();
  // A frozenset's table never changes once built: read it in place (the
  // caller's reference keeps its keys alive).
  if (is_frozenset(src)) return merge_entries(dst.as<Set>(), o->table, o->mask, o->fill == o->used, o->used);
  // A set may change while we insert (a key's __eq__ can run anything), and
  // it may be dst itself: copy its table first.
  std::vector<SetEntry> copy;
  int64_t mask = 0, n = 0;
  bool clean = false;
  {
    CriticalSection cs(o);
    if (o->table) {
      copy.assign(o->table, o->table + o->mask + 1);
      for (const SetEntry& e : copy)
        if (live(e)) incref(e.key);
      mask = o->mask;
      n = o->used;
      clean = o->fill == o->used;
    }
  }
  int r = merge_entries(dst.as<Set>(), copy.empty() ? nullptr : copy.data(), mask, clean, n);
  for (const SetEntry& e : copy)
    if (live(e)) decref(e.key);
  return r;
}

int update_iterable(Value dst, Value other) {
  if (is_anyset(other)) return merge_set(dst, other);
  if (is_dict(other)) {
    int64_t pos = 0;
    Ref<> k;
    while (dict_next(other, &pos, &k, nullptr))
      if (set_add(dst, k.val()) < 0) return -1;
    return 0;
  }
  Ref<> it = get_iter(other);
  if (!it) return -1;
  for (;;) {
    Ref<> x = iter_next(it.val());
    if (!x) return err_occurred() ? -1 : 0;
    if (set_add(dst, x.val()) < 0) return -1;
  }
}

Ref<> make_set(Type* t, Value iterable) {
  Set* s = alloc_set(t);
  if (!s) return nullptr;
  Ref<> r = Ref<>::steal(Value(s));
  if (!iterable.is_null() && update_iterable(r.val(), iterable) < 0) return nullptr;
  return r;
}

Ref<> copy_as_base(Value v) { return make_set(base_type(v), v); }

// Exchange the contents of a and b (b is private to the caller).
void swap_contents(Value a, Value b) {
  Set* x = a.as<Set>();
  Set* y = b.as<Set>();
  CriticalSection cs(x);
  // An inline table's entries move with the contents; its pointer must
  // then name the receiving set's own inline table.
  bool x_small = x->table == x->small, y_small = y->table == y->small;
  SavedSmall tmp;
  std::memcpy(static_cast<void*>(tmp.e), x->small, sizeof tmp.e);
  std::memcpy(static_cast<void*>(x->small), y->small, sizeof tmp.e);
  std::memcpy(static_cast<void*>(y->small), tmp.e, sizeof tmp.e);
  std::swap(x->table, y->table);
  if (x_small) y->table = y->small;
  if (y_small) x->table = x->small;
  std::swap(x->mask, y->mask);
  std::swap(x->fill, y->fill);
  std::swap(x->used, y->used);
  x->finger = y->finger = 0;
}

// A new set (of `t`) with the elements of `a` that are also in `other`.
Ref<> intersect(Type* t, Value a, Value other) {
  Ref<> r = make_set(t, Value());
  if (!r) return nullptr;
  if (is_anyset(other)) {
    Value small = a, big = other;
    if (set_size(other) < set_size(a)) std::swap(small, big);
    Snapshot snap;
    take_snapshot(small, &snap);
    for (size_t i = 0; i < snap.keys.size(); i++) {
      int c = set_contains(big, snap.keys[i]);
      if (c < 0) return nullptr;
      if (c && set_add(r.val(), snap.keys[i]) < 0) return nullptr;
    }
    return r;
  }
  Ref<> it = get_iter(other);
  if (!it) return nullptr;
  for (;;) {
    Ref<> x = iter_next(it.val());
    if (!x) return err_occurred() ? nullptr : r;
    int c = set_contains(a, x.val());
    if (c < 0) return nullptr;
    if (c && set_add(r.val(), x.val()) < 0) return nullptr;
  }
}

int difference_update(Value self, Value other) {
  if (self == other) {
    Ref<> empty = make_set(&g_set_type, Value());
    if (!empty) return -1;
    swap_contents(self, empty.val());
    return 0;
  }
  if (is_anyset(other)) {
    Snapshot snap;
    take_snapshot(other, &snap);
    for (Value k : snap.keys)
      if (set_discard(self, k) < 0) return -1;
    return 0;
  }
  Ref<> it = get_iter(other);
  if (!it) return -1;
  for (;;) {
    Ref<> x = iter_next(it.val());
    if (!x) return err_occurred() ? -1 : 0;
    if (set_discard(self, x.val()) < 0) return -1;
  }
}

int symmetric_difference_update(Value self, Value other) {
  if (self == other) return difference_update(self, other);
  Ref<> o = is_anyset(other) ? Ref<>::borrow(other) : make_set(&g_set_type, other);
  if (!o) return -1;
  Snapshot snap;
  take_snapshot(o.val(), &snap);
  Set* s = self.as<Set>();
  std::vector<Value> garbage;
  int status = 0;
  {
    CriticalSection cs(s);
    for (size_t i = 0; i < snap.keys.size() && status == 0; i++) {
      Value old;
      int r = discard_entry(s, snap.keys[i], snap.hashes[i], &old);
      if (r < 0) status = -1;
      else if (r > 0) garbage.push_back(old);
      else if (add_entry(s, snap.keys[i], snap.hashes[i]) < 0) status = -1;
    }
  }
  for (Value g : garbage) decref(g);
  return status;
}

int intersection_update(Value self, Value other) {
  Ref<> r = intersect(&g_set_type, self, other);
  if (!r) return -1;
  swap_contents(self, r.val());
  return 0;
}

}  // namespace

bool is_set(Value v) { return v.is_obj() && is_subtype(type_of(v), &g_set_type); }
bool is_frozenset(Value v) { return v.is_obj() && is_subtype(type_of(v), &g_frozenset_type); }

Ref<> set_new(Value iterable) { return make_set(&g_set_type, iterable); }

Ref<> frozenset_new(Value iterable) {
  if (!iterable.is_null() && type_of(iterable) == &g_frozenset_type) return Ref<>::borrow(iterable);
  return make_set(&g_frozenset_type, iterable);
}

int set_add(Value sv, Value key) {
  int64_t h = key_hash(key);
  if (h == -1) return -1;
  Set* s = sv.as<Set>();
  CriticalSection cs(s);
  return add_entry(s, key, h);
}

namespace {

// The hash is known: no Ref for a frozenset stand-in in the common path's frame.
inline int discard_hashed(Set* s, Value key, int64_t h) {
  Value old;
  int r;
  {
    CriticalSection cs(s);
    r = discard_entry(s, key, h, &old);
  }
  if (r > 0) decref(old);
  return r;
}

inline int contains_hashed(Set* s, Value key, int64_t h) {
  CriticalSection cs(s);
  int64_t slot;
  int64_t ix = lookup(s, key, h, &slot);
  if (ix == -2) return -1;
  return ix >= 0;
}

}  // namespace

namespace {

// Run `probe(key, hash)`; an unhashable key (a set looked up in a set) is
// probed as its frozenset stand-in, as CPython's set.discard and `in` do.
template <typename Probe>
int with_probe_key(Value key, Probe&& probe) {
  int64_t h = key_hash(key);
  if (h != -1) [[likely]] return probe(key, h);
  Ref<> alt;
  h = probe_hash_unhashable(key, &alt);
  return h == -1 ? -1 : probe(alt.val(), h);
}

}  // namespace

int set_discard(Value sv, Value key) {
  return with_probe_key(key, [&](Value k, int64_t h) { return discard_hashed(sv.as<Set>(), k, h); });
}

int set_contains(Value sv, Value key) {
  return with_probe_key(key, [&](Value k, int64_t h) { return contains_hashed(sv.as<Set>(), k, h); });
}

int64_t set_size(Value sv) {
  Set* s = sv.as<Set>();
  CriticalSection cs(s);
  return s->used;
}

int set_update_op(Value set, Value other, BinaryOp op) {
  switch (op) {
    case kOpOr: return update_iterable(set, other);
    case kOpAnd: return intersection_update(set, other);
    case kOpSub: return difference_update(set, other);
    case kOpXor: return symmetric_difference_update(set, other);
    default: err_set_str(g_SystemError, "bad set operation"); return -1;
  }
}

bool set_next(Value sv, int64_t* pos, Ref<>* key) {
  Set* s = sv.as<Set>();
  CriticalSection cs(s);
  if (!s->table) return false;
  while (*pos <= s->mask) {
    SetEntry& e = s->table[(*pos)++];
    if (live(e)) {
      *key = Ref<>::borrow(e.key);
      return true;
    }
  }
  return false;
}

namespace {

// --- slots ---------------------------------------------------------------------

void set_dealloc(Object* o) {
  Set* s = static_cast<Set*>(o);
  release_table(s->table, s->mask, s->table != s->small);
  free_object(o);
}

void set_traverse(Object* o, VisitFn visit, void* arg) {
  Set* s = static_cast<Set*>(o);
  if (!s->table) return;
  for (int64_t j = 0; j <= s->mask; j++)
    if (live(s->table[j])) visit(s->table[j].key, arg);
}

Ref<> set_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  if (t == &g_set_type && !kwnames.is_null() && tuple_size(kwnames) > 0)
    return err_set_str(g_TypeError, "set() takes no keyword arguments");
  return make_set(t, Value());
}

int set_tp_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (type_of(self) == &g_set_type && !kwnames.is_null() && tuple_size(kwnames) > 0) {
    err_set_str(g_TypeError, "set() takes no keyword arguments");
    return -1;
  }
  if (nargs > 1) {
    err_format(g_TypeError, "set expected at most 1 argument, got %zu", nargs);
    return -1;
  }
  Set* s = self.as<Set>();
  SetEntry* old;
  int64_t old_mask;
  SavedSmall saved;  // the inline table's entries: released after the lock
  {
    CriticalSection cs(s);
    old = s->table;
    old_mask = s->mask;
    if (old == s->small) {
      std::memcpy(static_cast<void*>(saved.e), old, sizeof saved.e);
      old = saved.e;
    }
    s->table = nullptr;
    s->mask = s->fill = s->used = s->finger = 0;
  }
  release_table(old, old_mask, old != saved.e);
  if (nargs == 1) return update_iterable(self, args[0]);
  return 0;
}

Ref<> frozenset_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  if (t == &g_frozenset_type && !kwnames.is_null() && tuple_size(kwnames) > 0)
    return err_set_str(g_TypeError, "frozenset() takes no keyword arguments");
  if (nargs > 1) return err_format(g_TypeError, "frozenset expected at most 1 argument, got %zu", nargs);
  if (t == &g_frozenset_type) return frozenset_new(nargs ? args[0] : Value());
  return make_set(t, nargs ? args[0] : Value());
}

Ref<> set_repr(Value self) {
  Type* t = type_of(self);
  bool plain = t == &g_set_type;
  const char* name = type_name(t);
  if (set_size(self) == 0) return str_from_utf8(std::string(name) + "()");
  if (!repr_enter(self)) return str_from_utf8(std::string(name) + "(...)");
  Snapshot snap;
  take_snapshot(self, &snap);
  std::string s = plain ? "{" : std::string(name) + "({";
  for (size_t i = 0; i < snap.keys.size(); i++) {
    if (i) s += ", ";
    Ref<> r = repr(snap.keys[i]);
    if (!r) {
      repr_leave(self);
      return nullptr;
    }
    s += str_view(r.val());
  }
  s += plain ? "}" : "})";
  repr_leave(self);
  return str_from_utf8(s);
}

int64_t set_len(Value self) { return set_size(self); }
int set_contains_slot(Value self, Value key) { return set_contains(self, key); }

// 1 if every key of a is in b.
int is_subset(Value a, Value b) {
  if (set_size(a) > set_size(b)) return 0;
  Snapshot snap;
  take_snapshot(a, &snap);
  for (Value k : snap.keys) {
    int c = set_contains(b, k);
    if (c <= 0) return c;
  }
  return 1;
}

Ref<> set_richcompare(Value a, Value b, CompareOp op) {
  if (!is_anyset(b)) return Ref<>::steal(not_implemented());
  int64_t la = set_size(a), lb = set_size(b);
  int r = 0;
  switch (op) {
    case kEq:
    case kNe:
      if (la == lb && is_frozenset(a) && is_frozenset(b)) {
        int64_t ha = a.as<Set>()->hash.load(std::memory_order_relaxed);
        int64_t hb = b.as<Set>()->hash.load(std::memory_order_relaxed);
        if (ha != -1 && hb != -1 && ha != hb) {
          r = 0;
          break;
        }
      }
      r = la == lb ? is_subset(a, b) : 0;
      break;
    case kLt: r = la < lb ? is_subset(a, b) : 0; break;
    case kLe: r = is_subset(a, b); break;
    case kGt: r = la > lb ? is_subset(b, a) : 0; break;
    case kGe: r = is_subset(b, a); break;
  }
  if (r < 0) return nullptr;
  if (op == kNe) r = !r;
  return new_bool(r != 0);
}

inline uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull; }

int64_t frozenset_hash(Value self) {
  Set* s = self.as<Set>();
  int64_t cached = s->hash.load(std::memory_order_relaxed);
  if (cached != -1) return cached;
  uint64_t h = 0;
  if (s->table)
    for (int64_t j = 0; j <= s->mask; j++)
      if (live(s->table[j])) h ^= shuffle_bits(static_cast<uint64_t>(s->table[j].hash));
  h ^= (static_cast<uint64_t>(s->used) + 1) * 1927868237ull;
  h ^= (h >> 11) ^ (h >> 25);
  h = h * 69069u + 907133923ull;
  int64_t r = static_cast<int64_t>(h);
  if (r == -1) r = 590923713;
  s->hash.store(r, std::memory_order_relaxed);
  return r;
}

template <BinaryOp Op>
Ref<> set_binop(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return Ref<>::steal(not_implemented());
  if (Op == kOpAnd) return intersect(base_type(a), a, b);
  Ref<> r = copy_as_base(a);
  if (!r) return nullptr;
  if (set_update_op(r.val(), b, Op) < 0) return nullptr;
  return r;
}

template <BinaryOp Op>
Ref<> set_inplace(Value a, Value b) {
  if (!is_anyset(b)) return Ref<>::steal(not_implemented());
  if (set_update_op(a, b, Op) < 0) return nullptr;
  return Ref<>::borrow(a);
}

// --- iteration ------------------------------------------------------------------

struct SetIter : Object {
  Value set;  // owned; null once exhausted
  int64_t pos;
  int64_t used;  // size when made (-1 after a failure)
  int64_t len;
};

void set_iter_dealloc(Object* o) {
  decref(static_cast<SetIter*>(o)->set);
  free_object(o);
}
void set_iter_traverse(Object* o, VisitFn visit, void* arg) { visit(static_cast<SetIter*>(o)->set, arg); }
Ref<> iter_self(Value self) { return Ref<>::borrow(self); }

Ref<> set_iter(Value self) {
  auto* it = alloc_object<SetIter>(&g_set_iter_type);
  if (!it) return nullptr;
  it->set = Ref<>::borrow(self).release();
  it->used = set_size(self);
  it->len = it->used;
  return Ref<>::steal(Value(it));
}

Ref<> set_iter_next(Value self) {
  auto* it = self.as<SetIter>();
  Ref<> dead;
  CriticalSection cs(it);
  if (it->set.is_null()) return nullptr;
  if (it->used != set_size(it->set)) {
    it->used = -1;
    return err_set_str(g_RuntimeError, "Set changed size during iteration");
  }
  Ref<> k;
  if (!set_next(it->set, &it->pos, &k)) {
    dead = Ref<>::steal(it->set);
    it->set = Value();
    return nullptr;
  }
  it->len--;
  return k;
}

Ref<> set_iter_length_hint(Value self, Value*) {
  auto* it = self.as<SetIter>();
  CriticalSection cs(it);
  if (it->set.is_null() || it->used != set_size(it->set)) return small_int(0);
  return small_int(it->len);
}

// (iter, (list of the items still to come,)), as CPython: read from a copy of
// the position, so the iterator itself does not advance.
Ref<> set_iter_reduce(Value self, Value*) {
  auto* it = self.as<SetIter>();
  Ref<List> items = list_new();
  if (!items) return nullptr;
  {
    CriticalSection cs(it);
    if (!it->set.is_null()) {
      if (it->used != set_size(it->set)) return err_set_str(g_RuntimeError, "Set changed size during iteration");
      int64_t pos = it->pos;
      Ref<> k;
      while (set_next(it->set, &pos, &k))
        if (list_append(Value(items.get()), k.val()) < 0) return nullptr;
    }
  }
  return iter_reduce(Value(items.get()), Value());
}

const MethodDef kSetIterMethods[] = {
    {"__length_hint__($self, /)", set_iter_length_hint, "Private method returning an estimate of len(list(it))."},
    {"__reduce__($self, /)", set_iter_reduce, "Return state information for pickling."},
    {nullptr}};

// --- methods ----------------------------------------------------------------------

Ref<> m_add(Value self, Value* args) {
  if (set_add(self, args[0]) < 0) return nullptr;
  return new_none();
}

Ref<> m_discard(Value self, Value* args) {
  if (set_discard(self, args[0]) < 0) return nullptr;
  return new_none();
}

Ref<> m_remove(Value self, Value* args) {
  int r = set_discard(self, args[0]);
  if (r < 0) return nullptr;
  if (r == 0) {
    Ref<Tuple> a = tuple_pack({args[0]});
    return err_set_object(g_KeyError, a.val());
  }
  return new_none();
}

Ref<> m_pop(Value self, Value*) {
  Set* s = self.as<Set>();
  CriticalSection cs(s);
  if (s->used == 0) return err_set_str(g_KeyError, "pop from an empty set");
  int64_t i = s->finger & s->mask;
  while (!live(s->table[i])) i = (i + 1) & s->mask;
  Ref<> key = Ref<>::steal(s->table[i].key);
  s->table[i].key = dummy();
  s->table[i].hash = -1;
  s->used--;
  s->finger = i + 1;
  return key;
}

Ref<> m_clear(Value self, Value*) {
  Ref<> empty = make_set(&g_set_type, Value());
  if (!empty) return nullptr;
  swap_contents(self, empty.val());
  return new_none();
}

Ref<> m_copy(Value self, Value*) {
  if (type_of(self) == &g_frozenset_type) return Ref<>::borrow(self);
  return copy_as_base(self);
}

template <BinaryOp Op>
Ref<> m_update_n(Value self, Value* args) {
  Value others = args[0];
  for (int64_t i = 0; i < tuple_size(others); i++)
    if (set_update_op(self, tuple_item(others, i), Op) < 0) return nullptr;
  return new_none();
}

Ref<> m_symmetric_difference_update(Value self, Value* args) {
  if (symmetric_difference_update(self, args[0]) < 0) return nullptr;
  return new_none();
}

Ref<> m_union(Value self, Value* args) {
  Ref<> r = copy_as_base(self);
  if (!r) return nullptr;
  for (int64_t i = 0; i < tuple_size(args[0]); i++)
    if (update_iterable(r.val(), tuple_item(args[0], i)) < 0) return nullptr;
  return r;
}

Ref<> m_intersection(Value self, Value* args) {
  if (tuple_size(args[0]) == 0) return copy_as_base(self);
  Ref<> r = Ref<>::borrow(self);
  for (int64_t i = 0; i < tuple_size(args[0]); i++) {
    r = intersect(base_type(self), r.val(), tuple_item(args[0], i));
    if (!r) return nullptr;
  }
  return r;
}

Ref<> m_difference(Value self, Value* args) {
  Ref<> r = copy_as_base(self);
  if (!r) return nullptr;
  for (int64_t i = 0; i < tuple_size(args[0]); i++)
    if (difference_update(r.val(), tuple_item(args[0], i)) < 0) return nullptr;
  return r;
}

Ref<> m_symmetric_difference(Value self, Value* args) {
  Ref<> r = copy_as_base(self);
  if (!r) return nullptr;
  if (symmetric_difference_update(r.val(), args[0]) < 0) return nullptr;
  return r;
}

// `other` as a set-like value for issubset & co.
Ref<> as_anyset(Value other) {
  if (is_anyset(other)) return Ref<>::borrow(other);
  return set_new(other);
}

Ref<> m_issubset(Value self, Value* args) {
  Ref<> o = as_anyset(args[0]);
  if (!o) return nullptr;
  int r = is_subset(self, o.val());
  if (r < 0) return nullptr;
  return new_bool(r != 0);
}

Ref<> m_issuperset(Value self, Value* args) {
  Ref<> o = as_anyset(args[0]);
  if (!o) return nullptr;
  int r = is_subset(o.val(), self);
  if (r < 0) return nullptr;
  return new_bool(r != 0);
}

Ref<> m_isdisjoint(Value self, Value* args) {
  Value other = args[0];
  if (self == other) return new_bool(set_size(self) == 0);
  Ref<> it = get_iter(other);
  if (!it) return nullptr;
  for (;;) {
    Ref<> x = iter_next(it.val());
    if (!x) {
      if (err_occurred()) return nullptr;
      return new_bool(true);
    }
    int c = set_contains(self, x.val());
    if (c < 0) return nullptr;
    if (c) return new_bool(false);
  }
}

Ref<> m_reduce(Value self, Value*) {
  Snapshot snap;
  take_snapshot(self, &snap);
  Ref<List> keys = list_from_array(snap.keys.data(), static_cast<int64_t>(snap.keys.size()));
  if (!keys) return nullptr;
  Ref<> args = tuple_pack({keys.val()});
  if (!args) return nullptr;
  Value* d = instance_dict_slot(self);
  // Held: `s.__dict__ = ...` may replace it meanwhile.
  Ref<> state = Ref<>::borrow(d ? std::atomic_ref<Value>(*d).load(std::memory_order_acquire) : Value());
  if (!state) state = new_none();
  return tuple_pack({Value(type_of(self)), args.val(), state.val()});
}

Ref<> m_class_getitem(Value cls, Value* args) { return generic_alias_new(cls, args[0]); }

Ref<> m_sizeof(Value self, Value*) {
  Set* s = self.as<Set>();
  CriticalSection cs(s);
  // CPython's figure: a 200-byte object with an inline table of 8 slots.
  int64_t size = 200;
  if (s->table && s->table != s->small) size += 16 * (s->mask + 1);
  return int_from_int64(size);
}

Ref<> m_contains(Value self, Value* args) {
  int r = set_contains(self, args[0]);
  if (r < 0) return nullptr;
  return new_bool(r != 0);
}

const MethodDef kSetMethods[] = {
    {"add($self, object, /)", m_add, "Add an element to a set.\n\nThis has no effect if the element is already present."},
    {"discard($self, object, /)", m_discard,
     "Remove an element from a set if it is a member.\n\nUnlike set.remove(), the discard() method does not raise\n"
     "an exception when an element is missing from the set."},
    {"remove($self, object, /)", m_remove,
     "Remove an element from a set; it must be a member.\n\nIf the element is not a member, raise a KeyError."},
    {"pop($self, /)", m_pop, "Remove and return an arbitrary set element.\nRaises KeyError if the set is empty."},
    {"clear($self, /)", m_clear, "Remove all elements from this set."},
    {"copy($self, /)", m_copy, "Return a shallow copy of a set."},
    {"update($self, /, *others)", m_update_n<kOpOr>, "Update the set, adding elements from all others."},
    {"intersection_update($self, /, *others)", m_update_n<kOpAnd>,
     "Update the set, keeping only elements found in it and all others."},
    {"difference_update($self, /, *others)", m_update_n<kOpSub>, "Update the set, removing elements found in others."},
    {"symmetric_difference_update($self, other, /)", m_symmetric_difference_update,
     "Update the set, keeping only elements found in either set, but not in both."},
    {"union($self, /, *others)", m_union, "Return a new set with elements from the set and all others."},
    {"intersection($self, /, *others)", m_intersection, "Return a new set with elements common to the set and all others."},
    {"difference($self, /, *others)", m_difference, "Return a new set with elements in the set that are not in the others."},
    {"symmetric_difference($self, other, /)", m_symmetric_difference,
     "Return a new set with elements in either the set or other but not both."},
    {"issubset($self, other, /)", m_issubset, "Report whether another set contains this set."},
    {"issuperset($self, other, /)", m_issuperset, "Report whether this set contains another set."},
    {"isdisjoint($self, other, /)", m_isdisjoint, "Return True if two sets have a null intersection."},
    {"__reduce__($self, /)", m_reduce, "Return state information for pickling."},
    {"__class_getitem__($type, item, /)", m_class_getitem, "See PEP 585", kMethClass},
    {"__sizeof__($self, /)", m_sizeof, "S.__sizeof__() -> size of S in memory, in bytes"},
    {nullptr}};

const MethodDef kFrozensetMethods[] = {
    {"copy($self, /)", m_copy, "Return a shallow copy of a set."},
    {"union($self, /, *others)", m_union, "Return a new set with elements from the set and all others."},
    {"intersection($self, /, *others)", m_intersection, "Return a new set with elements common to the set and all others."},
    {"difference($self, /, *others)", m_difference, "Return a new set with elements in the set that are not in the others."},
    {"symmetric_difference($self, other, /)", m_symmetric_difference,
     "Return a new set with elements in either the set or other but not both."},
    {"issubset($self, other, /)", m_issubset, "Report whether another set contains this set."},
    {"issuperset($self, other, /)", m_issuperset, "Report whether this set contains another set."},
    {"isdisjoint($self, other, /)", m_isdisjoint, "Return True if two sets have a null intersection."},
    {"__reduce__($self, /)", m_reduce, "Return state information for pickling."},
    {"__class_getitem__($type, item, /)", m_class_getitem, "See PEP 585", kMethClass},
    {"__sizeof__($self, /)", m_sizeof, "S.__sizeof__() -> size of S in memory, in bytes"},
    {nullptr}};

void fill_common(Type* t) {
  t->basic_size = sizeof(Set);
  t->flags = kTypeBaseType | kTypeHasGc;
  t->tp_dealloc = set_dealloc;
  t->tp_traverse = set_traverse;
  // Cycle collector: empty a garbage set or frozenset.
  t->tp_clear = [](Object* o) {
    if (!m_clear(Value(o), nullptr)) err_clear();
  };
  t->tp_repr = set_repr;
  t->tp_richcompare = set_richcompare;
  t->tp_iter = set_iter;
  t->mp_length = set_len;
  t->sq_contains = set_contains_slot;
  t->nb_binary[kOpOr] = set_binop<kOpOr>;
  t->nb_binary[kOpAnd] = set_binop<kOpAnd>;
  t->nb_binary[kOpXor] = set_binop<kOpXor>;
  t->nb_binary[kOpSub] = set_binop<kOpSub>;
}

}  // namespace

void set_types_init() {
  Type* t = &g_set_type;
  t->name = "set";
  fill_common(t);
  t->tp_new = set_tp_new;
  t->tp_init = set_tp_init;
  t->nb_inplace[kOpOr] = set_inplace<kOpOr>;
  t->nb_inplace[kOpAnd] = set_inplace<kOpAnd>;
  t->nb_inplace[kOpXor] = set_inplace<kOpXor>;
  t->nb_inplace[kOpSub] = set_inplace<kOpSub>;
  t->methods = kSetMethods;
  t->doc = "set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an unordered collection of unique elements.";
  type_ready(t);

  t = &g_frozenset_type;
  t->name = "frozenset";
  fill_common(t);
  t->tp_new = frozenset_tp_new;
  t->tp_hash = frozenset_hash;
  t->methods = kFrozensetMethods;
  t->doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\n"
           "Build an immutable unordered collection of unique elements.";
  type_ready(t);

  t = &g_set_iter_type;
  t->name = "set_iterator";
  t->basic_size = sizeof(SetIter);
  t->flags = kTypeHasGc;
  t->tp_dealloc = set_iter_dealloc;
  t->tp_traverse = set_iter_traverse;
  t->tp_iter = iter_self;
  t->tp_iternext = set_iter_next;
  t->methods = kSetIterMethods;
  type_ready(t);
  (void)m_contains;
}

}  // namespace ftpy
