// The import system: built-in (C++) modules, then packages, native extension
// modules (api/extension.h) and source files found on sys.path, with CPython's ImportError/
// ModuleNotFoundError messages, relative imports and circular-import
// tolerance (a module is in sys.modules while its body runs).
//
// Thread safety: per-module import locks (CPython's model; import.cpp says
// how deadlocks between threads are broken): a thread importing a module that
// another thread is initializing waits for it to finish; different modules
// import in parallel. Waiting threads are detached.
#pragma once

#include <string>
#include <string_view>

#include "runtime/ref.h"
#include "vm/frame.h"

namespace ftpy {

using BuiltinModuleInit = Ref<> (*)();

// Register a built-in module by name (before or after start-up).
void import_register_builtin(const char* name, BuiltinModuleInit init);
bool import_is_builtin(std::string_view name);
// The init function of built-in module `name`, or null (_imp.create_builtin).
BuiltinModuleInit import_builtin_init(std::string_view name);

// The global import lock as _imp exposes it (acquire_lock/release_lock/
// lock_held): the re-entrant lock that guards the module lock table, which a
// thread may hold across Python code. release returns false (nothing done)
// when the calling thread does not hold it.
void import_global_lock_acquire();
bool import_global_lock_release();
bool import_global_lock_held();

// IMPORT_NAME from a frame: `__import__(name, globals, locals, fromlist, level)`.
Ref<> import_name(Frame* f, Value name, Value fromlist, Value level);
// __import__ semantics.
Ref<> import_module_level(Value name, Value globals, Value fromlist, int64_t level);
// import a dotted name and return the leaf module (importlib.import_module).
Ref<> import_module(std::string_view name);
// from module import * into `locals`.
int import_all_from(Value locals, Value module);
bool is_module_initializing(Value module);
// Run `path` as the __main__ module (ftpy script.py); `package` sets
// __package__ (for -m). 0 ok, -1 exception pending, -2 unreadable (errno).
// spec_name (for -m): the module whose spec __main__ gets.
int run_main_file(const std::string& path, const std::string* package = nullptr,
                  const std::string* spec_name = nullptr);
// ftpy -m name: locate the module (or package/__main__.py) and run it as
// __main__. kNotFound leaves pending the ImportError that CPython's runpy
// reports as "<executable>: <message>"; kRaised the program's own exception.
enum class ModuleRunResult { kOk, kRaised, kNotFound };
ModuleRunResult run_module_as_main(const std::string& name);
// ftpy PATH where PATH is a directory or a zip archive (a file a path hook
// takes): 1, run it with run_path_as_main; 0, run it as a source file;
// -1 with an exception pending.
int import_main_path_kind(const std::string& path);
// Runs the __main__ module found on sys.path (whose first entry the caller
// has made `path`), as CPython runs a directory or zip archive; kNotFound
// leaves pending "can't find '__main__' module in 'PATH'".
ModuleRunResult run_path_as_main(const std::string& path);

// fork() (runtime/fork.cpp): the forking thread holds the import table lock
// across fork(), so no other thread is midway through changing it. In the
// child, module locks held or awaited by threads that did not survive are
// dropped from the table (a later import of that module starts afresh).
void import_lock_before_fork();
void import_unlock_after_fork(bool child);

}  // namespace ftpy
