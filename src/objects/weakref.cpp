// Weak references (weakref.h).
#include "objects/weakref.h"

#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>
#include <vector>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"

namespace ftpy {

Type g_weakref_type;
Type g_weakproxy_type;
Type g_weakcallableproxy_type;

namespace {

std::mutex g_weak_mu;

WeakRef** list_head(Object* o) {
  int32_t off = o->ob_type->weaklist_offset;
  if (off <= 0) return nullptr;
  return reinterpret_cast<WeakRef**>(reinterpret_cast<char*>(o) + off);
}

// The list head is written under g_weak_mu with release stores, so that a
// dying referent's deallocator can see an empty list without taking the
// global mutex (weakref_detach_for_gc).
void set_head(WeakRef** head, WeakRef* w) { std::atomic_ref<WeakRef*>(*head).store(w, std::memory_order_release); }

void unlink_locked(WeakRef* w) {
  if (w->referent.is_null()) return;
  WeakRef** head = list_head(w->referent.obj());
  if (w->prev) w->prev->next = w->next;
  else if (head && *head == w) set_head(head, w->next);
  if (w->next) w->next->prev = w->prev;
  w->prev = w->next = nullptr;
  w->referent = Value();
}

bool is_weak_type(Type* t) { return t == &g_weakref_type || is_subtype(t, &g_weakref_type); }
bool is_proxy_type(Type* t) { return t == &g_weakproxy_type || t == &g_weakcallableproxy_type; }

void weakref_dealloc(Object* o) {
  auto* w = static_cast<WeakRef*>(o);
  {
    std::lock_guard<std::mutex> g(g_weak_mu);
    unlink_locked(w);
  }
  decref(w->callback);
  // Subclass instances may have a __dict__.
  if (Value* d = instance_dict_slot(Value(o))) {
    decref(*d);
    *d = Value();
  }
  free_object(o);
}

void weakref_traverse(Object* o, VisitFn visit, void* arg) { visit(static_cast<WeakRef*>(o)->callback, arg); }

Ref<> make_ref(Type* t, Value obj, Value callback) {
  WeakRef** head = obj.is_obj() ? list_head(obj.obj()) : nullptr;
  if (!head)
    return err_format(g_TypeError, "cannot create weak reference to '%s' object", type_tp_name(type_of(obj)));
  bool no_cb = callback.is_null() || is_none(callback);
  {
    // Reuse the basic ref without callback, as CPython does (ref(o) is ref(o)).
    std::lock_guard<std::mutex> g(g_weak_mu);
    if (no_cb && (t == &g_weakref_type || is_proxy_type(t))) {
      for (WeakRef* w = *head; w; w = w->next)
        if (w->ob_type == t && w->callback.is_null() && rc::try_incref(w))
          return Ref<>::steal(Value(static_cast<Object*>(w)));
    }
  }
  auto* w = alloc_object<WeakRef>(t, t->basic_size);
  if (!w) return nullptr;
  w->hash = -1;
  w->callback = no_cb ? Value() : Ref<>::borrow(callback).release();
  // Both become reachable without a reference: obj through w, w through
  // obj's list (runtime/object.h, rc::try_incref).
  rc::mark_weakly_reachable(obj.obj());
  rc::mark_weakly_reachable(w);
  std::lock_guard<std::mutex> g(g_weak_mu);
  w->referent = obj;
  w->next = *head;
  if (*head) (*head)->prev = w;
  set_head(head, w);
  return Ref<>::steal(Value(static_cast<Object*>(w)));
}

Ref<> weakref_tp_new(Type* t, const Value* args, size_t nargs, Value kwnames) {
  if (nargs < 1 || nargs > 2) return err_format(g_TypeError, "__new__ expected at most 2 arguments, got %zu", nargs);
  return make_ref(t, args[0], nargs > 1 ? args[1] : Value());
}

int weakref_tp_init(Value self, const Value* args, size_t nargs, Value kwnames) { return 0; }

Ref<> weakref_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs || (!kwnames.is_null() && tuple_size(kwnames)))
    return err_format(g_TypeError, "weakref() takes no arguments");
  return weakref_get(self);
}

int64_t weakref_hash(Value self) {
  auto* w = self.as<WeakRef>();
  // Threads hashing one weakref may both compute and store it (the same
  // value): atomic, so neither reads a torn or racing word.
  std::atomic_ref<int64_t> cached(w->hash);
  if (int64_t h = cached.load(std::memory_order_relaxed); h != -1) return h;
  Ref<> obj = weakref_get(self);
  if (!obj || is_none(obj.val())) {
    err_set_str(g_TypeError, "weak object has gone away");
    return -1;
  }
  int64_t h = hash(obj.val());
  if (h != -1) cached.store(h, std::memory_order_relaxed);
  return h;
}

