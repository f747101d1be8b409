// The `zlib` module: compress/decompress, compressobj/decompressobj,
// crc32/adler32 and the constants, over the system zlib (zlib1g-dev).
//
// Thread safety: a Compress or Decompress object owns a ZState whose
// std::mutex guards the z_stream and the unused_data/unconsumed_tail/eof
// fields. Every method first copies its input out of the argument's buffer,
// then takes the mutex; a thread that finds the mutex held detaches while it
// waits (so a stop-the-world never waits on it), and work on inputs of
// kDetachSize bytes or more runs detached as well: while the mutex is held
// only C++ data (the copied input, the ZState, a std::string output) is
// touched, never a Python object. Python objects (the result bytes) are
// made after the mutex is released. The one-shot functions use a stream on
// the C++ stack and detach for large inputs the same way.
#include "modules/zlib_module.h"

#include <zlib.h>

#include <climits>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>

#include <gmp.h>

#include "modules/buffer_util.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"
#include "runtime/heap.h"
#include "runtime/thread_state.h"

namespace ftpy {

namespace {

constexpr int kDefBufSize = 16384;
constexpr size_t kDetachSize = 64 * 1024;

Type* g_zlib_error = nullptr;
Type g_compress_type;
Type g_decompress_type;

// Detaches for the scope only when `big`; zlib work on small inputs is
// shorter than a detach/reattach pair.
class MaybeDetached {
 public:
  explicit MaybeDetached(bool big) : detached_(big && thread_is_attached()) {
    if (detached_) thread_detach_for_blocking();
  }
  ~MaybeDetached() {
    if (detached_) thread_reattach();
  }
  MaybeDetached(const MaybeDetached&) = delete;
  MaybeDetached& operator=(const MaybeDetached&) = delete;

 private:
  bool detached_;
};

// A zlib failure: "Error <code> <while ...>: <message>" as zlib.error.
std::nullptr_t zlib_error(int err, const z_stream& z, const char* what) {
  const char* msg = err == Z_VERSION_ERROR ? "library version mismatch" : z.msg;
  if (!msg) {
    if (err == Z_BUF_ERROR) msg = "incomplete or truncated stream";
    else if (err == Z_STREAM_ERROR) msg = "inconsistent stream state";
    else if (err == Z_DATA_ERROR) msg = "invalid input data";
  }
  if (msg) return err_format(g_zlib_error, "Error %d %s: %.200s", err, what, msg);
  return err_format(g_zlib_error, "Error %d %s", err, what);
}

bool int_arg(Value v, int64_t dflt, int64_t* out) {
  if (v.is_null()) {
    *out = dflt;
    return true;
  }
  if (!to_int64(v, out)) return false;
  if (*out < INT_MIN || *out > INT_MAX) {
    err_set_str(g_OverflowError, *out > 0 ? "signed integer is greater than maximum"
                                         : "signed integer is less than minimum");
    return false;
  }
  return true;
}

// Feeds `in` (from *pos) to zlib in pieces of at most UINT_MAX bytes.
void feed(z_stream& z, const std::string& in, size_t* pos) {
  if (z.avail_in != 0 || *pos >= in.size()) return;
  size_t n = std::min<size_t>(in.size() - *pos, UINT_MAX);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + *pos));
  z.avail_in = static_cast<uInt>(n);
  *pos += n;
}

// Runs `step` (deflate or inflate with `flush`) until it needs more input
// than is left or the stream ends, appending output to *out. With a nonzero
// `limit`, stops once *out holds that many bytes. Returns zlib's last code.
template <typename Step>
int pump(z_stream& z, const std::string& in, size_t* pos, std::string* out, size_t limit, Step step) {
  int err = Z_OK;
  for (;;) {
    feed(z, in, pos);
    size_t room = kDefBufSize;
    if (limit) {
      if (out->size() >= limit) return err;
      room = std::min(room, limit - out->size());
    }
    size_t old = out->size();
    out->resize(old + room);
    z.next_out = reinterpret_cast<Bytef*>(out->data() + old);
    z.avail_out = static_cast<uInt>(room);
    err = step();
    out->resize(old + room - z.avail_out);
    if (err == Z_STREAM_END) return err;
    if (err != Z_OK && err != Z_BUF_ERROR) return err;
    bool input_left = z.avail_in != 0 || *pos < in.size();
    if (z.avail_out != 0 && !input_left) return err;  // all input consumed, output drained
    if (err == Z_BUF_ERROR && z.avail_out != 0) return err;  // no progress possible
  }
}

