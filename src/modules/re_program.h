// The regular-expression program run by the `_ftpy_sre` module (the native
// matcher behind lib/re). lib/re/_engine.py parses a pattern and generates a
// flat list of ints; re_program.cpp loads it into a Program (opcodes checked,
// character classes turned into CharSets, ignorecase literals resolved) and
// re_matcher.cpp runs it as a backtracking VM with an explicit backtrack stack.
//
// Thread safety: a Program is immutable after program_load() returns and is
// shared freely between threads; every match has its own MatchState.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ftpy {

struct ThreadState;

// The opcode numbers are also in lib/re/_engine.py (OP_*): keep them in step.
// One-character items are [op, arg, skip, ...], skip being the item's length.
enum ReOp : int64_t {
  kReSucceed = 1,   // end of the program or of a lookaround/atomic body
  kReChar = 2,      // CHAR c 3: exactly c
  kReLitIc = 3,     // LIT_IC c 4 mode: loaded into one of the next three
  kReAny = 4,       // ANY 0 3: anything but '\n'
  kReAnyAll = 5,    // ANY_ALL 0 3
  kReSet = 6,       // SET index skip negate mode n items...: loaded into a CharSet
  kReStr = 7,       // STR n c1..cn
  kReAt = 8,        // AT kind (ReAt)
  kReSplit = 9,     // SPLIT alt: go on at pc+2, backtrack to alt
  kReJmp = 10,      // JMP target
  kReSave = 11,     // SAVE slot
  kReRepOne = 12,   // REP_ONE min max greedy end, then the item
  kReRepInit = 13,  // REP_INIT id until
  kReRepUntil = 14, // REP_UNTIL id min max greedy body
  kReBackref = 15,  // BACKREF group mode
  kReLook = 16,     // LOOK kind width end (kind: 1 negative, 2 behind)
  kReAtomic = 17,   // ATOMIC end
  kReCond = 18,     // COND group no
  // Forms program_load() rewrites items into (same length as the original).
  kReCharIc = 19,       // lower(ch) == arg (Unicode simple lowercase)
  kReCharIcAscii = 20,  // ASCII lower(ch) == arg
  kReCharLoc = 21,      // ch, or its locale lower or upper, == arg
  kReSetRef = 22,       // sets[arg] contains ch
};

enum ReAt : int64_t { kAtBol, kAtBolM, kAtEol, kAtEolM, kAtBos, kAtEos, kAtWord, kAtNonWord, kAtWordA, kAtNonWordA };

// Case modes of literals, classes and backrefs (also _engine.Parser.case_mode).
enum ReCase : int { kCaseExact = 0, kCaseUnicode = 1, kCaseAscii = 2, kCaseLocale = 3 };

constexpr int64_t kReMaxRepeat = 4294967295LL;  // CPython's MAXREPEAT: unbounded

// A character class. Characters below 256 are a bitmap; the rest are sorted
// disjoint ranges. `mode` says how the subject character is tested: as is,
// lowered (Unicode or ASCII), or as is/lowered/uppered by the C locale.
struct CharSet {
  bool negate = false;
  int mode = kCaseExact;
  uint64_t low[4] = {0, 0, 0, 0};
  std::vector<std::pair<uint32_t, uint32_t>> ranges;
  // CPython's RANGE_UNI_IGNORE for ranges past the BMP: lo <= c <= hi or
  // lo <= upper(c) <= hi (c already lowered).
  std::vector<std::pair<uint32_t, uint32_t>> ic_ranges;
  std::vector<int> cats;  // category codes (re_category_test)
  // The whole test's answer for characters below 256 (negation and case
  // mode included), when it does not depend on the locale.
  bool has_fast = false;
  uint64_t fast[4] = {0, 0, 0, 0};
};

struct Program {
  std::vector<int64_t> code;
  std::vector<CharSet> sets;
  int ngroups = 1;  // including group 0
  int nrep = 0;     // general repeats (REP_INIT ids)
  // Search acceleration: every match starts with this one-character item
  // (pc of the item, -1 if none), or with this literal string.
  int64_t first_item = -1;
  std::vector<uint32_t> prefix;
};

// Loads a generated program; false with an error message for a malformed one.
bool program_load(Program* p, std::vector<int64_t> code, int ngroups, int nrep, std::string* error);

// Character tests shared by the loader and the matcher.
bool re_category_test(int cat, uint32_t c);
uint32_t re_lower(int mode, uint32_t c);  // the case mode's lowering (identity for exact)
uint32_t re_upper_unicode(uint32_t c);
uint32_t re_locale_lower(uint32_t c);
uint32_t re_locale_upper(uint32_t c);
bool charset_test_slow(const CharSet& s, uint32_t ch);
inline bool charset_test(const CharSet& s, uint32_t ch) {
  if (ch < 256 && s.has_fast) return s.fast[ch >> 6] >> (ch & 63) & 1;
  return charset_test_slow(s, ch);
}

// One subject: its code units (1, 2 or 4 bytes each) and length.
struct Subject {
  const void* data;
  int kind;  // 1, 2, 4
  int64_t length;
};

// The outcome of a run: 1 matched (spans in `caps`, 2 per group, -1 unset;
// `lastindex` -1 for none), 0 no match, -1 error pending (KeyboardInterrupt
// from the eval breaker, MemoryError).
struct MatchResult {
  std::vector<int64_t> caps;
  int64_t lastindex = -1;
};

enum class ReMode { kMatch, kFullMatch, kSearch };

// Runs `p` on `s` within [pos, endpos): kMatch/kFullMatch try only `start`,
// kSearch tries start, start+1, ... endpos. must_advance: an empty match at
// `start` does not count (finditer after an empty match).
int re_run(const Program& p, const Subject& s, int64_t pos, int64_t endpos, int64_t start, ReMode mode,
           bool must_advance, MatchResult* out);

}  // namespace ftpy
