// ftpy command line: `ftpy [options] [-c cmd | -m mod | file | -] [args]`
// and the interactive REPL.
#include <locale.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "modules/readline_module.h"
#include "modules/sys_module.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/interp.h"
#include "runtime/pythonrun.h"
#include "vm/code_cache.h"
#include "vm/import.h"
#include "vm/traceback.h"

using namespace ftpy;

namespace {

constexpr const char* kVersion = "Python 3.14.0 (ftpy)";

void usage(FILE* out) {
  std::fprintf(out,
               "usage: ftpy [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
               "Options:\n"
               "-c cmd : program passed in as string (terminates option list)\n"
               "-E     : ignore PYTHON* environment variables (such as PYTHONPATH)\n"
               "-h     : print this help message and exit (also -? or --help)\n"
               "-i     : inspect interactively after running script\n"
               "-I     : isolate ftpy from the user's environment (implies -E and -P)\n"
               "-m mod : run library module as a script (terminates option list)\n"
               "-O     : remove assert statements\n"
               "-P     : don't prepend a potentially unsafe path to sys.path\n"
               "-q     : don't print version and copyright messages on interactive startup\n"
               "-u     : force the stdout and stderr streams to be unbuffered\n"
               "-V     : print the Python version number and exit (also --version)\n"
               "-W arg : warning control\n"
               "-X opt : set implementation-specific option (gil=0|1)\n"
               "file   : program read from script file\n"
               "-      : program read from stdin (default; interactive mode if a tty)\n"
               "arg ...: arguments passed to program in sys.argv[1:]\n");
}

// What CPython prints after a command-line error (then exit status 2).
void short_usage(const char* prog) {
  std::fprintf(stderr,
               "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
               "Try `python -h' for more information.\n",
               prog);
}

[[noreturn]] void bad_gil_value() {
  std::fprintf(stderr,
               "Fatal Python error: config_read_gil: PYTHON_GIL / -X gil must be \"0\" or \"1\"\n"
               "Python runtime state: preinitialized\n\n");
  std::exit(1);
}

// An uncaught KeyboardInterrupt ends the process by SIGINT (as CPython does),
// so that a calling shell sees the interrupt and stops too.
bool g_exit_by_sigint = false;

// Exit status for an uncaught exception (SystemExit's code, else 1).
int handle_exception() {
  Ref<> exc = err_fetch();
  if (!exc) return 1;
  if (is_subtype(type_of(exc.val()), g_SystemExit)) {
    Value code = exception_extra(exc.val(), kSystemExitCode);
    if (code.is_null() || is_none(code)) return 0;
    int64_t n;
    if (is_int(code) && int_as_int64(code, &n)) return static_cast<int>(n & 0xFF);
    // Anything else is printed to stderr, exit status 1.
    flush_std_streams();
    std::string s = str_utf8(code);
    std::fprintf(stderr, "%s\n", s.c_str());
    return 1;
  }
  flush_std_streams();
  sys_excepthook(exc.val());
  if (err_occurred()) err_clear();
  if (is_subtype(type_of(exc.val()), g_KeyboardInterrupt)) {
    g_exit_by_sigint = true;
    return 130;
  }
  return 1;
}

void set_main_path0(const std::string& dir) {
  Ref<> path;
  if (dict_get_item_str(g_interp.sys_dict, ids::path, &path) <= 0) return;
  Ref<Str> s = str_from_utf8(dir);
  Ref<> r = call_method(path.val(), "insert", std::array<Value, 2>{Value::small(0), s.val()}.data(), 2);
  if (!r) err_clear();
}

Ref<> main_module_dict() {
  Ref<> m = module_new("__main__");
  if (!m) return nullptr;
  Value d = module_dict(m.val());
  // As CPython's start-up makes it: __annotations__ (empty) before __builtins__.
  Ref<Dict> ann = dict_new();
  if (!ann || dict_set_item(d, Value(ids::__annotations__), ann.val()) < 0) return nullptr;
  dict_set_item(d, Value(ids::__builtins__), g_interp.builtins_mod);
  dict_set_item_str(g_interp.modules, "__main__", m.val());
  return Ref<>::borrow(d);
}

bool looks_incomplete(Value exc, const std::string& src) {
  if (!is_subtype(type_of(exc), g_SyntaxError)) return false;
  Value msg = exception_extra(exc, kSyntaxMsg);
  if (msg.is_null() || !is_str(msg)) return false;
  std::string m(str_view(msg));
  return m.find("unexpected EOF") != std::string::npos || m.find("was never closed") != std::string::npos ||
         m.find("incomplete input") != std::string::npos ||
         m.find("unterminated triple-quoted") != std::string::npos ||
         (m.find("expected an indented block") != std::string::npos && src.back() == '\n' &&
          src.find('\n') == src.size() - 1);
}

// What CPython's site module does for an interactive session on a
// terminal: Tab completes names through rlcompleter, and the history lives
// in ~/.python_history. Failures are ignored (no readline, no home).
void enable_completion() {
  static const char kSetup[] =
      "def _setup():\n"
      "    import atexit, os\n"
      "    try:\n"
      "        import readline, rlcompleter\n"
      "    except ImportError:\n"
      "        return\n"
      "    readline.parse_and_bind('tab: complete')\n"
      "    try:\n"
      "        readline.read_init_file()\n"
      "    except OSError:\n"
      "        pass\n"
      "    if readline.get_current_history_length() == 0:\n"
      "        path = os.path.join(os.path.expanduser('~'), '.python_history')\n"
      "        try:\n"
      "            readline.read_history_file(path)\n"
      "        except OSError:\n"
      "            pass\n"
      "        def save():\n"
      "            try:\n"
      "                readline.write_history_file(path)\n"
      "            except OSError:\n"
      "                pass\n"
      "        atexit.register(save)\n"
      "_setup()\n";
  Ref<Dict> ns = dict_new();
  if (!ns || dict_set_item(ns.val(), Value(ids::__builtins__), g_interp.builtins_mod) < 0) {
    err_clear();
    return;
  }
  Ref<> r = run_source(kSetup, "<interactive setup>", CompileMode::kExec, ns.val(), Value());
  if (!r) err_clear();
}

int run_repl(Value globals) {
  if (!g_interp.config.quiet && ::isatty(0))
    std::fprintf(stderr, "%s\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n",
                 kVersion);
  bool tty = ::isatty(0);
  if (tty) enable_completion();
  for (;;) {
    std::string src;
    bool first = true;
    for (;;) {
      const char* prompt = first ? ">>> " : "... ";
      std::string line;
      if (tty) {
        flush_std_streams();
        int got = readline_read_line(prompt, &line);  // the same entry point as input()
        if (got < 0) {
          // Ctrl-C at the prompt drops the statement being typed.
          err_clear();
          std::fprintf(stderr, "\nKeyboardInterrupt\n");
          src.clear();
          first = true;
          continue;
        }
        if (got == 0) {
          std::fprintf(stderr, "\n");
          return 0;
        }
      } else {
        std::fprintf(stderr, "%s", prompt);
        if (!std::getline(std::cin, line)) {
          std::fprintf(stderr, "\n");
          return 0;
        }
      }
      src += line + "\n";
      // A compound statement continues until an empty line.
      bool block = !line.empty() && (line.back() == ':' || line.back() == '\\');
      if (!first && line.empty()) break;
      Ref<> code = compile_source(src, "<stdin>", CompileMode::kSingle);
      if (code && !block && first) break;
      if (!code) {
        Ref<> exc = err_fetch();
        if (looks_incomplete(exc.val(), src) || block || (!first && !line.empty())) {
          first = false;
          continue;
        }
        err_restore(std::move(exc));
        break;
      }
      first = false;
    }
    if (err_occurred()) {
      handle_exception();
      continue;
    }
    Ref<> r = run_source(src, "<stdin>", CompileMode::kSingle, globals, Value());
    if (!r) {
      Value e = err_peek();
      if (!e.is_null() && is_subtype(type_of(e), g_SystemExit)) return handle_exception();
      handle_exception();
    }
    flush_std_streams();
  }
}

}  // namespace

