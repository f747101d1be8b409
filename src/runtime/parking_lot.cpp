// The parking lot and the one-byte lock protocol; see parking_lot.h.
#include "runtime/parking_lot.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>

#include "runtime/gil.h"
#include "runtime/thread_state.h"

namespace ftpy {

namespace {

struct Waiter {
  const void* addr = nullptr;
  void* park_arg = nullptr;
  bool woken = false;  // guarded by the bucket mutex
  std::condition_variable cv;
  Waiter* next = nullptr;
  Waiter* prev = nullptr;
};

struct alignas(64) Bucket {
  std::mutex mu;
  Waiter* head = nullptr;  // FIFO: park appends at the tail, unpark takes the first match
  Waiter* tail = nullptr;

  void append(Waiter* w) {
    w->next = nullptr;
    w->prev = tail;
    if (tail) tail->next = w; else head = w;
    tail = w;
  }
  void remove(Waiter* w) {
    if (w->prev) w->prev->next = w->next; else head = w->next;
    if (w->next) w->next->prev = w->prev; else tail = w->prev;
    w->next = w->prev = nullptr;
  }
  Waiter* find(const void* addr, Waiter* from) {
    for (Waiter* w = from; w; w = w->next)
      if (w->addr == addr) return w;
    return nullptr;
  }
};

constexpr size_t kNumBuckets = 257;
Bucket g_buckets[kNumBuckets];

Bucket& bucket_for(const void* addr) {
  uintptr_t a = reinterpret_cast<uintptr_t>(addr);
  return g_buckets[(a >> 3) % kNumBuckets];
}

bool word_equals(const void* addr, const void* expected, size_t size) {
  switch (size) {
    case 1: return __atomic_load_n(static_cast<const uint8_t*>(addr), __ATOMIC_SEQ_CST) ==
                   *static_cast<const uint8_t*>(expected);
    case 4: return __atomic_load_n(static_cast<const uint32_t*>(addr), __ATOMIC_SEQ_CST) ==
                   *static_cast<const uint32_t*>(expected);
    case 8: return __atomic_load_n(static_cast<const uint64_t*>(addr), __ATOMIC_SEQ_CST) ==
                   *static_cast<const uint64_t*>(expected);
    default: std::abort();
  }
}

}  // namespace

int64_t monotonic_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

ParkResult parking_lot_park(const void* addr, const void* expected, size_t size, int64_t timeout_ns,
                            void* park_arg, bool detach) {
  // Detach before touching the bucket: detaching releases critical sections,
  // which may unpark other addresses (bucket mutexes are leaves).
  bool detached = detach && thread_is_attached();
  if (detached) thread_detach_for_blocking();
  ParkResult result;
  {
    Bucket& b = bucket_for(addr);
    std::unique_lock<std::mutex> g(b.mu);
    if (!word_equals(addr, expected, size)) {
      result = ParkResult::kAgain;
    } else {
      Waiter w;
      w.addr = addr;
      w.park_arg = park_arg;
      b.append(&w);
      if (timeout_ns < 0) {
        w.cv.wait(g, [&] { return w.woken; });
      } else {
        auto deadline = std::chrono::steady_clock::now() + std::chrono::nanoseconds(timeout_ns);
        w.cv.wait_until(g, deadline, [&] { return w.woken; });
      }
      if (w.woken) {
        result = ParkResult::kOk;
      } else {
        b.remove(&w);
        result = ParkResult::kTimeout;
      }
    }
  }
  if (detached) thread_reattach();
  return result;
}

void parking_lot_unpark(const void* addr, UnparkFn fn, void* ctx) {
  Bucket& b = bucket_for(addr);
  std::lock_guard<std::mutex> g(b.mu);
  Waiter* w = b.find(addr, b.head);
  bool more = w && b.find(addr, w->next) != nullptr;
  if (fn) fn(ctx, w ? w->park_arg : nullptr, more);
  if (w) {
    b.remove(w);
    w->woken = true;
    // Notify under the lock: once we unlock, the waiter may return and its
    // Waiter (on its stack) disappears.
    w->cv.notify_one();
  }
}

void parking_lot_after_fork_child() {
  for (Bucket& b : g_buckets) {
    new (&b.mu) std::mutex();
    b.head = b.tail = nullptr;
  }
}

int parking_lot_unpark_all(const void* addr) {
  Bucket& b = bucket_for(addr);
  std::lock_guard<std::mutex> g(b.mu);
  int n = 0;
  for (Waiter* w = b.find(addr, b.head); w;) {
    Waiter* next = b.find(addr, w->next);
    b.remove(w);
    w->woken = true;
    w->cv.notify_one();
    n++;
    w = next;
  }
  return n;
}

// --- the one-byte lock -----------------------------------------------------------------------

namespace {

struct MutexWaiter {
  int64_t time_to_be_fair;
  bool handed_off;  // written by the unparker under the bucket mutex
};

// Spinning: four rounds of cpu_relax() bursts (1, 2, 4, 8 pauses), then
// park. A lock held for a few hundred instructions (a list append, a dict
// insert) is often free again within them, before a park/unpark round trip
// (two syscalls) would be. The spin is kept short on purpose: a longer one
// (16 rounds up to 16 pauses, then 4 yields) caught the short gaps of a
// holder re-locking in a loop, and the lock then bounced between the cores
// at every iteration (lock_counter 2 threads: 0.40 s against 0.36 s with
// this spin and 0.35 s with -X gil=1; a contended list.append/dict store
// loop was unchanged within noise).
constexpr int kPauseRounds = 4;
// A woken waiter that lost the lock to a barging thread checks it again
// after a nap (Linux adds its 50 us timer slack), first kWokenNapNs, then
// twice as long each time the lock is still held, up to kWokenNapMaxNs.
// Each check pulls the lock's line from the holder and costs the waiter a
// wake-up: at a fixed 20 us, lock_counter's waiter woke ~4,000 times in
// 0.42 s and used 1.13 CPUs against 0.99 with -X gil=1 (1,700 wake-ups and
// 1.06 CPUs with the doubling). A lock left idle during a nap stays idle for
// at most about as long as the lock had already been seen held, so a waiter
// waits at most about twice as long as it would have checking constantly.
constexpr int64_t kWokenNapNs = 20'000;
constexpr int64_t kWokenNapMaxNs = 1'000'000;

inline void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__) || defined(__arm__)
  __asm__ __volatile__("yield");
#else
  std::atomic_signal_fence(std::memory_order_seq_cst);
#endif
}

}  // namespace

