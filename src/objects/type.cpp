// type and object: readying built-in types, attribute lookup along the MRO,
// and the `type` and `object` types themselves. Class creation (heap types)
// lives in type_new.cpp; the dunder <-> slot table in type_slots.cpp.
#include "objects/type.h"
#include "objects/weakref.h"

#include <cstdio>
#include <cstring>
#include <new>

#include "objects/dict.h"
#include "objects/instance_values.h"
#include "objects/list.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"
#include "runtime/heap.h"
#include "runtime/qsbr.h"
#include "runtime/stop_the_world.h"

namespace ftpy {

Ref<> type_or_slot(Value a, Value b);

Type g_type_type;
Type g_object_type;

// The attribute cache (type.h). A type's tag changes (type_modified) after
// every change to its dict or to a base's, so an entry with the current tag is
// current. Only immortal names (interned ones are) are cached: they are never
// freed, so their address cannot come back as another string. The cached
// value is borrowed: the type's dict holds it, and a value the dict drops is
// retired through QSBR, so it outlives any lookup that saw it until the next
// safepoint. Version 0 is never stored, so a zeroed entry never matches.
__thread TypeCacheEntry tls_type_cache[kTypeCacheSize];

namespace {

std::atomic<uint32_t> g_next_version_tag{1};

// Version tags are never reused: once the 31-bit space is spent, types get
// tag 0 and are simply not cached any more. (The top bit is free for inline
// caches to mark a tag: vm/specialize_attr_call.h, kCheckedVersion.)
uint32_t next_version_tag() {
  uint32_t v = g_next_version_tag.load(std::memory_order_relaxed);
  do {
    if (v == 0 || v >= kVersionTagLimit) return 0;
  } while (!g_next_version_tag.compare_exchange_weak(v, v + 1, std::memory_order_relaxed));
  return v;
}

Value type_lookup_uncached(Type* t, Value name) {
  Tuple* m = t->mro.as<Tuple>();
  for (int64_t i = 0; i < m->size; i++) {
    Type* k = m->items[i].as<Type>();
    Ref<> v;
    int r = dict_get_item_str(k->dict, name.as<Str>(), &v);
    if (r > 0) return v.val();  // borrowed (see above)
  }
  return Value();
}

// Subclass flags that are inherited.
constexpr uint32_t kInheritedFlags = kTypeIntSubclass | kTypeStrSubclass | kTypeTupleSubclass |
                                     kTypeListSubclass | kTypeDictSubclass | kTypeBytesSubclass |
                                     kTypeTypeSubclass | kTypeExceptionSubclass |
                                     kTypeFloatSubclass | kTypeHasGc | kTypeSequence |
                                     kTypeMapping;

template <typename F>
void inherit(F& slot, F base_slot) {
  if (!slot) slot = base_slot;
}

void inherit_slots(Type* t, Type* b) {
  inherit(t->tp_dealloc, b->tp_dealloc);
  inherit(t->tp_traverse, b->tp_traverse);
  inherit(t->tp_clear, b->tp_clear);
  inherit(t->tp_repr, b->tp_repr);
  inherit(t->tp_str, b->tp_str);
  // hash and richcompare are inherited together (defining __eq__ alone makes a
  // type unhashable); built-in types set both or neither.
  if (!t->tp_hash && !t->tp_richcompare) {
    t->tp_hash = b->tp_hash;
    t->tp_richcompare = b->tp_richcompare;
  }
  inherit(t->tp_getattro, b->tp_getattro);
  inherit(t->tp_setattro, b->tp_setattro);
  inherit(t->tp_call, b->tp_call);
  inherit(t->tp_iter, b->tp_iter);
  inherit(t->tp_iternext, b->tp_iternext);
  inherit(t->tp_descr_get, b->tp_descr_get);
  inherit(t->tp_descr_set, b->tp_descr_set);
  inherit(t->tp_new, b->tp_new);
  inherit(t->tp_init, b->tp_init);
  inherit(t->tp_finalize, b->tp_finalize);
  for (int i = 0; i < kNumBinaryOps; i++) {
    inherit(t->nb_binary[i], b->nb_binary[i]);
    inherit(t->nb_inplace[i], b->nb_inplace[i]);
  }
  inherit(t->nb_power, b->nb_power);
  inherit(t->nb_negative, b->nb_negative);
  inherit(t->nb_positive, b->nb_positive);
  inherit(t->nb_absolute, b->nb_absolute);
  inherit(t->nb_invert, b->nb_invert);
  inherit(t->nb_bool, b->nb_bool);
  inherit(t->nb_int, b->nb_int);
  inherit(t->nb_float, b->nb_float);
  inherit(t->nb_index, b->nb_index);
  inherit(t->nb_divmod, b->nb_divmod);
  inherit(t->mp_length, b->mp_length);
  inherit(t->mp_subscript, b->mp_subscript);
  inherit(t->mp_ass_subscript, b->mp_ass_subscript);
  inherit(t->sq_contains, b->sq_contains);
  if (!t->dict_offset) t->dict_offset = b->dict_offset;
  if (!t->weaklist_offset) t->weaklist_offset = b->weaklist_offset;
  t->flags |= b->flags & kInheritedFlags;
}

// Descriptors of a static type live as long as the type (its dict cannot be
// changed from Python): immortal, so that calling `shared_dict.get` from many
// threads writes no reference count.
void add_descriptor(Type* t, Value d, Value name, Ref<> descr) {
  if (!descr || dict_set_item(d, name, descr.val()) < 0) {
    std::fprintf(stderr, "ftpy: cannot ready type %s\n", t->name);
    std::abort();
  }
  if (!(t->flags & kTypeHeapType)) make_immortal(descr.get());
}

void add_descriptors(Type* t) {
  Value d = t->dict;
  if (t->methods) {
    for (const MethodDef* m = t->methods; m->signature; m++) {
      // CPython's messages name a method by its qualname ('deque.append()'),
      // without the module that tp_name carries ('collections.deque').
      const Signature* sig = native_parse_def_signature(m, type_name(t));
      m->parsed = sig;
      Ref<> descr;
      if (m->flags & kMethStatic) {
        Ref<> fn = native_function_new(m, Value(), Value());
        descr = staticmethod_new(fn.val());
      } else if (m->flags & kMethClass) {
        descr = classmethod_descr_new(m, t);
      } else {
        descr = method_descr_new(m, t);
      }
      add_descriptor(t, d, Value(sig->name), std::move(descr));
    }
  }
  if (t->getsets)
    for (const GetSetDef* g = t->getsets; g->name; g++)
      add_descriptor(t, d, Value(str_intern(g->name)), getset_descr_new(g, t));
  if (t->members)
    for (const MemberDef* m = t->members; m->name; m++)
      add_descriptor(t, d, Value(str_intern(m->name)), member_descr_new(m, t));
}

}  // namespace

void type_ready(Type* t) {
  if (t->flags & kTypeReady) return;
  if (!t->ob_type) t->ob_type = &g_type_type;
  if (!(t->flags & kTypeHeapType)) {
    make_immortal(t);
    t->ob_flags |= kFlagStaticType;
  }
  if (!t->base && t != &g_object_type) t->base = &g_object_type;
  Type* b = t->base;
  if (b && !(b->flags & kTypeReady)) type_ready(b);
  if (!t->basic_size && b) t->basic_size = b->basic_size;
  if (b) inherit_slots(t, b);

  // bases and MRO (static types have single inheritance).
  if (t->bases.is_null()) {
    t->bases = b ? tuple_pack({Value(b)}).release() : empty_tuple().release();
  }
  if (t->mro.is_null()) {
    int64_t n = b ? tuple_size(b->mro) + 1 : 1;
    Ref<Tuple> mro = tuple_new(n);
    tuple_init_item(mro.get(), 0, Ref<>::borrow(Value(t)));
    for (int64_t i = 1; i < n; i++) tuple_init_item(mro.get(), i, Ref<>::borrow(tuple_item(b->mro, i - 1)));
    t->mro = mro.release();
  }
  if (t->dict.is_null()) t->dict = dict_new().release();
  add_descriptors(t);
  // Static types whose instances have a __dict__ (functions, exceptions,
  // staticmethod, ...) expose it as an attribute, like heap classes do.
  if (t->dict_offset > 0 && t != &g_type_type && dict_contains(t->dict, Value(ids::__dict__)) == 0 &&
      (!t->base || t->base->dict_offset != t->dict_offset))
    install_dict_descriptor(t);
  slots_add_wrappers(t);  // __repr__, __add__, ... for the slots this type defines
  if (t->doc && dict_contains(t->dict, Value(ids::__doc__)) == 0) {
    Ref<Str> doc = str_from_utf8(t->doc);
    dict_set_item(t->dict, Value(ids::__doc__), doc.val());
  }
  if (dict_contains(t->dict, Value(ids::__doc__)) == 0) dict_set_item(t->dict, Value(ids::__doc__), none());
  // A type that compares but does not hash (list, dict, set, ...) says so
  // with __hash__ = None, which is what collections.abc.Hashable checks.
  if (!t->tp_hash && dict_contains(t->dict, Value(ids::__hash__)) == 0)
    dict_set_item(t->dict, Value(ids::__hash__), none());
  // Static subclasses are listed too (int.__subclasses__() has bool).
  if (b) {
    if (b->subclasses.is_null()) b->subclasses = list_new().release();
    (void)list_append(b->subclasses, Value(t));
  }
  t->version_tag.store(next_version_tag(), std::memory_order_release);
  t->flags |= kTypeReady;
}

void type_ready_heap(Type* t) {
  inherit_slots(t, t->base);
  t->version_tag.store(next_version_tag(), std::memory_order_release);
  t->flags |= kTypeReady;
}

namespace {
extern const GetSetDef kInstanceDictGetSet;

// CPython's subtype_dict hand-off. A metaclass with a plain base, class
// Meta(Base, type), has the MRO Meta, Base, type, object: Base's instance
// __dict__ descriptor is found before type's, but a class's namespace is
// what type's gives. So when the first built-in base of the object's type
// keeps its own __dict__ descriptor, that one answers. Null: none (the
// usual case: the built-in base is object, or the descriptor is ours).
Value builtin_dict_descr(Type* t) {
  while (t && (t->flags & kTypeHeapType)) t = t->base;
  if (!t || t == &g_object_type) return Value();
  Ref<> d;
  if (dict_get_item_str(Value(t->dict), ids::__dict__, &d) <= 0) return Value();
  if (type_of(d.val()) == &g_getset_descr_type && d.val().as<GetSetDescr>()->def == &kInstanceDictGetSet)
    return Value();
  return d.val();  // kept alive by the static type's dict
}

Ref<> instance_get_dict(Value self) {
  Type* t = type_of(self);
  if (Value d = builtin_dict_descr(t); !d.is_null() && type_of(d)->tp_descr_get)
    return type_of(d)->tp_descr_get(d, self, Value(t));
  if ((t->flags & kTypeInlineValues) && !inline_values_materialize(self.obj(), t, true)) return nullptr;
  Value* slot = instance_dict_slot_raw(self);
  if (!slot) return err_set_str(g_AttributeError, "This object has no __dict__");
  if (std::atomic_ref<Value>(*slot).load(std::memory_order_acquire).is_null()) {
    Ref<Dict> d = dict_new();
    if (!d) return nullptr;
    auto* aslot = reinterpret_cast<std::atomic<uint64_t>*>(slot);
    uint64_t expected = 0;
    if (aslot->compare_exchange_strong(expected, d.val().bits(), std::memory_order_acq_rel)) (void)d.release();
  }
  return Ref<>::borrow(std::atomic_ref<Value>(*slot).load(std::memory_order_acquire));
}
int instance_set_dict(Value self, Value v) {
  if (Value d = builtin_dict_descr(type_of(self)); !d.is_null() && type_of(d)->tp_descr_set)
    return type_of(d)->tp_descr_set(d, self, v);
  Value* slot = instance_dict_slot_raw(self);
  if (!slot) {
    err_set_str(g_AttributeError, "This object has no __dict__");
    return -1;
  }
  if (v.is_null()) {
    err_set_str(g_TypeError, "cannot delete __dict__");
    return -1;
  }
  if (!is_dict(v)) {
    err_format(g_TypeError, "__dict__ must be set to a dictionary, not a '%s'", type_name(type_of(v)));
    return -1;
  }
  if (type_of(self)->flags & kTypeInlineValues) {
    inline_values_replace_dict(self.obj(), type_of(self), v);
    return 0;
  }
  // Attribute lookups read the slot lock-free (protocol.cpp, the LOAD_ATTR
  // specialisations) and use the dict without a reference of their own until
  // their next safepoint: the old dict is retired, not released. The exchange
  // keeps two racing assignments from releasing the same dict twice.
  Value old = std::atomic_ref<Value>(*slot).exchange(Ref<>::borrow(v).release(), std::memory_order_acq_rel);
  qsbr_retire_value(old);
  return 0;
}
Ref<> instance_get_weakref(Value self) {
  return weakref_first(self.obj());
}
extern const GetSetDef kInstanceDictGetSet = {"__dict__", instance_get_dict, instance_set_dict,
                                              "dictionary for instance variables"};
const GetSetDef kInstanceWeakrefGetSet = {"__weakref__", instance_get_weakref, nullptr,
                                          "list of weak references to the object"};
}  // namespace

int install_weakref_descriptor(Type* t) {
  Ref<> w = getset_descr_new(&kInstanceWeakrefGetSet, t);
  return w && dict_set_item(t->dict, Value(ids::__weakref__), w.val()) == 0 ? 0 : -1;
}

int install_dict_descriptor(Type* t) {
  Ref<> d = getset_descr_new(&kInstanceDictGetSet, t);
  if (!d || dict_set_item(t->dict, Value(ids::__dict__), d.val()) < 0) return -1;
  return t->weaklist_offset ? install_weakref_descriptor(t) : 0;
}

bool is_subtype(Type* a, Type* b) {
  if (a == b) return true;
  Value mro = a->mro;
  if (mro.is_null()) {
    for (Type* t = a->base; t; t = t->base)
      if (t == b) return true;
    return b == &g_object_type;
  }
  Tuple* m = mro.as<Tuple>();
  for (int64_t i = 0; i < m->size; i++)
    if (m->items[i].obj() == b) return true;
  return false;
}

Value type_lookup_miss(Type* t, Value name, uint32_t version) {
  Value v = type_lookup_uncached(t, name);
  if (version != 0 && is_immortal(name.obj()))
    tls_type_cache[type_cache_index(version, name.obj())] = TypeCacheEntry{version, name.obj(), v.bits()};
  return v;
}

void type_bump_version(Type* t) { t->version_tag.store(next_version_tag(), std::memory_order_release); }

void type_modified(Type* t) {
  t->version_tag.store(next_version_tag(), std::memory_order_release);
  if (t->subclasses.is_null()) return;
  // subclasses: a list of weak references maintained by type_new.cpp.
  type_modified_subclasses(t);
}

// A class's __name__ (not its qualname: CPython's messages say "'B' object
// has no attribute 'x'" for A.B), or a built-in type's name without its
// module.
const char* type_name(Type* t) {
  if (t->flags & kTypeHeapType) return t->name;
  const char* dot = std::strrchr(t->name, '.');
  return dot ? dot + 1 : t->name;
}

// --- type's own slots ------------------------------------------------------

namespace {

Ref<> type_repr(Value self) {
  Type* t = self.as<Type>();
  std::string mod;
  Ref<> m = type_module_name(t);
  if (!m) return nullptr;
  if (is_str(m.val())) mod = std::string(str_view(m.val()));
  std::string qn = type_qualname_utf8(t);
  std::string s = (mod.empty() || mod == "builtins") ? "<class '" + qn + "'>"
                                                      : "<class '" + mod + "." + qn + "'>";
  return str_from_utf8(s);
}

// type.__getattribute__: metatype data descriptors, then the type's own MRO
// (binding descriptors with obj=None), then metatype attributes.
Ref<> type_getattro(Value self, Value name) {
  Type* t = self.as<Type>();
  Type* meta = type_of(self);
  Value meta_attr = type_lookup(meta, name);
  Ref<> meta_hold = Ref<>::borrow(meta_attr);
  DescrGetFn meta_get = nullptr;
  if (meta_attr) {
    Type* mt = type_of(meta_attr);
    meta_get = mt->tp_descr_get;
    if (meta_get && mt->tp_descr_set) return meta_get(meta_attr, self, Value(meta));
  }
  Value attr = type_lookup(t, name);
  if (attr) {
    Ref<> hold = Ref<>::borrow(attr);
    DescrGetFn get = type_of(attr)->tp_descr_get;
    if (get) return get(attr, Value(), self);
    return hold;
  }
  if (meta_get) return meta_get(meta_attr, self, Value(meta));
  if (meta_attr) return meta_hold;
  err_format(g_AttributeError, "type object '%s' has no attribute '%s'", t->name, str_view(name).data());
  // .name / .obj, as for instances: they feed the traceback's "Did you mean".
  exception_set_extra_attr(err_peek(), name, self);
  return nullptr;
}

int type_setattro(Value self, Value name, Value v) {
  Type* t = self.as<Type>();
  if (!(t->flags & kTypeHeapType)) {
    Ref<> r = repr(name);  // CPython formats the name with %R
    if (!r) return -1;
    err_format(g_TypeError, "cannot set %s attribute of immutable type '%s'", str_view(r.val()).data(),
               t->name);
    return -1;
  }
  if (!is_str(name)) {
    err_format(g_TypeError, "attribute name must be string, not '%s'", type_name(type_of(name)));
    return -1;
  }
  // Data descriptors on the metatype (e.g. __name__, __doc__ getsets) first.
  Type* meta = type_of(self);
  Value meta_attr = type_lookup(meta, name);
  if (meta_attr) {
    DescrSetFn set = type_of(meta_attr)->tp_descr_set;
    if (set) return set(meta_attr, self, v);
  }
  Ref<Str> iname = Ref<Str>::borrow(str_intern(name.as<Str>()));
  int r;
  if (v.is_null()) {
    r = dict_del_item(t->dict, iname.val());
    if (r == 0) {
      err_format(g_AttributeError, "type object '%s' has no attribute '%s'", t->name, str_view(name).data());
      return -1;
    }
  } else {
    r = dict_set_item(t->dict, iname.val(), v);
  }
  if (r < 0) return -1;
  type_modified(t);
  if (slots_name_has_slot(iname.get())) {
    // Slot pointers (tp_getattro, nb_add, ...) are read with plain loads by
    // every thread: rewrite them with the world stopped. Only dunder names
    // with a slot pay for it; `Cls.counter += 1` does not.
    StopTheWorld stw;
    slots_update_for_name(t, iname.get());
  }
  return 0;
}

Ref<> type_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  Type* t = self.as<Type>();
  if (t == &g_type_type && nargs == 1 && kwnames.is_null()) {
    return Ref<>::borrow(Value(type_of(args[0])));
  }
  if (!t->tp_new) return err_format(g_TypeError, "cannot create '%s' instances", t->name);
  Ref<> obj;
  try {  // std::bad_alloc: see native.cpp invoke
    obj = t->tp_new(t, args, nargs, kwnames);
  } catch (const std::bad_alloc&) {
    return err_no_memory();
  }
  if (!obj) return nullptr;
  // __init__ runs only when __new__ returned an instance of t.
  if (!is_subtype(type_of(obj.val()), t)) return obj;
  Type* ot = type_of(obj.val());
  if (ot->tp_init && ot->tp_init(obj.val(), args, nargs, kwnames) < 0) return nullptr;
  return obj;
}

Ref<> type_tp_new(Type* meta, const Value* args, size_t nargs, Value kwnames) {
  if (nargs == 1 && kwnames.is_null() && meta == &g_type_type)
    return Ref<>::borrow(Value(type_of(args[0])));
  if (nargs != 3)
    return err_set_str(g_TypeError, "type() takes 1 or 3 arguments");
  if (!is_str(args[0]))
    return err_format(g_TypeError, "type.__new__() argument 1 must be str, not %s",
                      type_name(type_of(args[0])));
  if (!is_tuple(args[1]))
    return err_format(g_TypeError, "type.__new__() argument 2 must be tuple, not %s",
                      type_name(type_of(args[1])));
  if (!is_dict(args[2]))
    return err_format(g_TypeError, "type.__new__() argument 3 must be dict, not %s",
                      type_name(type_of(args[2])));
  // Keyword arguments go to __init_subclass__.
  Ref<Dict> kw = dict_new();
  if (!kwnames.is_null()) {
    for (int64_t i = 0; i < tuple_size(kwnames); i++)
      if (dict_set_item(kw.val(), tuple_item(kwnames, i), args[nargs + i]) < 0) return nullptr;
  }
  return type_new_from_spec(meta, args[0], args[1], args[2], kw.val());
}

int type_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs != 1 && nargs != 3) {
    err_set_str(g_TypeError, "type.__init__() takes 1 or 3 arguments");
    return -1;
  }
  return 0;
}

