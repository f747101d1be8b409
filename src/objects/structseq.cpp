// Struct sequences and types.SimpleNamespace.
#include "objects/structseq.h"

#include <cstring>
#include <map>
#include <mutex>
#include <string>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_simple_namespace_type;

namespace {

struct StructSeqType {
  Type* type;
  std::vector<std::string> names;
  size_t n_fields = 0;   // items stored per record (visible + hidden)
  size_t n_visible = 0;  // the tuple's own items
};
std::mutex g_structseq_mu;
std::map<std::string, StructSeqType*>& structseq_types() {
  static auto* m = new std::map<std::string, StructSeqType*>();
  return *m;
}

Ref<> structseq_repr(Value self) {
  Type* t = type_of(self);
  std::string out = std::string(t->name) + "(";
  StructSeqType* st = nullptr;
  {
    std::lock_guard<std::mutex> g(g_structseq_mu);
    auto it = structseq_types().find(t->name);
    if (it != structseq_types().end()) st = it->second;
  }
  // Fields named with a leading '_' are CPython's unnamed fields (the int
  // times of os.stat_result): like CPython, the repr labels the i-th item
  // with the i-th named field, so they borrow the names that follow them.
  std::vector<const std::string*> labels;
  if (st)
    for (const std::string& n : st->names)
      if (n.empty() || n[0] != '_') labels.push_back(&n);
  Tuple* tup = self.as<Tuple>();
  for (int64_t i = 0; i < tup->size; i++) {
    if (i) out += ", ";
    if (i < static_cast<int64_t>(labels.size())) out += *labels[i] + "=";
    out += repr_utf8(tup->items[i]);
  }
  return str_from_utf8(out + ")");
}

// Records may store hidden items after the visible `size` ones (attributes
// only, like os.stat_result.st_atime as a float); they are released here.
void structseq_dealloc(Object* o) {
  Tuple* tup = static_cast<Tuple*>(o);
  size_t total = 0;
  {
    std::lock_guard<std::mutex> g(g_structseq_mu);
    auto it = structseq_types().find(o->ob_type->name);
    if (it != structseq_types().end()) total = it->second->n_fields;
  }
  for (size_t i = static_cast<size_t>(tup->size); i < total; i++) {
    Value v = tup->items[i];
    tup->items[i] = Value();
    decref(v);
  }
  g_tuple_type.tp_dealloc(o);
}

StructSeqType* structseq_info(Type* t) {
  std::lock_guard<std::mutex> g(g_structseq_mu);
  auto it = structseq_types().find(t->name);
  return it == structseq_types().end() ? nullptr : it->second;
}

// type(sequence, dict=None): the sequence gives the visible items and may go
// on with hidden ones; missing hidden ones come from dict by name, else None.
Ref<> structseq_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  static const Signature* sig = native_parse_signature("structseq(sequence, dict=None)", nullptr);
  Value a[2];
  Ref<> holders[2];
  if (!native_bind(sig, args, nargs, kwnames, a, holders)) return nullptr;
  StructSeqType* st = structseq_info(t);
  if (!st) return err_format(g_TypeError, "cannot create '%s' instances", t->name);
  Ref<> seq = sequence_tuple(a[0]);
  if (!seq) {
    if (err_matches(g_TypeError)) {
      err_clear();
      return err_set_str(g_TypeError, "constructor requires a sequence");
    }
    return nullptr;
  }
  if (!is_none(a[1]) && !is_dict(a[1]))
    return err_format(g_TypeError, "%s() takes a dict as second arg, if any", t->name);
  int64_t len = tuple_size(seq.val()), nv = static_cast<int64_t>(st->n_visible),
          nf = static_cast<int64_t>(st->n_fields);
  if (len < nv) {
    if (nv == nf) return err_format(g_TypeError, "%s() takes a %lld-sequence (%lld-sequence given)", t->name, (long long)nv, (long long)len);
    return err_format(g_TypeError, "%s() takes an at least %lld-sequence (%lld-sequence given)", t->name, (long long)nv, (long long)len);
  }
  if (len > nf) {
    if (nv == nf) return err_format(g_TypeError, "%s() takes a %lld-sequence (%lld-sequence given)", t->name, (long long)nv, (long long)len);
    return err_format(g_TypeError, "%s() takes an at most %lld-sequence (%lld-sequence given)", t->name, (long long)nf, (long long)len);
  }
  Tuple* r = alloc_object<Tuple>(t, sizeof(Tuple) + sizeof(Value) * st->n_fields);
  if (!r) return nullptr;
  r->size = nv;
  for (int64_t i = 0; i < nf; i++) {
    Ref<> v;
    if (i < len) {
      v = Ref<>::borrow(tuple_item(seq.val(), i));
    } else if (!is_none(a[1])) {
      Ref<> key = str_from_utf8(st->names[i]);
      if (!key || dict_get_item(a[1], key.val(), &v) < 0) {
        for (int64_t j = i; j < nf; j++) r->items[j] = new_none().release();
        decref(Value(r));
        return nullptr;
      }
    }
    r->items[i] = (v ? std::move(v) : new_none()).release();
  }
  return Ref<>::steal(Value(r));
}

