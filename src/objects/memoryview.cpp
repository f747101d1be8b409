// memoryview (memoryview.h): one-dimensional views of bytes and bytearray.
#include "objects/memoryview.h"

#include <cstring>
#include <string>

#include "objects/bytearray.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/iter.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_memoryview_type;

namespace {

inline MemoryView* MV(Value v) { return v.as<MemoryView>(); }

bool check_released(MemoryView* m) {
  if (m->released) {
    err_set_str(g_ValueError, "operation forbidden on released memoryview object");
    return false;
  }
  return true;
}

// Run f(data) with the exporter's bytes (under its lock for a bytearray).
template <typename F>
auto with_data(MemoryView* m, F f) {
  if (is_bytearray(m->obj)) {
    CriticalSection cs(m->obj);
    return f(m->obj.as<ByteArray>()->data);
  }
  return f(static_cast<uint8_t*>(m->obj.as<Bytes>()->data));
}

Ref<> make_view(Value obj, int64_t start, int64_t length, int64_t step, char format) {
  MemoryView* m = alloc_object<MemoryView>(&g_memoryview_type);
  if (!m) return nullptr;
  m->obj = obj;
  incref(obj);
  m->start = start;
  m->length = length;
  m->step = step;
  m->format = format;
  m->readonly = !is_bytearray(obj);
  if (is_bytearray(obj)) {
    CriticalSection cs(obj);
    obj.as<ByteArray>()->exports++;
  }
  return Ref<>::steal(Value(static_cast<Object*>(m)));
}

void release(MemoryView* m) {
  if (m->released) return;
  m->released = true;
  if (is_bytearray(m->obj)) {
    CriticalSection cs(m->obj);
    m->obj.as<ByteArray>()->exports--;
  }
}

void mv_dealloc(Object* o) {
  MemoryView* m = static_cast<MemoryView*>(o);
  release(m);
  decref(m->obj);
  free_object(o);
}

Ref<> item_value(MemoryView* m, uint8_t b) {
  if (m->format == 'b') return small_int(static_cast<int8_t>(b));
  if (m->format == 'c') return bytes_from(&b, 1);
  return small_int(b);
}

Ref<> mv_tp_new(Type*, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("memoryview(object)", nullptr);
  Value a[1];
  Ref<> holders[2];
  if (!native_bind(sig, args, nargs, kwnames, a, holders)) return nullptr;
  return memoryview_new(a[0]);
}

Ref<> mv_repr(Value self) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "<%smemory at %p>", MV(self)->released ? "released " : "",
                static_cast<void*>(self.obj()));
  return str_from_ascii(buf);
}

int64_t mv_len(Value self) {
  if (!check_released(MV(self))) return -1;
  return MV(self)->length;
}

Ref<> mv_subscript(Value self, Value key) {
  MemoryView* m = MV(self);
  if (!check_released(m)) return nullptr;
  if (is_slice(key)) {
    int64_t start, stop, step, n;
    if (!slice_indices(key, m->length, &start, &stop, &step, &n)) return nullptr;
    return make_view(m->obj, m->start + start * m->step, n < 0 ? 0 : n, m->step * step, m->format);
  }
  if (!type_of(key)->nb_index) return err_set_str(g_TypeError, "memoryview: invalid slice key");
  int64_t i;
  if (!to_index(key, &i)) return nullptr;
  if (i < 0) i += m->length;
  if (i < 0 || i >= m->length) return err_set_str(g_IndexError, "index out of bounds on dimension 1");
  uint8_t b = with_data(m, [&](uint8_t* d) { return d[m->start + i * m->step]; });
  return item_value(m, b);
}

