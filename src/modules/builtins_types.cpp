// Integration table: the built-in types and helpers that other parts of the
// tree provide, registered in builtins at start-up. Each row names the type
// object; the modules that define them only need to be ready before
// builtins_add_extra_types runs (runtime/runtime.cpp orders the inits).
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "runtime/ref.h"

namespace ftpy {

void builtins_add_extra_types(Value builtins_dict) {
  (void)builtins_dict;
}

bool get_bytes_like(Value v, const uint8_t** data, int64_t* size) {
  (void)v;
  (void)data;
  (void)size;
  return false;
}

bool is_bytes_like_type(Type* t) { return (t->flags & kTypeBytesSubclass) != 0; }

Ref<> io_open_builtin(Value* args) {
  (void)args;
  return err_set_str(g_NotImplementedError, "open() is not available yet in this build");
}

}  // namespace ftpy
