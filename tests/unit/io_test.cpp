// Unit tests for the _io, posix, errno and time modules, run through Python
// snippets. Built only once bytes (objects/bytes.h) is in the tree.
#if __has_include("objects/bytes.h")
#include "modules/errno_module.h"
#include "modules/io_module.h"
#include "modules/posix_module.h"
#include "modules/time_module.h"
#include "runtime_fixture.h"
#include "vm/import.h"

namespace ftpy {

class IOTest : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    static bool registered = false;
    if (!registered) {
      import_register_builtin("_io", io_module_create);
      import_register_builtin("posix", posix_module_create);
      import_register_builtin("errno", errno_module_create);
      import_register_builtin("time", time_module_create);
      registered = true;
    }
    ASSERT_TRUE(exec("import _io, posix, errno, time")) << last_error_;
  }
};

TEST_F(IOTest, StringIOReadsLinesWithUniversalNewlines) {
  EXPECT_EQ(eval_repr("_io.StringIO('a\\r\\nb\\rc', newline=None).readlines()"), "['a\\n', 'b\\n', 'c']");
  EXPECT_EQ(eval_repr("_io.StringIO('a\\r\\nb', newline='').readline()"), "'a\\r\\n'");
}

TEST_F(IOTest, StringIOWritePastEndPadsWithNul) {
  ASSERT_TRUE(exec("s = _io.StringIO()\ns.seek(3)\ns.write('x')")) << last_error_;
  EXPECT_EQ(eval_repr("s.getvalue()"), "'\\x00\\x00\\x00x'");
}

TEST_F(IOTest, BytesIOSeekNegativeRaisesValueError) {
  EXPECT_EQ(eval_repr("_io.BytesIO().seek(-1)"), "<error: ValueError: negative seek value -1>");
}

TEST_F(IOTest, OpenRejectsConflictingModes) {
  EXPECT_EQ(eval_repr("_io.open('x', 'rtb')"), "<error: ValueError: can't have text and binary mode at once>");
  EXPECT_EQ(eval_repr("_io.open('x', 'rw')"),
            "<error: ValueError: must have exactly one of create/read/write/append mode>");
}

TEST_F(IOTest, OpenMissingFileRaisesFileNotFoundError) {
  EXPECT_EQ(eval_repr("_io.open('/nonexistent/ftpy')"),
            "<error: FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent/ftpy'>");
}

TEST_F(IOTest, TextFileRoundTripAndTell) {
  ASSERT_TRUE(exec("p = '/tmp/ftpy_io_unit_%d' % posix.getpid()\n"
                   "with _io.open(p, 'w', newline='\\r\\n') as f: f.write('ab\\ncd\\n')\n"
                   "f = _io.open(p)\nfirst = f.readline()\npos = f.tell()\nrest = f.read()\nf.close()\n"
                   "raw = _io.open(p, 'rb').read()\nposix.unlink(p)"))
      << last_error_;
  EXPECT_EQ(eval_repr("(first, pos, rest, raw)"), "('ab\\n', 4, 'cd\\n', b'ab\\r\\ncd\\r\\n')");
}

TEST_F(IOTest, UnsupportedOperationIsOSErrorAndValueError) {
  EXPECT_EQ(eval_repr("issubclass(_io.UnsupportedOperation, OSError) and "
                      "issubclass(_io.UnsupportedOperation, ValueError)"),
            "True");
}

TEST_F(IOTest, StatResultHasTenItemsAndFloatTimes) {
  EXPECT_EQ(eval_repr("(len(posix.stat('/')), type(posix.stat('/').st_mtime).__name__)"), "(10, 'float')");
}

TEST_F(IOTest, ErrnoErrorcodePrefersCanonicalNames) {
  EXPECT_EQ(eval_repr("(errno.errorcode[errno.EAGAIN], errno.ENOENT)"), "('EAGAIN', 2)");
}

TEST_F(IOTest, TimeSleepRejectsNegative) {
  EXPECT_EQ(eval_repr("time.sleep(-1)"), "<error: ValueError: sleep length must be non-negative>");
  EXPECT_EQ(eval_repr("time.gmtime(0)[:6]"), "(1970, 1, 1, 0, 0, 0)");
}

}  // namespace ftpy
#endif