// --- one-shot functions ------------------------------------------------------------

Ref<> zlib_compress(Value, Value* args) {
  std::string in;
  if (!module_buffer_or_error(args[0], &in)) return nullptr;
  int64_t level, wbits;
  if (!int_arg(args[1], Z_DEFAULT_COMPRESSION, &level) || !int_arg(args[2], MAX_WBITS, &wbits)) return nullptr;
  z_stream z{};
  int err = deflateInit2(&z, static_cast<int>(level), Z_DEFLATED, static_cast<int>(wbits), 8, Z_DEFAULT_STRATEGY);
  if (err == Z_MEM_ERROR) return err_set_str(g_MemoryError, "Out of memory while compressing data");
  if (err == Z_STREAM_ERROR) return err_set_str(g_zlib_error, "Bad compression level");
  if (err != Z_OK) {
    deflateEnd(&z);
    return zlib_error(err, z, "while compressing data");
  }
  std::string out;
  size_t pos = 0;
  {
    MaybeDetached d(in.size() >= kDetachSize);
    err = pump(z, in, &pos, &out, 0, [&] { return deflate(&z, pos >= in.size() ? Z_FINISH : Z_NO_FLUSH); });
  }
  if (err != Z_STREAM_END) {
    zlib_error(err, z, "while compressing data");
    deflateEnd(&z);
    return nullptr;
  }
  deflateEnd(&z);
  return bytes_from(out);
}

Ref<> zlib_decompress(Value, Value* args) {
  std::string in;
  if (!module_buffer_or_error(args[0], &in)) return nullptr;
  int64_t wbits, bufsize;
  if (!int_arg(args[1], MAX_WBITS, &wbits)) return nullptr;
  if (args[2].is_null()) bufsize = kDefBufSize;
  else if (!to_int64(args[2], &bufsize)) return nullptr;
  if (bufsize < 0) return err_set_str(g_ValueError, "bufsize must be non-negative");
  z_stream z{};
  int err = inflateInit2(&z, static_cast<int>(wbits));
  if (err == Z_MEM_ERROR) return err_set_str(g_MemoryError, "Out of memory while decompressing data");
  if (err != Z_OK) {
    inflateEnd(&z);
    return zlib_error(err, z, "while preparing to decompress data");
  }
  std::string out;
  size_t pos = 0;
  {
    MaybeDetached d(in.size() >= kDetachSize);
    err = pump(z, in, &pos, &out, 0, [&] { return inflate(&z, Z_NO_FLUSH); });
  }
  if (err != Z_STREAM_END) {
    if (err == Z_OK) err = Z_BUF_ERROR;  // input ended before the stream did
    zlib_error(err, z, "while decompressing data");
    inflateEnd(&z);
    return nullptr;
  }
  inflateEnd(&z);
  return bytes_from(out);
}

bool low32(Value v, uint32_t* out) {
  Ref<> n = number_index(v);
  if (!n) return false;
  int64_t small;
  if (int_as_int64(n.val(), &small)) {
    *out = static_cast<uint32_t>(static_cast<uint64_t>(small));
    return true;
  }
  mpz_t z, m;
  mpz_init(z);
  mpz_init(m);
  int_to_mpz(n.val(), z);
  mpz_fdiv_r_2exp(m, z, 32);
  *out = static_cast<uint32_t>(mpz_get_ui(m));
  mpz_clear(m);
  mpz_clear(z);
  return true;
}

template <typename Fn>
Ref<> checksum(Value* args, uint32_t start, Fn fn) {
  std::string in;
  if (!module_buffer_or_error(args[0], &in)) return nullptr;
  uint32_t value = start;
  if (!args[1].is_null() && !low32(args[1], &value)) return nullptr;
  uLong v = value;
  const Bytef* p = reinterpret_cast<const Bytef*>(in.data());
  size_t left = in.size();
  MaybeDetached d(left >= kDetachSize);
  do {
    uInt n = static_cast<uInt>(std::min<size_t>(left, UINT_MAX));
    v = fn(v, p, n);
    p += n;
    left -= n;
  } while (left);
  return int_from_uint64(v & 0xffffffffu);
}

Ref<> zlib_crc32(Value, Value* args) { return checksum(args, 0, crc32); }
Ref<> zlib_adler32(Value, Value* args) { return checksum(args, 1, adler32); }

