// dict: construction, the Python-visible methods and the | |= operators (PEP
// 584). Views and iterators are in dict_views.cpp; the table in dict.cpp.
#include "objects/dict.h"

#include "objects/errors.h"
#include "objects/generic_alias.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"

namespace ftpy {

namespace {

// dict(x) / d.update(x): a mapping (has keys()) or an iterable of pairs.
int update_from(Value d, Value other) {
  if (is_dict(other)) return dict_merge(d, other, true);
  int has = hasattr(other, Value(ids::keys));
  if (has < 0) return -1;
  if (has) return dict_merge(d, other, true);
  return dict_merge_from_seq2(d, other);
}

int update_kwargs(Value d, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames.is_null()) return 0;
  for (int64_t k = 0; k < tuple_size(kwnames); k++)
    if (dict_set_item(d, tuple_item(kwnames, k), args[nargs + k]) < 0) return -1;
  return 0;
}

Ref<> dict_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  if (t == &g_dict_type) return dict_new();
  Dict* d = alloc_object<Dict>(t, t->basic_size);
  if (!d) return nullptr;
  return Ref<>::steal(Value(d));
}

int dict_tp_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs > 1) {
    err_format(g_TypeError, "dict expected at most 1 argument, got %zu", nargs);
    return -1;
  }
  if (nargs == 1 && update_from(self, args[0]) < 0) return -1;
  return update_kwargs(self, args, nargs, kwnames);
}

Ref<> m_keys(Value self, Value*) { return dict_keys_view(self); }
Ref<> m_values(Value self, Value*) { return dict_values_view(self); }
Ref<> m_items(Value self, Value*) { return dict_items_view(self); }

Ref<> m_get(Value self, Value* args) {
  Ref<> v;
  int r = dict_get_item(self, args[0], &v);
  if (r < 0) return nullptr;
  if (r == 0) return Ref<>::borrow(args[1]);
  return v;
}

Ref<> m_setdefault(Value self, Value* args) { return dict_setdefault(self, args[0], args[1]); }

Ref<> key_error(Value key) {
  Ref<Tuple> a = tuple_pack({key});
  if (!a) return nullptr;
  return err_set_object(g_KeyError, a.val());
}

Ref<> m_pop(Value self, Value* args) {
  Ref<> v;
  int r = dict_pop_item(self, args[0], &v);
  if (r < 0) return nullptr;
  if (r == 0) {
    if (!args[1].is_null()) return Ref<>::borrow(args[1]);
    return key_error(args[0]);
  }
  return v;
}

Ref<> m_popitem(Value self, Value*) {
  Ref<> k, v;
  if (!dict_popitem(self, &k, &v)) return err_set_str(g_KeyError, "popitem(): dictionary is empty");
  return tuple_pack({k.val(), v.val()});
}

// update(*args, **kwargs): written with a native signature would misname its
// errors, so it checks its arguments itself.
Ref<> m_update(Value self, Value* args) {
  Value pos = args[0], kw = args[1];
  if (tuple_size(pos) > 1)
    return err_format(g_TypeError, "update expected at most 1 argument, got %lld",
                      static_cast<long long>(tuple_size(pos)));
  if (tuple_size(pos) == 1 && update_from(self, tuple_item(pos, 0)) < 0) return nullptr;
  if (dict_size(kw) > 0 && dict_merge(self, kw, true) < 0) return nullptr;
  return new_none();
}

Ref<> m_fromkeys(Value cls, Value* args) {
  Ref<> d = call0(cls);
  if (!d) return nullptr;
  Value value = args[1];
  bool plain = is_dict_exact(d.val());
  Ref<> it = get_iter(args[0]);
  if (!it) return nullptr;
  for (;;) {
    Ref<> k = iter_next(it.val());
    if (!k) {
      if (err_occurred()) return nullptr;
      break;
    }
    int r = plain ? dict_set_item(d.val(), k.val(), value) : setitem(d.val(), k.val(), value);
    if (r < 0) return nullptr;
  }
  return d;
}

Ref<> m_copy(Value self, Value*) { return dict_copy(self); }

Ref<> m_clear(Value self, Value*) {
  dict_clear(self);
  return new_none();
}

Ref<> m_reversed(Value self, Value*) { return dict_iter_new(self, 0, true); }
Ref<> m_class_getitem(Value cls, Value* args) { return generic_alias_new(cls, args[0]); }
Ref<> m_sizeof(Value self, Value*) { return int_from_int64(dict_sizeof(self)); }

Ref<> dict_or(Value a, Value b) {
  if (!is_dict(a) || !is_dict(b)) return Ref<>::steal(not_implemented());
  Ref<Dict> r = dict_copy(a);
  if (!r) return nullptr;
  if (dict_merge(r.val(), b, true) < 0) return nullptr;
  return r;
}

Ref<> dict_ior(Value a, Value b) {
  if (update_from(a, b) < 0) return nullptr;
  return Ref<>::borrow(a);
}

Ref<> dict_iter(Value self) { return dict_iter_new(self, 0, false); }

const MethodDef kDictMethods[] = {
    {"keys($self, /)", m_keys, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values($self, /)", m_values, "D.values() -> an object providing a view on D's values"},
    {"items($self, /)", m_items, "D.items() -> a set-like object providing a view on D's items"},
    {"get($self, key, default=None, /)", m_get, "Return the value for key if key is in the dictionary, else default."},
    {"setdefault($self, key, default=None, /)", m_setdefault,
     "Insert key with a value of default if key is not in the dictionary.\n\nReturn the value for key if key is in "
     "the dictionary, else default."},
    {"pop($self, key, default=?, /)", m_pop,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\nIf the key is not found, return "
     "the default if given; otherwise,\nraise a KeyError."},
    {"popitem($self, /)", m_popitem,
     "Remove and return a (key, value) pair as a 2-tuple.\n\nPairs are returned in LIFO (last-in, first-out) order.\n"
     "Raises KeyError if the dict is empty."},
    {"update($self, /, *args, **kwargs)", m_update,
     "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F."},
    {"fromkeys($type, iterable, value=None, /)", m_fromkeys,
     "Create a new dictionary with keys from iterable and values set to value.", kMethClass},
    {"copy($self, /)", m_copy, "D.copy() -> a shallow copy of D"},
    {"clear($self, /)", m_clear, "D.clear() -> None.  Remove all items from D."},
    {"__reversed__($self, /)", m_reversed, "Return a reverse iterator over the dict keys."},
    {"__class_getitem__($type, item, /)", m_class_getitem, "See PEP 585", kMethClass},
    {"__sizeof__($self, /)", m_sizeof, "D.__sizeof__() -> size of D in memory, in bytes"},
    {nullptr}};

}  // namespace

void dict_fill_methods(Type* t) {
  t->tp_new = dict_tp_new;
  t->tp_init = dict_tp_init;
  t->tp_iter = dict_iter;
  t->nb_binary[kOpOr] = dict_or;
  t->nb_inplace[kOpOr] = dict_ior;
  t->methods = kDictMethods;
  t->doc = "dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a mapping object's\n"
           "    (key, value) pairs\ndict(iterable) -> new dictionary initialized as if via:\n    d = {}\n"
           "    for k, v in iterable:\n        d[k] = v\ndict(**kwargs) -> new dictionary initialized with the "
           "name=value pairs\n    in the keyword argument list.  For example:  dict(one=1, two=2)";
}

}  // namespace ftpy
