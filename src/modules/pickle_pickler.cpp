// The native pickler: the pickling side of the pickle format
// (protocols 0-5) in C++, producing the same bytes as CPython 3.11's C
// pickler (the one python3 runs) and raising the same errors.
//
// Output goes to a byte buffer. From protocol 4 on it is cut into frames: a
// frame opens (with a 9-byte FRAME header reserved) at the first write after
// the previous one closed, and closes at an opcode boundary once it holds 64
// KiB, or at the end of the pickle; a frame of fewer than 4 bytes loses its
// header. A bytes/str payload of 64 KiB or more is written outside any frame
// (and, with a file, straight to the file). With a file, each closed frame is
// handed to file.write as it is made, so memory stays bounded.
//
// The memo (pickle_pickler.h) maps an object's identity to its memo index.
//
// Thread safety: the functions here work on one PicklerState, which its
// owner guards (pickle_pickler_type.cpp); the objects they borrow from
// copyreg, codecs, functools and _compat_pickle are fetched once and
// published with a CAS.
#include <gmp.h>

#include <atomic>
#include <cstring>
#include <string>
#include <vector>

#include "modules/pickle_pickler.h"
#include "modules/pickle_shared.h"
#include "objects/buffer.h"
#include "objects/bytearray.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"
#include "runtime/thread_state.h"
#include "vm/function.h"
#include "vm/import.h"

