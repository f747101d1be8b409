// The parking lot: threads sleep on an address until another thread wakes them
// (DESIGN.md §4.4). It is the one place where runtime locks block, so one-byte
// locks (object mutexes, Mutex below, _thread locks) need no OS object each.
//
// Addresses hash into a fixed table of buckets; each bucket has a std::mutex
// and a FIFO list of waiters. A waiter owns a condition variable and waits on
// it with its bucket's mutex. `park` re-checks under the bucket mutex that the
// watched word still holds the expected value, so a wake-up between the
// caller's last look and its sleep cannot be lost: an unparker changes the
// word and then takes the same bucket mutex.
//
// Lock ordering: a bucket mutex is a leaf. Nothing that blocks, detaches or
// takes another runtime lock runs while one is held (the unpark callback must
// only store to atomics).
//
// Mutex: a one-byte lock (CPython's PyMutex design): bit 0 locked, bit 1
// "some thread is parked", bit 2 "a woken thread is competing". Lock spins
// briefly (four short cpu pause bursts), then sets the parked bit and
// parks. Unlock wakes one waiter unless the woken bit says an earlier woken
// waiter has not yet taken the lock or parked again (a holder that re-locks in
// a loop then pays one wake-up per waiter round, not one per unlock). The
// woken waiter tries the lock; if a barging thread took it first, the lock is
// hot, and the waiter naps (from kWokenNapNs, doubling; detached) and tries again, keeping
// the woken bit, so the holder's unlocks stay single CASes. Spinning it
// against a holder that re-locks in a loop bounced the lock between cores,
// and parking it again made that holder pay a wake-up per waiter round. Only
// the unlocker that woke it sets the bit, so every parked thread is still
// woken in turn. Fairness: once the woken waiter has waited kFairnessNs it
// stops napping and spins (kMutexHungry; not under a GIL, where its holder
// could not run meanwhile), and the next unlock hands it the lock
// (kMutexHandedOff: the lock stays locked, nobody can barge). Parking for
// the hand-off instead left the hot lock idle until the kernel had woken the
// waiter. A hungry waiter that sees no unlock within 200 us, or any parked
// waiter past kFairnessNs, parks; the next unlock then hands the lock to it
// directly. So a thread that keeps re-locking in a loop cannot starve the
// others. The cost: a hot lock that goes idle while its woken waiter naps
// stays idle for the rest of the nap.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace ftpy {

enum class ParkResult { kOk, kTimeout, kAgain /* value already changed */ };

// Sleep until unparked or `timeout_ns` passes (<0 = forever), provided the
// 1-, 4- or 8-byte word at `addr` still equals `expected` (compared under the
// bucket lock). `park_arg` is handed to the unparker's callback. If `detach`
// and the calling thread is attached, it detaches while asleep (releasing its
// critical sections and the GIL; see thread_state.h) and re-attaches after.
ParkResult parking_lot_park(const void* addr, const void* expected, size_t size, int64_t timeout_ns,
                            void* park_arg, bool detach);

// Wake the longest-waiting thread parked on `addr`. `fn` runs under the bucket
// lock with that waiter's park_arg (nullptr if nobody waits) and whether other
// waiters remain; it typically publishes the word's new value.
using UnparkFn = void (*)(void* ctx, void* park_arg, bool more_waiters);
void parking_lot_unpark(const void* addr, UnparkFn fn, void* ctx);
// Wake every thread parked on `addr`. Returns how many.
int parking_lot_unpark_all(const void* addr);
// In the child of fork(): the other threads' waiters are gone (their queue
// entries live on stacks that no thread runs on) and a bucket lock may have
// been held by one of them. Empties every bucket and rebuilds its lock. A
// Mutex whose word still says kMutexHasParked is unlocked normally: the
// unpark finds no waiter.
void parking_lot_after_fork_child();

int64_t monotonic_ns();
// A waiter that has waited this long gets the lock handed to it. 5 ms is the
// GIL's default switch interval, so a contended lock is fair on the same
// time scale a GIL is. A hand-off is not free: the lock stays reserved for a
// parked thread until the kernel has woken it, and on these VMs that wake-up
// left both threads idle for tens of microseconds. At 1 ms (CPython's
// PyMutex figure) the hand-offs cost lock_counter 2 threads 14% of its
// throughput (0.477 s against 0.411 s at 5 ms; -X gil=1 0.492 s).
constexpr int64_t kFairnessNs = 5'000'000;

// The lock protocol on any one-byte word (object headers' ob_mutex, Mutex).
// kMutexHungry: the woken waiter has waited kFairnessNs and now spins for
// the lock; the next unlock hands it over (kMutexHandedOff, still locked).
enum MutexBits : uint8_t {
  kMutexLocked = 1,
  kMutexHasParked = 2,
  kMutexWoken = 4,
  kMutexHungry = 8,
  kMutexHandedOff = 16,
};
enum class LockResult { kAcquired, kTimeout };
// How long a hungry waiter spins before it parks instead (200 us); a
// variable only so that a unit test can widen it.
extern std::atomic<int64_t> g_mutex_hungry_spin_ns;
// Slow path of a lock; `timeout_ns` < 0 waits forever, 0 only tries.
LockResult mutex_lock_slow(std::atomic<uint8_t>* m, int64_t timeout_ns, bool detach);
void mutex_unlock_slow(std::atomic<uint8_t>* m);

inline bool mutex_try_lock(std::atomic<uint8_t>* m) {
  uint8_t v = m->load(std::memory_order_relaxed);
  return !(v & kMutexLocked) && m->compare_exchange_strong(v, v | kMutexLocked, std::memory_order_acquire,
                                                            std::memory_order_relaxed);
}
inline void mutex_unlock(std::atomic<uint8_t>* m) {
  // Read the bits first (the holder has the line already): while a woken
  // waiter naps the word is locked|woken, and a CAS expecting plain "locked"
  // would fail and cost a second CAS in the slow path on every unlock.
  uint8_t v = m->load(std::memory_order_relaxed);
  if (!(v & kMutexHungry) && (!(v & kMutexHasParked) || (v & kMutexWoken)) &&
      m->compare_exchange_strong(v, static_cast<uint8_t>(v & ~kMutexLocked), std::memory_order_release,
                                 std::memory_order_relaxed))
    return;
  mutex_unlock_slow(m);
}

// A one-byte runtime lock. `lock()` does not detach (use it for short
// sections that never run Python); `lock_detached()` and `lock_timed()` detach
// while parked, so a stop-the-world never waits for a thread blocked here.
class Mutex {
 public:
  // try_lock first: it barges past a napping woken waiter (bits locked|woken
  // are free to take) where a CAS from 0 would fail into the slow path.
  void lock() {
    if (!mutex_try_lock(&bits_)) mutex_lock_slow(&bits_, -1, false);
  }
  void lock_detached() {
    if (!mutex_try_lock(&bits_)) mutex_lock_slow(&bits_, -1, true);
  }
  bool lock_timed(int64_t timeout_ns, bool detach = true) {
    return mutex_try_lock(&bits_) || mutex_lock_slow(&bits_, timeout_ns, detach) == LockResult::kAcquired;
  }
  bool try_lock() { return mutex_try_lock(&bits_); }
  void unlock() { mutex_unlock(&bits_); }
  bool is_locked() const { return bits_.load(std::memory_order_relaxed) & kMutexLocked; }
  // After fork(): only the calling thread exists.
  void reinit() { bits_.store(0, std::memory_order_relaxed); }

 private:
  std::atomic<uint8_t> bits_{0};
};

}  // namespace ftpy
