// _ctypes, native layer: raw memory, dlopen/dlsym, the thread's ctypes errno,
// and the module object that runs the class layer's Python sources
// (ctypes_module.h explains the split).
//
// Thread safety: the memory primitives copy bytes between addresses the
// class layer hands them and touch no interpreter state; two threads writing
// the same ctypes object race on its bytes exactly as in CPython (no
// promise), never on an interpreter structure. A _Mem object (owned memory or
// a pinned buffer export) is immutable after construction: its address and
// size never change, and its memory is freed or its export released only in
// dealloc, when no thread can reach it. The ctypes errno is thread_local.
#include "modules/ctypes_module.h"

#include <dlfcn.h>
#include <gmp.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <cwchar>
#include <mutex>
#include <string>

#include "compile/code.h"
#include "objects/buffer.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/heap.h"
#include "runtime/interp.h"
#include "runtime/pythonrun.h"
#include "runtime/thread_state.h"
#include "vm/eval.h"

namespace ftpy {

int& ctypes_thread_errno() {
  static thread_local int e = 0;
  return e;
}

namespace {

// Memory a ctypes object lives in: either allocated here (owned, zeroed) or
// another object's buffer pinned by an export (from_buffer).
// Thread safety: immutable after construction (see the file comment).
struct MemObject : Object {
  uint8_t* data;
  int64_t size;
  bool owned;
  BufferView view;  // the export when !owned
};

Type g_mem_type;

void mem_dealloc(Object* o) {
  auto* m = static_cast<MemObject*>(o);
  if (m->owned) {
    std::free(m->data);
  } else {
    buffer_release(&m->view);
    m->view.~BufferView();
  }
  free_object(o);
}

// An address argument: any int, taken modulo 2**64 (ctypes addresses are
// unsigned; a negative one is what CPython's c_void_p would wrap to).
bool u64_arg(Value v, uint64_t* out) {
  if (!is_int(v)) {
    Ref<> i = int_from_object(v);
    if (!i) return false;
    return u64_arg(i.val(), out);
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

bool addr_arg(Value v, uint8_t** out) {
  uint64_t u;
  if (!u64_arg(v, &u)) return false;
  *out = reinterpret_cast<uint8_t*>(static_cast<uintptr_t>(u));
  return true;
}

bool size_arg(Value v, int64_t* out) {
  if (!to_int64(v, out)) return false;
  if (*out < 0) {
    err_set_str(g_ValueError, "negative size");
    return false;
  }
  return true;
}

Ref<> addr_int(const void* p) { return int_from_uint64(reinterpret_cast<uintptr_t>(p)); }

Ref<> ct_alloc(Value, Value* args) {
  int64_t n;
  if (!size_arg(args[0], &n)) return nullptr;
  auto* m = alloc_object<MemObject>(&g_mem_type);
  if (!m) return nullptr;
  new (&m->view) BufferView();
  m->owned = true;
  m->size = n;
  m->data = static_cast<uint8_t*>(std::calloc(n > 0 ? n : 1, 1));
  Ref<> mem = Ref<>::steal(Value(m));
  if (!m->data) return err_no_memory();
  Ref<> a = addr_int(m->data);
  if (!a) return nullptr;
  return tuple_pack({mem.val(), a.val()});
}

Ref<> ct_pin(Value, Value* args) {
  bool writable = truthy(args[1]) > 0;
  BufferView view;
  if (!object_get_buffer(args[0], &view, (writable ? kBufWritable : 0) | kBufContiguous)) return nullptr;
  auto* m = alloc_object<MemObject>(&g_mem_type);
  if (!m) {
    buffer_release(&view);
    return nullptr;
  }
  new (&m->view) BufferView(std::move(view));
  m->owned = false;
  m->data = m->view.buf;
  m->size = m->view.len;
  Ref<> mem = Ref<>::steal(Value(m));
  Ref<> a = addr_int(m->data);
  Ref<> s = int_from_int64(m->size);
  if (!a || !s) return nullptr;
  return tuple_pack({mem.val(), a.val(), s.val()});
}

Ref<> ct_read(Value, Value* args) {
  uint8_t* p;
  int64_t n;
  if (!addr_arg(args[0], &p) || !size_arg(args[1], &n)) return nullptr;
  if (n > 0 && !p) return err_set_str(g_ValueError, "NULL pointer access");
  return bytes_from(p, static_cast<size_t>(n));
}

Ref<> ct_write(Value, Value* args) {
  uint8_t* p;
  if (!addr_arg(args[0], &p)) return nullptr;
  std::string data;
  if (!buffer_copy_or_error(args[1], &data)) return nullptr;
  if (!data.empty()) {
    if (!p) return err_set_str(g_ValueError, "NULL pointer access");
    std::memcpy(p, data.data(), data.size());
  }
  return new_none();
}

Ref<> ct_memmove(Value, Value* args) {
  uint8_t *d, *s;
  int64_t n;
  if (!addr_arg(args[0], &d) || !addr_arg(args[1], &s) || !size_arg(args[2], &n)) return nullptr;
  if (n > 0) std::memmove(d, s, static_cast<size_t>(n));
  return addr_int(d);
}

Ref<> ct_memset(Value, Value* args) {
  uint8_t* d;
  int64_t c, n;
  if (!addr_arg(args[0], &d) || !to_int64(args[1], &c) || !size_arg(args[2], &n)) return nullptr;
  if (n > 0) std::memset(d, static_cast<int>(c), static_cast<size_t>(n));
  return addr_int(d);
}

Ref<> ct_strlen(Value, Value* args) {
  uint8_t* p;
  if (!addr_arg(args[0], &p)) return nullptr;
  if (!p) return err_set_str(g_ValueError, "NULL pointer access");
  return int_from_int64(static_cast<int64_t>(std::strlen(reinterpret_cast<const char*>(p))));
}

Ref<> ct_wcslen(Value, Value* args) {
  uint8_t* p;
  if (!addr_arg(args[0], &p)) return nullptr;
  if (!p) return err_set_str(g_ValueError, "NULL pointer access");
  return int_from_int64(static_cast<int64_t>(std::wcslen(reinterpret_cast<const wchar_t*>(p))));
}

Ref<> ct_ld_read(Value, Value* args) {
  uint8_t* p;
  if (!addr_arg(args[0], &p)) return nullptr;
  long double x;
  std::memcpy(&x, p, sizeof x);
  return float_new(static_cast<double>(x));
}

Ref<> ct_ld_write(Value, Value* args) {
  uint8_t* p;
  double d;
  if (!addr_arg(args[0], &p) || !to_double(args[1], &d)) return nullptr;
  long double x = d;
  std::memcpy(p, &x, sizeof x);
  return new_none();
}

// dlopen(name, mode): the handle as an int; OSError with dlerror()'s text.
Ref<> ct_dlopen(Value, Value* args) {
  std::string name;
  bool null_name = args[0].is_null() || is_none(args[0]);
  if (!null_name) {
    if (is_str(args[0]))
      name = std::string(str_view(args[0]));
    else if (is_bytes(args[0]))
      name = std::string(bytes_view(args[0]));
    else
      return err_format(g_TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(type_of(args[0])));
    if (name.find('\0') != std::string::npos) return err_set_str(g_ValueError, "embedded null character");
  }
  int64_t mode = RTLD_NOW | RTLD_LOCAL;
  if (!args[1].is_null() && !to_int64(args[1], &mode)) return nullptr;
  void* h;
  std::string err;
  {
    DetachedScope detached;  // loading runs constructors and reads files
    h = dlopen(null_name ? nullptr : name.c_str(), static_cast<int>(mode) | RTLD_NOW);
    if (!h) {
      const char* e = dlerror();
      err = e ? e : "dlopen() failed";
    }
  }
  if (!h) {
    Ref<Str> msg = str_from_utf8(err);
    if (!msg) return nullptr;
    return err_set_object(g_OSError, msg.val());
  }
  return addr_int(h);
}

// _dlsym(handle, name): the address, or dlerror()'s text as a str.
Ref<> ct_dlsym(Value, Value* args) {
  uint8_t* h;
  if (!addr_arg(args[0], &h)) return nullptr;
  if (!is_str(args[1])) return err_set_str(g_TypeError, "function name must be string, bytes object or integer");
  std::string name(str_view(args[1]));
  dlerror();
  void* p = dlsym(h, name.c_str());
  if (!p) {
    const char* e = dlerror();
    return str_from_utf8(e ? e : name + ": symbol not found");
  }
  return addr_int(p);
}

Ref<> ct_dlclose(Value, Value* args) {
  uint8_t* h;
  if (!addr_arg(args[0], &h)) return nullptr;
  if (dlclose(h) != 0) {
    const char* e = dlerror();
    Ref<Str> msg = str_from_utf8(e ? e : "dlclose() failed");
    if (!msg) return nullptr;
    return err_set_object(g_OSError, msg.val());
  }
  return new_none();
}

Ref<> ct_get_errno(Value, Value*) { return int_from_int64(ctypes_thread_errno()); }

Ref<> ct_set_errno(Value, Value* args) {
  int64_t v;
  if (!to_int64(args[0], &v)) return nullptr;
  if (v < INT32_MIN || v > INT32_MAX) return err_set_str(g_OverflowError, "Python int too large to convert to C int");
  int old = ctypes_thread_errno();
  ctypes_thread_errno() = static_cast<int>(v);
  return int_from_int64(old);
}

// Markers for the functions ctypes/__init__.py wraps through PYFUNCTYPE
// (cast, string_at, wstring_at): the class layer recognises these addresses
// and runs them itself, since their arguments are Python objects.
extern "C" void ftpy_ctypes_cast_marker() {}
extern "C" void ftpy_ctypes_string_at_marker() {}
extern "C" void ftpy_ctypes_wstring_at_marker() {}

Ref<> ct_native_addrs(Value, Value*) {
  Ref<> d = dict_new();
  if (!d) return nullptr;
  struct Row {
    const char* name;
    const void* p;
  };
  const Row rows[] = {
      {"_memmove_addr", reinterpret_cast<const void*>(&memmove)},
      {"_memset_addr", reinterpret_cast<const void*>(&memset)},
      {"_cast_addr", reinterpret_cast<const void*>(&ftpy_ctypes_cast_marker)},
      {"_string_at_addr", reinterpret_cast<const void*>(&ftpy_ctypes_string_at_marker)},
      {"_wstring_at_addr", reinterpret_cast<const void*>(&ftpy_ctypes_wstring_at_marker)},
  };
  for (const Row& r : rows) {
    Ref<> a = addr_int(r.p);
    if (!a || dict_set_item_str(d.val(), r.name, a.val()) < 0) return nullptr;
  }
  return d;
}

// The object's identity as an address (py_object's stored word) and back:
// the class layer keeps the object alive for as long as the word is stored.
Ref<> ct_obj_word(Value, Value* args) { return int_from_uint64(args[0].bits()); }

const MethodDef kCtypesFunctions[] = {
    {"_alloc(size, /)", ct_alloc, "(memory, address) of size zeroed bytes owned by memory."},
    {"_pin(obj, writable, /)", ct_pin, "(memory, address, size) of obj's buffer, exported while memory lives."},
    {"_read(address, size, /)", ct_read, "The bytes at address."},
    {"_write(address, data, /)", ct_write, "Copy data to address."},
    {"_memmove(dst, src, size, /)", ct_memmove, nullptr},
    {"_memset(dst, c, size, /)", ct_memset, nullptr},
    {"_strlen(address, /)", ct_strlen, nullptr},
    {"_wcslen(address, /)", ct_wcslen, nullptr},
    {"_ld_read(address, /)", ct_ld_read, nullptr},
    {"_ld_write(address, value, /)", ct_ld_write, nullptr},
    {"dlopen(name, flag=None, /)", ct_dlopen, "dlopen a library"},
    {"_dlsym(handle, name, /)", ct_dlsym, nullptr},
    {"dlclose(handle, /)", ct_dlclose, "dlclose a library"},
    {"get_errno()", ct_get_errno, nullptr},
    {"set_errno(value, /)", ct_set_errno, nullptr},
    {"_native_addrs()", ct_native_addrs, nullptr},
    {"_obj_word(obj, /)", ct_obj_word, nullptr},
    {nullptr}};

void ctypes_init_once() {
  Type* t = &g_mem_type;
  t->name = "_ctypes._Mem";
  t->basic_size = sizeof(MemObject);
  t->tp_dealloc = mem_dealloc;
  t->doc = "Memory a ctypes object lives in.";
  type_ready(t);
}

struct LayerSource {
  const char* file;
  const char* text;
};

}  // namespace

Ref<> ctypes_module_create() {
  static std::once_flag once;
  std::call_once(once, ctypes_init_once);
  Ref<> m = module_new("_ctypes");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kCtypesFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  if (ctypes_ffi_add(m.val()) < 0) return nullptr;
  struct IntConst {
    const char* name;
    int64_t v;
  };
  const IntConst consts[] = {{"RTLD_LOCAL", RTLD_LOCAL}, {"RTLD_GLOBAL", RTLD_GLOBAL},
                             {"FUNCFLAG_CDECL", 1},      {"FUNCFLAG_HRESULT", 2},
                             {"FUNCFLAG_PYTHONAPI", 4},  {"FUNCFLAG_USE_ERRNO", 8},
                             {"FUNCFLAG_USE_LASTERROR", 16}};
  for (const IntConst& c : consts) {
    Ref<> v = int_from_int64(c.v);
    if (!v || dict_set_item_str(d, c.name, v.val()) < 0) return nullptr;
  }
  Ref<> ver = str_from_utf8("1.1.0");
  if (!ver || dict_set_item_str(d, "__version__", ver.val()) < 0) return nullptr;
  if (dict_set_item_str(d, "__builtins__", Value(g_interp.builtins_mod)) < 0) return nullptr;
  const LayerSource layers[] = {{"<_ctypes simple>", kCtypesSimplePy},
                                {"<_ctypes struct>", kCtypesStructPy},
                                {"<_ctypes pointer>", kCtypesPointerPy},
                                {"<_ctypes funcptr>", kCtypesFuncPtrPy}};
  for (const LayerSource& l : layers) {
    Ref<> code = compile_source(l.text, l.file, CompileMode::kExec);
    if (!code) return nullptr;
    Ref<> r = vm_exec_code(code.val().as<Code>(), d, Value());
    if (!r) return nullptr;
  }
  return m;
}

}  // namespace ftpy
