// The `_struct` module (lib/struct.py re-exports it): pack/unpack of C
// structs described by format strings, the Struct class and struct.error.
#pragma once

#include <cstdint>
#include <string_view>

#include "runtime/ref.h"

namespace ftpy {

extern struct Type g_struct_type;  // _struct.Struct
extern struct Type* g_struct_error;  // struct.error (a heap class, created with the module)

Ref<> struct_module_create();

// Parse a format as calcsize would (for tests): total size and value count.
// False with struct.error pending (the module must have been created).
bool struct_parse_for_test(std::string_view fmt, int64_t* size, int64_t* nitems);

}  // namespace ftpy
