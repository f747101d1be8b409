// The `_thread` module (DESIGN.md §5): OS threads, locks, thread-local data.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

// Creates the module (readies its types on first use). Register as "_thread".
Ref<> thread_module_create();

// Called by thread_state teardown paths: drop this thread's _local dicts.
void thread_locals_thread_exited(uint32_t thread_index);
// Child of fork(): only the calling thread runs. The threads this module
// started are marked finished (so shutdown does not wait for them), and the
// calling thread becomes the main thread.
void thread_module_after_fork_child();

}  // namespace ftpy
