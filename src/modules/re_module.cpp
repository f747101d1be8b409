// The `_ftpy_sre` module: compiled regular-expression programs for lib/re.
//
//   compile(code, groups, repeats) -> Program   (code from re._engine.generate)
//   Program.run(string, endpos, start, mode, must_advance)
//       -> None or (start0, end0, start1, end1, ..., lastindex)
//       mode 0 match at start, 1 fullmatch, 2 search from start
//   Program.findall(string, pos, endpos) -> list, built here
//   Program.split(string, maxsplit) -> list
//   Program.subt(string, template, count) -> (new string, count): sub() with
//       a template of literal pieces and group numbers
//   Program.subf(string, repl, count, make, pattern) -> (new string, count):
//       sub() with a function, str subjects only (make builds the Match)
// A subject is a str or a bytes object (lib/re turns other bytes-like
// objects into bytes first).
//
// Thread safety: a Program is immutable after construction (program_load runs
// before the object is published) and shared freely; each call has its own
// match state (re_matcher.cpp). Subjects are immutable str/bytes objects that
// the caller's arguments keep alive for the call.
#include "modules/re_module.h"

#include <mutex>
#include <new>
#include <string>

#include "modules/re_program.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"
#include "runtime/heap.h"

namespace ftpy {

namespace {

Type g_program_type;

// Immutable after re_compile publishes it (see the file comment).
struct ProgramObject : Object {
  Program* prog;  // owned
};

void program_dealloc(Object* o) {
  delete static_cast<ProgramObject*>(o)->prog;
  free_object(o);
}

const Program& prog_of(Value self) { return *self.as<ProgramObject>()->prog; }

bool get_subject(Value v, Subject* out, bool* is_bytes_out) {
  if (is_str(v)) {
    Str* s = v.as<Str>();
    out->data = s->data;
    out->kind = s->kind;
    out->length = s->length;
    *is_bytes_out = false;
    return true;
  }
  if (is_bytes(v)) {
    Bytes* b = v.as<Bytes>();
    out->data = b->data;
    out->kind = 1;
    out->length = b->size;
    *is_bytes_out = true;
    return true;
  }
  err_format(g_TypeError, "expected string or bytes-like object, got '%s'", type_name(type_of(v)));
  return false;
}

bool get_i64(Value v, int64_t* out) { return to_int64(v, out); }

// subject[a:b] as str or bytes.
Ref<> slice(Value subject, const Subject& s, bool is_bytes_subject, int64_t a, int64_t b) {
  if (is_bytes_subject) return bytes_from(static_cast<const uint8_t*>(s.data) + a, static_cast<size_t>(b - a));
  return str_substring(subject.as<Str>(), a, b);
}

Ref<> empty_of(bool is_bytes_subject) {
  if (is_bytes_subject) return bytes_from("", 0);
  return Ref<>::borrow(str_empty());
}

// Group g of a match, or `dflt` (borrowed; null: the empty string) when unset.
Ref<> group_or(Value subject, const Subject& s, bool isb, const MatchResult& m, int64_t g, Value dflt) {
  int64_t a = m.caps[static_cast<size_t>(2 * g)], b = m.caps[static_cast<size_t>(2 * g + 1)];
  if (a < 0 || b < 0) return dflt.is_null() ? empty_of(isb) : Ref<>::borrow(dflt);
  return slice(subject, s, isb, a, b);
}

Ref<> re_compile(Value, Value* args) {
  if (!is_list(args[0])) return err_set_str(g_TypeError, "compile() expects a list of ints");
  int64_t groups, nrep;
  if (!get_i64(args[1], &groups) || !get_i64(args[2], &nrep)) return nullptr;
  if (groups < 1 || groups > (1 << 30) || nrep < 0 || nrep > (1 << 30))
    return err_set_str(g_ValueError, "bad group or repeat count");
  std::vector<int64_t> code;
  int64_t n = list_size(args[0]);
  code.reserve(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; i++) {
    Ref<> item = list_get(args[0], i);
    if (!item) return nullptr;
    int64_t x;
    if (!get_i64(item.val(), &x)) return nullptr;
    code.push_back(x);
  }
  auto* prog = new Program();
  std::string error;
  if (!program_load(prog, std::move(code), static_cast<int>(groups), static_cast<int>(nrep), &error)) {
    delete prog;
    return err_format(g_ValueError, "invalid regular-expression program: %s", error.c_str());
  }
  auto* o = alloc_object<ProgramObject>(&g_program_type);
  if (!o) {
    delete prog;
    return nullptr;
  }
  o->prog = prog;
  return Ref<>::steal(Value(o));
}

// Clamps pos/endpos as CPython's state_init does.
void clamp(int64_t len, int64_t* pos, int64_t* endpos) {
  if (*pos < 0) *pos = 0;
  if (*pos > len) *pos = len;
  if (*endpos < 0) *endpos = 0;
  if (*endpos > len) *endpos = len;
}

Ref<> spans_tuple(const MatchResult& m);

Ref<> program_run(Value self, Value* args) {
  Subject s;
  bool isb;
  if (!get_subject(args[0], &s, &isb)) return nullptr;
  int64_t endpos, start, mode;
  if (!get_i64(args[1], &endpos) || !get_i64(args[2], &start) || !get_i64(args[3], &mode)) return nullptr;
  int must_advance = truthy(args[4]);
  if (must_advance < 0) return nullptr;
  if (endpos > s.length) endpos = s.length;
  if (start < 0 || start > endpos || mode < 0 || mode > 2) return new_none();
  MatchResult m;
  int r = re_run(prog_of(self), s, 0, endpos, start,
                 mode == 0 ? ReMode::kMatch : mode == 1 ? ReMode::kFullMatch : ReMode::kSearch, must_advance != 0, &m);
  if (r < 0) return nullptr;
  if (r == 0) return new_none();
  return spans_tuple(m);
}

// (start0, end0, start1, end1, ..., lastindex) for a match.
Ref<> spans_tuple(const MatchResult& m) {
  size_t n = m.caps.size();
  Ref<Tuple> t = tuple_new(static_cast<int64_t>(n + 1));
  if (!t) return nullptr;
  for (size_t i = 0; i < n; i++) {
    Ref<> v = int_from_int64(m.caps[i]);
    if (!v) return nullptr;
    tuple_init_item(t.get(), static_cast<int64_t>(i), std::move(v));
  }
  Ref<> last = m.lastindex < 0 ? new_none() : int_from_int64(m.lastindex);
  if (!last) return nullptr;
  tuple_init_item(t.get(), static_cast<int64_t>(n), std::move(last));
  return t;
}

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

Ref<> program_findall(Value self, Value* args) {
  Subject s;
  bool isb;
  if (!get_subject(args[0], &s, &isb)) return nullptr;
  int64_t pos, endpos;
  if (!get_i64(args[1], &pos) || !get_i64(args[2], &endpos)) return nullptr;
  clamp(s.length, &pos, &endpos);
  const Program& p = prog_of(self);
  Ref<List> out = list_new();
  if (!out) return nullptr;
  int64_t ng = p.ngroups - 1;
  int r = each_match(p, s, pos, endpos, [&](const MatchResult& m) -> int {
    Ref<> item;
    if (ng == 0) {
      item = slice(args[0], s, isb, m.caps[0], m.caps[1]);
    } else if (ng == 1) {
      item = group_or(args[0], s, isb, m, 1, Value());
    } else {
      Ref<Tuple> t = tuple_new(ng);
      if (!t) return -1;
      for (int64_t g = 1; g <= ng; g++) {
        Ref<> v = group_or(args[0], s, isb, m, g, Value());
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

Ref<> program_split(Value self, Value* args) {
  Subject s;
  bool isb;
  if (!get_subject(args[0], &s, &isb)) return nullptr;
  int64_t maxsplit;
  if (!get_i64(args[1], &maxsplit)) return nullptr;
  const Program& p = prog_of(self);
  Ref<List> out = list_new();
  if (!out) return nullptr;
  int64_t last = 0, count = 0;
  int r = each_match(p, s, 0, s.length, [&](const MatchResult& m) -> int {
    if (maxsplit != 0 && count >= maxsplit) return 0;
    Ref<> piece = slice(args[0], s, isb, last, m.caps[0]);
    if (!piece || list_append(out.val(), piece.val()) < 0) return -1;
    for (int64_t g = 1; g < p.ngroups; g++) {
      Ref<> v = group_or(args[0], s, isb, m, g, none());
      if (!v || list_append(out.val(), v.val()) < 0) return -1;
    }
    last = m.caps[1];
    count++;
    return 1;
  });
  if (r < 0) return nullptr;
  Ref<> tail = slice(args[0], s, isb, last, s.length);
  if (!tail || list_append(out.val(), tail.val()) < 0) return nullptr;
  return out;
}

// Appends subject code units [a, b) or a template piece to the output.
struct Builder {
  bool isb;
  std::string bytes;
  std::u32string text;
  void add_range(const Subject& s, int64_t a, int64_t b) {
    if (isb) {
      bytes.append(reinterpret_cast<const char*>(s.data) + a, static_cast<size_t>(b - a));
      return;
    }
    for (int64_t i = a; i < b; i++)
      text.push_back(s.kind == 1   ? static_cast<const uint8_t*>(s.data)[i]
                     : s.kind == 2 ? static_cast<const uint16_t*>(s.data)[i]
                                   : static_cast<const uint32_t*>(s.data)[i]);
  }
};

Ref<> program_subt(Value self, Value* args) {
  Subject s;
  bool isb;
  if (!get_subject(args[0], &s, &isb)) return nullptr;
  Value tmpl = args[1];
  if (!is_list(tmpl)) return err_set_str(g_TypeError, "template must be a list");
  int64_t count;
  if (!get_i64(args[2], &count)) return nullptr;
  const Program& p = prog_of(self);
  // The template as (group number or -1, literal subject) pieces.
  struct Piece {
    int64_t group;
    Subject lit;
    Ref<> hold;
  };
  std::vector<Piece> pieces;
  for (int64_t i = 0; i < list_size(tmpl); i++) {
    Ref<> item = list_get(tmpl, i);
    if (!item) return nullptr;
    Piece pc{-1, {}, item};
    if (is_str(item.val()) || is_bytes(item.val())) {
      bool pb;
      if (!get_subject(item.val(), &pc.lit, &pb)) return nullptr;
      if (pb != isb) return err_set_str(g_TypeError, "template piece of the wrong type");
    } else {
      if (!get_i64(item.val(), &pc.group)) return nullptr;
      if (pc.group < 0 || pc.group >= p.ngroups) return err_set_str(g_IndexError, "no such group");
    }
    pieces.push_back(std::move(pc));
  }
  Builder out{isb, {}, {}};
  int64_t last = 0, n = 0;
  int r = each_match(p, s, 0, s.length, [&](const MatchResult& m) -> int {
    if (count != 0 && n >= count) return 0;
    out.add_range(s, last, m.caps[0]);
    for (const Piece& pc : pieces) {
      if (pc.group < 0) {
        out.add_range(pc.lit, 0, pc.lit.length);
      } else {
        int64_t a = m.caps[static_cast<size_t>(2 * pc.group)], b = m.caps[static_cast<size_t>(2 * pc.group + 1)];
        if (a >= 0 && b >= 0) out.add_range(s, a, b);
      }
    }
    last = m.caps[1];
    n++;
    return 1;
  });
  if (r < 0) return nullptr;
  out.add_range(s, last, s.length);
  Ref<> result = isb ? bytes_from(out.bytes) : Ref<>(str_from_u32(out.text));
  if (!result) return nullptr;
  Ref<> num = int_from_int64(n);
  if (!num) return nullptr;
  Ref<Tuple> t = tuple_pack({result.val(), num.val()});
  if (!t) return nullptr;
  return t;
}

// sub() with a function on a str subject: for each match, m = make(pattern,
// string, string, 0, len(string), spans) and the piece repl(m), which must
// be a str or None (skipped). The loop that lib/re would run per match in
// Python (a generator, span(), the type checks, the join) runs here.
Ref<> program_subf(Value self, Value* args) {
  Subject s;
  bool isb;
  if (!get_subject(args[0], &s, &isb)) return nullptr;
  if (isb) return err_set_str(g_TypeError, "subf() takes a str subject");
  Value repl = args[1];
  int64_t count;
  if (!get_i64(args[2], &count)) return nullptr;
  Value make = args[3];
  Ref<> len = int_from_int64(s.length);
  if (!len) return nullptr;
  Ref<> zero = int_from_int64(0);
  if (!zero) return nullptr;
  const Program& p = prog_of(self);
  Builder out{false, {}, {}};
  int64_t last = 0, n = 0;
  // A piece that is not a str fails the join at the end, as in CPython
  // (every match's function still runs): "sequence item K" counts the
  // pieces CPython's list would hold (non-empty gaps and non-None pieces).
  int64_t items = 0, bad_index = -1;
  std::string bad_type;
  int r = each_match(p, s, 0, s.length, [&](const MatchResult& m) -> int {
    if (count != 0 && n >= count) return 0;
    Ref<> spans = spans_tuple(m);
    if (!spans) return -1;
    Value margs[6] = {args[4], args[0], args[0], zero.val(), len.val(), spans.val()};
    Ref<> match = call(make, margs, 6);
    if (!match) return -1;
    Ref<> piece = call1(repl, match.val());
    if (!piece) return -1;
    if (m.caps[0] > last) items++;
    out.add_range(s, last, m.caps[0]);
    if (!is_none(piece.val())) {
      if (!is_str(piece.val())) {
        if (bad_index < 0) {
          bad_index = items;
          bad_type = type_name(type_of(piece.val()));
        }
      } else {
        Subject ps;
        bool pb;
        if (!get_subject(piece.val(), &ps, &pb)) return -1;
        out.add_range(ps, 0, ps.length);
      }
      items++;
    }
    last = m.caps[1];
    n++;
    return 1;
  });
  if (r < 0) return nullptr;
  if (bad_index >= 0)
    return err_format(g_TypeError, "sequence item %lld: expected str instance, %s found",
                      static_cast<long long>(bad_index), bad_type.c_str());
  out.add_range(s, last, s.length);
  Ref<> result = str_from_u32(out.text);
  if (!result) return nullptr;
  Ref<> num = int_from_int64(n);
  if (!num) return nullptr;
  Ref<Tuple> t = tuple_pack({result.val(), num.val()});
  if (!t) return nullptr;
  return t;
}

const MethodDef kProgramMethods[] = {
    {"run($self, string, endpos, start, mode, must_advance, /)", program_run,
     "Match at start (mode 0), fullmatch (1) or search from start (2): the spans and lastindex, or None."},
    {"findall($self, string, pos, endpos, /)", program_findall, "All matches, as re.findall returns them."},
    {"split($self, string, maxsplit, /)", program_split, "The string split at matches, as re.split."},
    {"subt($self, string, template, count, /)", program_subt,
     "sub() with a template of literal pieces and group numbers: (new string, count)."},
    {"subf($self, string, repl, count, make, pattern, /)", program_subf,
     "sub() with a function on a str subject: (new string, count)."},
    {nullptr}};

const MethodDef kReFunctions[] = {
    {"compile(code, groups, repeats, /)", re_compile, "Load a program generated by re._engine."},
    {nullptr}};

void re_init_once() {
  Type* t = &g_program_type;
  t->name = "_ftpy_sre.Program";
  t->basic_size = sizeof(ProgramObject);
  t->tp_dealloc = program_dealloc;
  t->methods = kProgramMethods;
  t->doc = "A compiled regular-expression program (immutable).";
  type_ready(t);
}

}  // namespace

Ref<> re_module_create() {
  static std::once_flag once;
  std::call_once(once, re_init_once);
  Ref<> m = module_new("_ftpy_sre");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kReFunctions) < 0) return nullptr;
  if (dict_set_item_str(module_dict(m.val()), "Program", Value(&g_program_type)) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
