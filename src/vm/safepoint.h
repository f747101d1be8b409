// Safepoints (DESIGN.md §4.5): points where the interpreter loop checks the
// thread's eval_breaker and does pending work — merging objects other threads
// queued (biased refcounting), delivering signals (Ctrl-C), pausing for a
// stop-the-world, dropping the GIL when asked.
//
// The safepoints of the interpreter loop are RESUME, backward jumps, calls and
// returns (SAFEPOINT() in eval.cpp). A thread suspended here for a
// stop-the-world holds no critical section and not the GIL while it waits; on
// resuming it re-takes the GIL (GIL mode) and its innermost critical section.
#pragma once

#include "runtime/thread_state.h"

namespace ftpy {

// Returns -1 with an exception pending (e.g. KeyboardInterrupt).
int handle_eval_breaker(ThreadState* ts);

// Signal handling. The C handler only notes the signal; the main thread runs
// the Python handler (modules/signal_module.h) at a safepoint.
// signal_note_pending is async-signal-safe (also used by interrupt_main).
void signal_note_pending(int signum);
// signal.set_wakeup_fd: install fd (-1: none), returning the previous one.
int signal_swap_wakeup_fd(int fd);
void signals_init();
// Route `signum` to the Python handler, or set SIG_DFL / SIG_IGN; -1 + errno.
enum class SignalAction { kDefault, kIgnore, kPython };
int signal_install_c_handler(int signum, SignalAction action);
// True when `ts` is the main thread and a signal awaits its handler: blocking
// calls that wait in slices check this between slices.
bool signals_pending_for(ThreadState* ts);
// Child of fork(): the forking thread receives the signals from now on, and
// signals that arrived in the parent before fork() are not the child's.
void signals_after_fork_child();

}  // namespace ftpy
