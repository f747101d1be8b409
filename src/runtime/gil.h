// The optional GIL (DESIGN.md §4.8): a real lock, taken when a thread attaches
// and released when it detaches, so in GIL mode at most one thread is attached
// and running Python. A thread that has waited longer than the switch interval
// (sys.setswitchinterval) sets kBreakGilDrop on the holder's eval breaker; the
// holder drops the GIL at its next safepoint and waits until another thread
// has taken it before queueing again (forced switching).
//
// Modes: -X gil=1 / PYTHON_GIL=1 on from the start; 0 off even when a native
// module asks; unset (-1) off until gil_enable_for_module() is called for a
// native module that has not declared free-threading support. Turning the GIL
// on stops the world first; it is never turned off again.
//
// Lock order: the GIL's internal mutex is a leaf; gil_acquire is called only
// by a DETACHED thread (so a stop-the-world never waits for a GIL waiter).
#pragma once

#include <atomic>

namespace ftpy {

struct ThreadState;

extern std::atomic<double> g_switch_interval;  // sys.setswitchinterval (seconds)
bool gil_is_enabled();
void gil_configure(int mode);  // -1 default (off unless a module needs it), 0 off, 1 on
int gil_configured_mode();

// Turn the GIL on because the native module `module_name` is being imported
// without declaring free-threading support (CPython's Py_mod_gil), and issue
// CPython's RuntimeWarning through the warnings module, once: only the call
// that turns it on warns. No-op in mode 0 (PYTHON_GIL=0, -X gil=0) or when it
// is already on. The caller is attached and holds no lock another attached
// thread may wait for (this stops the world). Returns -1 if the warning was
// turned into an exception (-W error): the GIL stays on, the import fails.
int gil_enable_for_module(const char* module_name);

// For thread_state.cpp and safepoint.cpp.
void gil_acquire(ThreadState* ts);   // caller is detached
void gil_release(ThreadState* ts);
void gil_yield_at_safepoint(ThreadState* ts);  // kBreakGilDrop handler
// Child of fork(): a fresh GIL state, held by `self` if it held it.
void gil_after_fork_child(ThreadState* self);

}  // namespace ftpy