// --- stream objects ----------------------------------------------------------------

struct ZState {
  std::mutex mu;
  z_stream z{};
  bool inited = false;  // z holds a live deflate/inflate state
  bool eof = false;
  std::string unused_data, unconsumed_tail, zdict;
};

struct ZObject : Object {
  ZState* st;  // owned
};

ZState* state_of(Value v) { return v.as<ZObject>()->st; }

// Locks the state's mutex; a contended wait happens detached.
class StateLock {
 public:
  explicit StateLock(ZState* st) : st_(st) {
    if (!st_->mu.try_lock()) {
      DetachedScope d;
      st_->mu.lock();
    }
  }
  ~StateLock() { st_->mu.unlock(); }
  StateLock(const StateLock&) = delete;
  StateLock& operator=(const StateLock&) = delete;

 private:
  ZState* st_;
};

Ref<> zobject_new(Type* t) {
  auto* o = alloc_object<ZObject>(t);
  if (!o) return nullptr;
  o->st = new ZState();
  return Ref<>::steal(Value(o));
}

void compress_dealloc(Object* o) {
  ZState* st = static_cast<ZObject*>(o)->st;
  if (st->inited) deflateEnd(&st->z);
  delete st;
  free_object(o);
}

void decompress_dealloc(Object* o) {
  ZState* st = static_cast<ZObject*>(o)->st;
  if (st->inited) inflateEnd(&st->z);
  delete st;
  free_object(o);
}

Ref<> no_new(Type* t, const Value*, size_t, Value) {
  return err_format(g_TypeError, "cannot create '%s' instances", t->name);
}

Ref<> zlib_compressobj(Value, Value* args) {
  int64_t level, method, wbits, memlevel, strategy;
  if (!int_arg(args[0], Z_DEFAULT_COMPRESSION, &level) || !int_arg(args[1], Z_DEFLATED, &method) ||
      !int_arg(args[2], MAX_WBITS, &wbits) || !int_arg(args[3], 8, &memlevel) ||
      !int_arg(args[4], Z_DEFAULT_STRATEGY, &strategy))
    return nullptr;
  std::string zdict;
  bool has_zdict = !args[5].is_null() && !is_none(args[5]);
  if (has_zdict && !module_buffer_copy(args[5], &zdict))
    return err_set_str(g_TypeError, "zdict argument must support the buffer protocol");
  Ref<> obj = zobject_new(&g_compress_type);
  if (!obj) return nullptr;
  ZState* st = state_of(obj.val());
  int err = deflateInit2(&st->z, static_cast<int>(level), static_cast<int>(method), static_cast<int>(wbits),
                         static_cast<int>(memlevel), static_cast<int>(strategy));
  if (err == Z_MEM_ERROR) return err_set_str(g_MemoryError, "Can't allocate memory for compression object");
  if (err == Z_STREAM_ERROR) return err_set_str(g_ValueError, "Invalid initialization option");
  if (err != Z_OK) return zlib_error(err, st->z, "while creating compression object");
  st->inited = true;
  if (has_zdict) {
    err = deflateSetDictionary(&st->z, reinterpret_cast<const Bytef*>(zdict.data()), static_cast<uInt>(zdict.size()));
    if (err != Z_OK) return err_set_str(g_ValueError, "Invalid dictionary");
  }
  return obj;
}

Ref<> zlib_decompressobj(Value, Value* args) {
  int64_t wbits;
  if (!int_arg(args[0], MAX_WBITS, &wbits)) return nullptr;
  std::string zdict;
  bool has_zdict = !args[1].is_null();
  if (has_zdict && !module_buffer_copy(args[1], &zdict))
    return err_set_str(g_TypeError, "zdict argument must support the buffer protocol");
  Ref<> obj = zobject_new(&g_decompress_type);
  if (!obj) return nullptr;
  ZState* st = state_of(obj.val());
  int err = inflateInit2(&st->z, static_cast<int>(wbits));
  if (err == Z_MEM_ERROR) return err_set_str(g_MemoryError, "Can't allocate memory for decompression object");
  if (err == Z_STREAM_ERROR) return err_set_str(g_ValueError, "Invalid initialization option");
  if (err != Z_OK) return zlib_error(err, st->z, "while creating decompression object");
  st->inited = true;
  st->zdict = std::move(zdict);
  // A raw stream (negative wbits) has no header to ask for the dictionary.
  if (has_zdict && wbits < 0) {
    err = inflateSetDictionary(&st->z, reinterpret_cast<const Bytef*>(st->zdict.data()),
                               static_cast<uInt>(st->zdict.size()));
    if (err != Z_OK) return zlib_error(err, st->z, "while setting zdict");
  }
  return obj;
}

