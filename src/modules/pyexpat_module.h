// The `pyexpat` module over Debian's libexpat: ParserCreate, the xmlparser
// type with its handler attributes, ExpatError and the errors/model
// submodules that xml.parsers.expat re-exports.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> pyexpat_module_create();

}  // namespace ftpy
