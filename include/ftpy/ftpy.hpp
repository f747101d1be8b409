// ftpy's public C++ API: RAII handles and adapters over the C ABI in
// <ftpy/ftpy.h>, for native extension modules and embedding programs.
// Header-only; docs/native_api.md is the guide.
//
//   #include <ftpy/ftpy.hpp>
//   namespace fa = ftpy::api;
//
//   fa::Handle add(fa::View self, fa::Args args) {        // add(a, b, /, *, scale=1)
//     int64_t a, b, scale;
//     if (!args[0].as_int(&a) || !args[1].as_int(&b) || !args[2].as_int(&scale)) return {};
//     if (scale == 0) return fa::raise("ValueError", "scale must not be zero");
//     return fa::integer((a + b) * scale);
//   }
//   const ftpy_method_def kMethods[] = {fa::def<add>("add(a, b, /, *, scale=1)", "Add."), fa::kEndOfMethods};
//   FTPY_MODULE_INIT(mymod) {
//     static const ftpy_module_def def{FTPY_ABI_VERSION, "mymod", "doc", kMethods, nullptr, FTPY_MOD_GIL_NOT_USED};
//     return &def;
//   }
//
// Errors are values: a function that fails returns a null Handle (or false)
// with a Python exception pending; `return fa::raise(...)` sets one. C++
// exceptions never cross into ftpy: def<> turns one escaping a native
// function into RuntimeError.
#pragma once

#include <cstddef>
#include <cstdint>
#include <exception>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "ftpy/ftpy.h"

// Defines the entry point of native module NAME (the file is NAME.so or
// NAME.ftpy-1.so); the body returns a pointer to a static ftpy_module_def.
#define FTPY_MODULE_INIT(NAME) \
  extern "C" __attribute__((visibility("default"))) const ftpy_module_def* ftpy_init_##NAME(void)

namespace ftpy::api {

class Handle;

// A borrowed reference: valid while someone else keeps the object alive
// (function arguments, for the duration of the call). Every operation that
// produces an object returns an owning Handle.
class View {
 public:
  View() = default;
  explicit View(ftpy_value v) : v_(v) {}

  ftpy_value get() const { return v_; }
  explicit operator bool() const { return v_ != 0; }  // false: null (error, or an omitted `?` argument)

  bool is_none() const { return ftpy_is_none(v_); }
  bool is_int() const { return ftpy_is_int(v_); }
  bool is_float() const { return ftpy_is_float(v_); }
  bool is_str() const { return ftpy_is_str(v_); }
  bool is_callable() const { return ftpy_is_callable(v_); }
  const char* type_name() const { return ftpy_type_name(v_); }

  // Conversions: false with TypeError/OverflowError pending on failure.
  bool as_int(int64_t* out) const { return ftpy_int_value(v_, out) == 0; }
  bool as_double(double* out) const { return ftpy_float_value(v_, out) == 0; }
  bool as_string(std::string* out) const {  // a str, as UTF-8
    size_t n = 0;
    char* p = ftpy_str_utf8(v_, &n);
    if (!p) return false;
    out->assign(p, n);
    ftpy_free(p);
    return true;
  }
  int truthy() const { return ftpy_truthy(v_); }  // 1, 0, or -1
  int equals(View other) const { return ftpy_equal(v_, other.v_); }  // 1, 0, or -1

  inline Handle repr() const;
  inline Handle to_str() const;
  int64_t len() const { return ftpy_len(v_); }  // -1 on error
  inline Handle attr(const char* name) const;
  int has_attr(const char* name) const { return ftpy_hasattr(v_, name); }
  bool set_attr(const char* name, View value) const { return ftpy_setattr(v_, name, value.v_) == 0; }
  inline Handle item(View key) const;
  bool set_item(View key, View value) const { return ftpy_setitem(v_, key.v_, value.v_) == 0; }

  // f(args...): each argument is a View/Handle or a C++ value (integers,
  // floating point, bool, strings) converted with to_handle.
  template <typename... A>
  Handle operator()(const A&... args) const;
  // f(*args, **kwargs); kwargs is a dict or null.
  inline Handle call(std::initializer_list<View> args, View kwargs) const;
  inline Handle call(std::initializer_list<View> args) const;

 protected:
  ftpy_value v_ = 0;
};

// An owning reference: copying increments, destruction decrements.
class [[nodiscard]] Handle : public View {
 public:
  Handle() = default;
  static Handle steal(ftpy_value v) { return Handle(v, 0); }
  static Handle borrow(ftpy_value v) {
    ftpy_incref(v);
    return Handle(v, 0);
  }
  Handle(const Handle& o) : View(o.v_) { ftpy_incref(v_); }
  Handle(Handle&& o) noexcept : View(o.v_) { o.v_ = 0; }
  Handle& operator=(Handle o) noexcept {
    std::swap(v_, o.v_);
    return *this;
  }
  ~Handle() { ftpy_decref(v_); }

