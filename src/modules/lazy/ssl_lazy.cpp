// The table of libssl (and libcrypto, found through its dependencies) (see ssl_lazy.h).
// FTPY_SONAME comes from CMakeLists.txt (the SONAME of the library found at
// configure time).
#define FTPY_LAZY_DEFINE
#include "modules/lazy/ssl_lazy.h"

#include <iterator>

namespace ftpy {

SslSyms ssl_syms;

namespace {

const char* const kNames[] = {
#define X(n) #n,
#define D(n) #n,
#include "modules/lazy/ssl_syms.inc"
#undef X
#undef D
};

void install(void* const* resolved) {
  size_t i = 0;
#define X(n) ssl_syms.n = reinterpret_cast<decltype(ssl_syms.n)>(resolved[i++]);
#define D(n) ssl_syms.n = static_cast<decltype(ssl_syms.n)>(resolved[i++]);
#include "modules/lazy/ssl_syms.inc"
#undef X
#undef D
}

}  // namespace

LazyLib ssl_lib{FTPY_SONAME, kNames, std::size(kNames), install};

}  // namespace ftpy
