// _ctypes, native layer: calling C functions through libffi (_call) and
// making C function pointers that call Python (_closure, libffi closures).
//
// Types cross this boundary as codes: one character for a scalar
// ("bBhHiIlLqQ" integers, "f" float, "d" double, "g" long double, "P"
// pointer, "v" void) or "{...}" for a structure passed by value, listing its
// members' codes (nested structures nest, an array member repeats its code).
// Scalars travel as Python ints and floats; a structure argument is the
// address of its bytes, a structure result comes back as bytes.
//
// Thread safety: a call builds its libffi description on the C++ stack and
// touches no shared state; it runs detached (unless flag PYTHONAPI says the
// function uses the interpreter, as PyDLL's do), so a long C call never stalls
// other threads or a stop-the-world. A closure object is immutable after
// construction (its cif, types and callable are set before its address is
// returned and freed only in dealloc). Its trampoline may run on any thread:
// a thread the interpreter does not know is registered for the call and
// unregistered after it (as the embedding API's ftpy_thread_attach/detach
// do); a known thread that is detached (inside a CDLL call) re-attaches for
// the call and detaches again before returning to C.
#include <ffi.h>

#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <algorithm>
#include <string>
#include <vector>

#include "modules/ctypes_module.h"
#include "modules/sys_module.h"
#include "modules/thread_module.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"
#include "runtime/thread_state.h"

#include <gmp.h>

namespace ftpy {

namespace {

constexpr int64_t kFlagPythonApi = 4;
constexpr int64_t kFlagUseErrno = 8;

// Owns the ffi_type structures a set of codes needs.
struct TypeArena {
  std::deque<ffi_type> structs;
  std::deque<std::vector<ffi_type*>> elements;

  // Parse one type at s[*pos]; null with ValueError on a bad code.
  ffi_type* parse(std::string_view s, size_t* pos) {
    if (*pos >= s.size()) return bad();
    char c = s[(*pos)++];
    switch (c) {
      case 'b': return &ffi_type_sint8;
      case 'B': case '?': case 'c': return &ffi_type_uint8;
      case 'h': return &ffi_type_sint16;
      case 'H': return &ffi_type_uint16;
      case 'i': return &ffi_type_sint32;
      case 'I': case 'u': return &ffi_type_uint32;
      case 'l': case 'q': return &ffi_type_sint64;
      case 'L': case 'Q': return &ffi_type_uint64;
      case 'f': return &ffi_type_float;
      case 'd': return &ffi_type_double;
      case 'g': return &ffi_type_longdouble;
      case 'P': case 'z': case 'Z': case 'O': return &ffi_type_pointer;
      case 'v': return &ffi_type_void;
      case '{': {
        std::vector<ffi_type*>& el = elements.emplace_back();
        while (*pos < s.size() && s[*pos] != '}') {
          ffi_type* t = parse(s, pos);
          if (!t || t == &ffi_type_void) return t ? bad() : nullptr;
          el.push_back(t);
        }
        if (*pos >= s.size()) return bad();
        (*pos)++;
        if (el.empty()) el.push_back(&ffi_type_uint8);  // an empty struct still has a size of 1 in ctypes
        el.push_back(nullptr);
        ffi_type& st = structs.emplace_back();
        st.size = 0;
        st.alignment = 0;
        st.type = FFI_TYPE_STRUCT;
        st.elements = el.data();
        return &st;
      }
      default: return bad();
    }
  }

  ffi_type* parse_all(Value code) {
    if (!is_str(code)) {
      err_set_str(g_TypeError, "ctypes type code must be str");
      return nullptr;
    }
    std::string_view s = str_view(code);
    size_t pos = 0;
    ffi_type* t = parse(s, &pos);
    if (t && pos != s.size()) return bad();
    return t;
  }

