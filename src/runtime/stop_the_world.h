// Stop-the-world (DESIGN.md §4.5): pause every other thread that can run
// Python, for the cycle collector, for switching the GIL on, for changing a
// type's layout.
//
// Protocol (all under runtime_mutex()):
//   1. Requests are serialised by a separate lock that the requester takes
//      detached (two threads stopping the world at once would each wait for
//      the other).
//   2. The requester sets g_stw_requested and scans the registry: a DETACHED
//      thread is CAS'ed to SUSPENDED (it cannot re-attach until the world
//      restarts); an ATTACHED one gets kBreakStopWorld on its eval breaker.
//   3. It waits on runtime_cv() until no other thread is ATTACHED, re-scanning
//      after every notification (a thread that detaches, suspends itself at a
//      safepoint or exits notifies; new threads register DETACHED).
//   4. start_the_world() turns every SUSPENDED thread back to DETACHED,
//      clears the flag and notifies; those threads re-attach by themselves.
// The requester stays ATTACHED throughout and must not block on anything
// another thread holds while the world is stopped.
#pragma once

namespace ftpy {

void stop_the_world();
void start_the_world();
bool world_is_stopped();  // true between the two calls (for assertions)

// RAII form.
class StopTheWorld {
 public:
  StopTheWorld() { stop_the_world(); }
  ~StopTheWorld() { start_the_world(); }
  StopTheWorld(const StopTheWorld&) = delete;
  StopTheWorld& operator=(const StopTheWorld&) = delete;
};

}  // namespace ftpy