Ref<> compress_compress(Value self, Value* args) {
  std::string in, out;
  if (!module_buffer_or_error(args[0], &in)) return nullptr;
  ZState* st = state_of(self);
  int err;
  const char* msg = nullptr;
  {
    StateLock lock(st);
    if (!st->inited) return zlib_error(Z_STREAM_ERROR, st->z, "while compressing data");
    MaybeDetached d(in.size() >= kDetachSize);
    size_t pos = 0;
    err = pump(st->z, in, &pos, &out, 0, [&] { return deflate(&st->z, Z_NO_FLUSH); });
    msg = st->z.msg;
  }
  if (err != Z_OK && err != Z_BUF_ERROR) {
    z_stream z{};
    z.msg = const_cast<char*>(msg);
    return zlib_error(err, z, "while compressing data");
  }
  return bytes_from(out);
}

Ref<> compress_flush(Value self, Value* args) {
  int64_t mode;
  if (!int_arg(args[0], Z_FINISH, &mode)) return nullptr;
  if (mode == Z_NO_FLUSH) return bytes_from("", 0);
  ZState* st = state_of(self);
  std::string out;
  int err;
  const char* msg = nullptr;
  {
    StateLock lock(st);
    if (!st->inited) return zlib_error(Z_STREAM_ERROR, st->z, "while flushing");
    std::string none;
    size_t pos = 0;
    err = pump(st->z, none, &pos, &out, 0, [&] { return deflate(&st->z, static_cast<int>(mode)); });
    if (err == Z_STREAM_END && mode == Z_FINISH) {
      deflateEnd(&st->z);
      st->inited = false;
    } else if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
      msg = st->z.msg;
    }
  }
  if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
    z_stream z{};
    z.msg = const_cast<char*>(msg);
    return zlib_error(err, z, "while flushing");
  }
  return bytes_from(out);
}

Ref<> compress_copy(Value self, Value*) {
  ZState* st = state_of(self);
  Ref<> obj = zobject_new(&g_compress_type);
  if (!obj) return nullptr;
  ZState* dst = state_of(obj.val());
  StateLock lock(st);
  if (!st->inited) return err_set_str(g_ValueError, "Inconsistent stream state");
  int err = deflateCopy(&dst->z, &st->z);
  if (err == Z_STREAM_ERROR) return err_set_str(g_ValueError, "Inconsistent stream state");
  if (err == Z_MEM_ERROR) return err_set_str(g_MemoryError, "Can't allocate memory for compression object");
  if (err != Z_OK) return zlib_error(err, st->z, "while copying compression object");
  dst->inited = true;
  return obj;
}

// Inflates `in` (after the object's unconsumed tail) with `flush`; on the
// stream's end records eof and the bytes after it. The lock is held.
int inflate_locked(ZState* st, const std::string& in, size_t limit, int flush, std::string* out) {
  size_t pos = 0;
  int err;
  for (;;) {
    err = pump(st->z, in, &pos, out, limit, [&] { return inflate(&st->z, flush); });
    if (err == Z_NEED_DICT && !st->zdict.empty()) {
      int e = inflateSetDictionary(&st->z, reinterpret_cast<const Bytef*>(st->zdict.data()),
                                   static_cast<uInt>(st->zdict.size()));
      if (e != Z_OK) return e;
      continue;
    }
    break;
  }
  // Bytes of `in` zlib has not taken yet.
  size_t left = st->z.avail_in + (in.size() - pos);
  std::string rest = in.substr(in.size() - left);
  st->z.avail_in = 0;
  st->z.next_in = nullptr;
  if (err == Z_STREAM_END) {
    st->eof = true;
    st->unused_data += rest;
    st->unconsumed_tail.clear();
  } else {
    st->unconsumed_tail = std::move(rest);
  }
  return err;
}

