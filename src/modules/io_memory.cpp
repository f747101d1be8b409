// _io.BytesIO and _io.StringIO: in-memory streams.
//
// Thread safety: the buffer and position are touched only inside a critical
// section on the stream object. BytesIO.getbuffer() exports the buffer through
// a small _io._BytesIOBuffer object; the BytesIO's export count changes inside
// the BytesIO's critical section, where every operation that could move or
// resize the bytes (write, truncate, close, __init__, __setstate__) checks it
// first and refuses with BufferError, so an exported pointer stays valid.
// Consumers of the view take the same section (BufferView::lock).
#include <cstring>

#include "modules/io_internal.h"
#include "modules/io_module.h"
#include "objects/buffer.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/memoryview.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_bytesio_type;
Type g_stringio_type;

Ref<> io_newlines_value(int seen);  // io_text.cpp

namespace {

// --- BytesIO --------------------------------------------------------------------------

struct BytesIO : IOBaseObj {
  std::string* buf;
  int64_t pos;
  int64_t exports;  // live getbuffer() views (under the critical section)
  uint8_t closed;
};

BytesIO* as_bio(Value v) { return v.as<BytesIO>(); }

Ref<> bytesio_new(Type* type, const Value*, size_t, Value) {
  auto* b = alloc_object<BytesIO>(type, type->basic_size);
  if (!b) return nullptr;
  b->buf = new std::string();
  b->exports = 0;
  return Ref<>::steal(Value(b));
}

void bytesio_dealloc(Object* o) {
  io_base_clear_weakrefs(o);
  auto* b = static_cast<BytesIO*>(o);
  delete b->buf;
  b->buf = nullptr;
  io_base_dealloc_fields(o);
  free_object(o);
}

int bytesio_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig2 = native_parse_signature("BytesIO(initial_bytes=None)", nullptr);
  Value a[1];
  Ref<> holders[2];
  if (!native_bind(sig2, args, nargs, kwnames, a, holders)) return -1;
  std::string init;
  if (!is_none(a[0]) && !buffer_copy_or_error(a[0], &init)) return -1;
  BytesIO* b = as_bio(self);
  CriticalSection cs(self);
  if (b->exports > 0) {
    err_set_str(g_BufferError, kBufferResizeMessage);
    return -1;
  }
  *b->buf = std::move(init);
  b->pos = 0;
  b->closed = 0;
  return 0;
}

#define BIO_CHECK(b) \
  if ((b)->closed) return io_closed_error()

// Inside the critical section, before anything that may move or resize the
// bytes: a live getbuffer() view pins them.
#define BIO_CHECK_EXPORTS(b) \
  if ((b)->exports > 0) return err_set_str(g_BufferError, kBufferResizeMessage)

// Pickling and copying (__getstate__/__setstate__, as CPython's C streams
// have): the instance __dict__ travels as a copy, or None if there is none.
Ref<> io_state_dict(Value self) {
  Value* slot = instance_dict_slot(self);
  if (!slot) return nullptr;
  Value d = std::atomic_ref<Value>(*slot).load(std::memory_order_acquire);
  if (d.is_null()) return new_none();
  return dict_copy(d);
}

// Merge a state's dict item (None or a dict, checked by the caller) into
// the instance __dict__.
bool io_restore_dict(Value self, Value d) {
  if (is_none(d)) return true;
  Ref<> own = getattr(self, "__dict__");
  return own && dict_merge(own.val(), d, true) >= 0;
}

// The state tuple's shape: "_io.BytesIO.__setstate__ argument should be
// 3-tuple, got int".
bool io_check_state(Value self, Value state, int64_t n) {
  if (is_tuple(state) && tuple_size(state) == n) return true;
  err_format(g_TypeError, "%s.__setstate__ argument should be %lld-tuple, got %s", type_tp_name(type_of(self)),
             static_cast<long long>(n), type_name(type_of(state)));
  return false;
}

