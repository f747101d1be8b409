// The `select` module: select.select and select.poll (what selectors and
// subprocess need on Linux; no epoll).
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> select_module_create();

}  // namespace ftpy