void type_traverse(Object* o, VisitFn visit, void* arg) {
  Type* t = static_cast<Type*>(o);
  visit(t->dict, arg);
  visit(t->mro, arg);
  visit(t->bases, arg);
}

// type.__mro__, __name__, __qualname__, __module__, __bases__, __base__, __dict__, __doc__
Ref<> type_get_mro(Value self) { return Ref<>::borrow(self.as<Type>()->mro); }
Ref<> type_get_name(Value self) {
  Type* t = self.as<Type>();
  if (t->flags & kTypeHeapType) return Ref<>::borrow(t->qualname.is_null() ? Value() : type_heap_name(t));
  return Ref<>(str_from_utf8(type_name(t)));
}
int type_set_name(Value self, Value v) {
  Type* t = self.as<Type>();
  if (!(t->flags & kTypeHeapType)) {
    err_format(g_TypeError, "cannot set '__name__' attribute of immutable type '%s'", t->name);
    return -1;
  }
  if (v.is_null()) {
    err_format(g_TypeError, "cannot delete '__name__' attribute of immutable type '%s'", t->name);
    return -1;
  }
  if (!is_str(v)) {
    err_format(g_TypeError, "can only assign string to %s.__name__, not '%s'", type_name(t), type_name(type_of(v)));
    return -1;
  }
  type_set_heap_name(t, v);
  return 0;
}
Ref<> type_get_qualname(Value self) {
  Type* t = self.as<Type>();
  if (t->flags & kTypeHeapType) return Ref<>::borrow(t->qualname);
  return Ref<>(str_from_utf8(type_name(t)));
}
int type_set_qualname(Value self, Value v) {
  Type* t = self.as<Type>();
  // CPython's check_set_special_type_attr, then the type check.
  if (!(t->flags & kTypeHeapType)) {
    err_format(g_TypeError, "cannot set '__qualname__' attribute of immutable type '%s'", t->name);
    return -1;
  }
  if (v.is_null()) {
    err_format(g_TypeError, "cannot delete '__qualname__' attribute of immutable type '%s'", t->name);
    return -1;
  }
  if (!is_str(v)) {
    err_format(g_TypeError, "can only assign string to %s.__qualname__, not '%s'", type_name(t),
               type_name(type_of(v)));
    return -1;
  }
  Value old = t->qualname;
  t->qualname = Ref<>::borrow(v).release();
  decref(old);
  return 0;
}
Ref<> type_get_module(Value self) { return type_module_name(self.as<Type>()); }
int type_set_module(Value self, Value v) {
  Type* t = self.as<Type>();
  if (!(t->flags & kTypeHeapType)) {
    err_format(g_TypeError, "cannot set '__module__' attribute of immutable type '%s'", t->name);
    return -1;
  }
  int r = v.is_null() ? dict_del_item(t->dict, Value(ids::__module__)) : dict_set_item(t->dict, Value(ids::__module__), v);
  type_modified(t);
  return r < 0 ? -1 : 0;
}
Ref<> type_get_bases(Value self) { return Ref<>::borrow(self.as<Type>()->bases); }
Ref<> type_get_base(Value self) {
  Type* b = self.as<Type>()->base;
  return b ? Ref<>::borrow(Value(b)) : new_none();
}
Ref<> type_get_dict(Value self) { return mappingproxy_new(self.as<Type>()->dict); }
Ref<> type_get_doc(Value self) {
  Type* t = self.as<Type>();
  Ref<> v;
  int r = dict_get_item_str(t->dict, ids::__doc__, &v);
  if (r <= 0) return new_none();
  DescrGetFn get = type_of(v.val())->tp_descr_get;
  if (get) return get(v.val(), Value(), self);
  return v;
}
int type_set_doc(Value self, Value v) {
  Type* t = self.as<Type>();
  // CPython refuses deletion even on heap types, with the same wording.
  if (!(t->flags & kTypeHeapType) || v.is_null()) {
    err_format(g_TypeError, "cannot %s '__doc__' attribute of immutable type '%s'", v.is_null() ? "delete" : "set",
               type_name(t));
    return -1;
  }
  if (dict_set_item(t->dict, Value(ids::__doc__), v) < 0) return -1;
  type_modified(t);
  return 0;
}
Ref<> type_get_abstractmethods(Value self) {
  Type* t = self.as<Type>();
  Ref<> v;
  if (t != &g_type_type && dict_get_item_str(t->dict, ids::__abstractmethods__, &v) > 0) return v;
  return err_set_str(g_AttributeError, "__abstractmethods__");
}
int type_set_abstractmethods(Value self, Value v) {
  Type* t = self.as<Type>();
  int r;
  if (v.is_null()) {
    r = dict_del_item(t->dict, Value(ids::__abstractmethods__));
    if (r == 0) {
      err_set_str(g_AttributeError, "__abstractmethods__");
      return -1;
    }
  } else {
    r = dict_set_item(t->dict, Value(ids::__abstractmethods__), v);
  }
  if (r < 0) return -1;
  int abstract = v.is_null() ? 0 : truthy(v);
  if (abstract < 0) return -1;
  if (abstract) t->flags |= kTypeAbstract; else t->flags &= ~kTypeAbstract;
  type_modified(t);
  return 0;
}

