// Type objects (DESIGN.md §3): a C++ struct with slots for the fast paths and a
// dict for everything else.
//
// Built-in types are static `Type` objects (immortal) filled in by their
// module's init function from a TypeSpec: slots set directly, methods/getsets
// declared in tables whose Python signatures are written once as strings
// (objects/native.h). `type_ready` then computes the MRO, inherits slots from
// bases, and publishes every slot as its dunder method in the type dict (so
// `int.__add__` exists) using the one slot table in type_slots.cpp. User
// classes go the other way: their dunders fill the slots with trampolines that
// call the Python methods.
//
// Thread safety: a type's slots and dict change only in type_ready (before
// publication) or under the type lock (setattr on a class), which bumps
// `version_tag`; specialised instructions re-check that tag (DESIGN.md §4.6).
// Heap types are currently immortal until the cycle collector can free them.
#pragma once

#include <atomic>
#include <cstdint>

#include "runtime/ref.h"

namespace ftpy {

struct Str;
struct Tuple;
struct Dict;
struct SharedKeys;  // objects/instance_values.h
struct MethodDef;
struct GetSetDef;
struct MemberDef;

enum CompareOp : int { kLt = 0, kLe = 1, kEq = 2, kNe = 3, kGt = 4, kGe = 5 };
// The operator to use when the operands are swapped (a < b  <=>  b > a).
constexpr CompareOp reverse_compare_op(CompareOp op) {
  constexpr CompareOp kSwapped[] = {kGt, kGe, kEq, kNe, kLt, kLe};
  return kSwapped[op];
}

// The binary operators, one row each: the compiler, the VM, the slot table and
// error messages all index by this enum (objects/binary_ops.h has the table).
enum BinaryOp : int {
  kOpAdd, kOpSub, kOpMul, kOpTrueDiv, kOpFloorDiv, kOpMod, kOpPow, kOpLshift,
  kOpRshift, kOpAnd, kOpOr, kOpXor, kOpMatMul,
  kNumBinaryOps
};

using VisitFn = void (*)(Value v, void* arg);

using DeallocFn = void (*)(Object* self);
using TraverseFn = void (*)(Object* self, VisitFn visit, void* arg);
using ClearFn = void (*)(Object* self);
using UnaryFn = Ref<> (*)(Value self);
using BinaryFn = Ref<> (*)(Value a, Value b);
using TernaryFn = Ref<> (*)(Value a, Value b, Value c);
using InquiryFn = int (*)(Value self);                      // -1 error, else 0/1
using LenFn = int64_t (*)(Value self);                      // -1 error
using HashFn = int64_t (*)(Value self);                     // -1 error
using RichCmpFn = Ref<> (*)(Value a, Value b, CompareOp op);  // may return NotImplemented
using GetAttrFn = Ref<> (*)(Value self, Value name);        // name is a str
using SetAttrFn = int (*)(Value self, Value name, Value v);  // v null = delete; -1 error
using GetItemFn = Ref<> (*)(Value self, Value key);
using SetItemFn = int (*)(Value self, Value key, Value v);  // v null = delete
using ContainsFn = int (*)(Value self, Value item);          // -1 error
using DescrGetFn = Ref<> (*)(Value descr, Value obj, Value type);  // obj may be null
using DescrSetFn = int (*)(Value descr, Value obj, Value v);       // v null = delete
// Vectorcall: `args[0..nargs)` positional, then one value per name in `kwnames`
// (a tuple of str, or null).
using CallFn = Ref<> (*)(Value callable, const Value* args, size_t nargs, Value kwnames);
using NewFn = Ref<> (*)(Type* type, const Value* args, size_t nargs, Value kwnames);
using InitFn = int (*)(Value self, const Value* args, size_t nargs, Value kwnames);
// iternext returns null with no exception pending when exhausted.

enum TypeFlags : uint32_t {
  kTypeBaseType = 1 << 0,     // may be subclassed
  kTypeHeapType = 1 << 1,     // created by a class statement / type()
  kTypeReady = 1 << 2,
  kTypeHasGc = 1 << 3,        // instances may be in reference cycles
  kTypeAbstract = 1 << 4,     // has __abstractmethods__
  kTypeImmutable = 1 << 5,    // attributes cannot be set (built-in types)
  kTypeSequence = 1 << 6,     // for match: collections.abc.Sequence
  kTypeMapping = 1 << 7,      // for match: collections.abc.Mapping
  kTypeMethodDescriptor = 1 << 8,  // binds like a function (LOAD_METHOD optimisation)
  // Instances release no other object when freed (exact float, int, str,
  // bytes; not inherited), so their deallocation cannot nest and skips the
  // trashcan's depth count (runtime/refcount.cpp).
  kTypeLeafDealloc = 1 << 9,
  // Instances keep attributes in a values array over the class's shared keys
  // until a dict is needed (objects/instance_values.h). Not inherited as such:
  // type_new decides for each heap type.
  kTypeInlineValues = 1 << 10,
  // Fast subclass checks, inherited by subclasses.
  kTypeIntSubclass = 1 << 16,
  kTypeStrSubclass = 1 << 17,
  kTypeTupleSubclass = 1 << 18,
  kTypeListSubclass = 1 << 19,
  kTypeDictSubclass = 1 << 20,
  kTypeBytesSubclass = 1 << 21,
  kTypeTypeSubclass = 1 << 22,
  kTypeExceptionSubclass = 1 << 23,  // BaseException and below
  kTypeFloatSubclass = 1 << 24,
};

struct Type : Object {
  const char* name = nullptr;  // tp_name: "module.Name" for non-builtins
  uint32_t basic_size = 0;     // instance size in bytes (header included)
  uint32_t item_size = 0;      // per-item size for variable-size objects
  uint32_t flags = 0;
  // Byte offset of the instance __dict__ slot (a Value), 0 = none. Negative:
  // the object is variable-sized (str/tuple/bytes subclasses) and the slot sits
  // at the 8-aligned end of its items, located through tp_var_size.
  int32_t dict_offset = 0;
  int32_t weaklist_offset = 0; // byte offset of the weakref list head, 0 = none

