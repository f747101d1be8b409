// The `_bz2` module under the host's bz2.py: BZ2Compressor and
// BZ2Decompressor over the system libbz2 (libbz2-dev), with the behaviour and
// messages of CPython's _bz2.
//
// Thread safety: each object owns a Bz2State whose std::mutex guards the
// bz_stream and the fields beside it. A method copies its input out of the
// argument's buffer first, then takes the mutex (waiting for it detached, so
// a stop-the-world never waits on a thread parked here); while the mutex is
// held only C++ data is touched. Result bytes are made after it is released.
#include "modules/bz2_module.h"

#include <bzlib.h>

#include <climits>
#include <mutex>
#include <string>

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
#include "runtime/heap.h"
#include "runtime/thread_state.h"

namespace ftpy {

namespace {

Type g_compressor_type;
Type g_decompressor_type;

struct Bz2State {
  std::mutex mu;
  bz_stream bz{};
  bool inited = false;
  bool flushed = false;      // compressor: flush() was called
  bool eof = false;          // decompressor: the stream ended
  bool needs_input = true;   // decompressor
  std::string pending;       // decompressor: input not consumed yet
  std::string unused_data;   // decompressor: input after the end of the stream
};

struct Bz2Object : Object {
  Bz2State* st;  // owned
};

Bz2State* state_of(Value v) { return v.as<Bz2Object>()->st; }

class StateLock {
 public:
  explicit StateLock(Bz2State* st) : st_(st) {
    if (!st_->mu.try_lock()) {
      DetachedScope d;
      st_->mu.lock();
    }
  }
  ~StateLock() { st_->mu.unlock(); }
  StateLock(const StateLock&) = delete;
  StateLock& operator=(const StateLock&) = delete;

 private:
  Bz2State* st_;
};

// CPython's catch_bz2_error: the exception for a libbz2 error code, or false.
bool bz2_failed(int ret) {
  switch (ret) {
    case BZ_PARAM_ERROR:
      err_set_str(g_ValueError, "Internal error - invalid parameters passed to libbzip2");
      return true;
    case BZ_MEM_ERROR:
      err_set_str(g_MemoryError, "");
      return true;
    case BZ_DATA_ERROR:
    case BZ_DATA_ERROR_MAGIC:
      err_set_str(g_OSError, "Invalid data stream");
      return true;
    case BZ_IO_ERROR:
      err_set_str(g_OSError, "Unknown I/O error");
      return true;
    case BZ_UNEXPECTED_EOF:
      err_set_str(g_EOFError, "Compressed file ended before the logical end-of-stream was detected");
      return true;
    case BZ_SEQUENCE_ERROR:
      err_set_str(g_RuntimeError, "Internal error - Invalid sequence of commands sent to libbzip2");
      return true;
    default:
      if (ret < 0) {
        err_format(g_OSError, "Unrecognized error from libbzip2: %d", ret);
        return true;
      }
      return false;
  }
}

// Runs BZ2_bzCompress with `action` over `in`, appending to *out; returns
// the last libbz2 code (negative on error).
int compress_run(bz_stream& bz, const std::string& in, int action, std::string* out) {
  size_t pos = 0;
  char buf[16384];
  // BZ_RUN without input makes no progress, which libbz2 reports as a
  // parameter error.
  if (action == BZ_RUN && in.empty()) return BZ_RUN_OK;
  for (;;) {
    if (bz.avail_in == 0 && pos < in.size()) {
      size_t n = std::min<size_t>(in.size() - pos, UINT_MAX);
      bz.next_in = const_cast<char*>(in.data() + pos);
      bz.avail_in = static_cast<unsigned>(n);
      pos += n;
    }
    bz.next_out = buf;
    bz.avail_out = sizeof buf;
    int ret = BZ2_bzCompress(&bz, action);
    out->append(buf, sizeof buf - bz.avail_out);
    if (ret < 0) return ret;
    if (action == BZ_FINISH ? ret == BZ_STREAM_END : (bz.avail_in == 0 && pos >= in.size())) return ret;
  }
}

Ref<> compressor_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("BZ2Compressor(compresslevel=9, /)", nullptr);
  Value a[1];
  Ref<> hold[1];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  int64_t level;
  if (!to_int64(a[0], &level)) return nullptr;
  if (level < 1 || level > 9) return err_set_str(g_ValueError, "compresslevel must be between 1 and 9");
  auto* o = alloc_object<Bz2Object>(t, t->basic_size);
  if (!o) return nullptr;
  Ref<> obj = Ref<>::steal(Value(o));
  o->st = new Bz2State();
  if (bz2_failed(BZ2_bzCompressInit(&o->st->bz, static_cast<int>(level), 0, 0))) return nullptr;
  o->st->inited = true;
  return obj;
}

void compressor_dealloc(Object* o) {
  Bz2State* st = static_cast<Bz2Object*>(o)->st;
  if (st && st->inited) BZ2_bzCompressEnd(&st->bz);
  delete st;
  free_object(o);
}

Ref<> compressor_compress(Value self, Value* args) {
  std::string in, out;
  if (!module_buffer_copy(args[0], &in))
    return err_format(g_TypeError, "a bytes-like object is required, not '%s'", type_name(type_of(args[0])));
  Bz2State* st = state_of(self);
  {
    StateLock lock(st);
    if (st->flushed) return err_set_str(g_ValueError, "Compressor has been flushed");
    if (bz2_failed(compress_run(st->bz, in, BZ_RUN, &out))) return nullptr;
  }
  return bytes_from(out);
}

Ref<> compressor_flush(Value self, Value*) {
  std::string out;
  Bz2State* st = state_of(self);
  {
    StateLock lock(st);
    if (st->flushed) return err_set_str(g_ValueError, "Repeated call to flush()");
    st->flushed = true;
    if (bz2_failed(compress_run(st->bz, std::string(), BZ_FINISH, &out))) return nullptr;
  }
  return bytes_from(out);
}

Ref<> decompressor_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  if (nargs > 0) return err_set_str(g_TypeError, "BZ2Decompressor() takes no positional arguments");
  if (!kwnames.is_null() && tuple_size(kwnames) > 0)
    return err_set_str(g_TypeError, "BZ2Decompressor() takes no keyword arguments");
  auto* o = alloc_object<Bz2Object>(t, t->basic_size);
  if (!o) return nullptr;
  Ref<> obj = Ref<>::steal(Value(o));
  o->st = new Bz2State();
  if (bz2_failed(BZ2_bzDecompressInit(&o->st->bz, 0, 0))) return nullptr;
  o->st->inited = true;
  return obj;
}

