// Buffer access for the library modules; see buffer_util.h.
#include "modules/buffer_util.h"

#include "modules/array_module.h"
#include "objects/bytearray.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/memoryview.h"
#include "objects/type.h"
#include "runtime/critical_section.h"

namespace ftpy {

bool module_has_buffer(Value v) { return is_bytes_like(v) || is_array(v); }

bool module_buffer_copy(Value v, std::string* out) {
  if (is_array(v)) {
    array_snapshot(v, out);
    return true;
  }
  return buffer_copy(v, out);
}

bool module_buffer_or_error(Value v, std::string* out) {
  if (is_array(v)) {
    array_snapshot(v, out);
    return true;
  }
  return buffer_copy_or_error(v, out);
}

int module_with_writable_buffer(Value v, const WritableFn& fn) {
  if (is_bytearray(v)) {
    CriticalSection cs(v);
    ByteArray* b = v.as<ByteArray>();
    static uint8_t empty[1];
    return fn(b->data ? b->data : empty, b->size.load(std::memory_order_relaxed)) < 0 ? -1 : 1;
  }
  if (is_array(v)) return array_with_raw(v, fn) < 0 ? -1 : 1;
  if (is_memoryview(v)) {
    MemoryView* mv = v.as<MemoryView>();
    if (mv->readonly || mv->step != 1 || !is_bytearray(mv->obj)) return 0;
    Value target = mv->obj;
    CriticalSection cs2(v);
    if (mv->released) {
      err_set_str(g_ValueError, "operation forbidden on released memoryview object");
      return -1;
    }
    CriticalSection cs(target);
    ByteArray* b = target.as<ByteArray>();
    int64_t size = b->size.load(std::memory_order_relaxed);
    int64_t len = mv->length;
    if (mv->start + len > size) len = size - mv->start < 0 ? 0 : size - mv->start;
    static uint8_t empty[1];
    return fn(b->data ? b->data + mv->start : empty, len) < 0 ? -1 : 1;
  }
  return 0;
}

}  // namespace ftpy
