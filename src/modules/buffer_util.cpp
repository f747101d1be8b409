// Buffer access for the library modules; see buffer_util.h.
#include "modules/buffer_util.h"

#include <optional>

#include "objects/buffer.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "runtime/critical_section.h"

namespace ftpy {

bool module_has_buffer(Value v) { return has_buffer(v); }

bool module_buffer_copy(Value v, std::string* out) { return buffer_copy(v, out); }

bool module_buffer_or_error(Value v, std::string* out) { return buffer_copy_or_error(v, out); }

int module_with_writable_buffer(Value v, const WritableFn& fn) {
  if (!has_buffer(v)) return 0;
  BufferView view;
  if (!object_get_buffer(v, &view, kBufWritable | kBufContiguous)) {
    if (!err_matches(g_BufferError)) return -1;  // a released memoryview
    err_clear();
    return 0;
  }
  int r;
  {
    std::optional<CriticalSection> cs;
    if (view.lock) cs.emplace(view.lock);
    r = fn(view.buf, view.len) < 0 ? -1 : 1;
  }
  buffer_release(&view);
  return r;
}

}  // namespace ftpy
