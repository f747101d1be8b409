/* ftpy's public C ABI: native extension modules and embedding programs.
 *
 * This header is self-contained (it includes no ftpy internal header) and is
 * the whole binary interface between ftpy and code built outside it. C++
 * code should include <ftpy/ftpy.hpp>, which wraps it with RAII handles;
 * docs/native_api.md is the guide.
 *
 * The functions are exported by the ftpy executable (and by any program that
 * links ftpy's core library through the `ftpy_embed` CMake target); a native
 * module is a shared object that leaves them undefined and gets them from
 * the process when it is loaded.
 *
 * Conventions (errors are values, as inside ftpy):
 *   - An ftpy_value is one 64-bit word naming a Python object; 0 is "no
 *     value". Functions that return an ftpy_value return a NEW reference, or 0
 *     with a Python exception pending on the calling thread. Functions that
 *     return int return 0 (or a count/flag >= 0) on success and -1 with an
 *     exception pending on failure.
 *   - Arguments are borrowed: a function never takes over the caller's
 *     reference unless its comment says "steals".
 *   - Every function except ftpy_initialize, ftpy_is_initialized,
 *     ftpy_thread_attach and ftpy_thread_is_attached must be called by a
 *     thread that is attached to the runtime (see "Threads" below).
 */
#ifndef FTPY_FTPY_H
#define FTPY_FTPY_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped whenever a struct below or a function's meaning changes; a module
 * built against another version is refused at import. */
#define FTPY_ABI_VERSION 1
/* The ABI-tagged file-name suffix of native modules (NAME.ftpy-1.so);
 * plain NAME.so is accepted too. */
#define FTPY_EXT_SUFFIX ".ftpy-1.so"

typedef uint64_t ftpy_value;

/* ---- references ---------------------------------------------------------- */
void ftpy_incref(ftpy_value v);
void ftpy_decref(ftpy_value v);

/* ---- errors -------------------------------------------------------------- */
/* A built-in exception class by name ("ValueError", "KeyError", ...): borrowed
 * (built-in classes live for the whole run); 0 and no exception if unknown. */
ftpy_value ftpy_builtin_exception(const char* name);
/* Raise `type(message)`. Always returns 0, so `return ftpy_raise(...)`
 * propagates the error. */
ftpy_value ftpy_raise(ftpy_value exc_type, const char* message);
/* Raise an existing exception instance or class. Returns 0. */
ftpy_value ftpy_raise_object(ftpy_value exc);
int ftpy_err_occurred(void);
/* The pending exception is an instance of `exc_type` (1) or not (0). */
int ftpy_err_matches(ftpy_value exc_type);
/* Take the pending exception (new reference), or 0 if none. */
ftpy_value ftpy_err_fetch(void);
/* Make `exc` (an exception instance) pending again; steals the reference. */
void ftpy_err_restore(ftpy_value exc);
void ftpy_err_clear(void);
/* Print the pending exception with its traceback to sys.stderr and clear it. */
void ftpy_err_print(void);

/* ---- building and reading values ----------------------------------------- */
ftpy_value ftpy_none(void);                   /* new reference to None */
ftpy_value ftpy_bool(int b);
ftpy_value ftpy_int(int64_t i);
int ftpy_int_value(ftpy_value v, int64_t* out); /* int or __index__; OverflowError */
ftpy_value ftpy_float(double d);
int ftpy_float_value(ftpy_value v, double* out); /* float, int, __float__ */
ftpy_value ftpy_str(const char* utf8, size_t len);
/* str -> UTF-8 in a buffer from malloc (free it with ftpy_free); 0 = error. */
char* ftpy_str_utf8(ftpy_value v, size_t* len);
void ftpy_free(void* p);
ftpy_value ftpy_bytes(const char* data, size_t len);
ftpy_value ftpy_tuple(const ftpy_value* items, size_t n);
ftpy_value ftpy_list(const ftpy_value* items, size_t n);
int ftpy_list_append(ftpy_value list, ftpy_value item);
ftpy_value ftpy_dict(void);

/* ---- generic operations -------------------------------------------------- */
int ftpy_is_none(ftpy_value v);
int ftpy_is_int(ftpy_value v);
int ftpy_is_float(ftpy_value v);
int ftpy_is_str(ftpy_value v);
int ftpy_is_callable(ftpy_value v);
int ftpy_isinstance(ftpy_value v, ftpy_value cls); /* 1, 0, or -1 */
const char* ftpy_type_name(ftpy_value v);         /* valid while the type lives */
int ftpy_truthy(ftpy_value v);                    /* 1, 0, or -1 */
int ftpy_equal(ftpy_value a, ftpy_value b);       /* ==: 1, 0, or -1 */
ftpy_value ftpy_repr(ftpy_value v);
ftpy_value ftpy_to_str(ftpy_value v);
int64_t ftpy_len(ftpy_value v); /* -1 on error */
ftpy_value ftpy_getattr(ftpy_value obj, const char* name);
int ftpy_hasattr(ftpy_value obj, const char* name); /* 1, 0, or -1 */
int ftpy_setattr(ftpy_value obj, const char* name, ftpy_value v);
ftpy_value ftpy_getitem(ftpy_value obj, ftpy_value key);
int ftpy_setitem(ftpy_value obj, ftpy_value key, ftpy_value v);
/* callable(*args, **kwargs); kwargs is a dict or 0. */
ftpy_value ftpy_call(ftpy_value callable, const ftpy_value* args, size_t nargs, ftpy_value kwargs);
ftpy_value ftpy_import(const char* name); /* importlib.import_module(name) */
ftpy_value ftpy_builtin(const char* name); /* builtins.NAME, or AttributeError */

