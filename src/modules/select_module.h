// The `select` module: select.select, select.poll (select_module.cpp) and
// select.epoll (select_epoll.cpp).
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> select_module_create();
// Adds select.epoll and the EPOLL* constants to the module dict; -1 with an exception.
int select_epoll_add(Value module_dict);

}  // namespace ftpy
