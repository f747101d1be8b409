// The bytecode cache keyed by source text (vm/code_cache.h,
// code_cache_text_code), as lib/_ftpy_hostlib.py uses it for the host
// library's edited modules: the first compile writes the cache file, the
// next one loads it without rewriting it, a changed text is compiled anew,
// and a damaged file is ignored.
#include "runtime_fixture.h"

namespace ftpy {
namespace {

class CodeCacheTest : public RuntimeTest {};

TEST_F(CodeCacheTest, TextKeyedCacheIsWrittenLoadedAndChecked) {
  ASSERT_TRUE(exec(
      "import _ftpy_codecache as cc, os, sys, tempfile\n"
      "sys.dont_write_bytecode = False\n"
      "d = tempfile.mkdtemp()\n"
      "path = os.path.join(d, '__pycache__', 'm.host.ftpy.pyc')\n"
      "def run(text):\n"
      "    ns = {}\n"
      "    exec(cc.compile_cached(text, 'm.py', path), ns)\n"
      "    return ns['f']()\n"
      "src = 'def f():\\n    return [x * 2 for x in (1, 2, 3)] + [b\"k\", 2 ** 70]\\n'\n"
      "r1 = run(src)\n"
      "written = os.path.exists(path)\n"
      "st1 = os.stat(path)\n"
      "r2 = run(src)\n"
      "st2 = os.stat(path)\n"
      "reused = (st1.st_ino, st1.st_mtime_ns) == (st2.st_ino, st2.st_mtime_ns)\n"
      "r3 = run(src.replace('* 2', '* 3'))\n"
      "with open(path, 'r+b') as fh:\n"
      "    fh.truncate(os.path.getsize(path) - 5)\n"
      "r4 = run(src)\n"
      "fn = cc.compile_cached(src, 'm.py', path).co_filename\n"));
  EXPECT_EQ(eval_repr("r1"), "[2, 4, 6, b'k', 1180591620717411303424]");
  EXPECT_EQ(eval_repr("written"), "True");
  EXPECT_EQ(eval_repr("r2 == r1 and reused"), "True");
  EXPECT_EQ(eval_repr("r3[:3]"), "[3, 6, 9]");
  EXPECT_EQ(eval_repr("r4 == r1"), "True");
  EXPECT_EQ(eval_repr("fn"), "'m.py'");
  EXPECT_EQ(eval_repr("cc.compile_cached(1, 'm.py', path)"),
            "<error: TypeError: compile_cached() argument 1 must be str, not int>");
}

}  // namespace
}  // namespace ftpy
