// staticmethod, classmethod, property and super.
//
// Thread safety: staticmethod/classmethod are immutable after __init__;
// property's fields are set in __init__ and by getter()/setter()/deleter(),
// which return new property objects; super objects are immutable.
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
#include "vm/frame.h"
#include "vm/function.h"

namespace ftpy {

Type g_staticmethod_type;
Type g_classmethod_type;
Type g_property_type;
Type g_super_type;

namespace {

// --- staticmethod / classmethod ---------------------------------------------------

struct Wrapped : Object {
  Value dict;      // __dict__ (for __wrapped__, __doc__ copies)
  Value callable;  // owned
};

void wrapped_dealloc(Object* o) {
  auto* w = static_cast<Wrapped*>(o);
  decref(w->dict);
  decref(w->callable);
  free_object(o);
}
void wrapped_traverse(Object* o, VisitFn visit, void* arg) {
  auto* w = static_cast<Wrapped*>(o);
  visit(w->dict, arg);
  visit(w->callable, arg);
}

Ref<> wrapped_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  auto* w = alloc_object<Wrapped>(t, t->basic_size);
  if (!w) return nullptr;
  return Ref<>::steal(Value(w));
}

int wrapped_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs != 1 || (!kwnames.is_null() && tuple_size(kwnames))) {
    err_format(g_TypeError, "%s expected 1 argument, got %zu", type_name(type_of(self)), nargs);
    return -1;
  }
  auto* w = self.as<Wrapped>();
  Value old = w->callable;
  w->callable = Ref<>::borrow(args[0]).release();
  decref(old);
  // Copy __name__, __qualname__, __doc__, __module__ like functools.wraps (3.10+).
  for (Str* n : {ids::__module__, ids::__name__, ids::__qualname__, ids::__doc__}) {
    Ref<> v = getattr_opt(args[0], Value(n));
    if (!v) {
      if (err_occurred()) return -1;
      continue;
    }
    if (generic_setattr(self, Value(n), v.val()) < 0) return -1;
  }
  Ref<> wrapped_v = Ref<>::borrow(args[0]);
  return generic_setattr(self, Value(ids::__wrapped__), wrapped_v.val());
}

Ref<> staticmethod_get(Value self, Value obj, Value type) {
  Value c = self.as<Wrapped>()->callable;
  if (c.is_null()) return err_set_str(g_RuntimeError, "uninitialized staticmethod object");
  return Ref<>::borrow(c);
}

Ref<> staticmethod_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  return call(self.as<Wrapped>()->callable, args, nargs, kwnames);
}

Ref<> classmethod_get(Value self, Value obj, Value type) {
  Value c = self.as<Wrapped>()->callable;
  if (c.is_null()) return err_set_str(g_RuntimeError, "uninitialized classmethod object");
  Value t = type.is_null() ? Value(type_of(obj)) : type;
  return method_new(c, t);
}

Ref<> wrapped_get_func(Value self) { return Ref<>::borrow(self.as<Wrapped>()->callable); }
Ref<> wrapped_get_isabstract(Value self) {
  Ref<> v = getattr_opt(self.as<Wrapped>()->callable, Value(str_intern("__isabstractmethod__")));
  if (!v) return err_occurred() ? nullptr : new_bool(false);
  int t = truthy(v.val());
  if (t < 0) return nullptr;
  return new_bool(t);
}
const GetSetDef kWrappedGetSets[] = {{"__func__", wrapped_get_func, nullptr},
                                     {"__isabstractmethod__", wrapped_get_isabstract, nullptr},
                                     {nullptr}};

Ref<> staticmethod_repr(Value self) {
  return str_from_utf8("<staticmethod(" + repr_utf8(self.as<Wrapped>()->callable) + ")>");
}
Ref<> classmethod_repr(Value self) {
  return str_from_utf8("<classmethod(" + repr_utf8(self.as<Wrapped>()->callable) + ")>");
}

// --- property ------------------------------------------------------------------------

struct Property : Object {
  Value fget, fset, fdel, doc, name;  // owned or null
  bool getter_doc;
};

void property_dealloc(Object* o) {
  auto* p = static_cast<Property*>(o);
  decref(p->fget);
  decref(p->fset);
  decref(p->fdel);
  decref(p->doc);
  decref(p->name);
  free_object(o);
}
void property_traverse(Object* o, VisitFn visit, void* arg) {
  auto* p = static_cast<Property*>(o);
  visit(p->fget, arg);
  visit(p->fset, arg);
  visit(p->fdel, arg);
  visit(p->doc, arg);
}

Ref<> property_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  auto* p = alloc_object<Property>(t, t->basic_size);
  if (!p) return nullptr;
  return Ref<>::steal(Value(p));
}