// The position item: a non-negative int ("second item of state must be an
// integer, not str" for BytesIO; StringIO says "..., got str").
bool io_state_pos(Value v, const char* which, const char* sep, int64_t* pos) {
  if (!is_int(v)) {
    err_format(g_TypeError, "%s item of state must be an integer, %s %s", which, sep, type_name(type_of(v)));
    return false;
  }
  if (!to_index(v, pos)) return false;
  if (*pos < 0) {
    err_set_str(g_ValueError, "position value cannot be negative");
    return false;
  }
  return true;
}

bool io_state_dict_ok(Value v, const char* which) {
  if (is_none(v) || is_dict(v)) return true;
  err_format(g_TypeError, "%s item of state should be a dict, got a %s", which, type_name(type_of(v)));
  return false;
}

Ref<> bytesio_getstate(Value self, Value*) {
  BytesIO* b = as_bio(self);
  Ref<> value, pos;
  {
    CriticalSection cs(self);
    BIO_CHECK(b);
    value = bytes_from(b->buf->data(), b->buf->size());
    pos = int_from_int64(b->pos);
  }
  Ref<> d = io_state_dict(self);
  if (!value || !pos || !d) return nullptr;
  return tuple_pack({value.val(), pos.val(), d.val()});
}

Ref<> bytesio_setstate(Value self, Value* args) {
  Value state = args[0];
  if (!io_check_state(self, state, 3)) return nullptr;
  std::string data;
  int64_t pos;
  if (!buffer_copy_or_error(tuple_item(state, 0), &data) ||
      !io_state_pos(tuple_item(state, 1), "second", "not", &pos) ||
      !io_state_dict_ok(tuple_item(state, 2), "third"))
    return nullptr;
  BytesIO* b = as_bio(self);
  {
    CriticalSection cs(self);
    BIO_CHECK_EXPORTS(b);
    BIO_CHECK(b);
    *b->buf = std::move(data);
    b->pos = pos;
  }
  if (!io_restore_dict(self, tuple_item(state, 2))) return nullptr;
  return new_none();
}

Ref<> bio_take(BytesIO* b, int64_t n) {
  int64_t avail = static_cast<int64_t>(b->buf->size()) - b->pos;
  if (avail < 0) avail = 0;
  if (n < 0 || n > avail) n = avail;
  Ref<> r = bytes_from(b->buf->data() + (avail ? b->pos : 0), static_cast<size_t>(n));
  b->pos += n;
  return r;
}

Ref<> bytesio_read(Value self, Value* args) {
  BytesIO* b = as_bio(self);
  int64_t n;
  if (!io_size_arg(args[0], &n)) return nullptr;
  CriticalSection cs(self);
  BIO_CHECK(b);
  return bio_take(b, n);
}

Ref<> bytesio_readline(Value self, Value* args) {
  BytesIO* b = as_bio(self);
  int64_t limit;
  if (!io_size_arg(args[0], &limit)) return nullptr;
  CriticalSection cs(self);
  BIO_CHECK(b);
  int64_t size = static_cast<int64_t>(b->buf->size());
  if (b->pos >= size) return bytes_from("", 0);
  size_t nl = b->buf->find('\n', static_cast<size_t>(b->pos));
  int64_t n = nl == std::string::npos ? size - b->pos : static_cast<int64_t>(nl) + 1 - b->pos;
  if (limit >= 0 && n > limit) n = limit;
  return bio_take(b, n);
}

Ref<> bytesio_iternext(Value self) {
  Value a = none();
  Ref<> line = bytesio_readline(self, &a);
  if (!line || bytes_size(line.val()) == 0) return nullptr;
  return line;
}

