// _io.BufferedReader, BufferedWriter and BufferedRandom: one implementation,
// three types. A read buffer (bytes read ahead of the logical position) and a
// write buffer (bytes not yet handed to the raw stream) are never both
// non-empty: switching direction flushes the writes or rewinds the raw stream
// over the unread read-ahead.
//
// Thread safety: every method runs in a critical section on the buffered
// object; the raw stream's methods are called from inside it (a raw stream
// implemented in Python runs under our lock, which is re-entrant for this
// thread).
#include <cstring>

#include "modules/io_internal.h"
#include "modules/io_module.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_buffered_reader_type;
Type g_buffered_writer_type;
Type g_buffered_random_type;

namespace {

struct BufState {
  std::string rbuf;  // read-ahead; valid from rpos
  size_t rpos = 0;
  std::string wbuf;  // pending writes
};

struct Buffered : IOBaseObj {
  Value raw;  // owned; null when detached
  BufState* st;
  int64_t buffer_size;
  uint8_t can_read, can_write, ok;
};

Buffered* as_buf(Value v) { return v.as<Buffered>(); }

Ref<> call_m(Value self, const char* name, std::initializer_list<Value> args = {}) {
  return call_method(self, name, args.begin(), args.size());
}

size_t unread(Buffered* b) { return b->st->rbuf.size() - b->st->rpos; }

Ref<> buffered_new(Type* type, const Value*, size_t, Value) {
  auto* b = alloc_object<Buffered>(type, type->basic_size);
  if (!b) return nullptr;
  b->st = new BufState();
  return Ref<>::steal(Value(b));
}

void buffered_dealloc(Object* o) {
  if (io_finalize_for_dealloc(o)) return;
  io_base_clear_weakrefs(o);
  auto* b = static_cast<Buffered*>(o);
  delete b->st;
  b->st = nullptr;
  decref(b->raw);
  io_base_dealloc_fields(o);
  free_object(o);
}

void buffered_traverse(Object* o, VisitFn visit, void* arg) {
  io_base_traverse(o, visit, arg);
  visit(static_cast<Buffered*>(o)->raw, arg);
}

int buffered_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("BufferedIO(raw, buffer_size=8192)", nullptr);
  Value a[2];
  Ref<> holders[2];
  if (!native_bind(sig, args, nargs, kwnames, a, holders)) return -1;
  Buffered* b = as_buf(self);
  Type* t = type_of(self);
  bool want_read = is_subtype(t, &g_buffered_reader_type) || is_subtype(t, &g_buffered_random_type);
  bool want_write = is_subtype(t, &g_buffered_writer_type) || is_subtype(t, &g_buffered_random_type);
  // The raw stream is asked readable()/writable()/seekable() directly, as
  // CPython does: it need not derive from IOBase (tarfile wraps a plain
  // object that only has those methods), so there may be no _checkReadable.
  struct Check {
    bool wanted;
    const char* method;
    const char* message;
  };
  const Check checks[3] = {
      {want_read, "readable", "File or stream is not readable."},
      {want_write, "writable", "File or stream is not writable."},
      {is_subtype(t, &g_buffered_random_type), "seekable", "File or stream is not seekable."}};
  for (const Check& c : checks) {
    if (!c.wanted) continue;
    Ref<> r = call_m(a[0], c.method);
    if (!r) return -1;
    int ok = truthy(r.val());
    if (ok < 0) return -1;
    if (!ok) {
      io_unsupported(c.message);
      return -1;
    }
  }
  int64_t size;
  if (!to_int64(a[1], &size)) return -1;
  if (size <= 0) {
    err_set_str(g_ValueError, "buffer size must be strictly positive");
    return -1;
  }
  CriticalSection cs(self);
  Value old = b->raw;
  b->raw = Ref<>::borrow(a[0]).release();
  decref(old);
  b->buffer_size = size;
  b->can_read = want_read;
  b->can_write = want_write;
  b->st->rbuf.clear();
  b->st->rpos = 0;
  b->st->wbuf.clear();
  b->ok = 1;
  return 0;
}

// Checks common to every operation. Returns false with an exception.
bool check_ok(Buffered* b) {
  if (!b->ok) {
    if (b->raw.is_null() && b->st) err_set_str(g_ValueError, "raw stream has been detached");
    else err_set_str(g_ValueError, "I/O operation on uninitialized object");
    return false;
  }
  return true;
}

int raw_closed(Buffered* b) {
  Ref<> c = getattr(b->raw, "closed");
  if (!c) return -1;
  return truthy(c.val());
}

