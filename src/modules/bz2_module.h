// The `_bz2` module over the system libbz2 (libbz2-dev): BZ2Compressor and
// BZ2Decompressor, which Lib/bz2.py builds compress/decompress/open on.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> bz2_module_create();

}  // namespace ftpy