Ref<> bytesio_readinto(Value self, Value* args) {
  int64_t n = io_buffer_length(args[0]);
  if (n < 0) return nullptr;
  BytesIO* b = as_bio(self);
  std::string data;
  {
    CriticalSection cs(self);
    BIO_CHECK(b);
    int64_t avail = std::max<int64_t>(0, static_cast<int64_t>(b->buf->size()) - b->pos);
    int64_t k = std::min(n, avail);
    if (k > 0) data.assign(b->buf->data() + b->pos, static_cast<size_t>(k));
    b->pos += k;
  }
  if (io_buffer_fill(args[0], data) < 0) return nullptr;
  return int_from_int64(static_cast<int64_t>(data.size()));
}

Ref<> bytesio_write(Value self, Value* args) {
  BytesIO* b = as_bio(self);
  {
    CriticalSection cs(self);
    BIO_CHECK(b);
  }
  std::string data;
  if (!buffer_copy_or_error(args[0], &data)) return nullptr;
  CriticalSection cs(self);
  BIO_CHECK(b);
  BIO_CHECK_EXPORTS(b);
  if (data.empty()) return small_int(0);
  size_t end = static_cast<size_t>(b->pos) + data.size();
  if (b->buf->size() < end) b->buf->resize(end, '\0');
  std::memcpy(b->buf->data() + b->pos, data.data(), data.size());
  b->pos = static_cast<int64_t>(end);
  return int_from_int64(static_cast<int64_t>(data.size()));
}

Ref<> bytesio_seek(Value self, Value* args) {
  BytesIO* b = as_bio(self);
  int64_t pos, whence;
  if (!to_index(args[0], &pos) || !to_int64(args[1], &whence)) return nullptr;
  CriticalSection cs(self);
  BIO_CHECK(b);
  if (whence == 0) {
    if (pos < 0) return err_format(g_ValueError, "negative seek value %lld", static_cast<long long>(pos));
  } else if (whence == 1) {
    pos = std::max<int64_t>(0, b->pos + pos);
  } else if (whence == 2) {
    pos = std::max<int64_t>(0, static_cast<int64_t>(b->buf->size()) + pos);
  } else {
    return err_format(g_ValueError, "invalid whence (%lld, should be 0, 1 or 2)", static_cast<long long>(whence));
  }
  b->pos = pos;
  return int_from_int64(pos);
}

Ref<> bytesio_tell(Value self, Value*) {
  BytesIO* b = as_bio(self);
  CriticalSection cs(self);
  BIO_CHECK(b);
  return int_from_int64(b->pos);
}

Ref<> bytesio_truncate(Value self, Value* args) {
  BytesIO* b = as_bio(self);
  CriticalSection cs(self);
  BIO_CHECK(b);
  BIO_CHECK_EXPORTS(b);
  int64_t size = b->pos;
  if (!args[0].is_null() && !is_none(args[0]) && !to_index(args[0], &size)) return nullptr;
  if (size < 0) return err_format(g_ValueError, "negative size value %lld", static_cast<long long>(size));
  if (size < static_cast<int64_t>(b->buf->size())) b->buf->resize(static_cast<size_t>(size));
  return int_from_int64(size);
}

Ref<> bytesio_getvalue(Value self, Value*) {
  BytesIO* b = as_bio(self);
  CriticalSection cs(self);
  BIO_CHECK(b);
  return bytes_from(*b->buf);
}

// getbuffer(): a writable memoryview of the contents themselves, as in
// CPython. The view exports a _BytesIOBuffer that names the stream; each
// export of it counts on the stream (see the header comment).
Type g_bytesio_buffer_type;

struct BytesIOBuffer : Object {
  Value source;  // owned: the BytesIO
};

Ref<> bytesio_getbuffer(Value self, Value*) {
  {
    CriticalSection cs(self);
    BIO_CHECK(as_bio(self));
  }
  auto* o = alloc_object<BytesIOBuffer>(&g_bytesio_buffer_type, sizeof(BytesIOBuffer));
  if (!o) return nullptr;
  incref(self);
  o->source = self;
  Ref<> holder = Ref<>::steal(Value(o));
  return memoryview_new(holder.val());
}