int mv_ass_subscript(Value self, Value key, Value v) {
  MemoryView* m = MV(self);
  if (!check_released(m)) return -1;
  if (m->readonly) {
    err_set_str(g_TypeError, "cannot modify read-only memory");
    return -1;
  }
  if (v.is_null()) {
    err_set_str(g_TypeError, "cannot delete memory");
    return -1;
  }
  if (is_slice(key)) {
    int64_t start, stop, step, n;
    if (!slice_indices(key, m->length, &start, &stop, &step, &n)) return -1;
    std::string src;
    if (!buffer_copy_or_error(v, &src)) return -1;
    if (static_cast<int64_t>(src.size()) != (n < 0 ? 0 : n)) {
      err_set_str(g_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
      return -1;
    }
    with_data(m, [&](uint8_t* d) {
      for (int64_t i = 0; i < n; i++) d[m->start + (start + i * step) * m->step] = static_cast<uint8_t>(src[i]);
      return 0;
    });
    return 0;
  }
  int64_t i;
  if (!to_index(key, &i)) return -1;
  if (i < 0) i += m->length;
  if (i < 0 || i >= m->length) {
    err_set_str(g_IndexError, "index out of bounds on dimension 1");
    return -1;
  }
  int64_t x;
  if (m->format == 'c') {
    if (!is_bytes(v) || bytes_size(v) != 1) {
      err_format(g_TypeError, "memoryview: invalid type for format 'c'");
      return -1;
    }
    x = bytes_data(v)[0];
  } else {
    if (!is_int(v)) {
      err_format(g_TypeError, "memoryview: invalid type for format '%c'", m->format);
      return -1;
    }
    if (!int_as_int64(v, &x) || (m->format == 'B' ? (x < 0 || x > 255) : (x < -128 || x > 127))) {
      err_format(g_ValueError, "memoryview: invalid value for format '%c'", m->format);
      return -1;
    }
  }
  with_data(m, [&](uint8_t* d) {
    d[m->start + i * m->step] = static_cast<uint8_t>(x);
    return 0;
  });
  return 0;
}

Ref<> mv_richcompare(Value a, Value b, CompareOp op) {
  if (op != kEq && op != kNe) return Ref<>::steal(not_implemented());
  if (a == b) return new_bool(op == kEq);
  std::string x, y;
  if (!is_memoryview(a) || !memoryview_copy(a, &x)) {
    err_clear();
    return new_bool(op == kNe);
  }
  if (!buffer_copy(b, &y)) return Ref<>::steal(not_implemented());
  return new_bool((x == y) == (op == kEq));
}

Ref<> mv_tobytes(Value self, Value*) {
  std::string x;
  if (!memoryview_copy(self, &x)) return nullptr;
  return bytes_from(x);
}

Ref<> mv_tolist(Value self, Value*) {
  std::string x;
  if (!memoryview_copy(self, &x)) return nullptr;
  Ref<List> l = list_new(static_cast<int64_t>(x.size()));
  if (!l) return nullptr;
  for (size_t i = 0; i < x.size(); i++) {
    Ref<> v = item_value(MV(self), static_cast<uint8_t>(x[i]));
    if (!v) return nullptr;
    list_init_item(l.get(), static_cast<int64_t>(i), std::move(v));
  }
  return l;
}

Ref<> mv_hex(Value self, Value* args) {
  Ref<> b = mv_tobytes(self, nullptr);
  if (!b) return nullptr;
  Value a[2] = {args[0], args[1]};
  size_t n = a[0].is_null() ? 0 : a[1].is_null() ? 1 : 2;
  return call_method(b.val(), "hex", a, n);
}

Ref<> mv_release(Value self, Value*) {
  CriticalSection cs(self);
  release(MV(self));
  return new_none();
}

Ref<> mv_enter(Value self, Value*) {
  if (!check_released(MV(self))) return nullptr;
  return Ref<>::borrow(self);
}

Ref<> mv_exit(Value self, Value*) {
  CriticalSection cs(self);
  release(MV(self));
  return new_bool(false);
}

Ref<> mv_cast(Value self, Value* args) {
  MemoryView* m = MV(self);
  if (!check_released(m)) return nullptr;
  if (!is_str(args[0])) return err_set_str(g_TypeError, "memoryview: format argument must be a string");
  std::string_view f = str_view(args[0]);
  if (f != "B" && f != "b" && f != "c")
    return err_format(g_NotImplementedError, "memoryview: cast to format '%s' is not supported yet",
                      std::string(f).c_str());
  if (m->step != 1) return err_set_str(g_TypeError, "memoryview: casts are restricted to C-contiguous views");
  return make_view(m->obj, m->start, m->length, 1, f[0]);
}

Ref<> mv_toreadonly(Value self, Value*) {
  MemoryView* m = MV(self);
  if (!check_released(m)) return nullptr;
  Ref<> r = make_view(m->obj, m->start, m->length, m->step, m->format);
  if (r) MV(r.val())->readonly = true;
  return r;
}

const MethodDef kMemoryViewMethods[] = {
    {"tobytes($self, /, order='C')", mv_tobytes, "Return the data in the buffer as a byte string."},
    {"tolist($self, /)", mv_tolist, "Return the data in the buffer as a list of elements."},
    {"hex($self, /, sep=?, bytes_per_sep=1)", mv_hex, "Return the data in the buffer as a str of hexadecimal numbers."},
    {"release($self, /)", mv_release, "Release the underlying buffer exposed by the memoryview object."},
    {"cast($self, /, format, shape=?)", mv_cast, "Cast a memoryview to a new format or shape."},
    {"toreadonly($self, /)", mv_toreadonly, "Return a readonly version of the memoryview."},
    {"__enter__($self, /)", mv_enter, nullptr},
    {"__exit__($self, /, *args)", mv_exit, nullptr},
    {nullptr}};

Ref<> get_obj(Value self) {
  if (!check_released(MV(self))) return nullptr;
  return Ref<>::borrow(MV(self)->obj);
}
Ref<> get_readonly(Value self) {
  if (!check_released(MV(self))) return nullptr;
  return new_bool(MV(self)->readonly);
}
Ref<> get_nbytes(Value self) {
  if (!check_released(MV(self))) return nullptr;
  return small_int(MV(self)->length);
}
Ref<> get_itemsize(Value self) {
  if (!check_released(MV(self))) return nullptr;
  return small_int(1);
}
Ref<> get_format(Value self) {
  if (!check_released(MV(self))) return nullptr;
  char f[2] = {MV(self)->format, 0};
  return str_from_ascii(f);
}
Ref<> get_ndim(Value self) {
  if (!check_released(MV(self))) return nullptr;
  return small_int(1);
}
Ref<> get_shape(Value self) {
  if (!check_released(MV(self))) return nullptr;
  Ref<> n = small_int(MV(self)->length);
  return tuple_pack({n.val()});
}
Ref<> get_strides(Value self) {
  if (!check_released(MV(self))) return nullptr;
  Ref<> n = small_int(MV(self)->step);
  return tuple_pack({n.val()});
}
Ref<> get_released(Value self) { return new_bool(MV(self)->released); }
Ref<> get_contiguous(Value self) {
  if (!check_released(MV(self))) return nullptr;
  return new_bool(MV(self)->step == 1 || MV(self)->length <= 1);
}

const GetSetDef kMemoryViewGetSets[] = {
    {"obj", get_obj, nullptr, "The underlying object of the memoryview."},
    {"readonly", get_readonly, nullptr, "A bool indicating whether the memory is read only."},
    {"nbytes", get_nbytes, nullptr, "The amount of space in bytes that the array would use in a contiguous representation."},
    {"itemsize", get_itemsize, nullptr, "The size in bytes of each element of the memoryview."},
    {"format", get_format, nullptr, "A string containing the format (in struct module style) for each element in the view."},
    {"ndim", get_ndim, nullptr, "An integer indicating how many dimensions of a multi-dimensional array the memory represents."},
    {"shape", get_shape, nullptr, "A tuple of ndim integers giving the shape of the memory as an N-dimensional array."},
    {"strides", get_strides, nullptr, "A tuple of ndim integers giving the size in bytes to access each element."},
    {"released", get_released, nullptr, "A bool indicating whether the memory is released."},
    {"contiguous", get_contiguous, nullptr, "A bool indicating whether the memory is contiguous."},
    {"c_contiguous", get_contiguous, nullptr, "A bool indicating whether the memory is C contiguous."},
    {nullptr}};

Ref<> mv_iter(Value self) {
  if (!check_released(MV(self))) return nullptr;
  return seq_iter_new(self);
}

}  // namespace

