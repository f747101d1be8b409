// The `_posixshmem` module: shm_open and shm_unlink over POSIX shared memory,
// for multiprocessing.shared_memory.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> posixshmem_module_create();

}  // namespace ftpy