  // Hand the reference to the caller (e.g. to return it through the C ABI).
  [[nodiscard]] ftpy_value release() { return std::exchange(v_, 0); }
  void reset() { ftpy_decref(std::exchange(v_, 0)); }

 private:
  Handle(ftpy_value v, int) : View(v) {}
};

// --- building values -------------------------------------------------------
inline Handle none() { return Handle::steal(ftpy_none()); }
inline Handle boolean(bool b) { return Handle::steal(ftpy_bool(b)); }
inline Handle integer(int64_t i) { return Handle::steal(ftpy_int(i)); }
inline Handle floating(double d) { return Handle::steal(ftpy_float(d)); }
inline Handle str(std::string_view s) { return Handle::steal(ftpy_str(s.data(), s.size())); }
inline Handle bytes(std::string_view s) { return Handle::steal(ftpy_bytes(s.data(), s.size())); }
inline Handle dict() { return Handle::steal(ftpy_dict()); }

template <typename T>
inline constexpr bool kAlwaysFalse = false;

// A C++ value as a Python object.
template <typename T>
Handle to_handle(const T& x) {
  if constexpr (std::is_base_of_v<View, T>) return Handle::borrow(x.get());
  else if constexpr (std::is_same_v<T, bool>) return boolean(x);
  else if constexpr (std::is_integral_v<T>) return integer(static_cast<int64_t>(x));
  else if constexpr (std::is_floating_point_v<T>) return floating(static_cast<double>(x));
  else if constexpr (std::is_convertible_v<const T&, std::string_view>) return str(std::string_view(x));
  else static_assert(kAlwaysFalse<T>, "no conversion to a Python object");
}

namespace detail {
template <typename F>
Handle with_items(std::initializer_list<View> items, F make) {
  ftpy_value small[16];
  ftpy_value* raw = items.size() <= 16 ? small : new ftpy_value[items.size()];
  size_t i = 0;
  for (View v : items) raw[i++] = v.get();
  Handle r = Handle::steal(make(raw, items.size()));
  if (raw != small) delete[] raw;
  return r;
}
}  // namespace detail

inline Handle tuple(std::initializer_list<View> items) { return detail::with_items(items, ftpy_tuple); }
inline Handle list(std::initializer_list<View> items) { return detail::with_items(items, ftpy_list); }

inline Handle View::repr() const { return Handle::steal(ftpy_repr(v_)); }
inline Handle View::to_str() const { return Handle::steal(ftpy_to_str(v_)); }
inline Handle View::attr(const char* name) const { return Handle::steal(ftpy_getattr(v_, name)); }
inline Handle View::item(View key) const { return Handle::steal(ftpy_getitem(v_, key.get())); }
inline Handle View::call(std::initializer_list<View> args, View kwargs) const {
  ftpy_value callee = v_, kw = kwargs.get();
  return detail::with_items(args, [&](const ftpy_value* a, size_t n) { return ftpy_call(callee, a, n, kw); });
}
inline Handle View::call(std::initializer_list<View> args) const { return call(args, View()); }
template <typename... A>
Handle View::operator()(const A&... args) const {
  Handle owned[sizeof...(A) + 1] = {to_handle(args)...};
  ftpy_value raw[sizeof...(A) + 1];
  for (size_t i = 0; i < sizeof...(A); i++) {
    if (!owned[i]) return Handle();  // a conversion failed
    raw[i] = owned[i].get();
  }
  return Handle::steal(ftpy_call(v_, raw, sizeof...(A), 0));
}

// --- errors ----------------------------------------------------------------
// A built-in exception class by name, e.g. builtin_exception("KeyError").
inline View builtin_exception(const char* name) { return View(ftpy_builtin_exception(name)); }
// Raise type(message); returns a null Handle so `return raise(...)` works.
inline Handle raise(View exc_type, std::string_view message) {
  std::string m(message);
  ftpy_raise(exc_type.get(), m.c_str());
  return Handle();
}
inline Handle raise(const char* builtin_name, std::string_view message) {
  View t = builtin_exception(builtin_name);
  return raise(t ? t : builtin_exception("SystemError"), message);
}
inline bool error_occurred() { return ftpy_err_occurred(); }
inline bool error_matches(View exc_type) { return ftpy_err_matches(exc_type.get()); }
inline Handle fetch_error() { return Handle::steal(ftpy_err_fetch()); }
inline void restore_error(Handle exc) { ftpy_err_restore(exc.release()); }
inline void clear_error() { ftpy_err_clear(); }
inline void print_error() { ftpy_err_print(); }  // traceback to sys.stderr, then clear

inline Handle import(const char* name) { return Handle::steal(ftpy_import(name)); }
inline Handle builtin(const char* name) { return Handle::steal(ftpy_builtin(name)); }

// --- native functions and modules ------------------------------------------
// The bound arguments of a native function, one per signature parameter.
class Args {
 public:
  explicit Args(const ftpy_value* a) : a_(a) {}
  View operator[](size_t i) const { return View(a_[i]); }