/* ---- native objects ------------------------------------------------------ */
/* A capsule owns a C/C++ pointer and runs `destructor(pointer)` when the
 * capsule dies. Its type is PyCapsule; `name` (a static string) is checked
 * by ftpy_capsule_pointer. */
ftpy_value ftpy_capsule(void* pointer, const char* name, void (*destructor)(void*));
void* ftpy_capsule_pointer(ftpy_value capsule, const char* name); /* 0 + error */

/* Critical sections (docs/native_api.md "Thread-safety rules"): lock one or
 * two objects' per-object mutexes, the locks ftpy's own list and dict use.
 * `storage` is caller memory of FTPY_CRITICAL_SECTION_SIZE bytes, aligned to
 * 8, that must stay put until the matching end; sections nest and end in
 * reverse order. A thread that blocks (detaches) inside a section gives its
 * locks up meanwhile. */
#define FTPY_CRITICAL_SECTION_SIZE 64
void ftpy_critical_section_begin(void* storage, ftpy_value obj);
void ftpy_critical_section_begin2(void* storage, ftpy_value a, ftpy_value b);
void ftpy_critical_section_end(void* storage);

/* ---- functions and modules ----------------------------------------------- */
/* A native function. `args` holds one slot per parameter of the Python
 * signature, bound with `def` semantics (defaults filled; `?` defaults
 * arrive as 0; *args as a tuple, **kw as a dict). `self` is the module for
 * module functions. Returns a new reference, or 0 with an exception set. */
typedef ftpy_value (*ftpy_function)(ftpy_value self, const ftpy_value* args);

typedef struct ftpy_method_def {
  /* "name(params)" exactly as in a `def`, e.g. "add(a, b, /, *, scale=1)";
   * defaults are None, True, False, ints, floats, quoted strings, () or ?.
   * NULL ends a table. */
  const char* signature;
  ftpy_function function;
  const char* doc;
} ftpy_method_def;

/* Values of ftpy_module_def.gil (CPython's Py_mod_gil). */
#define FTPY_MOD_GIL_USED 0     /* needs the GIL: importing it turns the GIL on */
#define FTPY_MOD_GIL_NOT_USED 1 /* safe to run without the GIL */

typedef struct ftpy_module_def {
  uint32_t abi_version;           /* FTPY_ABI_VERSION */
  const char* name;               /* must equal the file's module name */
  const char* doc;
  const ftpy_method_def* methods; /* may be NULL */
  int (*exec)(ftpy_value module); /* optional: fill the module; -1 on error */
  int gil;                        /* FTPY_MOD_GIL_USED or FTPY_MOD_GIL_NOT_USED */
} ftpy_module_def;

/* A native module NAME exports `const ftpy_module_def* ftpy_init_NAME(void)`
 * with C linkage; the definition must live as long as the process. */

/* A function object for `def` bound to `self` (0: unbound), e.g. a C++
 * callback handed to Python by an embedding program. `def` must outlive the
 * function object. */
ftpy_value ftpy_function_new(const ftpy_method_def* def, ftpy_value self);

/* ---- embedding ----------------------------------------------------------- */
typedef struct ftpy_config {
  uint32_t size;           /* sizeof(ftpy_config) */
  int gil;                 /* -1 default (off until a module needs it), 0 off, 1 on */
  int argc;                /* sys.argv; argc 0 gives [''] */
  const char* const* argv;
  int ignore_environment;  /* like -E: ignore PYTHONPATH and PYTHON_GIL */
} ftpy_config;

/* Start the runtime; the calling thread becomes the main thread, attached.
 * Once per process. Returns -1 (and prints why) on failure. `config` may be
 * NULL (defaults; PYTHON_GIL is honoured unless ignore_environment). */
int ftpy_initialize(const ftpy_config* config);
int ftpy_is_initialized(void);
/* Join non-daemon Python threads, flush the standard streams and detach the
 * main thread. Returns 0, or 1 if threading._shutdown failed. Call it on the
 * main thread after every other thread has called ftpy_thread_detach. */
int ftpy_finalize(void);
/* Run source in a globals dict (0: __main__'s); mode 0 = exec (returns None),
 * 1 = eval (returns the expression's value). */
ftpy_value ftpy_run(const char* source, const char* filename, int mode, ftpy_value globals);

/* ---- threads ------------------------------------------------------------- */
/* A thread that did not start in Python attaches itself before its first
 * ftpy call and detaches when done with Python (its thread state is freed).
 * Returns -1 if the runtime is not initialised or the thread is attached. */
int ftpy_thread_attach(void);
void ftpy_thread_detach(void);
int ftpy_thread_is_attached(void);
/* Around blocking work that touches no Python object (I/O, waiting for other
 * threads, long computation on private data): lets the GIL and stop-the-world
 * requests proceed. Pairs must nest. */
void ftpy_blocking_begin(void);
void ftpy_blocking_end(void);
/* Is the GIL on right now (sys._is_gil_enabled())? */
int ftpy_gil_enabled(void);

#ifdef __cplusplus
}
#endif

#endif /* FTPY_FTPY_H */
