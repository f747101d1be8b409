// Class creation (type(name, bases, ns) and the class statement), heap-type
// instances, C3 linearisation, and the helpers of type.cpp that need them.
//
// Instance layout of a heap type: the solid base's layout, then (unless
// __slots__ says otherwise) a __dict__ slot, then one Value per __slots__ name,
// then a weakref list slot. For variable-sized bases (str, tuple, bytes, int)
// the __dict__ slot is placed after the items (negative dict_offset).
//
// Heap types are immortal for now: instances do not count references to their
// type, and a class dies only when the cycle collector can free types.
#include <algorithm>
#include <atomic>
#include <cstring>
#include <new>
#include <mutex>
#include <string>
#include <vector>

#include "objects/dict.h"
#include "objects/instance_values.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "vm/frame.h"
#include "vm/function.h"
#include "vm/import.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"
#include "objects/weakref.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"
#include "runtime/qsbr.h"
#include "runtime/stop_the_world.h"
#include "runtime/thread_state.h"

namespace ftpy {

Ref<> type_module_name(Type* t) {
  if (t->flags & kTypeHeapType) {
    Ref<> m;
    int r = dict_get_item_str(t->dict, ids::__module__, &m);
    if (r < 0) return nullptr;
    if (r > 0) return m;
    return new_none();
  }
  const char* dot = std::strrchr(t->name, '.');
  if (!dot) return Ref<>(str_intern("builtins"));
  // Interned, as CPython's type_module does: pickles memoize the module
  // name by identity, so two classes of one module share one memo entry.
  return Ref<>(str_intern(std::string_view(t->name, static_cast<size_t>(dot - t->name))));
}

std::string type_qualname_utf8(Type* t) {
  if ((t->flags & kTypeHeapType) && !t->qualname.is_null()) return std::string(str_view(t->qualname));
  return type_name(t);
}

Value type_heap_name(Type* t) { return t->heap_name; }

void type_set_heap_name(Type* t, Value name) {
  Value old = t->heap_name;
  t->heap_name = Ref<>::borrow(name).release();
  t->name = str_view(t->heap_name).data();
  decref(old);
}

// --- C3 linearisation ----------------------------------------------------------

namespace {

bool c3_merge(std::vector<std::vector<Type*>>& seqs, std::vector<Type*>& out) {
  for (;;) {
    bool all_empty = true;
    for (auto& s : seqs) all_empty &= s.empty();
    if (all_empty) return true;
    Type* cand = nullptr;
    for (auto& s : seqs) {
      if (s.empty()) continue;
      Type* head = s.front();
      bool in_tail = false;
      for (auto& o : seqs)
        if (o.size() > 1 && std::find(o.begin() + 1, o.end(), head) != o.end()) in_tail = true;
      if (!in_tail) {
        cand = head;
        break;
      }
    }
    if (!cand) return false;
    out.push_back(cand);
    for (auto& s : seqs)
      if (!s.empty() && s.front() == cand) s.erase(s.begin());
  }
}

Ref<> compute_c3(Type* t) {
  Tuple* bases = t->bases.as<Tuple>();
  std::vector<std::vector<Type*>> seqs;
  std::vector<Type*> base_list;
  for (int64_t i = 0; i < bases->size; i++) {
    Type* b = bases->items[i].as<Type>();
    Tuple* bm = b->mro.as<Tuple>();
    std::vector<Type*> s;
    for (int64_t j = 0; j < bm->size; j++) s.push_back(bm->items[j].as<Type>());
    seqs.push_back(std::move(s));
    base_list.push_back(b);
  }
  for (size_t i = 0; i < base_list.size(); i++)
    for (size_t j = 0; j < i; j++)
      if (base_list[i] == base_list[j])
        return err_format(g_TypeError, "duplicate base class %s", type_name(base_list[i]));
  seqs.push_back(base_list);
  std::vector<Type*> out{t};
  if (!c3_merge(seqs, out)) {
    // Name the heads of the lists left unmerged, each once (CPython's
    // wording): the classes that conflict, not simply the bases.
    std::string names;
    std::vector<Type*> heads;
    for (auto& s : seqs) {
      if (s.empty() || std::find(heads.begin(), heads.end(), s.front()) != heads.end()) continue;
      if (!heads.empty()) names += ", ";
      names += type_name(s.front());
      heads.push_back(s.front());
    }
    return err_format(g_TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases %s",
                      names.c_str());
  }
  Ref<List> l = list_new();
  for (Type* k : out)
    if (list_append(l.val(), Value(k)) < 0) return nullptr;
  return l;
}

}  // namespace

Ref<> type_compute_mro_list(Type* t) { return compute_c3(t); }

Ref<> type_subclasses_list(Type* t) {
  Ref<List> out = list_new();
  if (!out) return nullptr;
  if (t->subclasses.is_null()) return out;
  int64_t n = list_size(t->subclasses);
  for (int64_t i = 0; i < n; i++) {
    Ref<> k = list_get(t->subclasses, i);
    if (!k || list_append(out.val(), k.val()) < 0) return nullptr;
  }
  return out;
}

void type_modified_subclasses(Type* t) {
  int64_t n = list_size(t->subclasses);
  for (int64_t i = 0; i < n; i++) {
    Ref<> k = list_get(t->subclasses, i);
    if (k) type_modified(k.val().as<Type>());
    else err_clear();
  }
}

// --- dir() ---------------------------------------------------------------------------

namespace {
int merge_class_dict(Value into, Type* t) {
  Tuple* mro = t->mro.as<Tuple>();
  for (int64_t i = mro->size - 1; i >= 0; i--) {
    Type* k = mro->items[i].as<Type>();
    int64_t pos = 0;
    Ref<> key, v;
    while (dict_next(k->dict, &pos, &key, &v))
      if (dict_set_item(into, key.val(), none()) < 0) return -1;
  }
  return 0;
}
Ref<> sorted_keys(Value d) {
  Ref<> keys = dict_keys_list(d);
  if (!keys || list_sort(keys.val(), Value(), false) < 0) return nullptr;
  return keys;
}
}  // namespace

Ref<> type_dir_list(Type* t) {
  Ref<Dict> d = dict_new();
  if (!d || merge_class_dict(d.val(), t) < 0) return nullptr;
  return sorted_keys(d.val());
}

Ref<> object_dir_list(Value obj) {
  Ref<Dict> d = dict_new();
  if (!d) return nullptr;
  if (Value* slot = instance_dict_slot(obj)) {
    // Held: `obj.__dict__ = ...` may replace it while the merge waits.
    Ref<> own = Ref<>::borrow(std::atomic_ref<Value>(*slot).load(std::memory_order_acquire));
    if (own && dict_merge(d.val(), own.val(), true) < 0) return nullptr;
  }
  Ref<> cls = getattr(obj, Value(ids::__class__));
  if (!cls) return nullptr;
  if (has_flag(type_of(cls.val()), kTypeTypeSubclass) && merge_class_dict(d.val(), cls.val().as<Type>()) < 0)
    return nullptr;
  return sorted_keys(d.val());
}

// --- pickling helpers ---------------------------------------------------------------

// Values of the __slots__ (of every class in the MRO) that are set, by
// (mangled) name; an empty dict when there are none.
Ref<> slot_values(Value self) {
  Ref<> out = dict_new();
  Value mro = type_of(self)->mro;
  for (int64_t i = 0; out && !mro.is_null() && i < tuple_size(mro); i++) {
    Type* t = tuple_item(mro, i).as<Type>();
    Ref<> slots;
    if (!t->dict.is_null() && dict_get_item_str(t->dict, str_intern("__slots__"), &slots) < 0) return nullptr;
    if (!slots) continue;
    Ref<> names = is_str(slots.val()) ? Ref<>(tuple_pack({slots.val()})) : sequence_list(slots.val());
    if (!names) return nullptr;
    Ref<> tup = sequence_tuple(names.val());
    if (!tup) return nullptr;
    for (int64_t j = 0; j < tuple_size(tup.val()); j++) {
      Value n = tuple_item(tup.val(), j);
      if (!is_str(n)) continue;
      std::string name(str_view(n));
      if (name == "__dict__" || name == "__weakref__") continue;
      if (name.size() > 2 && name.compare(0, 2, "__") == 0 && name.compare(name.size() - 2, 2, "__") != 0) {
        std::string cls = type_name(t);
        size_t k = cls.find_first_not_of('_');
        if (k != std::string::npos) name = "_" + cls.substr(k) + name;
      }
      Ref<> key = str_from_utf8(name);
      if (!key) return nullptr;
      Ref<> v = getattr_opt(self, key.val());
      if (v) {
        if (dict_set_item(out.val(), key.val(), v.val()) < 0) return nullptr;
      } else if (err_occurred()) {
        return nullptr;
      }
    }
  }
  return out;
}

// object.__getstate__: the instance dict itself (None when empty), paired
// with the set slot values as (dict, slots) when the class has __slots__.
// `required` is true when the reduce has nothing else to rebuild the object
// from (no __getnewargs__, not a list or dict): an instance of a built-in
// type with C-level state that this default cannot see is then unpicklable.
Ref<> object_getstate_default(Value self, bool required) {
  Type* t = type_of(self);
  if (required) {
    Type* solid = t;
    while (solid->flags & kTypeHeapType) solid = solid->base;
    if (solid != &g_object_type && (solid->item_size != 0 || solid->basic_size > g_object_type.basic_size))
      return err_format(g_TypeError, "cannot pickle '%s' object", type_tp_name(t));
  }
  Value* slot = instance_dict_slot(self);
  Ref<> state = Ref<>::borrow(slot ? std::atomic_ref<Value>(*slot).load(std::memory_order_acquire) : Value());
  if (!state || dict_size(state.val()) == 0) state = new_none();
  Ref<> slots = slot_values(self);
  if (!slots) return nullptr;
  if (dict_size(slots.val()) == 0) return state;
  return tuple_pack({state.val(), slots.val()});
}

Ref<> object_getstate_impl(Value self) { return object_getstate_default(self, false); }

namespace {

// The state for a reduce: a class's own __getstate__ when it defines one,
// else the default above.
Ref<> reduce_state(Value self, bool required) {
  Value own = type_lookup(type_of(self), Value(str_intern("__getstate__")));
  Ref<> dflt;
  if (dict_get_item_str(g_object_type.dict, str_intern("__getstate__"), &dflt) < 0) return nullptr;
  if (own.is_null() || (dflt && own == dflt.val())) return object_getstate_default(self, required);
  return call_method(self, "__getstate__", nullptr, 0);
}

// The arguments __new__ needs, from __getnewargs_ex__ or __getnewargs__:
// *args set to null when the class defines neither.
int reduce_newargs(Value self, Ref<>* args, Ref<>* kwargs) {
  Ref<> ex = getattr_opt(self, Value(str_intern("__getnewargs_ex__")));
  if (ex) {
    Ref<> r = call(ex.val(), nullptr, 0);
    if (!r) return -1;
    if (!is_tuple(r.val())) {
      err_format(g_TypeError, "__getnewargs_ex__ should return a tuple, not '%s'", type_name(type_of(r.val())));
      return -1;
    }
    if (tuple_size(r.val()) != 2) {
      err_format(g_ValueError, "__getnewargs_ex__ should return a tuple of length 2, not %lld",
                 static_cast<long long>(tuple_size(r.val())));
      return -1;
    }
    Value a = tuple_item(r.val(), 0), k = tuple_item(r.val(), 1);
    if (!is_tuple(a)) {
      err_format(g_TypeError, "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%s'",
                 type_name(type_of(a)));
      return -1;
    }
    if (!is_dict(k)) {
      err_format(g_TypeError, "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%s'",
                 type_name(type_of(k)));
      return -1;
    }
    *args = Ref<>::borrow(a);
    *kwargs = Ref<>::borrow(k);
    return 0;
  }
  if (err_occurred()) return -1;
  Ref<> plain = getattr_opt(self, Value(str_intern("__getnewargs__")));
  if (plain) {
    Ref<> r = call(plain.val(), nullptr, 0);
    if (!r) return -1;
    if (!is_tuple(r.val())) {
      err_format(g_TypeError, "__getnewargs__ should return a tuple, not '%s'", type_name(type_of(r.val())));
      return -1;
    }
    *args = std::move(r);
    return 0;
  }
  return err_occurred() ? -1 : 0;
}

// Protocol >= 2: (copyreg.__newobj__, (cls, *args), state, listitems,
// dictitems), or copyreg.__newobj_ex__ with (cls, args, kwargs) when
// __getnewargs_ex__ gives keyword arguments.
Ref<> reduce_newobj(Value self) {
  Type* t = type_of(self);
  if (!t->tp_new) return err_format(g_TypeError, "cannot pickle '%s' object", type_tp_name(t));
  Ref<> args, kwargs;
  if (reduce_newargs(self, &args, &kwargs) < 0) return nullptr;
  Ref<> copyreg = import_module("copyreg");
  if (!copyreg) return nullptr;
  Ref<> newobj, newargs;
  if (!kwargs || dict_size(kwargs.val()) == 0) {
    newobj = getattr(copyreg.val(), "__newobj__");
    if (!newobj) return nullptr;
    int64_t n = args ? tuple_size(args.val()) : 0;
    Ref<Tuple> tup = tuple_new(n + 1);
    if (!tup) return nullptr;
    tuple_init_item(tup.get(), 0, Ref<>::borrow(Value(t)));
    for (int64_t i = 0; i < n; i++) tuple_init_item(tup.get(), i + 1, Ref<>::borrow(tuple_item(args.val(), i)));
    newargs = std::move(tup);
  } else {
    newobj = getattr(copyreg.val(), "__newobj_ex__");
    if (!newobj) return nullptr;
    newargs = tuple_pack({Value(t), args.val(), kwargs.val()});
  }
  if (!newargs) return nullptr;
  bool is_list_obj = has_flag(t, kTypeListSubclass), is_dict_obj = has_flag(t, kTypeDictSubclass);
  Ref<> state = reduce_state(self, !args && !is_list_obj && !is_dict_obj);
  if (!state) return nullptr;
  Ref<> listitems = is_list_obj ? get_iter(self) : new_none();
  if (!listitems) return nullptr;
  Ref<> dictitems;
  if (is_dict_obj) {
    Ref<> items = call_method(self, "items", nullptr, 0);
    if (!items) return nullptr;
    dictitems = get_iter(items.val());
  } else {
    dictitems = new_none();
  }
  if (!dictitems) return nullptr;
  return tuple_pack({newobj.val(), newargs.val(), state.val(), listitems.val(), dictitems.val()});
}

Ref<> common_reduce(Value self, int64_t proto) {
  if (proto >= 2) return reduce_newobj(self);
  Ref<> copyreg = import_module("copyreg");
  if (!copyreg) return nullptr;
  Ref<> p = int_from_int64(proto);
  if (!p) return nullptr;
  Value argv[2] = {self, p.val()};
  return call_method(copyreg.val(), "_reduce_ex", argv, 2);
}

}  // namespace

Ref<> object_reduce_impl(Value self) { return common_reduce(self, 0); }

// object.__reduce_ex__: a class that overrides __reduce__ is reduced by it
// (the pickle protocol's documented precedence); otherwise the protocol
// picks copyreg's reconstructor (0, 1) or __newobj__ (2 and later).
Ref<> object_reduce_ex_impl(Value self, Value protocol) {
  int64_t proto;
  if (!to_int64(protocol, &proto)) return nullptr;
  Value own = type_lookup(type_of(self), Value(str_intern("__reduce__")));
  Ref<> dflt;
  if (dict_get_item_str(g_object_type.dict, str_intern("__reduce__"), &dflt) < 0) return nullptr;
  if (!own.is_null() && !(dflt && own == dflt.val())) return call_method(self, "__reduce__", nullptr, 0);
  if (err_occurred()) return nullptr;
  return common_reduce(self, proto);
}

// --- __class__ assignment -------------------------------------------------------------

namespace {
Type* layout_base(Type* t);

// The same __slots__ names (laid out sorted) at one level of two layouts.
bool same_members(const Type* a, const Type* b) {
  const MemberDef* x = a->members;
  const MemberDef* y = b->members;
  if (!x || !y) return !x && !y;
  for (; x->name && y->name; x++, y++)
    if (std::strcmp(x->name, y->name) != 0 || x->offset != y->offset) return false;
  return !x->name && !y->name;
}

// CPython's rule for __class__ assignment: the same memory layout. A
// subclass adding no __slots__ shares its base's layout; two heap classes
// with one base that add the same __slots__ (in any order: sorted) are
// compatible too (class P: __slots__ = 'a'; class P2: __slots__ = 'a'), one
// level deep as in CPython.
bool compatible_layouts(Type* a, Type* b) {
  a = layout_base(a);
  b = layout_base(b);
  if (a == b) return true;
  return (a->flags & kTypeHeapType) && (b->flags & kTypeHeapType) && a->base && a->base == b->base &&
         a->basic_size == b->basic_size && a->dict_offset == b->dict_offset &&
         a->weaklist_offset == b->weaklist_offset && same_members(a, b);
}
}  // namespace

int object_assign_class(Value self, Value cls) {
  if (cls.is_null()) {
    err_set_str(g_TypeError, "can't delete __class__ attribute");
    return -1;
  }
  if (!has_flag(type_of(cls), kTypeTypeSubclass)) {
    err_format(g_TypeError, "__class__ must be set to a class, not '%s' object", type_name(type_of(cls)));
    return -1;
  }
  Type* nt = cls.as<Type>();
  Type* ot = type_of(self);
  // Modules may change class between ModuleType and its subclasses (a
  // module-level property or __call__: sys.modules[__name__].__class__ = M).
  bool modules = is_subtype(nt, &g_module_type) && is_subtype(ot, &g_module_type);
  if (!modules && (!(nt->flags & kTypeHeapType) || !(ot->flags & kTypeHeapType))) {
    err_set_str(g_TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
    return -1;
  }
  if (nt->basic_size != ot->basic_size || nt->dict_offset != ot->dict_offset ||
      nt->weaklist_offset != ot->weaklist_offset || !compatible_layouts(nt, ot)) {
    err_format(g_TypeError, "__class__ assignment: '%s' object layout differs from '%s'", type_name(nt),
               type_name(ot));
    return -1;
  }
  // Each class has its own key layout: the instance's attributes move to a
  // dict for good first (never back to a values array: instance_values.h).
  if ((ot->flags & kTypeInlineValues) && !inline_values_materialize(self.obj(), ot, true)) return -1;
  // Every thread reads ob_type with plain loads (and specialised code acts
  // on what it read until its next instruction), so the store happens with
  // the world stopped: each other thread is between instructions or detached.
  // Heap types are immortal, so the old type needs no release.
  {
    StopTheWorld stw;
    self.obj()->ob_type = nt;
  }
  return 0;
}

std::nullptr_t object_abstract_error(Type* t) {
  Ref<> am = getattr_opt(Value(t), Value(ids::__abstractmethods__));
  std::vector<std::string> names;
  if (am) {
    Ref<> it = get_iter(am.val());
    if (it) {
      for (;;) {
        Ref<> x = iter_next(it.val());
        if (!x) break;
        names.push_back(str_utf8(x.val()));
      }
    }
    err_clear();
  }
  std::sort(names.begin(), names.end());
  std::string list;
  for (size_t i = 0; i < names.size(); i++) {
    if (i) list += ", ";
    list += names[i];
  }
  // 3.11's wording (3.12 says "without an implementation for" and quotes).
  return err_format(g_TypeError, "Can't instantiate abstract class %s with abstract method%s %s",
                    t->name, names.size() == 1 ? "" : "s", list.c_str());
}

Ref<> object_alloc_instance(Type* t) {
  Object* o = inline_values_alloc_instance(t);
  if (!o) return nullptr;
  return Ref<>::steal(Value(o));
}

// --- heap instances ------------------------------------------------------------------------

namespace {

// The number of __slots__ Values a heap type adds, stored by type_new in
// item_size's place for heap types whose base is fixed-size.
struct HeapLayout {
  int32_t slots_offset;
  int32_t nslots;
};

// The nearest built-in (static) type: its deallocator frees the memory.
Type* solid_base(Type* t) {
  while (t->flags & kTypeHeapType) t = t->base;
  return t;
}

// Does `t` add instance fields to its base's layout? A __dict__ or weakref
// slot added by a heap class does not count (CPython's "extra ivars" rule), so
// e.g. OSError and ValueError (same layout as BaseException) can be combined.
bool adds_layout(Type* t) {
  Type* b = t->base;
  if (!b) return true;
  int64_t size = t->basic_size;
  if (t->flags & kTypeHeapType) {
    if (t->members && t->members[0].name) return true;
    if (t->dict_offset > 0 && b->dict_offset == 0) size -= static_cast<int64_t>(sizeof(Value));
    if (t->weaklist_offset && !b->weaklist_offset) size -= static_cast<int64_t>(sizeof(Value));
  }
  return size != static_cast<int64_t>(b->basic_size);
}

// The base whose layout instances of `t` extend (for lay-out conflict checks).
Type* layout_base(Type* t) {
  while (t->base && !adds_layout(t)) t = t->base;
  return t;
}

void subtype_clear_fields(Object* o, Type* t) {
  // Walk the heap-type chain: each level may add __slots__ and a dict.
  for (Type* k = t; k && (k->flags & kTypeHeapType); k = k->base) {
    if (!k->members) continue;
    for (const MemberDef* m = k->members; m->name; m++) {
      Value* p = reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + m->offset);
      Value old = *p;
      *p = Value();
      decref(old);
    }
  }
  // Every deallocated instance comes here: the usual fixed-offset __dict__
  // is addressed directly rather than through instance_dict_slot.
  int32_t off = t->dict_offset;
  if (off == 0 || solid_base(t)->dict_offset == off) return;
  if (t->flags & kTypeInlineValues) {
    inline_values_clear(o, t);
    return;
  }
  Value* d = off > 0 ? reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + off) : instance_dict_slot(Value(o));
  Value old = *d;
  *d = Value();
  decref(old);
}

// The cycle collector's view of a heap instance: the __slots__ and __dict__
// the heap classes added, then whatever the built-in base holds. The type
// itself is not visited: instances do not count references to heap types.
void subtype_traverse(Object* o, VisitFn visit, void* arg) {
  Type* t = o->ob_type;
  for (Type* k = t; k && (k->flags & kTypeHeapType); k = k->base) {
    if (!k->members) continue;
    for (const MemberDef* m = k->members; m->name; m++)
      visit(*reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + m->offset), arg);
  }
  Type* b = solid_base(t);
  if (t->flags & kTypeInlineValues)
    inline_values_visit(o, t, visit, arg);
  else if (Value* d = instance_dict_slot_raw(Value(o)); d && b->dict_offset != t->dict_offset)
    visit(*d, arg);
  if (b->tp_traverse) b->tp_traverse(o, visit, arg);
}