  Type* base = nullptr;        // the solid base (layout parent)
  Value bases;                 // tuple of types (owned)
  Value mro;                   // tuple of types (owned)
  Value dict;                  // Dict (owned): the type's namespace
  Value qualname;              // str (owned), for heap types
  Value heap_name;             // __name__ str (owned), for heap types
  Value module_name;           // str or null (owned)
  Value subclasses;            // list of weakrefs, or null
  std::atomic<uint32_t> version_tag{0};  // 0 = unassigned/invalid for caching
  // The most attributes an instance's __dict__ has been seen to hold (capped
  // at 255): a new instance's dict is presized for it (protocol.cpp,
  // instance_dict_store). A hint only; relaxed loads and stores.
  std::atomic<uint8_t> dict_size_hint{0};
  // The attribute names of instances (kTypeInlineValues only; immutable
  // pointer, append-only content: objects/instance_values.h).
  SharedKeys* shared_keys = nullptr;
  Object* weaklist = nullptr;  // head of the weak references to this type (objects/weakref.h)

  // Slots. Any may be null (not supported / inherited later by type_ready).
  DeallocFn tp_dealloc = nullptr;
  TraverseFn tp_traverse = nullptr;
  ClearFn tp_clear = nullptr;
  UnaryFn tp_repr = nullptr;
  UnaryFn tp_str = nullptr;
  HashFn tp_hash = nullptr;
  RichCmpFn tp_richcompare = nullptr;
  GetAttrFn tp_getattro = nullptr;
  SetAttrFn tp_setattro = nullptr;
  CallFn tp_call = nullptr;
  UnaryFn tp_iter = nullptr;
  UnaryFn tp_iternext = nullptr;
  DescrGetFn tp_descr_get = nullptr;
  DescrSetFn tp_descr_set = nullptr;
  NewFn tp_new = nullptr;
  InitFn tp_init = nullptr;
  DeallocFn tp_finalize = nullptr;  // __del__
  size_t (*tp_var_size)(Object* self) = nullptr;  // bytes used by a var-sized instance