Ref<> type_mro_method(Value self, Value*) { return type_compute_mro_list(self.as<Type>()); }
Ref<> type_subclasses_method(Value self, Value*) { return type_subclasses_list(self.as<Type>()); }
Ref<> type_instancecheck(Value self, Value* args) {
  int r = is_subtype(type_of(args[0]), self.as<Type>());
  if (!r) {
    // obj.__class__ may differ from type(obj) (proxies).
    Ref<> cls = getattr_opt(args[0], Value(ids::__class__));
    if (!cls && err_occurred()) return nullptr;
    if (cls && cls.val() != Value(type_of(args[0])) && type_of(cls.val())->flags & kTypeTypeSubclass)
      r = is_subtype(cls.val().as<Type>(), self.as<Type>());
  }
  return new_bool(r);
}
Ref<> type_subclasscheck(Value self, Value* args) {
  if (!(type_of(args[0])->flags & kTypeTypeSubclass))
    return err_set_str(g_TypeError, "issubclass() arg 1 must be a class");
  return new_bool(is_subtype(args[0].as<Type>(), self.as<Type>()));
}
Ref<> type_prepare(Value self, Value* args) { return dict_new(); }
Ref<> type_dir(Value self, Value*) { return type_dir_list(self.as<Type>()); }
Ref<> type_sizeof(Value self, Value*) { return small_int(sizeof(Type)); }

