// The `_lzma` module: .xz, legacy .lzma and raw LZMA streams over the system
// liblzma (liblzma-dev).
//
// Thread safety: each LZMACompressor/LZMADecompressor owns an LzmaState
// whose mutex (StreamLock, bz2_lzma_shared.h) guards the lzma_stream and the
// decompressor's pending input, unused_data, eof, needs_input and check.
// Methods copy their input out of the argument first, take the lock and run
// liblzma on C++ buffers only, detached when the input is large or the call
// finishes the stream; the result bytes are made after the lock is released.
// Filter chains are converted from Python objects before any lock is taken.
#include "modules/lzma_module.h"

#include <lzma.h>

#include <cstdlib>
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

enum Format : int { kFormatAuto = 0, kFormatXz = 1, kFormatAlone = 2, kFormatRaw = 3 };
constexpr int kCheckUnknown = LZMA_CHECK_ID_MAX + 1;

Type* g_lzma_error = nullptr;
Type g_compressor_type;
Type g_decompressor_type;

struct LzmaState {
  std::mutex mu;
  lzma_stream s = LZMA_STREAM_INIT;
  bool flushed = false;  // compressor: flush() ran
  bool eof = false;
  bool needs_input = true;
  int check = LZMA_CHECK_NONE;
  std::string pending;      // decompressor: input not yet given to liblzma
  std::string unused_data;  // decompressor: bytes after the end of stream
};

struct LzmaObject : Object {
  LzmaState* st;  // owned
};

LzmaState* state_of(Value v) { return v.as<LzmaObject>()->st; }

// Raises for a liblzma error as CPython's _lzma does; false if `rc` is fine.
bool lzma_failed(lzma_ret rc) {
  switch (rc) {
    case LZMA_OK: case LZMA_GET_CHECK: case LZMA_NO_CHECK: case LZMA_STREAM_END: return false;
    case LZMA_UNSUPPORTED_CHECK: err_set_str(g_lzma_error, "Unsupported integrity check"); break;
    case LZMA_MEM_ERROR: err_no_memory(); break;
    case LZMA_MEMLIMIT_ERROR: err_set_str(g_lzma_error, "Memory usage limit exceeded"); break;
    case LZMA_FORMAT_ERROR: err_set_str(g_lzma_error, "Input format not supported by decoder"); break;
    case LZMA_OPTIONS_ERROR: err_set_str(g_lzma_error, "Invalid or unsupported options"); break;
    case LZMA_DATA_ERROR: err_set_str(g_lzma_error, "Corrupt input data"); break;
    case LZMA_BUF_ERROR: err_set_str(g_lzma_error, "Insufficient buffer space"); break;
    case LZMA_PROG_ERROR: err_set_str(g_lzma_error, "Internal error"); break;
    default: err_format(g_lzma_error, "Unrecognized error from liblzma: %d", static_cast<int>(rc)); break;
  }
  return true;
}

// --- filter chains -------------------------------------------------------------------

// A filter chain converted from Python; owns the option structs.
struct FilterChain {
  lzma_filter f[LZMA_FILTERS_MAX + 1];
  FilterChain() {
    for (auto& x : f) {
      x.id = LZMA_VLI_UNKNOWN;
      x.options = nullptr;
    }
  }
  ~FilterChain() {
    for (auto& x : f) std::free(x.options);
  }
  FilterChain(const FilterChain&) = delete;
  FilterChain& operator=(const FilterChain&) = delete;
};

// spec[key] as an unsigned 32-bit field if present. -1 error, 0 absent, 1 set.
int spec_u32(Value spec, const char* key, uint32_t* out) {
  Ref<> k = str_from_ascii(key);
  if (!k) return -1;
  Ref<> v;
  int r = dict_get_item(spec, k.val(), &v);
  if (r <= 0) return r;
  int64_t n;
  if (!to_int64(v.val(), &n)) return -1;
  if (n < 0 || n > UINT32_MAX) {
    err_set_str(g_OverflowError, "Value too large for uint32_t type");
    return -1;
  }
  *out = static_cast<uint32_t>(n);
  return 1;
}

