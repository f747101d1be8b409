// dict views (keys/values/items) and dict iterators.
//
// Iterators remember the dict's size when they were made and how many items
// they still expect. A size change raises "dictionary changed size during
// iteration" (and keeps raising); finding more entries than expected (keys
// deleted and others added) raises "dictionary keys changed during
// iteration", as CPython does. Each step runs under the iterator's critical
// section (then the dict's, inside dict_iter_step), so a shared iterator
// never yields an entry twice.
#include <string>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"

namespace ftpy {

namespace {

Type g_dict_keys_type, g_dict_values_type, g_dict_items_type;
Type g_dict_iter_types[2][3];  // [reverse][kind]

struct DictView : Object {
  Value dict;  // owned
};

struct DictIter : Object {
  Value dict;  // owned; null once exhausted
  int64_t pos;
  int64_t used;  // the dict's size when the iterator was made (-1: failed)
  int64_t len;   // items still expected
  int kind;
  bool reverse;
};

// --- iterators --------------------------------------------------------------------

void dict_iter_dealloc(Object* o) {
  decref(static_cast<DictIter*>(o)->dict);
  free_object(o);
}
void dict_iter_traverse(Object* o, VisitFn visit, void* arg) { visit(static_cast<DictIter*>(o)->dict, arg); }

Ref<> iter_self(Value self) { return Ref<>::borrow(self); }

Ref<> dict_iter_next(Value self) {
  auto* it = self.as<DictIter>();
  Ref<> dead;
  CriticalSection cs(it);
  if (it->dict.is_null()) return nullptr;
  Value d = it->dict;
  if (it->used != dict_size(d)) {
    it->used = -1;  // sticky: every later call fails too
    return err_set_str(g_RuntimeError, "dictionary changed size during iteration");
  }
  Ref<> k, v;
  int found = dict_iter_step(d, &it->pos, it->reverse, &k, &v);
  if (!found || it->len == 0) {
    dead = Ref<>::steal(it->dict);
    it->dict = Value();
    if (found) return err_set_str(g_RuntimeError, "dictionary keys changed during iteration");
    return nullptr;
  }
  it->len--;
  if (it->kind == 0) return k;
  if (it->kind == 1) return v;
  return tuple_pack({k.val(), v.val()});
}

Ref<> dict_iter_length_hint(Value self, Value*) {
  auto* it = self.as<DictIter>();
  CriticalSection cs(it);
  if (it->dict.is_null() || it->used != dict_size(it->dict)) return small_int(0);
  return small_int(it->len);
}

// (iter, (list of the items still to come,)), as CPython: the items are read
// from a copy of the position, so the iterator itself does not advance.
Ref<> dict_iter_reduce(Value self, Value*) {
  auto* it = self.as<DictIter>();
  Ref<List> items = list_new();
  if (!items) return nullptr;
  {
    CriticalSection cs(it);
    Value d = it->dict;
    if (!d.is_null()) {
      if (it->used != dict_size(d)) return err_set_str(g_RuntimeError, "dictionary changed size during iteration");
      int64_t pos = it->pos, len = it->len;
      for (;;) {
        Ref<> k, v;
        int found = dict_iter_step(d, &pos, it->reverse, &k, &v);
        if (!found) break;
        if (len == 0) return err_set_str(g_RuntimeError, "dictionary keys changed during iteration");
        len--;
        Ref<> x = it->kind == 0 ? std::move(k) : it->kind == 1 ? std::move(v) : tuple_pack({k.val(), v.val()});
        if (!x || list_append(Value(items.get()), x.val()) < 0) return nullptr;
      }
    }
  }
  return iter_reduce(Value(items.get()), Value());
}

const MethodDef kDictIterMethods[] = {
    {"__length_hint__($self, /)", dict_iter_length_hint, "Private method returning an estimate of len(list(it))."},
    {"__reduce__($self, /)", dict_iter_reduce, "Return state information for pickling."},
    {nullptr}};

// --- views -----------------------------------------------------------------------------

void view_dealloc(Object* o) {
  decref(static_cast<DictView*>(o)->dict);
  free_object(o);
}
void view_traverse(Object* o, VisitFn visit, void* arg) { visit(static_cast<DictView*>(o)->dict, arg); }

Ref<> view_new(Type* t, Value d) {
  auto* v = alloc_object<DictView>(t);
  if (!v) return nullptr;
  v->dict = Ref<>::borrow(d).release();
  return Ref<>::steal(Value(v));
}

int view_kind(Value v) {
  Type* t = type_of(v);
  return t == &g_dict_keys_type ? 0 : t == &g_dict_values_type ? 1 : 2;
}

inline Value view_dict(Value v) { return v.as<DictView>()->dict; }

int64_t view_len(Value self) { return dict_size(view_dict(self)); }

Ref<> view_iter(Value self) { return dict_iter_new(view_dict(self), view_kind(self), false); }

Ref<> view_reversed(Value self, Value*) { return dict_iter_new(view_dict(self), view_kind(self), true); }

Ref<> view_mapping(Value self) { return mappingproxy_new(view_dict(self)); }

Ref<> view_repr(Value self) {
  const char* name = type_of(self)->name;
  if (!repr_enter(self)) return str_from_utf8(std::string(name) + "(...)");
  Ref<> items;
  int kind = view_kind(self);
  items = kind == 0 ? dict_keys_list(view_dict(self))
                    : kind == 1 ? dict_values_list(view_dict(self)) : dict_items_list(view_dict(self));
  Ref<> r = items ? repr(items.val()) : Ref<>();
  repr_leave(self);
  if (!r) return nullptr;
  return str_from_utf8(std::string(name) + "(" + std::string(str_view(r.val())) + ")");
}

int keys_contains(Value self, Value key) { return dict_contains(view_dict(self), key); }

int items_contains(Value self, Value item) {
  if (!is_tuple(item) || tuple_size(item) != 2) return 0;
  Ref<> v;
  int r = dict_get_item(view_dict(self), tuple_item(item, 0), &v);
  if (r <= 0) return r;
  return richcompare_bool(v.val(), tuple_item(item, 1), kEq);
}

bool is_setlike_view(Value v) {
  Type* t = type_of(v);
  return t == &g_dict_keys_type || t == &g_dict_items_type;
}

// 1 if every element of `a` is in `b`.
int all_contained_in(Value a, Value b) {
  Ref<> it = get_iter(a);
  if (!it) return -1;
  for (;;) {
    Ref<> x = iter_next(it.val());
    if (!x) return err_occurred() ? -1 : 1;
    int c = contains(b, x.val());
    if (c <= 0) return c;
  }
}

Ref<> view_richcompare(Value a, Value b, CompareOp op) {
  if (!is_anyset(b) && !is_setlike_view(b)) return Ref<>::steal(not_implemented());
  int64_t la = length(a), lb = length(b);
  if (la < 0 || lb < 0) return nullptr;
  int r = 0;
  switch (op) {
    case kEq:
    case kNe:
      r = la == lb ? all_contained_in(a, b) : 0;
      if (r >= 0 && op == kNe) r = !r;
      break;
    case kLt: r = la < lb ? all_contained_in(a, b) : 0; break;
    case kLe: r = la <= lb ? all_contained_in(a, b) : 0; break;
    case kGt: r = la > lb ? all_contained_in(b, a) : 0; break;
    case kGe: r = la >= lb ? all_contained_in(b, a) : 0; break;
  }
  if (r < 0) return nullptr;
  return new_bool(r != 0);
}

// keys/items views behave like sets in binary operators: the result is a set.
template <BinaryOp Op>
Ref<> view_setop(Value a, Value b) {
  Ref<> r = set_new(a);
  if (!r) return nullptr;
  if (set_update_op(r.val(), b, Op) < 0) return nullptr;
  return r;
}

Ref<> view_isdisjoint(Value self, Value* args) {
  Ref<> it = get_iter(args[0]);
  if (!it) return nullptr;
  for (;;) {
    Ref<> x = iter_next(it.val());
    if (!x) {
      if (err_occurred()) return nullptr;
      return new_bool(true);
    }
    int c = contains(self, x.val());
    if (c < 0) return nullptr;
    if (c) return new_bool(false);
  }
}

const MethodDef kSetlikeViewMethods[] = {
    {"isdisjoint($self, other, /)", view_isdisjoint, "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__($self, /)", view_reversed, "Return a reverse iterator over the dict keys."},
    {nullptr}};
const MethodDef kValuesViewMethods[] = {
    {"__reversed__($self, /)", view_reversed, "Return a reverse iterator over the dict values."},
    {nullptr}};
const GetSetDef kViewGetSets[] = {
    {"mapping", view_mapping, nullptr, "dictionary that this view refers to"}, {nullptr}};

void ready_view(Type* t, const char* name, bool setlike, ContainsFn contains_fn) {
  t->name = name;
  t->basic_size = sizeof(DictView);
  t->flags = kTypeHasGc;
  t->tp_dealloc = view_dealloc;
  t->tp_traverse = view_traverse;
  t->tp_repr = view_repr;
  t->tp_iter = view_iter;
  t->mp_length = view_len;
  t->sq_contains = contains_fn;
  t->getsets = kViewGetSets;
  if (setlike) {
    t->tp_richcompare = view_richcompare;
    t->nb_binary[kOpAnd] = view_setop<kOpAnd>;
    t->nb_binary[kOpOr] = view_setop<kOpOr>;
    t->nb_binary[kOpXor] = view_setop<kOpXor>;
    t->nb_binary[kOpSub] = view_setop<kOpSub>;
    t->methods = kSetlikeViewMethods;
  } else {
    t->methods = kValuesViewMethods;
  }
  type_ready(t);
}

}  // namespace

Ref<> dict_iter_new(Value d, int kind, bool reverse) {
  Type* t = &g_dict_iter_types[reverse ? 1 : 0][kind];
  auto* it = alloc_object<DictIter>(t);
  if (!it) return nullptr;
  it->dict = Ref<>::borrow(d).release();
  it->pos = reverse ? INT64_MAX : 0;
  it->used = dict_size(d);
  it->len = it->used;
  it->kind = kind;
  it->reverse = reverse;
  return Ref<>::steal(Value(it));
}

Ref<> dict_keys_view(Value d) { return view_new(&g_dict_keys_type, d); }
Ref<> dict_values_view(Value d) { return view_new(&g_dict_values_type, d); }
Ref<> dict_items_view(Value d) { return view_new(&g_dict_items_type, d); }

void dict_views_init() {
  ready_view(&g_dict_keys_type, "dict_keys", true, keys_contains);
  ready_view(&g_dict_values_type, "dict_values", false, nullptr);
  ready_view(&g_dict_items_type, "dict_items", true, items_contains);
  static const char* const kNames[2][3] = {
      {"dict_keyiterator", "dict_valueiterator", "dict_itemiterator"},
      {"dict_reversekeyiterator", "dict_reversevalueiterator", "dict_reverseitemiterator"}};
  for (int r = 0; r < 2; r++)
    for (int k = 0; k < 3; k++) {
      Type* t = &g_dict_iter_types[r][k];
      t->name = kNames[r][k];
      t->basic_size = sizeof(DictIter);
      t->flags = kTypeHasGc;
      t->tp_dealloc = dict_iter_dealloc;
      t->tp_traverse = dict_iter_traverse;
      t->tp_iter = iter_self;
      t->tp_iternext = dict_iter_next;
      t->methods = kDictIterMethods;
      type_ready(t);
    }
}

}  // namespace ftpy