bool check_open(Buffered* b, const char* msg) {
  if (!check_ok(b)) return false;
  int c = raw_closed(b);
  if (c < 0) return false;
  if (c) {
    err_set_str(g_ValueError, msg);
    return false;
  }
  return true;
}

// Hand the write buffer to the raw stream. -1 on error.
int flush_writes(Buffered* b) {
  std::string& w = b->st->wbuf;
  size_t done = 0;
  while (done < w.size()) {
    Ref<> chunk = bytes_from(w.data() + done, w.size() - done);
    if (!chunk) return -1;
    Ref<> r = call_m(b->raw, "write", {chunk.val()});
    if (!r) {
      w.erase(0, done);
      return -1;
    }
    if (is_none(r.val())) {
      w.erase(0, done);
      err_format(g_BlockingIOError, "write could not complete without blocking");
      return -1;
    }
    int64_t n;
    if (!to_int64(r.val(), &n)) {
      w.erase(0, done);
      return -1;
    }
    if (n < 0 || static_cast<size_t>(n) > w.size() - done) {
      w.erase(0, done);
      err_format(g_OSError, "raw write() returned invalid length %lld (should have been between 0 and %zu)",
                 static_cast<long long>(n), w.size() - done);
      return -1;
    }
    done += static_cast<size_t>(n);
  }
  w.clear();
  return 0;
}

// Drop the read-ahead, moving the raw stream back over it. -1 on error.
int rewind_reads(Buffered* b) {
  size_t n = unread(b);
  b->st->rbuf.clear();
  b->st->rpos = 0;
  if (n == 0) return 0;
  Ref<> off = int_from_int64(-static_cast<int64_t>(n));
  Ref<> one = small_int(1);
  Ref<> r = call_m(b->raw, "seek", {off.val(), one.val()});
  return r ? 0 : -1;
}

// One raw read of up to n bytes appended to the read buffer. Returns bytes
// added (0 at EOF), -2 if the raw stream would block, -1 on error.
int64_t fill(Buffered* b, int64_t n) {
  Ref<> sz = int_from_int64(n);
  Ref<> r = call_m(b->raw, "read", {sz.val()});
  if (!r) return -1;
  if (is_none(r.val())) return -2;
  if (!is_bytes(r.val())) {
    err_format(g_TypeError, "read() should return bytes");
    return -1;
  }
  std::string_view v = bytes_view(r.val());
  if (b->st->rpos > 0 && b->st->rpos == b->st->rbuf.size()) {
    b->st->rbuf.clear();
    b->st->rpos = 0;
  }
  b->st->rbuf.append(v);
  return static_cast<int64_t>(v.size());
}

bool prepare_read(Buffered* b) {
  if (!check_open(b, "read of closed file")) return false;
  if (!b->can_read) {
    io_unsupported("read");
    return false;
  }
  if (!b->st->wbuf.empty() && flush_writes(b) < 0) return false;
  return true;
}

Ref<> take(Buffered* b, size_t n) {
  n = std::min(n, unread(b));
  Ref<> r = bytes_from(b->st->rbuf.data() + b->st->rpos, n);
  b->st->rpos += n;
  if (b->st->rpos == b->st->rbuf.size()) {
    b->st->rbuf.clear();
    b->st->rpos = 0;
  }
  return r;
}

Ref<> buffered_read(Value self, Value* args) {
  Buffered* b = as_buf(self);
  int64_t n;
  if (!io_size_arg(args[0], &n)) return nullptr;
  if (n < -1) return err_set_str(g_ValueError, "read length must be non-negative or -1");
  CriticalSection cs(self);
  if (!prepare_read(b)) return nullptr;
  if (n < 0) {
    std::string out(b->st->rbuf, b->st->rpos);
    b->st->rbuf.clear();
    b->st->rpos = 0;
    Ref<> rest;
    Ref<> readall = getattr_opt(b->raw, Value(str_intern("readall")));
    if (readall) {
      rest = call0(readall.val());
      if (!rest) return nullptr;
      if (is_none(rest.val())) return out.empty() ? rest : bytes_from(out);
      if (!is_bytes(rest.val())) return err_set_str(g_TypeError, "readall() should return bytes");
      out.append(bytes_view(rest.val()));
      return bytes_from(out);
    }
    if (err_occurred()) return nullptr;
    for (;;) {
      int64_t got = fill(b, b->buffer_size);
      if (got == -1) return nullptr;
      if (got == -2) {
        if (out.empty()) return new_none();
        break;
      }
      if (got == 0) break;
      out.append(b->st->rbuf, b->st->rpos);
      b->st->rbuf.clear();
      b->st->rpos = 0;
    }
    return bytes_from(out);
  }
  while (unread(b) < static_cast<size_t>(n)) {
    int64_t want = std::max<int64_t>(b->buffer_size, n - static_cast<int64_t>(unread(b)));
    int64_t got = fill(b, want);
    if (got == -1) return nullptr;
    if (got == -2) {
      if (unread(b) == 0) return new_none();
      break;
    }
    if (got == 0) break;
  }
  return take(b, static_cast<size_t>(n));
}