// (type, (visible items, {hidden field: value})): what copy and pickle rebuild from.
Ref<> structseq_reduce(Value self, Value*) {
  StructSeqType* st = structseq_info(type_of(self));
  Tuple* tup = self.as<Tuple>();
  Ref<> visible = tuple_from_array(tup->items, tup->size);
  Ref<> hidden = dict_new();
  if (!visible || !hidden) return nullptr;
  for (size_t i = static_cast<size_t>(tup->size); st && i < st->n_fields; i++)
    if (dict_set_item_str(hidden.val(), st->names[i].c_str(), tup->items[i]) < 0) return nullptr;
  Ref<> args = tuple_pack({visible.val(), hidden.val()});
  if (!args) return nullptr;
  return tuple_pack({Value(type_of(self)), args.val()});
}

const MethodDef kStructSeqMethods[] = {{"__reduce__($self, /)", structseq_reduce, nullptr}, {nullptr}};

Type* structseq_type(const char* name, const std::vector<std::pair<const char*, Ref<>>>& fields, size_t n_visible) {
  std::lock_guard<std::mutex> g(g_structseq_mu);
  auto it = structseq_types().find(name);
  if (it != structseq_types().end()) return it->second->type;
  auto* st = new StructSeqType();
  Type* t = new Type();
  t->name = strdup(name);
  t->base = &g_tuple_type;
  t->basic_size = g_tuple_type.basic_size;
  t->item_size = g_tuple_type.item_size;
  t->tp_repr = structseq_repr;
  t->tp_dealloc = structseq_dealloc;
  st->n_fields = fields.size();
  st->n_visible = n_visible;
  t->tp_new = structseq_tp_new;
  auto* members = new MemberDef[fields.size() + 1]();
  for (size_t i = 0; i < fields.size(); i++) {
    st->names.push_back(fields[i].first);
    members[i].name = fields[i].first;
    members[i].kind = kMemberObjectReadonly;
    members[i].offset = static_cast<uint32_t>(offsetof(Tuple, items) + sizeof(Value) * i);
  }
  t->members = members;
  t->methods = kStructSeqMethods;
  type_ready(t);
  size_t unnamed = 0;  // fields named "_..." stand for CPython's unnamed fields (see structseq_repr)
  for (const auto& f : fields) unnamed += f.first[0] == '_';
  for (auto [attr, n] : {std::pair{"n_fields", fields.size()}, std::pair{"n_sequence_fields", n_visible},
                         std::pair{"n_unnamed_fields", unnamed}}) {
    Ref<> v = int_from_int64(static_cast<int64_t>(n));
    dict_set_item_str(t->dict, attr, v.val());
  }
  st->type = t;
  structseq_types()[name] = st;
  return t;
}

// --- SimpleNamespace -------------------------------------------------------------

struct Namespace : Object {
  Value dict;
};

void ns_dealloc(Object* o) {
  decref(static_cast<Namespace*>(o)->dict);
  free_object(o);
}
void ns_traverse(Object* o, VisitFn visit, void* arg) { visit(static_cast<Namespace*>(o)->dict, arg); }

Ref<> ns_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  auto* n = alloc_object<Namespace>(t, t->basic_size);
  if (!n) return nullptr;
  n->dict = dict_new().release();
  return Ref<>::steal(Value(n));
}

