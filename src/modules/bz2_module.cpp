// The `_bz2` module: incremental bzip2 compression and decompression over the
// system libbz2 (libbz2-dev).
//
// Thread safety: each BZ2Compressor/BZ2Decompressor owns a Bz2State whose
// mutex (StreamLock, bz2_lzma_shared.h) guards the bz_stream and the
// decompressor's pending input, unused_data, eof and needs_input. Methods copy
// their input out of the argument first, take the lock, and run libbz2 on C++
// buffers only, detached when the input is large or the call finishes a block
// (flush); the result bytes are made after the lock is released.
#include "modules/bz2_module.h"

#include <bzlib.h>

#include <climits>
#include <cstring>
#include <mutex>
#include <string>

#include "modules/buffer_util.h"
#include "modules/bz2_lzma_shared.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"
#include "runtime/heap.h"

namespace ftpy {

namespace {

constexpr size_t kChunk = 32 * 1024;

Type g_compressor_type;
Type g_decompressor_type;

struct Bz2State {
  std::mutex mu;
  bz_stream bz{};
  bool inited = false;
  bool flushed = false;      // compressor: flush() ran
  bool eof = false;          // decompressor: end of stream seen
  bool needs_input = true;
  std::string pending;       // decompressor: input not yet given to libbz2
  std::string unused_data;   // decompressor: bytes after the end of stream
};

struct Bz2Object : Object {
  Bz2State* st;  // owned
};

Bz2State* state_of(Value v) { return v.as<Bz2Object>()->st; }

// Raises for a libbz2 error code as CPython's _bz2 does; false if `rc` is fine.
bool bz2_failed(int rc) {
  switch (rc) {
    case BZ_OK: case BZ_RUN_OK: case BZ_FLUSH_OK: case BZ_FINISH_OK: case BZ_STREAM_END: return false;
    case BZ_PARAM_ERROR: err_set_str(g_ValueError, "Internal error - invalid parameters passed to libbzip2"); break;
    case BZ_MEM_ERROR: err_no_memory(); break;
    case BZ_DATA_ERROR: case BZ_DATA_ERROR_MAGIC: err_set_str(g_OSError, "Invalid data stream"); break;
    case BZ_IO_ERROR: err_set_str(g_OSError, "Unknown I/O error"); break;
    case BZ_UNEXPECTED_EOF:
      err_set_str(g_EOFError, "Compressed file ended before the logical end-of-stream was detected");
      break;
    case BZ_SEQUENCE_ERROR:
      err_set_str(g_RuntimeError, "Internal error - Invalid sequence of commands sent to libbzip2");
      break;
    default: err_format(g_OSError, "Unrecognized error from libbzip2: %d", rc); break;
  }
  return true;
}

// Runs BZ2_bzCompress with `action` over `in` until libbz2 has taken all of
// it (BZ_RUN) or finished the stream (BZ_FINISH). Lock held.
int compress_locked(Bz2State* st, const std::string& in, int action, std::string* out) {
  size_t pos = 0;
  // BZ_RUN without input makes no progress, which libbz2 reports as BZ_PARAM_ERROR.
  if (action == BZ_RUN && in.empty()) return BZ_RUN_OK;
  for (;;) {
    if (st->bz.avail_in == 0 && pos < in.size()) {
      size_t n = std::min<size_t>(in.size() - pos, UINT_MAX);
      st->bz.next_in = const_cast<char*>(in.data() + pos);
      st->bz.avail_in = static_cast<unsigned>(n);
      pos += n;
    }
    size_t old = out->size();
    size_t room = std::max(kChunk, old);  // grow geometrically
    out->resize(old + room);
    st->bz.next_out = out->data() + old;
    st->bz.avail_out = static_cast<unsigned>(std::min<size_t>(room, UINT_MAX));
    int rc = BZ2_bzCompress(&st->bz, action);
    out->resize(old + (std::min<size_t>(room, UINT_MAX) - st->bz.avail_out));
    if (rc < 0) return rc;
    if (action == BZ_FINISH) {
      if (rc == BZ_STREAM_END) return rc;
    } else if (st->bz.avail_in == 0 && pos >= in.size()) {
      return rc;
    }
  }
}

void compressor_dealloc(Object* o) {
  Bz2State* st = static_cast<Bz2Object*>(o)->st;
  if (st->inited) BZ2_bzCompressEnd(&st->bz);
  delete st;
  free_object(o);
}

void decompressor_dealloc(Object* o) {
  Bz2State* st = static_cast<Bz2Object*>(o)->st;
  if (st->inited) BZ2_bzDecompressEnd(&st->bz);
  delete st;
  free_object(o);
}

Ref<> new_object(Type* t, Bz2State** out) {
  auto* o = alloc_object<Bz2Object>(t);
  if (!o) return nullptr;
  o->st = new Bz2State();
  *out = o->st;
  return Ref<>::steal(Value(o));
}

Ref<> compressor_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("BZ2Compressor(compresslevel=9, /)", nullptr);
  Value a[1];
  Ref<> hold[2];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  int64_t level;
  if (!to_int64(a[0], &level)) return nullptr;
  if (level < 1 || level > 9) return err_set_str(g_ValueError, "compresslevel must be between 1 and 9");
  Bz2State* st;
  Ref<> obj = new_object(type, &st);
  if (!obj) return nullptr;
  int rc = BZ2_bzCompressInit(&st->bz, static_cast<int>(level), 0, 0);
  if (bz2_failed(rc)) return nullptr;
  st->inited = true;
  return obj;
}

Ref<> compressor_compress(Value self, Value* args) {
  std::string in, out;
  if (!module_buffer_or_error(args[0], &in)) return nullptr;
  Bz2State* st = state_of(self);
  int rc;
  {
    StreamLock lock(st->mu);
    if (st->flushed) return err_set_str(g_ValueError, "Compressor has been flushed");
    WorkDetached d(in.size() >= kStreamDetachSize);
    rc = compress_locked(st, in, BZ_RUN, &out);
  }
  if (bz2_failed(rc)) return nullptr;
  return bytes_from(out);
}

Ref<> compressor_flush(Value self, Value*) {
  std::string out;
  Bz2State* st = state_of(self);
  int rc;
  {
    StreamLock lock(st->mu);
    if (st->flushed) return err_set_str(g_ValueError, "Repeated call to flush()");
    st->flushed = true;
    WorkDetached d(true);  // sorts and encodes the last block
    rc = compress_locked(st, std::string(), BZ_FINISH, &out);
  }
  if (bz2_failed(rc)) return nullptr;
  return bytes_from(out);
}

Ref<> decompressor_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  (void)args;
  // CPython 3.11's own checks (positional first), not a signature's wording.
  if (nargs > 0) return err_set_str(g_TypeError, "BZ2Decompressor() takes no positional arguments");
  if (!kwnames.is_null() && tuple_size(kwnames) > 0)
    return err_set_str(g_TypeError, "BZ2Decompressor() takes no keyword arguments");
  Bz2State* st;
  Ref<> obj = new_object(type, &st);
  if (!obj) return nullptr;
  int rc = BZ2_bzDecompressInit(&st->bz, 0, 0);
  if (bz2_failed(rc)) return nullptr;
  st->inited = true;
  return obj;
}

