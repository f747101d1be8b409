// The optional GIL. Today ftpy runs one thread of Python at a time only when
// asked with -X gil=1 / PYTHON_GIL=1; the lock and its hand-off at the switch
// interval arrive with the threading work (issue: free threading), and this
// file records the configured mode so sys._is_gil_enabled() tells the truth.
#include "runtime/gil.h"

namespace ftpy {

namespace {
std::atomic<int> g_gil_mode{0};
}

bool gil_is_enabled() { return g_gil_mode.load(std::memory_order_relaxed) == 1; }
void gil_configure(int mode) { g_gil_mode.store(mode == 1 ? 1 : 0, std::memory_order_relaxed); }

}  // namespace ftpy
