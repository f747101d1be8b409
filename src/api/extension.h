// Native extension modules: shared objects on sys.path that export
// `ftpy_init_NAME` returning an ftpy_module_def (include/ftpy/ftpy.h;
// docs/native_api.md). The import system (vm/import.cpp) finds the file;
// this loads it.
//
// Thread safety: loading runs outside the import lock, because a module that
// does not declare free-threading support turns the GIL on, which stops the
// world (a thread holding a plain mutex while the world stops could deadlock
// against threads waiting for it). Two threads racing to import the same
// module may both run its exec hook; import.cpp publishes only the first.
// The MethodDef cache is guarded by its own mutex (a leaf lock).
#pragma once

#include <string>

#include "ftpy/ftpy.h"
#include "objects/native.h"
#include "runtime/ref.h"

namespace ftpy {

// File-name suffixes of native modules, tried in this order after a package
// directory and before NAME.py.
inline constexpr const char* kExtensionSuffixes[] = {FTPY_EXT_SUFFIX, ".so"};

// Load the module `fullname` (a str) from `path`: dlopen, check the ABI
// version, apply the GIL declaration, create the module, add its functions,
// run its exec hook. Returns the module, or null with ImportError (or the
// hook's error) pending.
Ref<> extension_load(Value fullname, const std::string& path);

// The internal MethodDef for a public definition: made once per definition
// (kMethExternal, signature parsed) and kept for the rest of the run.
const MethodDef* extension_method_def(const ftpy_method_def* def);

}  // namespace ftpy