bool spec_is_valid_keys(Value spec, std::initializer_list<const char*> allowed, const char* filter_name) {
  int64_t pos = 0;
  Ref<> k, v;
  while (dict_next(spec, &pos, &k, &v)) {
    if (!is_str(k.val())) {
      err_set_str(g_TypeError, "keywords must be strings");
      return false;
    }
    std::string_view name = str_view(k.val());
    bool ok = false;
    for (const char* a : allowed) ok = ok || name == a;
    if (!ok) {
      err_format(g_ValueError, "Invalid filter specifier for %s filter", filter_name);
      return false;
    }
  }
  return true;
}

// One filter specifier (a mapping with "id") into *f.
bool parse_filter(Value spec_in, lzma_filter* f) {
  if (!is_dict(spec_in)) {
    // A dict-like object: copy it so the lookups below are plain dict reads.
    Ref<> keys = getattr(spec_in, "keys");
    if (!keys) {
      err_clear();
      err_set_str(g_TypeError, "Filter specifier must be a dict or dict-like object");
      return false;
    }
  }
  Ref<> spec;
  if (is_dict(spec_in)) {
    spec = Ref<>::borrow(spec_in);
  } else {
    Ref<Dict> d = dict_new();
    if (!d) return false;
    Ref<> update = call_method(d.val(), "update", &spec_in, 1);
    if (!update) return false;
    spec = std::move(d);
  }
  Ref<> idk = str_from_ascii("id");
  Ref<> idv;
  int r = idk ? dict_get_item(spec.val(), idk.val(), &idv) : -1;
  if (r < 0) return false;
  if (r == 0) {
    err_set_str(g_ValueError, "Filter specifier must have an \"id\" entry");
    return false;
  }
  int64_t id;
  if (!to_int64(idv.val(), &id)) return false;
  f->id = static_cast<lzma_vli>(id);
  switch (static_cast<uint64_t>(id)) {
    case LZMA_FILTER_LZMA1: case LZMA_FILTER_LZMA2: {
      if (!spec_is_valid_keys(spec.val(), {"id", "preset", "dict_size", "lc", "lp", "pb", "mode", "nice_len", "mf", "depth"}, "LZMA"))
        return false;
      auto* o = static_cast<lzma_options_lzma*>(std::calloc(1, sizeof(lzma_options_lzma)));
      if (!o) {
        err_no_memory();
        return false;
      }
      f->options = o;
      uint32_t preset = LZMA_PRESET_DEFAULT;
      if (spec_u32(spec.val(), "preset", &preset) < 0) return false;
      if (lzma_lzma_preset(o, preset)) {
        err_format(g_lzma_error, "Invalid compression preset: %u", preset);
        return false;
      }
      uint32_t v;
      struct Field { const char* name; uint32_t* slot; };
      uint32_t mode = o->mode, mf = o->mf;
      const Field fields[] = {{"dict_size", &o->dict_size}, {"lc", &o->lc}, {"lp", &o->lp}, {"pb", &o->pb},
                              {"mode", &mode}, {"nice_len", &o->nice_len}, {"mf", &mf}, {"depth", &o->depth}};
      for (const Field& fl : fields) {
        int got = spec_u32(spec.val(), fl.name, &v);
        if (got < 0) return false;
        if (got) *fl.slot = v;
      }
      o->mode = static_cast<lzma_mode>(mode);
      o->mf = static_cast<lzma_match_finder>(mf);
      return true;
    }
    case LZMA_FILTER_DELTA: {
      if (!spec_is_valid_keys(spec.val(), {"id", "dist"}, "delta")) return false;
      auto* o = static_cast<lzma_options_delta*>(std::calloc(1, sizeof(lzma_options_delta)));
      if (!o) {
        err_no_memory();
        return false;
      }
      f->options = o;
      o->type = LZMA_DELTA_TYPE_BYTE;
      o->dist = 1;
      return spec_u32(spec.val(), "dist", &o->dist) >= 0;
    }
    case LZMA_FILTER_X86: case LZMA_FILTER_POWERPC: case LZMA_FILTER_IA64: case LZMA_FILTER_ARM:
    case LZMA_FILTER_ARMTHUMB: case LZMA_FILTER_SPARC: {
      if (!spec_is_valid_keys(spec.val(), {"id", "start_offset"}, "BCJ")) return false;
      auto* o = static_cast<lzma_options_bcj*>(std::calloc(1, sizeof(lzma_options_bcj)));
      if (!o) {
        err_no_memory();
        return false;
      }
      f->options = o;
      return spec_u32(spec.val(), "start_offset", &o->start_offset) >= 0;
    }
    default:
      err_format(g_ValueError, "Invalid filter ID: %llu", static_cast<unsigned long long>(id));
      return false;
  }
}

