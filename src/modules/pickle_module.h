// The _pickle module (native pickle accelerator; see pickle_shared.h).
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> pickle_module_create();

}  // namespace ftpy