Ref<> decompress_decompress(Value self, Value* args) {
  std::string in, out;
  if (!module_buffer_or_error(args[0], &in)) return nullptr;
  int64_t max_length = 0;
  if (!args[1].is_null() && !to_int64(args[1], &max_length)) return nullptr;
  if (max_length < 0) return err_set_str(g_ValueError, "max_length must be non-negative");
  ZState* st = state_of(self);
  int err;
  const char* msg = nullptr;
  {
    StateLock lock(st);
    if (!st->inited) return zlib_error(Z_STREAM_ERROR, st->z, "while decompressing data");
    MaybeDetached d(in.size() >= kDetachSize);
    err = inflate_locked(st, in, static_cast<size_t>(max_length), Z_SYNC_FLUSH, &out);
    msg = st->z.msg;
  }
  if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
    z_stream z{};
    z.msg = const_cast<char*>(msg);
    return zlib_error(err, z, "while decompressing data");
  }
  return bytes_from(out);
}

Ref<> decompress_flush(Value self, Value* args) {
  int64_t length = kDefBufSize;
  if (!args[0].is_null() && !to_int64(args[0], &length)) return nullptr;
  if (length <= 0) return err_set_str(g_ValueError, "length must be greater than zero");
  ZState* st = state_of(self);
  std::string out;
  int err;
  const char* msg = nullptr;
  {
    StateLock lock(st);
    if (!st->inited) return bytes_from("", 0);
    std::string tail = std::move(st->unconsumed_tail);
    st->unconsumed_tail.clear();
    MaybeDetached d(tail.size() >= kDetachSize);
    err = inflate_locked(st, tail, 0, Z_FINISH, &out);
    msg = st->z.msg;
    if (err == Z_STREAM_END) {
      inflateEnd(&st->z);
      st->inited = false;
    }
  }
  if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
    z_stream z{};
    z.msg = const_cast<char*>(msg);
    return zlib_error(err, z, "while flushing");
  }
  return bytes_from(out);
}

Ref<> decompress_copy(Value self, Value*) {
  ZState* st = state_of(self);
  Ref<> obj = zobject_new(&g_decompress_type);
  if (!obj) return nullptr;
  ZState* dst = state_of(obj.val());
  StateLock lock(st);
  if (!st->inited) return err_set_str(g_ValueError, "Inconsistent stream state");
  int err = inflateCopy(&dst->z, &st->z);
  if (err == Z_STREAM_ERROR) return err_set_str(g_ValueError, "Inconsistent stream state");
  if (err == Z_MEM_ERROR) return err_set_str(g_MemoryError, "Can't allocate memory for decompression object");
  if (err != Z_OK) return zlib_error(err, st->z, "while copying decompression object");
  dst->inited = true;
  dst->eof = st->eof;
  dst->unused_data = st->unused_data;
  dst->unconsumed_tail = st->unconsumed_tail;
  dst->zdict = st->zdict;
  return obj;
}

Ref<> get_unused_data(Value self) {
  ZState* st = state_of(self);
  std::string copy;
  {
    StateLock lock(st);
    copy = st->unused_data;
  }
  return bytes_from(copy);
}

Ref<> get_unconsumed_tail(Value self) {
  ZState* st = state_of(self);
  std::string copy;
  {
    StateLock lock(st);
    copy = st->unconsumed_tail;
  }
  return bytes_from(copy);
}

Ref<> get_eof(Value self) {
  ZState* st = state_of(self);
  bool eof;
  {
    StateLock lock(st);
    eof = st->eof;
  }
  return new_bool(eof);
}

const MethodDef kCompressMethods[] = {
    {"compress($self, data, /)", compress_compress, "Returns a bytes object containing compressed data."},
    {"flush($self, mode=?, /)", compress_flush, "Return a bytes object containing any remaining compressed data."},
    {"copy($self, /)", compress_copy, "Return a copy of the compression object."},
    {"__copy__($self, /)", compress_copy, nullptr},
    {"__deepcopy__($self, memo, /)", compress_copy, nullptr},
    {nullptr}};

const MethodDef kDecompressMethods[] = {
    {"decompress($self, data, /, max_length=?)", decompress_decompress, "Return a bytes object containing the decompressed version of the data."},
    {"flush($self, length=?, /)", decompress_flush, "Return a bytes object containing any remaining decompressed data."},
    {"copy($self, /)", decompress_copy, "Return a copy of the decompression object."},
    {"__copy__($self, /)", decompress_copy, nullptr},
    {"__deepcopy__($self, memo, /)", decompress_copy, nullptr},
    {nullptr}};

