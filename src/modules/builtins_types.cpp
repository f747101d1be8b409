// Integration table: the built-in types and helpers that other parts of the
// tree provide, registered in builtins at start-up. Each row names the type
// object; the modules that define them only need to be ready before
// builtins_add_extra_types runs (runtime/runtime.cpp orders the inits).
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/iterators.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/slice.h"
#include "runtime/ref.h"

namespace ftpy {

void builtins_add_extra_types(Value d) {
  struct Row {
    const char* name;
    Type* type;
  };
  const Row rows[] = {
      {"set", &g_set_type},           {"frozenset", &g_frozenset_type}, {"range", &g_range_type},
      {"slice", &g_slice_type},       {"enumerate", &g_enumerate_type}, {"zip", &g_zip_type},
      {"map", &g_map_type},           {"filter", &g_filter_type},       {"reversed", &g_reversed_type},
  };
  for (const Row& r : rows) dict_set_item_str(d, r.name, Value(r.type));
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