const MethodDef kTypeMethods[] = {
    {"mro($self, /)", type_mro_method, "Return a type's method resolution order."},
    {"__subclasses__($self, /)", type_subclasses_method, "Return a list of immediate subclasses."},
    {"__instancecheck__($self, instance, /)", type_instancecheck, "Check if an object is an instance."},
    {"__subclasscheck__($self, subclass, /)", type_subclasscheck, "Check if a class is a subclass."},
    {"__prepare__($type, *args, **kwargs)", type_prepare, "Create the namespace for the class statement", kMethClass},
    {"__dir__($self, /)", type_dir, "Specialized __dir__ implementation for types."},
    {"__sizeof__($self, /)", type_sizeof, "Return memory consumption of the type object."},
    {nullptr}};

// __text_signature__ of the built-in types whose constructor CPython gives one
// (inspect.signature of a class that defines no __init__/__new__ ends at
// object's "()"). Heap types have none.
struct BuiltinTypeSignature {
  const char* type_name;
  const char* signature;
};
constexpr BuiltinTypeSignature kBuiltinTypeSignatures[] = {
    {"object", "()"},
    {"list", "(iterable=(), /)"},
    {"tuple", "(iterable=(), /)"},
    {"float", "(x=0, /)"},
    {"complex", "(real=0, imag=0)"},
    {"property", "(fget=None, fset=None, fdel=None, doc=None)"},
    {"enumerate", "(iterable, start=0)"},
    {"reversed", "(sequence, /)"},
    {"memoryview", "(object)"},
};