// PEP 538, as CPython's python executable does it (not an embedding
// program): when the LC_CTYPE locale the environment names is C or POSIX
// (or one the system does not have) and LC_ALL does not force it, set
// LC_CTYPE to a UTF-8 variant of C, so this process and its children get
// UTF-8 text. PYTHONCOERCECLOCALE=0 turns it off, =warn says so on stderr.
static void coerce_c_locale(InterpConfig& cfg) {
  const char* all = std::getenv("LC_ALL");
  if (all && *all) return;
  const char* loc = nullptr;
  for (const char* var : {"LC_CTYPE", "LANG"}) {
    const char* v = std::getenv(var);
    if (v && *v) {
      loc = v;
      break;
    }
  }
  bool legacy = !loc || std::strcmp(loc, "C") == 0 || std::strcmp(loc, "POSIX") == 0;
  if (!legacy) {
    locale_t l = ::newlocale(LC_CTYPE_MASK, loc, locale_t{});
    if (!l) legacy = true;
    else ::freelocale(l);
  }
  if (!legacy) return;
  const char* mode = cfg.ignore_environment ? nullptr : std::getenv("PYTHONCOERCECLOCALE");
  if (mode && std::strcmp(mode, "0") == 0) return;
  for (const char* target : {"C.UTF-8", "C.utf8", "UTF-8"}) {
    locale_t l = ::newlocale(LC_CTYPE_MASK, target, locale_t{});
    if (!l) continue;
    ::freelocale(l);
    ::setenv("LC_CTYPE", target, 1);
    sys_note_c_locale_coerced();
    if (mode && std::strcmp(mode, "warn") == 0)
      std::fprintf(stderr,
                   "Python detected LC_CTYPE=C: LC_CTYPE coerced to %s (set another locale or "
                   "PYTHONCOERCECLOCALE=0 to disable this locale coercion behavior).\n",
                   target);
    return;
  }
}

