// Quickening of attribute access and calls (vm/specialize.h states the
// protocol; the handlers are in vm/eval_attr_call.inc).
//
// Cache layouts (two units after LOAD_ATTR, STORE_ATTR and CALL):
//
//   base form      unit 0 = 0 (never a version), unit 1 = back-off counter
//                  (bits 0..11 executions left before the next attempt,
//                  bits 12..15 the current exponent)
//   LOAD_ATTR_INSTANCE_VALUE, STORE_ATTR_INSTANCE_VALUE
//                  unit 0 = version tag of type(obj) | kCheckedVersion,
//                  unit 1 = entry index of
//                  the name in the instance __dict__; for the store,
//                  kStoreNew instead when the name was absent (a new
//                  attribute: stored by key, the dict created if missing).
//                  When the entry does not hold the name (a sibling class
//                  with another layout), the load probes the dict by key and
//                  the store stores by key, instead of deoptimising
//   LOAD_ATTR_METHOD  unit 0 = version tag of type(obj), unit 1 = entry index
//                  of the function in type(obj)'s own dict, or kViaLookup
//                  when it is inherited (found through type_lookup)
//   LOAD_ATTR_CLASS   unit 0 = version tag of the class itself, unit 1 as for
//                  LOAD_ATTR_METHOD (in the class's own dict)
//   LOAD_ATTR_MODULE  unit 1 = entry index in the module dict
//   CALL_ALLOC_AND_ENTER_INIT  unit 0 = version tag of the class; at that
//                  version type.__call__ allocates with object.__new__ and
//                  __init__ is a Python function (re-checked by the handler:
//                  the __init__ found and its arity)
//   LOAD_ATTR_SLOT, STORE_ATTR_SLOT  nothing: the handlers find the member
//                  descriptor again through type_lookup (the per-thread
//                  cache, an inline probe) and check its kind and owner, so
//                  no unit written by another specialisation can point
//                  them at the wrong offset
//   other CALL_*   nothing: the handlers check the callable's type itself
//
// Why any mix of units is safe: threads specialise the same instruction
// concurrently and a handler may run with an opcode and units written by
// different specialisations, so each unit is validated on its own. Entry
// indices are checked by key identity (dict_entry_value: an entry is never
// reused for another key within one table). A version tag V of type T is only
// ever written for this instruction's name when, at V, the name is absent from
// T's MRO or bound to something without __set__ (not a data descriptor): that
// is the one fact the handlers take from the tag (F1), and every
// specialisation below establishes it. Everything else a handler needs (the
// getattr/setattr slots, the kind of value found) it re-checks at run time,
// except what a checked tag proves (kCheckedVersion, below).
// When type(obj) is not the cached type (a polymorphic site: sibling classes
// whose instances share the attribute layout), the instance handlers check F1
// through the type's MRO (type_lookup, cached per thread) instead of
// deoptimising; the cache is left as it is.
#pragma once

#include <atomic>
#include <cstdint>

#include "compile/code.h"
#include "objects/instance_values.h"
#include "objects/native.h"
#include "objects/str.h"
#include "runtime/ref.h"
#include "vm/specialize.h"