Ref<> weakref_richcompare(Value a, Value b, CompareOp op) {
  if ((op != kEq && op != kNe) || !is_weak_type(type_of(b))) return Ref<>::steal(not_implemented());
  Ref<> x = weakref_get(a), y = weakref_get(b);
  if (is_none(x.val()) || is_none(y.val())) {
    bool same = a == b;
    return new_bool(op == kEq ? same : !same);
  }
  return richcompare(x.val(), y.val(), op);
}

Ref<> weakref_repr(Value self) {
  char addr[32], addr2[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(self.obj()));
  Ref<> obj = weakref_get(self);
  if (is_none(obj.val())) return str_from_utf8(std::string("<weakref at ") + addr + "; dead>");
  std::snprintf(addr2, sizeof addr2, "%p", static_cast<void*>(obj.val().obj()));
  // 3.11 adds the referent's __name__ when it has a str one (a function or
  // class): <weakref at 0x..; to 'function' at 0x.. (f)>.
  Ref<> name = getattr_opt(obj.val(), Value(ids::__name__));
  if (!name && err_occurred()) return nullptr;
  std::string tail = name && is_str(name.val()) ? " (" + std::string(str_view(name.val())) + ")>" : ">";
  return str_from_utf8(std::string("<weakref at ") + addr + "; to '" + type_name(type_of(obj.val())) + "' at " +
                       addr2 + tail);
}

Ref<> weakref_get_callback(Value self) {
  Value cb = self.as<WeakRef>()->callback;
  return cb.is_null() ? new_none() : Ref<>::borrow(cb);
}
const GetSetDef kWeakrefGetSets[] = {{"__callback__", weakref_get_callback, nullptr}, {nullptr}};

Ref<> weakref_class_getitem(Value self, Value* a) { return Ref<>::borrow(self); }
const MethodDef kWeakrefMethods[] = {
    {"__class_getitem__($type, item, /)", weakref_class_getitem, "See PEP 585", kMethClass}, {nullptr}};

// --- proxies ---------------------------------------------------------------------

Ref<> proxy_referent(Value self) {
  Ref<> obj = weakref_get(self);
  if (is_none(obj.val())) return err_set_str(g_ReferenceError, "weakly-referenced object no longer exists");
  return obj;
}

Ref<> proxy_getattr(Value self, Value name) {
  Ref<> o = proxy_referent(self);
  return o ? getattr(o.val(), name) : nullptr;
}
int proxy_setattr(Value self, Value name, Value v) {
  Ref<> o = proxy_referent(self);
  return o ? setattr(o.val(), name, v) : -1;
}
Ref<> proxy_repr(Value self) {
  char addr[32], addr2[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(self.obj()));
  Ref<> obj = weakref_get(self);
  if (is_none(obj.val())) return str_from_utf8(std::string("<weakproxy at ") + addr + "; dead>");
  std::snprintf(addr2, sizeof addr2, "%p", static_cast<void*>(obj.val().obj()));
  // 3.11's form: <weakproxy at 0x.. to K at 0x..> (no quotes or semicolon).
  return str_from_utf8(std::string("<weakproxy at ") + addr + " to " + type_name(type_of(obj.val())) + " at " +
                       addr2 + ">");
}
Ref<> proxy_str(Value self) {
  Ref<> o = proxy_referent(self);
  return o ? str(o.val()) : nullptr;
}
Ref<> proxy_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  Ref<> o = proxy_referent(self);
  return o ? call(o.val(), args, nargs, kwnames) : nullptr;
}
int proxy_bool(Value self) {
  Ref<> o = proxy_referent(self);
  return o ? truthy(o.val()) : -1;
}
int64_t proxy_len(Value self) {
  Ref<> o = proxy_referent(self);
  return o ? length(o.val()) : -1;
}
Ref<> proxy_getitem(Value self, Value k) {
  Ref<> o = proxy_referent(self);
  return o ? getitem(o.val(), k) : nullptr;
}
int proxy_setitem(Value self, Value k, Value v) {
  Ref<> o = proxy_referent(self);
  if (!o) return -1;
  return v.is_null() ? delitem(o.val(), k) : setitem(o.val(), k, v);
}
int proxy_contains(Value self, Value k) {
  Ref<> o = proxy_referent(self);
  return o ? contains(o.val(), k) : -1;
}
Ref<> proxy_iter(Value self) {
  Ref<> o = proxy_referent(self);
  return o ? get_iter(o.val()) : nullptr;
}
Ref<> proxy_richcompare(Value a, Value b, CompareOp op) {
  Ref<> o = proxy_referent(a);
  if (!o) return nullptr;
  Ref<> other = is_proxy_type(type_of(b)) ? proxy_referent(b) : Ref<>::borrow(b);
  if (!other) return nullptr;
  return richcompare(o.val(), other.val(), op);
}
template <int Op>
Ref<> proxy_binop(Value a, Value b) {
  Ref<> x = is_proxy_type(type_of(a)) ? proxy_referent(a) : Ref<>::borrow(a);
  if (!x) return nullptr;
  Ref<> y = is_proxy_type(type_of(b)) ? proxy_referent(b) : Ref<>::borrow(b);
  if (!y) return nullptr;
  return binary_op(x.val(), y.val(), static_cast<BinaryOp>(Op));
}