// Decompresses the pending input plus `data`, producing at most `max_length`
// bytes (< 0: no limit), and records what is left over. Lock held.
int decompress_locked(Bz2State* st, std::string data, int64_t max_length, std::string* out) {
  std::string input;
  if (st->pending.empty()) {
    input = std::move(data);
  } else {
    input = std::move(st->pending);
    input += data;
  }
  st->pending.clear();
  size_t pos = 0;
  int rc = BZ_OK;
  bool out_full = false;
  for (;;) {
    if (max_length >= 0 && out->size() >= static_cast<size_t>(max_length)) {
      out_full = true;
      break;
    }
    size_t room = std::max(kChunk, out->size());
    if (max_length >= 0) room = std::min(room, static_cast<size_t>(max_length) - out->size());
    room = std::min<size_t>(room, UINT_MAX);
    size_t avail = std::min<size_t>(input.size() - pos, UINT_MAX);
    st->bz.next_in = input.data() + pos;
    st->bz.avail_in = static_cast<unsigned>(avail);
    size_t old = out->size();
    out->resize(old + room);
    st->bz.next_out = out->data() + old;
    st->bz.avail_out = static_cast<unsigned>(room);
    rc = BZ2_bzDecompress(&st->bz);
    pos += avail - st->bz.avail_in;
    out->resize(old + room - st->bz.avail_out);
    if (rc == BZ_STREAM_END) {
      st->eof = true;
      break;
    }
    if (rc != BZ_OK) break;
    if (pos >= input.size() && st->bz.avail_out != 0) break;  // all input taken, output drained
  }
  st->bz.next_in = nullptr;
  st->bz.avail_in = 0;
  if (st->eof) {
    st->needs_input = false;
    st->unused_data.append(input, pos, std::string::npos);
  } else if (pos >= input.size()) {
    // With the output at its limit libbz2 may still hold bytes to give.
    st->needs_input = !out_full;
  } else {
    st->pending.assign(input, pos, std::string::npos);
    st->needs_input = false;
  }
  return rc;
}

