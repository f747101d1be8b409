// The `mmap` module: memory-mapped files and anonymous shared memory over
// mmap(2), with the buffer protocol, CPython 3.11's methods and messages.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> mmap_module_create();

}  // namespace ftpy