bool parse_filter_chain(Value filters, FilterChain* chain) {
  Ref<> seq = sequence_tuple(filters);
  if (!seq) return false;
  int64_t n = tuple_size(seq.val());
  if (n > LZMA_FILTERS_MAX) {
    err_format(g_ValueError, "Too many filters - liblzma supports a maximum of %d", LZMA_FILTERS_MAX);
    return false;
  }
  for (int64_t i = 0; i < n; ++i)
    if (!parse_filter(tuple_item(seq.val(), i), &chain->f[i])) return false;
  chain->f[n].id = LZMA_VLI_UNKNOWN;
  return true;
}

// --- objects -------------------------------------------------------------------------

void object_dealloc(Object* o) {
  LzmaState* st = static_cast<LzmaObject*>(o)->st;
  lzma_end(&st->s);
  delete st;
  free_object(o);
}

Ref<> new_object(Type* t, LzmaState** out) {
  auto* o = alloc_object<LzmaObject>(t);
  if (!o) return nullptr;
  o->st = new LzmaState();
  *out = o->st;
  return Ref<>::steal(Value(o));
}

Ref<> compressor_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig =
      native_parse_signature("LZMACompressor(format=1, check=-1, preset=None, filters=None)", nullptr);
  Value a[4];
  Ref<> hold[2];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  int64_t format, check;
  if (!to_int64(a[0], &format) || !to_int64(a[1], &check)) return nullptr;
  bool has_preset = !is_none(a[2]), has_filters = !is_none(a[3]);
  if (format != kFormatXz && check != -1 && check != LZMA_CHECK_NONE)
    return err_set_str(g_ValueError, "Integrity checks are only supported by FORMAT_XZ");
  if (has_preset && has_filters) return err_set_str(g_ValueError, "Cannot specify both preset and filter chain");
  int64_t preset = LZMA_PRESET_DEFAULT;
  if (has_preset && !to_int64(a[2], &preset)) return nullptr;
  FilterChain chain;
  if (has_filters && !parse_filter_chain(a[3], &chain)) return nullptr;
  LzmaState* st;
  Ref<> obj = new_object(type, &st);
  if (!obj) return nullptr;
  lzma_ret rc;
  uint32_t p = static_cast<uint32_t>(preset);
  switch (format) {
    case kFormatXz: {
      lzma_check c = check == -1 ? LZMA_CHECK_CRC64 : static_cast<lzma_check>(check);
      rc = has_filters ? lzma_stream_encoder(&st->s, chain.f, c) : lzma_easy_encoder(&st->s, p, c);
      break;
    }
    case kFormatAlone: {
      if (has_filters) {
        if (chain.f[0].id != LZMA_FILTER_LZMA1 || chain.f[1].id != LZMA_VLI_UNKNOWN)
          return err_set_str(g_ValueError, "Invalid filter chain for FORMAT_ALONE - must be a single LZMA1 filter");
        rc = lzma_alone_encoder(&st->s, static_cast<lzma_options_lzma*>(chain.f[0].options));
      } else {
        lzma_options_lzma o;
        if (lzma_lzma_preset(&o, p)) return err_format(g_lzma_error, "Invalid compression preset: %u", p);
        rc = lzma_alone_encoder(&st->s, &o);
      }
      break;
    }
    case kFormatRaw:
      if (!has_filters) return err_set_str(g_ValueError, "Must specify filters for FORMAT_RAW");
      rc = lzma_raw_encoder(&st->s, chain.f);
      break;
    default:
      return err_format(g_ValueError, "Invalid container format: %lld", static_cast<long long>(format));
  }
  if (lzma_failed(rc)) return nullptr;
  return obj;
}

