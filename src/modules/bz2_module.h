// The `_bz2` module (BZ2Compressor, BZ2Decompressor) over the system libbz2,
// under the host standard library's bz2.py.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> bz2_module_create();

}  // namespace ftpy
