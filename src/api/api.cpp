// The public C ABI (include/ftpy/ftpy.h): values, errors, generic operations,
// native objects and functions. Embedding and threads are in embed.cpp,
// loading native modules in extension.cpp.
//
// Every function here is a thin adapter: an ftpy_value is a Value's bits, a
// returned ftpy_value is a Ref released to the caller, and failures leave the
// exception pending exactly as inside ftpy.
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

#include "api/capsule.h"
#include "api/extension.h"
#include "ftpy/ftpy.h"
#include "modules/sys_module.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/critical_section.h"
#include "runtime/interp.h"
#include "vm/import.h"

namespace ftpy {
namespace {

Value val(ftpy_value v) { return Value(v); }
ftpy_value out(Ref<> r) { return r.release().bits(); }
template <typename T>
ftpy_value out(Ref<T> r) {
  return r.release().bits();
}
const Value* vals(const ftpy_value* v) { return reinterpret_cast<const Value*>(v); }

// The storage behind FTPY_CRITICAL_SECTION_SIZE: a two-object section (either
// object may be null; one-object sections pass null as the second).
static_assert(sizeof(CriticalSection2) <= FTPY_CRITICAL_SECTION_SIZE);
static_assert(alignof(CriticalSection2) <= 8);
Object* lockable(ftpy_value v) { return val(v).is_obj() ? val(v).obj() : nullptr; }

}  // namespace
}  // namespace ftpy

using namespace ftpy;