// Runs lzma_code with `action` until all of `in` is taken (LZMA_RUN) or the
// stream is finished (LZMA_FINISH). Lock held.
lzma_ret compress_locked(LzmaState* st, const std::string& in, lzma_action action, std::string* out) {
  st->s.next_in = reinterpret_cast<const uint8_t*>(in.data());
  st->s.avail_in = in.size();
  for (;;) {
    size_t old = out->size();
    size_t room = std::max(kChunk, old);
    out->resize(old + room);
    st->s.next_out = reinterpret_cast<uint8_t*>(out->data() + old);
    st->s.avail_out = room;
    lzma_ret rc = lzma_code(&st->s, action);
    out->resize(old + room - st->s.avail_out);
    if (rc == LZMA_BUF_ERROR && st->s.avail_in == 0 && st->s.avail_out > 0) rc = LZMA_OK;  // no progress to make
    if (rc != LZMA_OK && rc != LZMA_STREAM_END) return rc;
    if (action == LZMA_FINISH ? rc == LZMA_STREAM_END : (st->s.avail_in == 0 && st->s.avail_out > 0)) return LZMA_OK;
  }
}

Ref<> compressor_compress(Value self, Value* args) {
  std::string in, out;
  if (!module_buffer_or_error(args[0], &in)) return nullptr;
  LzmaState* st = state_of(self);
  lzma_ret rc;
  {
    StreamLock lock(st->mu);
    if (st->flushed) return err_set_str(g_ValueError, "Compressor has been flushed");
    WorkDetached d(in.size() >= kStreamDetachSize);
    rc = compress_locked(st, in, LZMA_RUN, &out);
  }
  if (lzma_failed(rc)) return nullptr;
  return bytes_from(out);
}

Ref<> compressor_flush(Value self, Value*) {
  std::string out;
  LzmaState* st = state_of(self);
  lzma_ret rc;
  {
    StreamLock lock(st->mu);
    if (st->flushed) return err_set_str(g_ValueError, "Repeated call to flush()");
    st->flushed = true;
    WorkDetached d(true);  // encodes whatever liblzma still holds
    rc = compress_locked(st, std::string(), LZMA_FINISH, &out);
  }
  if (lzma_failed(rc)) return nullptr;
  return bytes_from(out);
}

Ref<> decompressor_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig =
      native_parse_signature("LZMADecompressor(format=0, memlimit=None, filters=None)", nullptr);
  Value a[3];
  Ref<> hold[2];
  if (!native_bind(sig, args, nargs, kwnames, a, hold)) return nullptr;
  int64_t format;
  if (!to_int64(a[0], &format)) return nullptr;
  bool has_memlimit = !is_none(a[1]), has_filters = !is_none(a[2]);
  uint64_t memlimit = UINT64_MAX;
  if (has_memlimit) {
    if (format == kFormatRaw) return err_set_str(g_ValueError, "Cannot specify memory limit with FORMAT_RAW");
    int64_t m;
    if (!to_int64(a[1], &m)) return nullptr;
    memlimit = static_cast<uint64_t>(m);
  }
  if (format == kFormatRaw && !has_filters) return err_set_str(g_ValueError, "Must specify filters for FORMAT_RAW");
  if (format != kFormatRaw && has_filters)
    return err_set_str(g_ValueError, "Cannot specify filters except with FORMAT_RAW");
  FilterChain chain;
  if (has_filters && !parse_filter_chain(a[2], &chain)) return nullptr;
  LzmaState* st;
  Ref<> obj = new_object(type, &st);
  if (!obj) return nullptr;
  const uint32_t flags = LZMA_TELL_ANY_CHECK | LZMA_TELL_NO_CHECK;
  lzma_ret rc;
  switch (format) {
    case kFormatAuto:
      st->check = kCheckUnknown;
      rc = lzma_auto_decoder(&st->s, memlimit, flags);
      break;
    case kFormatXz:
      st->check = kCheckUnknown;
      rc = lzma_stream_decoder(&st->s, memlimit, flags);
      break;
    case kFormatAlone: rc = lzma_alone_decoder(&st->s, memlimit); break;
    case kFormatRaw: rc = lzma_raw_decoder(&st->s, chain.f); break;
    default: return err_format(g_ValueError, "Invalid container format: %lld", static_cast<long long>(format));
  }
  if (lzma_failed(rc)) return nullptr;
  return obj;
}

