// The gc module (gc_module.cpp); the collector itself is runtime/gc.h.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> gc_module_create();

}  // namespace ftpy
