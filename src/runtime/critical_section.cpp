// Critical sections: slow paths, suspension around blocking; see the header.
#include "runtime/critical_section.h"

#include <utility>

#include "runtime/thread_state.h"

namespace ftpy {

constinit thread_local CriticalSection* tls_critical_section = nullptr;
std::atomic<bool> g_locks_elided{false};

namespace {

// Lock `o` for a section already pushed with nothing locked. Parks detached
// (releasing the thread's other sections) so that a thread waiting here holds
// no object lock and a stop-the-world does not wait for it.
void lock_detaching(Object* o) {
  if (!object_mutex_try_lock(o)) mutex_lock_slow(&o->ob_mutex, -1, true);
}

}  // namespace

void CriticalSection::begin_slow(Object* o) {
  // Push first with nothing held: if we detach while parked, suspend_all must
  // not unlock what we do not hold, and resume_innermost must not try to take
  // `o` itself.
  a_ = nullptr;
  tls_critical_section = this;
  lock_detaching(o);
  a_ = o;
  locked_ = kLockedA;
  suspended_ = false;
}

CriticalSection::CriticalSection(Object* a, Object* b, int) : a_(nullptr), prev_(tls_critical_section) {
  if (a == b) b = nullptr;
  if (a && b && reinterpret_cast<uintptr_t>(b) < reinterpret_cast<uintptr_t>(a)) std::swap(a, b);
  if (locks_elided()) {
    a_ = a;
    b_ = b;
    tls_critical_section = this;
    return;
  }
  bool need_a = a && !held_by_this_thread(a);
  bool need_b = b && !held_by_this_thread(b);
  tls_critical_section = this;
  if (need_a) lock_detaching(a);
  if (need_b) {
    // Holding `a` while parked for `b` is safe: two-object sections lock in
    // address order, and one-object waiters release what they hold.
    if (!object_mutex_try_lock(b)) mutex_lock_slow(&b->ob_mutex, -1, true);
  }
  a_ = a;
  b_ = b;
  locked_ = (need_a ? kLockedA : 0) | (need_b ? kLockedB : 0);
  suspended_ = false;
}

void critical_section_suspend_all() {
  for (CriticalSection* c = tls_critical_section; c; c = c->prev_) {
    if (c->suspended_) break;  // everything below was suspended earlier
    if (c->locked_ & CriticalSection::kLockedB) object_mutex_unlock(c->b_);
    if (c->locked_ & CriticalSection::kLockedA) object_mutex_unlock(c->a_);
    c->locked_ = 0;
    c->suspended_ = true;
  }
}

void critical_section_resume_innermost() {
  CriticalSection* c = tls_critical_section;
  if (!c || !c->suspended_) return;
  // Re-take both objects, even one the section had only re-entered: the outer
  // section that held it is suspended. Nothing else is held here, so waiting
  // without detaching cannot form a cycle (every holder of an object lock is
  // attached and running, and releases it at its next block or safepoint).
  if (locks_elided()) {
    c->locked_ = 0;
    c->suspended_ = false;
    return;
  }
  Object* a = c->a_;
  Object* b = c->b_;
  if (a && b && reinterpret_cast<uintptr_t>(b) < reinterpret_cast<uintptr_t>(a)) std::swap(a, b);
  uint8_t locked = 0;
  if (a) {
    object_mutex_lock(a);
    locked |= a == c->a_ ? CriticalSection::kLockedA : CriticalSection::kLockedB;
  }
  if (b) {
    object_mutex_lock(b);
    locked |= b == c->a_ ? CriticalSection::kLockedA : CriticalSection::kLockedB;
  }
  c->locked_ = locked;
  c->suspended_ = false;
}

int critical_section_depth() {
  int n = 0;
  for (CriticalSection* c = tls_critical_section; c; c = c->prev_) n++;
  return n;
}

}  // namespace ftpy
