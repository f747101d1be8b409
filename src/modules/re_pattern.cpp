// re.Pattern and _sre.SRE_Scanner (re_types.h says how the objects fit
// together): match/fullmatch/search, findall, finditer, split, sub/subn and
// scanner run the native matcher (re_matcher.cpp) and build their results
// and Match objects here. The API and the messages are CPython 3.11's.
//
// Thread safety: a Pattern is immutable once _ftpy_sre.compile() returns it,
// so threads share it freely; each call has its own match state and
// results. A Scanner's position is read and advanced inside the scanner's
// critical section. The template hook is an atomic Value, replaced (rarely,
// when re is imported again) with the old value retired through QSBR.
#include <atomic>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>

#include "modules/buffer_util.h"
#include "modules/re_types.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/iter.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"
#include "objects/weakref.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"
#include "runtime/qsbr.h"

namespace ftpy {

Type g_re_pattern_type;
Type g_re_scanner_type;

namespace {

// re._compile_template(pattern, repl) -> list of literal pieces and group
// numbers (lib/re registers it; it caches its results).
std::atomic<uint64_t> g_template_hook{0};

// CPython's flag values (also lib/re/_engine.py).
constexpr int64_t kFlagTemplate = 1, kFlagIgnoreCase = 2, kFlagLocale = 4, kFlagMultiline = 8, kFlagDotAll = 16,
                  kFlagUnicode = 32, kFlagVerbose = 64, kFlagDebug = 128, kFlagAscii = 256;

// The Py_ssize_t converter: __index__, OverflowError past 64 bits.
bool get_ssize(Value v, int64_t* out) {
  if (v.is_small()) {
    *out = v.small_value();
    return true;
  }
  Ref<> n = number_index(v);
  if (!n) return false;
  if (!int_as_int64(n.val(), out)) {
    err_set_str(g_OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

// pos and endpos (null: sys.maxsize) clamped to [0, len], as CPython does.
bool get_bounds(Value pos_v, Value endpos_v, int64_t len, int64_t* pos, int64_t* endpos) {
  int64_t p = 0, e = len;
  if (!get_ssize(pos_v, &p)) return false;
  if (!endpos_v.is_null() && !get_ssize(endpos_v, &e)) return false;
  if (p < 0) p = 0;
  if (p > len) p = len;
  if (e < 0) e = 0;
  if (e > len) e = len;
  *pos = p;
  *endpos = e;
  return true;
}

// Single-shot runs (match/search/fullmatch/scanner) reuse this thread's
// result buffer, so a match allocates only its Match object. A run nested
// in another one on the same thread (a signal handler matching from the
// eval breaker) is safe: re_run writes its result only on its way out, and
// each caller copies the result before it can run Python code.
thread_local MatchResult tls_result;

// Calls fn(match) for each successive non-overlapping match in [pos, endpos)
// (after an empty match the next may not be empty at the same place); fn
// returns 1 to go on, 0 to stop, -1 on error.
template <typename Fn>
int each_match(const Program& p, const Subject& s, int64_t pos, int64_t endpos, Fn fn) {
  int64_t start = pos;
  bool must_advance = false;
  MatchResult m;
  while (start <= endpos) {
    int r = re_run(p, s, pos, endpos, start, ReMode::kSearch, must_advance, &m);
    if (r <= 0) return r;
    int go = fn(m);
    if (go <= 0) return go;
    must_advance = m.caps[0] == m.caps[1];
    start = m.caps[1];
  }
  return 0;
}

// subject[a:b] of a str or bytes subject.
Ref<> slice(Value text, const Subject& s, bool isb, int64_t a, int64_t b) {
  if (isb) return bytes_from(static_cast<const uint8_t*>(s.data) + a, static_cast<size_t>(b - a));
  return str_substring(text.as<Str>(), a, b);
}

// Group g of a match, or `dflt` (borrowed; null: the empty string) when unset.
Ref<> group_or(Value text, const Subject& s, bool isb, const MatchResult& m, int64_t g, Value dflt) {
  int64_t a = m.caps[static_cast<size_t>(2 * g)], b = m.caps[static_cast<size_t>(2 * g + 1)];
  if (a < 0 || b < 0) {
    if (!dflt.is_null()) return Ref<>::borrow(dflt);
    return isb ? bytes_from("", 0) : Ref<>::borrow(str_empty());
  }
  return slice(text, s, isb, a, b);
}

// --- Pattern ------------------------------------------------------------------------------

void pattern_dealloc(Object* o) {
  auto* p = static_cast<PatternObject*>(o);
  weakref_clear_all(o);
  delete p->prog;
  decref(p->pattern);
  decref(p->flags);
  decref(p->groups);
  decref(p->groupindex);
  decref(p->indexgroup);
  free_object(o);
}

// The pattern string can be a str/bytes subclass instance whose __dict__
// refers back to the Pattern; re_types.h says why there is no tp_clear.
void pattern_traverse(Object* o, VisitFn visit, void* arg) {
  auto* p = static_cast<PatternObject*>(o);
  visit(p->pattern, arg);
  visit(p->groupindex, arg);
  visit(p->indexgroup, arg);
}

Ref<> pattern_run(Value self, Value* args, ReMode mode) {
  const PatternObject* p = as_pattern(self);
  Ref<> text;
  Subject s;
  if (!re_subject(p, args[0], &text, &s)) return nullptr;
  int64_t pos, endpos;
  if (args[1].is_small() && args[1].small_value() == 0 && args[2].is_null()) {
    pos = 0;
    endpos = s.length;
  } else if (!get_bounds(args[1], args[2], s.length, &pos, &endpos)) {
    return nullptr;
  }
  MatchResult& r = tls_result;
  int rc = re_run(*p->prog, s, pos, endpos, pos, mode, false, &r);
  if (rc < 0) return nullptr;
  if (rc == 0) return new_none();
  return re_match_new(self, args[0], text.val(), pos, endpos, r);
}

Ref<> pattern_match(Value self, Value* args) { return pattern_run(self, args, ReMode::kMatch); }
Ref<> pattern_fullmatch(Value self, Value* args) { return pattern_run(self, args, ReMode::kFullMatch); }
Ref<> pattern_search(Value self, Value* args) { return pattern_run(self, args, ReMode::kSearch); }

Ref<> pattern_findall(Value self, Value* args) {
  const PatternObject* p = as_pattern(self);
  Ref<> textref;
  Subject s;
  if (!re_subject(p, args[0], &textref, &s)) return nullptr;
  Value text = textref.val();
  int64_t pos, endpos;
  if (!get_bounds(args[1], args[2], s.length, &pos, &endpos)) return nullptr;
  bool isb = p->is_bytes;
  Ref<List> out = list_new();
  if (!out) return nullptr;
  int64_t ng = p->prog->ngroups - 1;
  int r = each_match(*p->prog, s, pos, endpos, [&](const MatchResult& m) -> int {
    Ref<> item;
    if (ng == 0) {
      item = slice(text, s, isb, m.caps[0], m.caps[1]);
    } else if (ng == 1) {
      item = group_or(text, s, isb, m, 1, Value());
    } else {
      Ref<Tuple> t = tuple_new(ng);
      if (!t) return -1;
      for (int64_t g = 1; g <= ng; g++) {
        Ref<> v = group_or(text, s, isb, m, g, Value());
        if (!v) return -1;
        tuple_init_item(t.get(), g - 1, std::move(v));
      }
      item = std::move(t);
    }
    if (!item || list_append(out.val(), item.val()) < 0) return -1;
    return 1;
  });
  if (r < 0) return nullptr;
  return out;
}

Ref<> pattern_split(Value self, Value* args) {
  const PatternObject* p = as_pattern(self);
  Ref<> textref;
  Subject s;
  if (!re_subject(p, args[0], &textref, &s)) return nullptr;
  Value text = textref.val();
  int64_t maxsplit;
  if (!get_ssize(args[1], &maxsplit)) return nullptr;
  bool isb = p->is_bytes;
  Ref<List> out = list_new();
  if (!out) return nullptr;
  int64_t last = 0, count = 0;
  int r = each_match(*p->prog, s, 0, s.length, [&](const MatchResult& m) -> int {
    if (maxsplit != 0 && count >= maxsplit) return 0;
    Ref<> piece = slice(text, s, isb, last, m.caps[0]);
    if (!piece || list_append(out.val(), piece.val()) < 0) return -1;
    for (int64_t g = 1; g < p->prog->ngroups; g++) {
      Ref<> v = group_or(text, s, isb, m, g, none());
      if (!v || list_append(out.val(), v.val()) < 0) return -1;
    }
    last = m.caps[1];
    count++;
    return 1;
  });
  if (r < 0) return nullptr;
  Ref<> tail = slice(text, s, isb, last, s.length);
  if (!tail || list_append(out.val(), tail.val()) < 0) return nullptr;
  return out;
}

// sub() and subn(). The replacement is a function of the Match, or a
// template (re_compile_template). As in CPython, the pieces are joined at
// the end: a piece of the wrong type (a function's result, or a str
// template for a bytes pattern and the reverse) fails the join, after every
// match's function ran, with "sequence item K", K counting the pieces
// CPython's list would hold (non-empty gaps and the non-None pieces).
Ref<> pattern_subx(Value self, Value repl, Value string, Value count_v, bool with_count) {
  const PatternObject* p = as_pattern(self);
  int64_t count;
  if (!get_ssize(count_v, &count)) return nullptr;
  Ref<> textref;
  Subject s;
  if (!re_subject(p, string, &textref, &s)) return nullptr;
  Value text = textref.val();
  bool isb = p->is_bytes;
  int is_call = callable(repl);
  if (is_call < 0) return nullptr;
  bool bad_literal = false;
  std::vector<TemplatePiece> pieces;
  if (!is_call) {
    if (is_str(repl) ? isb : !isb && module_has_buffer(repl)) {
      bad_literal = true;
    } else if (!re_compile_template(self, repl, &pieces)) {
      return nullptr;
    }
  }
  ReBuilder out{isb, {}, {}};
  int64_t last = 0, n = 0, items = 0, bad_index = -1;
  std::string bad_type;
  auto bad_piece = [&](Value piece) {
    if (bad_index < 0) {
      bad_index = items;
      bad_type = type_name(type_of(piece));
    }
  };
  int r = each_match(*p->prog, s, 0, s.length, [&](const MatchResult& m) -> int {
    if (count != 0 && n >= count) return 0;
    if (m.caps[0] > last) items++;
    out.add_range(s, last, m.caps[0]);
    if (is_call) {
      Ref<> match = re_match_new(self, string, text, 0, s.length, m);
      if (!match) return -1;
      Ref<> piece = call1(repl, match.val());  // runs Python code
      if (!piece) return -1;
      Value pv = piece.val();
      if (!is_none(pv)) {
        if (!isb) {
          if (is_str(pv)) {
            Str* ps = pv.as<Str>();
            out.add_range(Subject{ps->data, ps->kind, ps->length}, 0, ps->length);
          } else {
            bad_piece(pv);
          }
        } else if (is_bytes(pv)) {
          out.add_range(Subject{bytes_data(pv), 1, bytes_size(pv)}, 0, bytes_size(pv));
        } else {
          std::string data;
          if (module_buffer_copy(pv, &data))
            out.add_range(Subject{data.data(), 1, static_cast<int64_t>(data.size())}, 0,
                          static_cast<int64_t>(data.size()));
          else
            bad_piece(pv);
        }
        items++;
      }
    } else if (bad_literal) {
      bad_piece(repl);
      items++;
    } else {
      for (const TemplatePiece& pc : pieces) {
        if (pc.group < 0) {
          out.add_range(pc.lit, 0, pc.lit.length);
        } else {
          int64_t a = m.caps[static_cast<size_t>(2 * pc.group)], b = m.caps[static_cast<size_t>(2 * pc.group + 1)];
          if (a >= 0 && b >= 0) out.add_range(s, a, b);
        }
      }
    }
    last = m.caps[1];
    n++;
    return 1;
  });
  if (r < 0) return nullptr;
  if (bad_index >= 0)
    return err_format(g_TypeError, "sequence item %lld: expected %s, %s found", static_cast<long long>(bad_index),
                      isb ? "a bytes-like object" : "str instance", bad_type.c_str());
  Ref<> result;
  if (n == 0 && (isb ? is_bytes_exact(text) : is_str_exact(text))) {
    result = Ref<>::borrow(text);
  } else {
    out.add_range(s, last, s.length);
    result = out.finish();
    if (!result) return nullptr;
  }
  if (!with_count) return result;
  return tuple_pack({result.val(), Value::small(n)});
}

Ref<> pattern_sub(Value self, Value* args) { return pattern_subx(self, args[0], args[1], args[2], false); }
Ref<> pattern_subn(Value self, Value* args) { return pattern_subx(self, args[0], args[1], args[2], true); }

// --- Scanner --------------------------------------------------------------------------------

struct ScannerObject : Object {
  Value pattern;  // owned
  Value string;   // owned: the subject as passed
  Value text;     // owned: str or bytes
  int64_t pos, endpos;
  // Guarded by the scanner's critical section:
  int64_t start;  // where the next attempt starts
  bool must_advance;
  bool done;
};

void scanner_dealloc(Object* o) {
  auto* sc = static_cast<ScannerObject*>(o);
  decref(sc->pattern);
  decref(sc->string);
  decref(sc->text);
  free_object(o);
}

void scanner_traverse(Object* o, VisitFn visit, void* arg) {
  auto* sc = static_cast<ScannerObject*>(o);
  visit(sc->pattern, arg);
  visit(sc->string, arg);
  visit(sc->text, arg);
}

Ref<> scanner_new(Value pattern, Value string, Value pos_v, Value endpos_v) {
  const PatternObject* p = as_pattern(pattern);
  Ref<> text;
  Subject s;
  if (!re_subject(p, string, &text, &s)) return nullptr;
  int64_t pos, endpos;
  if (!get_bounds(pos_v, endpos_v, s.length, &pos, &endpos)) return nullptr;
  auto* sc = alloc_object<ScannerObject>(&g_re_scanner_type);
  if (!sc) return nullptr;
  sc->pattern = Ref<>::borrow(pattern).release();
  sc->string = Ref<>::borrow(string).release();
  sc->text = text.release();
  sc->pos = pos;
  sc->endpos = endpos;
  sc->start = pos;
  return Ref<>::steal(Value(sc));
}

Ref<> scanner_next(Value self, ReMode mode) {
  auto* sc = self.as<ScannerObject>();
  CriticalSection cs(self);
  if (sc->done || sc->start > sc->endpos) return new_none();
  const PatternObject* p = as_pattern(sc->pattern);
  Subject s;
  if (p->is_bytes) {
    s = {bytes_data(sc->text), 1, bytes_size(sc->text)};
  } else {
    Str* t = sc->text.as<Str>();
    s = {t->data, t->kind, t->length};
  }
  MatchResult& r = tls_result;
  int rc = re_run(*p->prog, s, sc->pos, sc->endpos, sc->start, mode, sc->must_advance, &r);
  if (rc < 0) return nullptr;
  if (rc == 0) {
    sc->done = true;
    return new_none();
  }
  sc->must_advance = r.caps[0] == r.caps[1];
  sc->start = r.caps[1];
  return re_match_new(sc->pattern, sc->string, sc->text, sc->pos, sc->endpos, r);
}

Ref<> scanner_match(Value self, Value*) { return scanner_next(self, ReMode::kMatch); }
Ref<> scanner_search(Value self, Value*) { return scanner_next(self, ReMode::kSearch); }

const MethodDef kScannerMethods[] = {
    {"match($self, /)", scanner_match, nullptr},
    {"search($self, /)", scanner_search, nullptr},
    {nullptr}};

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
const MemberDef kScannerMembers[] = {
    {"pattern", kMemberObjectReadonly, static_cast<uint32_t>(offsetof(ScannerObject, pattern)), nullptr},
    {nullptr}};
#pragma GCC diagnostic pop

Ref<> pattern_scanner(Value self, Value* args) { return scanner_new(self, args[0], args[1], args[2]); }

// iter(scanner.search, None), as CPython's finditer returns.
Ref<> pattern_finditer(Value self, Value* args) {
  Ref<> sc = scanner_new(self, args[0], args[1], args[2]);
  if (!sc) return nullptr;
  Ref<> search = getattr(sc.val(), "search");
  if (!search) return nullptr;
  return call_iter_new(search.val(), none());
}

// --- the rest of Pattern ----------------------------------------------------------------------

Ref<> pattern_repr(Value self) {
  const PatternObject* p = as_pattern(self);
  Ref<> r = repr(p->pattern);
  if (!r) return nullptr;
  std::u32string out = U"re.compile(";
  Str* rs = r.val().as<Str>();
  for (int64_t i = 0; i < rs->length && i < 200; i++) out.push_back(rs->at(i));
  int64_t flags = p->flags.is_small() ? p->flags.small_value() : 0;
  // A str pattern's implied UNICODE is not shown.
  if (!p->is_bytes && (flags & (kFlagLocale | kFlagUnicode | kFlagAscii)) == kFlagUnicode) flags &= ~kFlagUnicode;
  if (flags) {
    static const struct {
      const char* name;
      int64_t bit;
    } kNames[] = {{"re.TEMPLATE", kFlagTemplate},   {"re.IGNORECASE", kFlagIgnoreCase}, {"re.LOCALE", kFlagLocale},
                  {"re.MULTILINE", kFlagMultiline}, {"re.DOTALL", kFlagDotAll},         {"re.UNICODE", kFlagUnicode},
                  {"re.VERBOSE", kFlagVerbose},     {"re.DEBUG", kFlagDebug},           {"re.ASCII", kFlagAscii}};
    std::string text = ", ";
    bool first = true;
    for (const auto& f : kNames) {
      if (!(flags & f.bit)) continue;
      if (!first) text += "|";
      text += f.name;
      first = false;
      flags &= ~f.bit;
    }
    if (flags) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(flags));
      if (!first) text += "|";
      text += buf;
    }
    for (char c : text) out.push_back(static_cast<unsigned char>(c));
  }
  out.push_back(U')');
  return str_from_u32(out);
}

Ref<> pattern_richcompare(Value a, Value b, CompareOp op) {
  if ((op != kEq && op != kNe) || type_of(b) != &g_re_pattern_type) return Ref<>::borrow(not_implemented());
  bool same;
  if (a == b) {
    same = true;
  } else {
    const PatternObject* x = as_pattern(a);
    const PatternObject* y = as_pattern(b);
    same = x->flags == y->flags && x->is_bytes == y->is_bytes && x->prog->code == y->prog->code;
    if (same) {
      int eq = equal(x->pattern, y->pattern);
      if (eq < 0) return nullptr;
      same = eq != 0;
    }
  }
  return new_bool(op == kEq ? same : !same);
}

int64_t pattern_hash(Value self) {
  const PatternObject* p = as_pattern(self);
  int64_t h = hash(p->pattern);
  if (h == -1) return -1;
  uint64_t x = static_cast<uint64_t>(h) ^ (static_cast<uint64_t>(p->flags.small_value()) * 0x9E3779B97F4A7C15ull);
  int64_t r = static_cast<int64_t>(x);
  return r == -1 ? -2 : r;
}

Ref<> pattern_self(Value self, Value*) { return Ref<>::borrow(self); }
Ref<> pattern_class_getitem(Value cls, Value* args) { return generic_alias_new(cls, args[0]); }

Ref<> pattern_get_groupindex(Value self) { return mappingproxy_new(as_pattern(self)->groupindex); }

const MethodDef kPatternMethods[] = {
    {"match($self, /, string, pos=0, endpos=?)", pattern_match,
     "Matches zero or more characters at the beginning of the string."},
    {"fullmatch($self, /, string, pos=0, endpos=?)", pattern_fullmatch,
     "Matches against all of the string."},
    {"search($self, /, string, pos=0, endpos=?)", pattern_search,
     "Scan through string looking for a match, and return a corresponding match object instance.\n\nReturn None if no position in the string matches."},
    {"sub($self, /, repl, string, count=0)", pattern_sub,
     "Return the string obtained by replacing the leftmost non-overlapping occurrences of pattern in string by the replacement repl."},
    {"subn($self, /, repl, string, count=0)", pattern_subn,
     "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost non-overlapping occurrences of pattern with the replacement repl."},
    {"findall($self, /, string, pos=0, endpos=?)", pattern_findall,
     "Return a list of all non-overlapping matches of pattern in string."},
    {"split($self, /, string, maxsplit=0)", pattern_split,
     "Split string by the occurrences of pattern."},
    {"finditer($self, /, string, pos=0, endpos=?)", pattern_finditer,
     "Return an iterator over all non-overlapping matches for the RE pattern in string.\n\nFor each match, the iterator returns a match object."},
    {"scanner($self, /, string, pos=0, endpos=?)", pattern_scanner, nullptr},
    {"__copy__($self, /)", pattern_self, nullptr},
    {"__deepcopy__($self, memo, /)", pattern_self, nullptr},
    {"__class_getitem__($type, item, /)", pattern_class_getitem, "See PEP 585", kMethClass},
    {nullptr}};

const GetSetDef kPatternGetSets[] = {
    {"groupindex", pattern_get_groupindex, nullptr, "A dictionary mapping group names to group numbers."},
    {nullptr}};

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
const MemberDef kPatternMembers[] = {
    {"pattern", kMemberObjectReadonly, static_cast<uint32_t>(offsetof(PatternObject, pattern)),
     "The pattern string from which the RE object was compiled."},
    {"flags", kMemberObjectReadonly, static_cast<uint32_t>(offsetof(PatternObject, flags)),
     "The regex matching flags."},
    {"groups", kMemberObjectReadonly, static_cast<uint32_t>(offsetof(PatternObject, groups)),
     "The number of capturing groups in the pattern."},
    {nullptr}};
#pragma GCC diagnostic pop

}  // namespace

// --- shared helpers (re_types.h) ------------------------------------------------------------

bool re_subject(const PatternObject* p, Value string, Ref<>* text, Subject* s) {
  if (!p->is_bytes) {
    if (is_str(string)) {
      Str* t = string.as<Str>();
      *s = {t->data, t->kind, t->length};
      *text = Ref<>::borrow(string);
      return true;
    }
    if (module_has_buffer(string)) {
      err_set_str(g_TypeError, "cannot use a string pattern on a bytes-like object");
      return false;
    }
  } else {
    if (is_bytes(string)) {
      *s = {bytes_data(string), 1, bytes_size(string)};
      *text = Ref<>::borrow(string);
      return true;
    }
    if (is_str(string)) {
      err_set_str(g_TypeError, "cannot use a bytes pattern on a string-like object");
      return false;
    }
    std::string data;
    if (module_buffer_copy(string, &data)) {
      Ref<> b = bytes_from(data);
      if (!b) return false;
      *s = {bytes_data(b.val()), 1, bytes_size(b.val())};
      *text = std::move(b);
      return true;
    }
  }
  err_format(g_TypeError, "expected string or bytes-like object, got '%s'", type_name(type_of(string)));
  return false;
}

void ReBuilder::add_range(const Subject& s, int64_t a, int64_t b) {
  if (a >= b) return;
  if (isb || (!wide && s.kind == 1)) {
    bytes.append(static_cast<const char*>(s.data) + a, static_cast<size_t>(b - a));
    return;
  }
  if (!wide) {
    wide = true;
    text.reserve(bytes.size() + static_cast<size_t>(b - a));
    for (char c : bytes) text.push_back(static_cast<unsigned char>(c));
    bytes.clear();
  }
  size_t at = text.size();
  text.resize(at + static_cast<size_t>(b - a));
  char32_t* d = text.data() + at;
  if (s.kind == 1) {
    const uint8_t* p = static_cast<const uint8_t*>(s.data);
    for (int64_t i = a; i < b; i++) *d++ = p[i];
  } else if (s.kind == 2) {
    const uint16_t* p = static_cast<const uint16_t*>(s.data);
    for (int64_t i = a; i < b; i++) *d++ = p[i];
  } else {
    std::memcpy(d, static_cast<const uint32_t*>(s.data) + a, static_cast<size_t>(b - a) * 4);
  }
}

Ref<> ReBuilder::finish() {
  if (isb) return bytes_from(bytes);
  if (!wide) return str_from_latin1(reinterpret_cast<const uint8_t*>(bytes.data()), static_cast<int64_t>(bytes.size()));
  return str_from_u32(text);
}

bool re_compile_template(Value pattern, Value repl, std::vector<TemplatePiece>* out) {
  const PatternObject* p = as_pattern(pattern);
  // A str (or bytes) template without a backslash is its own only piece.
  if (!p->is_bytes && is_str(repl)) {
    Str* t = repl.as<Str>();
    bool plain = true;
    for (int64_t i = 0; i < t->length && plain; i++) plain = t->at(i) != '\\';
    if (plain) {
      out->push_back({-1, {t->data, t->kind, t->length}, Ref<>::borrow(repl)});
      return true;
    }
  } else if (p->is_bytes && is_bytes(repl)) {
    const uint8_t* d = bytes_data(repl);
    if (!std::memchr(d, '\\', static_cast<size_t>(bytes_size(repl)))) {
      out->push_back({-1, {d, 1, bytes_size(repl)}, Ref<>::borrow(repl)});
      return true;
    }
  }
  Value hook = Value(g_template_hook.load(std::memory_order_acquire));
  if (hook.is_null()) {
    err_set_str(g_RuntimeError, "re templates are not available (re was not imported)");
    return false;
  }
  Ref<> hold = Ref<>::borrow(hook);
  Value cargs[2] = {pattern, repl};
  Ref<> list = call(hold.val(), cargs, 2);  // runs Python code
  if (!list) return false;
  if (!is_list(list.val())) {
    err_set_str(g_TypeError, "re._compile_template() must return a list");
    return false;
  }
  int64_t ngroups = p->prog->ngroups;
  for (int64_t i = 0; i < list_size(list.val()); i++) {
    Ref<> item = list_get(list.val(), i);
    if (!item) return false;
    Value v = item.val();
    TemplatePiece pc{-1, {}, item};
    if (!p->is_bytes && is_str(v)) {
      Str* t = v.as<Str>();
      pc.lit = {t->data, t->kind, t->length};
    } else if (p->is_bytes && is_bytes(v)) {
      pc.lit = {bytes_data(v), 1, bytes_size(v)};
    } else if (v.is_small() && v.small_value() >= 0 && v.small_value() < ngroups) {
      pc.group = v.small_value();
    } else {
      err_set_str(g_TypeError, "bad piece in a compiled re template");
      return false;
    }
    out->push_back(std::move(pc));
  }
  return true;
}

Ref<> re_no_new(Type* t, const Value*, size_t, Value) {
  return err_format(g_TypeError, "cannot create '%s' instances", t->name);
}

Ref<> re_set_hooks(Value compile_template) {
  incref(compile_template);
  Value old = Value(g_template_hook.exchange(compile_template.bits(), std::memory_order_acq_rel));
  if (!old.is_null()) qsbr_retire_value(old);
  return new_none();
}

Ref<> re_pattern_new(Value pattern, Value flags, Program* prog, Value groupindex) {
  std::unique_ptr<Program> owned(prog);
  if (!is_str(pattern) && !is_bytes(pattern)) return err_set_str(g_TypeError, "first argument must be string or compiled pattern");
  if (!flags.is_small()) return err_set_str(g_TypeError, "flags must be a small int");
  if (!is_dict(groupindex)) return err_set_str(g_TypeError, "groupindex must be a dict");
  Ref<Dict> gi = dict_copy(groupindex);
  if (!gi) return nullptr;
  Ref<Tuple> ig = tuple_new(prog->ngroups);
  if (!ig) return nullptr;
  for (int64_t i = 0; i < prog->ngroups; i++) tuple_init_item(ig.get(), i, new_none());
  int64_t pos = 0;
  Ref<> name, index;
  while (dict_next(gi.val(), &pos, &name, &index)) {
    if (!index.val().is_small() || index.val().small_value() < 1 || index.val().small_value() >= prog->ngroups)
      return err_set_str(g_ValueError, "bad group index");
    int64_t g = index.val().small_value();
    Value old = ig->items[g];
    ig->items[g] = name.val();
    incref(name.val());
    decref(old);
  }
  auto* p = alloc_object<PatternObject>(&g_re_pattern_type);
  if (!p) return nullptr;
  p->prog = owned.release();
  p->pattern = Ref<>::borrow(pattern).release();
  p->flags = flags;
  p->groups = Value::small(prog->ngroups - 1);
  p->groupindex = gi.release();
  p->indexgroup = ig.release();
  p->is_bytes = is_bytes(pattern);
  return Ref<>::steal(Value(p));
}

void re_pattern_types_init() {
  Type* t = &g_re_pattern_type;
  t->name = "re.Pattern";
  t->basic_size = sizeof(PatternObject);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
  t->weaklist_offset = static_cast<int32_t>(offsetof(PatternObject, weakreflist));
#pragma GCC diagnostic pop
  t->flags = kTypeHasGc;
  t->tp_new = re_no_new;
  t->tp_dealloc = pattern_dealloc;
  t->tp_traverse = pattern_traverse;
  t->tp_repr = pattern_repr;
  t->tp_richcompare = pattern_richcompare;
  t->tp_hash = pattern_hash;
  t->methods = kPatternMethods;
  t->getsets = kPatternGetSets;
  t->members = kPatternMembers;
  t->doc = "Compiled regular expression object.";
  type_ready(t);
  t = &g_re_scanner_type;
  t->name = "_sre.SRE_Scanner";
  t->basic_size = sizeof(ScannerObject);
  t->flags = kTypeHasGc;
  t->tp_new = re_no_new;
  t->tp_dealloc = scanner_dealloc;
  t->tp_traverse = scanner_traverse;
  t->methods = kScannerMethods;
  t->members = kScannerMembers;
  type_ready(t);
}

}  // namespace ftpy
