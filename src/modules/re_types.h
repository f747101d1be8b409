// The native objects of ftpy's `re` module, made by `_ftpy_sre`:
//   re.Pattern        a compiled pattern (re_pattern.cpp)
//   re.Match          the result of a successful match (re_match.cpp)
//   _sre.SRE_Scanner  Pattern.scanner()'s object, behind finditer (re_pattern.cpp)
// lib/re parses a pattern in Python (re/_engine.py) and hands the generated
// program to _ftpy_sre.compile(), which returns the Pattern; from then on
// matching, group access, findall/split/sub and their Match objects run
// here without Python frames. One thing stays in Python, reached through a
// hook that lib/re registers at import (_ftpy_sre._set_hooks): the parsing
// of a sub()/expand() template with backslashes, or of a type other than
// str/bytes (re._compile_template, which caches its results).
//
// Thread safety: a Pattern is immutable after _ftpy_sre.compile() returns it
// (its Program, pattern, flags, groupindex dict and index-to-name tuple are
// never written again), so any number of threads match with one Pattern at
// once; every match attempt has its own state (re_matcher.cpp). A Match is
// immutable from creation. A Scanner's position changes with each call: its
// match()/search() run inside the scanner's critical section.
//
// Cycles: all three are tracked by the collector and traverse what they hold,
// because a subject or pattern string can be a str/bytes subclass instance
// whose __dict__ refers back to them. None has a tp_clear, so each stays
// readable until it is freed: the only objects they reference that can refer
// back are such subclass instances (or containers), whose clear breaks the
// cycle.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "modules/re_program.h"
#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

extern Type g_re_pattern_type;
extern Type g_re_match_type;
extern Type g_re_scanner_type;

struct PatternObject : Object {
  Program* prog;     // owned
  Value pattern;     // str or bytes (owned)
  Value flags;       // int (owned)
  Value groups;      // int: capturing groups (owned)
  Value groupindex;  // dict name -> group number (owned; never mutated)
  Value indexgroup;  // tuple: group number -> name or None (owned)
  Value weakreflist;
  bool is_bytes;
};

// The spans follow the object: 2 * ngroups int64s, -1 for an unset group.
struct MatchObject : Object {
  Value pattern;   // PatternObject (owned)
  Value string;    // the subject as the caller passed it (owned)
  Value text;      // the subject as str or bytes, for slicing (owned)
  Value pos;       // int: the clamped pos and endpos
  Value endpos;
  int64_t lastindex;  // -1: None
  int64_t ngroups;    // including group 0
  int64_t* caps() { return reinterpret_cast<int64_t*>(this + 1); }
  const int64_t* caps() const { return reinterpret_cast<const int64_t*>(this + 1); }
};
static_assert(sizeof(MatchObject) % 8 == 0);

inline PatternObject* as_pattern(Value v) { return v.as<PatternObject>(); }

// The subject of a match for pattern p: text is `string` itself for a str
// (or bytes, for a bytes pattern) and a bytes copy of another bytes-like
// object; TypeError for a subject of the wrong kind.
bool re_subject(const PatternObject* p, Value string, Ref<>* text, Subject* s);

// A new Match for result `m` of pattern `pattern` on `string` (text as
// re_subject made it).
Ref<> re_match_new(Value pattern, Value string, Value text, int64_t pos, int64_t endpos, const MatchResult& m);

// Group g of match `m` (text being the str/bytes subject), or `dflt`
// (borrowed) when the group did not take part.
Ref<> re_match_group(const MatchObject* m, int64_t g, Value dflt);

// The pieces of a template compiled by the re._compile_template hook (a list
// of literal str/bytes pieces and group numbers): a piece with group < 0 is
// the literal `lit`.
struct TemplatePiece {
  int64_t group;
  Subject lit;
  Ref<> hold;
};
bool re_compile_template(Value pattern, Value repl, std::vector<TemplatePiece>* out);

// Appends subject code units or bytes to a sub()/expand() result. A str
// result is kept one byte a character (in `bytes`, as Latin-1) until a
// wider piece comes, and then widened into `text` once.
struct ReBuilder {
  bool isb;
  std::string bytes;
  std::u32string text;
  bool wide = false;
  void add_range(const Subject& s, int64_t a, int64_t b);
  Ref<> finish();
};

// Called once by re_module.cpp before the module is published.
void re_pattern_types_init();
void re_match_type_init();
// A new Pattern owning `prog` (deleted on failure too); groupindex is copied.
Ref<> re_pattern_new(Value pattern, Value flags, Program* prog, Value groupindex);
// The tp_new of types Python code cannot instantiate.
Ref<> re_no_new(Type* t, const Value* args, size_t nargs, Value kwnames);
// The hooks lib/re registers (_ftpy_sre._set_hooks).
Ref<> re_set_hooks(Value compile_template);

}  // namespace ftpy
