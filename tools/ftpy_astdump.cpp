// ftpy_astdump: print a file's AST like CPython's ast.dump().
//
//   ftpy_astdump [--attrs] [--compat311] [--mode exec|eval|single] FILE|-
//   ftpy_astdump --batch [--attrs] [--compat311]   (file names on stdin)
//
// On a SyntaxError prints one line
//   ERROR<TAB>type<TAB>msg<TAB>lineno<TAB>offset<TAB>end_lineno<TAB>end_offset
// and exits with status 1. In batch mode each file yields one output line.
#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "parse/ast_dump.h"
#include "parse/parser.h"

namespace {

bool read_file(const std::string& path, std::string* out) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    *out = ss.str();
    return true;
  }
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  *out = ss.str();
  return true;
}

std::string one(const std::string& path, ftpy::ParseMode mode, const ftpy::AstDumpOptions& opts,
                 bool* ok) {
  std::string src;
  if (!read_file(path, &src)) {
    *ok = false;
    return "ERROR\tOSError\tcannot read " + path + "\t0\t0\t0\t0";
  }
  ftpy::ParseResult r = ftpy::parse(src, path, mode);
  if (r.error) {
    *ok = false;
    const auto& e = *r.error;
    return "ERROR\t" + e.type + "\t" + e.msg + "\t" + std::to_string(e.lineno) + "\t" +
           std::to_string(e.offset) + "\t" + std::to_string(e.end_lineno) + "\t" +
           std::to_string(e.end_offset);
  }
  *ok = true;
  return ftpy::ast_dump(r.mod, opts);
}

}  // namespace

int main(int argc, char** argv) {
  ftpy::AstDumpOptions opts;
  ftpy::ParseMode mode = ftpy::ParseMode::Exec;
  bool batch = false, time_only = false;
  std::string file;
  for (int i = 1; i < argc; i++) {
    std::string a = argv[i];
    if (a == "--attrs") opts.include_attributes = true;
    else if (a == "--compat311") opts.compat311_fstring_positions = true;
    else if (a == "--batch") batch = true;
    else if (a == "--time") time_only = true;
    else if (a == "--mode" && i + 1 < argc) {
      std::string m = argv[++i];
      mode = m == "eval" ? ftpy::ParseMode::Eval
             : m == "single" ? ftpy::ParseMode::Single
                             : ftpy::ParseMode::Exec;
    } else file = a;
  }
  if (time_only) {
    // Parse every file named on stdin and report the total parse time.
    std::string path;
    double total = 0;
    size_t n = 0, bytes = 0, errors = 0;
    while (std::getline(std::cin, path)) {
      std::string src;
      if (!read_file(path, &src)) continue;
      auto t0 = std::chrono::steady_clock::now();
      ftpy::ParseResult r = ftpy::parse(src, path, mode);
      auto t1 = std::chrono::steady_clock::now();
      total += std::chrono::duration<double>(t1 - t0).count();
      n++;
      bytes += src.size();
      if (r.error) errors++;
    }
    std::cout << n << " files, " << bytes / 1024 << " KiB, " << errors << " syntax errors, "
              << total << " s\n";
    return 0;
  }
  if (batch) {
    std::string path;
    while (std::getline(std::cin, path)) {
      bool ok;
      std::cout << one(path, mode, opts, &ok) << '\n' << std::flush;
    }
    return 0;
  }
  if (file.empty()) {
    std::cerr << "usage: ftpy_astdump [--attrs] [--compat311] [--mode M] FILE\n";
    return 2;
  }
  bool ok;
  std::cout << one(file, mode, opts, &ok) << '\n';
  return ok ? 0 : 1;
}
