// Struct sequences (sys.version_info, sys.flags, os.stat_result, time.struct_time):
// tuple subclasses whose items are also readable as named attributes.
// Thread safety: immutable after construction.
#pragma once

#include <utility>
#include <vector>

#include "runtime/ref.h"

namespace ftpy {

// Build a record of a struct-sequence type named `type_name` (created once per
// name) whose items are `items` (a tuple) and whose attribute names are the
// first members of `fields`.
Ref<> record_new(const char* type_name, const std::vector<std::pair<const char*, Ref<>>>& fields, Value items);

// Like record_new, but only the first `n_visible` items are the tuple's items
// (len, indexing, repr); the rest are readable only as attributes
// (os.stat_result.st_atime_ns, time.struct_time.tm_zone).
Ref<> record_new_hidden(const char* type_name, const std::vector<std::pair<const char*, Ref<>>>& fields,
                        Value items, int64_t n_visible);

// types.SimpleNamespace(**ns_dict)
Ref<> simple_namespace_new(Value ns_dict);
extern struct Type g_simple_namespace_type;

void structseq_types_init();

}  // namespace ftpy
