// Runtime warnings through the warnings module (warn.h).
#include "vm/warn.h"

#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/type.h"
#include "vm/call.h"
#include "vm/import.h"

namespace ftpy {

Ref<> warn_from_runtime(Type* category, std::string_view message, Value source) {
  Ref<> warnings = import_module("warnings");
  if (!warnings) {
    err_clear();
    return new_none();
  }
  Ref<> warn = getattr(warnings.val(), "warn");
  if (!warn) return nullptr;
  Ref<Str> text = str_from_utf8(message);
  if (!text) return nullptr;
  Value args[4] = {text.val(), Value(category), Value::small(1), source.is_null() ? none() : source};
  return call(warn.val(), args, 4);
}

}  // namespace ftpy
