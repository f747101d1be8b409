// Loading a generated regular-expression program (re_program.h): opcode and
// jump checks, character classes as CharSets with CPython's ignorecase rules,
// and the character tests the matcher shares.
//
// Thread safety: program_load() fills a Program nobody else sees yet; the
// tests are pure functions (the locale ones read the C locale's tables).
#include "modules/re_program.h"

#include <algorithm>
#include <cctype>

#include "objects/unicode.h"

namespace ftpy {

namespace {

// sre's case mappings are one code point: where Unicode's full mapping is
// longer (U+00DF's upper is "SS") it takes the mapping's first code point,
// as CPython's _PyUnicode_ToUppercase does; so U+00DF counts as cased.
struct SpecialCase {
  uint32_t cp;
  uint32_t lower[3], upper[3], title[3];
};
const SpecialCase kSpecialCases[] = {
#include "objects/str_special_casing.inc"
};

const SpecialCase* find_special(uint32_t c) {
  const SpecialCase* end = kSpecialCases + sizeof(kSpecialCases) / sizeof(kSpecialCases[0]);
  const SpecialCase* it = std::lower_bound(kSpecialCases, end, c,
                                           [](const SpecialCase& a, uint32_t b) { return a.cp < b; });
  return it != end && it->cp == c ? it : nullptr;
}

uint32_t sre_lower(uint32_t c) {
  if (c >= 0xDF)
    if (const SpecialCase* sc = find_special(c)) return sc->lower[0];
  return unicode_to_lower(c);
}

uint32_t sre_upper(uint32_t c) {
  if (c >= 0xDF)
    if (const SpecialCase* sc = find_special(c)) return sc->upper[0];
  return unicode_to_upper(c);
}

// Characters that match each other under Unicode ignorecase although their
// simple lowercase forms differ (i and dotless i, s and long s, micro sign and
// mu, the Greek symbol variants, ...): the same equivalence table as CPython's
// sre_compile.
const uint32_t kEquivalences[][4] = {
    {0x69, 0x131, 0, 0},      {0x73, 0x17f, 0, 0},   {0xb5, 0x3bc, 0, 0},   {0x345, 0x3b9, 0x1fbe, 0},
    {0x390, 0x1fd3, 0, 0},    {0x3b0, 0x1fe3, 0, 0}, {0x3b2, 0x3d0, 0, 0},  {0x3b5, 0x3f5, 0, 0},
    {0x3b8, 0x3d1, 0, 0},     {0x3ba, 0x3f0, 0, 0},  {0x3c0, 0x3d6, 0, 0},  {0x3c1, 0x3f1, 0, 0},
    {0x3c2, 0x3c3, 0, 0},     {0x3c6, 0x3d5, 0, 0},  {0x1e61, 0x1e9b, 0, 0}, {0xfb05, 0xfb06, 0, 0},
};

// The characters equivalent to `c` besides itself (c already lowered); false if none.
bool ignorecase_fixes(uint32_t c, std::vector<uint32_t>* out) {
  for (const auto& row : kEquivalences) {
    bool in = false;
    for (uint32_t x : row)
      if (x && x == c) in = true;
    if (!in) continue;
    for (uint32_t x : row)
      if (x && x != c) out->push_back(x);
    return true;
  }
  return false;
}

bool unicode_iscased(uint32_t c) { return c != sre_lower(c) || c != sre_upper(c); }
bool ascii_iscased(uint32_t c) { return c < 128 && ((c | 32) >= 'a' && (c | 32) <= 'z'); }

void set_add(CharSet* s, uint32_t c) {
  if (c < 256) s->low[c >> 6] |= uint64_t{1} << (c & 63);
  else s->ranges.emplace_back(c, c);
}

void set_add_range(CharSet* s, uint32_t lo, uint32_t hi) {
  for (; lo <= hi && lo < 256; lo++) set_add(s, lo);
  if (lo <= hi) s->ranges.emplace_back(lo, hi);
}

void set_finish(CharSet* s) {
  auto& r = s->ranges;
  std::sort(r.begin(), r.end());
  std::vector<std::pair<uint32_t, uint32_t>> merged;
  for (auto& x : r) {
    if (!merged.empty() && x.first <= merged.back().second + 1) merged.back().second = std::max(merged.back().second, x.second);
    else merged.push_back(x);
  }
  r.swap(merged);
}

// Adds a lowered character and its equivalents (Unicode ignorecase).
void set_add_folded(CharSet* s, uint32_t c) {
  uint32_t lo = sre_lower(c);
  set_add(s, lo);
  std::vector<uint32_t> fixes;
  if (ignorecase_fixes(lo, &fixes))
    for (uint32_t f : fixes) set_add(s, f);
}

// Builds a class from its items (kind 0 char, 1 range, 2 category) the way
// CPython's _optimize_charset does: under ignorecase the class holds the
// lowered characters, and the subject character is lowered before the test.
bool load_set(const int64_t* w, int64_t n, bool negate, int mode, CharSet* s, std::string* error) {
  s->negate = negate;
  bool cased = false;
  for (int64_t i = 0; i < n; i++) {
    int64_t kind = w[3 * i], a = w[3 * i + 1], b = w[3 * i + 2];
    if (kind == 2) {
      s->cats.push_back(static_cast<int>(a));
      continue;
    }
    if (kind == 0) b = a;
    if (kind > 2 || a < 0 || b < a || b > 0x10FFFF) {
      *error = "bad character class";
      return false;
    }
    uint32_t lo = static_cast<uint32_t>(a), hi = static_cast<uint32_t>(b);
    if (mode == kCaseUnicode) {
      uint32_t bmp_hi = std::min<uint32_t>(hi, 0xFFFF);
      for (uint32_t c = lo; c <= bmp_hi; c++) {
        set_add_folded(s, c);
        if (!cased && unicode_iscased(c)) cased = true;
      }
      if (hi > 0xFFFF) {
        s->ic_ranges.emplace_back(std::max<uint32_t>(lo, 0x10000), hi);
        cased = true;
      }
    } else if (mode == kCaseAscii) {
      for (uint32_t c = lo; c <= hi && c < 128; c++) {
        set_add(s, re_lower(kCaseAscii, c));
        if (ascii_iscased(c)) cased = true;
      }
      if (hi >= 128) set_add_range(s, std::max<uint32_t>(lo, 128), hi);
    } else {
      set_add_range(s, lo, hi);
    }
  }
  // A class of uncased characters is tested as is (CPython emits plain IN).
  s->mode = (mode == kCaseLocale || cased) ? mode : kCaseExact;
  set_finish(s);
  return true;
}

bool is_item(int64_t op) {
  return op == kReChar || op == kReLitIc || op == kReAny || op == kReAnyAll || op == kReSet;
}

}  // namespace

uint32_t re_upper_unicode(uint32_t c) { return sre_upper(c); }
uint32_t re_locale_lower(uint32_t c) { return c < 256 ? static_cast<uint32_t>(std::tolower(static_cast<int>(c))) : c; }
uint32_t re_locale_upper(uint32_t c) { return c < 256 ? static_cast<uint32_t>(std::toupper(static_cast<int>(c))) : c; }

uint32_t re_lower(int mode, uint32_t c) {
  switch (mode) {
    case kCaseUnicode: return c < 128 ? ((c - 'A' < 26u) ? c + 32 : c) : sre_lower(c);
    case kCaseAscii: return (c - 'A' < 26u) ? c + 32 : c;
    case kCaseLocale: return re_locale_lower(c);
    default: return c;
  }
}

// Category codes (lib/re/_engine.py Parser.category): d/w/s = 0/1/2, +4 ASCII,
// +8 locale, +16 negated.
bool re_category_test(int cat, uint32_t c) {
  bool r;
  int base = cat & 3, form = cat & 12;
  if (form == 0) {  // Unicode
    if (c < 128) {
      if (base == 0) r = c - '0' < 10u;
      else if (base == 1) r = (c | 32) - 'a' < 26u || c - '0' < 10u || c == '_';
      else r = c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1C && c <= 0x1F);
    } else if (base == 0) {
      r = unicode_is_decimal(c);
    } else if (base == 1) {
      r = unicode_is_alnum(c);
    } else {
      r = unicode_is_space(c);
    }
  } else if (form == 4) {  // ASCII
    if (c >= 128) r = false;
    else if (base == 0) r = c - '0' < 10u;
    else if (base == 1) r = (c | 32) - 'a' < 26u || c - '0' < 10u || c == '_';
    else r = c == ' ' || (c >= 9 && c <= 13);
  } else {  // the C locale's classification of bytes
    if (c >= 256) r = false;
    else if (base == 0) r = c - '0' < 10u;
    else if (base == 1) r = std::isalnum(static_cast<int>(c)) || c == '_';
    else r = std::isspace(static_cast<int>(c));
  }
  return (cat & 16) ? !r : r;
}

