// The optional GIL (DESIGN.md §4.8). This header is the interface the rest
// of the runtime uses; the lock itself and the switch interval live in gil.cpp.
#pragma once

#include <atomic>

namespace ftpy {

extern std::atomic<double> g_switch_interval;  // sys.setswitchinterval
bool gil_is_enabled();
void gil_configure(int mode);  // -1 default (off unless a module needs it), 0 off, 1 on

}  // namespace ftpy
