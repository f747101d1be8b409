// Format-spec mini-language: format(value, spec) for int, float, complex and
// str; expected values are python3's.
#include <cmath>

#include "number_test_util.h"
#include "objects/format_spec.h"

namespace ftpy {
namespace {

using namespace numtest;

class FormatSpecTest : public RuntimeTest {};

TEST_F(FormatSpecTest, MatchesCPythonForManySpecs) {
  // Generated from python3 3.11: format(value, spec).
  EXPECT_EQ(fmt(I(1234LL).val(), "08,"), "'0,001,234'");
  EXPECT_EQ(fmt(I(1234LL).val(), "09,"), "'0,001,234'");
  EXPECT_EQ(fmt(I(1234LL).val(), "010,"), "'00,001,234'");
  EXPECT_EQ(fmt(I(1234LL).val(), "07,"), "'001,234'");
  EXPECT_EQ(fmt(I(1234LL).val(), "06,"), "'01,234'");
  EXPECT_EQ(fmt(I(-1234LL).val(), "09,"), "'-0,001,234'");
  EXPECT_EQ(fmt(I(1234LL).val(), "#012_x"), "'0x0_0000_04d2'");
  EXPECT_EQ(fmt(I(11259375LL).val(), "_x"), "'ab_cdef'");
  EXPECT_EQ(fmt(I(11259375LL).val(), "#013_x"), "'0x0_00ab_cdef'");
  EXPECT_EQ(fmt(F(HUGE_VAL).val(), "010"), "'0000000inf'");
  EXPECT_EQ(fmt(F(std::nan("")).val(), "+010"), "'+000000nan'");
  EXPECT_EQ(fmt(C(0x1.0000000000000p+0, 0x1.0000000000000p+1).val(), ""), "'(1+2j)'");
  EXPECT_EQ(fmt(C(0x1.0000000000000p+0, 0x1.0000000000000p+1).val(), "10"), "'    (1+2j)'");
  EXPECT_EQ(fmt(C(0x1.0000000000000p+0, 0x1.0000000000000p+1).val(), ".2"), "'(1+2j)'");
  EXPECT_EQ(fmt(C(0x1.0000000000000p+0, 0x1.0000000000000p+1).val(), "g"), "'1+2j'");
  EXPECT_EQ(fmt(C(0x0.0p+0, 0x0.0p+0).val(), ""), "'0j'");
  EXPECT_EQ(fmt(F(0x1.8000000000000p+0).val(), "+"), "'+1.5'");
  EXPECT_EQ(fmt(F(0x1.ec00000000000p+6).val(), ".3"), "'1.23e+02'");
  EXPECT_EQ(fmt(F(0x1.8000000000000p+3).val(), ".3"), "'12.0'");
  EXPECT_EQ(fmt(F(0x1.1c37937e08000p+53).val(), ""), "'1e+16'");
  EXPECT_EQ(fmt(F(0x1.1c37937e08000p+53).val(), ".17"), "'1e+16'");
  EXPECT_EQ(fmt(F(0x1.999999999999ap-4).val(), ".3"), "'0.1'");
  EXPECT_EQ(fmt(F(0x1.34a0000000000p+10).val(), "_"), "'1_234.5'");
  EXPECT_EQ(fmt(F(0x1.34a0000000000p+10).val(), ","), "'1,234.5'");
  EXPECT_EQ(fmt(F(0x1.34a0000000000p+10).val(), "010,.2f"), "'001,234.50'");
  EXPECT_EQ(fmt(I(65LL).val(), "c"), "'A'");
  EXPECT_EQ(fmt(F(0x1.0000000000000p+0).val(), "#.0f"), "'1.'");
  EXPECT_EQ(fmt(F(0x1.0000000000000p+0).val(), "#g"), "'1.00000'");
  EXPECT_EQ(fmt(F(0x1.a36e2eb1c432dp-14).val(), "g"), "'0.0001'");
  EXPECT_EQ(fmt(F(0x1.4f8b588e368f1p-17).val(), ""), "'1e-05'");
  EXPECT_EQ(fmt(F(0x1.d6f3454000000p+26).val(), "n"), "'1.23457e+08'");
  EXPECT_EQ(fmt(I(1234LL).val(), "n"), "'1234'");
  EXPECT_EQ(fmt(F(-0x0.0p+0).val(), "z.1f"), "'0.0'");
  EXPECT_EQ(fmt(F(-0x1.a36e2eb1c432dp-14).val(), "z.1f"), "'0.0'");
  EXPECT_EQ(fmt(F(0x1.8000000000000p+0).val(), "%"), "'150.000000%'");
  EXPECT_EQ(fmt(F(0x1.8000000000000p+0).val(), ".0%"), "'150%'");
  EXPECT_EQ(fmt(I(12345LL).val(), "e"), "'1.234500e+04'");
  EXPECT_EQ(fmt(BigInt("1180591620717411303424").val(), "e"), "'1.180592e+21'");
  EXPECT_EQ(fmt(S("ab").val(), "05"), "'ab000'");
  EXPECT_EQ(fmt(S("abc").val(), ".2"), "'ab'");
  EXPECT_EQ(fmt(S("abc").val(), "^9"), "'   abc   '");
  EXPECT_EQ(fmt(S("abc").val(), "*^8"), "'**abc***'");
  EXPECT_EQ(fmt(I(3LL).val(), "=+5"), "'+   3'");
  EXPECT_EQ(fmt(I(3LL).val(), "x<5"), "'3xxxx'");
  EXPECT_EQ(fmt(F(0x1.091f16677e7afp-23).val(), ".3"), "'1.23e-07'");
  EXPECT_EQ(fmt(F(0x1.249ad2594c37dp+332).val(), "f"), "'10000000000000000159028911097599180468360808563945281389781327557747838772170381060813469985856815104.000000'");
  EXPECT_EQ(fmt(I(1LL).val(), ".2f"), "'1.00'");
  EXPECT_EQ(fmt(BigInt("100000000000000000000").val(), "g"), "'1e+20'");
  EXPECT_EQ(fmt(F(-0x0.0p+0).val(), ""), "'-0.0'");
  EXPECT_EQ(fmt(F(-0x0.0p+0).val(), "f"), "'-0.000000'");
  EXPECT_EQ(fmt(F(-HUGE_VAL).val(), "F"), "'-INF'");
  EXPECT_EQ(fmt(F(0x1.8000000000000p+0).val(), "#"), "'1.5'");
  EXPECT_EQ(fmt(F(0x1.9000000000000p+6).val(), "#.3g"), "'100.'");
  EXPECT_EQ(fmt(F(0x1.86a0000000000p+16).val(), "#"), "'100000.0'");
  EXPECT_EQ(fmt(F(0x1.0000000000000p-1).val(), ".0f"), "'0'");
  EXPECT_EQ(fmt(F(0x1.8000000000000p+0).val(), ".0f"), "'2'");
  EXPECT_EQ(fmt(F(0x1.4000000000000p+1).val(), ".0f"), "'2'");
  EXPECT_EQ(fmt(F(0x1.1c37937e08000p+53).val(), ".16"), "'1e+16'");
  EXPECT_EQ(fmt(F(0x1.2d68700000000p+20).val(), ".3n"), "'1.23e+06'");
  EXPECT_EQ(fmt(C(0x0.0p+0, 0x1.0000000000000p+0).val(), "10"), "'        1j'");
  EXPECT_EQ(fmt(C(-0x0.0p+0, -0x1.0000000000000p+0).val(), ""), "'(-0-1j)'");
  EXPECT_EQ(fmt(C(0x1.5af1d78b58c40p+66, 0x1.0000000000000p+0).val(), ""), "'(1e+20+1j)'");
  EXPECT_EQ(fmt(C(0x1.0000000000000p+0, 0x1.0000000000000p+1).val(), "+.3f"), "'+1.000+2.000j'");
  EXPECT_EQ(fmt(C(0x1.0000000000000p+0, 0x1.0000000000000p+1).val(), "^20"), "'       (1+2j)       '");
  EXPECT_EQ(fmt(BigInt("12345678901234567890").val(), "_d"), "'12_345_678_901_234_567_890'");
  EXPECT_EQ(fmt(I(255LL).val(), "#b"), "'0b11111111'");
  EXPECT_EQ(fmt(I(255LL).val(), "#o"), "'0o377'");
  EXPECT_EQ(fmt(I(255LL).val(), "#X"), "'0XFF'");
  EXPECT_EQ(fmt(I(-255LL).val(), "#x"), "'-0xff'");
  EXPECT_EQ(fmt(I(-255LL).val(), "#010x"), "'-0x00000ff'");
  EXPECT_EQ(fmt(F(0x1.0000000000000p+0).val(), "e"), "'1.000000e+00'");
  EXPECT_EQ(fmt(F(0x0.0p+0).val(), "e"), "'0.000000e+00'");
  EXPECT_EQ(fmt(F(0x0.0p+0).val(), "g"), "'0'");
  EXPECT_EQ(fmt(F(0x0.0000000000001p-1022).val(), ""), "'5e-324'");
  EXPECT_EQ(fmt(F(0x1.fffffffffffffp+1023).val(), ""), "'1.7976931348623157e+308'");
  EXPECT_EQ(fmt(I(1234LL).val(), "0=10,"), "'00,001,234'");
  EXPECT_EQ(fmt(F(HUGE_VAL).val(), "010,"), "'0000000inf'");
  EXPECT_EQ(fmt(F(0x1.1c37937e08000p+53).val(), "#"), "'1.e+16'");
  EXPECT_EQ(fmt(F(0x1.34a0000000000p+10).val(), "010,"), "'0,001,234.5'");
  EXPECT_EQ(fmt(Ref<>::borrow(true_value()).val(), ""), "'True'");
  EXPECT_EQ(fmt(Ref<>::borrow(true_value()).val(), "d"), "'1'");
  EXPECT_EQ(fmt(Ref<>::borrow(true_value()).val(), "^6"), "'  1   '");
  EXPECT_EQ(fmt(F(0x1.4000000000000p+1).val(), "5.1%"), "'250.0%'");
  EXPECT_EQ(fmt(F(0x1.81cd6c8b43958p+13).val(), "_.2e"), "'1.23e+04'");
  EXPECT_EQ(fmt(BigInt("1000000000000000000000000000000").val(), ",g"), "'1e+30'");
  EXPECT_EQ(fmt(F(-0x0.0p+0).val(), "z"), "'0.0'");
  EXPECT_EQ(fmt(F(-0x1.b7cdfd9d7bdbbp-34).val(), "z.2"), "'-1e-10'");
  EXPECT_EQ(fmt(C(-0x0.0p+0, -0x0.0p+0).val(), "z"), "'(0+0j)'");
  EXPECT_EQ(fmt(C(0x0.0p+0, -0x0.0p+0).val(), ""), "'-0j'");
  EXPECT_EQ(fmt(C(0x1.0000000000000p+0, 0x1.0000000000000p+1).val(), ",.2f"), "'1.00+2.00j'");
  EXPECT_EQ(fmt(C(0x1.e848000000000p+19, 0x1.e848000000000p+20).val(), ","), "'(1,000,000+2,000,000j)'");
  EXPECT_EQ(fmt(C(0x1.8000000000000p+0, 0x0.0p+0).val(), ""), "'(1.5+0j)'");
  EXPECT_EQ(fmt(C(-0x0.0p+0, 0x1.0000000000000p+0).val(), ""), "'(-0+1j)'");
  EXPECT_EQ(fmt(C(0x1.0000000000000p+0, 0x1.0000000000000p+0).val(), "<10"), "'(1+1j)    '");
  EXPECT_EQ(fmt(C(0x1.0000000000000p+0, 0x1.0000000000000p+0).val(), "x<10"), "'(1+1j)xxxx'");
  EXPECT_EQ(fmt(C(0x1.0000000000000p+0, 0x1.0000000000000p+0).val(), "#"), "'(1.+1.j)'");
  EXPECT_EQ(fmt(F(0x1.0000000000000p+0).val(), "#"), "'1.0'");
  EXPECT_EQ(fmt(F(0x1.0000000000000p+0).val(), "#.0e"), "'1.e+00'");
  EXPECT_EQ(fmt(F(0x1.0000000000000p+0).val(), "#.0"), "'1.e+00'");
  EXPECT_EQ(fmt(F(0x1.9000000000000p+6).val(), ".0"), "'1e+02'");
  EXPECT_EQ(fmt(I(-5LL).val(), "c"), "OverflowError: %c arg not in range(0x110000)");
  EXPECT_EQ(fmt(I(1114112LL).val(), "c"), "OverflowError: %c arg not in range(0x110000)");
  EXPECT_EQ(fmt(I(1LL).val(), "abc"), "ValueError: Invalid format specifier 'abc' for object of type 'int'");
  EXPECT_EQ(fmt(I(1LL).val(), "."), "ValueError: Format specifier missing precision");
  EXPECT_EQ(fmt(I(1LL).val(), ",_"), "ValueError: Cannot specify both ',' and '_'.");
  EXPECT_EQ(fmt(I(1LL).val(), "_,"), "ValueError: Cannot specify both ',' and '_'.");
  EXPECT_EQ(fmt(I(1LL).val(), ",n"), "ValueError: Cannot specify ',' with 'n'.");
  EXPECT_EQ(fmt(I(1LL).val(), ".2d"), "ValueError: Precision not allowed in integer format specifier");
  EXPECT_EQ(fmt(I(1LL).val(), "+c"), "ValueError: Sign not allowed with integer format specifier 'c'");
  EXPECT_EQ(fmt(I(1LL).val(), "#c"), "ValueError: Alternate form (#) not allowed with integer format specifier 'c'");
  EXPECT_EQ(fmt(I(1LL).val(), "q"), "ValueError: Unknown format code 'q' for object of type 'int'");
  EXPECT_EQ(fmt(I(1LL).val(), "z"), "ValueError: Negative zero coercion (z) not allowed in integer format specifier");
  EXPECT_EQ(fmt(I(1LL).val(), "zd"), "ValueError: Negative zero coercion (z) not allowed in integer format specifier");
  EXPECT_EQ(fmt(S("a").val(), ","), "ValueError: Cannot specify ',' with 's'.");
  EXPECT_EQ(fmt(S("a").val(), "+"), "ValueError: Sign not allowed in string format specifier");
  EXPECT_EQ(fmt(S("a").val(), "#"), "ValueError: Alternate form (#) not allowed in string format specifier");
  EXPECT_EQ(fmt(S("a").val(), "="), "ValueError: '=' alignment not allowed in string format specifier");
  EXPECT_EQ(fmt(S("a").val(), "d"), "ValueError: Unknown format code 'd' for object of type 'str'");
  EXPECT_EQ(fmt(S("a").val(), "z"), "ValueError: Negative zero coercion (z) not allowed in string format specifier");
  EXPECT_EQ(fmt(F(0x1.0000000000000p+0).val(), ",n"), "ValueError: Cannot specify ',' with 'n'.");
  EXPECT_EQ(fmt(F(0x1.0000000000000p+0).val(), "d"), "ValueError: Unknown format code 'd' for object of type 'float'");
  EXPECT_EQ(fmt(C(0x1.0000000000000p+0, 0x1.0000000000000p+0).val(), "010"), "ValueError: Zero padding is not allowed in complex format specifier");
  EXPECT_EQ(fmt(C(0x1.0000000000000p+0, 0x1.0000000000000p+0).val(), "=10"), "ValueError: '=' alignment flag is not allowed in complex format specifier");
  EXPECT_EQ(fmt(C(0x1.0000000000000p+0, 0x1.0000000000000p+0).val(), "%"), "ValueError: Unknown format code '%' for object of type 'complex'");
  EXPECT_EQ(fmt(C(0x1.0000000000000p+0, 0x1.0000000000000p+0).val(), "n"), "'1+1j'");
  EXPECT_EQ(fmt(I(1LL).val(), ",x"), "ValueError: Cannot specify ',' with 'x'.");
  EXPECT_EQ(fmt(I(1LL).val(), "_c"), "ValueError: Cannot specify '_' with 'c'.");
  EXPECT_EQ(fmt(F(0x1.0000000000000p+0).val(), "_x"), "ValueError: Unknown format code 'x' for object of type 'float'");
  EXPECT_EQ(fmt(S("a").val(), "_"), "ValueError: Cannot specify '_' with 's'.");
  EXPECT_EQ(fmt(I(1LL).val(), "\xc3\xa9"""), "ValueError: Unknown format code '\\xe9' for object of type 'int'");
  EXPECT_EQ(fmt(I(1LL).val(), "99999999999999999999"), "ValueError: Too many decimal digits in format string");
  EXPECT_EQ(fmt(I(-1LL).val(), "c"), "OverflowError: %c arg not in range(0x110000)");
  EXPECT_EQ(fmt(F(0x1.0000000000000p+0).val(), "c"), "ValueError: Unknown format code 'c' for object of type 'float'");
  EXPECT_EQ(fmt(S("a").val(), "."), "ValueError: Format specifier missing precision");
  EXPECT_EQ(fmt(I(1LL).val(), "%%"), "ValueError: Invalid format specifier '%%' for object of type 'int'");
  EXPECT_EQ(fmt(I(1LL).val(), "d "), "ValueError: Invalid format specifier 'd ' for object of type 'int'");
  EXPECT_EQ(fmt(F(0x1.0000000000000p+0).val(), "z"), "'1.0'");
  EXPECT_EQ(fmt(C(0x1.0000000000000p+0, 0x1.0000000000000p+0).val(), "z"), "'(1+1j)'");
  EXPECT_EQ(fmt(S("a").val(), ""), "'a'");
  EXPECT_EQ(fmt(I(1LL).val(), "=c"), "'\\x01'");
  EXPECT_EQ(fmt(S("h\xc3\xa9""llo").val(), "\xc3\xa9""^9"), "'\xc3\xa9""\xc3\xa9""h\xc3\xa9""llo\xc3\xa9""\xc3\xa9""'");
  EXPECT_EQ(fmt(S("h\xc3\xa9""llo").val(), ".2"), "'h\xc3\xa9""'");
  EXPECT_EQ(fmt(F(0x1.0000000000000p+0).val(), "\xc3\xa9"">6"), "'\xc3\xa9""\xc3\xa9""\xc3\xa9""1.0'");
  EXPECT_EQ(fmt(F(0x1.999999999999ap-4).val(), ".20f"), "'0.10000000000000000555'");
  EXPECT_EQ(fmt(F(0x1.5555555555555p-2).val(), ".17g"), "'0.33333333333333331'");
  EXPECT_EQ(fmt(F(0x1.5555555555555p-1).val(), "e"), "'6.666667e-01'");
  EXPECT_EQ(fmt(F(0x1.0f0cf064dd592p+73).val(), ""), "'1e+22'");
  EXPECT_EQ(fmt(F(0x1.ad7f29abcaf48p-24).val(), ""), "'1e-07'");
  EXPECT_EQ(fmt(F(0x1.e240c9fbe76c9p+16).val(), ".2e"), "'1.23e+05'");
  EXPECT_EQ(fmt(F(-0x1.8000000000000p+0).val(), "+.1f"), "'-1.5'");
  EXPECT_EQ(fmt(F(0x1.8000000000000p+0).val(), " .1f"), "' 1.5'");
  EXPECT_EQ(fmt(F(0x1.8000000000000p+0).val(), " "), "' 1.5'");
  EXPECT_EQ(fmt(I(-12345LL).val(), " ,"), "'-12,345'");
  EXPECT_EQ(fmt(I(7LL).val(), "#010b"), "'0b00000111'");
  EXPECT_EQ(fmt(I(7LL).val(), "#_b"), "'0b111'");
  EXPECT_EQ(fmt(BigInt("1267650600228229401496703205376").val(), "x"), "'10000000000000000000000000'");
  EXPECT_EQ(fmt(BigInt("-1267650600228229401496703205376").val(), ","), "'-1,267,650,600,228,229,401,496,703,205,376'");
  EXPECT_EQ(fmt(I(5LL).val(), "%"), "'500.000000%'");
  EXPECT_EQ(fmt(I(5LL).val(), ".1e"), "'5.0e+00'");
  EXPECT_EQ(fmt(I(100000000000000000LL).val(), "n"), "'100000000000000000'");
  EXPECT_EQ(fmt(F(0x1.02e7ef70994ddp-13).val(), ".2"), "'0.00012'");
  EXPECT_EQ(fmt(F(0x1.cbe991a140000p+36).val(), ".5"), "'1.2346e+11'");
  EXPECT_EQ(fmt(F(0x1.1eb2d66005835p+997).val(), ".3g"), "'1.5e+300'");
  EXPECT_EQ(fmt(F(std::nan("")).val(), "F"), "'NAN'");
  EXPECT_EQ(fmt(F(std::nan("")).val(), ""), "'nan'");
  EXPECT_EQ(fmt(F(HUGE_VAL).val(), "+"), "'+inf'");
  EXPECT_EQ(fmt(F(0x1.c6bf526340000p+49).val(), ""), "'1000000000000000.0'");
  EXPECT_EQ(fmt(F(0x1.edd2f1a9fbe77p+6).val(), "10.2f"), "'    123.46'");
  EXPECT_EQ(fmt(F(0x1.edd2f1a9fbe77p+6).val(), "<10.2f"), "'123.46    '");
  EXPECT_EQ(fmt(F(0x1.edd2f1a9fbe77p+6).val(), "^10.2f"), "'  123.46  '");
  EXPECT_EQ(fmt(F(-0x1.edd2f1a9fbe77p+6).val(), "=10.2f"), "'-   123.46'");
  EXPECT_EQ(fmt(F(0x1.0000000000000p-1).val(), ".0%"), "'50%'");
  EXPECT_EQ(fmt(F(0x1.0000000000000p-3).val(), ".2f"), "'0.12'");
  EXPECT_EQ(fmt(F(0x1.8000000000000p-2).val(), ".2f"), "'0.38'");
  EXPECT_EQ(fmt(F(0x1.5666666666666p+1).val(), ".2f"), "'2.67'");
}

TEST_F(FormatSpecTest, ParseReadsEveryField) {
  Ref<> spec = S("*^+z#012_.3f");
  FormatSpec fs;
  ASSERT_TRUE(format_spec_parse(spec.val().as<Str>(), "float", &fs));
  EXPECT_EQ(fs.fill, static_cast<uint32_t>('*'));
  EXPECT_EQ(fs.align, '^');
  EXPECT_EQ(fs.sign, '+');
  EXPECT_TRUE(fs.no_neg_zero);
  EXPECT_TRUE(fs.alternate);
  EXPECT_EQ(fs.width, 12);  // the '0' after an explicit fill is part of the width
  EXPECT_EQ(fs.grouping, '_');
  EXPECT_EQ(fs.precision, 3);
  EXPECT_EQ(fs.type, static_cast<uint32_t>('f'));
}

TEST_F(FormatSpecTest, PadUsesDefaultAlignmentAndFill) {
  FormatSpec fs;
  fs.width = 5;
  EXPECT_EQ(R(format_spec_pad(fs, "ab", '<')), "'ab   '");
  EXPECT_EQ(R(format_spec_pad(fs, "ab", '>')), "'   ab'");
  fs.fill = 0xe9;
  fs.align = '^';
  EXPECT_EQ(R(format_spec_pad(fs, "\xc3\xa9", '<')), "'\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9'");
}

TEST_F(FormatSpecTest, HugeIntDecimalFormattingHonoursDigitLimit) {
  Ref<> big = BigInt(std::string(4300, '9').c_str());
  Ref<> ten = I(10);
  Ref<> bigger = binary_op(big.val(), ten.val(), kOpMul);
  EXPECT_EQ(fmt(bigger.val(), "d"),
            "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use "
            "sys.set_int_max_str_digits() to increase the limit");
  EXPECT_EQ(fmt(bigger.val(), "x").size(), 3574u);  // hex is not limited (3572 digits + quotes)
}

}  // namespace
}  // namespace ftpy
