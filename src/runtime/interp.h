// Interpreter-wide state and start-up (one process = one interpreter).
//
// Thread safety: the fields below are written during start-up (before any
// second thread exists) or are atomics.
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "runtime/ref.h"

namespace ftpy {

struct InterpConfig {
  std::vector<std::string> argv;       // sys.argv
  std::vector<std::string> xoptions;   // -X options
  std::vector<std::string> warnoptions;
  std::string program_name;            // argv[0] of the process
  bool ignore_environment = false;     // -E
  bool unbuffered = false;             // -u
  bool interactive = false;
  bool inspect = false;
  bool quiet = false;
  bool safe_path = false;              // -P
  bool isolated = false;               // -I
  int gil = -1;                        // -1 default (off until a module needs it), 0, 1
  int optimize = 0;                    // -O
  bool verbose = false;
};

struct Interp {
  InterpConfig config;
  Value builtins;      // builtins module dict (owned)
  Value builtins_mod;  // builtins module (owned)
  Value sys_mod;       // sys module (owned)
  Value sys_dict;      // sys module dict (owned)
  Value modules;       // sys.modules (owned)
  std::atomic<bool> finalizing{false};
};

extern Interp g_interp;

// Start-up and shutdown of the runtime (types, builtins, sys, main thread).
bool runtime_init(const InterpConfig& config);
void runtime_finalize();
// Join non-daemon threads (threading._shutdown); returns an exit status.
int runtime_shutdown_threads();

// Flush sys.stdout/sys.stderr (before writing tracebacks to stderr directly).
void flush_std_streams();

std::string executable_path();          // /proc/self/exe
Ref<> builtin_module_names_tuple();
extern std::atomic<int> g_int_max_str_digits;  // sys.set_int_max_str_digits

}  // namespace ftpy