Ref<> type_get_text_signature(Value self) {
  Type* t = self.as<Type>();
  if (!(t->flags & kTypeHeapType))
    for (const BuiltinTypeSignature& s : kBuiltinTypeSignatures)
      if (std::strcmp(t->name, s.type_name) == 0) return str_from_utf8(s.signature);
  return new_none();
}

// type.__flags__: ftpy's own flag bits moved to the bit positions CPython
// 3.11 documents for the same properties (inspect.isabstract tests
// 1 << 20, copyreg tests the heap-type bit 1 << 9). Bits with no ftpy
// counterpart (vectorcall, version tag, managed dict, ...) stay clear.
Ref<> type_get_flags(Value self) {
  struct FlagBit {
    uint32_t ftpy;
    uint32_t cpython_bit;
  };
  static constexpr FlagBit kFlagBits[] = {
      {kTypeSequence, 5},      {kTypeMapping, 6},          {kTypeHeapType, 9},
      {kTypeBaseType, 10},     {kTypeReady, 12},           {kTypeHasGc, 14},        {kTypeMethodDescriptor, 17},
      {kTypeAbstract, 20},     {kTypeIntSubclass, 24},     {kTypeListSubclass, 25}, {kTypeTupleSubclass, 26},
      {kTypeBytesSubclass, 27}, {kTypeStrSubclass, 28},    {kTypeDictSubclass, 29}, {kTypeExceptionSubclass, 30},
      {kTypeTypeSubclass, 31},
  };
  uint32_t own = self.as<Type>()->flags;
  uint64_t out = 0;
  for (const FlagBit& b : kFlagBits)
    if (own & b.ftpy) out |= uint64_t{1} << b.cpython_bit;
  // Built-in types are immutable (Py_TPFLAGS_IMMUTABLETYPE), class statements' are not.
  if (!(own & kTypeHeapType)) out |= uint64_t{1} << 8;
  return int_from_uint64(out);
}