  static ffi_type* bad() {
    err_set_str(g_ValueError, "bad ctypes type code");
    return nullptr;
  }
};

bool is_signed(ffi_type* t) {
  return t == &ffi_type_sint8 || t == &ffi_type_sint16 || t == &ffi_type_sint32 || t == &ffi_type_sint64;
}

// An int taken modulo 2**64 (ctypes truncates integers silently).
bool int_bits(Value v, uint64_t* out) {
  Ref<> owned;
  if (!is_int(v)) {
    owned = int_from_object(v);
    if (!owned) return false;
    v = owned.val();
  }
  int64_t x;
  if (int_as_int64(v, &x)) {
    *out = static_cast<uint64_t>(x);
    return true;
  }
  mpz_t z;
  mpz_init(z);
  int_to_mpz(v, z);
  mpz_fdiv_r_2exp(z, z, 64);
  *out = mpz_get_ui(z);
  mpz_clear(z);
  return true;
}

union alignas(16) Slot {
  uint8_t u8;
  uint16_t u16;
  uint32_t u32;
  uint64_t u64;
  float f;
  double d;
  long double ld;
  void* p;
  ffi_arg widened;
};

// Store Python value v into *slot as type t (a scalar).
bool store_scalar(ffi_type* t, Value v, void* slot) {
  switch (t->type) {
    case FFI_TYPE_FLOAT: case FFI_TYPE_DOUBLE: case FFI_TYPE_LONGDOUBLE: {
      double d;
      if (!to_double(v, &d)) return false;
      if (t->type == FFI_TYPE_FLOAT) {
        float f = static_cast<float>(d);
        std::memcpy(slot, &f, sizeof f);
      } else if (t->type == FFI_TYPE_DOUBLE) {
        std::memcpy(slot, &d, sizeof d);
      } else {
        long double ld = d;
        std::memcpy(slot, &ld, sizeof ld);
      }
      return true;
    }
    default: {
      uint64_t u;
      if (!int_bits(v, &u)) return false;
      switch (t->size) {
        case 1: { uint8_t x = static_cast<uint8_t>(u); std::memcpy(slot, &x, 1); break; }
        case 2: { uint16_t x = static_cast<uint16_t>(u); std::memcpy(slot, &x, 2); break; }
        case 4: { uint32_t x = static_cast<uint32_t>(u); std::memcpy(slot, &x, 4); break; }
        default: std::memcpy(slot, &u, 8); break;
      }
      return true;
    }
  }
}

// A scalar at p (not widened) as a Python value.
Ref<> load_scalar(ffi_type* t, const void* p) {
  switch (t->type) {
    case FFI_TYPE_FLOAT: { float f; std::memcpy(&f, p, 4); return float_new(f); }
    case FFI_TYPE_DOUBLE: { double d; std::memcpy(&d, p, 8); return float_new(d); }
    case FFI_TYPE_LONGDOUBLE: { long double d; std::memcpy(&d, p, sizeof d); return float_new(static_cast<double>(d)); }
    case FFI_TYPE_SINT8: { int8_t x; std::memcpy(&x, p, 1); return int_from_int64(x); }
    case FFI_TYPE_UINT8: { uint8_t x; std::memcpy(&x, p, 1); return int_from_int64(x); }
    case FFI_TYPE_SINT16: { int16_t x; std::memcpy(&x, p, 2); return int_from_int64(x); }
    case FFI_TYPE_UINT16: { uint16_t x; std::memcpy(&x, p, 2); return int_from_int64(x); }
    case FFI_TYPE_SINT32: { int32_t x; std::memcpy(&x, p, 4); return int_from_int64(x); }
    case FFI_TYPE_UINT32: { uint32_t x; std::memcpy(&x, p, 4); return int_from_int64(x); }
    case FFI_TYPE_SINT64: { int64_t x; std::memcpy(&x, p, 8); return int_from_int64(x); }
    default: { uint64_t x; std::memcpy(&x, p, 8); return int_from_uint64(x); }
  }
}

// A scalar result in libffi's return buffer: integers narrower than ffi_arg
// are widened there.
Ref<> load_result(ffi_type* t, const void* p) {
  if (t->type == FFI_TYPE_STRUCT) return bytes_from(p, t->size);
  if (t->type == FFI_TYPE_VOID) return new_none();
  if (t->type != FFI_TYPE_FLOAT && t->type != FFI_TYPE_DOUBLE && t->type != FFI_TYPE_LONGDOUBLE && t->size < sizeof(ffi_arg)) {
    ffi_arg w;
    std::memcpy(&w, p, sizeof w);
    unsigned sh = 64 - 8 * static_cast<unsigned>(t->size);
    if (is_signed(t)) return int_from_int64(static_cast<int64_t>(static_cast<uint64_t>(w) << sh) >> sh);
    return int_from_uint64(static_cast<uint64_t>(w) & ((uint64_t{1} << (8 * t->size)) - 1));
  }
  return load_scalar(t, p);
}

Ref<> cif_error(ffi_status st) {
  return err_format(g_RuntimeError, "ffi_prep_cif failed with %d", static_cast<int>(st));
}

// _call(address, flags, argtypes, args, restype)
Ref<> ct_call(Value, Value* a) {
  uint64_t fn;
  if (!int_bits(a[0], &fn)) return nullptr;
  int64_t flags;
  if (!to_int64(a[1], &flags)) return nullptr;
  if (!is_tuple(a[2]) || !is_tuple(a[3])) return err_set_str(g_TypeError, "_call: argtypes and args must be tuples");
  int64_t n = tuple_size(a[2]);
  if (tuple_size(a[3]) != n) return err_set_str(g_TypeError, "_call: argtypes and args differ in length");
  if (!fn) return err_set_str(g_ValueError, "NULL pointer access");
  TypeArena arena;
  ffi_type* rtype = arena.parse_all(a[4]);
  if (!rtype) return nullptr;
  std::vector<ffi_type*> atypes(static_cast<size_t>(n));
  std::vector<Slot> slots(static_cast<size_t>(n));
  std::vector<void*> avalues(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; i++) {
    ffi_type* t = arena.parse_all(tuple_item(a[2], i));
    if (!t) return nullptr;
    if (t == &ffi_type_void) return err_set_str(g_TypeError, "an argument cannot be void");
    atypes[i] = t;
    if (t->type == FFI_TYPE_STRUCT) {
      uint64_t p;
      if (!int_bits(tuple_item(a[3], i), &p)) return nullptr;
      avalues[i] = reinterpret_cast<void*>(static_cast<uintptr_t>(p));
    } else {
      if (!store_scalar(t, tuple_item(a[3], i), &slots[i])) return nullptr;
      avalues[i] = &slots[i];
    }
  }
  ffi_cif cif;
  ffi_status st = ffi_prep_cif(&cif, FFI_DEFAULT_ABI, static_cast<unsigned>(n), rtype, atypes.data());
  if (st != FFI_OK) return cif_error(st);
  size_t rsize = std::max<size_t>(rtype->size, sizeof(Slot));
  std::vector<Slot> rbuf((rsize + sizeof(Slot) - 1) / sizeof(Slot));
  void (*target)() = reinterpret_cast<void (*)()>(static_cast<uintptr_t>(fn));
  bool use_errno = (flags & kFlagUseErrno) != 0;
  auto invoke = [&] {
    if (use_errno) std::swap(errno, ctypes_thread_errno());
    ffi_call(&cif, target, rbuf.data(), avalues.data());
    if (use_errno) std::swap(errno, ctypes_thread_errno());
  };
  if (flags & kFlagPythonApi) {
    invoke();
    if (err_occurred()) return nullptr;
  } else {
    DetachedScope detached;  // a foreign call never stalls other threads
    invoke();
  }
  return load_result(rtype, rbuf.data());
}

// A C function pointer that calls a Python callable.
// Thread safety: immutable after construction (see the file comment).
struct ClosureObject : Object {
  ffi_closure* closure;
  void* code;  // the executable address C calls
  ffi_cif cif;
  TypeArena* arena;
  std::vector<ffi_type*>* atypes;
  Value callable;  // owned: called with the converted arguments
  Value report;    // owned: what an ignored exception names (the user's function)
};

Type g_closure_type;

void closure_dealloc(Object* o) {
  auto* c = static_cast<ClosureObject*>(o);
  if (c->closure) ffi_closure_free(c->closure);
  delete c->arena;
  delete c->atypes;
  decref(c->callable);
  decref(c->report);
  free_object(o);
}

void closure_traverse(Object* o, VisitFn visit, void* arg) {
  auto* c = static_cast<ClosureObject*>(o);
  visit(c->callable, arg);
  visit(c->report, arg);
}

// Runs attached: convert the C arguments, call, store the result.
void closure_body(ClosureObject* c, void* ret, void** args) {
  ffi_cif* cif = &c->cif;
  ffi_type* rtype = cif->rtype;
  if (rtype->type != FFI_TYPE_VOID) std::memset(ret, 0, std::max<size_t>(rtype->size, sizeof(ffi_arg)));
  unsigned n = cif->nargs;
  Ref<Tuple> t = tuple_new(n);
  Ref<> result;
  if (t) {
    bool ok = true;
    for (unsigned i = 0; i < n && ok; i++) {
      ffi_type* at = cif->arg_types[i];
      Ref<> v = at->type == FFI_TYPE_STRUCT ? int_from_uint64(reinterpret_cast<uintptr_t>(args[i]))
                                            : load_scalar(at, args[i]);
      if (!v) ok = false;
      else tuple_init_item(t.get(), i, std::move(v));
    }
    if (ok) result = call(c->callable, t->items, n);
  }
  if (result && is_tuple(result.val()) && tuple_size(result.val()) == 2) {
    // The class layer's thunk caught an exception: (function, exception).
    Ref<> exc = Ref<>::borrow(tuple_item(result.val(), 1));
    sys_unraisable(exc.val(), "Exception ignored on calling ctypes callback function", c->report);
    return;
  }
  if (result && rtype->type != FFI_TYPE_VOID && !is_none(result.val())) {
    if (rtype->type == FFI_TYPE_STRUCT) {
      uint64_t p;
      if (int_bits(result.val(), &p) && p) std::memcpy(ret, reinterpret_cast<void*>(static_cast<uintptr_t>(p)), rtype->size);
      else if (err_occurred()) result = nullptr;
    } else {
      Slot s{};
      if (!store_scalar(rtype, result.val(), &s)) {
        result = nullptr;
      } else if (rtype->type != FFI_TYPE_FLOAT && rtype->type != FFI_TYPE_DOUBLE &&
                 rtype->type != FFI_TYPE_LONGDOUBLE && rtype->size < sizeof(ffi_arg)) {
        // libffi wants narrow integer results widened to ffi_arg.
        Ref<> back = load_scalar(rtype, &s);
        int64_t x = 0;
        if (back) int_as_int64(back.val(), &x);
        ffi_arg w = static_cast<ffi_arg>(x);
        std::memcpy(ret, &w, sizeof w);
      } else {
        std::memcpy(ret, &s, rtype->size);
      }
    }
  }
  if (!result) {
    Ref<> exc = err_fetch();
    sys_unraisable(exc.val(), "Exception ignored on calling ctypes callback function", c->report);
  }
}

void closure_trampoline(ffi_cif*, void* ret, void** args, void* user) {
  auto* c = static_cast<ClosureObject*>(user);
  ThreadState* ts = tstate();
  if (!ts) {
    // A thread the interpreter has never seen: register it for this call.
    ts = thread_attach_new(false);
    closure_body(c, ret, args);
    thread_locals_thread_exited(ts->index);
    thread_detach_delete(ts);
    return;
  }
  bool reattach = !thread_is_attached();
  if (reattach) thread_reattach();
  closure_body(c, ret, args);
  if (reattach) thread_detach_for_blocking();
}

// _closure(callable, argtypes, restype, report) -> (closure, address)
Ref<> ct_closure(Value, Value* a) {
  if (!is_tuple(a[1])) return err_set_str(g_TypeError, "_closure: argtypes must be a tuple");
  auto arena = std::make_unique<TypeArena>();
  auto atypes = std::make_unique<std::vector<ffi_type*>>();
  ffi_type* rtype = arena->parse_all(a[2]);
  if (!rtype) return nullptr;
  int64_t n = tuple_size(a[1]);
  for (int64_t i = 0; i < n; i++) {
    ffi_type* t = arena->parse_all(tuple_item(a[1], i));
    if (!t) return nullptr;
    if (t == &ffi_type_void) return err_set_str(g_TypeError, "an argument cannot be void");
    atypes->push_back(t);
  }
  auto* c = alloc_object<ClosureObject>(&g_closure_type);
  if (!c) return nullptr;
  incref(a[0]);
  incref(a[3]);
  c->callable = a[0];
  c->report = a[3];
  Ref<> hold = Ref<>::steal(Value(c));
  c->arena = arena.release();
  c->atypes = atypes.release();
  ffi_status st = ffi_prep_cif(&c->cif, FFI_DEFAULT_ABI, static_cast<unsigned>(n), rtype, c->atypes->data());
  if (st != FFI_OK) return cif_error(st);
  c->closure = static_cast<ffi_closure*>(ffi_closure_alloc(sizeof(ffi_closure), &c->code));
  if (!c->closure) return err_no_memory();
  st = ffi_prep_closure_loc(c->closure, &c->cif, closure_trampoline, c, c->code);
  if (st != FFI_OK) return cif_error(st);
  Ref<> addr = int_from_uint64(reinterpret_cast<uintptr_t>(c->code));
  if (!addr) return nullptr;
  return tuple_pack({hold.val(), addr.val()});
}

const MethodDef kFfiFunctions[] = {
    {"_call(address, flags, argtypes, args, restype, /)", ct_call, "Call the C function at address through libffi."},
    {"_closure(callable, argtypes, restype, report, /)", ct_closure,
     "(closure, address): a C function pointer that calls callable."},
    {nullptr}};

}  // namespace

int ctypes_ffi_add(Value module) {
  static std::once_flag once;
  std::call_once(once, [] {
    Type* t = &g_closure_type;
    t->name = "_ctypes._Closure";
    t->basic_size = sizeof(ClosureObject);
    t->flags |= kTypeHasGc;
    t->tp_dealloc = closure_dealloc;
    t->tp_traverse = closure_traverse;
    t->doc = "A libffi closure calling a Python callable.";
    type_ready(t);
  });
  return native_add_functions(module, kFfiFunctions);
}

}  // namespace ftpy
