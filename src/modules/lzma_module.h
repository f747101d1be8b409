// The `_lzma` module over the system liblzma (liblzma-dev): LZMACompressor,
// LZMADecompressor, LZMAError, the format/check/filter constants and the
// filter-property helpers that Lib/lzma.py and zipfile use.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> lzma_module_create();

}  // namespace ftpy
