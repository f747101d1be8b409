// The regular-expression matcher: a backtracking VM over a loaded Program
// (re_program.h) with CPython 3.11's sre semantics.
//
// Backtracking never recurses in C++: every choice point and every undo
// record (a capture's old value, a repeat counter's old state, a snapshot of
// the captures) is an entry on one explicit stack, so re.match('(a|b)*',
// 'a' * 100000) needs memory, not stack depth. Lookarounds and atomic groups
// run their body on the same stack above a floor entry; when the body
// succeeds the entries above the floor are dropped (its choices are gone) and
// a snapshot entry under the floor restores the captures if the match later
// backtracks past the group.
//
// Repeats follow sre: a repeat of one character scans (REPEAT_ONE); a
// general repeat counts iterations in a per-repeat register and refuses an
// optional iteration that starts where the previous one started (the
// empty-iteration stop of MAX_UNTIL / MIN_UNTIL).
//
// Thread safety: the Program is immutable and shared; all mutable state is
// this run's MatchState. Long runs check the thread's eval breaker every few
// thousand steps, so a stop-the-world never waits for a regex and Ctrl-C
// interrupts one (handle_eval_breaker raises KeyboardInterrupt).
#include <memory>
#include <new>

#include "modules/re_program.h"
#include "objects/errors.h"
#include "objects/unicode.h"
#include "runtime/thread_state.h"
#include "vm/safepoint.h"

namespace ftpy {

namespace {

enum BtKind : int32_t {
  kBtAlt,         // resume at pc, position a
  kBtCap,         // caps[pc] = a, lastindex = b
  kBtRep,         // repeat pc's count = a, last start = b
  kBtRepOneG,     // greedy REP_ONE at pc: matched up to a, may give back down to b
  kBtRepOneL,     // lazy REP_ONE at pc: matched up to a, may take up to b
  kBtLazyUntil,   // lazy REP_UNTIL at pc: tail failed at position a with count b
  kBtSnapshot,    // restore the captures saved at snaps[a]
  kBtFloor,       // the bottom of a lookaround/atomic body (frames.back())
};

struct BtEntry {
  int32_t kind;
  int32_t pc;
  int64_t a;
  int64_t b;
};

// A lookaround or atomic body being run. kind: 0 lookahead, 1 negative
// lookahead, 2 lookbehind, 3 negative lookbehind, 4 atomic.
struct Frame {
  size_t floor;      // index of its kBtFloor entry
  size_t snap_size;  // snaps.size() after its own snapshot
  int64_t pos;       // position at the group
  int64_t end_pc;
  int kind;
};

constexpr int kBudget = 4096;  // steps between eval-breaker checks

struct MatchState {
  std::vector<int64_t> caps;
  int64_t lastindex = -1;
  std::vector<int64_t> rep_count, rep_last;
  std::vector<BtEntry> bt;
  std::vector<int64_t> snaps;
  std::vector<Frame> frames;
};

inline uint32_t ascii_lower(uint32_t c) { return (c - 'A' < 26u) ? c + 32 : c; }

template <typename C>
class Vm {
 public:
  Vm(const Program& p, const C* s, int64_t end, MatchState* st) : p_(p), code_(p.code.data()), s_(s), end_(end), st_(*st) {}

  // One-character item at `ins` against ch.
  bool item(const int64_t* ins, uint32_t ch) const {
    switch (ins[0]) {
      case kReChar: return ch == static_cast<uint32_t>(ins[1]);
      case kReCharIc: return re_lower(kCaseUnicode, ch) == static_cast<uint32_t>(ins[1]);
      case kReCharIcAscii: return ascii_lower(ch) == static_cast<uint32_t>(ins[1]);
      case kReCharLoc: {
        uint32_t c = static_cast<uint32_t>(ins[1]);
        return ch == c || re_locale_lower(ch) == c || re_locale_upper(ch) == c;
      }
      case kReSetRef: return charset_test(p_.sets[static_cast<size_t>(ins[1])], ch);
      case kReAny: return ch != '\n';
      default: return true;  // kReAnyAll
    }
  }

  bool is_word(int64_t i, bool ascii) const {
    uint32_t c = s_[i];
    return re_category_test(ascii ? 1 + 4 : 1, c);
  }

  bool at(int64_t kind, int64_t pos) const {
    switch (kind) {
      case kAtBol: case kAtBos: return pos == 0;
      case kAtBolM: return pos == 0 || s_[pos - 1] == '\n';
      case kAtEol: return pos == end_ || (pos + 1 == end_ && s_[pos] == '\n');
      case kAtEolM: return pos == end_ || (pos < end_ && s_[pos] == '\n');
      case kAtEos: return pos == end_;
      default: {
        if (end_ == 0) return false;  // sre: no boundary in an empty string
        bool ascii = kind == kAtWordA || kind == kAtNonWordA;
        bool before = pos > 0 && pos - 1 < end_ && is_word(pos - 1, ascii);
        bool here = pos < end_ && is_word(pos, ascii);
        return (kind == kAtWord || kind == kAtWordA) ? before != here : before == here;
      }
    }
  }

