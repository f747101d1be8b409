// Pieces shared by the `_bz2` and `_lzma` modules: the per-object stream lock
// and the "detach for long work" scope.
//
// Thread safety: a compressor or decompressor object owns a C++ state with a
// std::mutex (StreamLock) that guards the library's stream and the object's
// buffers. A thread that finds it held waits detached, so a stop-the-world
// never waits on it; while it is held only C++ data is touched (never a
// Python object), so the holder may itself run detached (WorkDetached) while
// the library compresses.
#pragma once

#include <mutex>

#include "runtime/thread_state.h"

namespace ftpy {

// Locks `mu`; a contended wait happens detached.
class StreamLock {
 public:
  explicit StreamLock(std::mutex& mu) : mu_(mu) {
    if (!mu_.try_lock()) {
      DetachedScope d;
      mu_.lock();
    }
  }
  ~StreamLock() { mu_.unlock(); }
  StreamLock(const StreamLock&) = delete;
  StreamLock& operator=(const StreamLock&) = delete;

 private:
  std::mutex& mu_;
};

// Detaches for the scope when `long_work` (a big input, or a flush that
// compresses a whole block): shorter work is cheaper than a detach/reattach.
class WorkDetached {
 public:
  explicit WorkDetached(bool long_work) : detached_(long_work && thread_is_attached()) {
    if (detached_) thread_detach_for_blocking();
  }
  ~WorkDetached() {
    if (detached_) thread_reattach();
  }
  WorkDetached(const WorkDetached&) = delete;
  WorkDetached& operator=(const WorkDetached&) = delete;

 private:
  bool detached_;
};

// Inputs at least this large are compressed or decompressed detached.
constexpr size_t kStreamDetachSize = 64 * 1024;

}  // namespace ftpy