extern "C" {

void ftpy_incref(ftpy_value v) { incref(val(v)); }
void ftpy_decref(ftpy_value v) { decref(val(v)); }

// --- errors ---------------------------------------------------------------------------------

ftpy_value ftpy_builtin_exception(const char* name) {
#define FTPY_API_EXC(n, base) \
  if (std::strcmp(name, #n) == 0) return Value(g_##n).bits();
  FTPY_EXCEPTIONS(FTPY_API_EXC)
#undef FTPY_API_EXC
  return 0;
}

ftpy_value ftpy_raise(ftpy_value exc_type, const char* message) {
  Value t = val(exc_type);
  if (!t.is_obj() || !has_flag(type_of(t), kTypeTypeSubclass) || !is_subtype(t.as<Type>(), g_BaseException)) {
    err_set_str(g_SystemError, "ftpy_raise: exception type expected");
    return 0;
  }
  err_set_str(t.as<Type>(), message);
  return 0;
}

ftpy_value ftpy_raise_object(ftpy_value exc) {
  err_set_instance(val(exc));
  return 0;
}

int ftpy_err_occurred(void) { return err_occurred() ? 1 : 0; }

int ftpy_err_matches(ftpy_value exc_type) {
  Value e = err_peek();
  if (e.is_null()) return 0;
  return exception_matches(e, val(exc_type)) > 0 ? 1 : 0;
}

ftpy_value ftpy_err_fetch(void) { return out(err_fetch()); }
void ftpy_err_restore(ftpy_value exc) { err_restore(Ref<>::steal(val(exc))); }
void ftpy_err_clear(void) { err_clear(); }

void ftpy_err_print(void) {
  Ref<> e = err_fetch();
  if (!e) return;
  flush_std_streams();
  sys_excepthook(e.val());
  if (err_occurred()) err_clear();
}

// --- values ---------------------------------------------------------------------------------

ftpy_value ftpy_none(void) { return none().bits(); }
ftpy_value ftpy_bool(int b) { return bool_value(b != 0).bits(); }
ftpy_value ftpy_int(int64_t i) { return out(int_from_int64(i)); }

int ftpy_int_value(ftpy_value v, int64_t* result) { return to_int64(val(v), result) ? 0 : -1; }

ftpy_value ftpy_float(double d) { return out(float_new(d)); }

int ftpy_float_value(ftpy_value v, double* result) { return to_double(val(v), result) ? 0 : -1; }

ftpy_value ftpy_str(const char* utf8, size_t len) { return out(str_from_utf8(std::string_view(utf8, len))); }

char* ftpy_str_utf8(ftpy_value v, size_t* len) {
  Value s = val(v);
  if (!is_str(s)) {
    err_format(g_TypeError, "expected str, not %s", type_name(type_of(s)));
    return nullptr;
  }
  std::string text;
  if (!str_utf8_strict(s.as<Str>(), &text)) return nullptr;
  char* buf = static_cast<char*>(std::malloc(text.size() + 1));
  if (!buf) {
    err_no_memory();
    return nullptr;
  }
  std::memcpy(buf, text.data(), text.size());
  buf[text.size()] = '\0';
  if (len) *len = text.size();
  return buf;
}

void ftpy_free(void* p) { std::free(p); }

ftpy_value ftpy_bytes(const char* data, size_t len) { return out(bytes_from(data, len)); }
ftpy_value ftpy_tuple(const ftpy_value* items, size_t n) { return out(tuple_from_array(vals(items), n)); }
ftpy_value ftpy_list(const ftpy_value* items, size_t n) { return out(list_from_array(vals(items), n)); }

int ftpy_list_append(ftpy_value list, ftpy_value item) {
  if (!is_list(val(list))) {
    err_format(g_TypeError, "expected list, not %s", type_name(type_of(val(list))));
    return -1;
  }
  return list_append(val(list), val(item));
}

ftpy_value ftpy_dict(void) { return out(dict_new()); }

// --- generic operations ---------------------------------------------------------------------

int ftpy_is_none(ftpy_value v) { return is_none(val(v)); }
int ftpy_is_int(ftpy_value v) { return is_int(val(v)); }
int ftpy_is_float(ftpy_value v) { return is_float(val(v)); }
int ftpy_is_str(ftpy_value v) { return is_str(val(v)); }
int ftpy_is_callable(ftpy_value v) { return callable(val(v)) > 0; }
int ftpy_isinstance(ftpy_value v, ftpy_value cls) { return is_instance(val(v), val(cls)); }
const char* ftpy_type_name(ftpy_value v) { return type_name(type_of(val(v))); }
int ftpy_truthy(ftpy_value v) { return truthy(val(v)); }
int ftpy_equal(ftpy_value a, ftpy_value b) { return equal(val(a), val(b)); }
ftpy_value ftpy_repr(ftpy_value v) { return out(repr(val(v))); }
ftpy_value ftpy_to_str(ftpy_value v) { return out(str(val(v))); }
int64_t ftpy_len(ftpy_value v) { return length(val(v)); }
ftpy_value ftpy_getattr(ftpy_value obj, const char* name) { return out(getattr(val(obj), name)); }

int ftpy_hasattr(ftpy_value obj, const char* name) {
  Ref<Str> n = str_from_utf8(name);
  if (!n) return -1;
  return hasattr(val(obj), n.val());
}

int ftpy_setattr(ftpy_value obj, const char* name, ftpy_value v) { return setattr(val(obj), name, val(v)); }
ftpy_value ftpy_getitem(ftpy_value obj, ftpy_value key) { return out(getitem(val(obj), val(key))); }
int ftpy_setitem(ftpy_value obj, ftpy_value key, ftpy_value v) { return setitem(val(obj), val(key), val(v)); }

ftpy_value ftpy_call(ftpy_value callable_obj, const ftpy_value* args, size_t nargs, ftpy_value kwargs) {
  if (!kwargs) return out(call(val(callable_obj), vals(args), nargs));
  if (!is_dict(val(kwargs))) {
    err_format(g_TypeError, "ftpy_call: kwargs must be a dict, not %s", type_name(type_of(val(kwargs))));
    return 0;
  }
  Ref<Tuple> t = tuple_from_array(vals(args), nargs);
  if (!t) return 0;
  return out(call_tuple_dict(val(callable_obj), t.val(), val(kwargs)));
}

ftpy_value ftpy_import(const char* name) { return out(import_module(name)); }
ftpy_value ftpy_builtin(const char* name) { return out(getattr(g_interp.builtins_mod, name)); }

// --- native objects -------------------------------------------------------------------------

ftpy_value ftpy_capsule(void* pointer, const char* name, void (*destructor)(void*)) {
  return out(capsule_new(pointer, name, destructor));
}

void* ftpy_capsule_pointer(ftpy_value capsule, const char* name) { return capsule_pointer(val(capsule), name); }

void ftpy_critical_section_begin(void* storage, ftpy_value obj) {
  new (storage) CriticalSection2(lockable(obj), nullptr);
}

void ftpy_critical_section_begin2(void* storage, ftpy_value a, ftpy_value b) {
  new (storage) CriticalSection2(lockable(a), lockable(b));
}

void ftpy_critical_section_end(void* storage) { std::launder(static_cast<CriticalSection2*>(storage))->~CriticalSection2(); }

// --- functions ------------------------------------------------------------------------------

ftpy_value ftpy_function_new(const ftpy_method_def* def, ftpy_value self) {
  return out(native_function_new(extension_method_def(def), val(self), Value()));
}

}  // extern "C"