  void push(int32_t kind, int64_t pc, int64_t a, int64_t b) {
    st_.bt.push_back(BtEntry{kind, static_cast<int32_t>(pc), a, b});
  }

  void snapshot() {
    size_t off = st_.snaps.size();
    st_.snaps.insert(st_.snaps.end(), st_.caps.begin(), st_.caps.end());
    st_.snaps.push_back(st_.lastindex);
    push(kBtSnapshot, 0, static_cast<int64_t>(off), 0);
  }

  void restore_snapshot(int64_t off) {
    size_t o = static_cast<size_t>(off);
    std::copy(st_.snaps.begin() + static_cast<std::ptrdiff_t>(o),
              st_.snaps.begin() + static_cast<std::ptrdiff_t>(o + st_.caps.size()), st_.caps.begin());
    st_.lastindex = st_.snaps[o + st_.caps.size()];
    st_.snaps.resize(o);
  }

  // -1 with an exception pending when the eval breaker raised.
  int tick() {
    if (--budget_ > 0) return 0;
    budget_ = kBudget;
    ThreadState* ts = tstate();
    if (ts && ts->eval_breaker.load(std::memory_order_relaxed) && handle_eval_breaker(ts) < 0) return -1;
    return 0;
  }

  // Tries a match starting exactly at `start`: 1, 0 or -1 (error).
  int run(int64_t start, bool full, bool must_advance) {
    MatchState& st = st_;
    std::fill(st.caps.begin(), st.caps.end(), -1);
    st.lastindex = -1;
    std::fill(st.rep_count.begin(), st.rep_count.end(), -1);
    std::fill(st.rep_last.begin(), st.rep_last.end(), -1);
    st.bt.clear();
    st.snaps.clear();
    st.frames.clear();
    int64_t pos = start;
    int64_t pc = 0;
    const int64_t* code = code_;
    for (;;) {
      if (tick() < 0) return -1;
      const int64_t* ins = code + pc;
      switch (ins[0]) {
        case kReChar: case kReCharIc: case kReCharIcAscii: case kReCharLoc: case kReSetRef: case kReAny:
        case kReAnyAll:
          if (pos < end_ && item(ins, s_[pos])) {
            pos++;
            pc += ins[2];
            continue;
          }
          break;
        case kReStr: {
          int64_t n = ins[1];
          if (end_ - pos < n) break;
          int64_t i = 0;
          while (i < n && s_[pos + i] == static_cast<uint32_t>(ins[2 + i])) i++;
          if (i < n) break;
          pos += n;
          pc += 2 + n;
          continue;
        }
        case kReAt:
          if (!at(ins[1], pos)) break;
          pc += 2;
          continue;
        case kReSplit:
          push(kBtAlt, ins[1], pos, 0);
          pc += 2;
          continue;
        case kReJmp:
          pc = ins[1];
          continue;
        case kReSave: {
          size_t slot = static_cast<size_t>(ins[1]);
          push(kBtCap, ins[1], st.caps[slot], st.lastindex);
          st.caps[slot] = pos;
          if (slot & 1) st.lastindex = static_cast<int64_t>(slot / 2);
          pc += 2;
          continue;
        }
        case kReRepOne: {
          int64_t mn = ins[1], mx = ins[2];
          const int64_t* it = ins + 5;
          int64_t limit = (mx == kReMaxRepeat || end_ - pos <= mx) ? end_ : pos + mx;
          if (ins[3]) {
            int64_t j = pos;
            while (j < limit && item(it, s_[j])) j++;
            if (j - pos < mn) break;
            int64_t low = pos + mn;
            if (j > low) push(kBtRepOneG, pc, j, low);
            pos = j;
          } else {
            if (limit - pos < mn) break;
            int64_t j = pos, need = pos + mn;
            while (j < need && item(it, s_[j])) j++;
            if (j < need) break;
            if (j < limit) push(kBtRepOneL, pc, j, limit);
            pos = j;
          }
          pc = ins[4];
          continue;
        }
        case kReRepInit: {
          size_t id = static_cast<size_t>(ins[1]);
          push(kBtRep, ins[1], st.rep_count[id], st.rep_last[id]);
          st.rep_count[id] = -1;
          st.rep_last[id] = -1;
          pc = ins[2];
          continue;
        }
        case kReRepUntil: {
          size_t id = static_cast<size_t>(ins[1]);
          int64_t count = st.rep_count[id] + 1;
          int64_t mn = ins[2], mx = ins[3];
          if (count < mn) {
            push(kBtRep, ins[1], st.rep_count[id], st.rep_last[id]);
            st.rep_count[id] = count;
            pc = ins[5];
            continue;
          }
          if (ins[4]) {  // greedy: another iteration first, the tail if it fails
            if ((count < mx || mx == kReMaxRepeat) && pos != st.rep_last[id]) {
              push(kBtAlt, pc + 6, pos, 0);
              push(kBtRep, ins[1], st.rep_count[id], st.rep_last[id]);
              st.rep_count[id] = count;
              st.rep_last[id] = pos;
              pc = ins[5];
              continue;
            }
          } else {  // lazy: the tail first, another iteration if it fails
            push(kBtLazyUntil, pc, pos, count);
          }
          pc += 6;
          continue;
        }
        case kReBackref: {
          size_t g = static_cast<size_t>(ins[1]);
          int64_t b = st.caps[2 * g], e = st.caps[2 * g + 1];
          if (b < 0 || e < 0 || e < b) break;
          int64_t n = e - b;
          if (end_ - pos < n) break;
          int mode = static_cast<int>(ins[2]);
          int64_t i = 0;
          if (mode == kCaseExact) {
            while (i < n && s_[pos + i] == s_[b + i]) i++;
          } else {
            while (i < n && re_lower(mode, s_[pos + i]) == re_lower(mode, s_[b + i])) i++;
          }
          if (i < n) break;
          pos += n;
          pc += 3;
          continue;
        }
        case kReLook: {
          int kind = static_cast<int>(ins[1]);
          int64_t from = pos;
          if (kind & 2) {
            if (pos < ins[2]) {  // not enough subject before: a lookbehind fails
              if (kind & 1) {
                pc = ins[3];
                continue;
              }
              break;
            }
            from = pos - ins[2];
          }
          snapshot();
          st.frames.push_back(Frame{st.bt.size(), st.snaps.size(), pos, ins[3], kind});
          push(kBtFloor, 0, 0, 0);
          pos = from;
          pc += 4;
          continue;
        }
        case kReAtomic:
          snapshot();
          st.frames.push_back(Frame{st.bt.size(), st.snaps.size(), pos, ins[1], 4});
          push(kBtFloor, 0, 0, 0);
          pc += 2;
          continue;
        case kReCond: {
          size_t g = static_cast<size_t>(ins[1]);
          int64_t b = st.caps[2 * g], e = st.caps[2 * g + 1];
          pc = (b >= 0 && e >= 0 && e >= b) ? pc + 3 : ins[2];
          continue;
        }
        case kReSucceed: {
          if (st.frames.empty()) {
            if ((full && pos != end_) || (must_advance && pos == start)) break;
            st.caps[0] = start;
            st.caps[1] = pos;
            return 1;
          }
          Frame f = st.frames.back();
          st.frames.pop_back();
          st.bt.resize(f.floor);
          st.snaps.resize(f.snap_size);
          if (f.kind == 1 || f.kind == 3) break;  // a negative assertion's body matched
          if (f.kind != 4) pos = f.pos;
          pc = f.end_pc;
          continue;
        }
        default:
          return 0;  // not reached: program_load checked every opcode
      }
      // Failure: backtrack to the newest choice point.
      for (;;) {
        if (st.bt.empty()) return 0;
        if (tick() < 0) return -1;
        BtEntry& e = st.bt.back();
        switch (e.kind) {
          case kBtAlt:
            pc = e.pc;
            pos = e.a;
            st.bt.pop_back();
            goto resume;
          case kBtCap:
            st.caps[static_cast<size_t>(e.pc)] = e.a;
            st.lastindex = e.b;
            st.bt.pop_back();
            continue;
          case kBtRep:
            st.rep_count[static_cast<size_t>(e.pc)] = e.a;
            st.rep_last[static_cast<size_t>(e.pc)] = e.b;
            st.bt.pop_back();
            continue;
          case kBtRepOneG: {
            int64_t cur = e.a - 1, low = e.b;
            int64_t tail = code[e.pc + 4];
            if (code[tail] == kReChar) {  // give back only to where the next literal matches
              uint32_t want = static_cast<uint32_t>(code[tail + 1]);
              while (cur >= low && (cur >= end_ || s_[cur] != want)) cur--;
            }
            if (cur < low) {
              st.bt.pop_back();
              continue;
            }
            if (cur == low) st.bt.pop_back();
            else e.a = cur;
            pos = cur;
            pc = tail;
            goto resume;
          }
          case kBtRepOneL: {
            int64_t j = e.a, limit = e.b;
            int64_t rpc = e.pc;
            if (j < limit && item(code + rpc + 5, s_[j])) {
              j++;
              if (j >= limit) st.bt.pop_back();
              else e.a = j;
              pos = j;
              pc = code[rpc + 4];
              goto resume;
            }
            st.bt.pop_back();
            continue;
          }
          case kBtLazyUntil: {
            int64_t upc = e.pc, at_pos = e.a, count = e.b;
            st.bt.pop_back();
            const int64_t* u = code + upc;
            size_t id = static_cast<size_t>(u[1]);
            if ((count >= u[3] && u[3] != kReMaxRepeat) || at_pos == st.rep_last[id]) continue;
            push(kBtRep, u[1], st.rep_count[id], st.rep_last[id]);
            st.rep_count[id] = count;
            st.rep_last[id] = at_pos;
            pos = at_pos;
            pc = u[5];
            goto resume;
          }
          case kBtSnapshot:
            restore_snapshot(e.a);
            st.bt.pop_back();
            continue;
          case kBtFloor: {
            Frame f = st.frames.back();
            st.frames.pop_back();
            st.bt.pop_back();
            if (f.kind == 1 || f.kind == 3) {  // a negative assertion's body failed: go on
              restore_snapshot(st.bt.back().a);
              st.bt.pop_back();
              pos = f.pos;
              pc = f.end_pc;
              goto resume;
            }
            continue;
          }
        }
      }
    resume:;
    }
  }

