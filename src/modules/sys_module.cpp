// The sys module and the standard stream objects.
//
// StdStream is the text stream behind sys.stdin/stdout/stderr: UTF-8 text over
// a file descriptor, buffered (line-buffered when interactive or -u, block
// buffered otherwise; stderr is always line-buffered, as in CPython).
// Thread safety: every operation on a stream runs in the stream object's
// critical section, so lines written by concurrent print() calls never
// interleave within a write.
#include "modules/sys_module.h"
#include "modules/sys_encodings.h"
#include "vm/code_cache.h"

#include <locale.h>
#include <pthread.h>
#include <unistd.h>
#include <atomic>
#include <cstdlib>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "objects/bytes.h"
#include "objects/codecs.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/ids.h"
#include "objects/type_internal.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/weakref.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"
#include "runtime/interp.h"
#include "runtime/gil.h"
#include "objects/structseq.h"
#include "vm/trace.h"
#include "vm/frame.h"
#include "vm/import.h"
#include "vm/warn.h"
#include "vm/traceback.h"

namespace ftpy {

namespace {

struct StdStream : Object {
  int fd;
  bool line_buffered;
  // -u / PYTHONUNBUFFERED: every write goes to the fd at once, as CPython's
  // write_through TextIOWrapper over an unbuffered FileIO does (line
  // buffering alone kept a write without a newline waiting).
  bool write_through;
  bool closed;
  bool readable;
  // Output is buffered in two layers, as CPython's TextIOWrapper over a
  // BufferedWriter is: text waits in wbuf until a flush, a newline when
  // line-buffered, or 8 KiB; then it joins bbuf, the binary layer's buffer
  // (sys.stdout.buffer writes go there directly), which is written to the
  // fd when it reaches 8 KiB or is flushed. So a program mixing
  // sys.stdout.write and sys.stdout.buffer.write sees CPython's ordering.
  std::string* wbuf;  // pending text output
  std::string* bbuf;  // pending binary output
  std::string* rbuf;  // read-ahead input
  Value name;         // str
  Value buffer;       // its StdBuffer (sys.stdout.buffer), set once at creation
  // The error handler of the UTF-8 text layer (an immortal interned str):
  // lone surrogates written, and invalid bytes read, go through it. Atomic:
  // reconfigure() may replace it while another thread writes.
  std::atomic<Str*> errors;
  // The text layer's codec (sys_encodings.h): UTF-8 unless PYTHONIOENCODING,
  // the locale or reconfigure() says otherwise. Atomic for the same reason.
  std::atomic<const StdioCodec*> codec;
  bool bom_done;  // UTF-16/32 output: the BOM went out (guarded by the critical section)
  Value weakreflist;  // weak references (objects/weakref.h), as CPython's streams take
};
Type g_stdstream_type;

}  // namespace
bool sys_is_std_stream(Value v) { return v.is_obj() && v.obj()->ob_type == &g_stdstream_type; }
namespace {

// sys.stdin.buffer / sys.stdout.buffer / sys.stderr.buffer: the binary layer
// of a standard stream. It shares the stream's buffers (under the stream's
// critical section), so text and bytes written through either come out in
// the order they were written, and bytes read through either are read once.
struct StdBuffer : Object {
  StdStream* stream;  // strong reference
  Value weakreflist;  // weak references (objects/weakref.h)
};
Type g_stdbuffer_type;

// An empty weakref list head (stored with release under the weakref mutex)
// skips the call.
void clear_weakrefs(Object* o, Value* head) {
  if (std::atomic_ref<WeakRef*>(*reinterpret_cast<WeakRef**>(head)).load(std::memory_order_acquire))
    weakref_clear_all(o);
}

void stream_dealloc(Object* o) {
  auto* s = static_cast<StdStream*>(o);
  clear_weakrefs(o, &s->weakreflist);
  delete s->wbuf;
  delete s->bbuf;
  delete s->rbuf;
  decref(s->name);
  decref(s->buffer);
  free_object(o);
}

void buffer_dealloc(Object* o) {
  auto* b = static_cast<StdBuffer*>(o);
  clear_weakrefs(o, &b->weakreflist);
  decref(Value(b->stream));
  free_object(o);
}

bool write_all(int fd, const char* p, size_t n) {
  while (n) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

// Write out the binary layer's buffer.
bool stream_flush_binary_locked(StdStream* s) {
  if (s->bbuf->empty()) return true;
  bool ok = write_all(s->fd, s->bbuf->data(), s->bbuf->size());
  s->bbuf->clear();
  if (!ok) {
    err_from_errno(errno);
    return false;
  }
  return true;
}

// Move pending text into the binary layer (written out once it is large).
bool stream_push_text_locked(StdStream* s) {
  s->bbuf->append(*s->wbuf);
  s->wbuf->clear();
  return s->bbuf->size() < 8192 || stream_flush_binary_locked(s);
}

// Flush both layers (TextIOWrapper.flush).
bool stream_flush_locked(StdStream* s) {
  s->bbuf->append(*s->wbuf);
  s->wbuf->clear();
  return stream_flush_binary_locked(s);
}

// The UTF-8 form of a str holds a lone surrogate (ED A0..BF): only then does
// the error handler have work to do on output.
bool utf8_has_surrogate(std::string_view u) {
  for (size_t i = u.find('\xED'); i != std::string_view::npos; i = u.find('\xED', i + 1))
    if (i + 1 < u.size() && static_cast<uint8_t>(u[i + 1]) >= 0xA0) return true;
  return false;
}

Ref<> stream_write(Value self, Value* a) {
  auto* s = self.as<StdStream>();
  if (!is_str(a[0]))
    return err_format(g_TypeError, "write() argument must be str, not %s", type_name(type_of(a[0])));
  std::string_view text = str_view(a[0]);
  Ref<> encoded;  // the text through the codec and error handler
  const StdioCodec* codec = s->codec.load(std::memory_order_acquire);
  if (codec->kind != StdioCodec::kUtf8) {
    // UTF-16/32 encode without a BOM; the stream writes one first.
    std::string_view enc = codec->kind == StdioCodec::kUtf16   ? "utf-16-le"
                           : codec->kind == StdioCodec::kUtf32 ? "utf-32-le"
                                                               : std::string_view(codec->codec);
    encoded = codec_encode(a[0].as<Str>(), enc, str_view(s->errors.load(std::memory_order_acquire)));
    if (!encoded) return nullptr;
    text = bytes_view(encoded.val());
  } else if (a[0].as<Str>()->kind > 1 && utf8_has_surrogate(text)) {
    encoded = codec_encode(a[0].as<Str>(), "utf-8", str_view(s->errors.load(std::memory_order_acquire)));
    if (!encoded) return nullptr;
    text = bytes_view(encoded.val());
  }
  CriticalSection cs(s);
  if (s->closed) return err_set_str(g_ValueError, "I/O operation on closed file.");
  if (!s->bom_done && (codec->kind == StdioCodec::kUtf16 || codec->kind == StdioCodec::kUtf32) && !text.empty()) {
    s->wbuf->append(codec->kind == StdioCodec::kUtf16 ? std::string_view("\xFF\xFE", 2)
                                                      : std::string_view("\xFF\xFE\0\0", 4));
    s->bom_done = true;
  }
  s->wbuf->append(text);
  bool has_nl = text.find('\n') != std::string_view::npos;
  if (s->write_through || (s->line_buffered && has_nl)) {
    if (!stream_flush_locked(s)) return nullptr;
  } else if (s->wbuf->size() >= 8192) {
    if (!stream_push_text_locked(s)) return nullptr;
  }
  return int_from_int64(a[0].as<Str>()->length);
}

Ref<> stream_flush(Value self, Value*) {
  auto* s = self.as<StdStream>();
  CriticalSection cs(s);
  if (!stream_flush_locked(s)) return nullptr;
  return new_none();
}

// Read one line (including '\n') from the fd; empty at EOF.
bool stream_readline_raw(StdStream* s, std::string* out) {
  for (;;) {
    size_t nl = s->rbuf->find('\n');
    if (nl != std::string::npos) {
      *out = s->rbuf->substr(0, nl + 1);
      s->rbuf->erase(0, nl + 1);
      return true;
    }
    char buf[4096];
    ssize_t n = ::read(s->fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      err_from_errno(errno);
      return false;
    }
    if (n == 0) {
      *out = *s->rbuf;
      s->rbuf->clear();
      return true;
    }
    s->rbuf->append(buf, static_cast<size_t>(n));
  }
}

// Read more input into rbuf: false with an error set on failure; *eof when
// the input has ended.
bool stream_fill(StdStream* s, bool* eof) {
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(s->fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      err_from_errno(errno);
      return false;
    }
    *eof = n == 0;
    s->rbuf->append(buf, static_cast<size_t>(n));
    return true;
  }
}

// The size argument of read()/readline(): -1 (everything) for None.
bool size_arg(Value v, int64_t* n, bool text_readline = false) {
  *n = -1;
  if (v.is_null()) return true;
  if (text_readline && !is_int(v))  // TextIOWrapper.readline takes an int only
    return err_format(g_TypeError, "'%s' object cannot be interpreted as an integer", type_name(type_of(v))), false;
  if (is_none(v)) return true;
  if (!is_int(v))
    return err_format(g_TypeError, "argument should be integer or None, not '%s'", type_name(type_of(v))), false;
  return to_int64(v, n);
}

// The number of bytes of the first `chars` UTF-8 characters of b (all of b
// if it is shorter).
size_t utf8_prefix(const std::string& b, int64_t chars) {
  size_t i = 0;
  for (; i < b.size(); i++) {
    if ((static_cast<unsigned char>(b[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (chars-- == 0) break;
  }
  return i;
}

// The bytes of the first `chars` characters of b in the stream's encoding
// (all of b if it is shorter): UTF-8 by its lead bytes, UTF-16/32 by units,
// any other codec as one byte a character.
size_t text_prefix(const StdioCodec* c, const std::string& b, int64_t chars) {
  if (c->kind == StdioCodec::kUtf8) return utf8_prefix(b, chars);
  size_t unit = c->kind == StdioCodec::kUtf16 ? 2 : c->kind == StdioCodec::kUtf32 ? 4 : 1;
  return std::min(b.size(), static_cast<size_t>(chars) * unit);
}
size_t max_char_bytes(const StdioCodec* c) { return c->kind == StdioCodec::kOther ? 1 : 4; }

// Up to n bytes (all of the input for n < 0) as the binary layer reads them.
bool stream_read_bytes(StdStream* s, int64_t n, std::string* out) {
  bool eof = false;
  while (!eof && (n < 0 || s->rbuf->size() < static_cast<size_t>(n)))
    if (!stream_fill(s, &eof)) return false;
  size_t k = n < 0 ? s->rbuf->size() : std::min(s->rbuf->size(), static_cast<size_t>(n));
  *out = s->rbuf->substr(0, k);
  s->rbuf->erase(0, k);
  return true;
}

// Input bytes as text: the stream's codec through its error handler
// (invalid UTF-8 bytes become U+DC80..U+DCFF under surrogateescape).
Ref<> stream_decode(StdStream* s, const std::string& b) {
  const StdioCodec* c = s->codec.load(std::memory_order_acquire);
  return codec_decode(reinterpret_cast<const uint8_t*>(b.data()), static_cast<int64_t>(b.size()),
                      c->kind == StdioCodec::kUtf8 ? std::string_view("utf-8") : std::string_view(c->codec),
                      str_view(s->errors.load(std::memory_order_acquire)));
}

Ref<> stream_readline(Value self, Value* a) {
  auto* s = self.as<StdStream>();
  int64_t size;
  if (!size_arg(a ? a[0] : Value(), &size, true)) return nullptr;
  CriticalSection cs(s);
  if (s->closed) return err_set_str(g_ValueError, "I/O operation on closed file.");
  std::string line;
  if (!stream_readline_raw(s, &line)) return nullptr;
  if (size >= 0) {
    size_t k = text_prefix(s->codec.load(std::memory_order_acquire), line, size);
    s->rbuf->insert(0, line.substr(k));
    line.resize(k);
  }
  return stream_decode(s, line);
}

Ref<> stream_read(Value self, Value* a) {
  auto* s = self.as<StdStream>();
  int64_t size;
  if (!size_arg(a ? a[0] : Value(), &size)) return nullptr;
  CriticalSection cs(s);
  if (s->closed) return err_set_str(g_ValueError, "I/O operation on closed file.");
  std::string all;
  if (size < 0) {
    if (!stream_read_bytes(s, -1, &all)) return nullptr;
  } else {
    // Enough bytes for `size` characters (UTF-8: at most 4 each).
    const StdioCodec* c = s->codec.load(std::memory_order_acquire);
    bool eof = false;
    while (!eof && text_prefix(c, *s->rbuf, size) == s->rbuf->size() &&
           (size == 0 || s->rbuf->size() < static_cast<size_t>(size) * max_char_bytes(c)))
      if (!stream_fill(s, &eof)) return nullptr;
    size_t k = text_prefix(c, *s->rbuf, size);
    all = s->rbuf->substr(0, k);
    s->rbuf->erase(0, k);
  }
  return stream_decode(s, all);
}

// --- the binary layer ---

StdStream* buf_stream(Value self) { return self.as<StdBuffer>()->stream; }

// io.UnsupportedOperation(what), importing io for the class if need be.
std::nullptr_t unsupported(const char* what) {
  Ref<> io = import_module("io");
  if (!io) return nullptr;
  Ref<> cls = getattr(io.val(), "UnsupportedOperation");
  if (!cls) return nullptr;
  if (!is_subtype(type_of(cls.val()), &g_type_type)) return err_set_str(g_OSError, what);
  return err_set_str(cls.val().as<Type>(), what);
}

Ref<> buffer_write(Value self, Value* a) {
  StdStream* s = buf_stream(self);
  const uint8_t* p = nullptr;
  int64_t n = 0;
  if (!get_buffer(a[0], &p, &n))
    return err_format(g_TypeError, "a bytes-like object is required, not '%s'", type_name(type_of(a[0])));
  CriticalSection cs(s);
  if (s->closed) return err_set_str(g_ValueError, "write to closed file");
  if (s->readable) return unsupported("write");
  s->bbuf->append(reinterpret_cast<const char*>(p), static_cast<size_t>(n));
  // stderr (and -u) write through, as CPython's do; stdout stays buffered.
  if ((s->line_buffered || s->write_through || s->bbuf->size() >= 8192) && !stream_flush_binary_locked(s))
    return nullptr;
  return int_from_int64(n);
}

Ref<> buffer_flush(Value self, Value*) {
  StdStream* s = buf_stream(self);
  CriticalSection cs(s);
  if (!stream_flush_binary_locked(s)) return nullptr;
  return new_none();
}

Ref<> buffer_read(Value self, Value* a) {
  StdStream* s = buf_stream(self);
  int64_t size;
  if (!size_arg(a[0], &size)) return nullptr;
  CriticalSection cs(s);
  if (s->closed) return err_set_str(g_ValueError, "read of closed file");
  if (!s->readable) return unsupported("read");
  std::string out;
  if (!stream_read_bytes(s, size, &out)) return nullptr;
  return bytes_from(out);
}

Ref<> buffer_readline_impl(StdStream* s, int64_t size) {
  CriticalSection cs(s);
  if (s->closed) return err_set_str(g_ValueError, "readline of closed file");
  if (!s->readable) return unsupported("readline");
  std::string line;
  if (!stream_readline_raw(s, &line)) return nullptr;
  if (size >= 0 && line.size() > static_cast<size_t>(size)) {
    s->rbuf->insert(0, line.substr(static_cast<size_t>(size)));
    line.resize(static_cast<size_t>(size));
  }
  return bytes_from(line);
}

Ref<> buffer_readline(Value self, Value* a) {
  int64_t size;
  if (!size_arg(a[0], &size)) return nullptr;
  return buffer_readline_impl(buf_stream(self), size);
}

Ref<> buffer_readlines(Value self, Value*) {
  Ref<List> l = list_new();
  for (;;) {
    Ref<> line = buffer_readline_impl(buf_stream(self), -1);
    if (!line) return nullptr;
    if (bytes_view(line.val()).empty()) return l;
    list_append(l.val(), line.val());
  }
}

Ref<> buffer_iternext(Value self) {
  Ref<> line = buffer_readline_impl(buf_stream(self), -1);
  if (!line || bytes_view(line.val()).empty()) return nullptr;
  return line;
}

Ref<> buffer_fileno(Value self, Value*) { return small_int(buf_stream(self)->fd); }
Ref<> buffer_isatty(Value self, Value*) { return new_bool(::isatty(buf_stream(self)->fd)); }
Ref<> buffer_writable(Value self, Value*) { return new_bool(!buf_stream(self)->readable); }
Ref<> buffer_readable(Value self, Value*) { return new_bool(buf_stream(self)->readable); }
Ref<> buffer_enter(Value self, Value*) { return Ref<>::borrow(self); }
Ref<> stream_close(Value self, Value*);
// Closing the binary layer closes the stream (CPython: the TextIOWrapper
// then reports its buffer closed); `with sys.stdin.buffer as f:` does it on
// exit, as argparse.FileType('rb') users (python -m ast) write.
Ref<> buffer_close(Value self, Value*) { return stream_close(Value(buf_stream(self)), nullptr); }
Ref<> buffer_writelines(Value self, Value* a) {
  Ref<> it = get_iter(a[0]);
  if (!it) return nullptr;
  for (;;) {
    Ref<> item = iter_next(it.val());
    if (!item) return err_occurred() ? nullptr : new_none();
    Value arg = item.val();
    if (!buffer_write(self, &arg)) return nullptr;
  }
}

const MethodDef kBufferMethods[] = {
    {"write($self, buffer, /)", buffer_write, nullptr},
    {"flush($self, /)", buffer_flush, nullptr},
    {"read($self, size=-1, /)", buffer_read, nullptr},
    {"read1($self, size=-1, /)", buffer_read, nullptr},
    {"readline($self, size=-1, /)", buffer_readline, nullptr},
    {"readlines($self, hint=-1, /)", buffer_readlines, nullptr},
    {"fileno($self, /)", buffer_fileno, nullptr},
    {"isatty($self, /)", buffer_isatty, nullptr},
    {"writable($self, /)", buffer_writable, nullptr},
    {"readable($self, /)", buffer_readable, nullptr},
    {"writelines($self, lines, /)", buffer_writelines, nullptr},
    {"close($self, /)", buffer_close, nullptr},
    {"__enter__($self, /)", buffer_enter, nullptr},
    {"__exit__($self, *args)", buffer_close, nullptr},
    {nullptr}};

Ref<> buffer_get_name(Value self) { return Ref<>::borrow(buf_stream(self)->name); }
Ref<> buffer_get_closed(Value self) { return new_bool(buf_stream(self)->closed); }
Ref<> buffer_get_mode(Value self) { return Ref<>(str_intern(buf_stream(self)->readable ? "rb" : "wb")); }
const GetSetDef kBufferGetSets[] = {{"name", buffer_get_name, nullptr},
                                    {"closed", buffer_get_closed, nullptr},
                                    {"mode", buffer_get_mode, nullptr},
                                    {nullptr}};

Ref<> buffer_repr(Value self) {
  StdStream* s = buf_stream(self);
  return str_from_utf8(std::string(s->readable ? "<_io.BufferedReader" : "<_io.BufferedWriter") + " name='" +
                       str_utf8(s->name) + "'>");
}

Ref<> stream_readlines(Value self, Value*) {
  Ref<List> l = list_new();
  for (;;) {
    Ref<> line = stream_readline(self, nullptr);
    if (!line) return nullptr;
    if (line.val().as<Str>()->length == 0) return l;
    list_append(l.val(), line.val());
  }
}

// writelines(lines): each item written as write() would (str only).
Ref<> stream_writelines(Value self, Value* a) {
  Ref<> it = get_iter(a[0]);
  if (!it) return nullptr;
  for (;;) {
    Ref<> line = iter_next(it.val());
    if (!line) return err_occurred() ? nullptr : new_none();
    Value arg = line.val();
    if (!stream_write(self, &arg)) return nullptr;
  }
}

Ref<> stream_iternext(Value self) {
  Ref<> line = stream_readline(self, nullptr);
  if (!line || line.val().as<Str>()->length == 0) return nullptr;
  return line;
}
Ref<> stream_iter(Value self) { return Ref<>::borrow(self); }

Ref<> stream_fileno(Value self, Value*) { return small_int(self.as<StdStream>()->fd); }
Ref<> stream_isatty(Value self, Value*) { return new_bool(::isatty(self.as<StdStream>()->fd)); }
Ref<> stream_true(Value self, Value*) { return new_bool(true); }
Ref<> stream_writable(Value self, Value*) { return new_bool(!self.as<StdStream>()->readable); }
Ref<> stream_readable(Value self, Value*) { return new_bool(self.as<StdStream>()->readable); }
Ref<> stream_close(Value self, Value*) {
  auto* s = self.as<StdStream>();
  CriticalSection cs(s);
  stream_flush_locked(s);
  s->closed = true;
  return new_none();
}
Ref<> stream_enter(Value self, Value*) { return Ref<>::borrow(self); }
Ref<> stream_exit(Value self, Value*) { return stream_close(self, nullptr); }
Ref<> stream_reconfigure(Value self, Value* a) {
  if (!a[0].is_null()) {
    int t = truthy(a[0]);
    if (t < 0) return nullptr;
    self.as<StdStream>()->line_buffered = t;
  }
  if (!a[4].is_null()) {
    int t = truthy(a[4]);
    if (t < 0) return nullptr;
    self.as<StdStream>()->write_through = t;
  }
  if (!a[2].is_null() && !is_none(a[2])) {
    if (!is_str(a[2]))
      return err_format(g_TypeError, "reconfigure() argument 'errors' must be str or None, not %s",
                        type_name(type_of(a[2])));
  }
  if (!a[1].is_null() && !is_none(a[1])) {
    // A new encoding (named as given, as CPython's TextIOWrapper keeps it)
    // after the pending text is flushed; its errors default to strict.
    if (!is_str(a[1]))
      return err_format(g_TypeError, "reconfigure() argument 'encoding' must be str or None, not %s",
                        type_name(type_of(a[1])));
    const StdioCodec* c = stdio_codec_for(str_view(a[1]));
    if (!c->native) {
      Ref<> codecs = import_module("codecs");
      Ref<> lookup = codecs ? getattr(codecs.val(), "lookup") : Ref<>();
      if (!lookup || !call1(lookup.val(), a[1])) return nullptr;
    }
    auto* s = self.as<StdStream>();
    CriticalSection cs(s);
    if (!s->readable && !stream_flush_locked(s)) return nullptr;
    s->codec.store(c, std::memory_order_release);
    s->bom_done = false;
    if (a[2].is_null() || is_none(a[2])) s->errors.store(str_intern("strict"), std::memory_order_release);
  }
  if (!a[2].is_null() && !is_none(a[2]))
    self.as<StdStream>()->errors.store(str_intern(str_view(a[2])), std::memory_order_release);
  return new_none();
}

const MethodDef kStreamMethods[] = {
    {"write($self, s, /)", stream_write, nullptr},
    {"flush($self, /)", stream_flush, nullptr},
    {"readline($self, size=-1, /)", stream_readline, nullptr},
    {"read($self, size=-1, /)", stream_read, nullptr},
    {"readlines($self, hint=-1, /)", stream_readlines, nullptr},
    {"writelines($self, lines, /)", stream_writelines, nullptr},
    {"fileno($self, /)", stream_fileno, nullptr},
    {"isatty($self, /)", stream_isatty, nullptr},
    {"writable($self, /)", stream_writable, nullptr},
    {"readable($self, /)", stream_readable, nullptr},
    {"seekable($self, /)", stream_true, nullptr},
    {"close($self, /)", stream_close, nullptr},
    {"__enter__($self, /)", stream_enter, nullptr},
    {"__exit__($self, *args)", stream_exit, nullptr},
    {"reconfigure($self, *, line_buffering=?, encoding=?, errors=?, newline=?, write_through=?)", stream_reconfigure,
     nullptr},
    {nullptr}};

Ref<> stream_get_name(Value self) { return Ref<>::borrow(self.as<StdStream>()->name); }
Ref<> stream_get_encoding(Value self) {
  return Ref<>(self.as<StdStream>()->codec.load(std::memory_order_acquire)->name);
}
Ref<> stream_get_errors(Value self) {
  return Ref<>::borrow(Value(self.as<StdStream>()->errors.load(std::memory_order_acquire)));
}
Ref<> stream_get_closed(Value self) { return new_bool(self.as<StdStream>()->closed); }
Ref<> stream_get_line_buffering(Value self) { return new_bool(self.as<StdStream>()->line_buffered); }
Ref<> stream_get_write_through(Value self) { return new_bool(self.as<StdStream>()->write_through); }
Ref<> stream_get_mode(Value self) { return Ref<>(str_intern(self.as<StdStream>()->readable ? "r" : "w")); }
Ref<> stream_get_buffer(Value self) { return Ref<>::borrow(self.as<StdStream>()->buffer); }
const GetSetDef kStreamGetSets[] = {{"name", stream_get_name, nullptr},
                                    {"buffer", stream_get_buffer, nullptr},
                                    {"encoding", stream_get_encoding, nullptr},
                                    {"errors", stream_get_errors, nullptr},
                                    {"closed", stream_get_closed, nullptr},
                                    {"line_buffering", stream_get_line_buffering, nullptr},
                                    {"write_through", stream_get_write_through, nullptr},
                                    {"mode", stream_get_mode, nullptr},
                                    {nullptr}};

Ref<> stream_repr(Value self) {
  auto* s = self.as<StdStream>();
  return str_from_utf8("<_io.TextIOWrapper name='" + str_utf8(s->name) + "' mode='" +
                       (s->readable ? "r" : "w") + "' encoding='" +
                       str_utf8(s->codec.load(std::memory_order_acquire)->name) + "'>");
}

// CPython's error handler for stdin and stdout: surrogateescape under the C
// or POSIX locale and the locales it coerces to (C.UTF-8, C.utf8, UTF-8),
// and in UTF-8 mode; strict otherwise. PYTHONIOENCODING=enc:errors names it
// explicitly, and PYTHONIOENCODING=enc alone means strict. (stderr is always backslashreplace.) The locale is the one
// setlocale(LC_CTYPE, "") would pick: LC_ALL, LC_CTYPE, LANG; one the system
// does not have leaves "C".
const char* stdio_errors_default() {
  const InterpConfig& cfg = g_interp.config;
  if (!cfg.ignore_environment) {
    // "enc:errors"; an encoding without a handler means strict.
    const char* io = std::getenv("PYTHONIOENCODING");
    const char* colon = io ? std::strchr(io, ':') : nullptr;
    if (colon && colon[1]) return colon + 1;
    if (io && *io && io != colon) return "strict";
    const char* utf8 = std::getenv("PYTHONUTF8");
    if (utf8 && std::strcmp(utf8, "1") == 0) return "surrogateescape";
  }
  const char* loc = nullptr;
  for (const char* var : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* v = std::getenv(var);
    if (v && *v) {
      loc = v;
      break;
    }
  }
  if (!loc) return "surrogateescape";
  locale_t l = ::newlocale(LC_CTYPE_MASK, loc, locale_t{});
  if (!l) return "surrogateescape";
  ::freelocale(l);
  for (const char* c : {"C", "POSIX", "C.UTF-8", "C.utf8", "UTF-8"})
    if (std::strcmp(loc, c) == 0) return "surrogateescape";
  return "strict";
}

Ref<> make_stream(int fd, const char* name, bool line_buffered, bool write_through, bool readable,
                  const StdioCodec* codec) {
  auto* s = alloc_object<StdStream>(&g_stdstream_type);
  if (!s) return nullptr;
  s->fd = fd;
  s->codec.store(codec, std::memory_order_relaxed);
  s->errors.store(str_intern(fd == 2 ? "backslashreplace" : stdio_errors_default()), std::memory_order_relaxed);
  s->line_buffered = line_buffered;
  s->write_through = write_through;
  s->readable = readable;
  s->wbuf = new std::string();
  s->bbuf = new std::string();
  s->rbuf = new std::string();
  s->name = str_from_utf8(name).release();
  Ref<> self = Ref<>::steal(Value(s));
  auto* b = alloc_object<StdBuffer>(&g_stdbuffer_type);
  if (!b) return nullptr;
  incref(self.val());
  b->stream = s;
  s->buffer = Value(b);  // the stream owns the reference alloc_object gave
  return self;
}

// --- sys functions -------------------------------------------------------------------

Ref<> sys_exit(Value, Value* a) { return err_set_object(g_SystemExit, a[0].is_null() ? Value() : a[0]); }

Ref<> sys_getrecursionlimit(Value, Value*) { return small_int(g_recursion_limit.load()); }
Ref<> sys_setrecursionlimit(Value, Value* a) {
  int64_t n;
  if (!is_int(a[0])) return err_format(g_TypeError, "'%s' object cannot be interpreted as an integer", type_name(type_of(a[0])));
  if (!to_int64(a[0], &n)) return nullptr;
  if (n < 1) return err_set_str(g_ValueError, "recursion limit must be greater or equal than 1");
  ThreadState* ts = tstate();
  if (n <= ts->py_depth)
    return err_format(g_RecursionError, "cannot set the recursion limit to %lld at the recursion depth %d: the limit is too low",
                      static_cast<long long>(n), ts->py_depth);
  g_recursion_limit.store(static_cast<int>(n > 1000000 ? 1000000 : n));
  return new_none();
}

Ref<> sys_getrefcount(Value, Value* a) {
  if (!a[0].is_obj()) return small_int(1000000000);
  int64_t n = refcount_estimate(a[0].obj());
  return int_from_int64(n == INT64_MAX ? (int64_t{1} << 32) - 1 : n + 1);
}

Ref<> sys_intern(Value, Value* a) {
  if (!is_str_exact(a[0])) return err_format(g_TypeError, "intern() argument must be str, not %s", type_name(type_of(a[0])));
  return Ref<>(str_intern(a[0].as<Str>()));
}

Ref<> sys_exception(Value, Value*) {
  Value e = handled_exception(tstate());
  return e.is_null() ? new_none() : Ref<>::borrow(e);
}

Ref<> sys_exc_info(Value, Value*) {
  Value e = handled_exception(tstate());
  if (e.is_null()) return tuple_pack({none(), none(), none()});
  Value tb = exception_traceback(e);
  return tuple_pack({Value(type_of(e)), e, tb.is_null() ? none() : tb});
}

// The size getsizeof reports, or -1 with an exception set.
int64_t object_getsizeof(Value o) {
  // __sizeof__ is looked up on the type, as CPython's special lookup does,
  // so getsizeof(SomeClass) calls type.__sizeof__(SomeClass).
  Ref<> r = call_special(o, str_intern("__sizeof__"), nullptr, 0);
  if (!r) return -1;
  if (!is_int(r.val())) return err_set_str(g_TypeError, "an integer is required"), -1;
  int64_t n;
  if (!int_as_int64(r.val(), &n)) return err_set_str(g_OverflowError, "size too large"), -1;
  if (n < 0) return err_set_str(g_ValueError, "__sizeof__() should return >= 0"), -1;
  // Plus the GC header CPython adds to objects of its collected types
  // (the types with a traverse function here): not to ints, floats, strs.
  if (type_of(o)->tp_traverse) n += 16;
  return n;
}

Ref<> sys_getsizeof(Value, Value* a) {
  int64_t n = object_getsizeof(a[0]);
  if (n >= 0) return int_from_int64(n);
  // With a default, any TypeError (no usable __sizeof__, or one that
  // returned a non-int) gives the default.
  if (!a[1].is_null() && err_matches(g_TypeError)) {
    err_clear();
    return Ref<>::borrow(a[1]);
  }
  return nullptr;
}

Ref<> sys_getframe(Value, Value* a) {
  int64_t depth = 0;
  if (!a[0].is_null() && !to_int64(a[0], &depth)) return nullptr;
  Frame* f = tstate()->frame;
  while (f && depth > 0) {
    f = f->previous;
    depth--;
  }
  if (!f) return err_set_str(g_ValueError, "call stack is not deep enough");
  return frame_object_for(f);
}

// sys._ftpy_hide_frames(*functions): ftpy's own. The library's Python
// stand-ins for CPython's C functions (warnings.warn) call it so that their
// frames stay out of tracebacks, as C functions' do.
Ref<> sys_ftpy_hide_frames(Value, Value* a) {
  Value funcs = a[0];
  for (int64_t i = 0, n = tuple_size(funcs); i < n; i++) {
    Ref<> code = getattr(tuple_item(funcs, i), "__code__");
    if (!code) return nullptr;
    if (!is_code(code.val())) return err_set_str(g_TypeError, "_ftpy_hide_frames() expects functions");
    traceback_hide_code(code.val());
  }
  return new_none();
}

// sys._ftpy_c_type_name(cls, name): ftpy's own. A library class standing in
// for one of CPython's C types (datetime.timedelta, re.Pattern, _csv.reader)
// takes that type's tp_name, module-qualified, which CPython's messages print
// ("unsupported operand type(s) for +: 'datetime.timedelta' and 'int'");
// __name__, __qualname__ and the repr keep the class's own names. The string
// is kept alive for good (a type's name pointer is read without a lock by
// any thread formatting a message); assigning __name__ later drops it.
Ref<> sys_ftpy_c_type_name(Value, Value* a) {
  Value cls = a[0];
  if (!cls.is_obj() || !has_flag(cls.obj()->ob_type, kTypeTypeSubclass) ||
      !has_flag(cls.as<Type>(), kTypeHeapType))
    return err_set_str(g_TypeError, "_ftpy_c_type_name() expects a class");
  if (!is_str(a[1]) || str_view(a[1]).find('.') == std::string_view::npos)
    return err_set_str(g_ValueError, "_ftpy_c_type_name() expects a dotted name");
  Str* name = str_intern(str_view(a[1]));  // interned strings are immortal
  cls.as<Type>()->name = str_view(Value(name)).data();
  return new_none();
}

Ref<> sys_displayhook_fn(Value, Value* a) { return sys_displayhook(a[0]); }

Ref<> sys_excepthook_fn(Value, Value* a) {
  print_exception_to_stderr(a[1]);
  return new_none();
}

Ref<> sys_getswitchinterval(Value, Value*) { return float_new(g_switch_interval.load()); }
Ref<> sys_setswitchinterval(Value, Value* a) {
  double d;
  if (!to_double(a[0], &d)) return nullptr;
  if (d <= 0) return err_set_str(g_ValueError, "switch interval must be strictly positive");
  g_switch_interval.store(d);
  return new_none();
}
// sys.settrace / setprofile: this thread's hooks (vm/trace.h); the getters
// return what was installed, which for _lsprof's profiler is the Profiler.
Ref<> sys_gettrace(Value, Value*) {
  ThreadState* ts = tstate();
  return ts->trace_fn && ts->trace_obj ? ts->trace_obj : new_none();
}
Ref<> sys_getprofile(Value, Value*) {
  ThreadState* ts = tstate();
  return ts->profile_fn && ts->profile_obj ? ts->profile_obj : new_none();
}
// sys.breakpointhook (what breakpoint() calls): $PYTHONBREAKPOINT names the
// callable ("0" turns it off; unset or empty means pdb.set_trace), as CPython.
Ref<> sys_breakpointhook(Value, Value* a) {
  const char* env = std::getenv("PYTHONBREAKPOINT");
  std::string hook = env && *env ? env : "pdb.set_trace";
  if (hook == "0") return new_none();
  size_t dot = hook.rfind('.');
  std::string modname = dot == std::string::npos ? "builtins" : hook.substr(0, dot);
  std::string attr = dot == std::string::npos ? hook : hook.substr(dot + 1);
  Ref<> mod = import_module(modname);
  Ref<> fn = mod ? getattr_opt(mod.val(), Value(str_intern(attr))) : Ref<>();
  if (!fn) {
    if (err_occurred() && !err_matches(g_ImportError) && !err_matches(g_AttributeError)) return nullptr;
    err_clear();
    if (!warn_from_runtime(g_RuntimeWarning, "Ignoring unimportable $PYTHONBREAKPOINT: \"" + hook + "\""))
      return nullptr;
    return new_none();
  }
  return call_tuple_dict(fn.val(), a[0], a[1]);
}

Ref<> sys_settrace(Value, Value* a) {
  if (is_none(a[0])) trace_set_trace(tstate(), nullptr, Value());
  else trace_set_trace(tstate(), trace_python_trace, a[0]);
  return new_none();
}
Ref<> sys_setprofile(Value, Value* a) {
  if (is_none(a[0])) trace_set_profile(tstate(), nullptr, Value());
  else trace_set_profile(tstate(), trace_python_profile, a[0]);
  return new_none();
}

Ref<> sys_is_gil_enabled(Value, Value*) { return new_bool(gil_is_enabled()); }
Ref<> sys_is_finalizing(Value, Value*) { return new_bool(g_interp.finalizing.load()); }

// sys.set_asyncgen_hooks / get_asyncgen_hooks: this thread's hooks for async
// generators (vm/gen.cpp calls firstiter at an async generator's first
// iteration and hands an unfinished one to finalizer when it dies).
Ref<> sys_set_asyncgen_hooks(Value, Value* a) {
  ThreadState* ts = tstate();
  // `?` parameters arrive null when not given: that hook is left alone.
  Value firstiter = a[0], finalizer = a[1];
  if (!finalizer.is_null() && !is_none(finalizer) && !callable(finalizer))
    return err_format(g_TypeError, "callable finalizer expected, got %s", type_name(type_of(finalizer)));
  if (!firstiter.is_null() && !is_none(firstiter) && !callable(firstiter))
    return err_format(g_TypeError, "callable firstiter expected, got %s", type_name(type_of(firstiter)));
  if (!finalizer.is_null()) ts->asyncgen_finalizer = is_none(finalizer) ? Ref<>() : Ref<>::borrow(finalizer);
  if (!firstiter.is_null()) ts->asyncgen_firstiter = is_none(firstiter) ? Ref<>() : Ref<>::borrow(firstiter);
  return new_none();
}
Ref<> make_record(const char* type_name_str, const std::vector<std::pair<const char*, Ref<>>>& fields);
Ref<> sys_get_asyncgen_hooks(Value, Value*) {
  ThreadState* ts = tstate();
  auto hook = [](const Ref<>& h) { return h ? Ref<>::borrow(h.val()) : new_none(); };
  return make_record("asyncgen_hooks", {{"firstiter", hook(ts->asyncgen_firstiter)},
                                        {"finalizer", hook(ts->asyncgen_finalizer)}});
}

Ref<> sys_getdefaultencoding(Value, Value*) { return Ref<>(str_intern("utf-8")); }
// Fixed when sys is created (before any thread): UTF-8 in UTF-8 mode,
// else the locale's codeset, as CPython's.
Str* g_fs_encoding = nullptr;
Ref<> sys_getfilesystemencoding(Value, Value*) { return Ref<>(g_fs_encoding ? g_fs_encoding : str_intern("utf-8")); }
Ref<> sys_getfilesystemencodeerrors(Value, Value*) { return Ref<>(str_intern("surrogateescape")); }
Ref<> sys_get_int_max_str_digits(Value, Value*) { return small_int(g_int_max_str_digits.load()); }
Ref<> sys_set_int_max_str_digits(Value, Value* a) {
  int64_t n;
  if (!to_int64(a[0], &n)) return nullptr;
  if (n != 0 && n < 640) return err_set_str(g_ValueError, "maxdigits must be 0 or larger than 640");
  g_int_max_str_digits.store(static_cast<int>(n));
  return new_none();
}
// sys.__unraisablehook__(unraisable): write "<err_msg>: <repr(object)>" and
// the exception with its traceback to sys.stderr (nothing if it is None).
Ref<> sys_unraisablehook_fn(Value, Value* a) {
  Value u = a[0];
  Ref<> exc_value = getattr(u, "exc_value");
  Ref<> err_msg = exc_value ? getattr(u, "err_msg") : nullptr;
  Ref<> obj = err_msg ? getattr(u, "object") : nullptr;
  if (!obj) return nullptr;
  Ref<> out = sys_get_attr("stderr");
  if (!out) return nullptr;
  if (is_none(out.val())) return new_none();
  std::string text;
  if (is_none(err_msg.val())) {
    text = "Exception ignored in";
  } else {
    Ref<> m = str(err_msg.val());
    if (!m) return nullptr;
    text = std::string(str_view(m.val()));
  }
  if (!is_none(obj.val())) {
    Ref<> r = repr(obj.val());
    if (r) {
      text += ": " + std::string(str_view(r.val()));
    } else {
      err_clear();
      text += ": <object repr() failed>";
    }
    text += "\n";
  } else if (!is_none(err_msg.val())) {
    text += ":\n";  // as CPython: "<err_msg>:" when there is no object
  } else {
    text.clear();
  }
  if (is_exception_instance(exc_value.val())) text += format_unraisable(exc_value.val());
  Ref<Str> line = str_from_utf8(text);
  if (!line) return nullptr;
  Value args[1] = {line.val()};
  if (!call_method(out.val(), Value(ids::write), args, 1)) return nullptr;
  if (!call_method(out.val(), Value(ids::flush), nullptr, 0)) err_clear();
  return new_none();
}

Ref<> sys_audit(Value, Value*) { return new_none(); }
Ref<> sys_activate_stack_trampoline(Value, Value*) { return new_none(); }

const MethodDef kSysFunctions[] = {
    {"exit(status=?, /)", sys_exit, "Exit the interpreter by raising SystemExit(status)."},
    {"getrecursionlimit()", sys_getrecursionlimit, nullptr},
    {"setrecursionlimit(limit, /)", sys_setrecursionlimit, nullptr},
    {"getrefcount(object, /)", sys_getrefcount, nullptr},
    {"intern(string, /)", sys_intern, nullptr},
    {"exception()", sys_exception, nullptr},
    {"exc_info()", sys_exc_info, nullptr},
    {"getsizeof(object, default=?)", sys_getsizeof, nullptr},
    {"_getframe(depth=?, /)", sys_getframe, nullptr},
    {"_ftpy_hide_frames(*functions)", sys_ftpy_hide_frames, nullptr},
    {"_ftpy_c_type_name(cls, name, /)", sys_ftpy_c_type_name, nullptr},
    {"displayhook(object, /)", sys_displayhook_fn, nullptr},
    {"excepthook(exctype, value, traceback, /)", sys_excepthook_fn, nullptr},
    {"unraisablehook(unraisable, /)", sys_unraisablehook_fn, "Handle an unraisable exception."},
    {"getswitchinterval()", sys_getswitchinterval, nullptr},
    {"gettrace()", sys_gettrace, nullptr},
    {"settrace(function, /)", sys_settrace, nullptr},
    {"getprofile()", sys_getprofile, nullptr},
    {"breakpointhook(*args, **kws)", sys_breakpointhook, nullptr},
    {"setprofile(function, /)", sys_setprofile, nullptr},
    {"setswitchinterval(interval, /)", sys_setswitchinterval, nullptr},
    {"_is_gil_enabled()", sys_is_gil_enabled, "Return True if the GIL is currently enabled and False otherwise."},
    {"getdefaultencoding()", sys_getdefaultencoding, nullptr},
    {"is_finalizing()", sys_is_finalizing, "Return True if Python is exiting."},
    {"set_asyncgen_hooks(firstiter=?, finalizer=?)", sys_set_asyncgen_hooks,
     "Set the firstiter and finalizer hooks of this thread's async generators."},
    {"get_asyncgen_hooks()", sys_get_asyncgen_hooks,
     "Return the firstiter and finalizer hooks of this thread's async generators."},
    {"getfilesystemencoding()", sys_getfilesystemencoding, nullptr},
    {"getfilesystemencodeerrors()", sys_getfilesystemencodeerrors, nullptr},
    {"get_int_max_str_digits()", sys_get_int_max_str_digits, nullptr},
    {"set_int_max_str_digits(maxdigits)", sys_set_int_max_str_digits, nullptr},
    {"audit(event, /, *args)", sys_audit, nullptr},
    {nullptr}};

Ref<> str_list(const std::vector<std::string>& v) {
  Ref<List> l = list_new();
  for (const std::string& s : v) {
    Ref<Str> x = str_from_utf8(s);
    if (!x || list_append(l.val(), x.val()) < 0) return nullptr;
  }
  return l;
}

// A named tuple-like read-only record (sys.version_info, sys.flags, ...): a
// tuple subclass with attribute access by name.
Ref<> make_record(const char* type_name_str, const std::vector<std::pair<const char*, Ref<>>>& fields) {
  Ref<Tuple> t = tuple_new(static_cast<int64_t>(fields.size()));
  for (size_t i = 0; i < fields.size(); i++) tuple_init_item(t.get(), static_cast<int64_t>(i), fields[i].second);
  return record_new(type_name_str, fields, t.val());
}

}  // namespace

std::atomic<double> g_switch_interval{0.005};  // declared in runtime/gil.h

Ref<> sys_get_attr(const char* name) {
  Ref<> v;
  int r = dict_get_item_str(g_interp.sys_dict, str_intern(name), &v);
  if (r < 0) return nullptr;
  if (r == 0) return err_format(g_RuntimeError, "lost sys.%s", name);
  return v;
}

Ref<> sys_displayhook(Value v) {
  if (is_none(v)) return new_none();
  Value bd = g_interp.builtins;
  if (dict_set_item_str(bd, "_", none()) < 0) return nullptr;
  Ref<> out = sys_get_attr("stdout");
  if (!out) return nullptr;
  Ref<> r = repr(v);
  if (!r) return nullptr;
  Ref<Str> line = str_concat(r.val().as<Str>(), str_from_ascii("\n").get());
  Value args[1] = {line.val()};
  Ref<> w = call_method(out.val(), Value(ids::write), args, 1);
  if (!w) return nullptr;
  if (dict_set_item_str(bd, "_", v) < 0) return nullptr;
  return new_none();
}

Ref<> sys_input(Value prompt) {
  Ref<> out = sys_get_attr("stdout");
  if (!out) return nullptr;
  if (!prompt.is_null()) {
    Ref<> ps = str(prompt);
    if (!ps) return nullptr;
    Value args[1] = {ps.val()};
    if (!call_method(out.val(), Value(ids::write), args, 1)) return nullptr;
  }
  if (!call_method(out.val(), Value(ids::flush), nullptr, 0)) return nullptr;
  Ref<> in = sys_get_attr("stdin");
  if (!in) return nullptr;
  if (is_none(in.val())) return err_set_str(g_RuntimeError, "input(): lost sys.stdin");
  Ref<> line = call_method(in.val(), Value(ids::readline), nullptr, 0);
  if (!line) return nullptr;
  if (!is_str(line.val())) return err_set_str(g_TypeError, "object.readline() returned non-string");
  Str* s = line.val().as<Str>();
  if (s->length == 0) return err_set_str(g_EOFError, "EOF when reading a line");
  if (s->at(s->length - 1) == '\n') return str_substring(s, 0, s->length - 1);
  return line;
}

void sys_excepthook(Value exc) {
  Ref<> hook;
  if (dict_get_item_str(g_interp.sys_dict, ids::excepthook, &hook) > 0) {
    Value tb = exception_traceback(exc);
    Value args[3] = {Value(type_of(exc)), exc, tb.is_null() ? none() : tb};
    Ref<> r = call(hook.val(), args, 3);
    if (r) return;
    Ref<> e2 = err_fetch();
    std::fprintf(stderr, "Error in sys.excepthook:\n");
    if (e2) print_exception_to_stderr(e2.val());
    std::fprintf(stderr, "\nOriginal exception was:\n");
  }
  print_exception_to_stderr(exc);
}

namespace {

// sys.UnraisableHookArgs for one report.
Ref<> unraisable_args(Value exc, const char* err_msg, Value obj) {
  Value tb = exception_traceback(exc);
  Ref<> msg = err_msg ? Ref<>(str_from_utf8(err_msg)) : new_none();
  if (!msg) return nullptr;
  std::vector<std::pair<const char*, Ref<>>> fields = {
      {"exc_type", Ref<>::borrow(Value(type_of(exc)))},
      {"exc_value", Ref<>::borrow(exc)},
      {"exc_traceback", Ref<>::borrow(tb.is_null() ? none() : tb)},
      {"err_msg", msg},
      {"object", Ref<>::borrow(obj.is_null() ? none() : obj)}};
  return make_record("UnraisableHookArgs", fields);
}

// Call hook(args); false with the hook's exception pending.
bool call_unraisable_hook(Value hook, Value exc, const char* err_msg, Value obj) {
  Ref<> args = unraisable_args(exc, err_msg, obj);
  if (!args) return false;
  Value a[1] = {args.val()};
  return static_cast<bool>(call(hook, a, 1));
}

}  // namespace

void sys_unraisable(Value exc, const char* err_msg, Value obj) {
  Ref<> hook;
  if (g_interp.sys_dict.is_null() || dict_get_item_str(g_interp.sys_dict, str_intern("unraisablehook"), &hook) <= 0 ||
      is_none(hook.val())) {
    err_clear();
    // No hook (or sys is gone at shut-down): the default's text, to C stderr.
    std::string head = err_msg ? err_msg : "Exception ignored in";
    if (!obj.is_null()) {
      Ref<> r = repr(obj);
      head += ": " + (r ? std::string(str_view(r.val())) : std::string("<object repr() failed>"));
      if (!r) err_clear();
    }
    flush_std_streams();
    std::string body = format_unraisable(exc);
    std::fprintf(stderr, "%s\n%s", head.c_str(), body.c_str());
    std::fflush(stderr);
    return;
  }
  if (call_unraisable_hook(hook.val(), exc, err_msg, obj)) return;
  // The hook itself failed: report that through the default hook.
  Ref<> e2 = err_fetch();
  if (!e2) return;
  Ref<> args = unraisable_args(e2.val(), "Exception ignored in sys.unraisablehook", hook.val());
  if (args) {
    Value a[1] = {args.val()};
    if (sys_unraisablehook_fn(Value(), a)) return;
  }
  err_clear();
  print_exception_to_stderr(e2.val());
}

void flush_std_streams() {
  if (g_interp.sys_dict.is_null()) return;
  for (const char* name : {"stdout", "stderr"}) {
    Ref<> s;
    if (dict_get_item_str(g_interp.sys_dict, str_intern(name), &s) <= 0) {
      err_clear();
      continue;
    }
    if (is_none(s.val())) continue;
    Ref<> r = call_method(s.val(), Value(ids::flush), nullptr, 0);
    if (!r) err_clear();
  }
}

namespace {
std::atomic<bool> g_utf8_mode{true};  // written once by sys_module_create
}  // namespace

bool sys_utf8_mode() { return g_utf8_mode.load(std::memory_order_relaxed); }

// sys.flags.utf8_mode as CPython decides it (PEP 540): -X utf8[=0|1], else
// PYTHONUTF8=0|1, else on only in the C/POSIX locale (which main.cpp may
// have coerced to C.UTF-8 already: that counts as C). It decides the
// encodings of the standard streams and of file names; it also steers the
// library (locale.getpreferredencoding says 'UTF-8' from nl_langinfo under
// C.UTF-8, as python3, not 'utf-8').
static bool g_c_locale_coerced = false;  // set before start-up, read once by sys_module_create
void sys_note_c_locale_coerced() { g_c_locale_coerced = true; }

static int decide_utf8_mode(const InterpConfig& cfg) {
  int utf8_mode = -1;
  for (const std::string& x : cfg.xoptions) {
    if (x == "utf8" || x == "utf8=1") utf8_mode = 1;
    else if (x == "utf8=0") utf8_mode = 0;
  }
  if (utf8_mode < 0 && !cfg.ignore_environment) {
    const char* e = std::getenv("PYTHONUTF8");
    if (e && std::strcmp(e, "1") == 0) utf8_mode = 1;
    else if (e && std::strcmp(e, "0") == 0) utf8_mode = 0;
  }
  if (utf8_mode < 0 && g_c_locale_coerced) utf8_mode = 1;
  if (utf8_mode < 0) {
    // setlocale(LC_CTYPE, "")'s precedence: LC_ALL, LC_CTYPE, LANG.
    const char* loc = nullptr;
    for (const char* var : {"LC_ALL", "LC_CTYPE", "LANG"}) {
      const char* v = std::getenv(var);
      if (v && *v) {
        loc = v;
        break;
      }
    }
    utf8_mode = !loc || std::strcmp(loc, "C") == 0 || std::strcmp(loc, "POSIX") == 0;
    if (!utf8_mode) {
      // A locale the system does not have leaves setlocale at "C": UTF-8 mode.
      locale_t l = ::newlocale(LC_CTYPE_MASK, loc, locale_t{});
      if (l) {
        ::freelocale(l);
      } else {
        utf8_mode = 1;
      }
    }
  }
  return utf8_mode;
}

bool sys_resolve_stdio_encoding() {
  Value streams[3];
  int i = 0;
  for (const char* name : {"__stdin__", "__stdout__", "__stderr__"}) {
    Ref<> v;
    if (dict_get_item_str(g_interp.sys_dict, str_intern(name), &v) <= 0 || !sys_is_std_stream(v.val())) return true;
    streams[i++] = v.val();
  }
  const StdioCodec* c = streams[1].as<StdStream>()->codec.load(std::memory_order_acquire);
  if (c->native) return true;
  // A codec of the host's encodings package: the streams report the name
  // codecs.lookup() gives ('KOI8_R' -> 'koi8-r'), and an unknown one stops
  // start-up as CPython's does.
  Ref<> codecs = import_module("codecs");
  Ref<> lookup = codecs ? getattr(codecs.val(), "lookup") : Ref<>();
  Ref<> nm = str_from_utf8(std::string(str_view(Value(c->name))));
  Ref<> info = lookup && nm ? call1(lookup.val(), nm.val()) : Ref<>();
  Ref<> resolved = info ? getattr(info.val(), "name") : Ref<>();
  if (!resolved || !is_str(resolved.val())) {
    Ref<> exc = err_fetch();
    Ref<> msg = exc ? str(exc.val()) : Ref<>();
    err_clear();
    std::fprintf(stderr,
                 "Fatal Python error: init_stdio_encoding: failed to get the Python codec name of the stdio "
                 "encoding\nPython runtime state: core initialized\n%s: %s\n\n"
                 "Current thread 0x%016lx (most recent call first):\n  <no Python frame>\n",
                 exc ? type_name(type_of(exc.val())) : "LookupError",
                 msg && is_str(msg.val()) ? std::string(str_view(msg.val())).c_str() : "",
                 static_cast<unsigned long>(::pthread_self()));
    return false;
  }
  const StdioCodec* r = stdio_codec_for(str_view(resolved.val()));
  for (Value v : streams) v.as<StdStream>()->codec.store(r, std::memory_order_release);
  return true;
}

Ref<> sys_module_create() {
  Type* t = &g_stdstream_type;
  if (!(t->flags & kTypeReady)) {
    t->name = "_io.TextIOWrapper";
    t->basic_size = sizeof(StdStream);
    t->weaklist_offset = static_cast<int32_t>(offsetof(StdStream, weakreflist));
    t->tp_dealloc = stream_dealloc;
    t->tp_repr = stream_repr;
    t->tp_iter = stream_iter;
    t->tp_iternext = stream_iternext;
    t->methods = kStreamMethods;
    t->getsets = kStreamGetSets;
    type_ready(t);
  }
  Type* bt = &g_stdbuffer_type;
  if (!(bt->flags & kTypeReady)) {
    bt->name = "_io.BufferedWriter";
    bt->basic_size = sizeof(StdBuffer);
    bt->weaklist_offset = static_cast<int32_t>(offsetof(StdBuffer, weakreflist));
    bt->tp_dealloc = buffer_dealloc;
    bt->tp_repr = buffer_repr;
    bt->tp_iter = stream_iter;
    bt->tp_iternext = buffer_iternext;
    bt->methods = kBufferMethods;
    bt->getsets = kBufferGetSets;
    type_ready(bt);
  }
  Ref<> m = module_new("sys");
  if (!m) return nullptr;
  Value d = module_dict(m.val());
  if (native_add_functions(m.val(), kSysFunctions) < 0) return nullptr;
  // sys.__unraisablehook__, __excepthook__ and __displayhook__ are the same
  // objects as the original hooks: code.InteractiveConsole tests
  // `sys.excepthook is sys.__excepthook__` to decide how to print a traceback.
  for (const char* name : {"unraisablehook", "excepthook", "displayhook", "breakpointhook"}) {
    Ref<> hook;
    if (dict_get_item_str(d, str_intern(name), &hook) <= 0 ||
        dict_set_item_str(d, ("__" + std::string(name) + "__").c_str(), hook.val()) < 0)
      return nullptr;
  }
  const InterpConfig& cfg = g_interp.config;
  bool interactive_out = ::isatty(1);
  // CPython: line buffering for a terminal's stdout and for stderr, unless
  // -u, which makes both write through instead.
  int utf8_mode = decide_utf8_mode(cfg);
  g_fs_encoding = str_intern(utf8_mode ? std::string("utf-8") : locale_codec_name());
  const StdioCodec* codec = stdio_codec_for(stdio_encoding_default(utf8_mode != 0));
  Ref<> out = make_stream(1, "<stdout>", !cfg.unbuffered && interactive_out, cfg.unbuffered, false, codec);
  Ref<> err = make_stream(2, "<stderr>", !cfg.unbuffered, cfg.unbuffered, false, codec);
  Ref<> in = make_stream(0, "<stdin>", false, false, true, codec);
  auto set = [&](const char* name, Value v) { return dict_set_item_str(d, name, v) >= 0; };
  bool ok = set("stdout", out.val()) && set("stderr", err.val()) && set("stdin", in.val()) &&
            set("__stdout__", out.val()) && set("__stderr__", err.val()) && set("__stdin__", in.val());
  if (!ok) return nullptr;
  Ref<> argv = str_list(cfg.argv.empty() ? std::vector<std::string>{""} : cfg.argv);
  Ref<> orig = str_list(cfg.argv);
  Ref<> path = list_new();
  Ref<> warnopts = str_list(cfg.warnoptions);
  g_utf8_mode.store(utf8_mode != 0, std::memory_order_relaxed);
  Ref<Dict> xopts = dict_new();
  for (const std::string& x : cfg.xoptions) {
    size_t eq = x.find('=');
    Ref<Str> k = str_from_utf8(x.substr(0, eq));
    Ref<> v = eq == std::string::npos ? Ref<>::steal(true_value()) : Ref<>(str_from_utf8(x.substr(eq + 1)));
    dict_set_item(xopts.val(), k.val(), v.val());
  }
  Ref<> maxsize = int_from_int64(INT64_MAX);
  Ref<> maxunicode = small_int(0x10FFFF);
  Ref<> hexversion = small_int(0x030E00F0);
  // CPython's shape, "VERSION (BUILDNO, BUILDDATE) [COMPILER]", which
  // platform._sys_version parses (its BUILDDATE allows letters and spaces
  // only: 'free-threading' made platform.python_implementation() raise).
  Ref<Str> version = str_from_utf8("3.14.0 (ftpy, free threading build) [C++20]");
  Ref<> version_info = make_record("sys.version_info",
                                   {{"major", small_int(3)}, {"minor", small_int(14)}, {"micro", small_int(0)},
                                    {"releaselevel", Ref<>(str_intern("final"))}, {"serial", small_int(0)}});
  Ref<Dict> impl_ns = dict_new();
  dict_set_item_str(impl_ns.val(), "name", Value(str_intern("ftpy")));
  // What the bytecode cache names its files with (vm/code_cache.h): <name>.ftpy.pyc.
  dict_set_item_str(impl_ns.val(), "cache_tag", Value(str_intern("ftpy")));
  dict_set_item_str(impl_ns.val(), "version", version_info.val());
  dict_set_item_str(impl_ns.val(), "hexversion", hexversion.val());
  dict_set_item_str(impl_ns.val(), "_multiarch", Value(str_intern("x86_64-linux-gnu")));
  dict_set_item_str(impl_ns.val(), "supports_isolated_interpreters", false_value());
  Ref<> implementation = simple_namespace_new(impl_ns.val());
  Ref<> flags = make_record(
      "sys.flags",
      {{"debug", small_int(0)}, {"inspect", small_int(cfg.inspect)}, {"interactive", small_int(cfg.interactive)},
       {"optimize", small_int(cfg.optimize)}, {"dont_write_bytecode", small_int(code_cache_dont_write() ? 1 : 0)}, {"no_user_site", small_int(1)},
       {"no_site", small_int(1)}, {"ignore_environment", small_int(cfg.ignore_environment)},
       {"verbose", small_int(cfg.verbose)}, {"bytes_warning", small_int(0)}, {"quiet", small_int(cfg.quiet)},
       {"hash_randomization", small_int(1)}, {"isolated", small_int(cfg.isolated)},
       {"dev_mode", new_bool(false)}, {"utf8_mode", small_int(utf8_mode)}, {"warn_default_encoding", small_int(0)},
       {"safe_path", new_bool(cfg.safe_path)}, {"int_max_str_digits", small_int(-1)},
       {"gil", small_int(cfg.gil < 0 ? 0 : cfg.gil)}});
  Ref<> float_info = make_record(
      "sys.float_info",
      {{"max", float_new(1.7976931348623157e+308)}, {"max_exp", small_int(1024)}, {"max_10_exp", small_int(308)},
       {"min", float_new(2.2250738585072014e-308)}, {"min_exp", small_int(-1021)}, {"min_10_exp", small_int(-307)},
       {"dig", small_int(15)}, {"mant_dig", small_int(53)}, {"epsilon", float_new(2.220446049250313e-16)},
       {"radix", small_int(2)}, {"rounds", small_int(1)}});
  Ref<> int_info = make_record("sys.int_info", {{"bits_per_digit", small_int(30)}, {"sizeof_digit", small_int(4)},
                                                {"default_max_str_digits", small_int(4300)},
                                                {"str_digits_check_threshold", small_int(640)}});
  Ref<> hash_info = make_record(
      "sys.hash_info", {{"width", small_int(64)}, {"modulus", int_from_int64((int64_t{1} << 61) - 1)},
                        {"inf", small_int(314159)}, {"nan", small_int(0)}, {"imag", small_int(1000003)},
                        {"algorithm", Ref<>(str_intern("siphash13"))}, {"hash_bits", small_int(64)},
                        {"seed_bits", small_int(128)}, {"cutoff", small_int(0)}});
  Ref<> builtin_names = builtin_module_names_tuple();
  Ref<Str> exe = str_from_utf8(executable_path());
  Ref<Str> prefix = str_from_utf8(FTPY_SOURCE_DIR);
  ok = set("argv", argv.val()) && set("orig_argv", orig.val()) && set("path", path.val()) &&
       set("modules", g_interp.modules) && set("warnoptions", warnopts.val()) && set("_xoptions", xopts.val()) &&
       set("maxsize", maxsize.val()) && set("maxunicode", maxunicode.val()) && set("version", version.val()) &&
       set("hexversion", hexversion.val()) && set("version_info", version_info.val()) &&
       set("implementation", implementation.val()) && set("flags", flags.val()) &&
       set("float_info", float_info.val()) && set("int_info", int_info.val()) && set("hash_info", hash_info.val()) &&
       set("platform", Value(str_intern("linux"))) && set("byteorder", Value(str_intern("little"))) &&
       set("executable", exe.val()) && set("_base_executable", exe.val()) && set("prefix", prefix.val()) &&
       set("exec_prefix", prefix.val()) && set("base_prefix", prefix.val()) &&
       set("base_exec_prefix", prefix.val()) && set("abiflags", Value(str_intern(""))) &&
       set("builtin_module_names", builtin_names.val()) && set("dont_write_bytecode", bool_value(code_cache_dont_write())) &&
       set("meta_path", Ref<>(list_new()).val()) && set("path_hooks", Ref<>(list_new()).val()) &&
       set("path_importer_cache", Ref<>(dict_new()).val()) && set("api_version", Ref<>(small_int(1013)).val()) &&
       set("copyright", Value(str_intern("Copyright (c) ftpy authors."))) && set("platlibdir", Value(str_intern("lib"))) &&
       set("pycache_prefix", none()) && set("float_repr_style", Value(str_intern("short")));
  if (!ok) return nullptr;
  return m;
}

}  // namespace ftpy
