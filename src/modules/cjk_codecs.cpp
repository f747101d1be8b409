// _ftpy_cjk: the engine under lib/_multibytecodec.py (CPython's CJK codecs:
// shift_jis, euc_kr, gb18030, big5hkscs, iso2022_jp, hz, ...).
//
// encode/decode run one codec over a str or bytes from a position until the
// input ends, more input is needed (an incomplete sequence, or a character
// that may combine with the next one) or a character/byte sequence cannot
// be converted; they return what they made and where they stopped, and the
// Python layer applies the error handler and calls again. Codec state (the
// ISO-2022 designations and shift, HZ's mode) is an int passed in and
// returned, so the engine keeps nothing between calls.
//
// Thread safety: no mutable state here; the tables are immutable or built
// once under std::call_once (cjk_tables.cpp).
#include <algorithm>
#include <cstring>
#include <string>

#include "modules/cjk_stateful.h"
#include "modules/cjk_tables.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace ftpy {

namespace cjk {

namespace {

// gb18030's four-byte linear index -> code point (0 = none).
uint32_t gb4_decode(const StatelessTables& t, uint32_t idx) {
  uint32_t lo = 0, hi = t.n_gb4;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if (t.gb4[3 * mid + 1] + t.gb4[3 * mid + 2] <= idx) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < t.n_gb4 && t.gb4[3 * lo + 1] <= idx) return t.gb4[3 * lo] + (idx - t.gb4[3 * lo + 1]);
  return 0;
}

uint32_t gb4_index(const StatelessTables& t, uint32_t cp) {
  if (cp >= 0x10000) return 189000 + (cp - 0x10000);
  for (uint32_t i = 0; i < t.n_gb4; i++) {
    if (cp >= t.gb4[3 * i] && cp < t.gb4[3 * i] + t.gb4[3 * i + 2]) return t.gb4[3 * i + 1] + (cp - t.gb4[3 * i]);
  }
  return 0;
}

}  // namespace

DecodeResult stateless_decode(int codec, const uint8_t* p, int64_t n, int64_t pos, bool final,
                              std::u32string* out) {
  const StatelessTables& t = stateless(codec);
  DecodeResult r;
  int64_t i = pos;
  while (i < n) {
    if (p[i] < 0x80 && row_entry(t, 0, p[i]) == p[i]) {  // ASCII
      out->push_back(p[i++]);
      continue;
    }
    uint32_t row = 0;
    int64_t j = i;
    uint32_t e;
    for (;;) {
      if (j >= n) {
        e = 0;  // incomplete
        break;
      }
      e = row_entry(t, row, p[j++]);
      if (e >= kRowBase && e < kRowBase + kRowMax) {
        row = e - kRowBase;
        continue;
      }
      break;
    }
    if (e == kGb4 || e == kKrMakeup) {
      int64_t need = e == kGb4 ? 4 : 8;
      if (i + need > n) {
        e = 0;
      } else if (e == kGb4) {
        uint8_t c = p[i + 2], d = p[i + 3];
        uint32_t cp = 0;
        if (c >= 0x81 && c <= 0xFE && d >= 0x30 && d <= 0x39) {
          uint32_t idx = (((p[i] - 0x81) * 10 + (p[i + 1] - 0x30)) * 126 + (c - 0x81)) * 10 + (d - 0x30);
          cp = gb4_decode(t, idx);
        }
        if (cp == 0) {
          e = kErrBase + 1;
        } else {
          out->push_back(cp);
          i += 4;
          continue;
        }
      } else {
        const uint8_t* m = t.makeup;
        uint32_t cho = m[p[i + 3]], jung = m[256 + p[i + 5]], jong = m[512 + p[i + 7]];
        if (p[i + 2] == 0xA4 && p[i + 4] == 0xA4 && p[i + 6] == 0xA4 && cho != 0xFF && jung != 0xFF &&
            jong != 0xFF) {
          out->push_back(0xAC00 + cho * 588 + jung * 28 + jong);
          i += 8;
          continue;
        }
        e = kErrBase + 1;
      }
    }
    if (e == 0) {  // ran out of input inside a sequence
      if (!final) break;
      r.err_start = i;
      r.err_end = n;
      r.reason = "incomplete multibyte sequence";
      r.pos = i;
      return r;
    }
    if (e >= kErrBase && e < 0xE000) {
      r.err_start = i;
      r.err_end = i + (e - kErrBase);
      r.reason = "illegal multibyte sequence";
      r.pos = i;
      return r;
    }
    if (e >= kExtraBase && e < kExtraBase + kExtraMax) {
      out->push_back(t.extras[2 * (e - kExtraBase)]);
      if (uint32_t b = t.extras[2 * (e - kExtraBase) + 1]) out->push_back(b);
    } else {
      out->push_back(e);
    }
    i = j;
  }
  r.pos = i;
  return r;
}

