// re.Match: the result of a successful match (re_types.h says how the
// objects fit together). A Match is made by the Pattern's methods straight
// from the matcher's spans, which follow the object in memory; group access,
// span(), groupdict(), expand() and the repr read them without Python code.
// The API and the messages are CPython 3.11's.
//
// Thread safety: a Match is immutable from creation; it holds references to
// its Pattern (immutable) and its subject (an immutable str or bytes, or
// the caller's object, which is only handed back through .string).
// It is tracked by the collector (re_types.h says how cycles are broken).
#include <cstring>
#include <mutex>

#include "modules/re_types.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_re_match_type;

namespace {

MatchObject* as_match(Value v) { return v.as<MatchObject>(); }

void match_dealloc(Object* o) {
  auto* m = static_cast<MatchObject*>(o);
  decref(m->pattern);
  decref(m->string);
  decref(m->text);
  free_object(o);
}

void match_traverse(Object* o, VisitFn visit, void* arg) {
  auto* m = static_cast<MatchObject*>(o);
  visit(m->pattern, arg);
  visit(m->string, arg);
  visit(m->text, arg);
}

// subject[a:b] of the match's text (a str or bytes).
Ref<> text_slice(const MatchObject* m, int64_t a, int64_t b) {
  if (as_pattern(m->pattern)->is_bytes) {
    if (a == 0 && b == bytes_size(m->text) && is_bytes_exact(m->text)) return Ref<>::borrow(m->text);
    return bytes_from(bytes_data(m->text) + a, static_cast<size_t>(b - a));
  }
  return str_substring(m->text.as<Str>(), a, b);
}

// The group number `index` names: an int (or __index__) in range, or a
// group name; IndexError "no such group" for anything else.
bool group_index(const MatchObject* m, Value index, int64_t* out) {
  int64_t i = -1;
  if (index.is_small()) {
    i = index.small_value();
  } else if (type_of(index)->nb_index) {
    Ref<> n = number_index(index);
    if (!n) return false;
    if (!int_as_int64(n.val(), &i)) i = -1;  // out of range either way
  } else {
    // A name is looked up only when the pattern has named groups (so an
    // unhashable one is a TypeError only then, as in CPython).
    Value gi = as_pattern(m->pattern)->groupindex;
    if (dict_size(gi) > 0) {
      Ref<> found;
      int r = dict_get_item(gi, index, &found);
      if (r < 0) return false;
      if (r > 0 && found.val().is_small()) i = found.val().small_value();
    }
  }
  if (i < 0 || i >= m->ngroups) {
    err_set_str(g_IndexError, "no such group");
    return false;
  }
  *out = i;
  return true;
}

Ref<> group_of(const MatchObject* m, Value index, Value dflt) {
  int64_t g;
  if (index.is_small() && index.small_value() >= 0 && index.small_value() < m->ngroups) {
    g = index.small_value();
  } else if (!group_index(m, index, &g)) {
    return nullptr;
  }
  return re_match_group(m, g, dflt);
}

Ref<> match_group(Value self, Value* args) {
  const MatchObject* m = as_match(self);
  Value t = args[0];
  int64_t n = tuple_size(t);
  if (n == 0) return re_match_group(m, 0, none());
  if (n == 1) return group_of(m, tuple_item(t, 0), none());
  Ref<Tuple> out = tuple_new(n);
  if (!out) return nullptr;
  for (int64_t i = 0; i < n; i++) {
    Ref<> v = group_of(m, tuple_item(t, i), none());
    if (!v) return nullptr;
    tuple_init_item(out.get(), i, std::move(v));
  }
  return out;
}

Ref<> match_getitem(Value self, Value key) { return group_of(as_match(self), key, none()); }

Ref<> match_groups(Value self, Value* args) {
  const MatchObject* m = as_match(self);
  Ref<Tuple> out = tuple_new(m->ngroups - 1);
  if (!out) return nullptr;
  for (int64_t g = 1; g < m->ngroups; g++) {
    Ref<> v = re_match_group(m, g, args[0]);
    if (!v) return nullptr;
    tuple_init_item(out.get(), g - 1, std::move(v));
  }
  return out;
}

Ref<> match_groupdict(Value self, Value* args) {
  const MatchObject* m = as_match(self);
  Value gi = as_pattern(m->pattern)->groupindex;
  Ref<Dict> out = dict_new();
  if (!out) return nullptr;
  int64_t pos = 0;
  Ref<> name, index;
  while (dict_next(gi, &pos, &name, &index)) {
    int64_t g;
    if (!group_index(m, index.val(), &g)) return nullptr;
    Ref<> v = re_match_group(m, g, args[0]);
    if (!v || dict_set_item(out.val(), name.val(), v.val()) < 0) return nullptr;
  }
  return out;
}

// The span of the group args[0] names (default 0) in *a, *b.
bool span_of(Value self, Value group, int64_t* a, int64_t* b) {
  const MatchObject* m = as_match(self);
  int64_t g = 0;
  if (group.is_small() && group.small_value() >= 0 && group.small_value() < m->ngroups) {
    g = group.small_value();
  } else if (!group_index(m, group, &g)) {
    return false;
  }
  *a = m->caps()[2 * g];
  *b = m->caps()[2 * g + 1];
  if (*a < 0 || *b < 0) *a = *b = -1;
  return true;
}

Ref<> match_start(Value self, Value* args) {
  int64_t a, b;
  if (!span_of(self, args[0], &a, &b)) return nullptr;
  return Ref<>::steal(Value::small(a));
}

Ref<> match_end(Value self, Value* args) {
  int64_t a, b;
  if (!span_of(self, args[0], &a, &b)) return nullptr;
  return Ref<>::steal(Value::small(b));
}

Ref<> span_tuple(int64_t a, int64_t b) {
  return tuple_pack({Value::small(a), Value::small(b)});
}

Ref<> match_span(Value self, Value* args) {
  int64_t a, b;
  if (!span_of(self, args[0], &a, &b)) return nullptr;
  return span_tuple(a, b);
}

Ref<> match_expand(Value self, Value* args) {
  const MatchObject* m = as_match(self);
  bool isb = as_pattern(m->pattern)->is_bytes;
  Value repl = args[0];
  // A template of the other kind fails CPython's join of the pieces.
  if (is_str(repl) ? isb : !isb && is_bytes_like(repl))
    return err_format(g_TypeError, "sequence item 0: expected %s, %s found",
                      isb ? "a bytes-like object" : "str instance", type_name(type_of(repl)));
  std::vector<TemplatePiece> pieces;
  if (!re_compile_template(m->pattern, repl, &pieces)) return nullptr;
  Subject s;
  if (isb) {
    s = {bytes_data(m->text), 1, bytes_size(m->text)};
  } else {
    Str* t = m->text.as<Str>();
    s = {t->data, t->kind, t->length};
  }
  ReBuilder out{isb, {}, {}};
  for (const TemplatePiece& pc : pieces) {
    if (pc.group < 0) {
      out.add_range(pc.lit, 0, pc.lit.length);
      continue;
    }
    int64_t a = m->caps()[2 * pc.group], b = m->caps()[2 * pc.group + 1];
    if (a >= 0 && b >= 0) out.add_range(s, a, b);
  }
  return out.finish();
}

Ref<> match_repr(Value self) {
  const MatchObject* m = as_match(self);
  Ref<> g0 = re_match_group(m, 0, none());
  if (!g0) return nullptr;
  Ref<> r = repr(g0.val());
  if (!r) return nullptr;
  std::string text = "<re.Match object; span=(" + std::to_string(m->caps()[0]) + ", " +
                     std::to_string(m->caps()[1]) + "), match=";
  text += str_view(r.val());
  text += ">";
  return str_from_utf8(text);
}

Ref<> match_self(Value self, Value*) { return Ref<>::borrow(self); }

Ref<> match_class_getitem(Value cls, Value* args) { return generic_alias_new(cls, args[0]); }

Ref<> match_get_lastindex(Value self) {
  const MatchObject* m = as_match(self);
  if (m->lastindex < 0) return new_none();
  return Ref<>::steal(Value::small(m->lastindex));
}

Ref<> match_get_lastgroup(Value self) {
  const MatchObject* m = as_match(self);
  Value ig = as_pattern(m->pattern)->indexgroup;
  if (m->lastindex < 0 || m->lastindex >= tuple_size(ig)) return new_none();
  return Ref<>::borrow(tuple_item(ig, m->lastindex));
}

Ref<> match_get_regs(Value self) {
  const MatchObject* m = as_match(self);
  Ref<Tuple> out = tuple_new(m->ngroups);
  if (!out) return nullptr;
  for (int64_t g = 0; g < m->ngroups; g++) {
    int64_t a = m->caps()[2 * g], b = m->caps()[2 * g + 1];
    if (a < 0 || b < 0) a = b = -1;
    Ref<> t = span_tuple(a, b);
    if (!t) return nullptr;
    tuple_init_item(out.get(), g, std::move(t));
  }
  return out;
}

const MethodDef kMatchMethods[] = {
    {"group($self, /, *args)", match_group,
     "group([group1, ...]) -> str or tuple.\n    Return subgroup(s) of the match by indices or names.\n    For 0 returns the entire match."},
    {"start($self, group=0, /)", match_start, "Return index of the start of the substring matched by group."},
    {"end($self, group=0, /)", match_end, "Return index of the end of the substring matched by group."},
    {"span($self, group=0, /)", match_span, "For match object m, return the 2-tuple (m.start(group), m.end(group))."},
    {"groups($self, /, default=None)", match_groups,
     "Return a tuple containing all the subgroups of the match, from 1.\n\n  default\n    Is used for groups that did not participate in the match."},
    {"groupdict($self, /, default=None)", match_groupdict,
     "Return a dictionary containing all the named subgroups of the match, keyed by the subgroup name.\n\n  default\n    Is used for groups that did not participate in the match."},
    {"expand($self, /, template)", match_expand, "Return the string obtained by doing backslash substitution on the string template, as done by the sub() method."},
    {"__copy__($self, /)", match_self, nullptr},
    {"__deepcopy__($self, memo, /)", match_self, nullptr},
    {"__class_getitem__($type, item, /)", match_class_getitem, "See PEP 585", kMethClass},
    {nullptr}};

const GetSetDef kMatchGetSets[] = {
    {"lastindex", match_get_lastindex, nullptr, "The integer index of the last matched capturing group."},
    {"lastgroup", match_get_lastgroup, nullptr, "The name of the last matched capturing group."},
    {"regs", match_get_regs, nullptr, nullptr},
    {nullptr}};

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
const MemberDef kMatchMembers[] = {
    {"string", kMemberObjectReadonly, static_cast<uint32_t>(offsetof(MatchObject, string)),
     "The string passed to match() or search()."},
    {"re", kMemberObjectReadonly, static_cast<uint32_t>(offsetof(MatchObject, pattern)),
     "The regular expression object."},
    {"pos", kMemberObjectReadonly, static_cast<uint32_t>(offsetof(MatchObject, pos)),
     "The index into the string at which the RE engine started looking for a match."},
    {"endpos", kMemberObjectReadonly, static_cast<uint32_t>(offsetof(MatchObject, endpos)),
     "The index into the string beyond which the RE engine will not go."},
    {nullptr}};
#pragma GCC diagnostic pop

}  // namespace

