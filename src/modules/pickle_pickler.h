// The state of a native pickler (pickle_pickler.cpp writes pickles with it;
// pickle_pickler_type.cpp is the _pickle.Pickler object and the module's
// dump/dumps around it).
//
// Thread safety: a PicklerState belongs to one Pickler object, whose
// critical section guards every field (pickle_pickler_type.cpp), or to one
// dump()/dumps() call on the C++ stack.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "modules/pickle_shared.h"
#include "runtime/ref.h"

namespace ftpy {

// The memo: object identity -> memo index. Holds a reference to each key,
// so an identity cannot be reused while it is in the memo.
class PickleMemo {
 public:
  struct Entry {
    uint64_t key;   // Value bits; 0 = empty slot
    int64_t index;  // the memo index written with PUT/MEMOIZE
  };

  PickleMemo() = default;
  PickleMemo(const PickleMemo&) = delete;
  PickleMemo& operator=(const PickleMemo&) = delete;
  ~PickleMemo() { clear(); }

  const Entry* find(Value v) const {
    if (used_ == 0) return nullptr;
    uint64_t k = v.bits();
    size_t mask = table_.size() - 1;
    for (size_t i = slot_of(k, mask);; i = (i + 1) & mask) {
      const Entry& e = table_[i];
      if (e.key == k) return &e;
      if (e.key == 0) return nullptr;
    }
  }
  // Map v to index (a new key takes a reference to v).
  void set(Value v, int64_t index) {
    if ((used_ + 1) * 3 >= table_.size() * 2) grow();
    uint64_t k = v.bits();
    size_t mask = table_.size() - 1;
    for (size_t i = slot_of(k, mask);; i = (i + 1) & mask) {
      Entry& e = table_[i];
      if (e.key == k) {
        e.index = index;
        return;
      }
      if (e.key == 0) {
        incref(v);
        e.key = k;
        e.index = index;
        used_++;
        return;
      }
    }
  }
  void clear() {
    std::vector<Entry> old;
    old.swap(table_);
    used_ = 0;
    for (const Entry& e : old)
      if (e.key) decref(Value(e.key));
  }
  void swap(PickleMemo& o) {
    table_.swap(o.table_);
    std::swap(used_, o.used_);
  }
  int64_t size() const { return static_cast<int64_t>(used_); }
  size_t bytes() const { return table_.capacity() * sizeof(Entry); }
  template <typename F>
  void each(F f) const {
    for (const Entry& e : table_)
      if (e.key) f(Value(e.key), e.index);
  }

 private:
  static size_t slot_of(uint64_t k, size_t mask) { return static_cast<size_t>(((k >> 3) * 0x9E3779B97F4A7C15ull) >> 20) & mask; }
  void grow() {
    std::vector<Entry> old;
    old.swap(table_);
    table_.assign(old.empty() ? 64 : old.size() * 2, Entry{0, 0});
    size_t mask = table_.size() - 1;
    for (const Entry& e : old) {
      if (!e.key) continue;
      size_t i = slot_of(e.key, mask);
      while (table_[i].key) i = (i + 1) & mask;
      table_[i] = e;
    }
  }

  std::vector<Entry> table_;
  size_t used_ = 0;
};

struct PicklerState {
  bool initialized = false;  // __init__ ran (CPython: self->write != NULL)
  bool busy = false;         // a dump() is running
  int proto = kPickleDefaultProtocol;
  int bin = 1;               // the `bin` attribute: binary opcodes (proto > 0)
  int fast = 0;              // the `fast` attribute: no memo, cycle check by nesting
  bool fix_imports = true;   // fix_imports and proto < 3
  bool framing = false;      // inside dump() at protocol 4+
  int fast_nesting = 0;
  Value write;               // owned: file.write, or null (dumps)
  Value buffer_callback;     // owned or null
  Value pers_func;           // owned or null
  bool pers_func_bound = false;  // pers_func is a method of the Pickler: call with self first
  Value dispatch_table;      // owned or null (copyreg.dispatch_table then)
  Value reducer_override;    // owned or null; set for one dump()
  Value fast_memo;           // owned dict id -> object, or null
  Value self;                // borrowed: the Pickler object (null for dumps())
  PickleMemo memo;
  std::string out;
  int64_t frame_start = -1;  // offset of the open frame's header, -1 if none

  ~PicklerState() { clear_refs(); }
  void clear_refs() {
    for (Value* f : {&write, &buffer_callback, &pers_func, &dispatch_table, &reducer_override, &fast_memo}) {
      Value old = *f;
      *f = Value();
      decref(old);
    }
    pers_func_bound = false;
  }
};

inline void pickler_set_field(Value* slot, Value v) {
  incref(v);
  Value old = *slot;
  *slot = v;
  decref(old);
}

// Write one whole pickle of obj (PROTO, the object, STOP) to p.out,
// handing finished frames to p.write when there is a file. -1 on error.
int pickler_run(PicklerState& p, Value obj);
// Hand what p.out holds to p.write. -1 on error.
int pickler_flush(PicklerState& p);

}  // namespace ftpy