// Breaks cycles through a garbage instance (the collector holds it alive).
void subtype_clear(Object* o) {
  Type* t = o->ob_type;
  subtype_clear_fields(o, t);
  Type* b = solid_base(t);
  if (b->tp_clear) b->tp_clear(o);
}

}  // namespace

void subtype_dealloc(Object* o) {
  Type* t = o->ob_type;
  if (t->tp_finalize && !(o->ob_gc_bits & 1)) {
    // Run __del__ with the object temporarily alive again; it may resurrect it.
    o->ob_gc_bits |= 1;  // finalized: __del__ runs at most once
    rc::revive_for_finalizer(o);
    t->tp_finalize(o);
    if (rc::end_finalizer(o)) return;  // resurrected
  }
  // Most instances die without weak references: an empty list head (stored
  // with release under the weakref mutex, weakref.h) skips the call.
  if (int32_t off = t->weaklist_offset; off > 0) {
    auto* head = reinterpret_cast<WeakRef**>(reinterpret_cast<char*>(o) + off);
    if (std::atomic_ref<WeakRef*>(*head).load(std::memory_order_acquire)) weakref_clear_all(o);
  }
  subtype_clear_fields(o, t);
  Type* b = solid_base(t);
  b->tp_dealloc(o);
}

void type_heap_dealloc(Object* o) {
  // Heap types are immortal until the cycle collector frees them (see top).
  free_object(o);
}