void set_owned(Value& field, Value v) {
  Value old = field;
  field = (v.is_null() || is_none(v)) ? Value() : Ref<>::borrow(v).release();
  decref(old);
}

Ref<> property_init_impl(Value self, Value* a) {
  auto* p = self.as<Property>();
  set_owned(p->fget, a[0]);
  set_owned(p->fset, a[1]);
  set_owned(p->fdel, a[2]);
  set_owned(p->doc, a[3]);
  p->getter_doc = false;
  if ((a[3].is_null() || is_none(a[3])) && !p->fget.is_null()) {
    Ref<> d = getattr_opt(p->fget, Value(ids::__doc__));
    if (!d && err_occurred()) return nullptr;
    if (d && !is_none(d.val())) {
      set_owned(p->doc, d.val());
      p->getter_doc = true;
    }
  }
  // Subclasses of property keep the doc in their __dict__.
  if (type_of(self) != &g_property_type && !p->doc.is_null()) {
    if (generic_setattr(self, Value(ids::__doc__), p->doc) < 0) err_clear();
  }
  return new_none();
}
const MethodDef kPropertyInitDef = {"property($self, fget=None, fset=None, fdel=None, doc=None)",
                                    property_init_impl, nullptr};
int property_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Ref<> r = native_call(&kPropertyInitDef, self, args, nargs, kwnames);
  return r ? 0 : -1;
}


Ref<> property_get(Value self, Value obj, Value type) {
  auto* p = self.as<Property>();
  if (obj.is_null() || is_none(obj)) {
    if (obj.is_null()) return Ref<>::borrow(self);
  }
  if (p->fget.is_null()) {
    if (!p->name.is_null())
      return err_format(g_AttributeError, "property '%s' of '%s' object has no getter",
                        str_view(p->name).data(), type_name(type_of(obj)));
    return err_format(g_AttributeError, "property of '%s' object has no getter", type_name(type_of(obj)));
  }
  return call1(p->fget, obj);
}

int property_set(Value self, Value obj, Value v) {
  auto* p = self.as<Property>();
  Value f = v.is_null() ? p->fdel : p->fset;
  if (f.is_null()) {
    const char* what = v.is_null() ? "deleter" : "setter";
    if (!p->name.is_null())
      err_format(g_AttributeError, "property '%s' of '%s' object has no %s", str_view(p->name).data(),
                 type_name(type_of(obj)), what);
    else
      err_format(g_AttributeError, "property of '%s' object has no %s", type_name(type_of(obj)), what);
    return -1;
  }
  Ref<> r = v.is_null() ? call1(f, obj) : call2(f, obj, v);
  return r ? 0 : -1;
}

