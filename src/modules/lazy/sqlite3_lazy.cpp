// The table of libsqlite3 (see sqlite3_lazy.h).
// FTPY_SONAME comes from CMakeLists.txt (the SONAME of the library found at
// configure time).
#define FTPY_LAZY_DEFINE
#include "modules/lazy/sqlite3_lazy.h"

#include <iterator>

namespace ftpy {

Sqlite3Syms sqlite3_syms;

namespace {

const char* const kNames[] = {
#define X(n) #n,
#define D(n) #n,
#include "modules/lazy/sqlite3_syms.inc"
#undef X
#undef D
};

void install(void* const* resolved) {
  size_t i = 0;
#define X(n) sqlite3_syms.n = reinterpret_cast<decltype(sqlite3_syms.n)>(resolved[i++]);
#define D(n) sqlite3_syms.n = static_cast<decltype(sqlite3_syms.n)>(resolved[i++]);
#include "modules/lazy/sqlite3_syms.inc"
#undef X
#undef D
}

}  // namespace

LazyLib sqlite3_lib{FTPY_SONAME, kNames, std::size(kNames), install};

}  // namespace ftpy