namespace {

bool set_contains(const CharSet& s, uint32_t c) {
  if (c < 256) {
    if (s.low[c >> 6] >> (c & 63) & 1) return true;
  } else if (!s.ranges.empty()) {
    auto it = std::upper_bound(s.ranges.begin(), s.ranges.end(), std::make_pair(c, UINT32_MAX));
    if (it != s.ranges.begin() && std::prev(it)->second >= c) return true;
  }
  for (auto& r : s.ic_ranges) {
    if (r.first <= c && c <= r.second) return true;
    uint32_t u = sre_upper(c);
    if (r.first <= u && u <= r.second) return true;
  }
  for (int cat : s.cats)
    if (re_category_test(cat, c)) return true;
  return false;
}

}  // namespace

bool charset_test_slow(const CharSet& s, uint32_t ch) {
  bool r;
  switch (s.mode) {
    case kCaseExact: r = set_contains(s, ch); break;
    case kCaseLocale:
      r = set_contains(s, ch) || set_contains(s, re_locale_lower(ch)) || set_contains(s, re_locale_upper(ch));
      break;
    default: r = set_contains(s, re_lower(s.mode, ch)); break;
  }
  return r != s.negate;
}

namespace {

void set_make_fast(CharSet* s) {
  if (s->mode == kCaseLocale) return;
  for (int cat : s->cats)
    if (cat & 8) return;  // locale categories follow setlocale()
  for (uint32_t c = 0; c < 256; c++)
    if (charset_test_slow(*s, c)) s->fast[c >> 6] |= uint64_t{1} << (c & 63);
  s->has_fast = true;
}

}  // namespace

