// fork() in a free-threaded runtime.
//
// The child of fork() has one thread, the one that called it, and a copy of
// everything else: the other threads' states, the objects they own, and any
// lock one of them held at that instant. runtime_fork_prepare() makes that
// instant a safe one; runtime_fork_child() turns the copy into a runtime with
// one thread.
//
// Prepare (attached, in this order, as CPython's PyOS_BeforeFork): take the
// import table lock (waited on detached; it is held only for short table
// updates), stop the world (every other thread SUSPENDED at a safepoint or
// DETACHED in a blocking call, so none is between two safepoints changing
// objects, reference counts or the runtime's tables), then take the runtime
// mutex (so no detached thread is registering, exiting or queueing a merge).
//
// Parent: release the two locks and start the world.
//
// Child:
//   - the parking lot's buckets, the runtime mutex and condition variable, the
//     GIL's state and the collector's lock are rebuilt: a thread that is gone
//     may have held or waited on them;
//   - every other thread leaves the registry: its per-thread counts are folded
//     into the shared ones, its merge queue is merged, its QSBR items become
//     orphans, its collector list loses its owner. Objects it owned keep its
//     thread index, as when a thread exits, so whoever finds one merges it;
//   - its ThreadState and frame stack are leaked on purpose: frame objects
//     may point into that stack, and the objects its frames referenced stay
//     alive (CPython's child does the same with the frames of other threads);
//   - module locks of the imports in flight in other threads are dropped,
//     the forking thread becomes the main thread (signals, threading), and
//     the world is started again.
// Locks that Python code holds in other threads (a threading.Lock, a
// buffered file's lock during a write) stay held in the child, as in CPython:
// threading reinitialises its own locks from an os.register_at_fork hook.
#pragma once

namespace ftpy {

void runtime_fork_prepare();
void runtime_fork_parent();
void runtime_fork_child();

}  // namespace ftpy