void put_code(uint32_t code, std::string* out) {
  if (code < 0x100) {
    out->push_back(static_cast<char>(code));
  } else if (code >= 0x2121 && code <= 0x7E7E) {
    out->push_back(static_cast<char>(0x8F));
    out->push_back(static_cast<char>((code >> 8) | 0x80));
    out->push_back(static_cast<char>((code & 0xFF) | 0x80));
  } else {
    out->push_back(static_cast<char>(code >> 8));
    out->push_back(static_cast<char>(code & 0xFF));
  }
}

// The code of the pair (a, b), or 0; *starts: a begins some pair.
uint32_t pair_code(const uint32_t* pairs, uint32_t n, uint32_t a, uint32_t b, bool* starts) {
  *starts = false;
  for (uint32_t k = 0; k < n; k++) {
    if (pairs[3 * k] != a) continue;
    *starts = true;
    if (pairs[3 * k + 1] == b) return pairs[3 * k + 2];
  }
  return 0;
}

EncodeResult stateless_encode(int codec, const Str* s, int64_t pos, bool final, std::string* out) {
  const StatelessTables& t = stateless(codec);
  EncodeResult r;
  int64_t n = s->length;
  int64_t i = pos;
  while (i < n) {
    uint32_t c = s->at(i);
    if (c < 0x80 && t.n_makeup == 0 && row_entry(t, 0, static_cast<uint8_t>(c)) == c) {
      out->push_back(static_cast<char>(c));
      i++;
      continue;
    }
    if (t.n_pairs) {
      bool starts;
      uint32_t code = pair_code(t.pairs, t.n_pairs, c, i + 1 < n ? s->at(i + 1) : 0, &starts);
      if (starts && i + 1 >= n && !final) break;  // the next chunk may complete a pair
      if (code) {
        put_code(code, out);
        i += 2;
        continue;
      }
    }
    uint32_t code = t.n_gb4 && c >= 0x10000 ? kGb4Enc : encode_lookup(codec, c);
    if (code == kUnmapped) {
      r.err_start = i;
      r.err_end = i + 1;
      r.pos = i;
      return r;
    }
    if (code == kGb4Enc) {
      uint32_t idx = gb4_index(t, c);
      uint8_t b[4];
      b[3] = 0x30 + idx % 10;
      idx /= 10;
      b[2] = 0x81 + idx % 126;
      idx /= 126;
      b[1] = 0x30 + idx % 10;
      b[0] = 0x81 + idx / 10;
      out->append(reinterpret_cast<char*>(b), 4);
    } else if (code == kKrMakeupEnc) {
      const uint8_t* m = t.makeup;
      uint32_t v = c - 0xAC00;
      uint32_t want[3] = {v / 588, v % 588 / 28, v % 28};
      out->append("\xA4\xD4");
      for (int k = 0; k < 3; k++) {
        int x = 0;
        while (x < 256 && m[256 * k + x] != want[k]) x++;
        out->push_back(static_cast<char>(0xA4));
        out->push_back(static_cast<char>(x));
      }
    } else {
      put_code(code, out);
    }
    i++;
  }
  r.pos = i;
  return r;
}

}  // namespace cjk

