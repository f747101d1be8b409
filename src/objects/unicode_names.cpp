// Unicode character names (unicode_names.h). The generated tables list each
// named character once, its name as a run of word numbers; ideographs and
// Hangul syllables have names computed from the code point.
#include "objects/unicode_names.h"

#include <algorithm>
#include <mutex>
#include <unordered_map>

namespace ftpy {

namespace {

struct UniNameEntry {
  uint32_t cp;
  uint32_t first;  // index of the name's first word in kUniNameWords
};
struct UniRange {
  uint32_t first, last;
  uint8_t kind;  // kRangeCjk, kRangeTangut or kRangeHangul; in kUniEastAsianWidth the width code
};
struct UniAlias {
  const char* name;
  uint32_t cp;
};
struct UniNumeric {
  uint32_t cp;
  UnicodeNumeric value;
};
struct UniDecomposition {
  uint32_t cp;
  const char* text;
};
enum { kRangeCjk = 0, kRangeTangut = 1, kRangeHangul = 2 };

#include "unicode_names_data.inc"

// Hangul syllable names are "HANGUL SYLLABLE " + the short names of the
// leading consonant, vowel and trailing consonant (Unicode §3.12).
constexpr uint32_t kHangulBase = 0xAC00, kVowels = 21, kTrails = 28;
const char* const kLead[] = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S",
                             "SS", "", "J", "JJ", "C", "K", "T", "P", "H"};
const char* const kVowel[] = {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE",
                              "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
const char* const kTrail[] = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT",
                              "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"};

std::string hangul_name(uint32_t cp) {
  uint32_t s = cp - kHangulBase;
  std::string n = "HANGUL SYLLABLE ";
  n += kLead[s / (kVowels * kTrails)];
  n += kVowel[(s % (kVowels * kTrails)) / kTrails];
  n += kTrail[s % kTrails];
  return n;
}

std::string hex_suffix(uint32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04X", cp);
  return buf;
}

constexpr size_t kNumNames = sizeof(kUniNames) / sizeof(kUniNames[0]) - 1;  // last is a sentinel

std::string entry_name(size_t i) {
  std::string n;
  for (uint32_t w = kUniNames[i].first; w < kUniNames[i + 1].first; w++) {
    if (!n.empty()) n += ' ';
    n += kUniWords + kUniWordStart[kUniNameWords[w]];
  }
  return n;
}

struct NameIndex {
  std::unordered_map<std::string, uint32_t> names, aliases;
};

const NameIndex& name_index() {
  static NameIndex index;
  static std::once_flag once;
  std::call_once(once, [] {
    index.names.reserve(kNumNames);
    for (size_t i = 0; i < kNumNames; i++) index.names.emplace(entry_name(i), kUniNames[i].cp);
    for (const UniAlias& a : kUniAliases) index.aliases.emplace(a.name, a.cp);
  });
  return index;
}

// Parse the hex code point after an algorithmic-name prefix.
int32_t ranged_code(std::string_view rest, uint8_t kind) {
  if (rest.size() < 4 || rest.size() > 5) return -1;
  uint32_t v = 0;
  for (char c : rest) {
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) return -1;
    v = v * 16 + static_cast<uint32_t>(d);
  }
  for (const UniRange& r : kUniRanges)
    if (r.kind == kind && v >= r.first && v <= r.last) return static_cast<int32_t>(v);
  return -1;
}

}  // namespace

bool unicode_char_name(uint32_t cp, std::string* out) {
  for (const UniRange& r : kUniRanges) {
    if (cp < r.first || cp > r.last) continue;
    if (r.kind == kRangeHangul) *out = hangul_name(cp);
    else *out = (r.kind == kRangeCjk ? "CJK UNIFIED IDEOGRAPH-" : "TANGUT IDEOGRAPH-") + hex_suffix(cp);
    return true;
  }
  const UniNameEntry* end = kUniNames + kNumNames;
  const UniNameEntry* e =
      std::lower_bound(kUniNames, end, cp, [](const UniNameEntry& a, uint32_t c) { return a.cp < c; });
  if (e == end || e->cp != cp) return false;
  *out = entry_name(static_cast<size_t>(e - kUniNames));
  return true;
}

int32_t unicode_lookup_name(std::string_view name, bool with_aliases) {
  // Algorithmic names match in upper case only (as CPython); the others
  // ignore case.
  std::string_view u = name;
  constexpr std::string_view kCjk = "CJK UNIFIED IDEOGRAPH-", kTangut = "TANGUT IDEOGRAPH-",
                             kHangul = "HANGUL SYLLABLE ";
  if (u.starts_with(kCjk)) return ranged_code(u.substr(kCjk.size()), kRangeCjk);
  if (u.starts_with(kTangut)) return ranged_code(u.substr(kTangut.size()), kRangeTangut);
  if (u.starts_with(kHangul)) {
    for (uint32_t s = 0; s < 19 * kVowels * kTrails; s++)
      if (hangul_name(kHangulBase + s) == u) return static_cast<int32_t>(kHangulBase + s);
    return -1;
  }
  std::string upper(name);
  for (char& c : upper)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  const NameIndex& index = name_index();
  auto it = index.names.find(upper);
  if (it != index.names.end()) return static_cast<int32_t>(it->second);
  if (with_aliases) {
    it = index.aliases.find(upper);
    if (it != index.aliases.end()) return static_cast<int32_t>(it->second);
  }
  return -1;
}

const UnicodeNumeric* unicode_numeric(uint32_t cp) {
  const UniNumeric* end = kUniNumerics + sizeof(kUniNumerics) / sizeof(kUniNumerics[0]);
  const UniNumeric* e =
      std::lower_bound(kUniNumerics, end, cp, [](const UniNumeric& a, uint32_t c) { return a.cp < c; });
  return e != end && e->cp == cp ? &e->value : nullptr;
}

const char* unicode_decomposition(uint32_t cp) {
  const UniDecomposition* end = kUniDecompositions + sizeof(kUniDecompositions) / sizeof(kUniDecompositions[0]);
  const UniDecomposition* e = std::lower_bound(kUniDecompositions, end, cp,
                                               [](const UniDecomposition& a, uint32_t c) { return a.cp < c; });
  return e != end && e->cp == cp ? e->text : "";
}

const char* unicode_east_asian_width(uint32_t cp) {
  static const char* const kNames[] = {"N", "A", "F", "H", "Na", "W"};
  const UniRange* end = kUniEastAsianWidth + sizeof(kUniEastAsianWidth) / sizeof(kUniEastAsianWidth[0]);
  // The last range starting at or before cp.
  const UniRange* r =
      std::upper_bound(kUniEastAsianWidth, end, cp, [](uint32_t c, const UniRange& a) { return c < a.first; });
  if (r == kUniEastAsianWidth) return kNames[0];
  --r;
  return cp <= r->last ? kNames[r->kind] : kNames[0];
}

const char* unicode_names_version() { return kUniVersion; }

}  // namespace ftpy
