// The _json module (C++): the native JSON scanner (make_scanner, scanstring)
// and encoder (make_encoder, encode_basestring, encode_basestring_ascii)
// behind lib/json, under the names and call conventions of CPython's _json.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> json_module_create();  // the `_json` module

}  // namespace ftpy