Ref<> decompressor_decompress(Value self, Value* args) {
  std::string in, out;
  if (!module_buffer_or_error(args[0], &in)) return nullptr;
  int64_t max_length = -1;
  if (!args[1].is_null() && !to_int64(args[1], &max_length)) return nullptr;
  Bz2State* st = state_of(self);
  int rc;
  {
    StreamLock lock(st->mu);
    if (st->eof) return err_set_str(g_EOFError, "End of stream already reached");
    WorkDetached d(in.size() + st->pending.size() >= kStreamDetachSize);
    rc = decompress_locked(st, std::move(in), max_length, &out);
  }
  if (bz2_failed(rc)) return nullptr;
  return bytes_from(out);
}

Ref<> get_eof(Value self) {
  Bz2State* st = state_of(self);
  StreamLock lock(st->mu);
  return new_bool(st->eof);
}

Ref<> get_needs_input(Value self) {
  Bz2State* st = state_of(self);
  StreamLock lock(st->mu);
  return new_bool(st->needs_input);
}

Ref<> get_unused_data(Value self) {
  Bz2State* st = state_of(self);
  std::string copy;
  {
    StreamLock lock(st->mu);
    copy = st->unused_data;
  }
  return bytes_from(copy);
}

Ref<> no_pickle(Value self, Value*) {
  return err_format(g_TypeError, "cannot pickle '%s' object", type_of(self)->name);
}

const MethodDef kCompressorMethods[] = {
    {"compress($self, data, /)", compressor_compress,
     "Provide data to the compressor object.\n\nReturns a chunk of compressed data if possible, or b'' otherwise."},
    {"flush($self, /)", compressor_flush, "Finish the compression process.\n\nReturns the compressed data left in internal buffers."},
    {"__reduce__($self, /)", no_pickle, nullptr},
    {nullptr}};

const MethodDef kDecompressorMethods[] = {
    {"decompress($self, /, data, max_length=-1)", decompressor_decompress,
     "Decompress *data*, returning uncompressed data as bytes."},
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
  t->tp_new = compressor_new;
  t->tp_dealloc = compressor_dealloc;
  t->methods = kCompressorMethods;
  t->doc = "Create a compressor object for compressing data incrementally.";
  type_ready(t);
  t = &g_decompressor_type;
  t->name = "_bz2.BZ2Decompressor";
  t->basic_size = sizeof(Bz2Object);
  t->tp_new = decompressor_new;
  t->tp_dealloc = decompressor_dealloc;
  t->methods = kDecompressorMethods;
  t->getsets = kDecompressorGetSets;
  t->doc = "Create a decompressor object for decompressing data incrementally.";
  type_ready(t);
}

}  // namespace

Ref<> bz2_module_create() {
  static std::once_flag once;
  std::call_once(once, bz2_init_once);
  Ref<> m = module_new("_bz2");
  if (!m) return nullptr;
  Value d = module_dict(m.val());
  if (dict_set_item_str(d, "BZ2Compressor", Value(&g_compressor_type)) < 0 ||
      dict_set_item_str(d, "BZ2Decompressor", Value(&g_decompressor_type)) < 0)
    return nullptr;
  return m;
}

}  // namespace ftpy
