#include "modules/module_table.h"

#include <cstring>

#include "modules/thread_module.h"
#include "objects/errors.h"
#include "objects/list.h"
#include "modules/array_module.h"
#include "modules/ast_module.h"
#include "modules/binascii_module.h"
#include "modules/cmath_module.h"
#include "modules/collections_module.h"
#include "modules/datetime_module.h"
#include "modules/errno_module.h"
#include "modules/locale_module.h"
#include "modules/lsprof_module.h"
#include "modules/functools_module.h"
#include "modules/atexit_module.h"
#include "modules/gc_module.h"
#include "modules/hashlib_module.h"
#include "modules/io_module.h"
#include "modules/itertools_module.h"
#include "modules/json_module.h"
#include "modules/heapq_module.h"
#include "modules/bisect_module.h"
#include "modules/cjk_stateful.h"
#include "modules/ftpy_codecs_module.h"
#include "modules/math_module.h"
#include "modules/operator_module.h"
#include "modules/posix_module.h"
#include "modules/pwd_module.h"
#include "modules/grp_module.h"
#include "modules/resource_module.h"
#include "modules/fcntl_module.h"
#include "modules/termios_module.h"
#include "modules/faulthandler_module.h"
#include "modules/syslog_module.h"
#include "modules/random_module.h"
#include "modules/signal_module.h"
#include "modules/struct_module.h"
#include "modules/time_module.h"
#include "modules/unicodedata_module.h"
#include "modules/zlib_module.h"
#include "modules/pyexpat_module.h"
#include "modules/bz2_module.h"
#include "modules/re_module.h"
#include "modules/lzma_module.h"
#include "modules/select_module.h"
#include "modules/socket_module.h"
#include "modules/posixsubprocess_module.h"
#include "modules/mmap_module.h"
#include "modules/multiprocessing_module.h"
#include "modules/posixshmem_module.h"
#include "modules/sqlite3_module.h"
#include "modules/ctypes_module.h"
#include "modules/readline_module.h"
#include "modules/curses_module.h"
#include "modules/ssl_module.h"
#include "modules/imp_module.h"
#include "modules/symtable_module.h"
#include "modules/tracemalloc_module.h"
#include "modules/pickle_module.h"
#include "vm/code_cache.h"
#include "objects/weakref.h"
#include "objects/str.h"
#include "runtime/interp.h"
#include "vm/import.h"

namespace ftpy {

namespace {

Ref<> sys_module_existing() { return Ref<>::borrow(g_interp.sys_mod); }
Ref<> builtins_module_existing() { return Ref<>::borrow(g_interp.builtins_mod); }

struct ModuleRow {
  const char* name;
  BuiltinModuleInit create;
};

const ModuleRow kModules[] = {
    {"builtins", builtins_module_existing},
    {"sys", sys_module_existing},
    {"_thread", thread_module_create},
    {"_weakref", weakref_module_create},
    {"math", math_module_create},
    {"itertools", itertools_module_create},
    {"_collections", collections_module_create},
    {"_functools", functools_module_create},
    {"_operator", operator_module_create},
    {"_json", json_module_create},
    {"_heapq", heapq_module_create},
    {"_bisect", bisect_module_create},
    {"_ftpy_cjk", cjk_module_create},
    {"_ftpy_codecs", ftpy_codecs_module_create},
    {"_random", random_module_create},
    {"_struct", struct_module_create},
    {"_datetime", datetime_module_create},
    {"array", array_module_create},
    {"_ast", ast_module_create},
    {"_hashlib", hashlib_module_create},
    {"_sha2", sha2_module_create},
    {"binascii", binascii_module_create},
    {"_io", io_module_create},
    {"posix", posix_module_create},
    {"errno", errno_module_create},
    {"_locale", locale_module_create},
    {"_lsprof", lsprof_module_create},
    {"time", time_module_create},
    {"gc", gc_module_create},
    {"atexit", atexit_module_create},
    {"_signal", signal_module_create},
    {"unicodedata", unicodedata_module_create},
    {"cmath", cmath_module_create},
    {"zlib", zlib_module_create},
    {"pyexpat", pyexpat_module_create},
    {"_bz2", bz2_module_create},
    {"_ftpy_sre", re_module_create},
    {"_lzma", lzma_module_create},
    {"select", select_module_create},
    {"_socket", socket_module_create},
    {"_posixsubprocess", posixsubprocess_module_create},
    {"pwd", pwd_module_create},
    {"grp", grp_module_create},
    {"resource", resource_module_create},
    {"fcntl", fcntl_module_create},
    {"termios", termios_module_create},
    {"faulthandler", faulthandler_module_create},
    {"syslog", syslog_module_create},
    {"mmap", mmap_module_create},
    {"_multiprocessing", multiprocessing_module_create},
    {"_posixshmem", posixshmem_module_create},
    {"_sqlite3", sqlite3_module_create},
    {"_ctypes", ctypes_module_create},
    {"readline", readline_module_create},
    {"_curses", curses_module_create},
    {"_curses_panel", curses_panel_module_create},
    {"_ssl", ssl_module_create},
    {"_imp", imp_module_create},
    {"_symtable", symtable_module_create},
    {"_tracemalloc", tracemalloc_module_create},
    {"_pickle", pickle_module_create},
    {"_ftpy_codecache", code_cache_module_create},
};

}  // namespace

void module_table_init_types() {
  weakref_types_init();
  io_types_init();  // builtins.open works before `import io`
}

void module_table_register_all() {
  for (const ModuleRow& r : kModules) import_register_builtin(r.name, r.create);
}

Ref<> module_table_names() {
  Ref<List> l = list_new();
  for (const ModuleRow& r : kModules) {
    Ref<Str> s = str_from_utf8(r.name);
    if (!s || list_append(l.val(), s.val()) < 0) return nullptr;
  }
  if (list_sort(l.val(), Value(), false) < 0) return nullptr;
  return list_as_tuple(l.val());
}

}  // namespace ftpy
