// The import system (import.h).
#include "vm/import.h"
#include "vm/code_cache.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <atomic>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>

#include "api/extension.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/interp.h"
#include "runtime/parking_lot.h"
#include "runtime/pythonrun.h"
#include "vm/eval.h"
#include "modules/builtins_module.h"

namespace ftpy {

namespace {

std::map<std::string, BuiltinModuleInit, std::less<>>& builtin_table() {
  static auto* t = new std::map<std::string, BuiltinModuleInit, std::less<>>();
  return *t;
}

// --- import locks ------------------------------------------------------------------
// CPython's model, simplified. Each module being imported has a module lock,
// held by the importing thread from before it looks in sys.modules a second
// time until the module's body has finished. So
//  - threads importing different modules run their bodies in parallel;
//  - a thread importing a module that another thread is initializing waits
//    for that body to finish and then sees the complete module;
//  - the thread initializing a module may re-enter its lock, and a circular
//    import within one thread gets the partially initialized module.
// Deadlock between threads: before blocking on a module lock, a thread
// follows "owner of the lock -> the lock that owner waits for -> ..." and if
// that chain comes back to itself, it does not wait but takes the module as
// it is in sys.modules (partially initialized), as CPython does for a
// concurrent circular import; if the module is not there yet it raises
// ImportError("deadlock detected by _ModuleLock('name')").
//
// g_import_mu guards the module lock table and the waiting-for map. It is
// held only around short table updates that run no Python code; it is
// re-entrant per thread (an allocation in there could, in principle, run a
// finalizer that imports) and taken with lock_detached, as is every module
// lock, so a thread waiting for either never stalls a stop-the-world.
// Identifies the calling thread to the locks below (never null, unlike
// tstate() before start-up has finished).
thread_local char tl_import_self;
const void* import_self() { return &tl_import_self; }

class ReentrantLock {
 public:
  void lock() {
    const void* self = import_self();
    if (owner_.load(std::memory_order_relaxed) == self) {
      depth_++;
      return;
    }
    mu_.lock_detached();
    owner_.store(self, std::memory_order_relaxed);
    depth_ = 1;
  }
  bool held_by_me() const { return owner_.load(std::memory_order_relaxed) == import_self(); }
  bool held() const { return owner_.load(std::memory_order_relaxed) != nullptr; }
  void unlock() {
    if (--depth_ > 0) return;
    owner_.store(nullptr, std::memory_order_relaxed);
    mu_.unlock();
  }

 private:
  Mutex mu_;
  std::atomic<const void*> owner_{nullptr};  // read unlocked by would-be re-entrants
  int depth_ = 0;                             // only touched by the owner
};
ReentrantLock g_import_mu;

struct ImportLockGuard {
  ImportLockGuard() { g_import_mu.lock(); }
  ~ImportLockGuard() { g_import_mu.unlock(); }
  ImportLockGuard(const ImportLockGuard&) = delete;
  ImportLockGuard& operator=(const ImportLockGuard&) = delete;
};

struct ModuleLock {
  Mutex mu;                     // held while owned; waiters park on it detached
  const void* owner = nullptr;  // import_self() of the owner; guarded by g_import_mu
  int count = 0;                 // re-entry depth of the owner; guarded by g_import_mu
  int users = 0;                 // owners and waiters; the entry goes when it drops to 0
};
std::unordered_map<std::string, ModuleLock*>* g_module_locks;     // guarded by g_import_mu
std::unordered_map<const void*, ModuleLock*>* g_waiting_for;   // guarded by g_import_mu

}  // namespace

void import_lock_before_fork() { g_import_mu.lock(); }

void import_unlock_after_fork(bool child) {
  if (child && g_module_locks) {
    const void* self = import_self();
    for (auto it = g_module_locks->begin(); it != g_module_locks->end();) {
      // Left allocated: a gone thread's waiter record may still name it.
      if (it->second->owner != self) it = g_module_locks->erase(it);
      else ++it;
    }
    for (auto it = g_waiting_for->begin(); it != g_waiting_for->end();) {
      if (it->first != self) it = g_waiting_for->erase(it);
      else ++it;
    }
  }
  g_import_mu.unlock();
}

namespace {

ModuleLock* module_lock_ref_locked(const std::string& name) {
  if (!g_module_locks) {
    g_module_locks = new std::unordered_map<std::string, ModuleLock*>();
    g_waiting_for = new std::unordered_map<const void*, ModuleLock*>();
  }
  ModuleLock*& ml = (*g_module_locks)[name];
  if (!ml) ml = new ModuleLock();
  ml->users++;
  return ml;
}

void module_lock_unref_locked(const std::string& name, ModuleLock* ml) {
  if (--ml->users > 0) return;
  g_module_locks->erase(name);
  delete ml;
}

// Whether waiting for `ml` would close a cycle of threads waiting for each other.
bool would_deadlock_locked(ModuleLock* ml, const void* self) {
  size_t steps = g_waiting_for->size() + 1;
  for (ModuleLock* l = ml; l && l->owner && steps-- > 0;) {
    if (l->owner == self) return true;
    auto it = g_waiting_for->find(l->owner);
    l = it == g_waiting_for->end() ? nullptr : it->second;
  }
  return false;
}

// Takes the module lock of `name`. Returns it, or null if waiting would
// deadlock (nothing is held then). Blocks detached: may run a stop-the-world.
ModuleLock* module_lock_acquire(const std::string& name) {
  const void* self = import_self();
  ModuleLock* ml;
  {
    ImportLockGuard g;
    ml = module_lock_ref_locked(name);
    if (ml->owner == self) {
      ml->count++;
      return ml;
    }
    if (!ml->owner && ml->mu.try_lock()) {
      ml->owner = self;
      ml->count = 1;
      return ml;
    }
    if (would_deadlock_locked(ml, self)) {
      module_lock_unref_locked(name, ml);
      return nullptr;
    }
    (*g_waiting_for)[self] = ml;
  }
  ml->mu.lock_detached();  // safepoint: detached while parked
  ImportLockGuard g;
  g_waiting_for->erase(self);
  ml->owner = self;
  ml->count = 1;
  return ml;
}

void module_lock_release(const std::string& name, ModuleLock* ml) {
  ImportLockGuard g;
  if (--ml->count == 0) {
    ml->owner = nullptr;
    ml->mu.unlock();
  }
  module_lock_unref_locked(name, ml);
}

bool module_lock_owned_by_me(const std::string& name) {
  ImportLockGuard g;
  if (!g_module_locks) return false;
  auto it = g_module_locks->find(name);
  return it != g_module_locks->end() && it->second->owner == import_self();
}

// Holds a module lock for a scope.
class ModuleLockHold {
 public:
  explicit ModuleLockHold(const std::string& name) : name_(name), ml_(module_lock_acquire(name)) {}
  ~ModuleLockHold() {
    if (ml_) module_lock_release(name_, ml_);
  }
  ModuleLockHold(const ModuleLockHold&) = delete;
  ModuleLockHold& operator=(const ModuleLockHold&) = delete;
  bool deadlocked() const { return ml_ == nullptr; }

