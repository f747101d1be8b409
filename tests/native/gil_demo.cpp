// A native module that does not declare free-threading support
// (FTPY_MOD_GIL_USED): importing it turns the GIL on and warns, unless
// PYTHON_GIL=0 / -X gil=0. Installed as plain gil_demo.so.
#include <ftpy/ftpy.hpp>

namespace fa = ftpy::api;

namespace {

fa::Handle square(fa::View, fa::Args args) {
  double x;
  if (!args[0].as_double(&x)) return {};
  return fa::floating(x * x);
}

fa::Handle gil_enabled(fa::View, fa::Args) { return fa::boolean(ftpy_gil_enabled()); }

const ftpy_method_def kMethods[] = {
    fa::def<square>("square(x, /)"),
    fa::def<gil_enabled>("gil_enabled()"),
    fa::kEndOfMethods,
};

}  // namespace

FTPY_MODULE_INIT(gil_demo) {
  static const ftpy_module_def def{FTPY_ABI_VERSION, "gil_demo", nullptr, kMethods, nullptr, FTPY_MOD_GIL_USED};
  return &def;
}