Ref<> property_copy(Value self, Value fget, Value fset, Value fdel) {
  auto* p = self.as<Property>();
  Value doc = p->getter_doc && !fget.is_null() ? none() : (p->doc.is_null() ? none() : p->doc);
  Value args[4] = {fget.is_null() ? none() : fget, fset.is_null() ? none() : fset,
                   fdel.is_null() ? none() : fdel, doc};
  Ref<> np = call(Value(type_of(self)), args, 4);
  if (!np) return nullptr;
  if (type_of(np.val()) == &g_property_type || is_subtype(type_of(np.val()), &g_property_type))
    set_owned(np.val().as<Property>()->name, p->name);
  return np;
}
Ref<> property_getter(Value self, Value* a) {
  auto* p = self.as<Property>();
  return property_copy(self, a[0], p->fset, p->fdel);
}
Ref<> property_setter(Value self, Value* a) {
  auto* p = self.as<Property>();
  return property_copy(self, p->fget, a[0], p->fdel);
}
Ref<> property_deleter(Value self, Value* a) {
  auto* p = self.as<Property>();
  return property_copy(self, p->fget, p->fset, a[0]);
}
Ref<> property_set_name(Value self, Value* a) {
  set_owned(self.as<Property>()->name, a[1]);
  return new_none();
}
const MethodDef kPropertyMethods[] = {
    {"getter($self, fget, /)", property_getter, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter($self, fset, /)", property_setter, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter($self, fdel, /)", property_deleter, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__($self, owner, name, /)", property_set_name, "Method to set name of a property."},
    {nullptr}};

Ref<> prop_fget(Value self) { Value v = self.as<Property>()->fget; return v.is_null() ? new_none() : Ref<>::borrow(v); }
Ref<> prop_fset(Value self) { Value v = self.as<Property>()->fset; return v.is_null() ? new_none() : Ref<>::borrow(v); }
Ref<> prop_fdel(Value self) { Value v = self.as<Property>()->fdel; return v.is_null() ? new_none() : Ref<>::borrow(v); }
Ref<> prop_doc(Value self) { Value v = self.as<Property>()->doc; return v.is_null() ? new_none() : Ref<>::borrow(v); }
int prop_set_doc(Value self, Value v) {
  set_owned(self.as<Property>()->doc, v);
  return 0;
}
Ref<> prop_name(Value self) {
  auto* p = self.as<Property>();
  if (!p->name.is_null()) return Ref<>::borrow(p->name);
  if (!p->fget.is_null()) return getattr(p->fget, Value(ids::__name__));
  return err_set_str(g_AttributeError, "'property' object has no attribute '__name__'");
}
Ref<> prop_isabstract(Value self) {
  auto* p = self.as<Property>();
  for (Value f : {p->fget, p->fset, p->fdel}) {
    if (f.is_null()) continue;
    Ref<> v = getattr_opt(f, Value(str_intern("__isabstractmethod__")));
    if (!v) {
      if (err_occurred()) return nullptr;
      continue;
    }
    int t = truthy(v.val());
    if (t < 0) return nullptr;
    if (t) return new_bool(true);
  }
  return new_bool(false);
}
const GetSetDef kPropertyGetSets[] = {{"fget", prop_fget, nullptr},
                                      {"fset", prop_fset, nullptr},
                                      {"fdel", prop_fdel, nullptr},
                                      {"__doc__", prop_doc, prop_set_doc},
                                      {"__name__", prop_name, nullptr},
                                      {"__isabstractmethod__", prop_isabstract, nullptr},
                                      {nullptr}};

// --- super -------------------------------------------------------------------------------

struct Super : Object {
  Type* type;       // the class super() was called in
  Value obj;        // owned: instance or class, or null (unbound)
  Type* obj_type;   // type(obj), or obj itself when obj is a class
};

void super_dealloc(Object* o) {
  decref(static_cast<Super*>(o)->obj);
  free_object(o);
}

Type* super_check(Type* type, Value obj) {
  // obj may be an instance of type, or a subclass of type (classmethods).
  if (has_flag(type_of(obj), kTypeTypeSubclass) && is_subtype(obj.as<Type>(), type)) return obj.as<Type>();
  if (is_subtype(type_of(obj), type)) return type_of(obj);
  Ref<> cls = getattr_opt(obj, Value(ids::__class__));
  if (cls && has_flag(type_of(cls.val()), kTypeTypeSubclass) && cls.val() != Value(type_of(obj)) &&
      is_subtype(cls.val().as<Type>(), type))
    return cls.val().as<Type>();
  err_clear();
  err_set_str(g_TypeError, "super(type, obj): obj must be an instance or subtype of type");
  return nullptr;
}

Ref<> super_alloc(Type* t, Type* type, Value obj, Type* obj_type) {
  auto* s = alloc_object<Super>(t, t->basic_size);
  if (!s) return nullptr;
  s->type = type;
  s->obj = Ref<>::borrow(obj).release();
  s->obj_type = obj_type;
  return Ref<>::steal(Value(s));
}

Ref<> super_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  if (!kwnames.is_null() && tuple_size(kwnames))
    return err_set_str(g_TypeError, "super() takes no keyword arguments");
  if (nargs > 2) return err_format(g_TypeError, "super() expected at most 2 arguments, got %zu", nargs);
  Type* type;
  Value obj;
  if (nargs == 0) {
    // Zero-argument form: __class__ cell and first argument of the calling frame.
    Value cls, first;
    if (!frame_super_args(&cls, &first)) return nullptr;
    if (!has_flag(type_of(cls), kTypeTypeSubclass))
      return err_set_str(g_RuntimeError, "super(): __class__ is not a type");
    type = cls.as<Type>();
    obj = first;
  } else {
    if (!has_flag(type_of(args[0]), kTypeTypeSubclass))
      return err_format(g_TypeError, "super() argument 1 must be a type, not %s", type_name(type_of(args[0])));
    type = args[0].as<Type>();
    obj = nargs == 2 && !is_none(args[1]) ? args[1] : Value();
  }
  Type* obj_type = nullptr;
  if (!obj.is_null()) {
    obj_type = super_check(type, obj);
    if (!obj_type) return nullptr;
  }
  return super_alloc(t, type, obj, obj_type);
}

Ref<> super_getattro(Value self, Value name) {
  auto* s = self.as<Super>();
  // __class__ is looked up on the super object itself.
  if (s->obj_type && !(is_str(name) && str_view(name) == "__class__")) {
    Tuple* mro = s->obj_type->mro.as<Tuple>();
    int64_t i = 0;
    for (; i < mro->size; i++)
      if (mro->items[i].obj() == s->type) break;
    for (i++; i < mro->size; i++) {
      Type* k = mro->items[i].as<Type>();
      Ref<> v;
      int r = dict_get_item_str(k->dict, str_intern(name.as<Str>()), &v);
      if (r < 0) return nullptr;
      if (r == 0) continue;
      DescrGetFn get = type_of(v.val())->tp_descr_get;
      if (get) {
        Value inst = s->obj.obj() == static_cast<Object*>(s->obj_type) ? Value() : s->obj;
        return get(v.val(), inst, Value(s->obj_type));
      }
      return v;
    }
  }
  return generic_getattr(self, name);
}