  // The next start at or after `from` where a match can begin; end_ + 1 if none.
  int64_t next_start(int64_t from) const {
    if (!p_.prefix.empty()) {
      const auto& pre = p_.prefix;
      int64_t n = static_cast<int64_t>(pre.size());
      uint32_t first = pre[0];
      for (int64_t i = from; i + n <= end_; i++) {
        if (s_[i] != first) continue;
        int64_t k = 1;
        while (k < n && s_[i + k] == pre[static_cast<size_t>(k)]) k++;
        if (k == n) return i;
      }
      return end_ + 1;
    }
    if (p_.first_item >= 0) {
      const int64_t* it = code_ + p_.first_item;
      int64_t i = from;
      while (i < end_ && !item(it, s_[i])) i++;
      return i < end_ ? i : end_ + 1;
    }
    return from;
  }

 private:
  const Program& p_;
  const int64_t* code_;
  const C* s_;
  int64_t end_;
  MatchState& st_;
  int budget_ = kBudget;
};

// Each thread keeps one MatchState between runs so that findall's and
// finditer's thousands of runs do not allocate; a run nested in another on
// the same thread (a signal handler matching from the eval breaker) finds
// the slot empty and makes its own.
thread_local std::unique_ptr<MatchState> tls_spare_state;

struct StateLease {
  MatchState* st;
  StateLease() : st(tls_spare_state ? tls_spare_state.release() : new MatchState()) {}
  ~StateLease() {
    if (!tls_spare_state && st->bt.capacity() <= (1u << 16)) {
      tls_spare_state.reset(st);  // a huge backtrack stack is not kept
    } else {
      delete st;
    }
  }
};

template <typename C>
int run_typed(const Program& p, const C* s, int64_t endpos, int64_t start, ReMode mode, bool must_advance,
              MatchResult* out) {
  StateLease lease;
  MatchState& st = *lease.st;
  st.caps.assign(static_cast<size_t>(2 * p.ngroups), -1);
  st.rep_count.assign(static_cast<size_t>(p.nrep), -1);
  st.rep_last.assign(static_cast<size_t>(p.nrep), -1);
  Vm<C> vm(p, s, endpos, &st);
  int r = 0;
  if (mode != ReMode::kSearch) {
    r = vm.run(start, mode == ReMode::kFullMatch, must_advance);
  } else {
    for (int64_t i = start; i <= endpos; i++) {
      if (i != start || !must_advance) {
        i = vm.next_start(i);
        if (i > endpos) break;
      }
      r = vm.run(i, false, must_advance && i == start);
      if (r != 0) break;
    }
  }
  if (r == 1) {
    out->caps.assign(st.caps.begin(), st.caps.end());
    out->lastindex = st.lastindex;
  }
  return r;
}

}  // namespace

int re_run(const Program& p, const Subject& s, int64_t /*pos*/, int64_t endpos, int64_t start, ReMode mode,
           bool must_advance, MatchResult* out) {
  try {
    switch (s.kind) {
      case 1: return run_typed(p, static_cast<const uint8_t*>(s.data), endpos, start, mode, must_advance, out);
      case 2: return run_typed(p, static_cast<const uint16_t*>(s.data), endpos, start, mode, must_advance, out);
      default: return run_typed(p, static_cast<const uint32_t*>(s.data), endpos, start, mode, must_advance, out);
    }
  } catch (const std::bad_alloc&) {
    err_no_memory();
    return -1;
  }
}

}  // namespace ftpy
