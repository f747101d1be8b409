// The syslog module (syslog_module.cpp).
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> syslog_module_create();

}  // namespace ftpy