const GetSetDef kTypeGetSets[] = {
    {"__flags__", type_get_flags, nullptr},
    {"__name__", type_get_name, type_set_name},
    {"__qualname__", type_get_qualname, type_set_qualname},
    {"__module__", type_get_module, type_set_module},
    {"__mro__", type_get_mro, nullptr},
    {"__bases__", type_get_bases, type_set_bases},
    {"__base__", type_get_base, nullptr},
    {"__dict__", type_get_dict, nullptr},
    {"__doc__", type_get_doc, type_set_doc},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods},
    {"__text_signature__", type_get_text_signature, nullptr},
    {nullptr}};

}  // namespace

// --- object ------------------------------------------------------------------

namespace {

Ref<> object_repr(Value self) {
  Type* t = type_of(self);
  Ref<> m = type_module_name(t);
  if (!m) return nullptr;
  std::string qn = type_qualname_utf8(t);
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(self.obj()));
  std::string s;
  if (is_str(m.val()) && str_view(m.val()) != "builtins")
    s = "<" + std::string(str_view(m.val())) + "." + qn + " object at " + addr + ">";
  else
    s = "<" + qn + " object at " + addr + ">";
  return str_from_utf8(s);
}

Ref<> object_str(Value self) {
  UnaryFn r = type_of(self)->tp_repr;
  return r ? r(self) : object_repr(self);
}