const GetSetDef kDecompressGetSets[] = {
    {"unused_data", get_unused_data, nullptr, nullptr},
    {"unconsumed_tail", get_unconsumed_tail, nullptr, nullptr},
    {"eof", get_eof, nullptr, nullptr},
    {nullptr}};

const MethodDef kZlibFunctions[] = {
    {"compress(data, /, level=?, wbits=?)", zlib_compress, "Returns a bytes object containing compressed data."},
    {"decompress(data, /, wbits=?, bufsize=?)", zlib_decompress, "Returns a bytes object containing the uncompressed data."},
    {"compressobj(level=?, method=?, wbits=?, memLevel=?, strategy=?, zdict=?)", zlib_compressobj,
     "Return a compressor object."},
    {"decompressobj(wbits=?, zdict=?)", zlib_decompressobj, "Return a decompressor object."},
    {"crc32(data, value=?, /)", zlib_crc32, "Compute a CRC-32 checksum of data."},
    {"adler32(data, value=?, /)", zlib_adler32, "Compute an Adler-32 checksum of data."},
    {nullptr}};

bool g_types_ok = false;

void zlib_init_once() {
  Type* t = &g_compress_type;
  t->name = "zlib.Compress";
  t->basic_size = sizeof(ZObject);
  t->tp_new = no_new;
  t->tp_dealloc = compress_dealloc;
  t->methods = kCompressMethods;
  type_ready(t);
  t = &g_decompress_type;
  t->name = "zlib.Decompress";
  t->basic_size = sizeof(ZObject);
  t->tp_new = no_new;
  t->tp_dealloc = decompress_dealloc;
  t->methods = kDecompressMethods;
  t->getsets = kDecompressGetSets;
  type_ready(t);
  Ref<Str> n = str_from_ascii("error");
  Ref<Dict> ns = dict_new();
  Ref<Str> mod = str_from_ascii("zlib");
  if (!n || !ns || !mod || dict_set_item_str(ns.val(), "__module__", mod.val()) < 0) return;
  Ref<Tuple> bases = tuple_pack({Value(g_Exception)});
  if (!bases) return;
  Ref<> cls = type_new_from_spec(&g_type_type, n.val(), bases.val(), ns.val(), Value());
  if (!cls) return;
  g_zlib_error = cls.release().as<Type>();  // heap types are immortal (type_new.cpp)
  g_types_ok = true;
}

}  // namespace

Ref<> zlib_module_create() {
  static std::once_flag once;
  std::call_once(once, zlib_init_once);
  if (!g_types_ok) return err_set_str(g_SystemError, "zlib: cannot create the module's types");
  Ref<> m = module_new("zlib");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kZlibFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  if (dict_set_item_str(d, "error", Value(g_zlib_error)) < 0) return nullptr;
  struct IntConst {
    const char* name;
    int value;
  };
  static const IntConst kConsts[] = {
      {"MAX_WBITS", MAX_WBITS},          {"DEFLATED", Z_DEFLATED},
      {"DEF_MEM_LEVEL", 8},              {"DEF_BUF_SIZE", kDefBufSize},
      {"Z_NO_COMPRESSION", Z_NO_COMPRESSION}, {"Z_BEST_SPEED", Z_BEST_SPEED},
      {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION}, {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
      {"Z_FILTERED", Z_FILTERED},        {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY},
      {"Z_RLE", Z_RLE},                  {"Z_FIXED", Z_FIXED},
      {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY}, {"Z_NO_FLUSH", Z_NO_FLUSH},
      {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH}, {"Z_SYNC_FLUSH", Z_SYNC_FLUSH},
      {"Z_FULL_FLUSH", Z_FULL_FLUSH},    {"Z_FINISH", Z_FINISH},
      {"Z_BLOCK", Z_BLOCK},              {"Z_TREES", Z_TREES},
  };
  for (const IntConst& c : kConsts) {
    Ref<> v = int_from_int64(c.value);
    if (!v || dict_set_item_str(d, c.name, v.val()) < 0) return nullptr;
  }
  Ref<> ver = str_from_ascii(ZLIB_VERSION);
  Ref<> rver = str_from_ascii(zlibVersion());
  if (!ver || !rver || dict_set_item_str(d, "ZLIB_VERSION", ver.val()) < 0 ||
      dict_set_item_str(d, "ZLIB_RUNTIME_VERSION", rver.val()) < 0)
    return nullptr;
  return m;
}

}  // namespace ftpy