Ref<> super_get(Value self, Value obj, Value type) {
  auto* s = self.as<Super>();
  if (obj.is_null() || is_none(obj) || !s->obj.is_null()) return Ref<>::borrow(self);
  Type* ot = super_check(s->type, obj);
  if (!ot) return nullptr;
  return super_alloc(type_of(self), s->type, obj, ot);
}

Ref<> super_repr(Value self) {
  auto* s = self.as<Super>();
  if (s->obj_type)
    return str_from_utf8(std::string("<super: <class '") + type_name(s->type) + "'>, <" + type_name(s->obj_type) +
                         " object>>");
  return str_from_utf8(std::string("<super: <class '") + type_name(s->type) + "'>, NULL>");
}

Ref<> super_get_thisclass(Value self) { return Ref<>::borrow(Value(self.as<Super>()->type)); }
Ref<> super_get_self(Value self) {
  Value o = self.as<Super>()->obj;
  return o.is_null() ? new_none() : Ref<>::borrow(o);
}
Ref<> super_get_self_class(Value self) {
  Type* t = self.as<Super>()->obj_type;
  return t ? Ref<>::borrow(Value(t)) : new_none();
}
const GetSetDef kSuperGetSets[] = {{"__thisclass__", super_get_thisclass, nullptr},
                                   {"__self__", super_get_self, nullptr},
                                   {"__self_class__", super_get_self_class, nullptr},
                                   {nullptr}};

}  // namespace

Ref<> staticmethod_new(Value callable) {
  Ref<> sm = wrapped_new(&g_staticmethod_type, nullptr, 0, Value());
  if (!sm || wrapped_init(sm.val(), &callable, 1, Value()) < 0) return nullptr;
  return sm;
}

Ref<> classmethod_new(Value callable) {
  Ref<> cm = wrapped_new(&g_classmethod_type, nullptr, 0, Value());
  if (!cm || wrapped_init(cm.val(), &callable, 1, Value()) < 0) return nullptr;
  return cm;
}

Ref<> super_new_for(Type* type, Value obj) {
  Type* ot = super_check(type, obj);
  if (!ot) return nullptr;
  return super_alloc(&g_super_type, type, obj, ot);
}

void descriptor_types_init() {
  Type* t = &g_staticmethod_type;
  t->name = "staticmethod";
  t->basic_size = sizeof(Wrapped);
  t->flags = kTypeBaseType | kTypeHasGc;
  t->dict_offset = offsetof(Wrapped, dict);
  t->tp_dealloc = wrapped_dealloc;
  t->tp_traverse = wrapped_traverse;
  t->tp_new = wrapped_new;
  t->tp_init = wrapped_init;
  t->tp_descr_get = staticmethod_get;
  t->tp_call = staticmethod_call;
  t->tp_repr = staticmethod_repr;
  t->getsets = kWrappedGetSets;
  type_ready(t);

  t = &g_classmethod_type;
  t->name = "classmethod";
  t->basic_size = sizeof(Wrapped);
  t->flags = kTypeBaseType | kTypeHasGc;
  t->dict_offset = offsetof(Wrapped, dict);
  t->tp_dealloc = wrapped_dealloc;
  t->tp_traverse = wrapped_traverse;
  t->tp_new = wrapped_new;
  t->tp_init = wrapped_init;
  t->tp_descr_get = classmethod_get;
  t->tp_repr = classmethod_repr;
  t->getsets = kWrappedGetSets;
  type_ready(t);

  t = &g_property_type;
  t->name = "property";
  t->basic_size = sizeof(Property);
  t->flags = kTypeBaseType | kTypeHasGc;
  t->tp_dealloc = property_dealloc;
  t->tp_traverse = property_traverse;
  t->tp_new = property_new;
  t->tp_init = property_init;
  t->tp_descr_get = property_get;
  t->tp_descr_set = property_set;
  t->methods = kPropertyMethods;
  t->getsets = kPropertyGetSets;
  type_ready(t);

  t = &g_super_type;
  t->name = "super";
  t->basic_size = sizeof(Super);
  t->flags = kTypeBaseType;
  t->tp_dealloc = super_dealloc;
  t->tp_new = super_tp_new;
  t->tp_getattro = super_getattro;
  t->tp_descr_get = super_get;
  t->tp_repr = super_repr;
  t->getsets = kSuperGetSets;
  type_ready(t);
}

}  // namespace ftpy
