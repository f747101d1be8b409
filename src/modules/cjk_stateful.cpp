// The stateful CJK codecs (see cjk_stateful.h). HZ (RFC 1843) is here;
// the ISO-2022 family is in cjk_iso2022.cpp.
//
// HZ: ASCII text in which "~{" switches to GB2312 (pairs of bytes
// 0x21-0x7e, the EUC-CN code with the high bits cleared) and "~}" back;
// "~~" is a tilde and "~\n" a line continuation. State: 1 = in GB2312.
// Thread safety: no mutable state; the GB2312 table is gb2312's
// (immutable rows, encoder map built under std::call_once).
#include "modules/cjk_stateful.h"

#include <cstring>

#include "modules/cjk_tables.h"

namespace ftpy::cjk {

namespace {

int gb2312_index() {
  static const int idx = [] {
    for (int i = 0; i < stateless_count(); i++) {
      if (std::strcmp(stateless(i).name, "gb2312") == 0) return i;
    }
    return -1;
  }();
  return idx;
}

// The GB2312 character of the pair (c1, c2), both 7-bit, or 0.
uint32_t gb2312_pair(uint8_t c1, uint8_t c2) {
  const StatelessTables& t = stateless(gb2312_index());
  uint32_t e = row_entry(t, 0, static_cast<uint8_t>(c1 | 0x80));
  if (e < kRowBase || e >= kRowBase + kRowMax) return 0;
  e = row_entry(t, e - kRowBase, static_cast<uint8_t>(c2 | 0x80));
  if (e >= 0xD800 && e < 0xE000) return 0;
  return e;
}

DecodeResult hz_decode(const uint8_t* p, int64_t n, int64_t pos, bool final, int64_t* state, std::u32string* out) {
  DecodeResult r;
  int64_t i = pos;
  auto fail = [&](int64_t len, bool incomplete) {
    r.pos = i;
    r.err_start = i;
    r.err_end = incomplete ? n : i + len;
    r.reason = incomplete ? "incomplete multibyte sequence" : "illegal multibyte sequence";
    return r;
  };
  while (i < n) {
    uint8_t c = p[i];
    if (c == '~') {
      if (i + 1 >= n) {
        if (!final) break;
        return fail(0, true);
      }
      uint8_t c2 = p[i + 1];
      if (*state == 0 && c2 == '~') {
        out->push_back('~');
      } else if (*state == 0 && c2 == '{') {
        *state = 1;
      } else if (*state == 0 && c2 == '\n') {
        // line continuation
      } else if (*state == 1 && c2 == '}') {
        *state = 0;
      } else {
        return fail(1, false);
      }
      i += 2;
      continue;
    }
    if (c & 0x80) return fail(1, false);
    if (*state == 0) {
      out->push_back(c);
      i++;
      continue;
    }
    if (i + 1 >= n) {
      if (!final) break;
      return fail(0, true);
    }
    uint32_t ch = gb2312_pair(c, p[i + 1]);
    if (ch == 0) return fail(1, false);
    out->push_back(ch);
    i += 2;
  }
  r.pos = i;
  return r;
}

EncodeResult hz_encode(const Str* s, int64_t pos, bool final, int64_t* state, std::string* out) {
  EncodeResult r;
  int64_t i = pos;
  for (; i < s->length; i++) {
    uint32_t c = s->at(i);
    if (c < 0x80) {
      if (*state) {
        out->append("~}");
        *state = 0;
      }
      if (c == '~') out->push_back('~');
      out->push_back(static_cast<char>(c));
      continue;
    }
    uint32_t code = encode_lookup(gb2312_index(), c);
    if (code < 0xA1A1 || code > 0xFEFE) {
      r.pos = i;
      r.err_start = i;
      r.err_end = i + 1;
      return r;
    }
    if (!*state) {
      out->append("~{");
      *state = 1;
    }
    out->push_back(static_cast<char>((code >> 8) & 0x7F));
    out->push_back(static_cast<char>(code & 0x7F));
  }
  if (final && *state) {
    out->append("~}");
    *state = 0;
  }
  r.pos = i;
  return r;
}

}  // namespace

// Stateful codec 0 is HZ, 1.. the ISO-2022 family.
int stateful_count() { return 1 + iso2022_count(); }

int stateful_index(std::string_view name) {
  if (name == "hz") return 0;
  int k = iso2022_index(name);
  return k < 0 ? -1 : 1 + k;
}

DecodeResult stateful_decode(int codec, const uint8_t* p, int64_t n, int64_t pos, bool final, int64_t* state,
                             std::u32string* out) {
  if (codec > 0) return iso2022_decode(codec - 1, p, n, pos, final, state, out);
  return hz_decode(p, n, pos, final, state, out);
}

EncodeResult stateful_encode(int codec, const Str* s, int64_t pos, bool final, int64_t* state, std::string* out) {
  if (codec > 0) return iso2022_encode(codec - 1, s, pos, final, state, out);
  return hz_encode(s, pos, final, state, out);
}

int64_t stateful_initial_state(int codec, bool decoder) { return codec > 0 ? iso2022_initial_state(decoder) : 0; }

int64_t stateful_decoder_reset(int codec, int64_t state) { return codec > 0 ? iso2022_decoder_reset(state) : 0; }

}  // namespace ftpy::cjk