 private:
  const ftpy_value* a_;
};

using Function = Handle (*)(View self, Args args);
using ModuleExec = bool (*)(View module);  // false with an exception pending

namespace detail {
inline ftpy_value from_cxx_exception() {
  try {
    throw;
  } catch (const std::exception& e) {
    (void)raise("RuntimeError", e.what());
  } catch (...) {
    (void)raise("SystemError", "unknown C++ exception in a native function");
  }
  return 0;
}
template <Function F>
ftpy_value trampoline(ftpy_value self, const ftpy_value* args) noexcept {
  try {
    return F(View(self), Args(args)).release();
  } catch (...) {
    return from_cxx_exception();
  }
}
template <ModuleExec F>
int exec_trampoline(ftpy_value module) noexcept {
  try {
    return F(View(module)) ? 0 : -1;
  } catch (...) {
    from_cxx_exception();
    return -1;
  }
}
}  // namespace detail

// A method-table row for F with its Python signature, e.g.
// def<add>("add(a, b, /, *, scale=1)", "doc").
template <Function F>
constexpr ftpy_method_def def(const char* signature, const char* doc = nullptr) {
  return ftpy_method_def{signature, &detail::trampoline<F>, doc};
}
inline constexpr ftpy_method_def kEndOfMethods{nullptr, nullptr, nullptr};
// ftpy_module_def::exec for F.
template <ModuleExec F>
constexpr int (*module_exec())(ftpy_value) {
  return &detail::exec_trampoline<F>;
}
// A Python function object calling `def` with `self` as its receiver.
inline Handle function(const ftpy_method_def* d, View self = View()) {
  return Handle::steal(ftpy_function_new(d, self.get()));
}

// --- native objects and locking -------------------------------------------
// A capsule owning `p` (deleted with `delete` when the capsule dies).
template <typename T>
Handle capsule(T* p, const char* name) {
  return Handle::steal(ftpy_capsule(p, name, [](void* q) { delete static_cast<T*>(q); }));
}
template <typename T>
T* capsule_pointer(View c, const char* name) {
  return static_cast<T*>(ftpy_capsule_pointer(c.get(), name));
}

// Holds the per-object lock of one or two objects for its scope (the lock
// ftpy's list and dict take): guard native state reachable from an object
// (a capsule's data) against concurrent calls when running without the GIL.
class CriticalSection {
 public:
  explicit CriticalSection(View o) { ftpy_critical_section_begin(storage_, o.get()); }
  CriticalSection(View a, View b) { ftpy_critical_section_begin2(storage_, a.get(), b.get()); }
  ~CriticalSection() { ftpy_critical_section_end(storage_); }
  CriticalSection(const CriticalSection&) = delete;
  CriticalSection& operator=(const CriticalSection&) = delete;

 private:
  alignas(8) unsigned char storage_[FTPY_CRITICAL_SECTION_SIZE];
};

// --- threads ----------------------------------------------------------------
// An OS thread the embedder started: attached to the runtime for this scope.
class AttachedThread {
 public:
  AttachedThread() : ok_(ftpy_thread_attach() == 0) {}
  ~AttachedThread() {
    if (ok_) ftpy_thread_detach();
  }
  bool ok() const { return ok_; }
  AttachedThread(const AttachedThread&) = delete;
  AttachedThread& operator=(const AttachedThread&) = delete;

 private:
  bool ok_;
};

// Blocking work that touches no Python object (I/O, joining threads, long
// private computation): the thread detaches, so the GIL and stop-the-world
// requests are not held up by it.
class BlockingScope {
 public:
  BlockingScope() { ftpy_blocking_begin(); }
  ~BlockingScope() { ftpy_blocking_end(); }
  BlockingScope(const BlockingScope&) = delete;
  BlockingScope& operator=(const BlockingScope&) = delete;
};

// --- embedding --------------------------------------------------------------
// Starts the runtime (the constructing thread is the main thread) and
// finalises it at the end of its scope unless finalize() was called.
class Interpreter {
 public:
  explicit Interpreter(const ftpy_config* config = nullptr) : ok_(ftpy_initialize(config) == 0) {}
  ~Interpreter() {
    if (ok_) finalize();
  }
  bool ok() const { return ok_; }
  int finalize() {
    if (!ok_) return -1;
    ok_ = false;
    return ftpy_finalize();
  }
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

 private:
  bool ok_;
};

// Execute statements / evaluate an expression in `globals` (null: __main__).
inline Handle exec(const char* source, View globals = View(), const char* filename = "<embedded>") {
  return Handle::steal(ftpy_run(source, filename, 0, globals.get()));
}
inline Handle eval(const char* source, View globals = View(), const char* filename = "<embedded>") {
  return Handle::steal(ftpy_run(source, filename, 1, globals.get()));
}

}  // namespace ftpy::api
