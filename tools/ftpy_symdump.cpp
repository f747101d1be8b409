// ftpy_symdump: print a file's symbol table in a stable text form that
// tests/parser/compare_symtable.py also produces from CPython's symtable.
//
//   ftpy_symdump [--no-compiler-checks] FILE
//   ftpy_symdump --batch [--no-compiler-checks]   (file names on stdin)
//
// Output (one file = one record, scopes depth-first, children in order):
//   <type> <name> <lineno>
//     <symbol> <SCOPE> <flags>        (symbols sorted by name; flags = DEF_* bits)
// A record ends with a line "END". Errors print
//   ERROR<TAB>type<TAB>msg<TAB>lineno<TAB>offset
#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "compile/symtable.h"
#include "parse/parser.h"

namespace {

void dump(const ftpy::Scope* s, int indent, std::string& out) {
  out += std::string(indent, ' ') + ftpy::name_of(s->type) + " " + s->name + " " +
         std::to_string(s->lineno) + "\n";
  std::vector<const ftpy::Symbol*> syms;
  for (const auto& sym : s->symbols) syms.push_back(&sym);
  std::sort(syms.begin(), syms.end(),
            [](const ftpy::Symbol* a, const ftpy::Symbol* b) { return a->name < b->name; });
  for (const auto* sym : syms)
    out += std::string(indent + 2, ' ') + sym->name + " " + ftpy::name_of(sym->scope) + " " +
           std::to_string(sym->flags) + "\n";
  for (const auto* c : s->children) dump(c, indent + 2, out);
}

std::string one(const std::string& path, const ftpy::SymtableOptions& opts) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return "ERROR\tOSError\tcannot read\t0\t0\nEND\n";
  std::ostringstream ss;
  ss << f.rdbuf();
  ftpy::ParseResult r = ftpy::parse(ss.str(), path, ftpy::ParseMode::Exec);
  const ftpy::SyntaxErrorInfo* e = r.error ? &*r.error : nullptr;
  ftpy::SyntaxErrorInfo serr;
  std::unique_ptr<ftpy::SymbolTable> t;
  if (!e) {
    t = ftpy::build_symtable(r.mod, r.source, &serr, opts);
    if (!t) e = &serr;
  }
  if (e)
    return "ERROR\t" + e->type + "\t" + e->msg + "\t" + std::to_string(e->lineno) + "\t" +
           std::to_string(e->offset) + "\nEND\n";
  std::string out;
  dump(t->top, 0, out);
  return out + "END\n";
}

}  // namespace

int main(int argc, char** argv) {
  ftpy::SymtableOptions opts;
  bool batch = false;
  std::string file;
  for (int i = 1; i < argc; i++) {
    std::string a = argv[i];
    if (a == "--batch") batch = true;
    else if (a == "--no-compiler-checks") opts.compiler_checks = false;
    else file = a;
  }
  if (batch) {
    std::string path;
    while (std::getline(std::cin, path)) std::cout << one(path, opts) << std::flush;
    return 0;
  }
  if (file.empty()) {
    std::cerr << "usage: ftpy_symdump [--no-compiler-checks] FILE\n";
    return 2;
  }
  std::string out = one(file, opts);
  std::cout << out;
  return out.rfind("ERROR", 0) == 0 ? 1 : 0;
}
