// The `zlib` module over the system zlib: one-shot compress/decompress,
// streaming Compress/Decompress objects, crc32/adler32 and zlib.error.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> zlib_module_create();

}  // namespace ftpy
