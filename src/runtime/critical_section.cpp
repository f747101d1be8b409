#include "runtime/critical_section.h"

#include <thread>

namespace ftpy {

thread_local CriticalSection* tls_critical_section = nullptr;

void object_mutex_lock_slow(Object* o) {
  // Spin briefly: most critical sections are a few hundred instructions.
  for (int i = 0; i < 64; i++) {
    if (o->ob_mutex.load(std::memory_order_relaxed) == 0 && object_mutex_try_lock(o)) return;
    __builtin_ia32_pause();
  }
  // Park: mark "locked with waiters" and sleep until the byte changes.
  for (;;) {
    uint8_t prev = o->ob_mutex.exchange(2, std::memory_order_acquire);
    if (prev == 0) return;  // we own it now (state 2 is conservatively "waiters")
    o->ob_mutex.wait(2, std::memory_order_relaxed);
  }
}

void object_mutex_unlock_slow(Object* o) { o->ob_mutex.notify_one(); }

CriticalSection::CriticalSection(Object* a, Object* b, int) : obj_(a), prev_(tls_critical_section) {
  if (a == b) b = nullptr;
  if (a && held_by_this_thread(a)) a = nullptr;
  if (b && held_by_this_thread(b)) b = nullptr;
  if (a && b && reinterpret_cast<uintptr_t>(b) < reinterpret_cast<uintptr_t>(a)) std::swap(a, b);
  if (a) object_mutex_lock(a);
  if (b) object_mutex_lock(b);
  obj_ = a;
  obj2_ = b;
  tls_critical_section = this;
}

}  // namespace ftpy
