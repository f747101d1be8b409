// The `_multiprocessing` module: SemLock over POSIX named semaphores
// (sem_open), sem_unlink and the flags dict, which multiprocessing.synchronize
// builds Lock, RLock, Semaphore, BoundedSemaphore, Condition and Event on.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> multiprocessing_module_create();

}  // namespace ftpy