// --- mappingproxy (type.__dict__) ------------------------------------------------------------

namespace {
struct MappingProxy : Object {
  Value mapping;
};
Type g_mappingproxy_type;

void mp_dealloc(Object* o) {
  decref(static_cast<MappingProxy*>(o)->mapping);
  free_object(o);
}
Ref<> mp_getitem(Value self, Value key) { return getitem(self.as<MappingProxy>()->mapping, key); }
int64_t mp_len(Value self) { return length(self.as<MappingProxy>()->mapping); }
int mp_contains(Value self, Value key) { return contains(self.as<MappingProxy>()->mapping, key); }
Ref<> mp_iter(Value self) { return get_iter(self.as<MappingProxy>()->mapping); }
Ref<> mp_repr(Value self) {
  return str_from_utf8("mappingproxy(" + repr_utf8(self.as<MappingProxy>()->mapping) + ")");
}
// str() is the mapping's str(), as CPython (only repr() names the proxy).
Ref<> mp_str(Value self) { return str(self.as<MappingProxy>()->mapping); }
Ref<> mp_keys(Value self, Value*) { return call_method(self.as<MappingProxy>()->mapping, "keys", nullptr, 0); }
Ref<> mp_values(Value self, Value*) { return call_method(self.as<MappingProxy>()->mapping, "values", nullptr, 0); }
Ref<> mp_items(Value self, Value*) { return call_method(self.as<MappingProxy>()->mapping, "items", nullptr, 0); }
Ref<> mp_copy(Value self, Value*) { return call_method(self.as<MappingProxy>()->mapping, "copy", nullptr, 0); }
Ref<> mp_get(Value self, Value* a) {
  Value args[2] = {a[0], a[1]};
  return call_method(self.as<MappingProxy>()->mapping, "get", args, 2);
}
// `proxy | other` unwraps either side and ORs the mappings (3.9+); `|=`
// is refused, since the proxy is read-only.
Ref<> mp_or(Value a, Value b) {
  Value l = type_of(a) == &g_mappingproxy_type ? a.as<MappingProxy>()->mapping : a;
  Value r = type_of(b) == &g_mappingproxy_type ? b.as<MappingProxy>()->mapping : b;
  return binary_op(l, r, kOpOr);
}
Ref<> mp_ior(Value a, Value) {
  return err_format(g_TypeError, "'|=' is not supported by %s; use '|' instead", type_name(type_of(a)));
}
Ref<> mp_richcompare(Value a, Value b, CompareOp op) { return richcompare(a.as<MappingProxy>()->mapping, b, op); }
Ref<> mp_reversed(Value self, Value*) {
  Value m = self.as<MappingProxy>()->mapping;
  return call(Value(&g_reversed_type), &m, 1);
}
const MethodDef kMappingProxyMethods[] = {
    {"__reversed__($self, /)", mp_reversed, nullptr},
    {"keys($self, /)", mp_keys, nullptr},
    {"values($self, /)", mp_values, nullptr},
    {"items($self, /)", mp_items, nullptr},
    {"copy($self, /)", mp_copy, nullptr},
    {"get($self, key, default=None, /)", mp_get, nullptr},
    {nullptr}};
Ref<> mp_new(Type*, const Value* args, size_t nargs, Value kwnames) {
  if (nargs != 1 || !kwnames.is_null()) return err_set_str(g_TypeError, "mappingproxy() takes exactly one argument");
  if (!type_of(args[0])->mp_subscript || is_list(args[0]) || is_tuple(args[0]))
    return err_format(g_TypeError, "mappingproxy() argument must be a mapping, not %s", type_name(type_of(args[0])));
  return mappingproxy_new(args[0]);
}
}  // namespace