int ns_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  // 3.11 takes keywords only (the positional mapping is 3.13's).
  if (nargs != 0) {
    err_set_str(g_TypeError, "no positional arguments expected");
    return -1;
  }
  Value d = self.as<Namespace>()->dict;
  if (!kwnames.is_null()) {
    for (int64_t i = 0; i < tuple_size(kwnames); i++)
      if (dict_set_item(d, tuple_item(kwnames, i), args[nargs + i]) < 0) return -1;
  }
  return 0;
}

Ref<> ns_repr(Value self) {
  Type* t = type_of(self);
  std::string name = t == &g_simple_namespace_type ? "namespace" : type_qualname_utf8(t);
  if (!repr_enter(self)) return str_from_utf8(name + "(...)");
  std::string out = name + "(";
  int64_t pos = 0;
  Ref<> k, v;
  bool first = true;
  while (dict_next(self.as<Namespace>()->dict, &pos, &k, &v)) {
    if (!is_str(k.val())) continue;
    if (!first) out += ", ";
    first = false;
    Ref<> r = repr(v.val());
    if (!r) {
      repr_leave(self);
      return nullptr;
    }
    out += std::string(str_view(k.val())) + "=" + std::string(str_view(r.val()));
  }
  repr_leave(self);
  return str_from_utf8(out + ")");
}

Ref<> ns_richcompare(Value a, Value b, CompareOp op) {
  if ((op != kEq && op != kNe) || !is_subtype(type_of(b), &g_simple_namespace_type))
    return Ref<>::steal(not_implemented());
  return richcompare(a.as<Namespace>()->dict, b.as<Namespace>()->dict, op);
}

// __reduce__: (type(self), (), self.__dict__), so copy and pickle rebuild
// the namespace by calling its type and updating the new __dict__.
Ref<> ns_reduce(Value self, Value*) {
  Ref<Tuple> no_args = tuple_new(0);
  if (!no_args) return nullptr;
  return tuple_pack({Value(type_of(self)), no_args.val(), self.as<Namespace>()->dict});
}

const MethodDef kNamespaceMethods[] = {
    {"__reduce__($self, /)", ns_reduce, "Return state information for pickling"},
    {nullptr}};

}  // namespace

Ref<> record_new(const char* type_name_str, const std::vector<std::pair<const char*, Ref<>>>& fields, Value items) {
  Tuple* src = items.as<Tuple>();
  Type* t = structseq_type(type_name_str, fields, static_cast<size_t>(src->size));
  Tuple* r = alloc_object<Tuple>(t, sizeof(Tuple) + sizeof(Value) * src->size);
  if (!r) return nullptr;
  r->size = src->size;
  for (int64_t i = 0; i < src->size; i++) r->items[i] = Ref<>::borrow(src->items[i]).release();
  return Ref<>::steal(Value(r));
}

Ref<> record_new_hidden(const char* type_name_str, const std::vector<std::pair<const char*, Ref<>>>& fields,
                        Value items, int64_t n_visible) {
  Type* t = structseq_type(type_name_str, fields, static_cast<size_t>(n_visible));
  Tuple* src = items.as<Tuple>();
  Tuple* r = alloc_object<Tuple>(t, sizeof(Tuple) + sizeof(Value) * src->size);
  if (!r) return nullptr;
  r->size = n_visible < src->size ? n_visible : src->size;
  for (int64_t i = 0; i < src->size; i++) r->items[i] = Ref<>::borrow(src->items[i]).release();
  return Ref<>::steal(Value(r));
}

Ref<> simple_namespace_new(Value ns_dict) {
  Ref<> n = ns_tp_new(&g_simple_namespace_type, nullptr, 0, Value());
  if (!n) return nullptr;
  if (dict_merge(n.val().as<Namespace>()->dict, ns_dict, true) < 0) return nullptr;
  return n;
}

void structseq_types_init() {
  Type* t = &g_simple_namespace_type;
  t->name = "types.SimpleNamespace";
  t->basic_size = sizeof(Namespace);
  t->flags = kTypeBaseType | kTypeHasGc;
  t->dict_offset = offsetof(Namespace, dict);
  t->tp_dealloc = ns_dealloc;
  t->tp_traverse = ns_traverse;
  t->tp_new = ns_tp_new;
  t->tp_init = ns_init;
  t->tp_repr = ns_repr;
  t->tp_richcompare = ns_richcompare;
  t->methods = kNamespaceMethods;
  type_ready(t);
}

}  // namespace ftpy
