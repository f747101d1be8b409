// Runtime start-up and shutdown. The order below matters: the type objects
// of object/type/str/dict/tuple reference each other, interned identifiers
// need str, and readying any type creates descriptors and dicts.
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <string>
#include <sys/stat.h>

#include "modules/atexit_module.h"
#include "modules/builtins_module.h"
#include "modules/module_table.h"
#include "modules/sys_module.h"
#include "objects/bytearray.h"
#include "objects/bytes.h"
#include "objects/codecs.h"
#include "objects/complex.h"
#include "objects/memoryview.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/iter.h"
#include "objects/generic_alias.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/slice.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "objects/type_internal.h"
#include "runtime/gil.h"
#include "runtime/hash.h"
#include "runtime/interp.h"
#include "runtime/gc.h"
#include "runtime/thread_state.h"
#include "vm/function.h"
#include "vm/gen.h"
#include "vm/import.h"
#include "vm/safepoint.h"
#include "vm/traceback.h"

namespace ftpy {

Interp g_interp;
std::atomic<int> g_int_max_str_digits{4300};

// Declared next to each type's core.
void str_type_init_core();
void tuple_type_init_core();
void dict_type_init_core();
void list_type_init_core();
void int_type_init_core();
void float_type_init_core();
void complex_type_init_core();
void singletons_init();
void native_types_init();
void descriptor_types_init();
void slot_wrapper_types_ready();
void errors_init_memory_error();
void union_type_init();

std::string executable_path() {
  char buf[PATH_MAX];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return g_interp.config.program_name;
  buf[n] = '\0';
  return buf;
}

namespace {

bool dir_exists(const std::string& p) {
  struct stat st;
  return stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// sys.path: (the script directory is inserted by main), PYTHONPATH, ftpy's
// lib/, then a CPython standard library directory if one is installed.
bool init_sys_path() {
  Ref<> path;
  if (dict_get_item_str(g_interp.sys_dict, ids::path, &path) <= 0) return false;
  auto add = [&](const std::string& p) {
    Ref<Str> s = str_from_utf8(p);
    return s && list_append(path.val(), s.val()) >= 0;
  };
  const char* pp = g_interp.config.ignore_environment ? nullptr : std::getenv("PYTHONPATH");
  if (pp && *pp) {
    std::string all(pp);
    size_t start = 0;
    while (start <= all.size()) {
      size_t colon = all.find(':', start);
      std::string part = all.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
      if (!part.empty() && !add(part)) return false;
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  }
  // ftpy's own library: next to the executable's source tree, or installed.
  std::string exe = executable_path();
  std::string lib = std::string(FTPY_SOURCE_DIR) + "/lib";
  if (dir_exists(lib) && !add(lib)) return false;
  for (const char* std_dir : {"/usr/lib/python3.11", "/usr/lib/python3.12", "/usr/lib/python3.13"}) {
    if (dir_exists(std_dir)) {
      if (!add(std_dir)) return false;
      break;
    }
  }
  return true;
}

}  // namespace

Ref<> builtin_module_names_tuple() { return module_table_names(); }

bool runtime_init(const InterpConfig& config) {
  g_interp.config = config;
  hash_init_from_env();
  thread_attach_new(true);

  // Phase 1: the core types' static fields; object/type/str first.
  type_core_init();
  str_type_init_core();
  tuple_type_init_core();
  dict_type_init_core();
  list_type_init_core();
  int_type_init_core();
  float_type_init_core();
  complex_type_init_core();
  ids_init();

  // Phase 2: ready them (dicts, descriptors, dunder wrappers).
  slot_wrapper_types_ready();
  native_types_init();
  type_core_ready();
  // None/NotImplemented/Ellipsis next: readying a type stores None (__doc__).
  singletons_init();
  // staticmethod/classmethod/property before any type whose tables use them.
  descriptor_types_init();
  for (Type* t : {&g_str_type, &g_tuple_type, &g_dict_type, &g_list_type, &g_int_type, &g_bool_type, &g_float_type,
                  &g_complex_type})
    type_ready(t);
  exceptions_module_init();
  errors_init_memory_error();
  function_types_init();
  code_type_init();
  gen_types_init();
  traceback_types_init();
  iter_types_init();
  module_type_init();
  structseq_types_init();
  // Numbers, text and bytes: methods, constructors, codecs.
  int_module_init();
  float_module_init();
  complex_module_init();
  str_types_init();
  bytes_types_init();
  bytearray_types_init();
  memoryview_types_init();
  codecs_init();
  // Containers: views, iterators and the other built-in collection types.
  dict_module_init();
  list_module_init();
  tuple_module_init();
  slice_type_init();
  set_types_init();
  range_types_init();
  iterator_types_init();
  generic_alias_type_init();
  union_type_init();
  module_table_init_types();
  if (err_occurred()) return false;

  // Phase 3: sys.modules, builtins, sys.
  g_interp.modules = dict_new().release();
  Ref<> builtins = builtins_module_create();
  if (!builtins) return false;
  g_interp.builtins_mod = builtins.release();
  g_interp.builtins = Ref<>::borrow(module_dict(g_interp.builtins_mod)).release();
  Ref<> sys = sys_module_create();
  if (!sys) return false;
  g_interp.sys_mod = sys.release();
  g_interp.sys_dict = Ref<>::borrow(module_dict(g_interp.sys_mod)).release();
  if (builtins_add_site_names(g_interp.builtins) < 0) return false;
  if (dict_set_item_str(g_interp.modules, "builtins", g_interp.builtins_mod) < 0) return false;
  if (dict_set_item_str(g_interp.modules, "sys", g_interp.sys_mod) < 0) return false;
  module_table_register_all();
  if (!init_sys_path()) return false;
  gil_configure(config.gil);
  signals_init();
  return !err_occurred();
}

namespace {
// threading._shutdown() joins non-daemon threads, if threading was imported.
int join_threads() {
  Ref<> threading;
  if (dict_get_item_str(g_interp.modules, str_intern("threading"), &threading) <= 0) {
    err_clear();
    return 0;
  }
  Ref<> sd = getattr_opt(threading.val(), Value(str_intern("_shutdown")));
  if (!sd) {
    err_clear();
    return 0;
  }
  Ref<> r = call0(sd.val());
  if (!r) {
    Ref<> e = err_fetch();
    if (e) print_exception_to_stderr(e.val());
    return 1;
  }
  return 0;
}

// Sets a global to None; a finalizer's error is reported and ignored (the
// finalizer machinery prints it), anything else is dropped.
void release_global(Value d, Value key) {
  if (dict_set_item(d, key, none()) < 0) err_clear();
}

// At exit, __main__'s globals are released so that objects only they keep
// alive are finalized, as CPython does when it tears modules down. The
// order follows what CPython 3.11 prints for such programs: first the
// globals bound to objects with a __del__ (in definition order, so `x =
// D(1); y = D(2)` prints 1 then 2), then a collection (cycles among what
// remains, such as an instance pointing at itself), then every other global
// in order (containers: a list releases its items last first), then a last
// collection. Other modules are left alone: their teardown order in CPython
// depends on its import machinery, and ftpy's lib/ modules outlive __main__.
// Skipped while any other thread is alive (a daemon thread may still read
// these globals).
void release_main_globals() {
  {
    std::lock_guard<std::mutex> lock(runtime_mutex());
    if (thread_count_locked() > 1) return;
  }
  Ref<> m;
  if (dict_get_item_str(g_interp.modules, str_intern("__main__"), &m) <= 0 || !is_module(m.val())) {
    err_clear();
    return;
  }
  Value d = module_dict(m.val());
  Ref<> keys = dict_keys_list(d);
  if (!keys) {
    err_clear();
    return;
  }
  int64_t n = list_size(keys.val());
  for (int64_t i = 0; i < n; i++) {
    Ref<> k = list_get(keys.val(), i), v;
    if (!k || dict_get_item(d, k.val(), &v) <= 0) {
      err_clear();
      continue;
    }
    if (v.val().is_obj() && type_of(v.val())->tp_finalize) release_global(d, k.val());
  }
  gc_collect(2, false);
  for (int64_t i = 0; i < n; i++) {
    Ref<> k = list_get(keys.val(), i);
    if (!k) {
      err_clear();
      continue;
    }
    if (is_str(k.val()) && str_view(k.val()) == "__builtins__") continue;
    release_global(d, k.val());
  }
  gc_collect(2, false);
  err_clear();
}
}  // namespace

int runtime_shutdown_threads() {
  int status = join_threads();
  // Then the atexit functions, as in CPython's finalisation order.
  atexit_run_callbacks();
  return status;
}

void runtime_finalize() {
  flush_std_streams();
  release_main_globals();
  g_interp.finalizing.store(true);
  flush_std_streams();
}

}  // namespace ftpy