Ref<> mappingproxy_new(Value mapping) {
  // Readied on first use, once: two threads making the first proxies at
  // the same time must not both fill in the type (call_once also publishes
  // the finished type to the one that waited). type_ready runs no Python.
  static std::once_flag ready_once;
  std::call_once(ready_once, [] {
    Type* t = &g_mappingproxy_type;
    t->name = "mappingproxy";
    t->basic_size = sizeof(MappingProxy);
    t->flags = kTypeMapping;
    t->tp_dealloc = mp_dealloc;
    t->tp_repr = mp_repr;
    t->tp_str = mp_str;
    t->tp_iter = mp_iter;
    t->tp_new = mp_new;
    t->mp_subscript = mp_getitem;
    t->mp_length = mp_len;
    t->sq_contains = mp_contains;
    t->tp_richcompare = mp_richcompare;
    t->nb_binary[kOpOr] = mp_or;
    t->nb_inplace[kOpOr] = mp_ior;
    t->methods = kMappingProxyMethods;
    type_ready(t);
  });
  auto* p = alloc_object<MappingProxy>(&g_mappingproxy_type);
  if (!p) return nullptr;
  p->mapping = Ref<>::borrow(mapping).release();
  return Ref<>::steal(Value(p));
}


// --- class creation ----------------------------------------------------------------------------