void bytesio_buffer_dealloc(Object* obj) {
  decref(static_cast<BytesIOBuffer*>(obj)->source);
  free_object(obj);
}

void bytesio_buffer_traverse(Object* obj, VisitFn visit, void* arg) {
  Value src = static_cast<BytesIOBuffer*>(obj)->source;
  if (!src.is_null()) visit(src, arg);
}

bool bytesio_buffer_get(Value self, BufferView* view, int flags) {
  Value src = static_cast<BytesIOBuffer*>(self.obj())->source;
  BytesIO* b = as_bio(src);
  CriticalSection cs(src);
  if (b->closed) return io_closed_error(), false;
  view->lock = src.obj();
  view->buf = reinterpret_cast<uint8_t*>(b->buf->data());
  view->len = view->count = static_cast<int64_t>(b->buf->size());
  view->itemsize = view->stride = 1;
  view->format = "B";
  view->readonly = false;
  (void)flags;
  b->exports++;
  return true;
}

void bytesio_buffer_release(Value self, BufferView*) {
  Value src = static_cast<BytesIOBuffer*>(self.obj())->source;
  CriticalSection cs(src);
  as_bio(src)->exports--;
}

const BufferProcs kBytesIOBufferProcs = {bytesio_buffer_get, bytesio_buffer_release};

Ref<> bytesio_close(Value self, Value*) {
  BytesIO* b = as_bio(self);
  CriticalSection cs(self);
  BIO_CHECK_EXPORTS(b);
  b->closed = 1;
  b->buf->clear();
  b->buf->shrink_to_fit();
  return new_none();
}

Ref<> bytesio_true(Value self, Value*) {
  BytesIO* b = as_bio(self);
  BIO_CHECK(b);
  return new_bool(true);
}
Ref<> bytesio_flush(Value self, Value*) {
  BytesIO* b = as_bio(self);
  BIO_CHECK(b);
  return new_none();
}
Ref<> bytesio_closed_get(Value self) { return new_bool(as_bio(self)->closed != 0); }

const MethodDef kBytesIOMethods[] = {
    {"read($self, size=-1, /)", bytesio_read, nullptr},
    {"read1($self, size=-1, /)", bytesio_read, nullptr},
    {"readline($self, size=-1, /)", bytesio_readline, nullptr},
    {"readinto($self, buffer, /)", bytesio_readinto, nullptr},
    {"write($self, b, /)", bytesio_write, nullptr},
    {"seek($self, pos, whence=0, /)", bytesio_seek, nullptr},
    {"tell($self, /)", bytesio_tell, nullptr},
    {"truncate($self, size=None, /)", bytesio_truncate, nullptr},
    {"getvalue($self, /)", bytesio_getvalue, nullptr},
    {"getbuffer($self, /)", bytesio_getbuffer, nullptr},
    {"close($self, /)", bytesio_close, nullptr},
    {"flush($self, /)", bytesio_flush, nullptr},
    {"readable($self, /)", bytesio_true, nullptr},
    {"writable($self, /)", bytesio_true, nullptr},
    {"seekable($self, /)", bytesio_true, nullptr},
    {"__getstate__($self, /)", bytesio_getstate, nullptr},
    {"__setstate__($self, state, /)", bytesio_setstate, nullptr},
    {nullptr}};

const GetSetDef kBytesIOGetSets[] = {{"closed", bytesio_closed_get, nullptr, nullptr}, {nullptr}};

// --- StringIO -------------------------------------------------------------------------

enum SioNewline : uint8_t { kSioNone, kSioEmpty, kSioLf, kSioCr, kSioCrLf };

struct StringIO : IOBaseObj {
  std::u32string* buf;
  int64_t pos;
  uint8_t closed, ok, nl;
  int seen;
};