int main(int argc, char** argv) {
  InterpConfig cfg;
  cfg.program_name = argv[0];
  std::string command, module, script;
  bool have_command = false, have_module = false, have_script = false, read_stdin = false;
  int i = 1;
  for (; i < argc; i++) {
    std::string a = argv[i];
    if (a == "--version" || a == "-V") {
      std::printf("%s\n", kVersion);
      return 0;
    }
    if (a == "--help" || a == "-h" || a == "-?") {
      usage(stdout);
      return 0;
    }
    if (a == "-") {
      read_stdin = true;
      i++;
      break;
    }
    if (a.size() < 2 || a[0] != '-') break;
    if (a == "--") {
      i++;
      break;
    }
    if (a[1] == '-') {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      short_usage(argv[0]);
      return 2;
    }
    // Clustered single-letter options (-uE), with -c/-m/-X/-W taking a value.
    size_t k = 1;
    bool stop = false;
    for (; k < a.size(); k++) {
      char c = a[k];
      auto value = [&](const char* opt) -> std::string {
        if (k + 1 < a.size()) {
          std::string v = a.substr(k + 1);
          k = a.size();
          return v;
        }
        if (i + 1 >= argc) {
          std::fprintf(stderr, "Argument expected for the %s option\n", opt);
          short_usage(argv[0]);
          std::exit(2);
        }
        k = a.size();
        return argv[++i];
      };
      switch (c) {
        case 'c': command = value("-c"); have_command = true; stop = true; break;
        case 'm': module = value("-m"); have_module = true; stop = true; break;
        case 'X': cfg.xoptions.push_back(value("-X")); break;
        case 'W': cfg.warnoptions.push_back(value("-W")); break;
        case 'u': cfg.unbuffered = true; break;
        case 'E': cfg.ignore_environment = true; break;
        case 'I': cfg.isolated = cfg.ignore_environment = cfg.safe_path = true; break;
        case 'P': cfg.safe_path = true; break;
        case 'i': cfg.inspect = cfg.interactive = true; break;
        case 'q': cfg.quiet = true; break;
        case 'O': cfg.optimize++; break;
        case 'v': cfg.verbose = true; break;
        case 'B': code_cache_set_dont_write(true); break;
        case 's': case 'S': case 'b': case 'd': case 'R': break;
        default:
          std::fprintf(stderr, "Unknown option: -%c\n", c);
          short_usage(argv[0]);
          return 2;
      }
      if (stop) break;
    }
    if (stop) {
      i++;
      break;
    }
  }
  if (!have_command && !have_module && !read_stdin && i < argc) {
    script = argv[i++];
    have_script = true;
  }
  // -X gil and PYTHON_GIL.
  const char* env_gil = cfg.ignore_environment ? nullptr : std::getenv("PYTHON_GIL");
  if (env_gil) {
    if (std::strcmp(env_gil, "0") == 0) cfg.gil = 0;
    else if (std::strcmp(env_gil, "1") == 0) cfg.gil = 1;
    else bad_gil_value();
  }
  for (const std::string& x : cfg.xoptions) {
    if (x.rfind("gil", 0) == 0 && (x.size() == 3 || x[3] == '=')) {
      std::string v = x.size() > 4 ? x.substr(4) : "";
      if (v == "0") cfg.gil = 0;
      else if (v == "1") cfg.gil = 1;
      else bad_gil_value();
    }
  }
  auto env_set = [&](const char* name) -> const char* {
    const char* v = cfg.ignore_environment ? nullptr : std::getenv(name);
    return v && *v ? v : nullptr;
  };
  if (env_set("PYTHONUNBUFFERED")) cfg.unbuffered = true;
  if (env_set("PYTHONSAFEPATH")) cfg.safe_path = true;
  if (env_set("PYTHONDONTWRITEBYTECODE")) code_cache_set_dont_write(true);
  if (const char* o = env_set("PYTHONOPTIMIZE")) {
    // As CPython: an integer sets the level (if above -O's count), any other
    // non-empty value means 1.
    char* end = nullptr;
    long n = std::strtol(o, &end, 10);
    int level = (end && *end == '\0') ? static_cast<int>(n) : 1;
    if (level > cfg.optimize) cfg.optimize = level;
  }
  if (const char* w = env_set("PYTHONWARNINGS")) {
    // Comma-separated filters, applied before (so overridden by) -W options.
    std::vector<std::string> env_filters;
    std::string item;
    for (const char* p = w;; p++) {
      if (*p == ',' || *p == '\0') {
        if (!item.empty()) env_filters.push_back(item);
        item.clear();
        if (!*p) break;
      } else {
        item += *p;
      }
    }
    cfg.warnoptions.insert(cfg.warnoptions.begin(), env_filters.begin(), env_filters.end());
  }
  // sys.argv
  if (have_command) cfg.argv.push_back("-c");
  else if (have_module) cfg.argv.push_back(module);  // replaced by the module's path once found
  else if (have_script) cfg.argv.push_back(script);
  else cfg.argv.push_back(read_stdin ? "-" : "");
  for (; i < argc; i++) cfg.argv.push_back(argv[i]);
  bool interactive = !have_command && !have_module && !have_script && ::isatty(0);
  cfg.interactive = cfg.interactive || interactive;

  coerce_c_locale(cfg);
  if (!runtime_init(cfg)) {
    Ref<> e = err_fetch();
    std::fprintf(stderr, "ftpy: runtime initialisation failed\n");
    if (e) print_exception_to_stderr(e.val());
    return 1;
  }

  if (!sys_resolve_stdio_encoding()) return 1;

  int status = 0;
  // A directory or zip archive as the script: CPython puts its path (the
  // working directory joined to the argument as given) first on sys.path,
  // even under -P, and runs the __main__ module found there.
  std::string main_path;
  int main_kind = 0;
  if (have_script) {
    main_path = script;
    if (script.empty() || script[0] != '/') {
      char cwd[4096];
      if (::getcwd(cwd, sizeof cwd)) main_path = std::string(cwd) + "/" + script;
    }
    main_kind = import_main_path_kind(main_path);
  }
  auto report_not_found = [&]() {
    // runpy's form: "<sys.executable>: <message>", exit status 1.
    Ref<> exc = err_fetch();
    Ref<> exe;
    std::string prog = argv[0];
    if (dict_get_item_str(g_interp.sys_dict, str_intern("executable"), &exe) > 0 && is_str(exe.val()))
      prog = std::string(str_view(exe.val()));
    err_clear();
    Ref<> msg = exc ? str(exc.val()) : nullptr;
    err_clear();
    flush_std_streams();
    std::fprintf(stderr, "%s: %s\n", prog.c_str(), msg ? std::string(str_view(msg.val())).c_str() : "");
    return 1;
  };
  if (main_kind < 0) {
    status = handle_exception();
  } else if (main_kind > 0) {
    set_main_path0(main_path);
    ModuleRunResult r = run_path_as_main(main_path);
    if (r == ModuleRunResult::kNotFound) status = report_not_found();
    else status = r == ModuleRunResult::kOk ? 0 : handle_exception();
  } else if (have_script) {
    std::string dir = ".";
    size_t slash = script.rfind('/');
    if (slash != std::string::npos) dir = slash == 0 ? "/" : script.substr(0, slash);
    if (!cfg.safe_path) {
      char real[4096];
      if (::realpath(dir.c_str(), real)) dir = real;
      set_main_path0(dir);
    }
    // As CPython: __file__ and tracebacks name the script by an absolute
    // path; sys.argv[0] keeps the form it was given in.
    std::string abs_script = script;
    if (script.empty() || script[0] != '/') {
      char cwd[4096];
      if (::getcwd(cwd, sizeof cwd))
        abs_script = std::string(cwd) + "/" + (script.rfind("./", 0) == 0 ? script.substr(2) : script);
    }
    int r = run_main_file(abs_script);
    if (r == -2) {
      std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", argv[0], abs_script.c_str(), errno,
                   std::strerror(errno));
      status = 2;
    } else if (r < 0) {
      status = handle_exception();
    }
  } else if (have_command) {
    if (!cfg.safe_path) set_main_path0("");
    Ref<> d = main_module_dict();
    Ref<> r = d ? run_source(command, "<string>", CompileMode::kExec, d.val(), Value()) : nullptr;
    if (!r) status = handle_exception();
  } else if (have_module) {
    if (!cfg.safe_path) {
      char cwd[4096];
      set_main_path0(::getcwd(cwd, sizeof cwd) ? cwd : ".");
    }
    ModuleRunResult r = run_module_as_main(module);
    if (r == ModuleRunResult::kNotFound) status = report_not_found();
    else status = r == ModuleRunResult::kOk ? 0 : handle_exception();
  } else if (interactive) {
    if (!cfg.safe_path) set_main_path0("");
    Ref<> d = main_module_dict();
    if (d) status = run_repl(d.val());
  } else {
    // Program from stdin.
    if (!cfg.safe_path) set_main_path0("");
    std::stringstream ss;
    ss << std::cin.rdbuf();
    Ref<> d = main_module_dict();
    Ref<> r = d ? run_source(ss.str(), "<stdin>", CompileMode::kExec, d.val(), Value(), kFtpyCFFileInput) : nullptr;
    if (!r) status = handle_exception();
  }
  if (cfg.inspect && (have_script || have_command || have_module)) {
    Ref<> m;
    if (dict_get_item_str(g_interp.modules, str_intern("__main__"), &m) > 0) {
      status = run_repl(module_dict(m.val()));
    }
  }
  int shutdown_status = runtime_shutdown_threads();
  if (shutdown_status && !status) status = shutdown_status;
  runtime_finalize();
  std::fflush(stdout);
  std::fflush(stderr);
  if (g_exit_by_sigint && status == 130) {
    std::signal(SIGINT, SIG_DFL);
    ::kill(::getpid(), SIGINT);
  }
  return status;
}