  // Number protocol: binary slots indexed by BinaryOp. Each is called for both
  // operands' types (left first) and may return NotImplemented, as in CPython.
  BinaryFn nb_binary[kNumBinaryOps] = {};
  BinaryFn nb_inplace[kNumBinaryOps] = {};
  TernaryFn nb_power = nullptr;  // pow(a, b, mod); binary ** uses nb_binary[kOpPow]
  UnaryFn nb_negative = nullptr;
  UnaryFn nb_positive = nullptr;
  UnaryFn nb_absolute = nullptr;
  UnaryFn nb_invert = nullptr;
  InquiryFn nb_bool = nullptr;
  UnaryFn nb_int = nullptr;
  UnaryFn nb_float = nullptr;
  UnaryFn nb_index = nullptr;
  BinaryFn nb_divmod = nullptr;

  // Mapping/sequence protocol.
  LenFn mp_length = nullptr;
  GetItemFn mp_subscript = nullptr;
  SetItemFn mp_ass_subscript = nullptr;
  ContainsFn sq_contains = nullptr;

  // Declarations filled into `dict` by type_ready.
  const MethodDef* methods = nullptr;  // null-terminated table
  const GetSetDef* getsets = nullptr;  // null-terminated table
  const MemberDef* members = nullptr;  // null-terminated table
  const char* doc = nullptr;
};

// The type of any value (small ints are `int`).
extern Type g_int_type;
inline Type* type_of(Value v) { return v.is_small() ? &g_int_type : v.obj()->ob_type; }

extern Type g_type_type;
extern Type g_object_type;

// Initialise a static built-in type. `base` null means object. Must run before
// the type is used; registers it for the builtins table where relevant.
void type_ready(Type* t);
// Mark a type immutable-but-extendable etc. is done through flags before ready.

bool is_subtype(Type* a, Type* b);  // a is b or derives from b (walks the MRO)
inline bool is_instance_exact(Value v, Type* t) { return type_of(v) == t; }
inline bool has_flag(Type* t, uint32_t f) { return (t->flags & f) != 0; }

// The attribute cache behind type_lookup: (version tag, name) -> the result
// of the MRO walk, including "absent" (type.cpp says why it is sound). One per
// thread, so it needs no synchronisation; its probe is inline so that the
// interpreter's specialised forms (LOAD_ATTR_METHOD of an inherited method,
// the polymorphic instance forms) pay no call. Plain data in a `__thread`
// array: no TLS wrapper call either.
struct TypeCacheEntry {
  uint32_t version;
  const Object* name;
  uint64_t value;  // Value bits, borrowed
};
constexpr size_t kTypeCacheSize = 2048;  // power of two
// Version tags stay below this (objects/type.cpp).
constexpr uint32_t kVersionTagLimit = 0x80000000u;
extern __thread TypeCacheEntry tls_type_cache[kTypeCacheSize];
inline size_t type_cache_index(uint32_t version, const Object* name) {
  return (version * 0x9E3779B1u ^ (reinterpret_cast<uintptr_t>(name) >> 4)) & (kTypeCacheSize - 1);
}
// The MRO walk, filling the cache when `version` and `name` allow it.
Value type_lookup_miss(Type* t, Value name, uint32_t version);

// Look a name up along the MRO (no descriptors invoked). Returns a borrowed
// value or null (no exception set). `name` must be a str.
inline Value type_lookup(Type* t, Value name) {
  uint32_t version = t->version_tag.load(std::memory_order_acquire);
  const Object* s = name.obj();
  const TypeCacheEntry& e = tls_type_cache[type_cache_index(version, s)];
  // version 0 (none) is never stored in an entry.
  if (e.version == version && e.name == s && version != 0) return Value(e.value);
  return type_lookup_miss(t, name, version);
}

// Create a heap type: type(name, bases, dict) semantics, incl. metaclass
// `__init_subclass__`/`__set_name__` handling. Returns null with an exception.
Ref<> type_new_from_spec(Type* metatype, Value name, Value bases, Value ns, Value kwnames_dict);

// Invalidate caches after a type's dict or bases changed (bumps version tags of
// t and its subclasses).
void type_modified(Type* t);
// A new version tag for t alone, whose dict and bases are unchanged (its
// instances' attribute layout changed: objects/instance_values.h).
void type_bump_version(Type* t);

// Convenience: the type's __name__ (the part after the last dot of `name`, or
// the heap type's name).
const char* type_name(Type* t);
// The name CPython's messages print (its tp_name): module-qualified for a
// built-in type defined in a module ('collections.deque', '_io.StringIO'),
// the plain name for builtins and for classes.
inline const char* type_tp_name(Type* t) { return t->name; }

}  // namespace ftpy
