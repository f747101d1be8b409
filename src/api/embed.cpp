// The embedding half of the public C ABI (include/ftpy/ftpy.h): starting and
// finalising the runtime, running source, and attaching the embedder's own
// OS threads.
//
// Thread safety: g_state moves kNotStarted -> kRunning -> kFinalized, each
// step made once by the main thread; other threads only read it (acquire).
// Everything else delegates to the thread-state machine (runtime/thread_state.h).
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "ftpy/ftpy.h"
#include "modules/thread_module.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/ids.h"
#include "objects/module.h"
#include "runtime/gil.h"
#include "runtime/interp.h"
#include "runtime/pythonrun.h"
#include "runtime/thread_state.h"
#include "vm/traceback.h"

namespace ftpy {
namespace {

enum class EmbedState { kNotStarted, kRunning, kFinalized };
std::atomic<EmbedState> g_state{EmbedState::kNotStarted};

// ftpy_blocking_begin/end pairs: bit i of the mask says whether the i-th
// open pair actually detached (a thread already detached stays so).
thread_local uint64_t tls_blocking_mask = 0;
thread_local int tls_blocking_depth = 0;

// PYTHON_GIL as the command line reads it: -1 unset, 0, 1, or -2 invalid.
int gil_from_environment() {
  const char* v = std::getenv("PYTHON_GIL");
  if (!v) return -1;
  if (std::strcmp(v, "0") == 0) return 0;
  if (std::strcmp(v, "1") == 0) return 1;
  return -2;
}

bool create_main_module() {
  Ref<> m = module_new("__main__");
  if (!m) return false;
  Value d = module_dict(m.val());
  return dict_set_item(d, Value(ids::__builtins__), g_interp.builtins_mod) >= 0 &&
         dict_set_item_str(g_interp.modules, "__main__", m.val()) >= 0;
}

Value main_dict() {
  Ref<> m;
  if (dict_get_item_str(g_interp.modules, str_intern("__main__"), &m) <= 0 || !is_module(m.val())) return Value();
  return module_dict(m.val());  // borrowed: __main__ stays in sys.modules
}

}  // namespace
}  // namespace ftpy

using namespace ftpy;

extern "C" {

int ftpy_initialize(const ftpy_config* config) {
  if (g_state.load(std::memory_order_acquire) != EmbedState::kNotStarted) {
    std::fprintf(stderr, "ftpy_initialize: the runtime can be started once per process\n");
    return -1;
  }
  InterpConfig cfg;
  cfg.program_name = executable_path();
  ftpy_config defaults{sizeof(ftpy_config), -1, 0, nullptr, 0};
  const ftpy_config& c = config ? *config : defaults;
  cfg.ignore_environment = c.ignore_environment != 0;
  cfg.gil = c.gil;
  if (cfg.gil == -1 && !cfg.ignore_environment) cfg.gil = gil_from_environment();
  if (cfg.gil < -1 || cfg.gil > 1) {
    std::fprintf(stderr, "ftpy_initialize: PYTHON_GIL / gil must be \"0\" or \"1\"\n");
    return -1;
  }
  for (int i = 0; i < c.argc; i++) cfg.argv.emplace_back(c.argv[i]);
  if (cfg.argv.empty()) cfg.argv.emplace_back("");
  if (!runtime_init(cfg) || !create_main_module()) {
    Ref<> e = err_fetch();
    std::fprintf(stderr, "ftpy_initialize: runtime initialisation failed\n");
    if (e) print_exception_to_stderr(e.val());
    return -1;
  }
  g_state.store(EmbedState::kRunning, std::memory_order_release);
  return 0;
}

int ftpy_is_initialized(void) { return g_state.load(std::memory_order_acquire) == EmbedState::kRunning; }

int ftpy_finalize(void) {
  if (g_state.load(std::memory_order_acquire) != EmbedState::kRunning || !thread_is_attached()) return -1;
  int status = runtime_shutdown_threads() ? 1 : 0;
  runtime_finalize();
  g_state.store(EmbedState::kFinalized, std::memory_order_release);
  ThreadState* ts = tstate();
  thread_locals_thread_exited(ts->index);
  thread_detach_delete(ts);
  return status;
}

ftpy_value ftpy_run(const char* source, const char* filename, int mode, ftpy_value globals) {
  Value g = globals ? Value(globals) : main_dict();
  if (g.is_null() || !is_dict(g)) {
    err_set_str(g_SystemError, "ftpy_run: globals must be a dict");
    return 0;
  }
  if (mode != 0 && mode != 1) {
    err_set_str(g_ValueError, "ftpy_run: mode must be 0 (exec) or 1 (eval)");
    return 0;
  }
  return run_source(source, filename ? filename : "<embedded>", mode == 1 ? CompileMode::kEval : CompileMode::kExec,
                    g, Value())
      .release()
      .bits();
}

int ftpy_thread_attach(void) {
  if (g_state.load(std::memory_order_acquire) != EmbedState::kRunning || tstate()) return -1;
  thread_attach_new(false);
  return 0;
}

void ftpy_thread_detach(void) {
  ThreadState* ts = tstate();
  if (!ts) return;
  thread_reattach();  // teardown runs attached (it may free objects)
  thread_locals_thread_exited(ts->index);
  thread_detach_delete(ts);
}

int ftpy_thread_is_attached(void) { return thread_is_attached(); }

void ftpy_blocking_begin(void) {
  // Pairs nested deeper than 64 cannot be recorded and never detach.
  bool detach = tls_blocking_depth < 64 && thread_is_attached();
  if (detach) tls_blocking_mask |= uint64_t{1} << tls_blocking_depth;
  tls_blocking_depth++;
  if (detach) thread_detach_for_blocking();
}

void ftpy_blocking_end(void) {
  if (tls_blocking_depth == 0) return;
  tls_blocking_depth--;
  if (tls_blocking_depth >= 64) return;
  uint64_t bit = uint64_t{1} << tls_blocking_depth;
  if (tls_blocking_mask & bit) {
    tls_blocking_mask &= ~bit;
    thread_reattach();
  }
}

int ftpy_gil_enabled(void) { return gil_is_enabled(); }

}  // extern "C"