Ref<> re_match_group(const MatchObject* m, int64_t g, Value dflt) {
  int64_t a = m->caps()[2 * g], b = m->caps()[2 * g + 1];
  if (a < 0 || b < 0) return Ref<>::borrow(dflt);
  return text_slice(m, a, b);
}

Ref<> re_match_new(Value pattern, Value string, Value text, int64_t pos, int64_t endpos, const MatchResult& r) {
  size_t n = r.caps.size();
  auto* m = alloc_object<MatchObject>(&g_re_match_type, sizeof(MatchObject) + n * sizeof(int64_t));
  if (!m) return nullptr;
  m->pattern = Ref<>::borrow(pattern).release();
  m->string = Ref<>::borrow(string).release();
  m->text = Ref<>::borrow(text).release();
  m->pos = Value::small(pos);
  m->endpos = Value::small(endpos);
  m->lastindex = r.lastindex;
  m->ngroups = static_cast<int64_t>(n / 2);
  std::memcpy(m->caps(), r.caps.data(), n * sizeof(int64_t));
  return Ref<>::steal(Value(m));
}

void re_match_type_init() {
  Type* t = &g_re_match_type;
  t->name = "re.Match";
  t->basic_size = sizeof(MatchObject);
  t->flags = kTypeHasGc;
  t->tp_new = re_no_new;
  t->tp_dealloc = match_dealloc;
  t->tp_traverse = match_traverse;
  t->tp_repr = match_repr;
  t->mp_subscript = match_getitem;
  t->methods = kMatchMethods;
  t->getsets = kMatchGetSets;
  t->members = kMatchMembers;
  t->doc = "The result of re.match() and re.search().\nMatch objects always have a boolean value of True.";
  type_ready(t);
}

}  // namespace ftpy