int64_t object_hash(Value self) {
  // Identity hash: rotate the address so the low alignment bits matter.
  uint64_t p = self.bits();
  uint64_t h = (p >> 4) | (p << 60);
  int64_t r = static_cast<int64_t>(h);
  return r == -1 ? -2 : r;
}

Ref<> object_richcompare(Value a, Value b, CompareOp op) {
  switch (op) {
    case kEq:
      return Ref<>::steal(a == b ? true_value() : not_implemented());
    case kNe: {
      // By default __ne__ delegates to __eq__ and inverts the result.
      RichCmpFn eq = type_of(a)->tp_richcompare;
      if (!eq) return Ref<>::steal(not_implemented());
      Ref<> r = eq(a, b, kEq);
      if (!r || r.val() == not_implemented()) return r;
      int t = truthy(r.val());
      if (t < 0) return nullptr;
      return new_bool(!t);
    }
    default:
      return Ref<>::steal(not_implemented());
  }
}

Ref<> object_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  bool excess = nargs || !kwnames.is_null();
  if (excess) {
    // Extra arguments are an error unless the type overrides exactly one of
    // __new__/__init__ in the way CPython allows.
    if (t->tp_new != object_tp_new)
      return err_format(g_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
    if (t->tp_init == object_init_slot())
      return err_format(g_TypeError, "%s() takes no arguments", t->name);
  }
  if (t->flags & kTypeAbstract) return object_abstract_error(t);
  return object_alloc_instance(t);
}

}  // namespace