void proxy_fill(Type* t) {
  t->basic_size = sizeof(WeakRef);
  t->flags = kTypeHasGc;
  t->tp_dealloc = weakref_dealloc;
  t->tp_traverse = weakref_traverse;
  t->tp_getattro = proxy_getattr;
  t->tp_setattro = proxy_setattr;
  t->tp_repr = proxy_repr;
  t->tp_str = proxy_str;
  t->tp_richcompare = proxy_richcompare;
  t->nb_bool = proxy_bool;
  t->mp_length = proxy_len;
  t->mp_subscript = proxy_getitem;
  t->mp_ass_subscript = proxy_setitem;
  t->sq_contains = proxy_contains;
  t->tp_iter = proxy_iter;
  t->nb_binary[kOpAdd] = proxy_binop<kOpAdd>;
  t->nb_binary[kOpSub] = proxy_binop<kOpSub>;
  t->nb_binary[kOpMul] = proxy_binop<kOpMul>;
  t->nb_binary[kOpTrueDiv] = proxy_binop<kOpTrueDiv>;
  t->nb_binary[kOpFloorDiv] = proxy_binop<kOpFloorDiv>;
  t->nb_binary[kOpMod] = proxy_binop<kOpMod>;
}

// --- module functions ---------------------------------------------------------------

Ref<> weakref_module_getweakrefcount(Value, Value* a) {
  if (!a[0].is_obj() || !list_head(a[0].obj())) return small_int(0);
  std::lock_guard<std::mutex> g(g_weak_mu);
  int64_t n = 0;
  for (WeakRef* w = *list_head(a[0].obj()); w; w = w->next) n++;
  return small_int(n);
}

Ref<> weakref_module_getweakrefs(Value, Value* a) {
  Ref<List> l = list_new();
  if (!a[0].is_obj() || !list_head(a[0].obj())) return l;
  std::vector<Ref<>> refs;
  {
    std::lock_guard<std::mutex> g(g_weak_mu);
    for (WeakRef* w = *list_head(a[0].obj()); w; w = w->next) refs.push_back(Ref<>::borrow(Value(static_cast<Object*>(w))));
  }
  for (auto& r : refs)
    if (list_append(l.val(), r.val()) < 0) return nullptr;
  return l;
}

Ref<> weakref_module_proxy(Value, Value* a) {
  Value obj = a[0];
  Type* t = callable(obj) ? &g_weakcallableproxy_type : &g_weakproxy_type;
  return make_ref(t, obj, a[1]);
}

Ref<> weakref_module_remove_dead(Value, Value* a) {
  // _remove_dead_weakref(dict, key): delete dict[key] if its value is a dead ref.
  if (!is_dict(a[0]))
    return err_format(g_TypeError, "_remove_dead_weakref() argument 1 must be dict, not %s",
                      type_name(type_of(a[0])));
  Ref<> v;
  int r = dict_get_item(a[0], a[1], &v);
  if (r <= 0) return r < 0 ? nullptr : new_none();
  if (!is_weak_type(type_of(v.val()))) return err_set_str(g_TypeError, "not a weakref");
  if (v.val().as<WeakRef>()->referent.is_null()) {
    if (dict_del_item(a[0], a[1]) < 0) return nullptr;
  }
  return new_none();
}