void decompressor_dealloc(Object* o) {
  Bz2State* st = static_cast<Bz2Object*>(o)->st;
  if (st && st->inited) BZ2_bzDecompressEnd(&st->bz);
  delete st;
  free_object(o);
}

// Decompresses st->pending into *out, at most `limit` bytes (limit < 0: all
// there is), and updates eof, needs_input and unused_data as CPython does.
int decompress_run(Bz2State* st, int64_t limit, std::string* out) {
  bz_stream& bz = st->bz;
  size_t pos = 0;
  char buf[16384];
  int ret = BZ_OK;
  for (;;) {
    if (bz.avail_in == 0 && pos < st->pending.size()) {
      size_t n = std::min<size_t>(st->pending.size() - pos, UINT_MAX);
      bz.next_in = const_cast<char*>(st->pending.data() + pos);
      bz.avail_in = static_cast<unsigned>(n);
      pos += n;
    }
    size_t room = sizeof buf;
    if (limit >= 0) room = std::min<size_t>(room, static_cast<size_t>(limit) - out->size());
    if (limit >= 0 && room == 0) break;
    bz.next_out = buf;
    bz.avail_out = static_cast<unsigned>(room);
    ret = BZ2_bzDecompress(&bz);
    out->append(buf, room - bz.avail_out);
    if (ret < 0) break;
    if (ret == BZ_STREAM_END) {
      st->eof = true;
      break;
    }
    if (bz.avail_in == 0 && pos >= st->pending.size() && bz.avail_out != 0) break;
  }
  size_t left = bz.avail_in + (st->pending.size() - pos);
  std::string rest = st->pending.substr(st->pending.size() - left);
  bz.next_in = nullptr;
  bz.avail_in = 0;
  if (ret < 0) {
    st->pending.clear();
    return ret;
  }
  if (st->eof) {
    st->needs_input = false;
    st->unused_data += rest;
    st->pending.clear();
  } else if (left == 0) {
    st->needs_input = true;
    st->pending.clear();
  } else {
    st->needs_input = false;
    st->pending = std::move(rest);
  }
  return ret;
}

