#include "runtime/lazy_lib.h"

#include <dlfcn.h>

#include <vector>

#include "objects/errors.h"

namespace ftpy {

bool lazy_lib_load(LazyLib& lib, const char* module) {
  std::call_once(lib.once, [&lib] {
    // RTLD_NOW: every symbol resolves here, not at a first call in some
    // other thread. RTLD_LOCAL: the library's names stay out of the global
    // scope that native modules resolve against.
    void* h = dlopen(lib.soname, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
      const char* e = dlerror();
      lib.error = e ? e : "unknown dlopen error";
      return;
    }
    std::vector<void*> resolved(lib.count);
    for (size_t i = 0; i < lib.count; ++i) {
      dlerror();
      // dlsym on the handle also searches the library's own dependencies
      // (libcrypto for libssl, libtinfo for libncursesw).
      void* p = dlsym(h, lib.names[i]);
      if (!p) {
        const char* e = dlerror();
        lib.error = std::string("symbol ") + lib.names[i] + ": " + (e ? e : "not found");
        return;  // keep the handle: unloading could break a half-used library
      }
      resolved[i] = p;
    }
    lib.install(resolved.data());
    lib.ok = true;
  });
  if (lib.ok) return true;
  err_format(g_ImportError, "%s: cannot load %s: %s", module, lib.soname, lib.error.c_str());
  return false;
}

}  // namespace ftpy