Ref<> buffered_read1(Value self, Value* args) {
  Buffered* b = as_buf(self);
  int64_t n;
  if (!io_size_arg(args[0], &n)) return nullptr;
  CriticalSection cs(self);
  if (!prepare_read(b)) return nullptr;
  if (n < 0) n = b->buffer_size;
  if (n == 0) return bytes_from("", 0);
  if (unread(b) == 0) {
    int64_t got = fill(b, std::max<int64_t>(n, b->buffer_size));
    if (got == -1) return nullptr;
  }
  return take(b, static_cast<size_t>(n));
}

Ref<> buffered_peek(Value self, Value* args) {
  Buffered* b = as_buf(self);
  CriticalSection cs(self);
  if (!prepare_read(b)) return nullptr;
  if (unread(b) == 0) {
    int64_t got = fill(b, b->buffer_size);
    if (got == -1) return nullptr;
  }
  return bytes_from(b->st->rbuf.data() + b->st->rpos, unread(b));
}

Ref<> buffered_readline(Value self, Value* args) {
  Buffered* b = as_buf(self);
  int64_t limit;
  if (!io_size_arg(args[0], &limit)) return nullptr;
  CriticalSection cs(self);
  if (!prepare_read(b)) return nullptr;
  size_t scanned = 0;
  for (;;) {
    const std::string& r = b->st->rbuf;
    size_t start = b->st->rpos;
    size_t nl = r.find('\n', start + scanned);
    if (nl != std::string::npos) {
      size_t len = nl - start + 1;
      if (limit >= 0) len = std::min(len, static_cast<size_t>(limit));
      return take(b, len);
    }
    scanned = r.size() - start;
    if (limit >= 0 && scanned >= static_cast<size_t>(limit)) return take(b, static_cast<size_t>(limit));
    int64_t got = fill(b, b->buffer_size);
    if (got == -1) return nullptr;
    if (got <= 0) break;
  }
  size_t len = unread(b);
  if (limit >= 0) len = std::min(len, static_cast<size_t>(limit));
  return take(b, len);
}

Ref<> buffered_iternext(Value self) {
  Value none_arg = none();
  Ref<> line = buffered_readline(self, &none_arg);
  if (!line) return nullptr;
  if (bytes_size(line.val()) == 0) return nullptr;
  return line;
}

Ref<> buffered_readinto_impl(Value self, Value buf, bool one) {
  int64_t n = io_buffer_length(buf);
  if (n < 0) return nullptr;
  Ref<> sz = int_from_int64(n);
  Value a = sz.val();
  Ref<> data = one ? buffered_read1(self, &a) : buffered_read(self, &a);
  if (!data) return nullptr;
  if (is_none(data.val())) return data;
  std::string s(bytes_view(data.val()));
  if (io_buffer_fill(buf, s) < 0) return nullptr;
  return int_from_int64(static_cast<int64_t>(s.size()));
}
Ref<> buffered_readinto(Value self, Value* args) { return buffered_readinto_impl(self, args[0], false); }
Ref<> buffered_readinto1(Value self, Value* args) { return buffered_readinto_impl(self, args[0], true); }

Ref<> buffered_write(Value self, Value* args) {
  Buffered* b = as_buf(self);
  std::string data;
  if (!buffer_copy_or_error(args[0], &data)) return nullptr;
  CriticalSection cs(self);
  if (!check_open(b, "write to closed file")) return nullptr;
  if (!b->can_write) return io_unsupported("write");
  if (unread(b) > 0 && rewind_reads(b) < 0) return nullptr;
  b->st->rbuf.clear();
  b->st->rpos = 0;
  b->st->wbuf += data;
  if (static_cast<int64_t>(b->st->wbuf.size()) >= b->buffer_size && flush_writes(b) < 0) return nullptr;
  return int_from_int64(static_cast<int64_t>(data.size()));
}