StringIO* as_sio(Value v) { return v.as<StringIO>(); }

Ref<> stringio_new(Type* type, const Value*, size_t, Value) {
  auto* s = alloc_object<StringIO>(type, type->basic_size);
  if (!s) return nullptr;
  s->buf = new std::u32string();
  return Ref<>::steal(Value(s));
}

void stringio_dealloc(Object* o) {
  io_base_clear_weakrefs(o);
  auto* s = static_cast<StringIO*>(o);
  delete s->buf;
  s->buf = nullptr;
  io_base_dealloc_fields(o);
  free_object(o);
}

// Write `v` at the current position, translating newlines; returns the
// number of characters of the original string.
void sio_write_locked(StringIO* s, Str* v) {
  std::u32string text;
  text.reserve(static_cast<size_t>(v->length));
  for (int64_t i = 0; i < v->length; i++) {
    char32_t c = v->at(i);
    if (s->nl == kSioNone && c == '\r') {
      bool crlf = i + 1 < v->length && v->at(i + 1) == '\n';
      s->seen |= crlf ? 4 : 1;
      if (crlf) i++;
      text += U'\n';
    } else if (c == '\n' && s->nl == kSioCr) {
      text += U'\r';
    } else if (c == '\n' && s->nl == kSioCrLf) {
      text += U"\r\n";
    } else {
      // newline='' keeps the text as is but still records what it saw.
      if (s->nl == kSioEmpty && c == '\r') s->seen |= i + 1 < v->length && v->at(i + 1) == '\n' ? 4 : 1;
      else if (c == '\n' && (s->nl == kSioNone || (s->nl == kSioEmpty && !(i > 0 && v->at(i - 1) == '\r'))))
        s->seen |= 2;
      text += c;
    }
  }
  if (text.empty()) return;
  size_t end = static_cast<size_t>(s->pos) + text.size();
  if (s->buf->size() < static_cast<size_t>(s->pos)) s->buf->resize(static_cast<size_t>(s->pos), U'\0');
  if (s->buf->size() < end) s->buf->resize(end, U'\0');
  std::memcpy(s->buf->data() + s->pos, text.data(), text.size() * sizeof(char32_t));
  s->pos = static_cast<int64_t>(end);
}

int stringio_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("StringIO(initial_value='', newline=?)", nullptr);
  Value a[2];
  Ref<> holders[2];
  if (!native_bind(sig, args, nargs, kwnames, a, holders)) return -1;
  Value init = a[0], nl = a[1];
  uint8_t mode;
  if (nl.is_null()) {
    mode = kSioLf;
  } else if (is_none(nl)) {
    mode = kSioNone;
  } else if (!is_str(nl)) {
    err_format(g_TypeError, "newline must be str or None, not %s", type_name(type_of(nl)));
    return -1;
  } else {
    std::string_view v = str_view(nl);
    if (v.empty()) mode = kSioEmpty;
    else if (v == "\n") mode = kSioLf;
    else if (v == "\r") mode = kSioCr;
    else if (v == "\r\n") mode = kSioCrLf;
    else {
      Ref<> r = repr(nl);
      err_format(g_ValueError, "illegal newline value: %s", r ? std::string(str_view(r.val())).c_str() : "?");
      return -1;
    }
  }
  if (!is_none(init) && !is_str(init)) {
    err_format(g_TypeError, "initial_value must be str or None, not %s", type_name(type_of(init)));
    return -1;
  }
  StringIO* s = as_sio(self);
  CriticalSection cs(self);
  s->buf->clear();
  s->pos = 0;
  s->nl = mode;
  s->seen = 0;
  s->closed = 0;
  s->ok = 1;
  if (!is_none(init)) {
    sio_write_locked(s, init.as<Str>());
    s->pos = 0;
  }
  return 0;
}

