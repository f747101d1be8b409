// The _imp module: CPython 3.11's "(extremely) low-level import machinery
// bits" over ftpy's native importer (vm/import.h).
//
// - acquire_lock/release_lock/lock_held: the importer's global re-entrant
//   lock (the one guarding its module-lock table); a thread may hold it across
//   Python code, and another thread that imports meanwhile waits detached.
// - is_builtin/create_builtin/exec_builtin: the built-in module table
//   (modules/module_table.cpp). sys and builtins report -1, as in CPython
//   (they cannot be re-initialised).
// - Frozen modules: ftpy freezes none, so is_frozen is False and the others
//   answer as CPython does for a name that is not frozen.
// - create_dynamic/exec_dynamic: native extension modules (api/extension.h).
// - source_hash: SipHash-1-3 keyed (key, 0) over the source, 8 bytes in
//   little-endian order (hash-based pycs, PEP 552).
//
// Thread safety: the module has no state of its own; the import lock, the
// built-in table and the extension loader carry their own locking.
#include "modules/imp_module.h"

#include <cstring>
#include <string>

#include "api/extension.h"
#include "compile/code.h"
#include "modules/buffer_util.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/hash.h"
#include "runtime/interp.h"
#include "vm/import.h"

namespace ftpy {

namespace {

// CPython's argument-clinic message for a str parameter: "f() argument must
// be str, not int" for a one-argument function, "argument 1" otherwise.
bool need_str(Value v, const char* fn, const char* which) {
  if (is_str(v)) return true;
  err_format(g_TypeError, "%s() %s must be str, not %s", fn, which, type_name(type_of(v)));
  return false;
}

Ref<> no_frozen(Value name) {
  std::string msg = "No such frozen object named " + std::string("'") + std::string(str_view(name)) + "'";
  Ref<Str> m = str_from_utf8(msg);
  if (!m) return nullptr;
  err_set_object(g_ImportError, m.val());
  Value e = err_peek();
  if (!e.is_null()) exception_set_extra(e, kImportName, name);
  return nullptr;
}

Ref<> imp_lock_held(Value, Value*) { return new_bool(import_global_lock_held()); }

Ref<> imp_acquire_lock(Value, Value*) {
  import_global_lock_acquire();
  return new_none();
}

Ref<> imp_release_lock(Value, Value*) {
  if (!import_global_lock_release()) return err_set_str(g_RuntimeError, "not holding the import lock");
  return new_none();
}

Ref<> imp_is_builtin(Value, Value* a) {
  if (!need_str(a[0], "is_builtin", "argument")) return nullptr;
  std::string_view n = str_view(a[0]);
  if (!import_is_builtin(n)) return small_int(0);
  return small_int(n == "sys" || n == "builtins" ? -1 : 1);
}

Ref<> imp_create_builtin(Value, Value* a) {
  Ref<> name = getattr(a[0], "name");
  if (!name) return nullptr;
  if (!is_str(name.val())) return new_none();
  BuiltinModuleInit init = import_builtin_init(str_view(name.val()));
  if (!init) return new_none();
  // A built-in module is made once: a second create returns the first (as
  // CPython's cache of single-phase modules does).
  Ref<> existing;
  int r = dict_get_item(g_interp.modules, name.val(), &existing);
  if (r < 0) return nullptr;
  if (r > 0 && is_module(existing.val())) return existing;
  return init();
}

Ref<> imp_exec_builtin(Value, Value*) { return small_int(0); }
Ref<> imp_exec_dynamic(Value, Value*) { return small_int(0); }

Ref<> imp_create_dynamic(Value, Value* a) {
  Ref<> name = getattr(a[0], "name");
  if (!name) return nullptr;
  Ref<> origin = getattr(a[0], "origin");
  if (!origin) return nullptr;
  if (!is_str(name.val())) return err_format(g_TypeError, "name must be str, not %s", type_name(type_of(name.val())));
  if (!is_str(origin.val()))
    return err_format(g_TypeError, "origin must be str, not %s", type_name(type_of(origin.val())));
  Ref<> existing;
  int r = dict_get_item(g_interp.modules, name.val(), &existing);
  if (r < 0) return nullptr;
  if (r > 0 && is_module(existing.val())) return existing;
  return extension_load(name.val(), std::string(str_view(origin.val())));
}

Ref<> imp_extension_suffixes(Value, Value*) {
  Ref<List> l = list_new();
  if (!l) return nullptr;
  for (const char* s : kExtensionSuffixes) {
    Ref<Str> v = str_from_utf8(s);
    if (!v || list_append(l.val(), v.val()) < 0) return nullptr;
  }
  return l;
}

Ref<> imp_is_frozen(Value, Value* a) {
  if (!need_str(a[0], "is_frozen", "argument")) return nullptr;
  return new_bool(false);
}

Ref<> imp_is_frozen_package(Value, Value* a) {
  if (!need_str(a[0], "is_frozen_package", "argument")) return nullptr;
  return no_frozen(a[0]);
}

Ref<> imp_get_frozen_object(Value, Value* a) {
  if (!need_str(a[0], "get_frozen_object", "argument 1")) return nullptr;
  return no_frozen(a[0]);
}

Ref<> imp_find_frozen(Value, Value* a) {
  if (!need_str(a[0], "find_frozen", "argument 1")) return nullptr;
  return new_none();
}

Ref<> imp_init_frozen(Value, Value* a) {
  if (!need_str(a[0], "init_frozen", "argument")) return nullptr;
  return new_none();
}

Ref<> imp_frozen_module_names(Value, Value*) { return list_new(); }
Ref<> imp_override_frozen(Value, Value*) { return new_none(); }

Ref<> imp_source_hash(Value, Value* a) {
  int64_t key = 0;
  if (!int_as_int64(a[0], &key)) {
    Ref<> k = number_index(a[0]);  // TypeError for a non-integer
    if (!k) return nullptr;
    if (!int_as_int64(k.val(), &key)) return err_set_str(g_OverflowError, "Python int too large to convert to C long");
  }
  std::string data;
  if (!module_buffer_or_error(a[1], &data)) return nullptr;
  uint64_t h = hash_bytes_keyed(static_cast<uint64_t>(key), 0, data.data(), data.size());
  unsigned char out[8];
  for (int i = 0; i < 8; i++) out[i] = static_cast<unsigned char>(h >> (8 * i));
  return bytes_from(out, 8);
}

// Point co_filename of `code` and of the code objects nested in its
// constants at `path`, where they still name the old file (a module loaded
// from a cached or moved location). The old filename is kept alive, not
// released: another thread may be reading it from the code object right now.
void fix_filename(Code* c, Value old, Value path) {
  int eq = richcompare_bool(c->filename, old, kEq);
  if (eq <= 0) {
    err_clear();
    return;
  }
  incref(path);
  c->filename = path;
  int64_t n = tuple_size(c->consts);
  for (int64_t i = 0; i < n; i++) {
    Value k = tuple_item(c->consts, i);
    if (is_code(k)) fix_filename(k.as<Code>(), old, path);
  }
}

Ref<> imp_fix_co_filename(Value, Value* a) {
  if (!is_code(a[0]))
    return err_format(g_TypeError, "_fix_co_filename() argument 1 must be code, not %s", type_name(type_of(a[0])));
  if (!is_str(a[1]))
    return err_format(g_TypeError, "_fix_co_filename() argument 2 must be str, not %s", type_name(type_of(a[1])));
  Code* c = a[0].as<Code>();
  Ref<> old = Ref<>::borrow(c->filename);
  int eq = richcompare_bool(old.val(), a[1], kEq);
  if (eq < 0) return nullptr;
  if (!eq) fix_filename(c, old.val(), a[1]);
  return new_none();
}

const MethodDef kImpFunctions[] = {
    {"lock_held()", imp_lock_held,
     "Return True if the import lock is currently held, else False.\n\nOn platforms without threads, return False."},
    {"acquire_lock()", imp_acquire_lock,
     "Acquires the interpreter's import lock for the current thread.\n\n"
     "This lock should be used by import hooks to ensure thread-safety when importing\n"
     "modules. On platforms without threads, this function does nothing."},
    {"release_lock()", imp_release_lock,
     "Release the interpreter's import lock.\n\nOn platforms without threads, this function does nothing."},
    {"is_builtin(name, /)", imp_is_builtin, "Returns True if the module name corresponds to a built-in module."},
    {"create_builtin(spec, /)", imp_create_builtin, "Create an extension module."},
    {"exec_builtin(mod, /)", imp_exec_builtin, "Initialize a built-in module."},
    {"create_dynamic(spec, file=?, /)", imp_create_dynamic, "Create an extension module."},
    {"exec_dynamic(mod, /)", imp_exec_dynamic, "Initialize an extension module."},
    {"extension_suffixes()", imp_extension_suffixes,
     "Returns the list of file suffixes used to identify extension modules."},
    {"is_frozen(name, /)", imp_is_frozen, "Returns True if the module name corresponds to a frozen module."},
    {"is_frozen_package(name, /)", imp_is_frozen_package,
     "Returns True if the module name is of a frozen package."},
    {"get_frozen_object(name, data=None, /)", imp_get_frozen_object, "Create a code object for a frozen module."},
    {"find_frozen(name, /, *, withdata=False)", imp_find_frozen,
     "Return info about the corresponding frozen module (if there is one) or None."},
    {"init_frozen(name, /)", imp_init_frozen, "Initializes a frozen module."},
    {"_frozen_module_names()", imp_frozen_module_names, "Returns the list of available frozen modules."},
    {"_override_frozen_modules_for_tests(override, /)", imp_override_frozen,
     "(internal-only) Override PyConfig.use_frozen_modules."},
    {"source_hash(key, source)", imp_source_hash, nullptr},
    {"_fix_co_filename(code, path, /)", imp_fix_co_filename,
     "Changes code.co_filename to specify the passed-in file path.\n\n"
     "  code\n    Code object to change.\n  path\n    File path to use."},
    {nullptr}};

}  // namespace

Ref<> imp_module_create() {
  Ref<> m = module_new("_imp");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kImpFunctions) < 0) return nullptr;
  Value d = module_dict(m.val());
  Ref<Str> doc = str_from_utf8("(Extremely) low-level import machinery bits as used by importlib and imp.");
  if (!doc || dict_set_item_str(d, "__doc__", doc.val()) < 0) return nullptr;
  Ref<Str> chk = str_from_utf8("default");
  if (!chk || dict_set_item_str(d, "check_hash_based_pycs", chk.val()) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
