// Per-object locks and critical sections (DESIGN.md §4.4).
//
// Every object header has a one-byte mutex (ob_mutex) using the lock protocol
// of runtime/parking_lot.h: bit 0 locked, bit 1 "a thread is parked". Lock:
// CAS; on contention spin briefly, then park in the parking lot; after a
// waiter has waited ~5 ms the unlocker hands the lock to it directly.
//
// Built-in containers take their lock through RAII CriticalSection objects.
// Each thread keeps a stack of the critical sections it holds, so that
//   - re-entering an object whose lock this thread already holds (a list's
//     __eq__ calling back into the same list) is a no-op instead of a deadlock;
//   - before blocking (lock acquire, I/O, sleep, join, a contended object
//     lock) a thread releases all of them (critical_section_suspend_all, called
//     by thread_detach_for_blocking) and on resuming re-takes only the
//     innermost (critical_section_resume_innermost, called by
//     thread_reattach); an outer section is re-taken when the inner one ends.
//     So a thread never waits while holding an object lock, and no cycle of
//     waiting threads can form. The price, as in CPython: code running inside
//     a section that blocks (e.g. calls Python that takes a lock) may see the
//     outer objects change meanwhile.
// Lock order for two-object sections (CriticalSection2): by address.
//
// Invariants: a section's `locked_` bits say which of its objects it has
// locked itself; a suspended section holds nothing. held_by_this_thread looks
// only at locked bits, so an object of a suspended outer section is locked
// afresh by a new inner section.
//
// Single-thread lock elision. While only one thread is registered, nobody
// else can reach any object, so sections take no lock (two atomic
// read-modify-writes saved per container operation or attribute store). A
// thread that registers while locks are elided stops the world before it
// runs anything (thread_state.cpp, thread_attach_new) and clears the flag with
// the world stopped. Every other thread is then parked at a safepoint or
// detached, and both went through critical_section_suspend_all; their
// sections resume with real locks. Code between safepoints (a section that
// runs no Python, the CriticalSection code itself) has finished by then.
// When the count falls back to one (a thread exits) the flag is set again,
// under the runtime mutex. A section decides once, when it begins or
// resumes; its locked_ bits remember the choice, so a section that locked
// for real unlocks for real even if the flag changes meanwhile.
#pragma once

#include <atomic>
#include <cstdint>

#include "runtime/object.h"
#include "runtime/parking_lot.h"

namespace ftpy {

inline bool object_mutex_try_lock(Object* o) { return mutex_try_lock(&o->ob_mutex); }
// Blocks without detaching: only for short sections that never run Python or
// block (prefer CriticalSection).
inline void object_mutex_lock(Object* o) {
  if (!object_mutex_try_lock(o)) mutex_lock_slow(&o->ob_mutex, -1, false);
}
inline void object_mutex_unlock(Object* o) { mutex_unlock(&o->ob_mutex); }
inline bool object_mutex_is_locked(Object* o) {
  return o->ob_mutex.load(std::memory_order_relaxed) & kMutexLocked;
}

// The per-thread stack of sections (intrusive linked list).
struct CriticalSection;
// constinit: no dynamic initialisation, so accesses need no TLS wrapper call check.
extern constinit thread_local CriticalSection* tls_critical_section;

// True while exactly one thread is registered (see above). Acquire: a thread
// that exited published its last writes before the flag was set.
extern std::atomic<bool> g_locks_elided;
inline bool locks_elided() { return g_locks_elided.load(std::memory_order_acquire); }

// Called around blocking by thread_state.cpp.
void critical_section_suspend_all();
void critical_section_resume_innermost();
// Number of sections on this thread's stack (debug checks, tests).
int critical_section_depth();

struct CriticalSection {
  // Fast path: one CAS on an unlocked, waiter-free mutex. Only when it fails
  // do we look for re-entry (an object this thread holds is locked, so the
  // CAS fails for it) or go to the slow path.
  explicit CriticalSection(Object* o) : a_(o), prev_(tls_critical_section) {
    uint8_t unlocked = 0;
    if (locks_elided()) {
      // Pushed with nothing locked: a stop-the-world suspends it and it
      // resumes locked (critical_section_resume_innermost).
    } else if (o->ob_mutex.compare_exchange_strong(unlocked, kMutexLocked, std::memory_order_acquire,
                                            std::memory_order_relaxed)) [[likely]] {
      locked_ = kLockedA;
    } else if (!held_by_this_thread(o)) {
      begin_slow(o);
      return;
    }  // else re-entry: an outer section already holds it
    tls_critical_section = this;
  }
  explicit CriticalSection(Value v) : CriticalSection(v.obj()) {}
  ~CriticalSection() {
    tls_critical_section = prev_;
    if (locked_ & kLockedB) object_mutex_unlock(b_);
    if (locked_ & kLockedA) object_mutex_unlock(a_);
    if (prev_ && prev_->suspended_) [[unlikely]]
      critical_section_resume_innermost();
  }
  CriticalSection(const CriticalSection&) = delete;
  CriticalSection& operator=(const CriticalSection&) = delete;

  static bool held_by_this_thread(Object* o) {
    for (CriticalSection* c = tls_critical_section; c; c = c->prev_)
      if ((c->a_ == o && (c->locked_ & kLockedA)) || (c->b_ == o && (c->locked_ & kLockedB))) return true;
    return false;
  }

 protected:
  enum : uint8_t { kLockedA = 1, kLockedB = 2 };
  CriticalSection(Object* a, Object* b, int);
  void begin_slow(Object* o);

  Object* a_;
  Object* b_ = nullptr;
  CriticalSection* prev_;
  uint8_t locked_ = 0;
  bool suspended_ = false;

  friend void critical_section_suspend_all();
  friend void critical_section_resume_innermost();
  friend int critical_section_depth();
};

// Two objects at once (list.extend(other), dict.update(other), comparisons).
struct CriticalSection2 : CriticalSection {
  CriticalSection2(Object* a, Object* b) : CriticalSection(a, b, 0) {}
};

}  // namespace ftpy
