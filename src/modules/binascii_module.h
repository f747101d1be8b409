// The `binascii` module: hexlify/unhexlify, base64 lines, crc32, crc_hqx.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

extern struct Type* g_binascii_error;  // binascii.Error (a ValueError subclass)

Ref<> binascii_module_create();

}  // namespace ftpy
