// libsqlite3, loaded at the first import of its module (runtime/lazy_lib.h).
// Include this header LAST in every .cpp that calls the library: after it,
// each name listed in sqlite3_syms.inc means the entry of the table sqlite3_syms
// (filled by lazy_lib_load(sqlite3_lib, ...), which the module's create
// function calls before anything else). The list is generated and checked by
// tools/gen_lazy_syms.py.
#pragma once

#include <sqlite3.h>

#include "runtime/lazy_lib.h"

namespace ftpy {

// Written once under sqlite3_lib's call_once, read-only afterwards.
struct Sqlite3Syms {
#define X(n) decltype(&::n) n;
#define D(n) decltype(&::n) n;
#include "modules/lazy/sqlite3_syms.inc"
#undef X
#undef D
};
extern Sqlite3Syms sqlite3_syms;
extern LazyLib sqlite3_lib;

}  // namespace ftpy

#ifndef FTPY_LAZY_DEFINE
#include "modules/lazy/sqlite3_redirect.inc"
#endif
