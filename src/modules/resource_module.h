// The resource module (resource_module.cpp).
#pragma once

#include <sys/resource.h>

#include "runtime/ref.h"

namespace ftpy {

Ref<> resource_module_create();

// A resource.struct_rusage record (also os.wait3/wait4's third item).
Ref<> rusage_record(const struct rusage& ru);

}  // namespace ftpy
