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

using namespace ftpy;

// Bytes literals show as latin-1 str until objects/bytes.cpp is on this branch.
namespace ftpy {
__attribute__((weak)) Ref<> bytes_from(const void* p, size_t n) {
  return str_from_latin1(static_cast<const uint8_t*>(p), static_cast<int64_t>(n));
}
}  // namespace ftpy

static void init_objects() {
  InterpConfig cfg;
  cfg.argv = {"ftpy_dis"};
  if (!runtime_init(cfg)) {
    std::fprintf(stderr, "ftpy_dis: runtime initialisation failed\n");
    std::exit(2);
  }
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