Ref<> buffered_flush(Value self, Value*) {
  Buffered* b = as_buf(self);
  CriticalSection cs(self);
  if (!check_open(b, b->can_write ? "flush of closed file" : "flush of closed file")) return nullptr;
  if (b->can_write && flush_writes(b) < 0) return nullptr;
  return new_none();
}

Ref<> buffered_seek(Value self, Value* args) {
  Buffered* b = as_buf(self);
  int64_t pos, whence;
  if (!to_int64(args[0], &pos)) return nullptr;
  if (!to_int64(args[1], &whence)) return nullptr;
  if (whence < 0 || whence > 2)
    return err_format(g_ValueError, "whence value %lld unsupported", static_cast<long long>(whence));
  CriticalSection cs(self);
  if (!check_open(b, "seek of closed file")) return nullptr;
  Ref<> seekable = call_m(b->raw, "seekable");
  if (!seekable) return nullptr;
  int s = truthy(seekable.val());
  if (s < 0) return nullptr;
  if (!s) return io_unsupported("File or stream is not seekable.");
  if (!b->st->wbuf.empty() && flush_writes(b) < 0) return nullptr;
  if (whence == 1) pos -= static_cast<int64_t>(unread(b));
  b->st->rbuf.clear();
  b->st->rpos = 0;
  Ref<> p = int_from_int64(pos), w = small_int(whence);
  Ref<> r = call_m(b->raw, "seek", {p.val(), w.val()});
  if (!r) return nullptr;
  int64_t np;
  if (!to_int64(r.val(), &np)) return nullptr;
  if (np < 0) return err_format(g_OSError, "Raw stream returned invalid position %lld", static_cast<long long>(np));
  return r;
}

Ref<> buffered_tell(Value self, Value*) {
  Buffered* b = as_buf(self);
  CriticalSection cs(self);
  if (!check_ok(b)) return nullptr;
  Ref<> r = call_m(b->raw, "tell");
  if (!r) return nullptr;
  int64_t p;
  if (!to_int64(r.val(), &p)) return nullptr;
  if (p < 0) return err_format(g_OSError, "Raw stream returned invalid position %lld", static_cast<long long>(p));
  p = p - static_cast<int64_t>(unread(b)) + static_cast<int64_t>(b->st->wbuf.size());
  return int_from_int64(p < 0 ? 0 : p);
}

Ref<> buffered_truncate(Value self, Value* args) {
  Buffered* b = as_buf(self);
  CriticalSection cs(self);
  if (!check_open(b, "truncate of closed file")) return nullptr;
  if (!b->can_write) return io_unsupported("truncate");
  if (flush_writes(b) < 0) return nullptr;
  Ref<> pos;
  if (args[0].is_null() || is_none(args[0])) {
    pos = buffered_tell(self, nullptr);
    if (!pos) return nullptr;
  } else {
    pos = Ref<>::borrow(args[0]);
  }
  if (rewind_reads(b) < 0) return nullptr;
  return call_m(b->raw, "truncate", {pos.val()});
}

Ref<> buffered_close(Value self, Value*) {
  Buffered* b = as_buf(self);
  CriticalSection cs(self);
  if (!check_ok(b)) return nullptr;
  int c = raw_closed(b);
  if (c < 0) return nullptr;
  if (c) return new_none();
  Ref<> flushed_exc;
  if (b->can_write && flush_writes(b) < 0) flushed_exc = err_fetch();
  b->st->rbuf.clear();
  b->st->rpos = 0;
  Ref<> r = call_m(b->raw, "close");
  if (flushed_exc) {
    if (!r) {
      err_chain_context(std::move(flushed_exc));
    } else {
      err_restore(std::move(flushed_exc));
    }
    return nullptr;
  }
  return r;
}

Ref<> buffered_detach(Value self, Value*) {
  Buffered* b = as_buf(self);
  CriticalSection cs(self);
  if (!check_ok(b)) return nullptr;
  if (b->can_write && flush_writes(b) < 0) return nullptr;
  Ref<> raw = Ref<>::steal(b->raw);
  b->raw = Value();
  b->ok = 0;
  return raw;
}

Ref<> forward(Value self, const char* name) {
  Buffered* b = as_buf(self);
  if (!check_ok(b)) return nullptr;
  return call_m(b->raw, name);
}
Ref<> buffered_readable(Value self, Value*) { return forward(self, "readable"); }
Ref<> buffered_writable(Value self, Value*) { return forward(self, "writable"); }
Ref<> buffered_seekable(Value self, Value*) { return forward(self, "seekable"); }
Ref<> buffered_fileno(Value self, Value*) { return forward(self, "fileno"); }
Ref<> buffered_isatty(Value self, Value*) { return forward(self, "isatty"); }

