// Native (C++) functions and methods, declared once with their Python signature
// (STYLE.md "declare a builtin's Python signature once").
//
//   static Ref<> str_split(Value self, Value* args) {
//     Value sep = args[0], maxsplit = args[1]; ...
//   }
//   const MethodDef kStrMethods[] = {
//     {"split($self, /, sep=None, maxsplit=-1)", str_split, "doc..."},
//     {nullptr}};
//
// The signature string is parsed once (when the type or module is readied)
// into a Signature; each call binds its positional and keyword arguments to the
// parameters in declaration order with `def` semantics and CPython's error
// messages, fills defaults, and passes the bound array. Parameter syntax:
//   $self / $type   the receiver (methods / classmethods); not in `args`
//   /  *            positional-only and keyword-only markers, as in `def`
//   name=DEFAULT    DEFAULT is None, True, False, an int, a float, a quoted
//                   string, () for an empty tuple, or ? meaning "optional, no
//                   default": the slot arrives as a null Value when omitted
//   *args, **kw     arrive as a tuple and a dict (always non-null)
// Module functions receive the module object as `self`.
//
// Thread safety: Signatures are built before publication and immutable after.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "objects/type.h"
#include "runtime/ref.h"

namespace ftpy {

using NativeFn = Ref<> (*)(Value self, Value* args);

enum MethodFlags : uint32_t {
  kMethClass = 1 << 0,   // classmethod: self is the class
  kMethStatic = 1 << 1,  // staticmethod: no receiver
  kMethCoexist = 1 << 2,
  // `fn` holds an ExternalFn: a function from a native extension module or an
  // embedding program (include/ftpy/ftpy.hpp), which sees Values as plain
  // 64-bit integers and returns a new reference (0 = error) instead of a Ref.
  kMethExternal = 1 << 3,
  // The function never reads its *args parameter (a context manager's
  // __exit__(*args) that ignores the exception): the extra positional
  // arguments are not packed into a tuple; the parameter gets ().
  kMethIgnoresVarArgs = 1 << 4,
  // CPython parses this function's arguments with PyArg_ParseTuple, whose
  // count errors read "find() takes at least 1 argument (0 given)" rather
  // than "find expected at least 1 argument, got 0".
  kMethParseTupleMessages = 1 << 5,
};
using ExternalFn = uint64_t (*)(uint64_t self, const uint64_t* args);

struct Signature;

struct MethodDef {
  const char* signature;  // "name(params)"; nullptr terminates a table
  NativeFn fn;
  const char* doc;
  uint32_t flags;
  // Filled once (native_ready, or native_def_signature's CAS); immutable afterwards.
  mutable const Signature* parsed;
};

using GetterFn = Ref<> (*)(Value self);
using SetterFn = int (*)(Value self, Value v);  // v null = delete; -1 error

struct GetSetDef {
  const char* name;  // nullptr terminates
  GetterFn get;
  SetterFn set;  // null = read-only
  const char* doc;
};

// kMemberObject reads an unset slot as None; kMemberObjectEx (used for
// __slots__) raises AttributeError instead, as CPython does.
enum MemberKind : uint8_t { kMemberObject, kMemberObjectReadonly, kMemberInt64, kMemberBool, kMemberObjectEx };
struct MemberDef {
  const char* name;  // nullptr terminates
  MemberKind kind;
  uint32_t offset;
  const char* doc;
};

enum class ParamKind : uint8_t { kPositionalOnly, kPositionalOrKeyword, kKeywordOnly, kVarArgs, kVarKw };

struct Param {
  Value name;  // interned str
  ParamKind kind;
  bool required;
  Value default_value;  // owned (immortal constants), null = "?" optional
};

struct Signature {
  Value name;      // interned str, e.g. "split"
  const char* qualname_prefix = nullptr;  // "str" for messages like "str.split()"; may be null
  int receiver = 0;  // 0 none, 1 $self, 2 $type
  std::vector<Param> params;
  int n_positional = 0;  // params that can be filled positionally
  int var_args = -1, var_kw = -1;  // index of *args / **kw, or -1
  bool simple = true;  // only positional(-or-keyword) params, all required
  // *args with nothing but defaulted keyword-only parameters after it and no
  // **kw (max, min, print): a positional call binds without native_bind.
  bool varargs_fast = false;
  bool parse_tuple_messages = false;  // kMethParseTupleMessages
};

// Whether CPython's function or method `name` of `owner` (a static type's
// name, "dict" or "datetime.date", or a module's) has no __text_signature__:
// its arguments are parsed by hand, so inspect.signature() cannot see them.
// From a table the build generates from the host python3
// (tools/gen_no_text_sig.py).
bool native_lacks_text_signature(std::string_view owner, std::string_view name);

// Parse a signature string; aborts the process on a malformed declaration
// (a programming error caught by the first test run).
const Signature* native_parse_signature(const char* spec, const char* owner_name);
// A new signature for def->signature with the def's flags applied (the
// caller publishes it in def->parsed).
Signature* native_parse_def_signature(const MethodDef* def, const char* owner_name);
// def->parsed, parsing it on first use. Defs in a type's or module's table are
// parsed when it is readied; one called directly (a tp_new's own signature)
// may be first called by two threads at once: each parses, one publishes.
// `owner_name` (must outlive the signature) prefixes the name in messages
// when this call is the one that parses it.
const Signature* native_def_signature(const MethodDef* def, const char* owner_name = nullptr);

// Bind a vectorcall to `sig`. `out` has sig->params.size() slots; `holders`
// keeps tuples/dicts built for *args/**kw alive. Returns false with TypeError.
bool native_bind(const Signature* sig, const Value* args, size_t nargs, Value kwnames, Value* out,
                 Ref<>* holders);

// A built-in function or bound built-in method object (`builtin_function_or_method`).
struct NativeFunction : Object {
  const MethodDef* def;
  Value self;         // owned; receiver or module (may be null for static)
  Value module;       // owned module name str or null
  Value weakreflist;  // weak references (weakref.ref(len), of a bound [].append), as CPython allows
};
extern Type g_native_function_type;
// A method descriptor living in a type dict (`method_descriptor`), and the
// classmethod variant (`classmethod_descriptor`).
struct MethodDescr : Object {
  const MethodDef* def;
  Type* owner;
};
extern Type g_method_descr_type;
extern Type g_classmethod_descr_type;
struct GetSetDescr : Object {
  const GetSetDef* def;
  Type* owner;
};
extern Type g_getset_descr_type;
struct MemberDescr : Object {
  const MemberDef* def;
  Type* owner;
};
extern Type g_member_descr_type;
// Where an object-valued member lives in obj (read and written with atomic
// loads and stores; a replaced value is retired: native.cpp).
inline Value* member_slot(Value obj, const MemberDef* def) {
  return reinterpret_cast<Value*>(reinterpret_cast<char*>(obj.obj()) + def->offset);
}

Ref<> native_function_new(const MethodDef* def, Value self, Value module_name);
// (getattr, (getattr(self, owner_attr), self.__name__)): how descriptors and
// bound slot wrappers pickle (by reference).
Ref<> reduce_as_getattr(Value self, const char* owner_attr);
Ref<> method_descr_new(const MethodDef* def, Type* owner);

// Call a MethodDef with a receiver and vectorcall arguments.
Ref<> native_call(const MethodDef* def, Value self, const Value* args, size_t nargs,
                  Value kwnames);

// Add a table of functions to a module dict (module functions get the module
// as self).
int native_add_functions(Value module, const MethodDef* defs);

}  // namespace ftpy