int object_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Type* t = type_of(self);
  if (nargs || !kwnames.is_null()) {
    if (t->tp_init != object_init) {
      err_set_str(g_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
      return -1;
    }
    if (t->tp_new == object_tp_new) {
      // CPython 3.11's wording when object.__init__ is called directly
      // (type(x)(...) with extra arguments fails in object.__new__ first).
      err_format(g_TypeError, "%s.__init__() takes exactly one argument (the instance to initialize)", t->name);
      return -1;
    }
  }
  return 0;
}
InitFn object_init_slot() { return object_init; }
NewFn object_new_slot() { return object_tp_new; }

namespace {

Ref<> object_get_class(Value self) { return Ref<>::borrow(Value(type_of(self))); }
int object_set_class(Value self, Value v) { return object_assign_class(self, v); }

// Takes **kwargs only to word the error as CPython does: the bound method's
// name is the class's ("S.__init_subclass__() takes no keyword arguments").
Ref<> object_init_subclass(Value self, Value* args) {
  if (dict_size(args[0]) != 0) {
    std::string qn = has_flag(type_of(self), kTypeTypeSubclass) ? type_qualname_utf8(self.as<Type>()) : std::string(type_name(type_of(self)));
    return err_format(g_TypeError, "%s.__init_subclass__() takes no keyword arguments", qn.c_str());
  }
  return new_none();
}
Ref<> object_format(Value self, Value* args) {
  Value spec = args[0];
  if (!is_str(spec))
    return err_format(g_TypeError, "__format__() argument must be str, not %s", type_name(type_of(spec)));
  if (spec.as<Str>()->length > 0)
    return err_format(g_TypeError, "unsupported format string passed to %s.__format__",
                      type_name(type_of(self)));
  return str(self);
}
Ref<> object_dir(Value self, Value*) { return object_dir_list(self); }
Ref<> object_sizeof(Value self, Value*) { return small_int(type_of(self)->basic_size); }
Ref<> object_reduce_ex(Value self, Value* args) { return object_reduce_ex_impl(self, args[0]); }
Ref<> object_reduce(Value self, Value*) { return object_reduce_impl(self); }
Ref<> object_getstate(Value self, Value*) { return object_getstate_impl(self); }
Ref<> object_subclasshook(Value self, Value*) { return Ref<>::steal(not_implemented()); }

const MethodDef kObjectMethods[] = {
    {"__init_subclass__($type, /, **kwargs)", object_init_subclass,
     "This method is called when a class is subclassed.", kMethClass},
    {"__subclasshook__($type, /, *args)", object_subclasshook, "Abstract classes can override this.", kMethClass},
    {"__format__($self, format_spec, /)", object_format, "Default object formatter."},
    {"__dir__($self, /)", object_dir, "Default dir() implementation."},
    {"__sizeof__($self, /)", object_sizeof, "Size of object in memory, in bytes."},
    {"__reduce__($self, /)", object_reduce, "Helper for pickle."},
    {"__reduce_ex__($self, protocol, /)", object_reduce_ex, "Helper for pickle."},
    {"__getstate__($self, /)", object_getstate, "Helper for pickle."},
    {nullptr}};

const GetSetDef kObjectGetSets[] = {
    {"__class__", object_get_class, object_set_class},
    {nullptr}};

void object_dealloc(Object* o) { free_object(o); }

}  // namespace

void type_core_init() {
  // object and type reference each other; set headers by hand first.
  g_object_type.ob_type = &g_type_type;
  g_type_type.ob_type = &g_type_type;
  make_immortal(&g_object_type);
  make_immortal(&g_type_type);

  Type* o = &g_object_type;
  o->name = "object";
  o->basic_size = sizeof(Object);
  o->flags = kTypeBaseType;
  o->tp_dealloc = object_dealloc;
  o->tp_repr = object_repr;
  o->tp_str = object_str;
  o->tp_hash = object_hash;
  o->tp_richcompare = object_richcompare;
  o->tp_getattro = generic_getattr;
  o->tp_setattro = generic_setattr;
  o->tp_new = object_tp_new;
  o->tp_init = object_init;
  o->methods = kObjectMethods;
  o->getsets = kObjectGetSets;
  o->doc = "The base class of the class hierarchy.";

  Type* t = &g_type_type;
  t->name = "type";
  t->basic_size = sizeof(Type);
  t->flags = kTypeBaseType | kTypeTypeSubclass | kTypeHasGc;
  t->dict_offset = 0;
  t->weaklist_offset = static_cast<int32_t>(offsetof(Type, weaklist));
  t->tp_repr = type_repr;
  t->tp_getattro = type_getattro;
  t->tp_setattro = type_setattro;
  t->tp_call = type_call;
  t->nb_binary[kOpOr] = type_or_slot;  // int | str (objects/union_type.cpp)
  t->tp_new = type_tp_new;
  t->tp_init = type_init;
  t->tp_traverse = type_traverse;
  t->tp_dealloc = type_heap_dealloc;
  t->methods = kTypeMethods;
  t->getsets = kTypeGetSets;
  t->doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type";
}

void type_core_ready() {
  type_ready(&g_object_type);
  type_ready(&g_type_type);
}

}  // namespace ftpy