const MethodDef kWeakrefFunctions[] = {
    {"getweakrefcount(object, /)", weakref_module_getweakrefcount, nullptr},
    {"getweakrefs(object, /)", weakref_module_getweakrefs, nullptr},
    {"proxy(object, callback=None, /)", weakref_module_proxy, nullptr},
    {"_remove_dead_weakref(dct, key, /)", weakref_module_remove_dead, nullptr},
    {nullptr}};

}  // namespace

Ref<> weakref_get(Value ref) {
  auto* w = ref.as<WeakRef>();
  std::lock_guard<std::mutex> g(g_weak_mu);
  Value r = w->referent;
  if (r.is_null()) return new_none();
  // A referent whose count already dropped to zero is being deallocated; it
  // is cleared under this mutex right after, so report it as dead.
  if (!rc::try_incref(r.obj())) return new_none();
  return Ref<>::steal(r);
}

Ref<> weakref_first(Object* o) {
  WeakRef** head = list_head(o);
  if (!head) return new_none();
  // Under the mutex: a weakref being freed unlinks itself under it, and one
  // whose count already reached zero (waiting to unlink) is skipped.
  std::lock_guard<std::mutex> g(g_weak_mu);
  for (WeakRef* w = *head; w; w = w->next)
    if (rc::try_incref(w)) return Ref<>::steal(Value(static_cast<Object*>(w)));
  return new_none();
}

void weakref_detach_for_gc(Object* o, bool (*wants_callback)(Object* w), std::vector<Ref<>>* with_callbacks) {
  WeakRef** head = list_head(o);
  if (!head) return;
  // Most objects die without weak references: skip the global mutex then
  // (every thread deallocates instances, functions and generators). Nobody
  // can link a new one meanwhile: make_ref needs a strong reference and
  // weakref_get refuses a referent whose count is zero. An empty list seen
  // here was emptied by a release store, after that thread's last access to
  // `o`, so freeing `o` next is ordered after it.
  if (!std::atomic_ref<WeakRef*>(*head).load(std::memory_order_acquire)) return;
  std::lock_guard<std::mutex> g(g_weak_mu);
  while (*head) {
    WeakRef* w = *head;
    if (!w->callback.is_null() && (!wants_callback || wants_callback(w)))
      with_callbacks->push_back(Ref<>::borrow(Value(static_cast<Object*>(w))));
    unlink_locked(w);
  }
}

void weakref_clear_all(Object* o) {
  std::vector<Ref<>> with_callbacks;
  weakref_detach_for_gc(o, nullptr, &with_callbacks);
  // Callbacks run newest-first (the list is LIFO), outside the mutex.
  for (auto& r : with_callbacks) {
    Value cb = r.val().as<WeakRef>()->callback;
    if (cb.is_null()) continue;
    Ref<> saved = err_fetch();
    Ref<> res = call1(cb, r.val());
    if (!res) err_write_unraisable(nullptr, cb);  // 3.11: err_msg None
    err_restore(std::move(saved));
  }
}

Ref<> weakref_module_create() {
  Ref<> m = module_new("_weakref");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kWeakrefFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  if (dict_set_item_str(d, "ref", Value(&g_weakref_type)) < 0) return nullptr;
  if (dict_set_item_str(d, "ReferenceType", Value(&g_weakref_type)) < 0) return nullptr;
  if (dict_set_item_str(d, "ProxyType", Value(&g_weakproxy_type)) < 0) return nullptr;
  if (dict_set_item_str(d, "CallableProxyType", Value(&g_weakcallableproxy_type)) < 0) return nullptr;
  return m;
}

void weakref_types_init() {
  Type* t = &g_weakref_type;
  t->name = "weakref.ReferenceType";
  t->basic_size = sizeof(WeakRef);
  t->flags = kTypeBaseType | kTypeHasGc;
  t->tp_dealloc = weakref_dealloc;
  t->tp_traverse = weakref_traverse;
  t->tp_new = weakref_tp_new;
  t->tp_init = weakref_tp_init;
  t->tp_call = weakref_call;
  t->tp_hash = weakref_hash;
  t->tp_richcompare = weakref_richcompare;
  t->tp_repr = weakref_repr;
  t->getsets = kWeakrefGetSets;
  t->methods = kWeakrefMethods;
  type_ready(t);
  t = &g_weakproxy_type;
  t->name = "weakref.ProxyType";
  proxy_fill(t);
  type_ready(t);
  t = &g_weakcallableproxy_type;
  t->name = "weakref.CallableProxyType";
  proxy_fill(t);
  t->tp_call = proxy_call;
  type_ready(t);
}

}  // namespace ftpy
