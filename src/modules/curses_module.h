// The _curses module (curses_module.cpp, curses_window.cpp) and
// _curses_panel (curses_panel.cpp), over ncursesw.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> curses_module_create();
Ref<> curses_panel_module_create();

}  // namespace ftpy