namespace {

// The most derived metaclass among `meta` and the bases' types.
Type* calculate_metaclass(Type* meta, Value bases, bool* err) {
  Type* winner = meta;
  Tuple* b = bases.as<Tuple>();
  for (int64_t i = 0; i < b->size; i++) {
    Type* bt = type_of(b->items[i]);
    if (is_subtype(winner, bt)) continue;
    if (is_subtype(bt, winner)) {
      winner = bt;
      continue;
    }
    err_set_str(g_TypeError,
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
                "metaclasses of all its bases");
    *err = true;
    return nullptr;
  }
  return winner;
}

// The base whose instance layout the new class extends.
Type* best_base(Value bases) {
  Tuple* b = bases.as<Tuple>();
  Type* best = nullptr;
  Type* best_solid = nullptr;
  for (int64_t i = 0; i < b->size; i++) {
    Value bv = b->items[i];
    if (!has_flag(type_of(bv), kTypeTypeSubclass)) {
      err_set_str(g_TypeError, "bases must be types");
      return nullptr;
    }
    Type* bt = bv.as<Type>();
    if (!(bt->flags & kTypeBaseType)) {
      err_format(g_TypeError, "type '%s' is not an acceptable base type", type_tp_name(bt));
      return nullptr;
    }
    Type* sb = layout_base(bt);
    if (!best_solid) {
      best = bt;
      best_solid = sb;
    } else if (is_subtype(best_solid, sb)) {
      // keep
    } else if (is_subtype(sb, best_solid)) {
      best = bt;
      best_solid = sb;
    } else {
      err_set_str(g_TypeError, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return best;
}

// Wrap plain functions for the implicitly static/class methods.
int fix_implicit_methods(Value dict) {
  Ref<> v;
  int r = dict_get_item_str(dict, ids::__new__, &v);
  if (r < 0) return -1;
  if (r > 0 && is_python_function(v.val())) {
    Ref<> sm = staticmethod_new(v.val());
    if (!sm || dict_set_item(dict, Value(ids::__new__), sm.val()) < 0) return -1;
  }
  for (Str* name : {ids::__init_subclass__, ids::__class_getitem__}) {
    Ref<> f;
    r = dict_get_item_str(dict, name, &f);
    if (r < 0) return -1;
    if (r > 0 && is_python_function(f.val())) {
      Ref<> cm = classmethod_new(f.val());
      if (!cm || dict_set_item(dict, Value(name), cm.val()) < 0) return -1;
    }
  }
  return 0;
}

bool valid_identifier(Str* s) {
  if (s->length == 0) return false;
  for (int64_t i = 0; i < s->length; i++) {
    uint32_t c = s->at(i);
    bool ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 128 ||
              (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

}  // namespace

Ref<> type_new_from_spec(Type* meta, Value name, Value bases_in, Value ns, Value kwds) {
  bool err = false;
  Ref<> bases = Ref<>::borrow(bases_in);
  if (tuple_size(bases.val()) == 0) bases = tuple_pack({Value(&g_object_type)});
  Type* winner = calculate_metaclass(meta, bases.val(), &err);
  if (err) return nullptr;
  if (winner != meta && winner->tp_new != meta->tp_new) {
    Value args[3] = {name, bases.val(), ns};
    return call(Value(winner), args, 3);
  }
  meta = winner;
  Type* base = best_base(bases.val());
  if (!base) return nullptr;

  Ref<Dict> dict = dict_copy(ns);
  if (!dict) return nullptr;

  // __slots__
  Ref<> slots;
  int r = dict_get_item_str(dict.val(), ids::__slots__, &slots);
  if (r < 0) return nullptr;
  std::vector<Ref<>> slot_names;
  // Instances of a metaclass are classes: their namespace is Type::dict,
  // reached through type's own __dict__ getter, so they get no instance
  // dict slot (one would shadow type.__dict__ with an empty dict).
  bool base_has_dict = base->dict_offset != 0 || has_flag(base, kTypeTypeSubclass);
  bool want_dict = !base_has_dict, want_weakref = true;
  if (r > 0) {
    want_dict = false;
    want_weakref = false;
    Ref<> seq;
    if (is_str(slots.val())) seq = tuple_pack({slots.val()});
    else seq = sequence_tuple(slots.val());
    if (!seq) return nullptr;
    for (int64_t i = 0; i < tuple_size(seq.val()); i++) {
      Value s = tuple_item(seq.val(), i);
      if (!is_str(s))
        return err_format(g_TypeError, "__slots__ items must be strings, not '%s'", type_name(type_of(s)));
      if (!valid_identifier(s.as<Str>())) return err_set_str(g_TypeError, "__slots__ must be identifiers");
      std::string_view sv = str_view(s);
      if (sv == "__dict__") {
        if (base_has_dict || !want_dict == false)
          return err_set_str(g_TypeError, "__dict__ slot disallowed: we already got one");
        want_dict = true;
        continue;
      }
      if (sv == "__weakref__") {
        want_weakref = true;
        continue;
      }
      // A private name ("__x") is stored mangled, as the class body's
      // `self.__x` is compiled.
      Ref<> key = Ref<>::borrow(s);
      if (sv.size() > 2 && sv.substr(0, 2) == "__" && sv.substr(sv.size() - 2) != "__" && is_str(name)) {
        std::string_view cls = str_view(name);
        size_t k = cls.find_first_not_of('_');
        if (k != std::string_view::npos) {
          key = str_from_utf8("_" + std::string(cls.substr(k)) + std::string(sv));
          if (!key) return nullptr;
        }
      }
      int c = dict_contains(dict.val(), key.val());
      if (c < 0) return nullptr;
      if (c)
        return err_format(g_ValueError, "'%s' in __slots__ conflicts with class variable", std::string(sv).c_str());
      slot_names.push_back(Ref<>(str_intern(key.val().as<Str>())));
    }
    // CPython lays the slots out (and lists their descriptors) in sorted
    // order, whatever the order of __slots__: classes adding the same names
    // share a layout (__class__ assignment) and vars(cls) lists them sorted.
    std::sort(slot_names.begin(), slot_names.end(),
              [](const Ref<>& x, const Ref<>& y) { return str_view(x.val()) < str_view(y.val()); });
    if (!slot_names.empty() && base->item_size && base != &g_object_type && !(base->flags & kTypeHeapType))
      return err_format(g_TypeError, "nonempty __slots__ not supported for subtype of '%s'", type_name(base));
    // Secondary bases may provide the dict or weakref slot, as in CPython:
    // class P(Slotted, Plain) with __slots__ still gets Plain's __dict__.
    for (int64_t i = 0; i < tuple_size(bases.val()); i++) {
      Value bv = tuple_item(bases.val(), i);
      if (!bv.is_obj() || !has_flag(type_of(bv), kTypeTypeSubclass) || bv.as<Type>() == base) continue;
      Type* other = bv.as<Type>();
      if (!base_has_dict && other->dict_offset != 0) want_dict = true;
      if (other->weaklist_offset != 0) want_weakref = true;
    }
  }

  // Allocate the type object itself (the metatype may be a subclass of type).
  size_t tsize = meta->basic_size > sizeof(Type) ? meta->basic_size : sizeof(Type);
  void* mem = heap_alloc(tsize);
  if (!mem) return nullptr;
  std::memset(mem, 0, tsize);
  Type* t = new (mem) Type();
  init_header(t, meta);
  make_immortal(t);
  Ref<> result = Ref<>::steal(Value(t));

  // Every instance of a class can be part of a cycle (its __dict__, slots or
  // the built-in base's fields), so heap classes are always collected.
  t->flags = kTypeHeapType | kTypeBaseType | kTypeHasGc;
  t->base = base;
  t->bases = bases.release();
  type_set_heap_name(t, Value(str_intern(name.as<Str>())));
  Ref<> qn;
  r = dict_get_item_str(dict.val(), ids::__qualname__, &qn);
  if (r < 0) return nullptr;
  if (r > 0) {
    if (!is_str(qn.val()))
      return err_format(g_TypeError, "type __qualname__ must be a str, not %s", type_name(type_of(qn.val())));
    t->qualname = qn.release();
    if (dict_del_item(dict.val(), Value(ids::__qualname__)) < 0) return nullptr;
  } else {
    t->qualname = Ref<>::borrow(t->heap_name).release();
  }
  // __module__ from the caller's globals if the namespace lacks it.
  if (dict_contains(dict.val(), Value(ids::__module__)) == 0) {
    Value globals = current_globals();
    Ref<> modname;
    if (!globals.is_null() && dict_get_item_str(globals, ids::__name__, &modname) > 0)
      dict_set_item(dict.val(), Value(ids::__module__), modname.val());
  }
  bool added_doc = dict_contains(dict.val(), Value(ids::__doc__)) == 0;
  if (added_doc) dict_set_item(dict.val(), Value(ids::__doc__), none());
  if (fix_implicit_methods(dict.val()) < 0) return nullptr;
  // A class defining __eq__ without __hash__ is unhashable.
  bool added_hash =
      dict_contains(dict.val(), Value(ids::__eq__)) > 0 && dict_contains(dict.val(), Value(ids::__hash__)) == 0;
  if (added_hash) dict_set_item(dict.val(), Value(ids::__hash__), none());
  t->dict = dict.release();

  // Layout.
  uint32_t size = base->basic_size;
  bool var_sized = base->item_size != 0 && base != &g_object_type;
  if (var_sized) {
    t->item_size = base->item_size;
    t->tp_var_size = base->tp_var_size;
  }
  if (want_dict && !base->dict_offset) {
    if (var_sized) {
      t->dict_offset = -8;
    } else {
      t->dict_offset = static_cast<int32_t>(size);
      size += sizeof(Value);
    }
  } else {
    t->dict_offset = base->dict_offset;
  }
  if (!slot_names.empty()) {
    auto* members = new MemberDef[slot_names.size() + 1]();
    for (size_t i = 0; i < slot_names.size(); i++) {
      members[i].name = str_view(slot_names[i].val()).data();
      members[i].kind = kMemberObjectEx;
      members[i].offset = size;
      size += sizeof(Value);
    }
    t->members = members;
  }
  if (want_weakref && !base->weaklist_offset && !var_sized) {
    t->weaklist_offset = static_cast<int32_t>(size);
    size += sizeof(Value);
  }
  t->basic_size = size;
  inline_values_type_init(t);

  // MRO: a metaclass may override mro().
  Ref<> mro_list;
  if (meta != &g_type_type && type_lookup(meta, Value(ids::mro)) != type_lookup(&g_type_type, Value(ids::mro))) {
    t->mro = tuple_pack({Value(t)}).release();  // provisional, so lookups work during mro()
    mro_list = call_method(Value(t), "mro", nullptr, 0);
  } else {
    mro_list = compute_c3(t);
  }
  if (!mro_list) return nullptr;
  Ref<> mro_tuple = sequence_tuple(mro_list.val());
  if (!mro_tuple) return nullptr;
  Value old_mro = t->mro;
  t->mro = mro_tuple.release();
  decref(old_mro);

  // Slots: inherit the solid base's, then let dunders in the MRO override.
  type_ready_heap(t);
  t->tp_dealloc = subtype_dealloc;
  t->tp_traverse = subtype_traverse;
  t->tp_clear = subtype_clear;
  slots_fill_from_dict(t);

  // Member descriptors for __slots__.
  if (t->members) {
    for (const MemberDef* m = t->members; m->name; m++) {
      Ref<> d = member_descr_new(m, t);
      if (!d || dict_set_item(t->dict, Value(str_intern(m->name)), d.val()) < 0) return nullptr;
    }
  }
  if (t->dict_offset && !base->dict_offset) {
    if (install_dict_descriptor(t) < 0) return nullptr;
  } else if (t->weaklist_offset && !base->weaklist_offset) {
    if (install_weakref_descriptor(t) < 0) return nullptr;
  }
  // CPython's type_ready adds __doc__ and then __hash__ after the __dict__
  // and __weakref__ descriptors, and vars(cls) shows that order: move the
  // ones added above (needed earlier by slots_fill_from_dict) to the end.
  for (auto [added, name] : {std::pair{added_doc, ids::__doc__}, std::pair{added_hash, ids::__hash__}}) {
    Ref<> v;
    // Still the None put there (a __slots__ entry may have replaced it).
    if (!added || dict_get_item(t->dict, Value(name), &v) <= 0 || !is_none(v.val())) continue;
    if (dict_del_item(t->dict, Value(name)) < 0 || dict_set_item(t->dict, Value(name), none()) < 0) return nullptr;
  }

  // Register with each base's subclass list.
  Tuple* bt = t->bases.as<Tuple>();
  for (int64_t i = 0; i < bt->size; i++) {
    Type* b = bt->items[i].as<Type>();
    if (b->subclasses.is_null()) b->subclasses = list_new().release();
    if (list_append(b->subclasses, Value(t)) < 0) return nullptr;
  }

  // __set_name__ on every attribute that defines it, then __init_subclass__.
  {
    Ref<> items = dict_items_list(t->dict);
    if (!items) return nullptr;
    int64_t n = list_size(items.val());
    for (int64_t i = 0; i < n; i++) {
      Ref<> pair = list_get(items.val(), i);
      Value key = tuple_item(pair.val(), 0), val = tuple_item(pair.val(), 1);
      Value sn = type_lookup(type_of(val), Value(ids::__set_name__));
      if (!sn) continue;
      Value args[3] = {val, Value(t), key};
      Ref<> res = call(sn, args, 3);
      if (!res) {
        // CPython 3.11 wraps the error in a RuntimeError naming the
        // attribute, with the original as __cause__ (3.12 adds a note to
        // the original instead).
        Ref<> cause = err_fetch();
        Ref<> key_repr = repr(key);
        if (!key_repr) return nullptr;
        err_format(g_RuntimeError, "Error calling __set_name__ on '%s' instance %s in '%s'", type_of(val)->name,
                   std::string(str_view(key_repr.val())).c_str(), t->name);
        Ref<> exc = err_fetch();
        exception_set_context(exc.val(), cause.val());
        exception_set_cause(exc.val(), cause.val());
        err_restore(std::move(exc));
        return nullptr;
      }
    }
  }
  // super(t, t).__init_subclass__(**kwds)
  {
    Ref<> sup = super_new_for(t, Value(t));
    if (!sup) return nullptr;
    Ref<> init_sub = getattr(sup.val(), Value(ids::__init_subclass__));
    if (!init_sub) return nullptr;
    Ref<> res;
    if (kwds.is_null() || dict_size(kwds) == 0) {
      res = call0(init_sub.val());
    } else {
      Ref<Tuple> empty = empty_tuple();
      res = call_tuple_dict(init_sub.val(), empty.val(), kwds);
    }
    if (!res) return nullptr;
  }
  // The class cell for zero-argument super().
  Ref<> cell;
  if (dict_get_item_str(t->dict, ids::__classcell__, &cell) > 0) {
    if (!is_cell(cell.val()))
      return err_format(g_TypeError, "__classcell__ must be a nonlocal cell, not %s", type_name(type_of(cell.val())));
    cell_set(cell.val(), Value(t));
    dict_del_item(t->dict, Value(ids::__classcell__));
  }
  type_modified(t);
  return result;
}

// --- __bases__ assignment ------------------------------------------------------------------

namespace {

// Recompute t's MRO from its current bases (honouring a metaclass mro()) and
// publish it; the old tuple is retired, since type_lookup reads it lock-free.
int type_refresh_mro(Type* t) {
  Type* meta = type_of(Value(t));
  Ref<> mro_list;
  if (meta != &g_type_type && type_lookup(meta, Value(ids::mro)) != type_lookup(&g_type_type, Value(ids::mro)))
    mro_list = call_method(Value(t), "mro", nullptr, 0);
  else
    mro_list = compute_c3(t);
  if (!mro_list) return -1;
  Ref<> mro_tuple = sequence_tuple(mro_list.val());
  if (!mro_tuple) return -1;
  {
    // type_lookup reads t->mro with plain loads: publish with the world
    // stopped (which also serialises writers). No critical section is held
    // here: a thread resuming one waits for its lock attached, and would
    // never stop. The old tuple is still retired, not freed, for a thread
    // that holds it across a safepoint.
    StopTheWorld stw;
    Value old = t->mro;
    t->mro = mro_tuple.release();
    qsbr_retire_value(old);
  }
  return 0;
}

// After t's bases changed: every class below t gets a fresh MRO and slots.
int type_refresh_hierarchy(Type* t) {
  if (type_refresh_mro(t) < 0) return -1;
  {
    StopTheWorld stw;  // slot pointers are read with plain loads everywhere
    slots_fill_from_dict(t);
  }
  type_modified(t);
  Ref<> subs = type_subclasses_list(t);
  if (!subs) return -1;
  for (int64_t i = 0; i < list_size(subs.val()); i++) {
    Ref<> k = list_get(subs.val(), i);
    if (!k || type_refresh_hierarchy(k.val().as<Type>()) < 0) return -1;
  }
  return 0;
}

// Swap t's bases (and solid base) and move t between the bases' subclass lists.
int type_swap_bases(Type* t, Value bases, Type* base) {
  Ref<> old_bases = Ref<>::borrow(t->bases);
  {
    StopTheWorld stw;  // as in type_refresh_mro
    t->bases = Ref<>::borrow(bases).release();
    t->base = base;
    qsbr_retire_value(old_bases.val());
  }
  Tuple* ob = old_bases.val().as<Tuple>();
  for (int64_t i = 0; i < ob->size; i++) {
    Type* b = ob->items[i].as<Type>();
    if (b->subclasses.is_null()) continue;
    Value arg = Value(t);
    Ref<> r = call_method(b->subclasses, "remove", &arg, 1);
    if (!r) err_clear();  // t registered once per distinct base
  }
  Tuple* nb = bases.as<Tuple>();
  for (int64_t i = 0; i < nb->size; i++) {
    Type* b = nb->items[i].as<Type>();
    if (b->subclasses.is_null()) b->subclasses = list_new().release();
    if (list_append(b->subclasses, Value(t)) < 0) return -1;
  }
  return 0;
}

}  // namespace

int type_set_bases(Value self, Value v) {
  Type* t = self.as<Type>();
  const std::string qn = type_qualname_utf8(t);
  if (!(t->flags & kTypeHeapType) || v.is_null()) {
    err_format(g_TypeError, "cannot %s '__bases__' attribute of immutable type '%s'", v.is_null() ? "delete" : "set",
               qn.c_str());
    return -1;
  }
  if (!is_tuple(v)) {
    err_format(g_TypeError, "can only assign tuple to %s.__bases__, not %s", qn.c_str(), type_name(type_of(v)));
    return -1;
  }
  Tuple* nb = v.as<Tuple>();
  if (nb->size == 0) {
    err_format(g_TypeError, "can only assign non-empty tuple to %s.__bases__, not ()", qn.c_str());
    return -1;
  }
  for (int64_t i = 0; i < nb->size; i++) {
    if (!has_flag(type_of(nb->items[i]), kTypeTypeSubclass)) {
      err_format(g_TypeError, "%s.__bases__ must be tuple of classes, not '%s'", qn.c_str(),
                 type_name(type_of(nb->items[i])));
      return -1;
    }
    if (is_subtype(nb->items[i].as<Type>(), t)) {
      err_set_str(g_TypeError, "a __bases__ item causes an inheritance cycle");
      return -1;
    }
  }
  Type* new_base = best_base(v);
  if (!new_base) return -1;
  // Instances keep their memory layout: the new base must free, traverse
  // and lay them out exactly as the old one (same built-in machinery, same
  // slots, dict and weakref positions).
  Type* old_base = t->base;
  Type* new_solid = solid_base(new_base);
  Type* old_solid = solid_base(old_base);
  if (new_solid->tp_dealloc != old_solid->tp_dealloc || new_solid->tp_traverse != old_solid->tp_traverse ||
      new_solid->tp_clear != old_solid->tp_clear) {
    err_format(g_TypeError, "__bases__ assignment: '%s' deallocator differs from '%s'",
               type_qualname_utf8(new_base).c_str(), type_qualname_utf8(old_base).c_str());
    return -1;
  }
  if (!compatible_layouts(new_base, old_base) || new_base->dict_offset != old_base->dict_offset ||
      new_base->weaklist_offset != old_base->weaklist_offset) {
    err_format(g_TypeError, "__bases__ assignment: '%s' object layout differs from '%s'",
               type_qualname_utf8(new_base).c_str(), type_qualname_utf8(old_base).c_str());
    return -1;
  }
  Ref<> saved = Ref<>::borrow(t->bases);
  if (type_swap_bases(t, v, new_base) < 0) return -1;
  if (type_refresh_hierarchy(t) < 0) {
    // Put the old bases back (as CPython does) and report the MRO error.
    Ref<> exc = err_fetch();
    if (type_swap_bases(t, saved.val(), old_base) == 0) type_refresh_hierarchy(t);
    err_restore(std::move(exc));
    return -1;
  }
  return 0;
}

}  // namespace ftpy