 private:
  std::string name_;
  ModuleLock* ml_;
};

bool is_dir(const std::string& p) {
  struct stat st;
  return stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}
bool is_file(const std::string& p) {
  struct stat st;
  return stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

Ref<> sys_modules_get(Value name) {
  Ref<> m;
  int r = dict_get_item(g_interp.modules, name, &m);
  if (r < 0) return nullptr;
  return m;
}

std::nullptr_t module_not_found(const std::string& name) {
  err_format(g_ModuleNotFoundError, "No module named '%s'", name.c_str());
  Ref<Str> n = str_from_utf8(name);
  Value e = err_peek();
  if (!e.is_null() && n) exception_set_extra(e, kImportName, n.val());
  return nullptr;
}

// sys.modules[name] = None blocks the import of name.
std::nullptr_t import_halted(const std::string& name) {
  err_format(g_ModuleNotFoundError, "import of %s halted; None in sys.modules", name.c_str());
  Ref<Str> n = str_from_utf8(name);
  Value e = err_peek();
  if (!e.is_null() && n) exception_set_extra(e, kImportName, n.val());
  return nullptr;
}

// Execute a module's source in its namespace (already marked initializing;
// the mark goes when the body ends).
Ref<> exec_module_source(Value module, const std::string& path) {
  Value d = module_dict(module);
  Ref<> code = code_cache_module_code(path);
  Ref<> r;
  if (code) r = vm_exec_code(code.val().as<Code>(), d, Value());
  module.as<Module>()->initializing.store(false, std::memory_order_release);
  return r ? Ref<>::borrow(module) : nullptr;
}

// A sys.path entry as the directory to look in: relative entries (and '' for
// the current directory) are taken from the working directory now, so that
// a module's __file__ is absolute, as CPython's path finder makes it.
// `cwd` caches the working directory for one search ("" until asked for;
// it stays "" if getcwd fails, and the entry is then used as it is).
std::string absolute_dir(std::string_view entry, std::string* cwd, bool* cwd_read) {
  if (!entry.empty() && entry[0] == '/') return std::string(entry);
  if (!*cwd_read) {
    *cwd_read = true;
    char buf[4096];
    if (getcwd(buf, sizeof buf)) *cwd = buf;
  }
  if (cwd->empty()) return entry.empty() ? std::string(".") : std::string(entry);
  if (entry.empty() || entry == ".") return *cwd;
  return *cwd + "/" + std::string(entry);
}

int path_entry_spec(Value entry, const std::string& dir, Value fname, Ref<>* spec);
Ref<> load_from_spec(Value fname, const std::string& leaf, Value parent_module, Value spec);

// Find module `fname` (its last part `leaf`, a module or package) in the
// entries of `search_path` (a list of str). The native search looks in
// each entry as a directory; where it finds nothing, the entry's path
// entry finder (a zipimporter for a zip archive; path_entry_spec) has its
// turn. On success fills *file and *pkgdir (empty for plain modules), or
// *hook_spec with a finder's spec (file and pkgdir empty). Returns false
// when nothing has the module, with an exception set if a finder raised.
bool find_in_path(Value search_path, Value fname, const std::string& leaf, std::string* file, std::string* pkgdir,
                  Ref<>* hook_spec) {
  std::string cwd;
  bool cwd_read = false;
  Ref<> seq = sequence_tuple(search_path);
  if (!seq) {
    err_clear();
    return false;
  }
  // The first namespace package portion a finder reported, and its entry.
  Ref<> ns_spec;
  int64_t ns_index = -1;
  for (int64_t i = 0; i < tuple_size(seq.val()); i++) {
    Value entry = tuple_item(seq.val(), i);
    if (!is_str(entry)) continue;
    std::string dir = absolute_dir(str_view(entry), &cwd, &cwd_read);
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();  // 'd/' names d/x.py, not d//x.py
    std::string pkg = dir + "/" + leaf;
    if (is_dir(pkg) && is_file(pkg + "/__init__.py")) {
      *file = pkg + "/__init__.py";
      *pkgdir = pkg;
      return true;
    }
    // Native extension modules come before source, as in CPython.
    for (const char* suffix : kExtensionSuffixes) {
      if (is_file(pkg + suffix)) {
        *file = pkg + suffix;
        pkgdir->clear();
        return true;
      }
    }
    if (is_file(pkg + ".py")) {
      *file = pkg + ".py";
      pkgdir->clear();
      return true;
    }
    Ref<> spec;
    int r = path_entry_spec(entry, dir, fname, &spec);
    if (r < 0) return false;
    if (r > 0) {
      Ref<> loader = getattr(spec.val(), "loader");
      if (!loader) return false;
      if (!is_none(loader.val())) {
        file->clear();
        pkgdir->clear();
        *hook_spec = std::move(spec);
        return true;
      }
      if (ns_index < 0) {
        ns_spec = std::move(spec);
        ns_index = i;
      }
    }
    // Namespace packages (a directory without __init__.py) are found last.
  }
  for (int64_t i = 0; i < tuple_size(seq.val()); i++) {
    if (i == ns_index) {
      file->clear();
      pkgdir->clear();
      *hook_spec = std::move(ns_spec);
      return true;
    }
    Value entry = tuple_item(seq.val(), i);
    if (!is_str(entry)) continue;
    std::string dir = absolute_dir(str_view(entry), &cwd, &cwd_read);
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    std::string pkg = dir + "/" + leaf;
    if (is_dir(pkg)) {
      file->clear();
      *pkgdir = pkg;
      return true;
    }
  }
  return false;
}

bool is_extension_file(const std::string& file) {
  return file.size() > 3 && file.compare(file.size() - 3, 3, ".so") == 0;
}

Ref<> import_dotted(const std::string& name);

// --- module specs ------------------------------------------------------------
// Every module gets a __spec__ and a __loader__ as in CPython. The objects
// are Python classes (lib/importlib/_bootstrap.py); the importer loads that
// module the first time it needs a spec and calls its _spec_for(name, file,
// package_dir). Modules that exist before then (sys, builtins, and those
// the bootstrap's own import loads) get theirs in one pass once it is there.
// If it cannot be imported (sys.path without lib/), modules keep
// __spec__ = None and imports go on.
//
// Thread safety: g_spec_for is published once with a CAS (the reference is
// kept for the life of the process); g_spec_state only moves forward. Two
// threads may both import the bootstrap: module locks make it load once.
std::atomic<Object*> g_spec_for{nullptr};
std::atomic<int> g_spec_state{0};  // 0 not tried, 1 ready, 2 unavailable
thread_local bool tl_loading_spec_bootstrap = false;

void set_spec(Value module, Value spec) {
  Value d = module_dict(module);
  Ref<> loader = getattr_opt(spec, str_intern("loader"));
  if (!loader) {
    err_clear();
    return;
  }
  if (dict_set_item(d, Value(ids::__spec__), spec) < 0 || dict_set_item(d, Value(ids::__loader__), loader.val()) < 0)
    err_clear();
}

// Calls _spec_for for one module; failures leave the module without a spec.
void attach_spec_with(Value fn, Value module, Value name, const std::string& file, const std::string& pkgdir) {
  Ref<Str> f = str_from_utf8(file), p = str_from_utf8(pkgdir);
  if (!f || !p) {
    err_clear();
    return;
  }
  Value args[3] = {name, f.val(), p.val()};
  Ref<> spec = call(fn, args, 3);
  if (!spec) {
    err_clear();
    return;
  }
  if (!is_none(spec.val())) set_spec(module, spec.val());
}

// Gives the modules already in sys.modules without a spec theirs (not
// __main__: a script's __spec__ is None, as in CPython).
void attach_missing_specs(Value fn) {
  Ref<> items = dict_items_list(g_interp.modules);
  if (!items) {
    err_clear();
    return;
  }
  for (int64_t i = 0; i < list_size(items.val()); i++) {
    Ref<> pair = list_get(items.val(), i);
    if (!pair) break;
    Value name = tuple_item(pair.val(), 0), module = tuple_item(pair.val(), 1);
    if (!is_str(name) || !is_module(module) || str_view(name) == "__main__") continue;
    Ref<> have;
    if (dict_get_item_str(module_dict(module), ids::__spec__, &have) < 0) {
      err_clear();
      continue;
    }
    if (have && !is_none(have.val())) continue;
    std::string file, pkgdir;
    Ref<> fv, pv;
    if (dict_get_item_str(module_dict(module), ids::__file__, &fv) > 0 && is_str(fv.val()))
      file = std::string(str_view(fv.val()));
    if (dict_get_item_str(module_dict(module), ids::__path__, &pv) > 0 && is_list(pv.val()) &&
        list_size(pv.val()) > 0) {
      Ref<> first = list_get(pv.val(), 0);
      if (first && is_str(first.val())) pkgdir = std::string(str_view(first.val()));
    }
    err_clear();
    if (file.empty() && !import_is_builtin(str_view(name))) continue;
    attach_spec_with(fn, module, name, file, pkgdir);
  }
}

// The bootstrap's _spec_for (borrowed), importing it on first use; null
// while it is being imported by this thread or if it is unavailable.
Value spec_for_fn() {
  if (Object* fn = g_spec_for.load(std::memory_order_acquire)) return Value(fn);
  if (tl_loading_spec_bootstrap || g_spec_state.load(std::memory_order_acquire) == 2) return Value();
  tl_loading_spec_bootstrap = true;
  Ref<> saved = err_fetch();
  Ref<> m = import_dotted("importlib._bootstrap");
  Ref<> fn;
  if (m) fn = getattr(m.val(), "_spec_for");
  err_clear();
  err_restore(std::move(saved));
  tl_loading_spec_bootstrap = false;
  if (!fn) {
    g_spec_state.store(2, std::memory_order_release);
    return Value();
  }
  Object* expected = nullptr;
  if (g_spec_for.compare_exchange_strong(expected, fn.val().obj(), std::memory_order_acq_rel)) {
    (void)fn.release();  // kept for the process's life
    g_spec_state.store(1, std::memory_order_release);
    attach_missing_specs(Value(g_spec_for.load(std::memory_order_acquire)));
  }
  return Value(g_spec_for.load(std::memory_order_acquire));
}

// Set while this thread runs _spec_for: a module it would import (it imports
// only built-in ones) gets no spec rather than recursing into the bootstrap.
thread_local bool tl_in_spec_for = false;

void attach_spec(Value module, Value name, const std::string& file, const std::string& pkgdir) {
  if (tl_in_spec_for) return;
  Value fn = spec_for_fn();
  if (fn.is_null()) return;
  tl_in_spec_for = true;
  attach_spec_with(fn, module, name, file, pkgdir);
  tl_in_spec_for = false;
}

// Bind a freshly imported submodule as an attribute of its parent package.
void bind_in_parent(Value parent_module, const std::string& leaf, Value m) {
  if (parent_module.is_null()) return;
  Ref<Str> leafs = str_from_utf8(leaf);
  if (!leafs || setattr(parent_module, leafs.val(), m) < 0) err_clear();
}

// A native module (api/extension.h): loaded under its module lock only (it
// may stop the world to turn the GIL on), then published.
Ref<> import_extension(Value fname, const std::string& file, Value parent_module, const std::string& leaf) {
  Ref<> m = extension_load(fname, file);
  if (!m) return nullptr;
  Ref<> first = sys_modules_get(fname);
  if (first) return first;
  if (err_occurred() || dict_set_item(g_interp.modules, fname, m.val()) < 0) return nullptr;
  if (is_module(m.val())) attach_spec(m.val(), fname, file, "");
  bind_in_parent(parent_module, leaf, m.val());
  return m;
}

// Loads `fullname` (not in sys.modules) while holding its module lock, by
// the native search (built-in modules, then files on sys.path or the
// parent's __path__). When it finds nothing and `not_found` is given, it
// sets *not_found and returns null without an exception.
Ref<> load_native(Value fname, const std::string& fullname, Value parent_module, bool* not_found) {
  size_t dot = fullname.rfind('.');
  std::string leaf = dot == std::string::npos ? fullname : fullname.substr(dot + 1);
  // Built-in modules (top level only).
  if (parent_module.is_null()) {
    auto it = builtin_table().find(fullname);
    if (it != builtin_table().end()) {
      Ref<> m = it->second();
      if (!m) return nullptr;
      if (dict_set_item(g_interp.modules, fname, m.val()) < 0) return nullptr;
      if (is_module(m.val())) attach_spec(m.val(), fname, "", "");
      return m;
    }
  }
  Ref<> search;
  if (parent_module.is_null()) {
    Ref<> p;
    if (dict_get_item_str(g_interp.sys_dict, ids::path, &p) <= 0) {
      if (not_found && !err_occurred()) {
        *not_found = true;
        return nullptr;
      }
      return module_not_found(fullname);
    }
    search = p;
  } else {
    search = getattr_opt(parent_module, Value(ids::__path__));
    if (!search) {
      if (err_occurred()) return nullptr;
      std::string parent = fullname.substr(0, dot);
      err_format(g_ModuleNotFoundError, "No module named '%s'; '%s' is not a package", fullname.c_str(),
                 parent.c_str());
      Ref<Str> n = str_from_utf8(fullname);
      Value e = err_peek();
      if (!e.is_null() && n) exception_set_extra(e, kImportName, n.val());  // ModuleNotFoundError.name
      return nullptr;
    }
  }
  std::string file, pkgdir;
  Ref<> hook_spec;
  if (!find_in_path(search.val(), fname, leaf, &file, &pkgdir, &hook_spec)) {
    if (err_occurred()) return nullptr;
    Ref<> meanwhile = sys_modules_get(fname);
    if (meanwhile) return meanwhile;
    if (err_occurred()) return nullptr;
    if (not_found) {
      *not_found = true;
      return nullptr;
    }
    return module_not_found(fullname);
  }
  // The search can run Python code (the first use of the path hooks
  // imports the bootstrap and zipimport), which may have imported this
  // very module meanwhile, in this thread (it holds the module's lock).
  Ref<> meanwhile = sys_modules_get(fname);
  if (meanwhile) return meanwhile;
  if (err_occurred()) return nullptr;
  if (hook_spec) return load_from_spec(fname, leaf, parent_module, hook_spec.val());
  if (is_extension_file(file)) return import_extension(fname, file, parent_module, leaf);
  Ref<> m = module_new(fname);
  if (!m) return nullptr;
  Value d = module_dict(m.val());
  if (!file.empty()) {
    Ref<Str> f = str_from_utf8(file);
    dict_set_item(d, Value(ids::__file__), f.val());
    // Its bytecode cache file (named whether or not it gets written), as
    // CPython's __cached__ names the .pyc.
    std::string cached = code_cache_path(file);
    if (!cached.empty()) {
      Ref<Str> c = str_from_utf8(cached);
      if (c) dict_set_item_str(d, "__cached__", c.val());
    }
  }
  if (!pkgdir.empty()) {
    Ref<Str> pd = str_from_utf8(pkgdir);
    Ref<List> path = list_new();
    list_append(path.val(), pd.val());
    dict_set_item(d, Value(ids::__path__), path.val());
    dict_set_item(d, Value(ids::__package__), fname);
  } else {
    std::string pkg = dot == std::string::npos ? "" : fullname.substr(0, dot);
    Ref<Str> p = str_from_utf8(pkg);
    dict_set_item(d, Value(ids::__package__), p.val());
  }
  dict_set_item(d, Value(ids::__builtins__), g_interp.builtins_mod);
  if (!file.empty()) attach_spec(m.val(), fname, file, pkgdir);
  if (!file.empty()) {
    // Marked initializing before it becomes visible in sys.modules, so that
    // other threads never take it for a finished module.
    m.val().as<Module>()->initializing.store(true, std::memory_order_release);
  }
  if (dict_set_item(g_interp.modules, fname, m.val()) < 0) return nullptr;
  if (!file.empty()) {
    Ref<> r = exec_module_source(m.val(), file);
    if (!r) {
      Ref<> exc = err_fetch();
      if (dict_del_item(g_interp.modules, fname) < 0) err_clear();
      err_restore(std::move(exc));
      return nullptr;
    }
  }
  // The module may have replaced itself in sys.modules.
  Ref<> final_m = sys_modules_get(fname);
  if (final_m) m = final_m;
  else if (err_occurred()) return nullptr;
  bind_in_parent(parent_module, leaf, m.val());
  return m;
}

// --- sys.meta_path -------------------------------------------------------------
// Finders a program puts on sys.meta_path (import hooks) are consulted in
// list order. The default entries (importlib._bootstrap's BuiltinImporter,
// FrozenImporter and PathFinder, which carry _ftpy_native_finder) stand for
// the native search; while the list holds nothing else the importer never
// leaves C++. Otherwise _bootstrap._meta_path_find walks the list and says
// where the native search comes in, or returns a finder's spec, which
// load_from_spec loads as CPython's _load_unlocked does.

// 1 if sys.meta_path holds a finder of the program's, 0 if not, -1 on error.
int meta_path_hooked() {
  Ref<> mp;
  if (dict_get_item_str(g_interp.sys_dict, str_intern("meta_path"), &mp) < 0) return -1;
  if (!mp || !is_list(mp.val()) || list_size(mp.val()) == 0) return 0;
  Value native_marker(str_intern("_ftpy_native_finder"));
  for (int64_t i = 0; i < list_size(mp.val()); i++) {
    Ref<> f = list_get(mp.val(), i);
    if (!f) return -1;
    Ref<> mark = getattr_opt(f.val(), native_marker);
    if (!mark) {
      if (err_occurred()) return -1;
      return 1;
    }
  }
  return 0;
}

// A helper of importlib._bootstrap (a new reference), importing it first.
Ref<> bootstrap_helper(const char* name) {
  if (spec_for_fn().is_null()) {
    if (!err_occurred()) err_format(g_ImportError, "importlib._bootstrap is unavailable");
    return nullptr;
  }
  Ref<> m = sys_modules_get(Ref<>(str_from_utf8("importlib._bootstrap")).val());
  if (!m) {
    if (!err_occurred()) err_format(g_ImportError, "importlib._bootstrap is unavailable");
    return nullptr;
  }
  return getattr(m.val(), name);
}

// --- sys.path_hooks ---------------------------------------------------------------
// For a path entry where the native search found nothing: the spec of the
// entry's finder in sys.path_importer_cache, made by sys.path_hooks when
// the entry is first met (_bootstrap._path_entry_spec). A directory is the
// native search's alone: it is answered here without leaving C++ (and
// without making the hooks, which import zipimport and half of importlib:
// about 7.5M instructions, a quarter of `import os`), as are entries whose
// cached finder is None (no hook took them) or a FileFinder (marked
// _ftpy_native_finder). Anything else (a zip archive, a path inside one,
// a missing entry, a program's own hook's entry) goes to the hooks once and
// is cached. `dir` is the entry made absolute ('' is cached under the
// working directory, as CPython's). Returns 1 with *spec set (a spec with
// a loader, or a namespace portion with loader None), 0 for nothing, -1
// with an exception set.
int path_entry_spec(Value entry, const std::string& dir, Value fname, Ref<>* spec) {
  // The bootstrap and what it imports load natively (it makes the hooks).
  if (tl_loading_spec_bootstrap || tl_in_spec_for) return 0;
  Ref<> cache;
  if (dict_get_item_str(g_interp.sys_dict, str_intern("path_importer_cache"), &cache) < 0) return -1;
  if (cache && is_dict(cache.val())) {
    Ref<> key = Ref<>::borrow(entry);
    if (str_view(entry).empty()) key = str_from_utf8(dir);
    if (!key) return -1;
    Ref<> finder;
    int r = dict_get_item(cache.val(), key.val(), &finder);
    if (r < 0) return -1;
    if (r > 0) {
      if (is_none(finder.val())) return 0;
      Ref<> mark = getattr_opt(finder.val(), str_intern("_ftpy_native_finder"));
      if (mark) return 0;
      if (err_occurred()) return -1;
    } else if (is_dir(dir)) {
      return 0;
    }
  }
  if (spec_for_fn().is_null()) return 0;  // no bootstrap (sys.path without lib/)
  Ref<> helper = bootstrap_helper("_path_entry_spec");
  if (!helper) return -1;
  Value args[2] = {entry, fname};
  Ref<> r = call(helper.val(), args, 2);
  if (!r) return -1;
  if (is_none(r.val())) return 0;
  *spec = std::move(r);
  return 1;
}

// Loads a module from the spec a meta path finder returned: the loader's
// module (module_from_spec), in sys.modules while its exec_module runs
// (marked initializing, so other threads wait for it), removed again if
// that fails. _bootstrap._load_legacy serves loaders without exec_module.
Ref<> load_from_spec(Value fname, const std::string& leaf, Value parent_module, Value spec) {
  Ref<> loader = getattr(spec, "loader");
  if (!loader) return nullptr;
  Ref<> exec = is_none(loader.val()) ? Ref<>() : getattr_opt(loader.val(), str_intern("exec_module"));
  if (!exec && err_occurred()) return nullptr;
  if (!exec) {
    Ref<> legacy = bootstrap_helper("_load_legacy");
    if (!legacy) return nullptr;
    Ref<> m = call1(legacy.val(), spec);
    if (!m) return nullptr;
    bind_in_parent(parent_module, leaf, m.val());
    return m;
  }
  Ref<> from_spec = bootstrap_helper("module_from_spec");
  if (!from_spec) return nullptr;
  Ref<> m = call1(from_spec.val(), spec);
  if (!m) return nullptr;
  if (is_module(m.val())) m.val().as<Module>()->initializing.store(true, std::memory_order_release);
  if (dict_set_item(g_interp.modules, fname, m.val()) < 0) return nullptr;
  Ref<> r = call1(exec.val(), m.val());
  if (is_module(m.val())) m.val().as<Module>()->initializing.store(false, std::memory_order_release);
  if (!r) {
    Ref<> exc = err_fetch();
    if (dict_del_item(g_interp.modules, fname) < 0) err_clear();
    err_restore(std::move(exc));
    return nullptr;
  }
  // The module may have replaced itself in sys.modules.
  Ref<> final_m = sys_modules_get(fname);
  if (!final_m) {
    if (!err_occurred()) err_format(g_KeyError, "%s", std::string(str_view(fname)).c_str());
    return nullptr;
  }
  bind_in_parent(parent_module, leaf, final_m.val());
  return final_m;
}

// Loads `fullname` (not in sys.modules) while holding its module lock:
// natively unless sys.meta_path holds a finder of the program's.
Ref<> load_unlocked(Value fname, const std::string& fullname, Value parent_module) {
  // The bootstrap itself (and what it imports) always loads natively.
  int hooked = tl_loading_spec_bootstrap || tl_in_spec_for ? 0 : meta_path_hooked();
  if (hooked < 0) return nullptr;
  if (hooked == 0) return load_native(fname, fullname, parent_module, nullptr);
  Ref<> path = Ref<>::borrow(none());
  if (!parent_module.is_null()) {
    path = getattr_opt(parent_module, Value(ids::__path__));
    if (!path) return load_native(fname, fullname, parent_module, nullptr);  // "not a package"
  }
  Ref<> walk = bootstrap_helper("_meta_path_find");
  if (!walk) return nullptr;
  size_t dot = fullname.rfind('.');
  std::string leaf = dot == std::string::npos ? fullname : fullname.substr(dot + 1);
  int64_t start = 0;
  bool native_done = false;
  for (;;) {
    Ref<> st = int_from_int64(start);
    if (!st) return nullptr;
    Value args[4] = {fname, path.val(), st.val(), native_done ? true_value() : false_value()};
    Ref<> r = call(walk.val(), args, 4);
    if (!r) return nullptr;
    if (is_none(r.val())) return module_not_found(fullname);
    if (!is_int(r.val())) return load_from_spec(fname, leaf, parent_module, r.val());
    // The native search's turn (at meta_path index r).
    bool not_found = false;
    Ref<> m = load_native(fname, fullname, parent_module, &not_found);
    if (m || !not_found) return m;
    native_done = true;
    if (!int_as_int64(r.val(), &start)) return err_format(g_ImportError, "bad meta path index");
    start++;
  }
}

// Import one fully-qualified module whose parent (if any) is already imported.
Ref<> import_one(const std::string& fullname, Value parent_module) {
  Ref<Str> fname = str_from_utf8(fullname);
  if (!fname) return nullptr;
  Ref<> m = sys_modules_get(fname.val());
  if (err_occurred()) return nullptr;
  if (m) {
    if (is_none(m.val())) return import_halted(fullname);
    // Complete, or ours to finish (a circular import within this thread).
    if (!is_module_initializing(m.val()) || module_lock_owned_by_me(fullname)) return m;
  }
  // Absent, or another thread is running its body: wait for its lock.
  ModuleLockHold hold(fullname);
  Ref<> now = sys_modules_get(fname.val());
  if (err_occurred()) return nullptr;
  if (now) return is_none(now.val()) ? import_halted(fullname) : now;
  if (hold.deadlocked()) return err_format(g_ImportError, "deadlock detected by _ModuleLock('%s')", fullname.c_str());
  // Not there (or its body failed in another thread): load it ourselves.
  return load_unlocked(fname.val(), fullname, parent_module);
}

// Import every component of a dotted name; returns the leaf module.
Ref<> import_dotted(const std::string& name) {
  Ref<> parent;
  size_t start = 0;
  for (;;) {
    size_t dot = name.find('.', start);
    std::string prefix = dot == std::string::npos ? name : name.substr(0, dot);
    Ref<> m = import_one(prefix, parent ? parent.val() : Value());
    if (!m) return nullptr;
    parent = m;
    if (dot == std::string::npos) return m;
    start = dot + 1;
  }
}

// The package a relative import in `globals` is relative to.
bool resolve_package(Value globals, int64_t level, std::string* out) {
  Ref<> pkg;
  if (!globals.is_null() && is_dict(globals)) {
    if (dict_get_item_str(globals, ids::__package__, &pkg) < 0) return false;
    if (!pkg || is_none(pkg.val())) {
      Ref<> name;
      if (dict_get_item_str(globals, ids::__name__, &name) > 0 && is_str(name.val())) {
        std::string n(str_view(name.val()));
        Ref<> path;
        if (dict_get_item_str(globals, ids::__path__, &path) > 0) {
          pkg = name;
        } else {
          size_t dot = n.rfind('.');
          pkg = str_from_utf8(dot == std::string::npos ? "" : n.substr(0, dot));
        }
      }
    }
  }
  if (!pkg || !is_str(pkg.val()) || str_view(pkg.val()).empty()) {
    err_set_str(g_ImportError, "attempted relative import with no known parent package");
    return false;
  }
  std::string base(str_view(pkg.val()));
  for (int64_t i = 1; i < level; i++) {
    size_t dot = base.rfind('.');
    if (dot == std::string::npos) {
      err_set_str(g_ImportError, "attempted relative import beyond top-level package");
      return false;
    }
    base = base.substr(0, dot);
  }
  *out = base;
  return true;
}

}  // namespace

void import_register_builtin(const char* name, BuiltinModuleInit init) { builtin_table()[name] = init; }
bool import_is_builtin(std::string_view name) { return builtin_table().find(name) != builtin_table().end(); }
BuiltinModuleInit import_builtin_init(std::string_view name) {
  auto it = builtin_table().find(name);
  return it == builtin_table().end() ? nullptr : it->second;
}

void import_global_lock_acquire() { g_import_mu.lock(); }
bool import_global_lock_release() {
  if (!g_import_mu.held_by_me()) return false;
  g_import_mu.unlock();
  return true;
}
bool import_global_lock_held() { return g_import_mu.held(); }

bool is_module_initializing(Value module) {
  if (!is_module(module)) return false;
  return module.as<Module>()->initializing.load(std::memory_order_acquire);
}

Ref<> import_module_level(Value name, Value globals, Value fromlist, int64_t level) {
  if (!is_str(name)) return err_format(g_TypeError, "module name must be str, not %s", type_name(type_of(name)));
  if (level < 0) return err_set_str(g_ValueError, "level must be >= 0");
  std::string n(str_view(name));
  std::string full = n;
  if (level > 0) {
    std::string base;
    if (!resolve_package(globals, level, &base)) return nullptr;
    full = n.empty() ? base : base + "." + n;
  } else if (n.empty()) {
    return err_set_str(g_ValueError, "Empty module name");
  }
  Ref<> leaf = import_dotted(full);
  if (!leaf) return nullptr;
  bool has_fromlist = !fromlist.is_null() && !is_none(fromlist) && truthy(fromlist) > 0;
  if (!has_fromlist) {
    // `import a.b.c` binds `a`.
    if (level == 0) {
      size_t dot = n.find('.');
      if (dot == std::string::npos) return leaf;
      Ref<Str> top = str_from_utf8(n.substr(0, dot));
      return sys_modules_get(top.val());
    }
    if (n.empty()) return leaf;
    // Relative `from . import x` always has a fromlist; a relative import
    // without one returns the first component after the package.
    size_t dot = n.find('.');
    if (dot == std::string::npos) return leaf;
    std::string cut = full.substr(0, full.size() - (n.size() - dot));
    Ref<Str> c = str_from_utf8(cut);
    return sys_modules_get(c.val());
  }
  // from package import submodule: import submodules named in fromlist.
  Ref<> path = getattr_opt(leaf.val(), Value(ids::__path__));
  if (path) {
    Ref<> seq = sequence_tuple(fromlist);
    if (!seq) return nullptr;
    for (int64_t i = 0; i < tuple_size(seq.val()); i++) {
      Value item = tuple_item(seq.val(), i);
      if (!is_str(item)) continue;
      std::string s(str_view(item));
      if (s == "*") continue;
      if (hasattr(leaf.val(), item) > 0) continue;
      Ref<> sub = import_one(full + "." + s, leaf.val());
      if (!sub) {
        // Only a missing submodule of exactly this name is ignored here;
        // IMPORT_FROM reports the ImportError.
        if (err_matches(g_ModuleNotFoundError)) {
          Value e = err_peek();
          Value en = exception_extra(e, kImportName);
          if (!en.is_null() && is_str(en) && str_view(en) == full + "." + s) {
            err_clear();
            continue;
          }
        }
        return nullptr;
      }
    }
  } else {
    err_clear();
  }
  return leaf;
}

Ref<> import_name(Frame* f, Value name, Value fromlist, Value level) {
  int64_t lvl = 0;
  if (!level.is_null() && !is_none(level) && !to_int64(level, &lvl)) return nullptr;
  // A user-replaced builtins.__import__ is honoured.
  Ref<> imp;
  int r = dict_get_item_str(f->builtins, ids::__import__, &imp);
  if (r < 0) return nullptr;
  if (r == 0) return err_set_str(g_ImportError, "__import__ not found");
  if (!is_builtin_import(imp.val())) {
    Value locals = f->locals.is_null() ? none() : f->locals;
    Ref<> lv = int_from_int64(lvl);
    Value args[5] = {name, f->globals, locals, fromlist.is_null() ? none() : fromlist, lv.val()};
    return call(imp.val(), args, 5);
  }
  return import_module_level(name, f->globals, fromlist, lvl);
}

Ref<> import_module(std::string_view name) {
  Ref<Str> n = str_from_utf8(name);
  if (!n) return nullptr;
  return import_dotted(std::string(name));
}

int import_all_from(Value locals, Value module) {
  Ref<> all = getattr_opt(module, Value(ids::__all__));
  bool skip_private = false;
  Ref<> names;
  if (all) {
    names = sequence_tuple(all.val());
  } else {
    if (err_occurred()) return -1;
    Ref<> d = getattr(module, Value(ids::__dict__));
    if (!d) return -1;
    Ref<> keys = call_method(d.val(), "keys", nullptr, 0);
    if (!keys) return -1;
    names = sequence_tuple(keys.val());
    skip_private = true;
  }
  if (!names) return -1;
  for (int64_t i = 0; i < tuple_size(names.val()); i++) {
    Value n = tuple_item(names.val(), i);
    if (!is_str(n)) {
      err_format(g_TypeError, "%s in %s.%s must be str, not %s", all ? "Item" : "Key",
                 str_utf8(getattr(module, Value(ids::__name__)).val()).c_str(), all ? "__all__" : "__dict__",
                 type_name(type_of(n)));
      return -1;
    }
    if (skip_private && str_view(n).size() > 0 && str_view(n)[0] == '_') continue;
    Ref<> v = getattr(module, n);
    if (!v) return -1;
    int r = is_dict_exact(locals) ? dict_set_item(locals, n, v.val()) : setitem(locals, n, v.val());
    if (r < 0) return -1;
  }
  return 0;
}

namespace {

// Sets sys.argv[0] (when there is one) to `value`.
void set_argv0(const std::string& value) {
  Ref<> argv;
  if (dict_get_item_str(g_interp.sys_dict, str_intern("argv"), &argv) > 0 && is_list(argv.val()) &&
      list_size(argv.val()) > 0) {
    Ref<Str> f = str_from_utf8(value);
    if (!f || setitem(argv.val(), Value::small(0), f.val()) < 0) err_clear();
  }
  err_clear();
}

// Runs, as __main__, the module a path entry finder found (a zip
// archive's): its loader's code in a fresh __main__ with the globals
// CPython's runpy._run_code sets from the spec (__file__ is its origin,
// __cached__ its cached).
ModuleRunResult run_spec_as_main(Value spec, const std::string& spec_name, const std::string& package,
                                 bool alter_argv) {
  Ref<> loader = getattr(spec, "loader");
  if (!loader) return ModuleRunResult::kRaised;
  Ref<Str> sn = str_from_utf8(spec_name);
  if (!sn) return ModuleRunResult::kRaised;
  Value arg = sn.val();
  Ref<> code = call_method(loader.val(), "get_code", &arg, 1);
  if (!code) return ModuleRunResult::kRaised;
  if (is_none(code.val())) {
    err_format(g_ImportError, "No code object available for %s", spec_name.c_str());
    return ModuleRunResult::kNotFound;
  }
  if (!is_code(code.val())) {
    err_format(g_TypeError, "get_code() returned %s, not a code object", type_name(type_of(code.val())));
    return ModuleRunResult::kRaised;
  }
  Ref<> origin = getattr(spec, "origin");
  Ref<> cached = origin ? getattr(spec, "cached") : nullptr;
  if (!cached) return ModuleRunResult::kRaised;
  if (alter_argv && is_str(origin.val())) set_argv0(std::string(str_view(origin.val())));
  Ref<> m = module_new("__main__");
  if (!m) return ModuleRunResult::kRaised;
  Value d = module_dict(m.val());
  Ref<Dict> ann = dict_new();
  Ref<Str> pkg = str_from_utf8(package);
  if (!ann || !pkg || dict_set_item(d, Value(ids::__annotations__), ann.val()) < 0 ||
      dict_set_item(d, Value(ids::__builtins__), g_interp.builtins_mod) < 0 ||
      dict_set_item(d, Value(ids::__file__), origin.val()) < 0 || dict_set_item_str(d, "__cached__", cached.val()) < 0 ||
      dict_set_item(d, Value(ids::__package__), pkg.val()) < 0 || dict_set_item(d, Value(ids::__spec__), spec) < 0 ||
      dict_set_item(d, Value(ids::__loader__), loader.val()) < 0 ||
      dict_set_item_str(g_interp.modules, "__main__", m.val()) < 0)
    return ModuleRunResult::kRaised;
  Ref<> r = vm_exec_code(code.val().as<Code>(), d, Value());
  return r ? ModuleRunResult::kOk : ModuleRunResult::kRaised;
}

// Whether a spec from a path entry finder is a package's (a regular
// package, or a namespace portion).
int spec_is_package(Value spec) {
  Ref<> locations = getattr(spec, "submodule_search_locations");
  if (!locations) return -1;
  return is_none(locations.val()) ? 0 : 1;
}

// runpy's _run_module_as_main for `name`: finds the module (or a package's
// __main__ submodule) natively or with the path entry finders and runs it
// as __main__. `alter_argv`: sys.argv[0] becomes the module's file (-m).
ModuleRunResult run_as_main(const std::string& name, bool alter_argv) {
  // Import the parent package (if any), then find the module's file.
  size_t dot = name.rfind('.');
  Ref<> parent;
  if (dot != std::string::npos) {
    parent = import_dotted(name.substr(0, dot));
    if (!parent) {
      if (!err_matches(g_ModuleNotFoundError)) return ModuleRunResult::kRaised;
      Ref<> exc = err_fetch();
      Ref<> msg = str(exc.val());
      if (!msg) return ModuleRunResult::kRaised;
      err_format(g_ImportError, "Error while finding module specification for '%s' (ModuleNotFoundError: %s)",
                 name.c_str(), std::string(str_view(msg.val())).c_str());
      return ModuleRunResult::kNotFound;
    }
  }
  Ref<> search;
  if (parent) {
    search = getattr_opt(parent.val(), Value(ids::__path__));
    if (!search) {
      if (err_occurred()) return ModuleRunResult::kRaised;
      err_format(g_ImportError, "No module named %s", name.c_str());
      return ModuleRunResult::kNotFound;
    }
  } else {
    if (dict_get_item_str(g_interp.sys_dict, ids::path, &search) <= 0) {
      err_format(g_ImportError, "No module named %s", name.c_str());
      return ModuleRunResult::kNotFound;
    }
  }
  std::string leaf = dot == std::string::npos ? name : name.substr(dot + 1);
  Ref<Str> fname = str_from_utf8(name);
  if (!fname) return ModuleRunResult::kRaised;
  std::string file, pkgdir;
  Ref<> hook_spec;
  if (!find_in_path(search.val(), fname.val(), leaf, &file, &pkgdir, &hook_spec)) {
    if (err_occurred()) return ModuleRunResult::kRaised;
    err_format(g_ImportError, "No module named %s", name.c_str());
    return ModuleRunResult::kNotFound;
  }
  int is_pkg = pkgdir.empty() ? 0 : 1;
  if (hook_spec) is_pkg = spec_is_package(hook_spec.val());
  if (is_pkg < 0) return ModuleRunResult::kRaised;
  std::string package = dot == std::string::npos ? "" : name.substr(0, dot);
  std::string spec_name = name;
  if (is_pkg) {
    if (leaf == "__main__") {
      err_set_str(g_ImportError, "Cannot use package as __main__ module");
      return ModuleRunResult::kNotFound;
    }
    // A package: import it, then run its __main__ submodule (found in its
    // __path__, natively or by the finder of a zip entry).
    Ref<> pkg = import_dotted(name);
    if (!pkg) return ModuleRunResult::kRaised;
    Ref<> pkg_path = getattr_opt(pkg.val(), Value(ids::__path__));
    if (!pkg_path && err_occurred()) return ModuleRunResult::kRaised;
    spec_name = name + ".__main__";
    package = name;
    Ref<Str> main_name = str_from_utf8(spec_name);
    if (!main_name) return ModuleRunResult::kRaised;
    hook_spec = nullptr;
    bool found = pkg_path && find_in_path(pkg_path.val(), main_name.val(), "__main__", &file, &pkgdir, &hook_spec);
    if (!found && err_occurred()) return ModuleRunResult::kRaised;
    int sub_pkg = found ? (hook_spec ? spec_is_package(hook_spec.val()) : !pkgdir.empty()) : 0;
    if (sub_pkg < 0) return ModuleRunResult::kRaised;
    if (!found || sub_pkg) {
      err_format(g_ImportError, "%s; '%s' is a package and cannot be directly executed",
                 found ? "Cannot use package as __main__ module" : ("No module named " + spec_name).c_str(),
                 name.c_str());
      return ModuleRunResult::kNotFound;
    }
  }
  if (hook_spec) return run_spec_as_main(hook_spec.val(), spec_name, package, alter_argv);
  if (is_extension_file(file)) {
    err_format(g_ImportError, "No code object available for %s", name.c_str());
    return ModuleRunResult::kNotFound;
  }
  if (alter_argv) set_argv0(file);  // sys.argv[0] is the module's file
  int r = run_main_file(file, &package, &spec_name);
  if (r == -2) {
    err_from_errno(errno, Ref<>(str_from_utf8(file)).val());
    return ModuleRunResult::kRaised;
  }
  return r == 0 ? ModuleRunResult::kOk : ModuleRunResult::kRaised;
}

// Whether the file at `path` ends with a zip archive's end-of-central-
// directory record (within the longest comment a zip may have): the cheap
// test before the path hooks are asked, so a plain script never loads them.
bool looks_like_zip(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  std::streamoff size = in.tellg();
  const std::streamoff tail = 22 + 65535;
  std::streamoff start = size > tail ? size - tail : 0;
  if (size < 22) return false;
  std::string buf(static_cast<size_t>(size - start), '\0');
  in.seekg(start);
  if (!in.read(buf.data(), static_cast<std::streamsize>(buf.size()))) return false;
  return buf.rfind(std::string_view("PK\x05\x06", 4)) != std::string::npos;
}

}  // namespace

ModuleRunResult run_module_as_main(const std::string& name) { return run_as_main(name, true); }

int import_main_path_kind(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return 0;
  if (S_ISDIR(st.st_mode)) return 1;
  if (!S_ISREG(st.st_mode) || !looks_like_zip(path)) return 0;
  // CPython asks sys.path_hooks: a file a hook (zipimporter) takes is run
  // from, anything else as source.
  if (spec_for_fn().is_null()) return 0;
  Ref<> helper = bootstrap_helper("_path_importer");
  Ref<Str> p = str_from_utf8(path);
  if (!helper || !p) return -1;
  Ref<> finder = call1(helper.val(), p.val());
  if (!finder) return -1;
  return is_none(finder.val()) ? 0 : 1;
}

ModuleRunResult run_path_as_main(const std::string& path) {
  ModuleRunResult r = run_as_main("__main__", false);
  if (r != ModuleRunResult::kNotFound) return r;
  // runpy's message names sys.path[0] (this path) by its repr.
  err_clear();
  Ref<Str> p = str_from_utf8(path);
  Ref<> pr = p ? repr(p.val()) : nullptr;
  if (!pr) return ModuleRunResult::kRaised;
  err_format(g_ImportError, "can't find '__main__' module in %s", std::string(str_view(pr.val())).c_str());
  return ModuleRunResult::kNotFound;
}

int run_main_file(const std::string& path, const std::string* package, const std::string* spec_name) {
  std::string src;
  if (!read_file(path, &src)) return -2;
  Ref<> m = module_new("__main__");
  if (!m) return -1;
  Value d = module_dict(m.val());
  // CPython's __main__ globals, in its order: ..., __spec__, __annotations__
  // (an empty dict made at start-up), __builtins__, __file__, __cached__ (None).
  Ref<Dict> ann = dict_new();
  if (!ann || dict_set_item(d, Value(ids::__annotations__), ann.val()) < 0) return -1;
  dict_set_item(d, Value(ids::__builtins__), g_interp.builtins_mod);
  Ref<Str> f = str_from_utf8(path);
  dict_set_item(d, Value(ids::__file__), f.val());
  // -m: runpy names the module's cache file (its spec's `cached`); a script has none.
  std::string cached = spec_name ? code_cache_path(path) : std::string();
  if (!cached.empty()) {
    Ref<Str> c = str_from_utf8(cached);
    if (!c || dict_set_item_str(d, "__cached__", c.val()) < 0) return -1;
  } else {
    dict_set_item_str(d, "__cached__", none());
  }
  if (package) {
    Ref<Str> p = str_from_utf8(*package);
    if (!p || dict_set_item(d, Value(ids::__package__), p.val()) < 0) return -1;
  }
  if (spec_name) {
    // -m: __spec__ describes the module that runs as __main__.
    Ref<Str> sn = str_from_utf8(*spec_name);
    if (sn) attach_spec(m.val(), sn.val(), path, "");
    err_clear();
  }
  Ref<Str> mainname = str_from_utf8("__main__");
  dict_set_item(g_interp.modules, mainname.val(), m.val());
  // A script is read and compiled as a file; -m runs the module's code
  // the way an import does, from its bytecode cache when that is valid
  // (and writes the cache, unless -B), as CPython's runpy gets it from
  // the module's loader.
  if (spec_name) {
    Ref<> code = code_cache_module_code(path);
    if (!code) return -1;
    Ref<> r = vm_exec_code(code.val().as<Code>(), d, Value());
    return r ? 0 : -1;
  }
  Ref<> r = run_source(src, path, CompileMode::kExec, d, Value(), kFtpyCFFileInput);
  return r ? 0 : -1;
}

}  // namespace ftpy
