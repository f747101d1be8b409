// The builtins module.
#pragma once

#include "runtime/ref.h"

namespace ftpy {

Ref<> builtins_module_create();
bool is_builtin_import(Value f);  // is f the original builtins.__import__?

}  // namespace ftpy

namespace ftpy {
struct Type;
// builtins_types.cpp: integration glue for types defined elsewhere.
void builtins_add_extra_types(Value builtins_dict);
bool get_bytes_like(Value v, const uint8_t** data, int64_t* size);
bool is_bytes_like_type(Type* t);
Ref<> io_open_builtin(Value* args);
// site_builtins.cpp: exit, quit, copyright, credits, license and help, as
// CPython's site module adds them. Needs sys (for sys.copyright). -1 on error.
int builtins_add_site_names(Value builtins_dict);
}  // namespace ftpy