bool program_load(Program* p, std::vector<int64_t> code, int ngroups, int nrep, std::string* error) {
  p->code = std::move(code);
  p->ngroups = ngroups;
  p->nrep = nrep;
  std::vector<int64_t>& c = p->code;
  const int64_t n = static_cast<int64_t>(c.size());
  auto bad = [&](const char* what) {
    *error = what;
    return false;
  };
  // Jump targets must be instruction starts; checked after the scan.
  std::vector<int64_t> targets;
  std::vector<bool> starts(static_cast<size_t>(n) + 1, false);
  auto target_ok = [&](int64_t t) {
    targets.push_back(t);
    return t >= 0 && t < n;
  };
  for (int64_t pc = 0; pc < n;) {
    starts[static_cast<size_t>(pc)] = true;
    int64_t op = c[pc];
    int64_t len;
    auto need = [&](int64_t k) { return pc + k <= n; };
    switch (op) {
      case kReSucceed: len = 1; break;
      case kReChar: case kReAny: case kReAnyAll:
        if (!need(3) || c[pc + 2] != 3) return bad("bad item");
        len = 3;
        break;
      case kReLitIc: {
        if (!need(4) || c[pc + 2] != 4) return bad("bad item");
        int64_t ch = c[pc + 1], mode = c[pc + 3];
        if (ch < 0 || ch > 0x10FFFF) return bad("bad character");
        uint32_t u = static_cast<uint32_t>(ch);
        if (mode == kCaseUnicode) {
          std::vector<uint32_t> fixes;
          uint32_t lo = sre_lower(u);
          if (!unicode_iscased(u)) {
            c[pc] = kReChar;
          } else if (ignorecase_fixes(lo, &fixes)) {
            CharSet s;
            s.mode = kCaseUnicode;
            set_add(&s, lo);
            for (uint32_t f : fixes) set_add(&s, f);
            set_finish(&s);
            p->sets.push_back(std::move(s));
            c[pc] = kReSetRef;
            c[pc + 1] = static_cast<int64_t>(p->sets.size() - 1);
          } else {
            c[pc] = kReCharIc;
            c[pc + 1] = lo;
          }
        } else if (mode == kCaseAscii) {
          if (ascii_iscased(u)) {
            c[pc] = kReCharIcAscii;
            c[pc + 1] = re_lower(kCaseAscii, u);
          } else {
            c[pc] = kReChar;
          }
        } else if (mode == kCaseLocale) {
          c[pc] = kReCharLoc;
        } else {
          c[pc] = kReChar;
        }
        len = 4;
        break;
      }
      case kReSet: {
        if (!need(6)) return bad("bad class");
        int64_t skip = c[pc + 2], items = c[pc + 5];
        if (items < 0 || skip != 6 + 3 * items || !need(skip)) return bad("bad class");
        CharSet s;
        if (!load_set(&c[pc + 6], items, c[pc + 3] != 0, static_cast<int>(c[pc + 4]), &s, error)) return false;
        p->sets.push_back(std::move(s));
        c[pc] = kReSetRef;
        c[pc + 1] = static_cast<int64_t>(p->sets.size() - 1);
        len = skip;
        break;
      }
      case kReStr:
        if (!need(2) || c[pc + 1] < 0 || !need(2 + c[pc + 1])) return bad("bad string");
        len = 2 + c[pc + 1];
        break;
      case kReAt:
        if (!need(2) || c[pc + 1] < 0 || c[pc + 1] > kAtNonWordA) return bad("bad anchor");
        len = 2;
        break;
      case kReSplit: case kReJmp:
        if (!need(2) || !target_ok(c[pc + 1])) return bad("bad jump");
        len = 2;
        break;
      case kReSave:
        if (!need(2) || c[pc + 1] < 0 || c[pc + 1] >= 2 * ngroups) return bad("bad group");
        len = 2;
        break;
      case kReRepOne:
        if (!need(8) || !is_item(c[pc + 5]) || !target_ok(c[pc + 4]) || c[pc + 1] < 0 || c[pc + 2] < c[pc + 1])
          return bad("bad repeat");
        len = 5;  // the item follows as its own instruction
        break;
      case kReRepInit:
        if (!need(3) || c[pc + 1] < 0 || c[pc + 1] >= nrep || !target_ok(c[pc + 2])) return bad("bad repeat");
        len = 3;
        break;
      case kReRepUntil:
        if (!need(6) || c[pc + 1] < 0 || c[pc + 1] >= nrep || !target_ok(c[pc + 5]) || c[pc + 2] < 0 ||
            c[pc + 3] < c[pc + 2])
          return bad("bad repeat");
        len = 6;
        break;
      case kReBackref:
        if (!need(3) || c[pc + 1] < 0 || c[pc + 1] >= ngroups) return bad("bad group reference");
        len = 3;
        break;
      case kReLook:
        if (!need(4) || c[pc + 1] < 0 || c[pc + 1] > 3 || c[pc + 2] < 0 || !target_ok(c[pc + 3]))
          return bad("bad lookaround");
        len = 4;
        break;
      case kReAtomic:
        if (!need(2) || !target_ok(c[pc + 1])) return bad("bad atomic group");
        len = 2;
        break;
      case kReCond:
        if (!need(3) || c[pc + 1] < 0 || c[pc + 1] >= ngroups || !target_ok(c[pc + 2])) return bad("bad condition");
        len = 3;
        break;
      default: return bad("bad opcode");
    }
    pc += len;
  }
  if (n == 0 || c[n - 1] != kReSucceed) return bad("program does not end with SUCCEED");
  for (CharSet& s : p->sets) set_make_fast(&s);
  starts[static_cast<size_t>(n)] = true;
  for (int64_t t : targets)
    if (!starts[static_cast<size_t>(t)]) return bad("jump into an instruction");
  // Search acceleration: the first thing every match needs.
  int64_t pc = 0;
  while (pc < n && c[pc] == kReSave) pc += 2;
  if (pc < n) {
    int64_t op = c[pc];
    if (op == kReStr) {
      for (int64_t i = 0; i < c[pc + 1]; i++) p->prefix.push_back(static_cast<uint32_t>(c[pc + 2 + i]));
    } else if (op == kReChar || op == kReCharIc || op == kReCharIcAscii || op == kReCharLoc || op == kReSetRef ||
               op == kReAny || op == kReAnyAll) {
      p->first_item = pc;
    } else if (op == kReRepOne && c[pc + 1] >= 1) {
      p->first_item = pc + 5;
    }
  }
  return true;
}

}  // namespace ftpy