Ref<> decompressor_decompress(Value self, Value* args) {
  std::string in, out;
  if (!module_buffer_copy(args[0], &in))
    return err_format(g_TypeError, "a bytes-like object is required, not '%s'", type_name(type_of(args[0])));
  int64_t limit;
  if (!to_int64(args[1], &limit)) return nullptr;
  Bz2State* st = state_of(self);
  {
    StateLock lock(st);
    if (st->eof) return err_set_str(g_EOFError, "End of stream already reached");
    st->pending += in;
    if (bz2_failed(decompress_run(st, limit, &out))) return nullptr;
  }
  return bytes_from(out);
}

Ref<> get_eof(Value self) {
  Bz2State* st = state_of(self);
  StateLock lock(st);
  return new_bool(st->eof);
}

Ref<> get_needs_input(Value self) {
  Bz2State* st = state_of(self);
  StateLock lock(st);
  return new_bool(st->needs_input);
}

Ref<> get_unused_data(Value self) {
  Bz2State* st = state_of(self);
  std::string u;
  {
    StateLock lock(st);
    u = st->unused_data;
  }
  return bytes_from(u);
}

Ref<> no_pickle(Value self, Value*) {
  return err_format(g_TypeError, "cannot pickle '%s' object", type_tp_name(type_of(self)));
}

const MethodDef kCompressorMethods[] = {
    {"compress($self, data, /)", compressor_compress,
     "Provide data to the compressor object.\n\nReturns a chunk of compressed data if possible, or b'' otherwise."},
    {"flush($self, /)", compressor_flush,
     "Finish the compression process.\n\nReturns the compressed data left in internal buffers."},
    {"__reduce__($self, /)", no_pickle, nullptr},
    {nullptr}};

const MethodDef kDecompressorMethods[] = {
    {"decompress($self, /, data, max_length=-1)", decompressor_decompress, "Decompress *data*, returning uncompressed data as bytes."},
    {"__reduce__($self, /)", no_pickle, nullptr},
    {nullptr}};

const GetSetDef kDecompressorGetSets[] = {
    {"eof", get_eof, nullptr, "True if the end-of-stream marker has been reached."},
    {"unused_data", get_unused_data, nullptr, "Data found after the end of the compressed stream."},
    {"needs_input", get_needs_input, nullptr, "True if more input is needed before more decompressed data can be produced."},
    {nullptr}};

void bz2_init_once() {
  Type* t = &g_compressor_type;
  t->name = "_bz2.BZ2Compressor";
  t->basic_size = sizeof(Bz2Object);
  t->flags = kTypeBaseType;
  t->tp_new = compressor_new;
  t->tp_dealloc = compressor_dealloc;
  t->methods = kCompressorMethods;
  t->doc = "Create a compressor object for compressing data incrementally.\n\n  compresslevel\n    Compression level, as a number between 1 and 9.\n\nFor one-shot compression, use the compress() function instead.";
  type_ready(t);
  t = &g_decompressor_type;
  t->name = "_bz2.BZ2Decompressor";
  t->basic_size = sizeof(Bz2Object);
  t->flags = kTypeBaseType;
  t->tp_new = decompressor_new;
  t->tp_dealloc = decompressor_dealloc;
  t->methods = kDecompressorMethods;
  t->getsets = kDecompressorGetSets;
  t->doc = "Create a decompressor object for decompressing data incrementally.\n\nFor one-shot decompression, use the decompress() function instead.";
  type_ready(t);
}

}  // namespace

Ref<> bz2_module_create() {
  static std::once_flag once;
  std::call_once(once, bz2_init_once);
  Ref<> m = module_new("_bz2");
  if (!m) return nullptr;
  Value d = module_dict(m.val());
  if (dict_set_item_str(d, "BZ2Compressor", Value(static_cast<Object*>(&g_compressor_type))) < 0 ||
      dict_set_item_str(d, "BZ2Decompressor", Value(static_cast<Object*>(&g_decompressor_type))) < 0)
    return nullptr;
  return m;
}

}  // namespace ftpy