Ref<> getattr_raw(Value self, const char* name) {
  Buffered* b = as_buf(self);
  if (!check_ok(b)) return nullptr;
  return getattr(b->raw, name);
}
Ref<> buffered_closed_get(Value self) { return getattr_raw(self, "closed"); }
Ref<> buffered_name_get(Value self) { return getattr_raw(self, "name"); }
Ref<> buffered_mode_get(Value self) { return getattr_raw(self, "mode"); }
Ref<> buffered_raw_get(Value self) {
  Buffered* b = as_buf(self);
  if (b->raw.is_null()) return new_none();
  return Ref<>::borrow(b->raw);
}

Ref<> buffered_repr(Value self) {
  std::string out = std::string("<_io.") + type_name(type_of(self));
  Ref<> name = getattr_opt(self, Value(str_intern("name")));
  if (name) {
    Ref<> r = repr(name.val());
    if (!r) return nullptr;
    out += " name=" + std::string(str_view(r.val()));
  } else {
    if (err_occurred() && !err_matches(g_ValueError)) return nullptr;
    err_clear();
  }
  return str_from_utf8(out + ">");
}

// _dealloc_warn(source): passed down to the raw stream (io_file.cpp).
Ref<> buffered_dealloc_warn(Value self, Value* a) {
  Buffered* b = as_buf(self);
  if (b->raw.is_null()) return new_none();
  // The layer below may be any object (a BytesIO has no files to leak):
  // as in CPython, a layer without _dealloc_warn, or one that fails, is
  // passed over silently.
  Ref<> r = call_m(b->raw, "_dealloc_warn", {a[0]});
  if (!r) err_clear();
  return new_none();
}

const MethodDef kBufferedMethods[] = {
    {"_dealloc_warn($self, source, /)", buffered_dealloc_warn, nullptr},
    {"read($self, size=-1, /)", buffered_read, nullptr},
    {"read1($self, size=-1, /)", buffered_read1, nullptr},
    {"peek($self, size=0, /)", buffered_peek, nullptr},
    {"readline($self, size=-1, /)", buffered_readline, nullptr},
    {"readinto($self, buffer, /)", buffered_readinto, nullptr},
    {"readinto1($self, buffer, /)", buffered_readinto1, nullptr},
    {"write($self, buffer, /)", buffered_write, nullptr},
    {"flush($self, /)", buffered_flush, nullptr},
    {"seek($self, target, whence=0, /)", buffered_seek, nullptr},
    {"tell($self, /)", buffered_tell, nullptr},
    {"truncate($self, pos=None, /)", buffered_truncate, nullptr},
    {"close($self, /)", buffered_close, nullptr},
    {"detach($self, /)", buffered_detach, nullptr},
    {"readable($self, /)", buffered_readable, nullptr},
    {"writable($self, /)", buffered_writable, nullptr},
    {"seekable($self, /)", buffered_seekable, nullptr},
    {"fileno($self, /)", buffered_fileno, nullptr},
    {"isatty($self, /)", buffered_isatty, nullptr},
    {nullptr}};

const GetSetDef kBufferedGetSets[] = {
    {"closed", buffered_closed_get, nullptr, nullptr},
    {"name", buffered_name_get, nullptr, nullptr},
    {"mode", buffered_mode_get, nullptr, nullptr},
    {"raw", buffered_raw_get, nullptr, nullptr},
    {nullptr}};

void setup(Type* t, const char* name) {
  io_type_setup(t, name, &g_bufferediobase_type, sizeof(Buffered));
  t->tp_new = buffered_new;
  t->tp_init = buffered_init;
  t->tp_dealloc = buffered_dealloc;
  t->tp_traverse = buffered_traverse;
  t->tp_repr = buffered_repr;
  t->tp_iternext = buffered_iternext;
  t->methods = kBufferedMethods;
  t->getsets = kBufferedGetSets;
  type_ready(t);
}

}  // namespace

void io_buffered_init() {
  setup(&g_buffered_reader_type, "_io.BufferedReader");
  setup(&g_buffered_writer_type, "_io.BufferedWriter");
  setup(&g_buffered_random_type, "_io.BufferedRandom");
}

}  // namespace ftpy