// Decompresses the pending input plus `data`, producing at most `max_length`
// bytes (< 0: no limit), and records what is left over. Lock held.
lzma_ret decompress_locked(LzmaState* st, std::string data, int64_t max_length, std::string* out) {
  std::string input;
  if (st->pending.empty()) {
    input = std::move(data);
  } else {
    input = std::move(st->pending);
    input += data;
  }
  st->pending.clear();
  st->s.next_in = reinterpret_cast<const uint8_t*>(input.data());
  st->s.avail_in = input.size();
  lzma_ret rc = LZMA_OK;
  bool out_full = false;
  for (;;) {
    if (max_length >= 0 && out->size() >= static_cast<size_t>(max_length)) {
      out_full = true;
      break;
    }
    size_t room = std::max(kChunk, out->size());
    if (max_length >= 0) room = std::min(room, static_cast<size_t>(max_length) - out->size());
    size_t old = out->size();
    out->resize(old + room);
    st->s.next_out = reinterpret_cast<uint8_t*>(out->data() + old);
    st->s.avail_out = room;
    rc = lzma_code(&st->s, LZMA_RUN);
    out->resize(old + room - st->s.avail_out);
    if (rc == LZMA_BUF_ERROR && st->s.avail_in == 0 && st->s.avail_out > 0) rc = LZMA_OK;  // no progress to make
    if (rc == LZMA_GET_CHECK || rc == LZMA_NO_CHECK) {
      st->check = lzma_get_check(&st->s);
      rc = LZMA_OK;
    }
    if (rc == LZMA_STREAM_END) {
      st->eof = true;
      break;
    }
    if (rc != LZMA_OK) break;
    if (st->s.avail_in == 0 && st->s.avail_out != 0) break;  // all input taken, output drained
  }
  size_t left = st->s.avail_in;
  size_t pos = input.size() - left;
  st->s.next_in = nullptr;
  st->s.avail_in = 0;
  if (st->eof) {
    st->needs_input = false;
    st->unused_data.append(input, pos, std::string::npos);
  } else if (left == 0) {
    // With the output at its limit liblzma may still hold bytes to give.
    st->needs_input = !out_full;
  } else {
    st->pending.assign(input, pos, std::string::npos);
    st->needs_input = false;
  }
  return rc == LZMA_STREAM_END ? LZMA_OK : rc;
}

Ref<> decompressor_decompress(Value self, Value* args) {
  std::string in, out;
  if (!module_buffer_or_error(args[0], &in)) return nullptr;
  int64_t max_length = -1;
  if (!args[1].is_null() && !to_int64(args[1], &max_length)) return nullptr;
  LzmaState* st = state_of(self);
  lzma_ret rc;
  {
    StreamLock lock(st->mu);
    if (st->eof) return err_set_str(g_EOFError, "Already at end of stream");
    WorkDetached d(in.size() + st->pending.size() >= kStreamDetachSize);
    rc = decompress_locked(st, std::move(in), max_length, &out);
  }
  if (lzma_failed(rc)) return nullptr;
  return bytes_from(out);
}

Ref<> get_eof(Value self) {
  LzmaState* st = state_of(self);
  StreamLock lock(st->mu);
  return new_bool(st->eof);
}

Ref<> get_needs_input(Value self) {
  LzmaState* st = state_of(self);
  StreamLock lock(st->mu);
  return new_bool(st->needs_input);
}

Ref<> get_check(Value self) {
  LzmaState* st = state_of(self);
  int c;
  {
    StreamLock lock(st->mu);
    c = st->check;
  }
  return int_from_int64(c);
}

