// ftpy_dis: compile a Python file with ftpy's compiler and print the
// disassembly (or, with --check, only verify it: used to run the compiler
// over a whole library).
//
//   ftpy_dis FILE               disassembly on stdout
//   ftpy_dis --check FILE...    one line per file: "OK", or the error
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "compile/compiler.h"
#include "compile/disassembler.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/interp.h"
#include "runtime/thread_state.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "objects/list.h"

namespace ftpy {
void hash_init_from_env();
void type_core_init();
void type_core_ready();
void str_type_init_core();
void tuple_type_init_core();
void dict_type_init_core();
void list_type_init_core();
void int_type_init_core();
void float_type_init_core();
void complex_type_init_core();
void ids_init();
void slot_wrapper_types_ready();
void native_types_init();
void singletons_init();
void exceptions_module_init();
void errors_init_memory_error();
void function_types_init();
void code_type_init();
extern Type g_str_type, g_tuple_type, g_dict_type, g_list_type, g_int_type, g_bool_type, g_float_type, g_complex_type;
}  // namespace ftpy

using namespace ftpy;

// Until the interpreter is on this branch: weak stand-ins for the runtime
// symbols the object files reference (never called by the compiler).
namespace ftpy {
__attribute__((weak)) int list_sort(Value, Value, bool) { return -1; }
__attribute__((weak)) Value current_globals() { return Value(); }
__attribute__((weak)) Value current_builtins_dict() { return Value(); }
__attribute__((weak)) void frame_stack_free(ThreadState*) {}
__attribute__((weak)) void frame_stack_init(ThreadState*) {}
__attribute__((weak)) Ref<> vm_call_function(Function*, const Value*, size_t, Value) { return nullptr; }
__attribute__((weak)) void flush_std_streams() {}
__attribute__((weak)) bool frame_super_args(Value*, Value*) { return false; }
// Bytes literals show as latin-1 str until objects/bytes.cpp is on this branch.
__attribute__((weak)) Ref<> bytes_from(const void* p, size_t n) {
  return str_from_latin1(static_cast<const uint8_t*>(p), static_cast<int64_t>(n));
}
}  // namespace ftpy

// The object system is all the compiler needs (no interpreter, no modules).
static void init_objects() {
  hash_init_from_env();
  thread_attach_new(true);
  type_core_init();
  str_type_init_core();
  tuple_type_init_core();
  dict_type_init_core();
  list_type_init_core();
  int_type_init_core();
  float_type_init_core();
  complex_type_init_core();
  ids_init();
  slot_wrapper_types_ready();
  native_types_init();
  type_core_ready();
  for (Type* t : {&g_str_type, &g_tuple_type, &g_dict_type, &g_list_type, &g_int_type, &g_bool_type, &g_float_type,
                  &g_complex_type})
    type_ready(t);
  singletons_init();
  exceptions_module_init();
  errors_init_memory_error();
  function_types_init();
  code_type_init();
}

static bool read_file(const char* path, std::string* out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  *out = ss.str();
  return true;
}

static std::string verify_all(Code* c) {
  std::string e = verify_code(c);
  if (!e.empty()) return std::string(str_view(c->qualname)) + ": " + e;
  for (int64_t k = 0; k < tuple_size(c->consts); k++) {
    Value v = tuple_item(c->consts, k);
    if (is_code(v)) {
      e = verify_all(v.as<Code>());
      if (!e.empty()) return e;
    }
  }
  return "";
}

int main(int argc, char** argv) {
  init_objects();
  if (argc > 1 && std::strcmp(argv[1], "--stdin-error") == 0) {
    // Compile stdin; print "OK" or "type|msg|lineno|offset|end_lineno|end_offset".
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    SyntaxErrorInfo err;
    Ref<Code> code = compile_string(ss.str(), "<s>", 0, CompileOptions{}, &err);
    if (code) {
      std::string e = verify_all(code.get());
      std::printf("%s\n", e.empty() ? "OK" : ("VERIFY " + e).c_str());
    } else {
      std::printf("%s|%s|%d|%d|%d|%d\n", err.type.c_str(), err.msg.c_str(), err.lineno, err.offset, err.end_lineno,
                  err.end_offset);
    }
    return 0;
  }
  bool check = argc > 1 && std::strcmp(argv[1], "--check") == 0;
  int first = check ? 2 : 1;
  if (argc <= first) {
    std::fprintf(stderr, "usage: ftpy_dis [--check] FILE...\n");
    return 2;
  }
  int bad = 0;
  for (int i = first; i < argc; i++) {
    std::string src;
    if (!read_file(argv[i], &src)) {
      std::printf("%s: cannot read\n", argv[i]);
      bad++;
      continue;
    }
    SyntaxErrorInfo err;
    Ref<Code> code;
    try {
      code = compile_string(src, argv[i], 0, CompileOptions{}, &err);
    } catch (const std::exception& ex) {  // a bug outside the compiler (e.g. std::stoll overflow)
      std::printf("%s: C++ exception %s\n", argv[i], ex.what());
      bad++;
      continue;
    }
    if (!code) {
      bad++;
      if (err.type.empty()) {
        Ref<> e = err_fetch();
        Ref<> r = e ? repr(e.val()) : Ref<>();
        std::printf("%s: Python error %s\n", argv[i], r ? std::string(str_view(r.val())).c_str() : "?");
      } else {
        std::printf("%s: %s: %s (line %d, offset %d)\n", argv[i], err.type.c_str(), err.msg.c_str(), err.lineno,
                    err.offset);
      }
      continue;
    }
    if (check) {
      std::string e = verify_all(code.get());
      if (!e.empty()) {
        bad++;
        std::printf("%s: VERIFY %s\n", argv[i], e.c_str());
      } else {
        std::printf("%s: OK\n", argv[i]);
      }
    } else {
      std::fputs(disassemble(code.get()).c_str(), stdout);
    }
  }
  return bad ? 1 : 0;
}
