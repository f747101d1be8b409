// The bytecode cache: a module's compiled code kept in
// <dir>/__pycache__/<name>.ftpy.pyc next to its source (<name>.ftpy.opt-N.pyc
// under -O/-OO, the names importlib.util.cache_from_source gives with
// sys.implementation.cache_tag 'ftpy'), so that importing
// it again does not tokenize, parse and compile the source (compiling was
// 750M of the 988M instructions of importing 13 common stdlib modules).
// See code_cache.cpp for the format and the rules.
#pragma once

#include <string>
#include <string_view>

#include "runtime/ref.h"

namespace ftpy {

// The code object of the module source at `path`: loaded from its cache
// file when that is valid, else compiled from the source (and the cache
// written, unless bytecode writing is off). Raises as reading and
// compile_source do.
Ref<> code_cache_module_code(const std::string& path);

// The cache file for the module source at `path` under the current -O
// level: what an imported module's __cached__ (and its spec's `cached`)
// names, whether or not the file exists. "" when `path` is not a .py file.
std::string code_cache_path(const std::string& path);

// The code object of source `text` (not a file's: lib/ wrappers run the
// host library's modules with edits to their text) compiled as `filename`,
// cached in `cpath` under the text's length and keyed hash instead of a
// file's mtime and size.
Ref<> code_cache_text_code(std::string_view text, const std::string& filename, const std::string& cpath);

// The _ftpy_codecache module: compile_cached(text, filename, cache_path),
// the Python face of code_cache_text_code for lib/_ftpy_hostlib.py.
Ref<> code_cache_module_create();

// -B / PYTHONDONTWRITEBYTECODE (set by main before the runtime starts):
// the initial value of sys.dont_write_bytecode.
void code_cache_set_dont_write(bool v);
bool code_cache_dont_write();

}  // namespace ftpy