namespace {

using namespace cjk;

// The codec's index: stateless codecs first, then the stateful ones.
Ref<> cjk_lookup(Value, Value* args) {
  if (!is_str(args[0])) return err_set_str(g_TypeError, "lookup() argument must be str");
  std::string_view name = str_view(args[0]);
  for (int i = 0; i < stateless_count(); i++) {
    if (name == stateless(i).name) return Ref<>::steal(Value::small(i));
  }
  int k = stateful_index(name);
  if (k >= 0) return Ref<>::steal(Value::small(stateless_count() + k));
  return Ref<>::steal(Value::small(-1));
}

bool codec_arg(Value v, int* out) {
  int64_t i;
  if (!to_int64(v, &i)) return false;
  if (i < 0 || i >= stateless_count() + stateful_count()) {
    err_set_str(g_ValueError, "no such codec");
    return false;
  }
  *out = static_cast<int>(i);
  return true;
}

// decode(codec, data, pos, state, final) -> (str, pos, err_start, err_end, reason, state)
Ref<> cjk_decode(Value, Value* args) {
  int codec;
  int64_t pos, state;
  if (!codec_arg(args[0], &codec) || !to_int64(args[2], &pos) || !to_int64(args[3], &state)) return nullptr;
  std::string data;
  if (!buffer_copy_or_error(args[1], &data)) return nullptr;
  if (pos < 0 || pos > static_cast<int64_t>(data.size())) return err_set_str(g_IndexError, "position out of range");
  bool final = truthy(args[4]) > 0;
  std::u32string out;
  DecodeResult r;
  const uint8_t* p = reinterpret_cast<const uint8_t*>(data.data());
  if (codec < stateless_count()) {
    r = stateless_decode(codec, p, static_cast<int64_t>(data.size()), pos, final, &out);
  } else {
    r = stateful_decode(codec - stateless_count(), p, static_cast<int64_t>(data.size()), pos, final, &state, &out);
  }
  Ref<Str> s = str_from_ucs4(reinterpret_cast<const uint32_t*>(out.data()), static_cast<int64_t>(out.size()));
  if (!s) return nullptr;
  Ref<> reason = r.reason ? Ref<>(str_from_utf8(r.reason)) : new_none();
  Ref<> st = int_from_int64(state);
  if (!reason || !st) return nullptr;
  return tuple_pack({s.val(), Value::small(r.pos), Value::small(r.err_start), Value::small(r.err_end), reason.val(),
                     st.val()});
}

// encode(codec, text, pos, state, final) -> (bytes, pos, err_start, err_end, state)
Ref<> cjk_encode(Value, Value* args) {
  int codec;
  int64_t pos, state;
  if (!codec_arg(args[0], &codec) || !to_int64(args[2], &pos) || !to_int64(args[3], &state)) return nullptr;
  if (!is_str(args[1])) return err_format(g_TypeError, "couldn't convert the object to unicode.");
  const Str* s = args[1].as<Str>();
  if (pos < 0 || pos > s->length) return err_set_str(g_IndexError, "position out of range");
  bool final = truthy(args[4]) > 0;
  std::string out;
  EncodeResult r;
  if (codec < stateless_count()) {
    r = stateless_encode(codec, s, pos, final, &out);
  } else {
    r = stateful_encode(codec - stateless_count(), s, pos, final, &state, &out);
  }
  Ref<> b = bytes_from(out);
  Ref<> st = int_from_int64(state);
  if (!b || !st) return nullptr;
  return tuple_pack({b.val(), Value::small(r.pos), Value::small(r.err_start), Value::small(r.err_end), st.val()});
}

// initial_state(codec, decoder) -> the state a new encoder/decoder starts in
Ref<> cjk_initial_state(Value, Value* args) {
  int codec;
  if (!codec_arg(args[0], &codec)) return nullptr;
  if (codec < stateless_count()) return Ref<>::steal(Value::small(0));
  return int_from_int64(stateful_initial_state(codec - stateless_count(), truthy(args[1]) > 0));
}

// decoder_reset(codec, state) -> a decoder's state after reset()
Ref<> cjk_decoder_reset(Value, Value* args) {
  int codec;
  int64_t state;
  if (!codec_arg(args[0], &codec) || !to_int64(args[1], &state)) return nullptr;
  if (codec < stateless_count()) return Ref<>::steal(Value::small(0));
  return int_from_int64(stateful_decoder_reset(codec - stateless_count(), state));
}

const MethodDef kCjkFunctions[] = {
    {"decoder_reset(codec, state, /)", cjk_decoder_reset, "A decoder's codec state after reset()."},
    {"initial_state(codec, decoder, /)", cjk_initial_state,
     "The codec state a new encoder (decoder false) or decoder starts in."},
    {"lookup(name, /)", cjk_lookup, "The engine's index of a codec name, or -1."},
    {"decode(codec, data, pos, state, final, /)", cjk_decode,
     "Decode data[pos:] until an error or the end: (str, pos, err_start, err_end, reason, state)."},
    {"encode(codec, text, pos, state, final, /)", cjk_encode,
     "Encode text[pos:] until an error or the end: (bytes, pos, err_start, err_end, state)."},
    {nullptr}};

}  // namespace

Ref<> cjk_module_create() {
  Ref<> m = module_new("_ftpy_cjk");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kCjkFunctions) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
