// The _signal module (signal_module.cpp): Python-level signal handlers.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> signal_module_create();

// Run the Python handler of `signum` in the main thread (called from the
// safepoint once the C handler noted the signal). With no handler installed
// SIGINT raises KeyboardInterrupt; SIG_DFL / SIG_IGN entries do nothing.
// Returns -1 with the handler's exception pending.
int signal_dispatch(int signum);

}  // namespace ftpy
