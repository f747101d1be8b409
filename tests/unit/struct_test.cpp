// _struct: formats, byte orders, native alignment and CPython's messages.
// Expected values come from python3 (3.14 wording for range errors).
#include "modules/struct_module.h"
#include "objects/module.h"
#include "runtime_fixture.h"

namespace ftpy {

class StructTest : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    Ref<> m = struct_module_create();
    ASSERT_TRUE(m);
    dict_set_item_str(globals_.val(), "struct", m.val());
  }
};

TEST_F(StructTest, CalcsizeAppliesNativeAlignmentOnlyForAt) {
  EXPECT_EQ(eval_repr("struct.calcsize('@bhiq')"), "16");
  EXPECT_EQ(eval_repr("struct.calcsize('@qb')"), "9");
  EXPECT_EQ(eval_repr("struct.calcsize('<bhiq')"), "15");
  EXPECT_EQ(eval_repr("struct.calcsize('@b0i')"), "4");
  EXPECT_EQ(eval_repr("struct.calcsize('@e?P')"), "16");
  EXPECT_EQ(eval_repr("struct.calcsize('!3s2p')"), "5");
  EXPECT_EQ(eval_repr("struct.calcsize(' i h ')"), "6");
  EXPECT_EQ(eval_repr("struct.calcsize('2 i')"), "<error: struct.error: bad char in struct format>");
}

TEST_F(StructTest, PackUsesTheRequestedByteOrder) {
  EXPECT_EQ(eval_repr("struct.pack('>qQ', -2, 2**64-1).hex()"), "'fffffffffffffffeffffffffffffffff'");
  EXPECT_EQ(eval_repr("struct.pack('<hI', -2, 0x01020304)"), "b'\\xfe\\xff\\x04\\x03\\x02\\x01'");
  EXPECT_EQ(eval_repr("struct.pack('@bi', 1, 2)"), "b'\\x01\\x00\\x00\\x00\\x02\\x00\\x00\\x00'");
  EXPECT_EQ(eval_repr("struct.unpack('!I', b'\\x01\\x02\\x03\\x04')"), "(16909060,)");
}

TEST_F(StructTest, HalfFloatsRoundToNearestEven) {
  EXPECT_EQ(eval_repr("struct.pack('<e', 0.1).hex()"), "'662e'");
  EXPECT_EQ(eval_repr("struct.pack('<e', 65504.0).hex()"), "'ff7b'");
  EXPECT_EQ(eval_repr("struct.pack('<e', 6e-8).hex()"), "'0100'");
  EXPECT_EQ(eval_repr("struct.unpack('<e', b'\\x01\\x00')"), "(5.960464477539063e-08,)");
  EXPECT_EQ(eval_repr("struct.pack('e', 1e300)"), "<error: OverflowError: float too large to pack with e format>");
}

TEST_F(StructTest, StringsAndPascalStrings) {
  EXPECT_EQ(eval_repr("struct.pack('3s', b'abcdef')"), "b'abc'");
  EXPECT_EQ(eval_repr("struct.pack('5p', b'abcdefgh')"), "b'\\x04abcd'");
  EXPECT_EQ(eval_repr("struct.unpack('<3p', b'\\x05ab')"), "(b'ab',)");
  EXPECT_EQ(eval_repr("struct.pack('<2?', 0, 5)"), "b'\\x00\\x01'");
  EXPECT_EQ(eval_repr("struct.pack('s', 'a')"), "<error: struct.error: argument for 's' must be a bytes object>");
}

TEST_F(StructTest, ErrorMessagesMatchCPython) {
  EXPECT_EQ(eval_repr("struct.pack('i', 'x')"), "<error: struct.error: required argument is not an integer>");
  // CPython 3.11's wording (the host python3 the Python tests compare with):
  // native sizes name the C type, standard sizes and huge values say less.
  EXPECT_EQ(eval_repr("struct.pack('h', 40000)"),
            "<error: struct.error: short format requires -32768 <= number <= 32767>");
  EXPECT_EQ(eval_repr("struct.pack('<L', 2**32)"), "<error: struct.error: 'L' format requires 0 <= number <= 4294967295>");
  EXPECT_EQ(eval_repr("struct.pack('<Q', -1)"), "<error: struct.error: argument out of range>");
  EXPECT_EQ(eval_repr("struct.pack('>b', 2**70)"), "<error: struct.error: argument out of range>");
  EXPECT_EQ(eval_repr("struct.unpack('i', b'abc')"), "<error: struct.error: unpack requires a buffer of 4 bytes>");
  EXPECT_EQ(eval_repr("struct.pack('z')"), "<error: struct.error: bad char in struct format>");
  EXPECT_EQ(eval_repr("struct.pack('<n', 1)"), "<error: struct.error: bad char in struct format>");
  EXPECT_EQ(eval_repr("struct.pack('ii', 1)"), "<error: struct.error: pack expected 2 items for packing (got 1)>");
  EXPECT_EQ(eval_repr("struct.calcsize('3')"), "<error: struct.error: repeat count given without format specifier>");
}

TEST_F(StructTest, UnpackFromAndPackIntoCheckOffsets) {
  EXPECT_EQ(eval_repr("struct.unpack_from('<h', b'\\x00\\x01\\x02', 1)"), "(513,)");
  EXPECT_EQ(eval_repr("struct.unpack_from('i', b'abcdef', 4)"),
            "<error: struct.error: unpack_from requires a buffer of at least 8 bytes for unpacking 4 bytes at offset 4 "
            "(actual buffer size is 6)>");
  EXPECT_EQ(eval_repr("struct.unpack_from('i', b'abcdef', -10)"),
            "<error: struct.error: offset -10 out of range for 6-byte buffer>");
  ASSERT_TRUE(exec("buf = bytearray(6); struct.pack_into('<h', buf, 2, -2)"));
  EXPECT_EQ(eval_repr("buf"), "bytearray(b'\\x00\\x00\\xfe\\xff\\x00\\x00')");
  EXPECT_EQ(eval_repr("struct.pack_into('i', b'abcdef', 0, 1)"),
            "<error: TypeError: argument must be read-write bytes-like object, not bytes>");
}

TEST_F(StructTest, StructObjectAndIterUnpack) {
  ASSERT_TRUE(exec("s = struct.Struct(b'<ih')"));
  EXPECT_EQ(eval_repr("(s.format, s.size, s.unpack(s.pack(7, -1)))"), "('<ih', 6, (7, -1))");
  EXPECT_EQ(eval_repr("list(struct.iter_unpack('<h', b'abcd'))"), "[(25185,), (25699,)]");
  EXPECT_EQ(eval_repr("struct.iter_unpack('i', b'abcde')"),
            "<error: struct.error: iterative unpacking requires a buffer of a multiple of 4 bytes>");
  EXPECT_EQ(eval_repr("struct.Struct(5)"), "<error: TypeError: Struct() argument 1 must be a str or bytes object, not int>");
}

}  // namespace ftpy