namespace ftpy {

namespace {

constexpr int64_t kBatchSize = 1000;
constexpr size_t kFrameHeaderSize = 9;
constexpr size_t kFrameSizeMin = 4;
constexpr size_t kFrameSizeTarget = 64 * 1024;
constexpr int kFastNestingLimit = 50;

// --- what the pickler borrows from other modules ------------------------------------------------

// Fetched once, on first use, and kept for the life of the process (CPython
// takes the same objects when _pickle is imported): later rebinding of
// copyreg.dispatch_table is not seen, changes to the dict are.
struct PickleGlobals {
  Value dispatch_table;      // copyreg.dispatch_table
  Value extension_registry;  // copyreg._extension_registry
  Value newobj;              // copyreg.__newobj__
  Value newobj_ex;           // copyreg.__newobj_ex__
  Value codecs_encode;       // codecs.encode
  Value getattr_fn;          // builtins.getattr
  Value partial;             // functools.partial
};
std::atomic<PickleGlobals*> g_globals{nullptr};

// Published with a CAS (a racing thread's copy is dropped), never under a
// lock: the imports may run Python code that pickles.
const PickleGlobals* pickle_globals() {
  PickleGlobals* g = g_globals.load(std::memory_order_acquire);
  if (g) return g;
  Ref<> copyreg = import_module("copyreg");
  if (!copyreg) return nullptr;
  Ref<> codecs = import_module("codecs");
  if (!codecs) return nullptr;
  Ref<> builtins = import_module("builtins");
  if (!builtins) return nullptr;
  Ref<> functools = import_module("functools");
  if (!functools) return nullptr;
  Ref<> dt = getattr(copyreg.val(), "dispatch_table");
  if (!dt) return nullptr;
  if (!is_dict(dt.val()))
    return err_format(g_RuntimeError, "copyreg.dispatch_table should be a dict, not %s", type_of(dt.val())->name);
  Ref<> ext = getattr(copyreg.val(), "_extension_registry");
  if (!ext) return nullptr;
  if (!is_dict(ext.val()))
    return err_format(g_RuntimeError, "copyreg._extension_registry should be a dict, not %s",
                      type_of(ext.val())->name);
  Ref<> newobj = getattr(copyreg.val(), "__newobj__");
  Ref<> newobj_ex = newobj ? getattr(copyreg.val(), "__newobj_ex__") : nullptr;
  Ref<> enc = newobj_ex ? getattr(codecs.val(), "encode") : nullptr;
  Ref<> ga = enc ? getattr(builtins.val(), "getattr") : nullptr;
  Ref<> partial = ga ? getattr(functools.val(), "partial") : nullptr;
  if (!partial) return nullptr;
  auto* fresh = new PickleGlobals{dt.release(),    ext.release(), newobj.release(), newobj_ex.release(),
                                  enc.release(),   ga.release(),  partial.release()};
  PickleGlobals* expected = nullptr;
  if (g_globals.compare_exchange_strong(expected, fresh, std::memory_order_acq_rel)) return fresh;
  for (Value v : {fresh->dispatch_table, fresh->extension_registry, fresh->newobj, fresh->newobj_ex,
                  fresh->codecs_encode, fresh->getattr_fn, fresh->partial})
    decref(v);
  delete fresh;
  return expected;
}

// _compat_pickle's reverse mappings, for protocols 0-2 with fix_imports.
struct CompatMaps {
  Value name_mapping;    // REVERSE_NAME_MAPPING
  Value import_mapping;  // REVERSE_IMPORT_MAPPING
};
std::atomic<CompatMaps*> g_compat{nullptr};

const CompatMaps* compat_maps() {
  CompatMaps* c = g_compat.load(std::memory_order_acquire);
  if (c) return c;
  Ref<> compat = import_module("_compat_pickle");
  if (!compat) return nullptr;
  Ref<> nm = getattr(compat.val(), "REVERSE_NAME_MAPPING");
  if (!nm) return nullptr;
  if (!is_dict(nm.val()))
    return err_format(g_RuntimeError, "_compat_pickle.REVERSE_NAME_MAPPING should be a dict, not %s",
                      type_of(nm.val())->name);
  Ref<> im = getattr(compat.val(), "REVERSE_IMPORT_MAPPING");
  if (!im) return nullptr;
  if (!is_dict(im.val()))
    return err_format(g_RuntimeError, "_compat_pickle.REVERSE_IMPORT_MAPPING should be a dict, not %s",
                      type_of(im.val())->name);
  auto* fresh = new CompatMaps{nm.release(), im.release()};
  CompatMaps* expected = nullptr;
  if (g_compat.compare_exchange_strong(expected, fresh, std::memory_order_acq_rel)) return fresh;
  decref(fresh->name_mapping);
  decref(fresh->import_mapping);
  delete fresh;
  return expected;
}

Value interned(const char* s) { return Value(str_intern(s)); }

using P = PicklerState;

std::nullptr_t pickling_error(const char* msg) { return err_set_str(g_pickling_error, msg); }

// repr() for a message; false with the error when repr raises.
bool repr_of(Value v, std::string* out) {
  Ref<> r = repr(v);
  if (!r) return false;
  *out = std::string(str_view(r.val()));
  return true;
}
bool str_of(Value v, std::string* out) {
  Ref<> r = str(v);
  if (!r) return false;
  *out = std::string(str_view(r.val()));
  return true;
}

// --- output -------------------------------------------------------------------------------------

inline void open_frame_if_needed(P& p) {
  if (p.framing && p.frame_start < 0) [[unlikely]] {
    p.frame_start = static_cast<int64_t>(p.out.size());
    p.out.append(kFrameHeaderSize, '\xfe');
  }
}
inline void put(P& p, const void* s, size_t n) {
  open_frame_if_needed(p);
  p.out.append(static_cast<const char*>(s), n);
}
inline void put1(P& p, uint8_t c) {
  open_frame_if_needed(p);
  p.out.push_back(static_cast<char>(c));
}
inline void put_le(char* dst, uint64_t v, int n) {
  for (int i = 0; i < n; i++) dst[i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

void commit_frame(P& p) {
  if (!p.framing || p.frame_start < 0) return;
  size_t start = static_cast<size_t>(p.frame_start);
  size_t len = p.out.size() - start - kFrameHeaderSize;
  if (len >= kFrameSizeMin) {
    p.out[start] = static_cast<char>(kOp_FRAME);
    put_le(&p.out[start + 1], len, 8);
  } else {
    p.out.erase(start, kFrameHeaderSize);
  }
  p.frame_start = -1;
}

// Hand what the buffer holds to file.write (called with a file only).
int flush_to_file(P& p) {
  Ref<> data = bytes_from(p.out.data(), p.out.size());
  if (!data) return -1;
  p.out.clear();
  Ref<> w = Ref<>::borrow(p.write);
  Ref<> r = call1(w.val(), data.val());
  return r ? 0 : -1;
}

// Called before each object is saved: closes a frame that reached the target
// size, and with a file writes it out.
inline int opcode_boundary(P& p) {
  if (!p.framing || p.frame_start < 0) return 0;
  if (p.out.size() - static_cast<size_t>(p.frame_start) - kFrameHeaderSize < kFrameSizeTarget) return 0;
  commit_frame(p);
  if (!p.write.is_null()) return flush_to_file(p);
  return 0;
}

// A header and a payload; a payload of 64 KiB or more goes outside any
// frame (and to a file directly). `payload` (may be null) is the object to
// give file.write instead of a copy of the data.
int write_bytes(P& p, const char* header, size_t hlen, const uint8_t* data, size_t dlen, Value payload) {
  bool bypass = dlen >= kFrameSizeTarget;
  bool framing = p.framing;
  if (bypass) {
    commit_frame(p);
    p.framing = false;
  }
  put(p, header, hlen);
  if (bypass && !p.write.is_null()) {
    int r = flush_to_file(p);
    if (r == 0) {
      Ref<> obj = payload.is_null() ? bytes_from(data, dlen) : Ref<>::borrow(payload);
      Ref<> w = Ref<>::borrow(p.write);
      r = obj && call1(w.val(), obj.val()) ? 0 : -1;
    }
    if (r < 0) {
      p.framing = framing;
      return -1;
    }
  } else {
    put(p, data, dlen);
  }
  p.framing = framing;
  return 0;
}

// --- the memo -----------------------------------------------------------------------------------

int memo_put(P& p, Value obj) {
  if (p.fast) return 0;
  int64_t idx = p.memo.size();
  p.memo.set(obj, idx);
  if (p.proto >= 4) {
    put1(p, kOp_MEMOIZE);
    return 0;
  }
  if (!p.bin) {
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%c%lld\n", kOp_PUT, static_cast<long long>(idx));
    put(p, buf, static_cast<size_t>(n));
  } else if (idx < 256) {
    char buf[2] = {static_cast<char>(kOp_BINPUT), static_cast<char>(idx)};
    put(p, buf, 2);
  } else if (idx <= 0xffffffffLL) {
    char buf[5] = {static_cast<char>(kOp_LONG_BINPUT)};
    put_le(buf + 1, static_cast<uint64_t>(idx), 4);
    put(p, buf, 5);
  } else {
    pickling_error("memo id too large for LONG_BINPUT");
    return -1;
  }
  return 0;
}

int memo_get_index(P& p, int64_t idx) {
  if (!p.bin) {
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%c%lld\n", kOp_GET, static_cast<long long>(idx));
    put(p, buf, static_cast<size_t>(n));
  } else if (idx >= 0 && idx < 256) {
    char buf[2] = {static_cast<char>(kOp_BINGET), static_cast<char>(idx)};
    put(p, buf, 2);
  } else if (idx >= 0 && idx <= 0xffffffffLL) {
    char buf[5] = {static_cast<char>(kOp_LONG_BINGET)};
    put_le(buf + 1, static_cast<uint64_t>(idx), 4);
    put(p, buf, 5);
  } else {
    pickling_error("memo id too large for LONG_BINGET");
    return -1;
  }
  return 0;
}

int memo_get(P& p, Value obj) {
  const PickleMemo::Entry* e = p.memo.find(obj);
  if (!e) {
    err_set_object(g_KeyError, obj);
    return -1;
  }
  return memo_get_index(p, e->index);
}

// --- recursion ----------------------------------------------------------------------------------

// Containers nest on the C++ stack: counted against the recursion limit,
// with CPython's message.
struct SaveDepth {
  ThreadState* ts;
  bool ok;
  SaveDepth() : ts(tstate()) {
    ok = ++ts->c_depth <= g_recursion_limit.load(std::memory_order_relaxed) + 50 && !native_stack_low();
    if (!ok) err_set_str(g_RecursionError, "maximum recursion depth exceeded while pickling an object");
  }
  ~SaveDepth() { --ts->c_depth; }
};

// Fast mode keeps no memo; past a nesting depth it tracks the containers
// being saved to report a cycle instead of recursing forever.
bool fast_save_enter(P& p, Value obj) {
  if (++p.fast_nesting < kFastNestingLimit) return true;
  if (p.fast_memo.is_null()) {
    Ref<Dict> d = dict_new();
    if (!d) return false;
    p.fast_memo = d.release();
  }
  Ref<> key = int_from_uint64(obj.bits());
  if (!key) return false;
  Ref<> hit;
  int r = dict_get_item(p.fast_memo, key.val(), &hit);
  if (r < 0) return false;
  if (r > 0) {
    err_format(g_ValueError, "fast mode: can't pickle cyclic objects including object type %s at %p",
               type_of(obj)->name, reinterpret_cast<void*>(obj.bits()));
    p.fast_nesting = -1;
    return false;
  }
  if (dict_set_item(p.fast_memo, key.val(), none()) < 0) {
    p.fast_nesting = -1;
    return false;
  }
  return true;
}

bool fast_save_leave(P& p, Value obj) {
  if (p.fast_nesting-- >= kFastNestingLimit && !p.fast_memo.is_null()) {
    Ref<> key = int_from_uint64(obj.bits());
    if (!key) return false;
    if (dict_del_item(p.fast_memo, key.val()) < 0) return false;
  }
  return true;
}

int save(P& p, Value obj, bool pers_save);

// --- atoms --------------------------------------------------------------------------------------

int save_small_long(P& p, int64_t v) {
  if (v >= INT32_MIN && v <= INT32_MAX) {
    if (p.bin) {
      char buf[5];
      put_le(buf + 1, static_cast<uint64_t>(v), 4);
      if (buf[4] != 0 || buf[3] != 0) {
        buf[0] = static_cast<char>(kOp_BININT);
        put(p, buf, 5);
      } else if (buf[2] != 0) {
        buf[0] = static_cast<char>(kOp_BININT2);
        put(p, buf, 3);
      } else {
        buf[0] = static_cast<char>(kOp_BININT1);
        put(p, buf, 2);
      }
    } else {
      char buf[24];
      int n = snprintf(buf, sizeof buf, "%c%lld\n", kOp_INT, static_cast<long long>(v));
      put(p, buf, static_cast<size_t>(n));
    }
    return 0;
  }
  if (p.proto >= 2) {
    // Two's complement, little-endian, in (bit length of |v|) / 8 + 1
    // bytes, one fewer when that leaves only redundant sign bits.
    uint64_t mag = v < 0 ? (~static_cast<uint64_t>(v) + 1) : static_cast<uint64_t>(v);
    int nbits = 64 - __builtin_clzll(mag);
    int nbytes = nbits / 8 + 1;
    char buf[2 + 9];
    __int128 w = v;
    for (int i = 0; i < nbytes; i++) buf[2 + i] = static_cast<char>(static_cast<uint8_t>(w >> (8 * i)));
    if (v < 0 && nbytes > 1 && static_cast<uint8_t>(buf[2 + nbytes - 1]) == 0xff &&
        (static_cast<uint8_t>(buf[2 + nbytes - 2]) & 0x80))
      nbytes--;
    buf[0] = static_cast<char>(kOp_LONG1);
    buf[1] = static_cast<char>(nbytes);
    put(p, buf, 2 + static_cast<size_t>(nbytes));
    return 0;
  }
  char buf[32];
  int n = snprintf(buf, sizeof buf, "%c%lldL\n", kOp_LONG, static_cast<long long>(v));
  put(p, buf, static_cast<size_t>(n));
  return 0;
}

int save_long(P& p, Value obj) {
  if (obj.is_small()) return save_small_long(p, obj.small_value());
  const __mpz_struct* z = obj.as<Int>()->z;  // read only
  if (mpz_fits_slong_p(z)) return save_small_long(p, mpz_get_si(z));
  if (p.proto < 2) {
    Ref<> r = repr(obj);
    if (!r) return -1;
    std::string_view s = str_view(r.val());
    put1(p, kOp_LONG);
    put(p, s.data(), s.size());
    put(p, "L\n", 2);
    return 0;
  }
  int sign = mpz_sgn(z);
  size_t nbytes = mpz_sizeinbase(z, 2) / 8 + 1;
  if (nbytes > 0x7fffffffULL) {
    err_set_str(g_OverflowError, "int too large to pickle");
    return -1;
  }
  std::string data(nbytes, '\0');
  uint8_t* d = reinterpret_cast<uint8_t*>(data.data());
  size_t count = 0;
  mpz_export(d, &count, -1, 1, 0, 0, z);  // |z|, little-endian
  if (sign < 0) {
    // Two's complement of the magnitude over nbytes: invert, add one.
    unsigned carry = 1;
    for (size_t i = 0; i < nbytes; i++) {
      unsigned v = static_cast<uint8_t>(~d[i]) + carry;
      d[i] = static_cast<uint8_t>(v);
      carry = v >> 8;
    }
    if (nbytes > 1 && d[nbytes - 1] == 0xff && (d[nbytes - 2] & 0x80)) nbytes--;
  }
  if (nbytes < 256) {
    char h[2] = {static_cast<char>(kOp_LONG1), static_cast<char>(nbytes)};
    put(p, h, 2);
  } else {
    char h[5] = {static_cast<char>(kOp_LONG4)};
    put_le(h + 1, nbytes, 4);
    put(p, h, 5);
  }
  put(p, d, nbytes);
  return 0;
}

int save_float(P& p, double d) {
  if (p.bin) {
    uint64_t bits;
    std::memcpy(&bits, &d, 8);
    char buf[9];
    buf[0] = static_cast<char>(kOp_BINFLOAT);
    for (int i = 0; i < 8; i++) buf[1 + i] = static_cast<char>((bits >> (8 * (7 - i))) & 0xff);
    put(p, buf, 9);
    return 0;
  }
  std::string s = float_repr(d);
  put1(p, kOp_FLOAT);
  put(p, s.data(), s.size());
  put1(p, '\n');
  return 0;
}

int save_reduce(P& p, Value args, Value obj);

int save_bytes_data(P& p, Value obj, const uint8_t* data, size_t size) {
  char h[9];
  size_t hl;
  if (size <= 0xff) {
    h[0] = static_cast<char>(kOp_SHORT_BINBYTES);
    h[1] = static_cast<char>(size);
    hl = 2;
  } else if (size <= 0xffffffffULL) {
    h[0] = static_cast<char>(kOp_BINBYTES);
    put_le(h + 1, size, 4);
    hl = 5;
  } else if (p.proto >= 4) {
    h[0] = static_cast<char>(kOp_BINBYTES8);
    put_le(h + 1, size, 8);
    hl = 9;
  } else {
    err_set_str(g_OverflowError, "serializing a bytes object larger than 4 GiB requires pickle protocol 4 or higher");
    return -1;
  }
  if (write_bytes(p, h, hl, data, size, obj) < 0) return -1;
  return memo_put(p, obj);
}

int save_bytes(P& p, Value obj) {
  if (p.proto >= 3) return save_bytes_data(p, obj, bytes_data(obj), static_cast<size_t>(bytes_size(obj)));
  // Protocols 0-2 have no bytes opcode: reduce to codecs.encode(latin-1
  // text, 'latin1'), which Python 2 also reads (as str).
  Ref<> reduce_value;
  if (bytes_size(obj) == 0) {
    Ref<Tuple> empty = tuple_new(0);
    if (!empty) return -1;
    reduce_value = tuple_pack({Value(static_cast<Object*>(&g_bytes_type)), empty.val()});
  } else {
    const PickleGlobals* g = pickle_globals();
    if (!g) return -1;
    // A str of its own (never a cached one-character str), so it cannot
    // share a memo entry with an equal str elsewhere in the data.
    int64_t n = bytes_size(obj);
    const uint8_t* src = bytes_data(obj);
    uint32_t mx = 0;
    for (int64_t i = 0; i < n; i++) mx |= src[i];
    Ref<Str> text = str_new_raw(n, mx);
    if (!text) return -1;
    std::memcpy(text->data, src, static_cast<size_t>(n));
    Ref<Tuple> args = tuple_pack({text.val(), interned("latin1")});
    if (!args) return -1;
    reduce_value = tuple_pack({g->codecs_encode, args.val()});
  }
  if (!reduce_value) return -1;
  return save_reduce(p, reduce_value.val(), obj);
}

int save_bytearray_data(P& p, Value obj, const uint8_t* data, size_t size) {
  char h[9] = {static_cast<char>(kOp_BYTEARRAY8)};
  put_le(h + 1, size, 8);
  if (write_bytes(p, h, 9, data, size, obj) < 0) return -1;
  return memo_put(p, obj);
}

int save_bytearray(P& p, Value obj) {
  std::string snapshot;
  bytearray_snapshot(obj, &snapshot);
  if (p.proto >= 5)
    return save_bytearray_data(p, obj, reinterpret_cast<const uint8_t*>(snapshot.data()), snapshot.size());
  Ref<Tuple> args;
  if (snapshot.empty()) {
    args = tuple_new(0);
  } else {
    Ref<> b = bytes_from(snapshot);
    if (!b) return -1;
    args = tuple_pack({b.val()});
  }
  if (!args) return -1;
  Ref<Tuple> rv = tuple_pack({Value(static_cast<Object*>(&g_bytearray_type)), args.val()});
  if (!rv) return -1;
  return save_reduce(p, rv.val(), obj);
}

// Protocol 0: raw-unicode-escape, with backslash, NUL, CR, LF and ^Z
// escaped too so the text fits on one line.
void put_unicode_text(P& p, Str* s) {
  static const char kHex[] = "0123456789abcdef";
  std::string buf;
  buf.reserve(static_cast<size_t>(s->length) + 8);
  buf.push_back(static_cast<char>(kOp_UNICODE));
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (c >= 0x10000) {
      buf += "\\U";
      for (int sh = 28; sh >= 0; sh -= 4) buf.push_back(kHex[(c >> sh) & 0xf]);
    } else if (c >= 256 || c == '\\' || c == 0 || c == '\n' || c == '\r' || c == 0x1a) {
      buf += "\\u";
      for (int sh = 12; sh >= 0; sh -= 4) buf.push_back(kHex[(c >> sh) & 0xf]);
    } else {
      buf.push_back(static_cast<char>(c));
    }
  }
  buf.push_back('\n');
  put(p, buf.data(), buf.size());
}

int save_str(P& p, Value obj) {
  Str* s = obj.as<Str>();
  if (p.bin) {
    // UTF-8, lone surrogates passed through (str_view encodes each code
    // point on its own, which is the 'surrogatepass' form).
    std::string_view u = str_view(s);
    size_t size = u.size();
    char h[9];
    size_t hl;
    if (size <= 0xff && p.proto >= 4) {
      h[0] = static_cast<char>(kOp_SHORT_BINUNICODE);
      h[1] = static_cast<char>(size);
      hl = 2;
    } else if (size <= 0xffffffffULL) {
      h[0] = static_cast<char>(kOp_BINUNICODE);
      put_le(h + 1, size, 4);
      hl = 5;
    } else if (p.proto >= 4) {
      h[0] = static_cast<char>(kOp_BINUNICODE8);
      put_le(h + 1, size, 8);
      hl = 9;
    } else {
      err_set_str(g_OverflowError, "serializing a string larger than 4 GiB requires pickle protocol 4 or higher");
      return -1;
    }
    if (write_bytes(p, h, hl, reinterpret_cast<const uint8_t*>(u.data()), size, Value()) < 0) return -1;
  } else {
    put_unicode_text(p, s);
  }
  return memo_put(p, obj);
}

// --- containers ---------------------------------------------------------------------------------

int save_tuple(P& p, Value obj) {
  int64_t n = tuple_size(obj);
  if (n == 0) {
    if (p.proto) {
      put1(p, kOp_EMPTY_TUPLE);
    } else {
      char b[2] = {static_cast<char>(kOp_MARK), static_cast<char>(kOp_TUPLE)};
      put(p, b, 2);
    }
    return 0;
  }
  // A tuple is made after its items, so one that contains itself (through
  // a mutable object) is in the memo once they are saved: then drop what
  // was pushed and fetch it from the memo.
  bool short_form = n <= 3 && p.proto >= 2;
  if (!short_form) put1(p, kOp_MARK);
  for (int64_t i = 0; i < n; i++)
    if (save(p, tuple_item(obj, i), false) < 0) return -1;
  if (p.memo.find(obj)) {
    if (short_form) {
      for (int64_t i = 0; i < n; i++) put1(p, kOp_POP);
    } else if (p.bin) {
      put1(p, kOp_POP_MARK);
    } else {
      for (int64_t i = 0; i <= n; i++) put1(p, kOp_POP);
    }
    return memo_get(p, obj);
  }
  if (short_form) {
    static const uint8_t kOps[] = {kOp_EMPTY_TUPLE, kOp_TUPLE1, kOp_TUPLE2, kOp_TUPLE3};
    put1(p, kOps[n]);
  } else {
    put1(p, kOp_TUPLE);
  }
  return memo_put(p, obj);
}

// APPEND/APPENDS from an iterator: MARK items APPENDS in batches of 1000; a
// batch of one item is a single APPEND.
int batch_list(P& p, Value iter) {
  if (p.proto == 0) {
    for (;;) {
      Ref<> item = iter_next(iter);
      if (!item) return err_occurred() ? -1 : 0;
      if (save(p, item.val(), false) < 0) return -1;
      put1(p, kOp_APPEND);
    }
  }
  int64_t n;
  do {
    Ref<> first = iter_next(iter);
    if (!first) return err_occurred() ? -1 : 0;
    Ref<> item = iter_next(iter);
    if (!item) {
      if (err_occurred()) return -1;
      if (save(p, first.val(), false) < 0) return -1;
      put1(p, kOp_APPEND);
      return 0;
    }
    put1(p, kOp_MARK);
    if (save(p, first.val(), false) < 0) return -1;
    n = 1;
    while (item) {
      if (save(p, item.val(), false) < 0) return -1;
      n++;
      if (n == kBatchSize) break;
      item = iter_next(iter);
      if (!item && err_occurred()) return -1;
    }
    put1(p, kOp_APPENDS);
  } while (n == kBatchSize);
  return 0;
}

// An exact list at protocol 1+: its items by index; one item is APPEND,
// more go in MARK ... APPENDS batches of 1000.
int batch_list_exact(P& p, Value list) {
  if (list_size(list) == 1) {
    Ref<> item = list_get_or_null(list, 0);
    if (item) {
      if (save(p, item.val(), false) < 0) return -1;
      put1(p, kOp_APPEND);
      return 0;
    }
  }
  int64_t total = 0;
  do {
    int64_t this_batch = 0;
    put1(p, kOp_MARK);
    for (;;) {
      Ref<> item = list_get_or_null(list, total);
      if (!item) break;
      if (save(p, item.val(), false) < 0) return -1;
      total++;
      if (++this_batch == kBatchSize) break;
    }
    put1(p, kOp_APPENDS);
  } while (total < list_size(list));
  return 0;
}

int save_list(P& p, Value obj) {
  if (p.fast && !fast_save_enter(p, obj)) return -1;
  int status = 0;
  if (p.bin) {
    put1(p, kOp_EMPTY_LIST);
  } else {
    char b[2] = {static_cast<char>(kOp_MARK), static_cast<char>(kOp_LIST)};
    put(p, b, 2);
  }
  if (memo_put(p, obj) < 0) {
    status = -1;
  } else if (list_size(obj) != 0) {
    if (is_list_exact(obj) && p.proto > 0) {
      SaveDepth d;
      status = d.ok ? batch_list_exact(p, obj) : -1;
    } else {
      Ref<> it = get_iter(obj);
      if (!it) {
        status = -1;
      } else {
        SaveDepth d;
        status = d.ok ? batch_list(p, it.val()) : -1;
      }
    }
  }
  if (p.fast && !fast_save_leave(p, obj)) status = -1;
  return status;
}

// SETITEM/SETITEMS from an iterator of (key, value) pairs.
int batch_dict(P& p, Value iter) {
  auto check_pair = [](Value v) {
    if (!is_tuple(v) || tuple_size(v) != 2) {
      err_set_str(g_TypeError, "dict items iterator must return 2-tuples");
      return false;
    }
    return true;
  };
  auto save_pair = [&](Value pair) {
    return save(p, tuple_item(pair, 0), false) >= 0 && save(p, tuple_item(pair, 1), false) >= 0;
  };
  if (p.proto == 0) {
    for (;;) {
      Ref<> item = iter_next(iter);
      if (!item) return err_occurred() ? -1 : 0;
      if (!check_pair(item.val()) || !save_pair(item.val())) return -1;
      put1(p, kOp_SETITEM);
    }
  }
  int64_t n;
  do {
    Ref<> first = iter_next(iter);
    if (!first) return err_occurred() ? -1 : 0;
    if (!check_pair(first.val())) return -1;
    Ref<> item = iter_next(iter);
    if (!item) {
      if (err_occurred()) return -1;
      if (!save_pair(first.val())) return -1;
      put1(p, kOp_SETITEM);
      return 0;
    }
    put1(p, kOp_MARK);
    if (!save_pair(first.val())) return -1;
    n = 1;
    while (item) {
      if (!check_pair(item.val()) || !save_pair(item.val())) return -1;
      n++;
      if (n == kBatchSize) break;
      item = iter_next(iter);
      if (!item && err_occurred()) return -1;
    }
    put1(p, kOp_SETITEMS);
  } while (n == kBatchSize);
  return 0;
}

// An exact dict at protocol 1+. As CPython's, a batch ends after 1000
// pairs and another MARK ... SETITEMS follows, even when it will be empty.
int batch_dict_exact(P& p, Value d) {
  int64_t size = dict_size(d);
  int64_t pos = 0;
  Ref<> k, v;
  if (size == 1) {
    if (dict_next(d, &pos, &k, &v)) {
      if (save(p, k.val(), false) < 0 || save(p, v.val(), false) < 0) return -1;
      put1(p, kOp_SETITEM);
      return 0;
    }
  }
  int64_t i;
  do {
    i = 0;
    put1(p, kOp_MARK);
    while (dict_next(d, &pos, &k, &v)) {
      if (save(p, k.val(), false) < 0 || save(p, v.val(), false) < 0) return -1;
      k = nullptr;
      v = nullptr;
      if (++i == kBatchSize) break;
    }
    put1(p, kOp_SETITEMS);
    if (dict_size(d) != size) {
      err_set_str(g_RuntimeError, "dictionary changed size during iteration");
      return -1;
    }
  } while (i == kBatchSize);
  return 0;
}

int save_dict(P& p, Value obj) {
  if (p.fast && !fast_save_enter(p, obj)) return -1;
  int status = 0;
  if (p.bin) {
    put1(p, kOp_EMPTY_DICT);
  } else {
    char b[2] = {static_cast<char>(kOp_MARK), static_cast<char>(kOp_DICT)};
    put(p, b, 2);
  }
  if (memo_put(p, obj) < 0) {
    status = -1;
  } else if (dict_size(obj) != 0) {
    if (is_dict_exact(obj) && p.proto > 0) {
      SaveDepth d;
      status = d.ok ? batch_dict_exact(p, obj) : -1;
    } else {
      Ref<> items = call_method(obj, "items", nullptr, 0);
      Ref<> it = items ? get_iter(items.val()) : nullptr;
      if (!it) {
        status = -1;
      } else {
        SaveDepth d;
        status = d.ok ? batch_dict(p, it.val()) : -1;
      }
    }
  }
  if (p.fast && !fast_save_leave(p, obj)) status = -1;
  return status;
}

// set before protocol 4, and frozenset: reduce to (type, (list(items),)).
int save_set_reduce(P& p, Value obj, Type* as) {
  Ref<> items = sequence_list(obj);
  if (!items) return -1;
  Ref<Tuple> args = tuple_pack({items.val()});
  if (!args) return -1;
  Ref<Tuple> rv = tuple_pack({Value(static_cast<Object*>(as)), args.val()});
  if (!rv) return -1;
  return save_reduce(p, rv.val(), obj);
}

int save_set(P& p, Value obj) {
  if (p.proto < 4) return save_set_reduce(p, obj, &g_set_type);
  put1(p, kOp_EMPTY_SET);
  if (memo_put(p, obj) < 0) return -1;
  int64_t size = set_size(obj);
  if (size == 0) return 0;
  int64_t pos = 0, i;
  do {
    i = 0;
    put1(p, kOp_MARK);
    Ref<> item;
    while (set_next(obj, &pos, &item)) {
      if (save(p, item.val(), false) < 0) return -1;
      if (++i == kBatchSize) break;
    }
    put1(p, kOp_ADDITEMS);
    if (set_size(obj) != size) {
      err_set_str(g_RuntimeError, "set changed size during iteration");
      return -1;
    }
  } while (i == kBatchSize);
  return 0;
}

int save_frozenset(P& p, Value obj) {
  if (p.proto < 4) return save_set_reduce(p, obj, &g_frozenset_type);
  put1(p, kOp_MARK);
  int64_t pos = 0;
  Ref<> item;
  while (set_next(obj, &pos, &item))
    if (save(p, item.val(), false) < 0) return -1;
  if (p.memo.find(obj)) {
    put1(p, kOp_POP_MARK);
    return memo_get(p, obj);
  }
  put1(p, kOp_FROZENSET);
  return memo_put(p, obj);
}

int save_picklebuffer(P& p, Value obj) {
  if (p.proto < 5) {
    pickling_error("PickleBuffer can only pickled with protocol >= 5");
    return -1;
  }
  BufferView view;
  if (!pickle_buffer_view(obj, &view)) return -1;
  if (!view.contiguous()) {
    buffer_release(&view);
    pickling_error("PickleBuffer can not be pickled when pointing to a non-contiguous buffer");
    return -1;
  }
  bool readonly = view.readonly;
  bool in_band = true;
  if (!p.buffer_callback.is_null()) {
    Ref<> cb = Ref<>::borrow(p.buffer_callback);
    Ref<> r = call1(cb.val(), obj);
    int t = r ? truthy(r.val()) : -1;
    if (t < 0) {
      buffer_release(&view);
      return -1;
    }
    in_band = t != 0;
  }
  if (!in_band) {
    buffer_release(&view);
    put1(p, kOp_NEXT_BUFFER);
    if (readonly) put1(p, kOp_READONLY_BUFFER);
    return 0;
  }
  std::string data;
  buffer_view_copy(view, &data);
  buffer_release(&view);
  const uint8_t* d = reinterpret_cast<const uint8_t*>(data.data());
  if (readonly) return save_bytes_data(p, obj, d, data.size());
  return save_bytearray_data(p, obj, d, data.size());
}

// --- globals ------------------------------------------------------------------------------------

// Split a qualified name at its dots; a '<locals>' part cannot be found.
bool dotted_path(Value name, std::vector<Ref<>>* parts) {
  if (!is_str(name)) {
    err_format(g_TypeError, "must be str, not %s", type_of(name)->name);
    return false;
  }
  std::string_view full = str_view(name);
  size_t start = 0;
  for (;;) {
    size_t dot = full.find('.', start);
    std::string_view part = full.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (part == "<locals>") {
      std::string r;
      if (repr_of(name, &r)) err_format(g_AttributeError, "Can't pickle local object %s", r.c_str());
      return false;
    }
    Ref<Str> s = str_from_utf8(part);
    if (!s) return false;
    parts->push_back(std::move(s));
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

// getattr along the path; null when a part is missing (an exception may be
// pending). *parent gets the object the last part was found on.
Ref<> deep_attribute(Value obj, const std::vector<Ref<>>& parts, Ref<>* parent) {
  Ref<> cur = Ref<>::borrow(obj);
  Ref<> par;
  for (const Ref<>& name : parts) {
    par = std::move(cur);
    cur = getattr_opt(par.val(), name.val());
    if (!cur) return nullptr;
  }
  if (parent) *parent = std::move(par);
  return cur;
}

Ref<> sys_modules() {
  Ref<> sys = import_module("sys");
  if (!sys) return nullptr;
  Ref<> m = getattr_opt(sys.val(), interned("modules"));
  if (!m) return err_occurred() ? nullptr : err_set_str(g_RuntimeError, "unable to get sys.modules");
  return m;
}

// The module a global lives in: its __module__, else the first module in
// sys.modules (not __main__) where the path finds it, else '__main__'.
Ref<> whichmodule(Value global, const std::vector<Ref<>>& parts) {
  Ref<> name = getattr_opt(global, Value(ids::__module__));
  if (name && !is_none(name.val())) return name;
  if (err_occurred()) return nullptr;
  Ref<> modules = sys_modules();
  if (!modules) return nullptr;
  auto try_module = [&](Value mod_name, Value mod) -> int {
    if (is_str(mod_name) && str_view(mod_name) == "__main__") return 0;
    if (is_none(mod)) return 0;
    Ref<> cand = deep_attribute(mod, parts, nullptr);
    if (!cand) {
      if (!err_occurred()) return 0;
      if (!err_matches(g_AttributeError)) return -1;
      err_clear();
      return 0;
    }
    return cand.val() == global ? 1 : 0;
  };
  if (is_dict_exact(modules.val())) {
    int64_t pos = 0;
    Ref<> k, v;
    while (dict_next(modules.val(), &pos, &k, &v)) {
      int r = try_module(k.val(), v.val());
      if (r < 0) return nullptr;
      if (r > 0) return k;
    }
  } else {
    Ref<> it = get_iter(modules.val());
    if (!it) return nullptr;
    for (;;) {
      Ref<> k = iter_next(it.val());
      if (!k) {
        if (err_occurred()) return nullptr;
        break;
      }
      Ref<> v = getitem(modules.val(), k.val());
      if (!v) return nullptr;
      int r = try_module(k.val(), v.val());
      if (r < 0) return nullptr;
      if (r > 0) return k;
    }
  }
  return Ref<>::borrow(interned("__main__"));
}

// Protocols 0-2 with fix_imports: Python 3 names to their Python 2 names.
int fix_imports(Ref<>* module_name, Ref<>* global_name) {
  const CompatMaps* c = compat_maps();
  if (!c) return -1;
  Ref<Tuple> key = tuple_pack({module_name->val(), global_name->val()});
  if (!key) return -1;
  Ref<> item;
  int r = dict_get_item(c->name_mapping, key.val(), &item);
  if (r < 0) return -1;
  if (r > 0) {
    if (!is_tuple(item.val()) || tuple_size(item.val()) != 2) {
      err_format(g_RuntimeError, "_compat_pickle.REVERSE_NAME_MAPPING values should be 2-tuples, not %s",
                 type_of(item.val())->name);
      return -1;
    }
    Value m = tuple_item(item.val(), 0), g = tuple_item(item.val(), 1);
    if (!is_str(m) || !is_str(g)) {
      err_format(g_RuntimeError, "_compat_pickle.REVERSE_NAME_MAPPING values should be pairs of str, not (%s, %s)",
                 type_of(m)->name, type_of(g)->name);
      return -1;
    }
    *module_name = Ref<>::borrow(m);
    *global_name = Ref<>::borrow(g);
    return 0;
  }
  r = dict_get_item(c->import_mapping, module_name->val(), &item);
  if (r < 0) return -1;
  if (r > 0) {
    if (!is_str(item.val())) {
      err_format(g_RuntimeError, "_compat_pickle.REVERSE_IMPORT_MAPPING values should be strings, not %s",
                 type_of(item.val())->name);
      return -1;
    }
    *module_name = std::move(item);
  }
  return 0;
}

// GLOBAL's text form of a name: ASCII, or UTF-8 at protocol 3.
bool encode_identifier(P& p, Value name, const char* what) {
  if (!is_str(name)) {
    err_format(g_TypeError, "expected str, got %s", type_of(name)->name);
    return false;
  }
  Str* s = name.as<Str>();
  std::string text;
  bool ok;
  if (p.proto == 3) {
    ok = str_utf8_strict(s, &text);
  } else {
    ok = s->ascii;
    if (ok) text = std::string(str_view(s));
  }
  if (!ok) {
    if (p.proto == 3 && !err_matches(g_UnicodeEncodeError)) return false;
    err_clear();
    std::string shown;
    if (!str_of(name, &shown)) return false;
    err_format(g_pickling_error, "can't pickle %s identifier '%s' using pickle protocol %d", what, shown.c_str(),
               p.proto);
    return false;
  }
  put(p, text.data(), text.size());
  put1(p, '\n');
  return true;
}

std::nullptr_t global_error(Value obj, const char* fmt, Value a, Value b) {
  std::string r, sa, sb;
  if (!repr_of(obj, &r)) return nullptr;
  if (!a.is_null() && !str_of(a, &sa)) return nullptr;
  if (!b.is_null() && !str_of(b, &sb)) return nullptr;
  return err_format(g_pickling_error, fmt, r.c_str(), sa.c_str(), sb.c_str());
}

int save_global(P& p, Value obj, Value name) {
  Ref<> global_name;
  if (!name.is_null()) {
    global_name = Ref<>::borrow(name);
  } else {
    global_name = getattr_opt(obj, Value(ids::__qualname__));
    if (!global_name) {
      if (err_occurred()) return -1;
      global_name = getattr(obj, Value(ids::__name__));
      if (!global_name) return -1;
    }
  }
  std::vector<Ref<>> parts;
  if (!dotted_path(global_name.val(), &parts)) return -1;
  Ref<> module_name = whichmodule(obj, parts);
  if (!module_name) return -1;
  Ref<> module;
  if (is_str(module_name.val())) {
    Ref<> imported = import_module_level(module_name.val(), Value(), Value(), 0);
    if (imported) {
      Ref<> modules = sys_modules();
      if (modules) module = getitem(modules.val(), module_name.val());
    }
  }
  if (!module) {
    err_clear();
    std::string r, m;
    if (!repr_of(obj, &r) || !repr_of(module_name.val(), &m)) return -1;
    err_format(g_pickling_error, "Can't pickle %s: import of module %s failed", r.c_str(), m.c_str());
    return -1;
  }
  Ref<> lastname = parts.back();
  Ref<> parent;
  Ref<> cls = deep_attribute(module.val(), parts, &parent);
  if (!cls) {
    err_clear();
    global_error(obj, "Can't pickle %s: attribute lookup %s on %s failed", global_name.val(), module_name.val());
    return -1;
  }
  if (cls.val() != obj) {
    global_error(obj, "Can't pickle %s: it's not the same object as %s.%s", module_name.val(), global_name.val());
    return -1;
  }
  if (p.proto >= 2) {
    // A name in copyreg's extension registry is written as its code.
    const PickleGlobals* g = pickle_globals();
    if (!g) return -1;
    Ref<Tuple> key = tuple_pack({module_name.val(), global_name.val()});
    if (!key) return -1;
    Ref<> code_obj;
    int r = dict_get_item(g->extension_registry, key.val(), &code_obj);
    if (r < 0) return -1;
    if (r > 0) {
      if (!is_int(code_obj.val())) {
        std::string ro, rc;
        if (!repr_of(obj, &ro) || !repr_of(code_obj.val(), &rc)) return -1;
        err_format(g_pickling_error, "Can't pickle %s: extension code %s isn't an integer", ro.c_str(), rc.c_str());
        return -1;
      }
      int64_t code;
      if (!to_int64(code_obj.val(), &code)) return -1;
      if (code <= 0 || code > 0x7fffffffLL) {
        std::string ro;
        if (!repr_of(obj, &ro)) return -1;
        err_format(g_pickling_error, "Can't pickle %s: extension code %lld is out of range", ro.c_str(),
                   static_cast<long long>(code));
        return -1;
      }
      char buf[5];
      if (code <= 0xff) {
        buf[0] = static_cast<char>(kOp_EXT1);
        buf[1] = static_cast<char>(code);
        put(p, buf, 2);
      } else if (code <= 0xffff) {
        buf[0] = static_cast<char>(kOp_EXT2);
        put_le(buf + 1, static_cast<uint64_t>(code), 2);
        put(p, buf, 3);
      } else {
        buf[0] = static_cast<char>(kOp_EXT4);
        put_le(buf + 1, static_cast<uint64_t>(code), 4);
        put(p, buf, 5);
      }
      return 0;
    }
  }
  if (parent.val() == module.val()) global_name = lastname;
  if (p.proto >= 4) {
    if (save(p, module_name.val(), false) < 0 || save(p, global_name.val(), false) < 0) return -1;
    put1(p, kOp_STACK_GLOBAL);
  } else if (parent.val() != module.val()) {
    // A nested name before protocol 4: getattr(parent, last part).
    const PickleGlobals* g = pickle_globals();
    if (!g) return -1;
    Ref<Tuple> args = tuple_pack({parent.val(), lastname.val()});
    if (!args) return -1;
    Ref<Tuple> rv = tuple_pack({g->getattr_fn, args.val()});
    if (!rv || save_reduce(p, rv.val(), Value()) < 0) return -1;
  } else {
    put1(p, kOp_GLOBAL);
    if (p.proto < 3 && p.fix_imports && fix_imports(&module_name, &global_name) < 0) return -1;
    if (!encode_identifier(p, module_name.val(), "module") || !encode_identifier(p, global_name.val(), "global"))
      return -1;
  }
  return memo_put(p, obj);
}

// type(None), type(...) and type(NotImplemented) are not attributes of
// builtins: reduce them to type(the singleton).
int save_type(P& p, Value obj) {
  Value singleton;
  if (obj.obj() == &g_none_type) singleton = none();
  else if (obj.obj() == &g_ellipsis_type) singleton = Value(&g_ellipsis);
  else if (obj.obj() == &g_not_implemented_type) singleton = not_implemented();
  else return save_global(p, obj, Value());
  Ref<Tuple> args = tuple_pack({singleton});
  if (!args) return -1;
  Ref<Tuple> rv = tuple_pack({Value(static_cast<Object*>(&g_type_type)), args.val()});
  if (!rv) return -1;
  return save_reduce(p, rv.val(), obj);
}

// --- reduce -------------------------------------------------------------------------------------

bool is_iterator(Value v) { return type_of(v)->tp_iternext != nullptr; }

int save_reduce(P& p, Value args, Value obj) {
  int64_t size = tuple_size(args);
  if (size < 2 || size > 6) {
    pickling_error("tuple returned by __reduce__ must contain 2 through 6 elements");
    return -1;
  }
  Value callable_v = tuple_item(args, 0), argtup = tuple_item(args, 1);
  Value state = size > 2 ? tuple_item(args, 2) : Value();
  Value listitems = size > 3 ? tuple_item(args, 3) : Value();
  Value dictitems = size > 4 ? tuple_item(args, 4) : Value();
  Value state_setter = size > 5 ? tuple_item(args, 5) : Value();
  if (!callable(callable_v)) {
    pickling_error("first item of the tuple returned by __reduce__ must be callable");
    return -1;
  }
  if (!is_tuple(argtup)) {
    pickling_error("second item of the tuple returned by __reduce__ must be a tuple");
    return -1;
  }
  if (!state.is_null() && is_none(state)) state = Value();
  if (!listitems.is_null() && is_none(listitems)) listitems = Value();
  if (!listitems.is_null() && !is_iterator(listitems)) {
    err_format(g_pickling_error, "fourth element of the tuple returned by __reduce__ must be an iterator, not %s",
               type_of(listitems)->name);
    return -1;
  }
  if (!dictitems.is_null() && is_none(dictitems)) dictitems = Value();
  if (!dictitems.is_null() && !is_iterator(dictitems)) {
    err_format(g_pickling_error, "fifth element of the tuple returned by __reduce__ must be an iterator, not %s",
               type_of(dictitems)->name);
    return -1;
  }
  if (!state_setter.is_null() && is_none(state_setter)) state_setter = Value();
  if (!state_setter.is_null() && !callable(state_setter)) {
    err_format(g_pickling_error, "sixth element of the tuple returned by __reduce__ must be a function, not %s",
               type_of(state_setter)->name);
    return -1;
  }

  bool use_newobj = false, use_newobj_ex = false;
  if (p.proto >= 2) {
    const PickleGlobals* g = g_globals.load(std::memory_order_acquire);
    if (g && callable_v == g->newobj) {
      use_newobj = true;
    } else if (g && callable_v == g->newobj_ex) {
      use_newobj_ex = true;
    } else {
      Ref<> name = getattr_opt(callable_v, Value(ids::__name__));
      if (!name && err_occurred()) return -1;
      if (name && is_str(name.val())) {
        std::string_view n = str_view(name.val());
        use_newobj_ex = n == "__newobj_ex__";
        use_newobj = !use_newobj_ex && n == "__newobj__";
      }
    }
  }

  if (use_newobj_ex) {
    if (tuple_size(argtup) != 3) {
      err_format(g_pickling_error, "length of the NEWOBJ_EX argument tuple must be exactly 3, not %lld",
                 static_cast<long long>(tuple_size(argtup)));
      return -1;
    }
    Value cls = tuple_item(argtup, 0), nargs = tuple_item(argtup, 1), kwargs = tuple_item(argtup, 2);
    if (!has_flag(type_of(cls), kTypeTypeSubclass)) {
      err_format(g_pickling_error, "first item from NEWOBJ_EX argument tuple must be a class, not %s",
                 type_of(cls)->name);
      return -1;
    }
    if (!is_tuple(nargs)) {
      err_format(g_pickling_error, "second item from NEWOBJ_EX argument tuple must be a tuple, not %s",
                 type_of(nargs)->name);
      return -1;
    }
    if (!is_dict(kwargs)) {
      err_format(g_pickling_error, "third item from NEWOBJ_EX argument tuple must be a dict, not %s",
                 type_of(kwargs)->name);
      return -1;
    }
    if (p.proto >= 4) {
      if (save(p, cls, false) < 0 || save(p, nargs, false) < 0 || save(p, kwargs, false) < 0) return -1;
      put1(p, kOp_NEWOBJ_EX);
    } else {
      // Protocols 2 and 3: functools.partial(cls.__new__, cls, *args,
      // **kwargs) called with no arguments.
      const PickleGlobals* g = pickle_globals();
      if (!g) return -1;
      int64_t n = tuple_size(nargs);
      Ref<Tuple> newargs = tuple_new(n + 2);
      if (!newargs) return -1;
      Ref<> cls_new = getattr(cls, Value(ids::__new__));
      if (!cls_new) return -1;
      tuple_init_item(newargs.get(), 0, std::move(cls_new));
      tuple_init_item(newargs.get(), 1, Ref<>::borrow(cls));
      for (int64_t i = 0; i < n; i++) tuple_init_item(newargs.get(), i + 2, Ref<>::borrow(tuple_item(nargs, i)));
      Ref<> partial = call_tuple_dict(g->partial, newargs.val(), kwargs);
      if (!partial) return -1;
      Ref<Tuple> empty = tuple_new(0);
      if (!empty) return -1;
      if (save(p, partial.val(), false) < 0 || save(p, empty.val(), false) < 0) return -1;
      put1(p, kOp_REDUCE);
    }
  } else if (use_newobj) {
    if (tuple_size(argtup) < 1) {
      pickling_error("__newobj__ arglist is empty");
      return -1;
    }
    Value cls = tuple_item(argtup, 0);
    if (!has_flag(type_of(cls), kTypeTypeSubclass)) {
      pickling_error("args[0] from __newobj__ args is not a type");
      return -1;
    }
    if (!obj.is_null()) {
      Ref<> klass = getattr(obj, Value(ids::__class__));
      if (!klass) return -1;
      if (klass.val() != cls) {
        pickling_error("args[0] from __newobj__ args has the wrong class");
        return -1;
      }
    }
    if (save(p, cls, false) < 0) return -1;
    int64_t n = tuple_size(argtup);
    Ref<Tuple> rest = tuple_new(n - 1);
    if (!rest) return -1;
    for (int64_t i = 1; i < n; i++) tuple_init_item(rest.get(), i - 1, Ref<>::borrow(tuple_item(argtup, i)));
    if (save(p, rest.val(), false) < 0) return -1;
    put1(p, kOp_NEWOBJ);
  } else {
    if (save(p, callable_v, false) < 0 || save(p, argtup, false) < 0) return -1;
    put1(p, kOp_REDUCE);
  }

  // obj is null when there is nothing to memoize (a nested global's
  // getattr reduce). If the object got into the memo while its arguments
  // were saved, it is recursive: drop what was built and fetch it.
  if (!obj.is_null()) {
    if (p.memo.find(obj)) {
      put1(p, kOp_POP);
      return memo_get(p, obj);
    }
    if (memo_put(p, obj) < 0) return -1;
  }
  if (!listitems.is_null() && batch_list(p, listitems) < 0) return -1;
  if (!dictitems.is_null() && batch_dict(p, dictitems) < 0) return -1;
  if (!state.is_null()) {
    if (state_setter.is_null()) {
      if (save(p, state, false) < 0) return -1;
      put1(p, kOp_BUILD);
    } else {
      // state_setter(obj, state), its result dropped.
      if (save(p, state_setter, false) < 0 || save(p, obj, false) < 0 || save(p, state, false) < 0) return -1;
      put1(p, kOp_TUPLE2);
      put1(p, kOp_REDUCE);
      put1(p, kOp_POP);
    }
  }
  return 0;
}

// persistent_id(obj): 1 when it gave an id (written), 0 for None, -1 on error.
int save_pers(P& p, Value obj) {
  Ref<> fn = Ref<>::borrow(p.pers_func);
  Ref<> pid = p.pers_func_bound ? call2(fn.val(), p.self, obj) : call1(fn.val(), obj);
  if (!pid) return -1;
  if (is_none(pid.val())) return 0;
  if (p.bin) {
    if (save(p, pid.val(), true) < 0) return -1;
    put1(p, kOp_BINPERSID);
    return 1;
  }
  Ref<> text = str(pid.val());
  if (!text) return -1;
  if (!text.val().as<Str>()->ascii) {
    pickling_error("persistent IDs in protocol 0 must be ASCII strings");
    return -1;
  }
  std::string_view s = str_view(text.val());
  put1(p, kOp_PERSID);
  put(p, s.data(), s.size());
  put1(p, '\n');
  return 1;
}

// Objects with no opcode of their own: reducer_override, classes and
// functions by name, then the dispatch table, __reduce_ex__ or __reduce__.
int save_reduced(P& p, Value obj, Type* t) {
  Ref<> reduce_value;
  if (!p.reducer_override.is_null()) {
    Ref<> ro = Ref<>::borrow(p.reducer_override);
    reduce_value = call1(ro.val(), obj);
    if (!reduce_value) return -1;
    if (reduce_value.val() == not_implemented()) reduce_value = nullptr;
  }
  if (!reduce_value) {
    if (t == &g_type_type) return save_type(p, obj);
    if (t == &g_function_type) return save_global(p, obj, Value());
    Ref<> reduce_func;
    if (p.dispatch_table.is_null()) {
      const PickleGlobals* g = pickle_globals();
      if (!g) return -1;
      if (dict_get_item(g->dispatch_table, Value(static_cast<Object*>(t)), &reduce_func) < 0) return -1;
    } else {
      Ref<> table = Ref<>::borrow(p.dispatch_table);
      reduce_func = getitem(table.val(), Value(static_cast<Object*>(t)));
      if (!reduce_func) {
        if (!err_matches(g_KeyError)) return -1;
        err_clear();
      }
    }
    if (reduce_func) {
      reduce_value = call1(reduce_func.val(), obj);
    } else if (has_flag(t, kTypeTypeSubclass)) {
      return save_global(p, obj, Value());
    } else {
      static Value reduce_ex_name = interned("__reduce_ex__");
      static Value reduce_name = interned("__reduce__");
      reduce_func = getattr_opt(obj, reduce_ex_name);
      if (reduce_func) {
        reduce_value = call1(reduce_func.val(), Value::small(p.proto));
      } else {
        if (err_occurred()) return -1;
        reduce_func = getattr_opt(obj, reduce_name);
        if (reduce_func) {
          reduce_value = call0(reduce_func.val());
        } else {
          if (err_occurred()) return -1;
          std::string r;
          if (!repr_of(obj, &r)) return -1;
          err_format(g_pickling_error, "can't pickle '%s' object: %s", t->name, r.c_str());
          return -1;
        }
      }
    }
    if (!reduce_value) return -1;
  }
  if (is_str(reduce_value.val())) return save_global(p, obj, reduce_value.val());
  if (!is_tuple(reduce_value.val())) {
    pickling_error("__reduce__ must return a string or tuple");
    return -1;
  }
  return save_reduce(p, reduce_value.val(), obj);
}

int save(P& p, Value obj, bool pers_save) {
  if (opcode_boundary(p) < 0) return -1;
  if (!pers_save && !p.pers_func.is_null()) {
    int r = save_pers(p, obj);
    if (r != 0) return r < 0 ? -1 : 0;
  }
  if (obj.is_small()) return save_small_long(p, obj.small_value());
  Type* t = type_of(obj);
  // Atoms: never memoized.
  if (is_none(obj)) {
    put1(p, kOp_NONE);
    return 0;
  }
  if (t == &g_bool_type) {
    bool b = obj == true_value();
    if (p.proto >= 2) {
      put1(p, b ? kOp_NEWTRUE : kOp_NEWFALSE);
    } else {
      put(p, b ? "I01\n" : "I00\n", 4);
    }
    return 0;
  }
  if (t == &g_int_type) return save_long(p, obj);
  if (t == &g_float_type) return save_float(p, float_value(obj));
  if (const PickleMemo::Entry* e = p.memo.find(obj)) return memo_get_index(p, e->index);
  if (t == &g_bytes_type) return save_bytes(p, obj);
  if (t == &g_str_type) return save_str(p, obj);
  SaveDepth depth;
  if (!depth.ok) return -1;
  if (t == &g_dict_type) return save_dict(p, obj);
  if (t == &g_set_type) return save_set(p, obj);
  if (t == &g_frozenset_type) return save_frozenset(p, obj);
  if (t == &g_list_type) return save_list(p, obj);
  if (t == &g_tuple_type) return save_tuple(p, obj);
  if (t == &g_bytearray_type) return save_bytearray(p, obj);
  if (t == &g_pickle_buffer_type) return save_picklebuffer(p, obj);
  return save_reduced(p, obj, t);
}

// One whole pickle: PROTO, the object, STOP, into p.out.
int dump(P& p, Value obj) {
  if (p.proto >= 2) {
    char h[2] = {static_cast<char>(kOp_PROTO), static_cast<char>(p.proto)};
    put(p, h, 2);
    if (p.proto >= 4) p.framing = true;
  }
  int r = save(p, obj, false);
  if (r == 0) {
    put1(p, kOp_STOP);
    commit_frame(p);
  }
  p.framing = false;
  p.frame_start = -1;
  return r;
}

}  // namespace

int pickler_run(PicklerState& p, Value obj) { return dump(p, obj); }
int pickler_flush(PicklerState& p) { return flush_to_file(p); }

}  // namespace ftpy
