// The atexit module: functions to call when the interpreter exits.
// Thread safety: the callback list is a C++ vector guarded by a std::mutex;
// callbacks are copied out under the lock and called with it released, so a
// callback may itself register or unregister functions.
#include "modules/atexit_module.h"

#include <mutex>
#include <vector>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace ftpy {

namespace {

struct Callback {
  Ref<> func;
  Ref<> args;    // tuple
  Ref<> kwargs;  // dict
};

std::mutex g_atexit_mutex;
// Heap-allocated and never destroyed: the runtime may still run callbacks
// after static destructors would have started.
std::vector<Callback>& callbacks() {
  static auto* v = new std::vector<Callback>();
  return *v;
}

Ref<> atexit_register(Value, Value* args) {
  int ok = callable(args[0]);
  if (ok < 0) return nullptr;
  if (!ok) return err_set_str(g_TypeError, "the first argument must be callable");
  std::lock_guard<std::mutex> lock(g_atexit_mutex);
  callbacks().push_back({Ref<>::borrow(args[0]), Ref<>::borrow(args[1]), Ref<>::borrow(args[2])});
  return Ref<>::borrow(args[0]);
}

Ref<> atexit_unregister(Value, Value* args) {
  // Compare with == outside the lock (__eq__ may run Python code), then drop
  // every matching entry that is still registered.
  std::vector<Ref<>> funcs;
  {
    std::lock_guard<std::mutex> lock(g_atexit_mutex);
    for (auto& c : callbacks()) funcs.push_back(Ref<>::borrow(c.func.val()));
  }
  std::vector<Value> matched;
  for (auto& f : funcs) {
    int eq = richcompare_bool(f.val(), args[0], kEq);
    if (eq < 0) return nullptr;
    if (eq) matched.push_back(f.val());
  }
  std::vector<Callback> removed;  // released after the lock
  {
    std::lock_guard<std::mutex> lock(g_atexit_mutex);
    auto& v = callbacks();
    for (size_t i = 0; i < v.size();) {
      bool hit = false;
      for (Value m : matched) hit |= v[i].func.val() == m;
      if (hit) {
        removed.push_back(std::move(v[i]));
        v.erase(v.begin() + static_cast<std::ptrdiff_t>(i));
      } else {
        i++;
      }
    }
  }
  return new_none();
}

std::vector<Callback> take_all() {
  std::lock_guard<std::mutex> lock(g_atexit_mutex);
  std::vector<Callback> out;
  out.swap(callbacks());
  return out;
}

Ref<> atexit_run_exitfuncs(Value, Value*) {
  atexit_run_callbacks();
  return new_none();
}

Ref<> atexit_clear(Value, Value*) {
  std::vector<Callback> old = take_all();
  return new_none();
}

Ref<> atexit_ncallbacks(Value, Value*) {
  std::lock_guard<std::mutex> lock(g_atexit_mutex);
  return int_from_int64(static_cast<int64_t>(callbacks().size()));
}

const MethodDef kAtexitFunctions[] = {
    {"register(func, /, *args, **kwargs)", atexit_register,
     "Register a function to be executed upon normal program termination\n\n"
     "    func - function to be called at exit\n    args - optional arguments to pass to func\n"
     "    kwargs - optional keyword arguments to pass to func\n\n    func is returned to facilitate usage as a "
     "decorator."},
    {"unregister(func, /)", atexit_unregister,
     "Unregister an exit function which was previously registered using\natexit.register\n\n"
     "    func - function to be unregistered"},
    {"_run_exitfuncs()", atexit_run_exitfuncs, "Run all registered exit functions.\n\n"
     "If a callback raises an exception, it is logged with sys.unraisablehook."},
    {"_clear()", atexit_clear, "Clear the list of previously registered exit functions."},
    {"_ncallbacks()", atexit_ncallbacks, "Return the number of registered exit functions."},
    {nullptr}};

}  // namespace

void atexit_run_callbacks() {
  std::vector<Callback> todo = take_all();
  for (auto it = todo.rbegin(); it != todo.rend(); ++it) {
    Ref<> r = call_tuple_dict(it->func.val(), it->args.val(), it->kwargs.val());
    if (!r) err_write_unraisable("Exception ignored in atexit callback", it->func.val());
  }
}

Ref<> atexit_module_create() {
  Ref<> m = module_new("atexit");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kAtexitFunctions) < 0) return nullptr;
  Ref<Str> doc = str_from_utf8("allow programmer to define multiple exit functions to be executed\n"
                               "upon normal program termination.\n\n"
                               "Two public functions, register and unregister, are defined.\n");
  if (!doc || dict_set_item_str(module_dict(m.val()), "__doc__", doc.val()) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