Ref<> memoryview_new(Value obj) {
  if (is_memoryview(obj)) {
    MemoryView* m = MV(obj);
    if (!check_released(m)) return nullptr;
    Ref<> r = make_view(m->obj, m->start, m->length, m->step, m->format);
    if (r) MV(r.val())->readonly = m->readonly;
    return r;
  }
  if (is_bytes(obj)) return make_view(obj, 0, bytes_size(obj), 1, 'B');
  if (is_bytearray(obj)) return make_view(obj, 0, bytearray_size(obj), 1, 'B');
  return err_format(g_TypeError, "memoryview: a bytes-like object is required, not '%s'", type_name(type_of(obj)));
}

bool memoryview_copy(Value mv, std::string* out) {
  MemoryView* m = MV(mv);
  if (!check_released(m)) return false;
  out->resize(static_cast<size_t>(m->length));
  with_data(m, [&](uint8_t* d) {
    for (int64_t i = 0; i < m->length; i++) (*out)[i] = static_cast<char>(d[m->start + i * m->step]);
    return 0;
  });
  return true;
}

bool memoryview_contiguous(Value mv, const uint8_t** data, int64_t* size) {
  MemoryView* m = MV(mv);
  if (m->released || (m->step != 1 && m->length > 1)) return false;
  if (is_bytearray(m->obj)) {
    ByteArray* b = m->obj.as<ByteArray>();
    static const uint8_t kEmpty[1] = {0};
    *data = b->data ? b->data + m->start : kEmpty;
  } else {
    *data = m->obj.as<Bytes>()->data + m->start;
  }
  *size = m->length;
  return true;
}

void memoryview_types_init() {
  Type* t = &g_memoryview_type;
  if (t->flags & kTypeReady) return;
  t->name = "memoryview";
  t->basic_size = sizeof(MemoryView);
  t->tp_dealloc = mv_dealloc;
  t->tp_repr = mv_repr;
  t->tp_richcompare = mv_richcompare;
  t->tp_new = mv_tp_new;
  t->tp_iter = mv_iter;
  t->mp_length = mv_len;
  t->mp_subscript = mv_subscript;
  t->mp_ass_subscript = mv_ass_subscript;
  t->methods = kMemoryViewMethods;
  t->getsets = kMemoryViewGetSets;
  t->doc = "Create a new memoryview object which references the given object.";
  type_ready(t);
}

}  // namespace ftpy
