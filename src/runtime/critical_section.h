// Per-object locks and critical sections (DESIGN.md §4.4).
//
// Every object header has a one-byte mutex (ob_mutex): 0 unlocked, 1 locked,
// 2 locked with waiters. Lock: CAS 0->1; on contention spin briefly, then mark
// 2 and park on the byte (C++20 atomic wait, a futex on Linux). Unlock: exchange
// to 0 and wake one waiter if it was 2.
//
// Built-in containers take their lock through RAII CriticalSection objects.
// Each thread keeps a stack of the critical sections it holds, so that
//   - re-entering an object whose lock this thread already holds (a list's
//     __eq__ calling back into the same list) is a no-op instead of a deadlock;
//   - before blocking (lock acquire, I/O, sleep, join) a thread can release all
//     of them (critical_section_suspend_all) and re-take only the innermost when
//     it resumes, so no cycle of waiting threads can form.
// Lock order for two-object sections (CriticalSection2): by address.
#pragma once

#include <atomic>
#include <cstdint>

#include "runtime/object.h"

namespace ftpy {

void object_mutex_lock_slow(Object* o);
void object_mutex_unlock_slow(Object* o);

inline bool object_mutex_try_lock(Object* o) {
  uint8_t expected = 0;
  return o->ob_mutex.compare_exchange_strong(expected, 1, std::memory_order_acquire,
                                             std::memory_order_relaxed);
}
inline void object_mutex_lock(Object* o) {
  if (!object_mutex_try_lock(o)) object_mutex_lock_slow(o);
}
inline void object_mutex_unlock(Object* o) {
  if (o->ob_mutex.exchange(0, std::memory_order_release) == 2) object_mutex_unlock_slow(o);
}

// The per-thread stack of held sections (intrusive linked list).
struct CriticalSection;
extern thread_local CriticalSection* tls_critical_section;

struct CriticalSection {
  explicit CriticalSection(Object* o) : obj_(o), prev_(tls_critical_section) {
    if (held_by_this_thread(o)) {
      obj_ = nullptr;  // re-entry: the outer section already holds it
    } else {
      object_mutex_lock(o);
    }
    tls_critical_section = this;
  }
  explicit CriticalSection(Value v) : CriticalSection(v.obj()) {}
  ~CriticalSection() {
    tls_critical_section = prev_;
    if (obj2_) object_mutex_unlock(obj2_);
    if (obj_) object_mutex_unlock(obj_);
  }
  CriticalSection(const CriticalSection&) = delete;
  CriticalSection& operator=(const CriticalSection&) = delete;

  static bool held_by_this_thread(Object* o) {
    for (CriticalSection* c = tls_critical_section; c; c = c->prev_)
      if (c->obj_ == o || c->obj2_ == o) return true;
    return false;
  }

 protected:
  CriticalSection(Object* a, Object* b, int);
  Object* obj_;
  Object* obj2_ = nullptr;
  CriticalSection* prev_;
};

// Two objects at once (list.extend(other), dict.update(other), comparisons).
struct CriticalSection2 : CriticalSection {
  CriticalSection2(Object* a, Object* b) : CriticalSection(a, b, 0) {}
};

}  // namespace ftpy
