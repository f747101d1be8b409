// The abstract object protocol: what the interpreter and every type use to
// operate on values without knowing their type (CPython's "abstract.h"
// equivalents). Each function dispatches through Type slots; see type.h for the
// slot conventions. Every call here may run arbitrary Python code (a safepoint
// in the sense of STYLE.md): callers must not hold raw pointers into mutable
// containers across them.
#pragma once

#include <cstdint>
#include <string>

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

// Singletons (immortal). Defined in objects/singletons.cpp.
extern Object g_none;
extern Object g_not_implemented;
extern Object g_ellipsis;
extern Type g_none_type;
extern Type g_not_implemented_type;
extern Type g_ellipsis_type;
inline Value none() { return Value(&g_none); }
inline Value not_implemented() { return Value(&g_not_implemented); }
inline Ref<> new_none() { return Ref<>::steal(none()); }  // immortal: no count needed
inline bool is_none(Value v) { return v.bits() == reinterpret_cast<uint64_t>(&g_none); }

// bool singletons live in objects/int.h (bool is an int subclass).
Value bool_value(bool b);
inline Ref<> new_bool(bool b) { return Ref<>::steal(bool_value(b)); }

// --- conversions to text --------------------------------------------------
Ref<> repr(Value v);
Ref<> str(Value v);
Ref<> ascii(Value v);
// UTF-8 repr/str for building messages; on failure clears the error and
// returns a placeholder.
std::string repr_utf8(Value v);
std::string str_utf8(Value v);
Ref<> format(Value v, Value spec);  // format(v, spec); spec null = ''
// Recursion guard for reprs of self-containing containers (prints [...]):
// repr_enter returns false if v is already being printed by this thread.
bool repr_enter(Value v);
void repr_leave(Value v);

// --- identity, hashing, truth ----------------------------------------------
int64_t hash(Value v);  // -1 on error (TypeError: unhashable type: 'list')
int truthy(Value v);    // -1 on error

// --- attributes --------------------------------------------------------------
Ref<> getattr(Value obj, Value name);
Ref<> getattr(Value obj, const char* name);
// Like getattr, but AttributeError is swallowed: returns null with no exception.
Ref<> getattr_opt(Value obj, Value name);
int setattr(Value obj, Value name, Value v);  // v null = delete
int setattr(Value obj, const char* name, Value v);
int hasattr(Value obj, Value name);  // -1 on errors other than AttributeError
// object.__getattribute__ / __setattr__ (descriptors, instance dict, MRO).
Ref<> generic_getattr(Value obj, Value name);
int generic_setattr(Value obj, Value name, Value v);
// Raise CPython's AttributeError for obj.name (with .name/.obj set).
std::nullptr_t attribute_error(Value obj, Value name);
// The instance __dict__ slot of obj, or nullptr if its type has none. For a
// type whose instances keep attributes in a values array
// (objects/instance_values.h), the values are first turned into a dict
// there, so the slot holds null or a dict (nullptr and an exception if
// that fails).
Value* instance_dict_slot(Value obj);
// The slot as it is: for code that handles values arrays itself.
Value* instance_dict_slot_raw(Value obj);
// obj's own attribute `name` (obj has a __dict__ slot, t = type(obj)): 1
// found (*out), 0 absent, -1 error. No values array is turned into a dict.
int instance_attr_lookup(Value obj, Type* t, Value name, Ref<>* out);
// obj.name = v for a new or existing attribute kept in the instance __dict__
// at `slot` (created and published there if missing, presized for
// t->dict_size_hint). `name` is interned. The caller has ruled out data
// descriptors on t = type(obj).
int instance_dict_store(Type* t, Value* slot, Str* name, Value v);

// --- calls ------------------------------------------------------------------
Ref<> call(Value f, const Value* args, size_t nargs, Value kwnames = Value());
Ref<> call0(Value f);
Ref<> call1(Value f, Value a);
Ref<> call2(Value f, Value a, Value b);
// f(*args_tuple, **kwargs_dict); kwargs may be null.
Ref<> call_tuple_dict(Value f, Value args, Value kwargs);
// obj.name(args...)
Ref<> call_method(Value obj, const char* name, const Value* args, size_t nargs);
Ref<> call_method(Value obj, Value name, const Value* args, size_t nargs);
int callable(Value v);

// --- comparison and operators -------------------------------------------------
Ref<> richcompare(Value a, Value b, CompareOp op);
// 0/1, or -1 on error. Identity implies equality for kEq/kNe (as CPython's
// PyObject_RichCompareBool does for containers).
int richcompare_bool(Value a, Value b, CompareOp op);
int equal(Value a, Value b);  // richcompare_bool(a, b, kEq)
Ref<> binary_op(Value a, Value b, BinaryOp op);
Ref<> inplace_op(Value a, Value b, BinaryOp op);
Ref<> power(Value a, Value b, Value mod);  // pow() with an optional modulus (null/None = absent)
Ref<> negative(Value v);
Ref<> positive(Value v);
Ref<> invert(Value v);
Ref<> absolute(Value v);
const char* binary_op_symbol(BinaryOp op);          // "+", "**", ...
const char* inplace_op_symbol(BinaryOp op);         // "+=", ...

// --- numbers --------------------------------------------------------------------
// obj.__index__() as an int; TypeError "'X' object cannot be interpreted as an integer".
Ref<> number_index(Value v);
// Convert an integer-like value to int64; -1 with OverflowError/TypeError when it
// cannot. `overflow` variant clamps and reports instead of raising.
bool to_int64(Value v, int64_t* out);
// A C int parameter (CPython's "i" converter): __index__, then OverflowError
// "Python int too large to convert to C int" outside 32 bits.
bool to_c_int(Value v, int32_t* out);
// Index for sequences: __index__, clamped on overflow to INT64_MIN/MAX
// (like PyNumber_AsSsize_t with an IndexError message on overflow).
bool to_index(Value v, int64_t* out);
Ref<> number_int(Value v);    // int(x)
Ref<> number_float(Value v);  // float(x)
bool to_double(Value v, double* out);  // float-like -> double (float, int, __float__, __index__)

// --- containers and iteration -------------------------------------------------
Ref<> get_iter(Value v);
// Next item, or null: with an exception pending on error, without when exhausted.
Ref<> iter_next(Value it);
int64_t length(Value v);          // len(v); -1 on error
Ref<> getitem(Value obj, Value key);
int setitem(Value obj, Value key, Value v);
int delitem(Value obj, Value key);
int contains(Value container, Value item);  // `item in container`; -1 on error
// Drain an iterable into a new list / tuple.
Ref<> sequence_list(Value iterable);
Ref<> sequence_tuple(Value iterable);

// --- types ---------------------------------------------------------------------
int is_instance(Value obj, Value cls);   // isinstance(); -1 on error
int is_subclass(Value derived, Value cls);  // issubclass(); -1 on error

}  // namespace ftpy