namespace ftpy {

// LOAD_ATTR_METHOD / LOAD_ATTR_CLASS unit 1: the value is inherited, look it
// up through the (per-thread cached) MRO walk. Entry indices stay below it.
constexpr uint32_t kViaLookup = 0x80000000u;
// STORE_ATTR_INSTANCE_VALUE unit 1: the attribute is new (the name was absent
// from the instance __dict__): store it by key. Entry indices stay below it.
constexpr uint32_t kStoreNew = 0x80000000u;
// The instance forms' unit 0: the version tag with its top bit set (tags stay
// below it: kVersionTagLimit). Only those forms' specialisations write a tag
// that way, after checking, at that version, that the type uses the generic
// getattr (setattr) slot and keeps the instance __dict__ at a fixed offset;
// both facts last as long as the version (a slot changes with the type's
// dict; the offset never). So a match proves them too, and the handlers
// check them only for another type (a sibling layout). A plain tag in unit 0
// (LOAD_ATTR_CLASS writes a class's own tag, unchecked for its instances)
// never matches: (tag | kCheckedVersion) differs from every plain tag.
constexpr uint32_t kCheckedVersion = 0x80000000u;
static_assert(kCheckedVersion == kVersionTagLimit);

// A __slots__ member (or any object-valued MemberDef) that the slot forms
// handle: found through obj's type, readable at a fixed offset in obj.
// `store` also accepts the kind that reads an unset slot as None.
inline const MemberDef* spec_slot_member(Type* t, Value descr, bool store) {
  if (descr.is_null() || type_of(descr) != &g_member_descr_type) return nullptr;
  auto* d = descr.as<MemberDescr>();
  MemberKind k = d->def->kind;
  if (k != kMemberObjectEx && !(store && k == kMemberObject)) return nullptr;
  // Found in t's MRO, but maybe copied there from an unrelated class.
  if (d->owner != t && !is_subtype(t, d->owner)) return nullptr;
  return d->def;
}

// The base form's adaptive counter (vm/specialize.h) is in unit 1. Returns
// true when the instruction should try to specialise now, else counts down.
inline bool spec_should_try(uint32_t* instr) { return counter_expired(instr + 2); }

// Rewrite a specialised instruction back to its base form after a failed
// guard (the caller then runs the generic path), with a back-off before the
// next attempt so that a polymorphic site does not flip on every execution.
void spec_deopt(uint32_t* instr);

// Try to specialise the instruction at `instr` (its base opcode) for these
// operands. True if it was rewritten: the caller re-dispatches it.
bool specialize_load_attr(uint32_t* instr, Value obj, Value name, bool method);
bool specialize_store_attr(uint32_t* instr, Value obj, Value name);
bool specialize_call(uint32_t* instr, Value callable, Value self_or_null, uint32_t nargs);

// For CALL_LEN / CALL_ISINSTANCE: the builtins' method tables, to recognise
// the callables by their MethodDef (null until the first specialisation).
extern std::atomic<const MethodDef*> g_spec_len_def;
extern std::atomic<const MethodDef*> g_spec_isinstance_def;
// For CALL_MINMAX.
extern std::atomic<const MethodDef*> g_spec_max_def;
extern std::atomic<const MethodDef*> g_spec_min_def;
// For CALL_LIST_APPEND, CALL_LIST_POP and CALL_SET_ADD: the methods'
// MethodDefs (null until first needed).
extern std::atomic<const MethodDef*> g_spec_list_append_def;
extern std::atomic<const MethodDef*> g_spec_list_pop_def;
extern std::atomic<const MethodDef*> g_spec_set_add_def;

// Checks shared by the specialiser and the handlers.

// The instance __dict__ (null if not created yet) of obj, whose type keeps it
// at a fixed offset (t->dict_offset > 0). Another thread may publish it.
inline Value* spec_instance_dict_slot(Value obj, Type* t) {
  return reinterpret_cast<Value*>(reinterpret_cast<char*>(obj.obj()) + t->dict_offset);
}
inline Value spec_instance_dict(Value obj, Type* t) {
  return Value(__atomic_load_n(reinterpret_cast<uint64_t*>(spec_instance_dict_slot(obj, t)), __ATOMIC_ACQUIRE));
}

// LOAD_ATTR_INLINE_VALUE's common case, for a caller that holds `obj` (an
// object, not a small int) without having pushed it: the value under `name`
// at the cached index of the values array of an instance of the cached type,
// or null when any guard fails (the caller then pushes obj and runs the
// handler, which takes the other ways or deoptimises). A matching checked tag
// proves the generic getattr and the fixed dict offset (kCheckedVersion); the
// index is checked by key identity, as the handler does. Borrowed until this
// thread's next quiescent state (instance_values.h).
[[gnu::always_inline]] inline Value spec_inline_value_hit(Value obj, Str* name, const uint32_t* instr) {
  Type* t = obj.obj()->ob_type;
  if ((t->version_tag.load(std::memory_order_acquire) | kCheckedVersion) != cache_load(instr + 1)) return Value();
  uint64_t bits = spec_instance_dict(obj, t).bits();
  if (!slot_holds_values(bits)) return Value();
  uint32_t ix = cache_load(instr + 2);
  if (ix >= values_cap(bits) || shared_key_at(t->shared_keys, ix) != name) return Value();
  return std::atomic_ref<Value>(*values_entry(bits, ix)).load(std::memory_order_acquire);
}

// F1 checked directly, for a type other than the cached one: `name` is absent
// from t's MRO or bound to something without __set__.
inline bool spec_no_data_descriptor(Type* t, Str* name) {
  Value found = type_lookup(t, Value(name));
  return found.is_null() || !type_of(found)->tp_descr_set;
}

// A call with exactly `nargs` positional arguments binds them one to one,
// without defaults, *args, **kwargs, keyword-only parameters or a generator.
inline bool spec_exact_positional(const Code* co, uint32_t nargs) {
  return static_cast<uint32_t>(co->argcount) == nargs && co->kwonlyargcount == 0 &&
         !(co->flags & (kCoVarArgs | kCoVarKeywords | kCoGenerator | kCoCoroutine | kCoAsyncGenerator));
}

// A class whose instances type.__call__ makes with object.__new__ (no
// __new__ override, not abstract) and whose metatype is exactly `type` (no
// metaclass __call__).
inline bool spec_plain_init_class(Type* cls) {
  return cls->ob_type == &g_type_type && cls->tp_new == g_object_type.tp_new && !(cls->flags & kTypeAbstract);
}

// A builtin whose bound argument array is exactly the `nargs` positional
// arguments (native_call's own fast case), with the internal calling convention.
inline bool spec_simple_native(const MethodDef* def, uint32_t nargs) {
  const Signature* sig = def->parsed;
  // A simple signature's parameters are all positional: n_positional is their
  // count, without params.size()'s division by sizeof(Param).
  return sig && sig->simple && static_cast<uint32_t>(sig->n_positional) == nargs && !(def->flags & kMethExternal);
}

}  // namespace ftpy
