// fork(): the protocol is described in the header.
#include "runtime/fork.h"

#include "runtime/gc.h"
#include "runtime/gil.h"
#include "runtime/parking_lot.h"
#include "runtime/stop_the_world.h"
#include "runtime/thread_state.h"
#include "vm/import.h"
#include "vm/safepoint.h"

namespace ftpy {

void runtime_fork_prepare() {
  import_lock_before_fork();
  stop_the_world();
  runtime_mutex().lock();
}

void runtime_fork_parent() {
  runtime_mutex().unlock();
  start_the_world();
  import_unlock_after_fork(false);
}

void runtime_fork_child() {
  ThreadState* self = tstate();
  // First the locks the rest takes.
  parking_lot_after_fork_child();
  std::vector<ThreadState*> gone = thread_registry_after_fork_child(self);
  gil_after_fork_child(self);
  for (ThreadState* ts : gone) {
    rc_fold_gone_thread(ts);
    thread_fold_gone(ts);
  }
  gc_after_fork_child();
  signals_after_fork_child();
  start_the_world();
  import_unlock_after_fork(true);
}

}  // namespace ftpy
