// Scaffolding until the compiler lands on main (branch `compiler` replaces
// this file): compiling source raises SystemError.
#include "runtime/pythonrun.h"

#include "objects/errors.h"

namespace ftpy {

Ref<> compile_source(std::string_view source, std::string_view filename, CompileMode mode, int flags, int optimize) {
  return err_set_str(g_SystemError, "ftpy: the bytecode compiler is not built into this binary yet");
}

Ref<> run_source(std::string_view source, std::string_view filename, CompileMode mode, Value globals, Value locals) {
  return compile_source(source, filename, mode);
}

}  // namespace ftpy