bool sio_check(StringIO* s) {
  if (!s->ok) {
    err_set_str(g_ValueError, "I/O operation on uninitialized object");
    return false;
  }
  if (s->closed) {
    io_closed_error(false);  // StringIO's message has no period, BytesIO's has
    return false;
  }
  return true;
}

#define SIO_CHECK(s) \
  if (!sio_check(s)) return nullptr

Ref<> sio_slice(StringIO* s, int64_t start, int64_t end) {
  int64_t size = static_cast<int64_t>(s->buf->size());
  if (end > size) end = size;
  if (start >= end) return Ref<>::borrow(str_empty());
  return str_from_ucs4(reinterpret_cast<const uint32_t*>(s->buf->data() + start), end - start);
}

Ref<> stringio_read(Value self, Value* args) {
  StringIO* s = as_sio(self);
  int64_t n;
  if (!io_size_arg(args[0], &n)) return nullptr;
  CriticalSection cs(self);
  SIO_CHECK(s);
  int64_t size = static_cast<int64_t>(s->buf->size());
  int64_t end = n < 0 ? size : std::min(size, s->pos + n);
  Ref<> r = sio_slice(s, s->pos, end);
  if (end > s->pos) s->pos = end;
  return r;
}

Ref<> sio_readline_locked(StringIO* s, int64_t limit) {
  int64_t size = static_cast<int64_t>(s->buf->size());
  if (s->pos >= size) return Ref<>::borrow(str_empty());
  const std::u32string& b = *s->buf;
  int64_t i = s->pos, stop = limit >= 0 ? std::min(size, s->pos + limit) : size;
  int64_t end = stop;
  for (; i < stop; i++) {
    char32_t c = b[static_cast<size_t>(i)];
    if (s->nl == kSioEmpty) {
      if (c == '\n') { end = i + 1; break; }
      if (c == '\r') {
        end = (i + 1 < size && b[static_cast<size_t>(i + 1)] == '\n') ? i + 2 : i + 1;
        if (end > stop) end = stop;
        break;
      }
    } else if (s->nl == kSioCr) {
      if (c == '\r') { end = i + 1; break; }
    } else if (s->nl == kSioCrLf) {
      if (c == '\r' && i + 1 < size && b[static_cast<size_t>(i + 1)] == '\n') {
        end = std::min(i + 2, stop);
        break;
      }
    } else if (c == '\n') {
      end = i + 1;
      break;
    }
  }
  Ref<> r = sio_slice(s, s->pos, end);
  s->pos = end;
  return r;
}

Ref<> stringio_readline(Value self, Value* args) {
  StringIO* s = as_sio(self);
  int64_t limit;
  if (!io_size_arg(args[0], &limit)) return nullptr;
  CriticalSection cs(self);
  SIO_CHECK(s);
  return sio_readline_locked(s, limit);
}

Ref<> stringio_iternext(Value self) {
  StringIO* s = as_sio(self);
  CriticalSection cs(self);
  SIO_CHECK(s);
  Ref<> line;
  if (type_of(self) == &g_stringio_type) {
    line = sio_readline_locked(s, -1);
  } else {
    line = call_method(self, "readline", nullptr, 0);
    if (line && !is_str(line.val()))
      return err_format(g_OSError, "readline() should have returned a str object, not '%s'",
                        type_name(type_of(line.val())));
  }
  if (!line || line.val().as<Str>()->length == 0) return nullptr;
  return line;
}

Ref<> stringio_write(Value self, Value* args) {
  StringIO* s = as_sio(self);
  if (!is_str(args[0])) return err_format(g_TypeError, "string argument expected, got '%s'", type_name(type_of(args[0])));
  CriticalSection cs(self);
  SIO_CHECK(s);
  Str* v = args[0].as<Str>();
  sio_write_locked(s, v);
  return int_from_int64(v->length);
}

