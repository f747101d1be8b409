// pickle.PickleBuffer (exposed as _pickle.PickleBuffer): a wrapper around an
// object's buffer that the pickler writes as bytes/bytearray data or, with a
// buffer_callback at protocol 5, out of band (NEXT_BUFFER).
//
// A PickleBuffer holds one export of the wrapped object from creation until
// release(); it re-exports that object's memory to its own consumers
// (memoryview(pb), raw()), each of which takes an export of its own, so
// releasing the PickleBuffer does not invalidate views made from it.
//
// Thread safety: `view` and `released` are read and written only inside a
// critical section on the PickleBuffer; `base` is set at creation and kept
// until the object dies, so a consumer's release can always reach it.
#include "modules/pickle_shared.h"
#include "objects/buffer.h"
#include "objects/errors.h"
#include "objects/memoryview.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_pickle_buffer_type;

namespace {

struct PickleBufferObject : Object {
  Value base;         // owned: the wrapped object
  BufferView view;    // this object's own export of base (empty once released)
  bool released;
};

PickleBufferObject* PB(Value v) { return static_cast<PickleBufferObject*>(v.obj()); }

std::nullptr_t released_error() {
  return err_set_str(g_ValueError, "operation forbidden on released PickleBuffer object");
}

Ref<> pb_tp_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("PickleBuffer(buffer, /)", nullptr);
  Value a[1];
  Ref<> hold[1];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  BufferView view;
  if (!object_get_buffer(a[0], &view, kBufSimple)) return nullptr;
  auto* o = alloc_object<PickleBufferObject>(type, type->basic_size);
  if (!o) {
    buffer_release(&view);
    return nullptr;
  }
  new (&o->view) BufferView(std::move(view));
  incref(a[0]);
  o->base = a[0];
  o->released = false;
  return Ref<>::steal(Value(o));
}

void pb_dealloc(Object* obj) {
  auto* o = static_cast<PickleBufferObject*>(obj);
  buffer_release(&o->view);
  o->view.~BufferView();
  decref(o->base);
  free_object(obj);
}

void pb_traverse(Object* obj, VisitFn visit, void* arg) {
  auto* o = static_cast<PickleBufferObject*>(obj);
  if (!o->base.is_null()) visit(o->base, arg);
}

// The buffer protocol: a fresh export of the wrapped object.
bool pb_get_buffer(Value self, BufferView* view, int flags) {
  PickleBufferObject* o = PB(self);
  Ref<> base;
  {
    CriticalSection cs(o);
    if (o->released) return released_error(), false;
    base = Ref<>::borrow(o->base);
  }
  // object_get_buffer records the export on base; the caller's view then
  // names this PickleBuffer, whose release ends base's export.
  if (!object_get_buffer(base.val(), view, flags)) return false;
  view->obj = nullptr;
  return true;
}

void pb_release_buffer(Value self, BufferView*) {
  BufferView base;
  base.obj = Ref<>::borrow(PB(self)->base);
  buffer_release(&base);
}

const BufferProcs kPickleBufferProcs = {pb_get_buffer, pb_release_buffer};

Ref<> pb_raw(Value self, Value*) {
  PickleBufferObject* o = PB(self);
  bool contiguous;
  {
    CriticalSection cs(o);
    if (o->released) return released_error();
    contiguous = o->view.contiguous();
  }
  if (!contiguous) return err_set_str(g_BufferError, "cannot extract raw buffer from non-contiguous buffer");
  Ref<> mv = memoryview_new(self);
  if (!mv) return nullptr;
  Ref<Str> fmt = str_from_ascii("B");
  if (!fmt) return nullptr;
  Value a = fmt.val();
  return call_method(mv.val(), "cast", &a, 1);
}

Ref<> pb_release(Value self, Value*) {
  PickleBufferObject* o = PB(self);
  BufferView old;
  {
    CriticalSection cs(o);
    old = std::move(o->view);
    o->view = BufferView();
    o->released = true;
  }
  buffer_release(&old);
  return new_none();
}

const MethodDef kPickleBufferMethods[] = {
    {"raw($self, /)", pb_raw,
     "Return a memoryview of the raw memory underlying this buffer.\nBufferError if the buffer is not contiguous."},
    {"release($self, /)", pb_release, "Release the underlying buffer exposed by the PickleBuffer object."},
    {nullptr}};

}  // namespace

bool pickle_buffer_view(Value pb, BufferView* view) {
  PickleBufferObject* o = PB(pb);
  {
    CriticalSection cs(o);
    if (o->released) return released_error(), false;
  }
  return object_get_buffer(pb, view, kBufSimple);
}

void pickle_buffer_type_init() {
  Type* t = &g_pickle_buffer_type;
  t->name = "pickle.PickleBuffer";
  t->basic_size = sizeof(PickleBufferObject);
  t->flags = kTypeHasGc;
  t->tp_new = pb_tp_new;
  t->tp_dealloc = pb_dealloc;
  t->tp_traverse = pb_traverse;
  t->methods = kPickleBufferMethods;
  t->doc = "Wrapper for potentially out-of-band buffers";
  t->ob_type = &g_type_type;
  type_ready(t);
  buffer_register(t, &kPickleBufferProcs);
}

}  // namespace ftpy
