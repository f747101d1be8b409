// str: methods, slots and formatting (expected values from CPython 3.11).
#include "runtime_fixture.h"

namespace ftpy {

class StrTest : public RuntimeTest {};

TEST_F(StrTest, SlicingWithNegativeStep) {
  EXPECT_EQ(eval_repr("'abcdef'[::-2]"), "'fdb'");
  EXPECT_EQ(eval_repr("'abcdef'[1:4]"), "'bcd'");
  EXPECT_EQ(eval_repr("'abc'[-1]"), "'c'");
  EXPECT_EQ(eval_repr("'abc'[5]"), "<error: IndexError: string index out of range>");
}

TEST_F(StrTest, RepeatAndContains) {
  EXPECT_EQ(eval_repr("'ab' * 3"), "'ababab'");
  EXPECT_EQ(eval_repr("3 * 'ab'"), "'ababab'");
  EXPECT_EQ(eval_repr("'a' * -1"), "''");
  EXPECT_EQ(eval_repr("'bc' in 'abcd'"), "True");
  EXPECT_EQ(eval_repr("1 in 'a'"), "<error: TypeError: 'in <string>' requires string as left operand, not int>");
}

TEST_F(StrTest, SplitJoinReplace) {
  EXPECT_EQ(eval_repr("'  a b  c  '.split()"), "['a', 'b', 'c']");
  EXPECT_EQ(eval_repr("'  a b  c  '.split(None, 1)"), "['a', 'b  c  ']");
  EXPECT_EQ(eval_repr("'  a b  c  '.rsplit(None, 1)"), "['  a b', 'c']");
  EXPECT_EQ(eval_repr("'a,b,,c'.split(',')"), "['a', 'b', '', 'c']");
  EXPECT_EQ(eval_repr("'-'.join(['a', 'b', 'c'])"), "'a-b-c'");
  EXPECT_EQ(eval_repr("'aaa'.replace('a', 'bb', 2)"), "'bbbba'");
  EXPECT_EQ(eval_repr("'ab'.replace('', '-')"), "'-a-b-'");
  EXPECT_EQ(eval_repr("'a\\r\\nb\\nc'.splitlines(True)"), "['a\\r\\n', 'b\\n', 'c']");
}

TEST_F(StrTest, FindCountStartswith) {
  EXPECT_EQ(eval_repr("'abcabc'.find('c', 3)"), "5");
  EXPECT_EQ(eval_repr("'abcabc'.rfind('ab')"), "3");
  EXPECT_EQ(eval_repr("'abc'.count('')"), "4");
  EXPECT_EQ(eval_repr("'abc'.find('', 4)"), "-1");
  EXPECT_EQ(eval_repr("'abc'.startswith(('x', 'ab'))"), "True");
  EXPECT_EQ(eval_repr("'abc'.index('z')"), "<error: ValueError: substring not found>");
}

TEST_F(StrTest, FullCaseMapping) {
  EXPECT_EQ(eval_repr("'straße'.upper()"), "'STRASSE'");
  EXPECT_EQ(eval_repr("'ΟΔΟΣ'.lower()"), "'οδος'");
  EXPECT_EQ(eval_repr("'hello world'.title()"), "'Hello World'");
  EXPECT_EQ(eval_repr("'ß'.casefold()"), "'ss'");
  EXPECT_EQ(eval_repr("'aBc'.swapcase()"), "'AbC'");
}

TEST_F(StrTest, PaddingAndStripping) {
  EXPECT_EQ(eval_repr("'ab'.center(5, '*')"), "'**ab*'");
  EXPECT_EQ(eval_repr("'-42'.zfill(6)"), "'-00042'");
  EXPECT_EQ(eval_repr("'xxaxx'.strip('x')"), "'a'");
  EXPECT_EQ(eval_repr("'a\\tb'.expandtabs(4)"), "'a   b'");
}

TEST_F(StrTest, FormatMethod) {
  EXPECT_EQ(eval_repr("'{} {}'.format(1, 'a')"), "'1 a'");
  EXPECT_EQ(eval_repr("'{0[1]}{x}'.format('ab', x=3)"), "'b3'");
  EXPECT_EQ(eval_repr("'{{}}{!r}'.format('a')"), "\"{}'a'\"");
  EXPECT_EQ(eval_repr("'{}{0}'.format(1)"),
            "<error: ValueError: cannot switch from automatic field numbering to manual field specification>");
  EXPECT_EQ(eval_repr("'{1}'.format(1)"),
            "<error: IndexError: Replacement index 1 out of range for positional args tuple>");
}

TEST_F(StrTest, PercentFormatting) {
  EXPECT_EQ(eval_repr("'%5.2f|%-6d|%+x|%#o|%05d|% d' % (3.14159, 42, 255, 8, -42, 7)"),
            "' 3.14|42    |+ff|0o10|-0042| 7'");
  EXPECT_EQ(eval_repr("'%(a)s %(b)r' % {'a': 1, 'b': 'x'}"), "\"1 'x'\"");
  EXPECT_EQ(eval_repr("'%*d|%.*f' % (5, 1, 2, 3.14159)"), "'    1|3.14'");
  EXPECT_EQ(eval_repr("'%s %s' % 1"), "<error: TypeError: not enough arguments for format string>");
  EXPECT_EQ(eval_repr("'%s' % (1, 2)"), "<error: TypeError: not all arguments converted during string formatting>");
  EXPECT_EQ(eval_repr("'%d' % 'a'"), "<error: TypeError: %d format: a real number is required, not str>");
}

TEST_F(StrTest, EncodeDecode) {
  EXPECT_EQ(eval_repr("'é'.encode()"), "b'\\xc3\\xa9'");
  EXPECT_EQ(eval_repr("'é'.encode('utf-16')"), "b'\\xff\\xfe\\xe9\\x00'");
  EXPECT_EQ(eval_repr("b'\\xff'.decode('utf-8', 'replace')"), "'\xef\xbf\xbd'");  // '\ufffd' is printable
  EXPECT_EQ(eval_repr("b'\\xff'.decode()"),
            "<error: UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte>");
  EXPECT_EQ(eval_repr("'\\xe9\\xe8'.encode('ascii')"),
            "<error: UnicodeEncodeError: 'ascii' codec can't encode characters in position 0-1: ordinal not in range(128)>");
  EXPECT_EQ(eval_repr("str(b'abc', 'latin-1')"), "'abc'");
}

TEST_F(StrTest, BytesBasics) {
  EXPECT_EQ(eval_repr("bytes([104, 105])"), "b'hi'");
  EXPECT_EQ(eval_repr("b'a\\'b'"), "b\"a'b\"");
  EXPECT_EQ(eval_repr("b'abc'[1]"), "98");
  EXPECT_EQ(eval_repr("b'abc'.hex(':', 2)"), "'61:6263'");
  EXPECT_EQ(eval_repr("bytes.fromhex('61 62')"), "b'ab'");
  EXPECT_EQ(eval_repr("b'%s=%d' % (b'x', 3)"), "b'x=3'");
  EXPECT_EQ(eval_repr("b'a,b'.split(b',')"), "[b'a', b'b']");
}

TEST_F(StrTest, ByteArrayMutation) {
  ASSERT_TRUE(exec("b = bytearray(b'abc')\nb.append(100)\nb[0:1] = b'XY'\ndel b[::2]\nb += b'!'"));
  EXPECT_EQ(eval_repr("b"), "bytearray(b'Yc!')");
  EXPECT_EQ(eval_repr("bytearray(b'ab').pop()"), "98");
  EXPECT_EQ(eval_repr("memoryview(b'abc')[1:].tobytes()"), "b'bc'");
}

}  // namespace ftpy