Ref<> stringio_seek(Value self, Value* args) {
  StringIO* s = as_sio(self);
  int64_t pos, whence;
  if (!to_index(args[0], &pos) || !to_int64(args[1], &whence)) return nullptr;
  CriticalSection cs(self);
  SIO_CHECK(s);
  if (whence != 0 && whence != 1 && whence != 2)
    return err_format(g_ValueError, "Invalid whence (%lld, should be 0, 1 or 2)", static_cast<long long>(whence));
  if (pos < 0 && whence == 0) return err_format(g_ValueError, "Negative seek position %lld", static_cast<long long>(pos));
  if (whence != 0 && pos != 0)
    return err_format(g_OSError, "Can't do nonzero cur-relative seeks");
  if (whence == 1) pos = s->pos;
  else if (whence == 2) pos = static_cast<int64_t>(s->buf->size());
  s->pos = pos;
  return int_from_int64(pos);
}

Ref<> stringio_tell(Value self, Value*) {
  StringIO* s = as_sio(self);
  CriticalSection cs(self);
  SIO_CHECK(s);
  return int_from_int64(s->pos);
}

Ref<> stringio_truncate(Value self, Value* args) {
  StringIO* s = as_sio(self);
  CriticalSection cs(self);
  SIO_CHECK(s);
  int64_t size = s->pos;
  if (!args[0].is_null() && !is_none(args[0]) && !to_index(args[0], &size)) return nullptr;
  if (size < 0) return err_format(g_ValueError, "Negative size value %lld", static_cast<long long>(size));
  if (size < static_cast<int64_t>(s->buf->size())) s->buf->resize(static_cast<size_t>(size));
  return int_from_int64(size);
}

Ref<> stringio_getvalue(Value self, Value*) {
  StringIO* s = as_sio(self);
  CriticalSection cs(self);
  SIO_CHECK(s);
  return sio_slice(s, 0, static_cast<int64_t>(s->buf->size()));
}

Ref<> stringio_close(Value self, Value*) {
  StringIO* s = as_sio(self);
  CriticalSection cs(self);
  s->closed = 1;
  s->buf->clear();
  s->buf->shrink_to_fit();
  return new_none();
}

Ref<> stringio_true(Value self, Value*) {
  StringIO* s = as_sio(self);
  SIO_CHECK(s);
  return new_bool(true);
}
Ref<> stringio_closed_get(Value self) {
  StringIO* s = as_sio(self);
  if (!s->ok) return err_set_str(g_ValueError, "I/O operation on uninitialized object");
  return new_bool(s->closed != 0);
}
Ref<> stringio_line_buffering_get(Value self) {
  StringIO* s = as_sio(self);
  SIO_CHECK(s);
  return new_bool(false);
}
Ref<> stringio_newlines_get(Value self) {
  StringIO* s = as_sio(self);
  SIO_CHECK(s);
  if (s->nl != kSioNone && s->nl != kSioEmpty) return new_none();
  return io_newlines_value(s->seen);
}

Ref<> stringio_getstate(Value self, Value*) {
  StringIO* s = as_sio(self);
  Ref<> value, pos;
  uint8_t nl;
  {
    CriticalSection cs(self);
    SIO_CHECK(s);
    value = str_from_u32(*s->buf);
    pos = int_from_int64(s->pos);
    nl = s->nl;
  }
  // The newline argument as given (the mode is all that is kept of it).
  static const char* const kNewline[] = {nullptr, "", "\n", "\r", "\r\n"};
  Ref<> newline = nl == kSioNone ? new_none() : Ref<>(str_from_ascii(kNewline[nl]));
  Ref<> d = io_state_dict(self);
  if (!value || !pos || !newline || !d) return nullptr;
  return tuple_pack({value.val(), newline.val(), pos.val(), d.val()});
}

