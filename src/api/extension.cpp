// Loading native extension modules (extension.h).
#include "api/extension.h"

#include <dlfcn.h>

#include <mutex>
#include <unordered_map>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/ids.h"
#include "objects/module.h"
#include "objects/str.h"
#include "runtime/gil.h"

namespace ftpy {

namespace {

using ModuleInitFn = const ftpy_module_def* (*)();

std::nullptr_t import_error(const std::string& message, Value name, const std::string& path) {
  err_set_str(g_ImportError, message.c_str());
  Value e = err_peek();
  Ref<Str> p = str_from_utf8(path);
  if (!e.is_null() && p) {
    exception_set_extra(e, kImportName, name);
    exception_set_extra(e, kImportPath, p.val());
  }
  return nullptr;
}

int add_functions(Value module, Value modname, const ftpy_method_def* defs) {
  if (!defs) return 0;
  Value d = module_dict(module);
  for (const ftpy_method_def* def = defs; def->signature; def++) {
    const MethodDef* m = extension_method_def(def);
    Ref<> f = native_function_new(m, module, modname);
    if (!f || dict_set_item(d, m->parsed->name, f.val()) < 0) return -1;
  }
  return 0;
}

}  // namespace

const MethodDef* extension_method_def(const ftpy_method_def* def) {
  static std::mutex mu;  // a leaf: nothing that may block or detach runs under it
  static auto* cache = new std::unordered_map<const ftpy_method_def*, const MethodDef*>();
  {
    std::lock_guard<std::mutex> g(mu);
    auto it = cache->find(def);
    if (it != cache->end()) return it->second;
  }
  // Parsed outside the lock (it interns strings). A bad signature aborts: a
  // programming error, as for built-in tables. A thread losing a race to
  // define the same function leaks one small MethodDef.
  auto* made = new MethodDef{def->signature, reinterpret_cast<NativeFn>(reinterpret_cast<void (*)()>(def->function)),
                             def->doc, kMethExternal, native_parse_signature(def->signature, nullptr)};
  std::lock_guard<std::mutex> g(mu);
  return cache->emplace(def, made).first->second;
}

Ref<> extension_load(Value fullname, const std::string& path) {
  std::string full(str_view(fullname));
  std::string leaf = full.substr(full.rfind('.') + 1);  // npos + 1 == 0
  // Modules are never unloaded: their functions may be referenced anywhere.
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) return import_error(dlerror(), fullname, path);
  std::string symbol = "ftpy_init_" + leaf;
  auto init = reinterpret_cast<ModuleInitFn>(dlsym(handle, symbol.c_str()));
  if (!init) return import_error("dynamic module does not define module export function (" + symbol + ")", fullname, path);
  const ftpy_module_def* def = init();
  if (!def) {
    if (!err_occurred()) err_format(g_SystemError, "initialization of %s failed without raising an exception", leaf.c_str());
    return nullptr;
  }
  if (def->abi_version != FTPY_ABI_VERSION)
    return import_error("module " + full + " was built for ftpy ABI version " + std::to_string(def->abi_version) +
                            ", but this interpreter has ABI version " + std::to_string(FTPY_ABI_VERSION),
                        fullname, path);
  // CPython's Py_mod_gil: decided before any of the module's code runs.
  if (def->gil != FTPY_MOD_GIL_NOT_USED && gil_enable_for_module(full.c_str()) < 0) return nullptr;
  Ref<> m = module_new(fullname);
  if (!m) return nullptr;
  Value d = module_dict(m.val());
  Ref<Str> file = str_from_utf8(path);
  if (!file || dict_set_item(d, Value(ids::__file__), file.val()) < 0) return nullptr;
  // __package__ as importlib sets it for a module: its parent package.
  size_t dot = full.rfind('.');
  Ref<Str> package = str_from_utf8(dot == std::string::npos ? "" : full.substr(0, dot));
  if (!package || dict_set_item(d, Value(ids::__package__), package.val()) < 0) return nullptr;
  if (def->doc) {
    Ref<Str> doc = str_from_utf8(def->doc);
    if (!doc || dict_set_item(d, Value(ids::__doc__), doc.val()) < 0) return nullptr;
  }
  if (add_functions(m.val(), fullname, def->methods) < 0) return nullptr;
  if (def->exec && def->exec(m.val().bits()) < 0) {
    if (!err_occurred()) err_format(g_SystemError, "execution of module %s failed without setting an exception", leaf.c_str());
    return nullptr;
  }
  if (err_occurred()) {
    // CPython: a hook that succeeds with an exception set is a SystemError.
    err_clear();
    err_format(g_SystemError, "execution of module %s raised unreported exception", leaf.c_str());
    return nullptr;
  }
  return m;
}

}  // namespace ftpy
