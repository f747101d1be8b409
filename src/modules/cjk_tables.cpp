// The CJK codecs' tables (see cjk_tables.h). Only this file sees the
// generated data (build/generated/cjk_tables_data.inc).
#include "modules/cjk_tables.h"

#include <algorithm>
#include <memory>
#include <mutex>

namespace ftpy::cjk {

namespace {
#include "cjk_tables_data.inc"

constexpr int kStatelessCount = sizeof(kStatelessTables) / sizeof(kStatelessTables[0]);

// The encoder map of one codec, built at its first encode.
struct EncodeMap {
  std::vector<uint16_t> bmp;                          // 65536 codes
  std::vector<std::pair<uint32_t, uint32_t>> astral;  // sorted (code point, code)
};

std::once_flag g_once[kStatelessCount];
std::unique_ptr<EncodeMap> g_maps[kStatelessCount];

void walk(const StatelessTables& t, uint32_t r, uint32_t prefix[3], int depth, EncodeMap* m) {
  for (uint32_t b = 0; b < 256; b++) {
    uint32_t e = row_entry(t, r, static_cast<uint8_t>(b));
    prefix[depth] = b;
    if (e >= kRowBase && e < kRowBase + kRowMax) {
      if (depth < 2) walk(t, e - kRowBase, prefix, depth + 1, m);
      continue;
    }
    if (e >= kErrBase && e < 0xE000) continue;
    uint32_t cp = e;
    if (e >= kExtraBase && e < kExtraBase + kExtraMax) {
      if (t.extras[2 * (e - kExtraBase) + 1] != 0) continue;
      cp = t.extras[2 * (e - kExtraBase)];
    }
    uint32_t code = depth == 0   ? prefix[0]
                    : depth == 1 ? (prefix[0] << 8 | prefix[1])
                                 : ((prefix[1] & 0x7F) << 8 | (prefix[2] & 0x7F));
    if (cp < 0x10000) {
      if (m->bmp[cp] == kUnmapped) m->bmp[cp] = static_cast<uint16_t>(code);
    } else {
      m->astral.emplace_back(cp, code);
    }
  }
}

void build(int codec) {
  const StatelessTables& t = kStatelessTables[codec];
  auto m = std::make_unique<EncodeMap>();
  m->bmp.assign(0x10000, kUnmapped);
  uint32_t prefix[3];
  walk(t, 0, prefix, 0, m.get());
  for (uint32_t i = 0; i < t.n_gb4; i++) {
    for (uint32_t cp = t.gb4[3 * i]; cp < t.gb4[3 * i] + t.gb4[3 * i + 2] && cp < 0x10000; cp++) {
      if (m->bmp[cp] == kUnmapped) m->bmp[cp] = kGb4Enc;
    }
  }
  if (t.n_makeup) {
    for (uint32_t cp = 0xAC00; cp <= 0xD7A3; cp++) {
      if (m->bmp[cp] == kUnmapped) m->bmp[cp] = kKrMakeupEnc;
    }
  }
  // The first code in byte order wins, as the generator assumed.
  std::stable_sort(m->astral.begin(), m->astral.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  m->astral.erase(std::unique(m->astral.begin(), m->astral.end(),
                              [](const auto& a, const auto& b) { return a.first == b.first; }),
                  m->astral.end());
  for (uint32_t i = 0; i < t.n_exceptions; i++) {
    uint32_t cp = t.exceptions[2 * i], code = t.exceptions[2 * i + 1];
    if (cp < 0x10000) {
      m->bmp[cp] = static_cast<uint16_t>(code);
      continue;
    }
    auto it = std::lower_bound(m->astral.begin(), m->astral.end(), std::make_pair(cp, 0u),
                               [](const auto& a, const auto& b) { return a.first < b.first; });
    if (it != m->astral.end() && it->first == cp) {
      it->second = code;
    } else {
      m->astral.insert(it, {cp, code});
    }
  }
  g_maps[codec] = std::move(m);
}

constexpr int kCharsetCount = sizeof(kCharsets) / sizeof(kCharsets[0]);

// A character set's inverse, built at its first encode.
struct CharsetMap {
  std::vector<uint16_t> bmp;                          // 65536 codes, 0 = none
  std::vector<std::pair<uint32_t, uint32_t>> astral;  // sorted (code point, code)
};
std::once_flag g_cs_once[kCharsetCount];
std::unique_ptr<CharsetMap> g_cs_maps[kCharsetCount];

void build_charset(int cs) {
  const CharsetTable& t = kCharsets[cs];
  auto m = std::make_unique<CharsetMap>();
  m->bmp.assign(0x10000, 0);
  int n = t.width == 1 ? 94 : 94 * 94;
  for (int k = 0; k < n; k++) {
    uint32_t e = t.table[k];
    if (e == 0) continue;
    if (e >= kExtraBase && e < kExtraBase + kExtraMax) {
      if (kCsExtras[2 * (e - kExtraBase) + 1] != 0) continue;  // a pair: see Iso2022Codec::pairs
      e = kCsExtras[2 * (e - kExtraBase)];
    }
    uint32_t code = t.width == 1 ? 0x21 + k : (0x21 + k / 94) << 8 | (0x21 + k % 94);
    if (e < 0x10000) {
      if (m->bmp[e] == 0) m->bmp[e] = static_cast<uint16_t>(code);
    } else {
      m->astral.emplace_back(e, code);
    }
  }
  std::stable_sort(m->astral.begin(), m->astral.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  g_cs_maps[cs] = std::move(m);
}

}  // namespace

int iso2022_count() { return sizeof(kIso2022Codecs) / sizeof(kIso2022Codecs[0]); }
const Iso2022Codec& iso2022(int i) { return kIso2022Codecs[i]; }
const uint16_t* iso8859_7() { return kIso8859_7; }

uint32_t charset_encode(int cs, uint32_t cp) {
  std::call_once(g_cs_once[cs], build_charset, cs);
  const CharsetMap& m = *g_cs_maps[cs];
  if (cp < 0x10000) return m.bmp[cp];
  auto it = std::lower_bound(m.astral.begin(), m.astral.end(), std::make_pair(cp, 0u),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
  return it != m.astral.end() && it->first == cp ? it->second : 0;
}

int stateless_count() { return kStatelessCount; }
const StatelessTables& stateless(int i) { return kStatelessTables[i]; }
const uint16_t* dec_pool() { return kDecPool; }
int charset_count() { return sizeof(kCharsets) / sizeof(kCharsets[0]); }
const CharsetTable& charset(int i) { return kCharsets[i]; }
const uint32_t* charset_extras() { return kCsExtras; }

uint32_t encode_lookup(int codec, uint32_t cp) {
  std::call_once(g_once[codec], build, codec);
  const EncodeMap& m = *g_maps[codec];
  if (cp < 0x10000) return m.bmp[cp];
  auto it = std::lower_bound(m.astral.begin(), m.astral.end(), std::make_pair(cp, 0u),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
  if (it != m.astral.end() && it->first == cp) {
    uint32_t code = it->second;
    return code == kUnmapped ? kUnmapped : code;
  }
  return kUnmapped;
}

}  // namespace ftpy::cjk