// (value, newline, pos, dict): the value is stored as it was, already
// translated, so it is not written through the newline translation again.
Ref<> stringio_setstate(Value self, Value* args) {
  Value state = args[0];
  if (!io_check_state(self, state, 4)) return nullptr;
  StringIO* s = as_sio(self);
  {
    // Closed, not uninitialized: copy and pickle call this on a bare
    // StringIO.__new__() object.
    CriticalSection cs(self);
    if (s->closed) return io_closed_error(false);
  }
  Value init_args[2] = {tuple_item(state, 0), tuple_item(state, 1)};
  if (stringio_init(self, init_args, 2, Value()) < 0) return nullptr;
  int64_t pos;
  if (!io_state_pos(tuple_item(state, 2), "third", "got", &pos) || !io_state_dict_ok(tuple_item(state, 3), "fourth"))
    return nullptr;
  {
    CriticalSection cs(self);
    if (is_str(init_args[0])) {
      s->buf->clear();
      str_append_to(init_args[0].as<Str>(), s->buf);
    }
    s->pos = pos;
  }
  if (!io_restore_dict(self, tuple_item(state, 3))) return nullptr;
  return new_none();
}

const MethodDef kStringIOMethods[] = {
    {"read($self, size=-1, /)", stringio_read, nullptr},
    {"readline($self, size=-1, /)", stringio_readline, nullptr},
    {"write($self, s, /)", stringio_write, nullptr},
    {"seek($self, pos, whence=0, /)", stringio_seek, nullptr},
    {"tell($self, /)", stringio_tell, nullptr},
    {"truncate($self, pos=None, /)", stringio_truncate, nullptr},
    {"getvalue($self, /)", stringio_getvalue, nullptr},
    {"close($self, /)", stringio_close, nullptr},
    {"readable($self, /)", stringio_true, nullptr},
    {"writable($self, /)", stringio_true, nullptr},
    {"seekable($self, /)", stringio_true, nullptr},
    {"__getstate__($self, /)", stringio_getstate, nullptr},
    {"__setstate__($self, state, /)", stringio_setstate, nullptr},
    {nullptr}};

const GetSetDef kStringIOGetSets[] = {
    {"closed", stringio_closed_get, nullptr, nullptr},
    {"line_buffering", stringio_line_buffering_get, nullptr, nullptr},
    {"newlines", stringio_newlines_get, nullptr, nullptr},
    {nullptr}};

}  // namespace

void io_memory_init() {
  Type* t = &g_bytesio_type;
  io_type_setup(t, "_io.BytesIO", &g_bufferediobase_type, sizeof(BytesIO));
  t->tp_new = bytesio_new;
  t->tp_init = bytesio_init;
  t->tp_dealloc = bytesio_dealloc;
  t->tp_iternext = bytesio_iternext;
  t->tp_finalize = nullptr;  // nothing to flush
  t->methods = kBytesIOMethods;
  t->getsets = kBytesIOGetSets;
  t->doc = "Buffered I/O implementation using an in-memory bytes buffer.";
  type_ready(t);

  t = &g_bytesio_buffer_type;
  t->name = "_io._BytesIOBuffer";
  t->basic_size = sizeof(BytesIOBuffer);
  t->flags = kTypeHasGc;
  t->tp_dealloc = bytesio_buffer_dealloc;
  t->tp_traverse = bytesio_buffer_traverse;
  t->ob_type = &g_type_type;
  type_ready(t);
  buffer_register(t, &kBytesIOBufferProcs);

  t = &g_stringio_type;
  io_type_setup(t, "_io.StringIO", &g_textiobase_type, sizeof(StringIO));
  t->tp_new = stringio_new;
  t->tp_init = stringio_init;
  t->tp_dealloc = stringio_dealloc;
  t->tp_iternext = stringio_iternext;
  t->tp_finalize = nullptr;
  t->methods = kStringIOMethods;
  t->getsets = kStringIOGetSets;
  t->doc = "Text I/O implementation using an in-memory buffer.";
  type_ready(t);
}

}  // namespace ftpy
