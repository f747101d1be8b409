// A native module that declares free-threading support (FTPY_MOD_GIL_NOT_USED):
// importing it leaves the GIL off. Used by tests/native/*.py; built against
// the public header only.
#include <ftpy/ftpy.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace fa = ftpy::api;

namespace {

// add(a, b, /, *, scale=1)
fa::Handle add(fa::View, fa::Args args) {
  int64_t a, b, scale;
  if (!args[0].as_int(&a) || !args[1].as_int(&b) || !args[2].as_int(&scale)) return {};
  return fa::integer((a + b) * scale);
}

// greet(name, greeting='Hello')
fa::Handle greet(fa::View, fa::Args args) {
  std::string name, greeting;
  if (!args[0].as_string(&name) || !args[1].as_string(&greeting)) return {};
  return fa::str(greeting + ", " + name + "!");
}

// fail(kind, message): raise the built-in exception `kind`.
fa::Handle fail(fa::View, fa::Args args) {
  std::string kind, message;
  if (!args[0].as_string(&kind) || !args[1].as_string(&message)) return {};
  fa::View type = fa::builtin_exception(kind.c_str());
  if (!type) return fa::raise("LookupError", "no built-in exception " + kind);
  return fa::raise(type, message);
}

// throws(): a C++ exception escaping a native function becomes RuntimeError.
fa::Handle throws(fa::View, fa::Args) { throw std::runtime_error("thrown in C++"); }

// call(fn, /, *args, **kwargs): call back into Python; errors propagate.
fa::Handle call(fa::View, fa::Args args) {
  int64_t n = args[1].len();
  if (n < 0) return {};
  std::vector<fa::Handle> owned;
  std::vector<ftpy_value> raw;
  for (int64_t i = 0; i < n; i++) {
    owned.push_back(args[1].item(fa::integer(i)));
    if (!owned.back()) return {};
    raw.push_back(owned.back().get());
  }
  return fa::Handle::steal(ftpy_call(args[0].get(), raw.data(), raw.size(), args[2].get()));
}

// optional(x=?): reports whether x was passed.
fa::Handle optional(fa::View, fa::Args args) { return args[0] ? fa::Handle::borrow(args[0].get()) : fa::str("missing"); }

// make(n): containers built in C++.
fa::Handle make(fa::View, fa::Args args) {
  int64_t n;
  if (!args[0].as_int(&n)) return {};
  fa::Handle items = fa::list({});
  for (int64_t i = 0; i < n; i++) {
    fa::Handle v = fa::integer(i * i);
    if (!v || ftpy_list_append(items.get(), v.get()) < 0) return {};
  }
  fa::Handle d = fa::dict();
  fa::Handle pair = fa::tuple({fa::str("x"), fa::floating(1.5)});
  if (!d.set_item(fa::str("squares"), items) || !d.set_item(fa::str("pair"), pair) ||
      !d.set_item(fa::str("flags"), fa::tuple({fa::boolean(true), fa::none()})))
    return {};
  return d;
}

// attrs(obj, name, value): set an attribute, read it back through getattr.
fa::Handle attrs(fa::View, fa::Args args) {
  std::string name;
  if (!args[1].as_string(&name) || !args[0].set_attr(name.c_str(), args[2])) return {};
  return args[0].attr(name.c_str());
}

// A counter kept in native memory, guarded by the capsule's critical section.
struct Counter {
  int64_t value = 0;
};
constexpr const char* kCounterName = "ft_demo.Counter";

fa::Handle counter_new(fa::View, fa::Args) { return fa::capsule(new Counter(), kCounterName); }

// counter_add(counter, n): n separate read-modify-write steps; only the
// critical section keeps concurrent callers from losing increments.
fa::Handle counter_add(fa::View, fa::Args args) {
  auto* c = fa::capsule_pointer<Counter>(args[0], kCounterName);
  int64_t n;
  if (!c || !args[1].as_int(&n)) return {};
  for (int64_t i = 0; i < n; i++) {
    fa::CriticalSection cs(args[0]);
    int64_t v = c->value;
    c->value = v + 1;
  }
  return fa::none();
}

fa::Handle counter_get(fa::View, fa::Args args) {
  auto* c = fa::capsule_pointer<Counter>(args[0], kCounterName);
  if (!c) return {};
  fa::CriticalSection cs(args[0]);
  return fa::integer(c->value);
}

bool exec_module(fa::View module) { return module.set_attr("VERSION", fa::str("1.0")); }

const ftpy_method_def kMethods[] = {
    fa::def<add>("add(a, b, /, *, scale=1)", "Return (a + b) * scale."),
    fa::def<greet>("greet(name, greeting='Hello')"),
    fa::def<fail>("fail(kind, message)"),
    fa::def<throws>("throws()"),
    fa::def<call>("call(fn, /, *args, **kwargs)"),
    fa::def<optional>("optional(x=?)"),
    fa::def<make>("make(n)"),
    fa::def<attrs>("attrs(obj, name, value)"),
    fa::def<counter_new>("counter_new()"),
    fa::def<counter_add>("counter_add(counter, n)"),
    fa::def<counter_get>("counter_get(counter)"),
    fa::kEndOfMethods,
};

}  // namespace

FTPY_MODULE_INIT(ft_demo) {
  static const ftpy_module_def def{FTPY_ABI_VERSION, "ft_demo", "A free-threading-safe test module.", kMethods,
                                   fa::module_exec<exec_module>(), FTPY_MOD_GIL_NOT_USED};
  return &def;
}
