// The termios module (termios_module.cpp).
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> termios_module_create();

}  // namespace ftpy