Ref<> get_unused_data(Value self) {
  LzmaState* st = state_of(self);
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

// --- module functions ----------------------------------------------------------------

Ref<> lzma_is_check_supported(Value, Value* args) {
  int64_t id;
  if (!to_int64(args[0], &id)) return nullptr;
  return new_bool(id >= 0 && id <= LZMA_CHECK_ID_MAX && lzma_check_is_supported(static_cast<lzma_check>(id)));
}

Ref<> lzma_encode_filter_properties(Value, Value* args) {
  FilterChain chain;
  if (!parse_filter(args[0], &chain.f[0])) return nullptr;
  uint32_t size = 0;
  if (lzma_failed(lzma_properties_size(&size, &chain.f[0]))) return nullptr;
  std::string out(size, '\0');
  if (lzma_failed(lzma_properties_encode(&chain.f[0], reinterpret_cast<uint8_t*>(out.data())))) return nullptr;
  return bytes_from(out);
}

int add_u32(Value d, const char* key, uint64_t v) {
  Ref<> i = int_from_uint64(v);
  return i ? dict_set_item_str(d, key, i.val()) : -1;
}

Ref<> lzma_decode_filter_properties(Value, Value* args) {
  int64_t id;
  if (!to_int64(args[0], &id)) return nullptr;
  std::string props;
  if (!module_buffer_or_error(args[1], &props)) return nullptr;
  lzma_filter f;
  f.id = static_cast<lzma_vli>(id);
  f.options = nullptr;
  lzma_ret rc = lzma_properties_decode(&f, nullptr, reinterpret_cast<const uint8_t*>(props.data()), props.size());
  if (lzma_failed(rc)) return nullptr;
  Ref<Dict> d = dict_new();
  bool ok = d && add_u32(d.val(), "id", f.id) == 0;
  if (ok && (f.id == LZMA_FILTER_LZMA1 || f.id == LZMA_FILTER_LZMA2)) {
    auto* o = static_cast<lzma_options_lzma*>(f.options);
    // CPython's key order: lc, lp, pb (LZMA1 only), then dict_size.
    if (f.id == LZMA_FILTER_LZMA1)
      ok = add_u32(d.val(), "lc", o->lc) == 0 && add_u32(d.val(), "lp", o->lp) == 0 && add_u32(d.val(), "pb", o->pb) == 0;
    ok = ok && add_u32(d.val(), "dict_size", o->dict_size) == 0;
  } else if (ok && f.id == LZMA_FILTER_DELTA) {
    ok = add_u32(d.val(), "dist", static_cast<lzma_options_delta*>(f.options)->dist) == 0;
  } else if (ok && f.options) {
    uint32_t off = static_cast<lzma_options_bcj*>(f.options)->start_offset;
    if (off) ok = add_u32(d.val(), "start_offset", off) == 0;
  }
  std::free(f.options);
  if (!ok) return nullptr;
  return d;
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
    {"check", get_check, nullptr, "ID of the integrity check used by the input stream."},
    {"eof", get_eof, nullptr, "True if the end-of-stream marker has been reached."},
    {"unused_data", get_unused_data, nullptr, "Data found after the end of the compressed stream."},
    {"needs_input", get_needs_input, nullptr, "True if more input is needed before more decompressed data can be produced."},
    {nullptr}};

const MethodDef kLzmaFunctions[] = {
    {"is_check_supported(check_id, /)", lzma_is_check_supported,
     "Test whether the given integrity check is supported."},
    {"_encode_filter_properties(filter, /)", lzma_encode_filter_properties,
     "Return a bytes object encoding the options (properties) of the filter specified by *filter* (a dict)."},
    {"_decode_filter_properties(filter_id, encoded_props, /)", lzma_decode_filter_properties,
     "Return a bytes object encoding the options (properties) of the filter specified by *filter* (a dict)."},
    {nullptr}};

bool g_types_ok = false;

void lzma_init_once() {
  Type* t = &g_compressor_type;
  t->name = "_lzma.LZMACompressor";
  t->basic_size = sizeof(LzmaObject);
  t->tp_new = compressor_new;
  t->tp_dealloc = object_dealloc;
  t->methods = kCompressorMethods;
  t->doc = "Create a compressor object for compressing data incrementally.";
  type_ready(t);
  t = &g_decompressor_type;
  t->name = "_lzma.LZMADecompressor";
  t->basic_size = sizeof(LzmaObject);
  t->tp_new = decompressor_new;
  t->tp_dealloc = object_dealloc;
  t->methods = kDecompressorMethods;
  t->getsets = kDecompressorGetSets;
  t->doc = "Create a decompressor object for decompressing data incrementally.";
  type_ready(t);
  Ref<Str> n = str_from_ascii("LZMAError");
  Ref<Dict> ns = dict_new();
  Ref<Str> mod = str_from_ascii("_lzma");
  Ref<Str> doc = str_from_ascii("Call to liblzma failed.");
  if (!n || !ns || !mod || !doc || dict_set_item_str(ns.val(), "__module__", mod.val()) < 0 ||
      dict_set_item_str(ns.val(), "__doc__", doc.val()) < 0)
    return;
  Ref<Tuple> bases = tuple_pack({Value(g_Exception)});
  if (!bases) return;
  Ref<> cls = type_new_from_spec(&g_type_type, n.val(), bases.val(), ns.val(), Value());
  if (!cls) return;
  g_lzma_error = cls.release().as<Type>();  // heap types are immortal (type_new.cpp)
  g_types_ok = true;
}

}  // namespace

