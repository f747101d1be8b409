// Specialisation decisions for attribute access and calls (the cache layouts
// and why they are safe under races are in specialize_attr_call.h).
#include "vm/specialize_attr_call.h"

#include <atomic>

#include "compile/code.h"
#include "objects/dict.h"
#include "objects/ids.h"
#include "objects/instance_values.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "runtime/interp.h"
#include "vm/function.h"

namespace ftpy {

namespace {

constexpr uint32_t kDeoptExponent = 6;

// A failed attempt: back off (vm/specialize.h).
bool spec_fail(uint32_t* instr) {
  cache_store(instr + 1, 0);
  counter_back_off(instr + 2);
  return false;
}

// Cache first, opcode last (vm/specialize.h).
bool spec_write(uint32_t* instr, Opcode op, uint32_t unit0, uint32_t unit1) {
  cache_store(instr + 1, unit0);
  cache_store(instr + 2, unit1);
  set_opcode(instr, op);
  return true;
}

// Is the value found on a type for this name compatible with F1 (not a data
// descriptor, i.e. no __set__)? Absent counts as compatible.
inline bool no_setter(Value found) { return found.is_null() || !type_of(found)->tp_descr_set; }

inline bool small_index(int64_t ix) { return ix >= 0 && ix < int64_t{kViaLookup}; }

// The instance __dict__ of obj when its type keeps it at a fixed offset
// (null Value if not created yet); false when the type has none there.
inline bool fixed_instance_dict(Value obj, Type* t, Value* d) {
  if (t->dict_offset <= 0 || !obj.is_obj()) return false;
  *d = spec_instance_dict(obj, t);
  return true;
}

// An instance whose attributes are in a values array, or none yet
// (objects/instance_values.h): *bits is the slot's content.
inline bool values_instance(Value obj, Type* t, uint64_t* bits) {
  if (!(t->flags & kTypeInlineValues)) return false;
  *bits = inline_values_slot(obj.obj(), t)->load(std::memory_order_acquire);
  return *bits == 0 || slot_holds_values(*bits);
}

// Unit 1 for a value found through type_lookup(t, name): its entry in t's own
// dict, or kViaLookup when it is inherited.
uint32_t own_entry_or_lookup(Type* t, Value name) {
  int64_t ix = dict_entry_index(t->dict, name.as<Str>());
  return small_index(ix) ? static_cast<uint32_t>(ix) : kViaLookup;
}

bool specialize_class_attr(uint32_t* instr, Type* cls, Value name) {
  // type.__getattribute__ prefers data descriptors of the metatype: names
  // like __name__ or __doc__. `type` is static, so this holds for good.
  if (type_of(Value(cls)) != &g_type_type || !type_lookup(&g_type_type, name).is_null()) return spec_fail(instr);
  uint32_t version = cls->version_tag.load(std::memory_order_acquire);  // before the lookups it covers
  if (version == 0) return spec_fail(instr);
  Value v = type_lookup(cls, name);
  if (v.is_null() || type_of(v)->tp_descr_get || type_of(v)->tp_descr_set) return spec_fail(instr);
  return spec_write(instr, OP_LOAD_ATTR_CLASS, version, own_entry_or_lookup(cls, name));
}

}  // namespace

void spec_deopt(uint32_t* instr) {
  Opcode base = base_opcode(static_cast<Opcode>(cache_load(instr) & 0xFF));
  cache_store(instr + 1, 0);
  cache_store(instr + 2, counter_wait(kDeoptExponent));
  set_opcode(instr, base);
}

bool specialize_load_attr(uint32_t* instr, Value obj, Value name, bool method) {
  if (!is_str_exact(name)) return spec_fail(instr);
  Type* t = type_of(obj);
  if (t == &g_module_type) {
    int64_t ix = dict_entry_index(module_dict(obj), name.as<Str>());
    if (!small_index(ix)) return spec_fail(instr);
    return spec_write(instr, OP_LOAD_ATTR_MODULE, 0, static_cast<uint32_t>(ix));
  }
  if (has_flag(t, kTypeTypeSubclass)) return specialize_class_attr(instr, obj.as<Type>(), name);
  if (t->tp_getattro != generic_getattr) return spec_fail(instr);
  uint32_t version = t->version_tag.load(std::memory_order_acquire);  // before the lookups it covers
  if (version == 0) return spec_fail(instr);
  Value descr = type_lookup(t, name);
  if (const MemberDef* m = spec_slot_member(t, descr, false)) {
    // Only a set slot: an unset one raises through the generic path.
    Value v = std::atomic_ref<Value>(*member_slot(obj, m)).load(std::memory_order_acquire);
    if (v.is_null()) return spec_fail(instr);
    return spec_write(instr, OP_LOAD_ATTR_SLOT, 0, 0);
  }
  if (!no_setter(descr)) return spec_fail(instr);
  bool is_method = method && !descr.is_null() && (type_of(descr)->flags & kTypeMethodDescriptor);
  if (is_method && (t->flags & kTypeInlineValues)) {
    // At this version no instance of t holds the name (shared_keys_add):
    // LOAD_ATTR_METHOD then skips the instance (whatever its slot holds).
    if (shared_keys_index(t->shared_keys, name.as<Str>()) >= 0) return spec_fail(instr);
    uint64_t bits = inline_values_slot(obj.obj(), t)->load(std::memory_order_acquire);
    Ref<> shadow;  // a dict made on demand may hold it all the same
    if (bits && !slot_holds_values(bits) && dict_get_item_str(Value(bits), name.as<Str>(), &shadow) != 0)
      return spec_fail(instr);
    return spec_write(instr, OP_LOAD_ATTR_METHOD, version, own_entry_or_lookup(t, name));
  }
  if (uint64_t bits; values_instance(obj, t, &bits)) {
    int ix = shared_keys_index(t->shared_keys, name.as<Str>());
    Value v = ix >= 0 && bits ? values_peek(slot_values(bits), static_cast<uint32_t>(ix)) : Value();
    if (v.is_null()) return spec_fail(instr);
    return spec_write(instr, OP_LOAD_ATTR_INLINE_VALUE, version | kCheckedVersion, static_cast<uint32_t>(ix));
  }
  Value d;
  bool has_dict = fixed_instance_dict(obj, t, &d);
  if (!has_dict && t->dict_offset != 0) return spec_fail(instr);  // a dict at a variable offset
  int64_t ix = -1;
  if (has_dict && !d.is_null()) ix = dict_entry_index(d, name.as<Str>());
  if (method && !descr.is_null() && (type_of(descr)->flags & kTypeMethodDescriptor) && ix < 0) {
    if (has_dict && !d.is_null()) {
      Ref<> shadow;  // an equal but not identical key would shadow it too
      if (dict_get_item_str(d, name.as<Str>(), &shadow) != 0) return spec_fail(instr);
    }
    return spec_write(instr, OP_LOAD_ATTR_METHOD, version, own_entry_or_lookup(t, name));
  }
  if (small_index(ix))
    return spec_write(instr, OP_LOAD_ATTR_INSTANCE_VALUE, version | kCheckedVersion, static_cast<uint32_t>(ix));
  return spec_fail(instr);
}

bool specialize_store_attr(uint32_t* instr, Value obj, Value name) {
  if (!is_str_exact(name)) return spec_fail(instr);
  Type* t = type_of(obj);
  if (t->tp_setattro != generic_setattr) return spec_fail(instr);
  uint32_t version = t->version_tag.load(std::memory_order_acquire);
  if (version == 0) return spec_fail(instr);
  Value descr = type_lookup(t, name);
  if (spec_slot_member(t, descr, true)) return spec_write(instr, OP_STORE_ATTR_SLOT, 0, 0);
  if (!no_setter(descr)) return spec_fail(instr);
  // The handler may store by key (a new attribute, another layout): the key
  // must be the interned string generic_setattr would store.
  if (!name.as<Str>()->interned) return spec_fail(instr);
  if (uint64_t bits; values_instance(obj, t, &bits)) {
    // The store runs next: its name joins the class's keys now.
    int ix = shared_keys_add(t, name.as<Str>());
    if (ix < 0) return spec_fail(instr);
    return spec_write(instr, OP_STORE_ATTR_INLINE_VALUE, version | kCheckedVersion, static_cast<uint32_t>(ix));
  }
  Value d;
  if (!fixed_instance_dict(obj, t, &d)) return spec_fail(instr);
  int64_t ix = d.is_null() ? -1 : dict_entry_index(d, name.as<Str>());
  // Absent (or under an equal, not identical key): a new attribute.
  return spec_write(instr, OP_STORE_ATTR_INSTANCE_VALUE, version | kCheckedVersion,
                    small_index(ix) ? static_cast<uint32_t>(ix) : kStoreNew);
}

std::atomic<const MethodDef*> g_spec_len_def{nullptr};
std::atomic<const MethodDef*> g_spec_list_append_def{nullptr};
std::atomic<const MethodDef*> g_spec_list_pop_def{nullptr};
std::atomic<const MethodDef*> g_spec_set_add_def{nullptr};
std::atomic<const MethodDef*> g_spec_isinstance_def{nullptr};
std::atomic<const MethodDef*> g_spec_max_def{nullptr};
std::atomic<const MethodDef*> g_spec_min_def{nullptr};

namespace {

const MethodDef* builtin_def(const char* name) {
  Ref<> f;
  if (dict_get_item_str(g_interp.builtins, str_intern(name), &f) <= 0 || type_of(f.val()) != &g_native_function_type)
    return nullptr;
  return f.val().as<NativeFunction>()->def;
}

// The builtins' MethodDefs, found once (a racing second lookup finds the same).
void find_builtin_defs() {
  if (g_spec_len_def.load(std::memory_order_relaxed)) return;
  g_spec_isinstance_def.store(builtin_def("isinstance"), std::memory_order_relaxed);
  g_spec_max_def.store(builtin_def("max"), std::memory_order_relaxed);
  g_spec_min_def.store(builtin_def("min"), std::memory_order_relaxed);
  g_spec_len_def.store(builtin_def("len"), std::memory_order_relaxed);
}

// The MethodDef of a builtin type's method, found once (a racing second
// lookup finds the same).
const MethodDef* method_def(std::atomic<const MethodDef*>* slot, Type* t, const char* name) {
  const MethodDef* def = slot->load(std::memory_order_relaxed);
  if (def) return def;
  Value d = type_lookup(t, Value(str_intern(name)));
  if (d.is_null() || type_of(d) != &g_method_descr_type) return nullptr;
  def = d.as<MethodDescr>()->def;
  slot->store(def, std::memory_order_relaxed);
  return def;
}

// Cls(args) where type.__call__ would allocate with object.__new__ and then
// call a Python __init__ taking exactly these arguments (after self).
bool specialize_class_call(uint32_t* instr, Type* cls, uint32_t nargs) {
  uint32_t version = cls->version_tag.load(std::memory_order_acquire);
  if (version == 0 || !spec_plain_init_class(cls)) return spec_fail(instr);
  Value init = type_lookup(cls, Value(ids::__init__));
  if (!is_python_function(init) || !spec_exact_positional(function_code(init.as<Function>()), nargs + 1))
    return spec_fail(instr);
  return spec_write(instr, OP_CALL_ALLOC_AND_ENTER_INIT, version, 0);
}

}  // namespace

bool specialize_call(uint32_t* instr, Value callable, Value self_or_null, uint32_t nargs) {
  uint32_t total = nargs + (self_or_null.is_null() ? 0 : 1);
  if (is_python_function(callable)) {
    if (!spec_exact_positional(function_code(callable.as<Function>()), total)) return spec_fail(instr);
    return spec_write(instr, OP_CALL_PY_EXACT_ARGS, 0, 0);
  }
  if (is_method(callable) && self_or_null.is_null()) {
    Value fn = callable.as<Method>()->func;
    if (!is_python_function(fn) || !spec_exact_positional(function_code(fn.as<Function>()), total + 1))
      return spec_fail(instr);
    return spec_write(instr, OP_CALL_BOUND_METHOD_EXACT_ARGS, 0, 0);
  }
  Type* ct = type_of(callable);
  if (ct == &g_native_function_type && self_or_null.is_null()) {
    const MethodDef* def = callable.as<NativeFunction>()->def;
    find_builtin_defs();
    if (def == g_spec_len_def.load(std::memory_order_relaxed) && nargs == 1)
      return spec_write(instr, OP_CALL_LEN, 0, 0);
    if (def == g_spec_isinstance_def.load(std::memory_order_relaxed) && nargs == 2)
      return spec_write(instr, OP_CALL_ISINSTANCE, 0, 0);
    if ((def == g_spec_max_def.load(std::memory_order_relaxed) ||
         def == g_spec_min_def.load(std::memory_order_relaxed)) &&
        nargs == 2)
      return spec_write(instr, OP_CALL_MINMAX, 0, 0);
    if (spec_simple_native(def, nargs)) return spec_write(instr, OP_CALL_BUILTIN_FAST, 0, 0);
    return spec_write(instr, OP_CALL_BUILTIN_POSITIONAL, 0, 0);
  }
  if (ct == &g_method_descr_type && !self_or_null.is_null()) {
    const MethodDescr* md = callable.as<MethodDescr>();
    Type* st = type_of(self_or_null);
    if (st != md->owner && !is_subtype(st, md->owner)) return spec_fail(instr);
    if (nargs == 1 && st == &g_list_type && md->def == method_def(&g_spec_list_append_def, st, "append"))
      return spec_write(instr, OP_CALL_LIST_APPEND, 0, 0);
    if (nargs == 0 && st == &g_list_type && md->def == method_def(&g_spec_list_pop_def, st, "pop"))
      return spec_write(instr, OP_CALL_LIST_POP, 0, 0);
    if (nargs == 1 && st == &g_set_type && md->def == method_def(&g_spec_set_add_def, st, "add"))
      return spec_write(instr, OP_CALL_SET_ADD, 0, 0);
    if (spec_simple_native(md->def, nargs)) return spec_write(instr, OP_CALL_METHOD_DESCRIPTOR, 0, 0);
    return spec_write(instr, OP_CALL_METHOD_DESCRIPTOR_POSITIONAL, 0, 0);
  }
  if (ct == &g_type_type && self_or_null.is_null()) return specialize_class_call(instr, callable.as<Type>(), nargs);
  return spec_fail(instr);
}

}  // namespace ftpy