// How long a hungry waiter (see mutex_lock_slow) spins for the hand-off
// before it parks instead. The lock is hot when it gets here (its holder has
// re-taken it again and again for kFairnessNs), so an unlock normally comes
// within microseconds; the bound only matters for a holder that keeps the
// lock across something slow. (A variable only so that a unit test can
// widen the window it observes.)
std::atomic<int64_t> g_mutex_hungry_spin_ns{200'000};

namespace {

// One spin round; false once the budget is spent.
bool spin_once(int& spins) {
  if (spins >= kPauseRounds) return false;
  for (int i = 0, n = 1 << spins; i < n; i++) cpu_relax();
  spins++;
  return true;
}

void unlock_callback(void* ctx, void* park_arg, bool more_waiters) {
  auto* m = static_cast<std::atomic<uint8_t>*>(ctx);
  auto* w = static_cast<MutexWaiter*>(park_arg);
  uint8_t parked = more_waiters ? kMutexHasParked : 0;
  if (w && monotonic_ns() > w->time_to_be_fair) {
    // Fairness: the waiter has waited too long; give it the lock directly.
    w->handed_off = true;
    m->store(kMutexLocked | parked, std::memory_order_release);
  } else {
    // The woken thread competes for the lock; until it has taken it or
    // parked again, unlocks need not wake anyone else (kMutexWoken).
    m->store(parked | (w ? kMutexWoken : 0), std::memory_order_release);
  }
}

// The woken waiter has waited kFairnessNs: announce it (kMutexHungry) and
// spin until the holder's unlock hands the lock over (kMutexHandedOff).
// kAcquired: the lock is ours. kGaveUp: g_mutex_hungry_spin_ns or `deadline` passed,
// kMutexHungry is withdrawn. kRetry: the word changed before we could
// announce ourselves. `v` has kMutexLocked on entry and is reloaded.
enum class Hungry { kAcquired, kGaveUp, kRetry };
Hungry hungry_spin(std::atomic<uint8_t>* m, uint8_t& v, int64_t deadline) {
  if (!m->compare_exchange_weak(v, static_cast<uint8_t>(v | kMutexHungry), std::memory_order_relaxed))
    return Hungry::kRetry;
  int64_t limit = monotonic_ns() + g_mutex_hungry_spin_ns.load(std::memory_order_relaxed);
  if (deadline >= 0) limit = std::min(limit, deadline);
  for (unsigned i = 1;; i++) {
    v = m->load(std::memory_order_relaxed);
    if (v & kMutexHandedOff) {
      // Ours: only one thread (the woken bit's owner) is ever hungry. Other
      // bits (kMutexHasParked) may change under us, hence the RMW.
      m->fetch_and(static_cast<uint8_t>(~(kMutexHandedOff | kMutexWoken)), std::memory_order_acquire);
      return Hungry::kAcquired;
    }
    if (i % 64 == 0 && monotonic_ns() > limit) {
      while (!(v & kMutexHandedOff)) {
        if (m->compare_exchange_weak(v, static_cast<uint8_t>(v & ~kMutexHungry), std::memory_order_relaxed))
          return Hungry::kGaveUp;
      }
      continue;  // handed over while we gave up: take it
    }
    // Poll the word every few pauses only: each poll takes the line from
    // the holder, whose next lock then misses.
    for (int k = 0; k < 8; k++) cpu_relax();
  }
}

}  // namespace

LockResult mutex_lock_slow(std::atomic<uint8_t>* m, int64_t timeout_ns, bool detach) {
  int64_t start = monotonic_ns();
  int64_t deadline = timeout_ns > 0 ? start + timeout_ns : -1;
  int spins = 0;
  bool woken = false;  // we were unparked and own the kMutexWoken bit
  bool hungry_tried = false;
  int64_t nap_ns = kWokenNapNs;
  uint8_t v = m->load(std::memory_order_relaxed);
  for (;;) {
    if (!(v & kMutexLocked)) {
      uint8_t want = static_cast<uint8_t>((v | kMutexLocked) & (woken ? ~kMutexWoken : 0xff));
      if (m->compare_exchange_weak(v, want, std::memory_order_acquire, std::memory_order_relaxed))
        return LockResult::kAcquired;
      continue;
    }
    if (timeout_ns == 0) return LockResult::kTimeout;
    // Newcomers do not spin past parked threads. A woken waiter does not
    // spin either: spinning it against a holder that re-locks in a loop
    // (lock_counter) bounced the lock between cores at every iteration
    // (2-thread throughput 3.0 Mops/s against 4.9 without the spin).
    if (!(v & kMutexHasParked) && !woken && spin_once(spins)) {
      v = m->load(std::memory_order_relaxed);
      continue;
    }
    if (woken && detach && monotonic_ns() - start < kFairnessNs) {
      // We were woken but a barging thread re-took the lock: the lock is hot.
      // Keep kMutexWoken and nap instead of parking again, so that the
      // holder's unlocks stay plain CASes. Re-parking made a holder that
      // re-locks in a loop pay a wake-up per waiter round, and each round
      // pulled the lock's line to the waiter's core: lock_counter ran at
      // 0.5-0.75 of its -X gil=1 throughput. Once we have waited kFairnessNs
      // we park, and the next unlock hands the lock to us.
      int64_t now = monotonic_ns();
      int64_t nap = std::min(nap_ns, start + kFairnessNs - now);
      nap_ns = std::min(nap_ns * 2, kWokenNapMaxNs);
      if (deadline >= 0) nap = std::min(nap, deadline - now);
      if (nap > 0) {
        DetachedScope detached;
        std::this_thread::sleep_for(std::chrono::nanoseconds(nap));
      }
      v = m->load(std::memory_order_relaxed);
      if (deadline < 0 || monotonic_ns() < deadline) continue;
    }
    if (woken && detach && !gil_is_enabled() && !hungry_tried) {
      // Waited kFairnessNs. Parking for a hand-off would leave the lock
      // idle until the kernel has woken us (tens of microseconds on these
      // VMs, at each hand-off); spinning, we take it at once. With a GIL
      // there is no point: the holder cannot run while we spin.
      Hungry h = hungry_spin(m, v, deadline);
      if (h == Hungry::kAcquired) return LockResult::kAcquired;
      hungry_tried = h == Hungry::kGaveUp;
      continue;
    }
    int64_t remaining = -1;
    if (deadline >= 0) {
      remaining = deadline - monotonic_ns();
      if (remaining <= 0) {
        // Give up. Our kMutexWoken bit kept unlockers from waking a parked
        // thread: drop it while the lock is still held, so that its holder
        // wakes one when it unlocks (if it was unlocked meanwhile, loop and
        // take it instead).
        if (woken && !m->compare_exchange_weak(v, static_cast<uint8_t>(v & ~kMutexWoken),
                                               std::memory_order_relaxed))
          continue;
        return LockResult::kTimeout;
      }
    }
    uint8_t want = static_cast<uint8_t>((v | kMutexHasParked) & (woken ? ~kMutexWoken : 0xff));
    if (want != v) {
      if (!m->compare_exchange_weak(v, want, std::memory_order_relaxed)) continue;
      v = want;
    }
    woken = false;
    nap_ns = kWokenNapNs;
    MutexWaiter w{start + kFairnessNs, false};
    uint8_t expected = v;
    ParkResult r = parking_lot_park(m, &expected, 1, remaining, &w, detach);
    if (r == ParkResult::kOk) {
      if (w.handed_off) return LockResult::kAcquired;
      woken = true;  // unlock_callback set kMutexWoken for us
    }
    v = m->load(std::memory_order_relaxed);
  }
}

void mutex_unlock_slow(std::atomic<uint8_t>* m) {
  uint8_t v = m->load(std::memory_order_relaxed);
  for (;;) {
    if (!(v & kMutexLocked)) std::abort();  // unlocking an unlocked mutex: a runtime bug
    if (v & kMutexHungry) {
      // The woken waiter spins for its hand-off: the lock stays locked.
      if (m->compare_exchange_weak(v, static_cast<uint8_t>((v & ~kMutexHungry) | kMutexHandedOff),
                                   std::memory_order_release, std::memory_order_relaxed))
        return;
      continue;
    }
    if (!(v & kMutexHasParked) || (v & kMutexWoken)) {
      // Nobody parked, or a woken thread is already on its way to the lock.
      if (m->compare_exchange_weak(v, static_cast<uint8_t>(v & ~kMutexLocked), std::memory_order_release,
                                   std::memory_order_relaxed))
        return;
      continue;
    }
    parking_lot_unpark(m, unlock_callback, m);
    return;
  }
}

}  // namespace ftpy
