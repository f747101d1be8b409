// The buffer protocol (buffer.h): the exporter registry and the consumer side.
#include "objects/buffer.h"

#include <atomic>
#include <cstring>
#include <optional>

#include "objects/errors.h"
#include "runtime/critical_section.h"

namespace ftpy {

namespace {

// A handful of exporting types; filled at start-up, read-only afterwards.
struct Exporter {
  Type* type;
  const BufferProcs* procs;
};
constexpr int kMaxExporters = 16;
Exporter g_exporters[kMaxExporters];
std::atomic<int> g_num_exporters{0};

const BufferProcs* find_procs(Type* t) {
  int n = g_num_exporters.load(std::memory_order_acquire);
  for (int i = 0; i < n; i++)
    if (g_exporters[i].type == t) return g_exporters[i].procs;
  for (int i = 0; i < n; i++)
    if (is_subtype(t, g_exporters[i].type)) return g_exporters[i].procs;
  return nullptr;
}

}  // namespace

void buffer_register(Type* t, const BufferProcs* procs) {
  int n = g_num_exporters.load(std::memory_order_relaxed);
  for (int i = 0; i < n; i++)
    if (g_exporters[i].type == t) return;
  if (n == kMaxExporters) return;
  g_exporters[n] = {t, procs};
  g_num_exporters.store(n + 1, std::memory_order_release);
}

bool has_buffer(Value obj) { return find_procs(type_of(obj)) != nullptr; }

bool object_get_buffer(Value obj, BufferView* view, int flags) {
  const BufferProcs* p = find_procs(type_of(obj));
  if (!p) {
    err_format(g_TypeError, "a bytes-like object is required, not '%s'", type_name(type_of(obj)));
    return false;
  }
  if (!p->get(obj, view, flags)) return false;
  view->obj = Ref<>::borrow(obj);
  if ((flags & kBufContiguous) && !view->contiguous()) {
    buffer_release(view);
    err_set_str(g_BufferError, "memoryview: underlying buffer is not C-contiguous");
    return false;
  }
  return true;
}

void buffer_release(BufferView* view) {
  if (!view->obj) return;
  Ref<> obj = std::move(view->obj);
  if (const BufferProcs* p = find_procs(type_of(obj.val())); p && p->release) p->release(obj.val(), view);
  view->buf = nullptr;
  view->len = view->count = 0;
}

void buffer_view_copy(const BufferView& view, std::string* out) {
  out->resize(static_cast<size_t>(view.len));
  std::optional<CriticalSection> cs;
  if (view.lock) cs.emplace(view.lock);
  if (view.contiguous()) {
    if (view.len) std::memcpy(out->data(), view.buf, static_cast<size_t>(view.len));
    return;
  }
  for (int64_t i = 0; i < view.count; i++)
    std::memcpy(out->data() + i * view.itemsize, view.buf + i * view.stride, static_cast<size_t>(view.itemsize));
}

bool buffer_check_writable(const BufferView* view, int flags) {
  if ((flags & kBufWritable) && view->readonly) {
    err_set_str(g_BufferError, "Object is not writable.");
    return false;
  }
  return true;
}

}  // namespace ftpy