Ref<> lzma_module_create() {
  static std::once_flag once;
  std::call_once(once, lzma_init_once);
  if (!g_types_ok) return err_set_str(g_SystemError, "_lzma: cannot create the module's types");
  Ref<> m = module_new("_lzma");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kLzmaFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  if (dict_set_item_str(d, "LZMACompressor", Value(&g_compressor_type)) < 0 ||
      dict_set_item_str(d, "LZMADecompressor", Value(&g_decompressor_type)) < 0 ||
      dict_set_item_str(d, "LZMAError", Value(g_lzma_error)) < 0)
    return nullptr;
  struct Const {
    const char* name;
    uint64_t value;
  };
  const Const kConsts[] = {
      {"FORMAT_AUTO", kFormatAuto},       {"FORMAT_XZ", kFormatXz},
      {"FORMAT_ALONE", kFormatAlone},     {"FORMAT_RAW", kFormatRaw},
      {"CHECK_NONE", LZMA_CHECK_NONE},    {"CHECK_CRC32", LZMA_CHECK_CRC32},
      {"CHECK_CRC64", LZMA_CHECK_CRC64},  {"CHECK_SHA256", LZMA_CHECK_SHA256},
      {"CHECK_ID_MAX", LZMA_CHECK_ID_MAX}, {"CHECK_UNKNOWN", kCheckUnknown},
      {"FILTER_LZMA1", LZMA_FILTER_LZMA1}, {"FILTER_LZMA2", LZMA_FILTER_LZMA2},
      {"FILTER_DELTA", LZMA_FILTER_DELTA}, {"FILTER_X86", LZMA_FILTER_X86},
      {"FILTER_POWERPC", LZMA_FILTER_POWERPC}, {"FILTER_IA64", LZMA_FILTER_IA64},
      {"FILTER_ARM", LZMA_FILTER_ARM},    {"FILTER_ARMTHUMB", LZMA_FILTER_ARMTHUMB},
      {"FILTER_SPARC", LZMA_FILTER_SPARC}, {"MF_HC3", LZMA_MF_HC3},
      {"MF_HC4", LZMA_MF_HC4},            {"MF_BT2", LZMA_MF_BT2},
      {"MF_BT3", LZMA_MF_BT3},            {"MF_BT4", LZMA_MF_BT4},
      {"MODE_FAST", LZMA_MODE_FAST},      {"MODE_NORMAL", LZMA_MODE_NORMAL},
      {"PRESET_DEFAULT", LZMA_PRESET_DEFAULT}, {"PRESET_EXTREME", LZMA_PRESET_EXTREME},
  };
  for (const Const& c : kConsts) {
    Ref<> v = int_from_uint64(c.value);
    if (!v || dict_set_item_str(d, c.name, v.val()) < 0) return nullptr;
  }
  return m;
}

}  // namespace ftpy
