// int and bool: constructors, methods and getters, called through the C++
// protocol; expected values are python3's.
#include <cmath>

#include "number_test_util.h"

namespace ftpy {
namespace {

using namespace numtest;

class IntTest : public RuntimeTest {};

TEST_F(IntTest, ConstructorMatchesCPython) {
  EXPECT_EQ(R(call_v(Value(&g_int_type), {})), "0");  // int()
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("12").val()})), "12");  // int('12')
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S(" -0x_1f ").val(), I(16LL).val()})), "-31");  // int(' -0x_1f ', 16)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("x").val()})), "ValueError: invalid literal for int() with base 10: 'x'");  // int('x')
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S(" x ").val()})), "ValueError: invalid literal for int() with base 10: ' x '");  // int(' x ')
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("\xd9\xa1""\xd9\xa2""\xd9\xa3""").val()})), "123");  // int('١٢٣')
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("\xc2\xa0""12\xe2\x80\x83""").val()})), "12");  // int('\\xa012\\u2003')
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("12").val()}, {{"base", I(0LL).val()}})), "12");  // int('12', base=0)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("0x10").val(), I(0LL).val()})), "16");  // int('0x10', 0)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("010").val(), I(0LL).val()})), "ValueError: invalid literal for int() with base 0: '010'");  // int('010', 0)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("").val()})), "ValueError: invalid literal for int() with base 10: ''");  // int('')
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("-").val()})), "ValueError: invalid literal for int() with base 10: '-'");  // int('-')
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("+0b1").val(), I(0LL).val()})), "1");  // int('+0b1', 0)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("0b").val(), I(0LL).val()})), "ValueError: invalid literal for int() with base 0: '0b'");  // int('0b', 0)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("1e5").val()})), "ValueError: invalid literal for int() with base 10: '1e5'");  // int('1e5')
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("z").val(), I(36LL).val()})), "35");  // int('z', 36)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("Z").val(), I(36LL).val()})), "35");  // int('Z', 36)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("123456789012345678901234567890").val(), I(36LL).val()})), "1436287679432363134028105837355561937436483460");  // int('123456789012345678901234567890', 36)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("12").val(), I(-1LL).val()})), "ValueError: int() base must be >= 2 and <= 36, or 0");  // int('12', -1)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("1").val(), I(37LL).val()})), "ValueError: int() base must be >= 2 and <= 36, or 0");  // int('1', 37)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {F(0x1.8000000000000p+0).val(), I(2LL).val()})), "TypeError: int() can't convert non-string with explicit base");  // int(1.5, 2)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("1").val(), F(0x1.8000000000000p+0).val()})), "TypeError: 'float' object cannot be interpreted as an integer");  // int('1', 1.5)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {Ref<>::borrow(none()).val()})), "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'");  // int(None)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {F(0x1.7e43c8800759cp+996).val()})), "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160");  // int(1e+300)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {F(HUGE_VAL).val()})), "OverflowError: cannot convert float infinity to integer");  // int(float('inf'))
  EXPECT_EQ(R(call_v(Value(&g_int_type), {F(std::nan("")).val()})), "ValueError: cannot convert float NaN to integer");  // int(float('nan'))
  EXPECT_EQ(R(call_v(Value(&g_int_type), {F(-0x1.7333333333333p+1).val()})), "-2");  // int(-2.9)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {C(0x1.8000000000000p+1, 0x0.0p+0).val()})), "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'complex'");  // int(complex(3.0, 0.0))
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("\xc3\xa9""").val()})), "ValueError: invalid literal for int() with base 10: '\xc3\xa9""'");  // int('é')
  EXPECT_EQ(R(call_v(Value(&g_int_type), {}, {{"base", I(2LL).val()}})), "TypeError: int() missing string argument");  // int(base=2)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {I(1LL).val(), I(2LL).val(), I(3LL).val()})), "TypeError: int() takes at most 2 arguments (3 given)");  // int(1, 2, 3)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("1_000_000").val()})), "1000000");  // int('1_000_000')
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("1__0").val()})), "ValueError: invalid literal for int() with base 10: '1__0'");  // int('1__0')
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("_1").val()})), "ValueError: invalid literal for int() with base 10: '_1'");  // int('_1')
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("1_").val()})), "ValueError: invalid literal for int() with base 10: '1_'");  // int('1_')
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("0_0").val(), I(0LL).val()})), "0");  // int('0_0', 0)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("00").val(), I(0LL).val()})), "0");  // int('00', 0)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("999999999999999999999999999999").val()})), "999999999999999999999999999999");  // int('999999999999999999999999999999')
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("-7777777777777777777777777").val(), I(8LL).val()})), "-37778931862957161709567");  // int('-7777777777777777777777777', 8)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("ff").val(), I(16LL).val()})), "255");  // int('ff', 16)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("FF").val(), I(16LL).val()})), "255");  // int('FF', 16)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("0o17").val(), I(8LL).val()})), "15");  // int('0o17', 8)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S("0b1").val(), I(16LL).val()})), "177");  // int('0b1', 16)
  EXPECT_EQ(R(call_v(Value(&g_int_type), {Ref<>::borrow(true_value()).val()})), "1");  // int(True)
}

TEST_F(IntTest, BoolConstructorUsesTruth) {
  EXPECT_EQ(R(call_v(Value(&g_bool_type), {})), "False");  // bool()
  EXPECT_EQ(R(call_v(Value(&g_bool_type), {I(0LL).val()})), "False");  // bool(0)
  EXPECT_EQ(R(call_v(Value(&g_bool_type), {I(3LL).val()})), "True");  // bool(3)
  EXPECT_EQ(R(call_v(Value(&g_bool_type), {S("").val()})), "False");  // bool('')
  EXPECT_EQ(R(call_v(Value(&g_bool_type), {S("a").val()})), "True");  // bool('a')
  EXPECT_EQ(R(call_v(Value(&g_bool_type), {F(0x0.0p+0).val()})), "False");  // bool(0.0)
  EXPECT_EQ(R(call_v(Value(&g_bool_type), {Ref<>(tuple_pack({I(1LL).val(), I(2LL).val()})).val()})), "True");  // bool((1, 2))
}

TEST_F(IntTest, MethodsMatchCPython) {
  EXPECT_EQ(R(method(I(0LL).val(), "bit_length", {})), "0");  // (0).bit_length()
  EXPECT_EQ(R(method(I(255LL).val(), "bit_length", {})), "8");  // (255).bit_length()
  EXPECT_EQ(R(method(I(-256LL).val(), "bit_length", {})), "9");  // (-256).bit_length()
  EXPECT_EQ(R(method(BigInt("1267650600228229401496703205376").val(), "bit_length", {})), "101");  // (1267650600228229401496703205376).bit_length()
  EXPECT_EQ(R(method(I(-4611686018427387904LL).val(), "bit_length", {})), "63");  // (-4611686018427387904).bit_length()
  EXPECT_EQ(R(method(I(255LL).val(), "bit_count", {})), "8");  // (255).bit_count()
  EXPECT_EQ(R(method(I(-7LL).val(), "bit_count", {})), "3");  // (-7).bit_count()
  EXPECT_EQ(R(method(BigInt("1267650600228229401496703205375").val(), "bit_count", {})), "100");  // (1267650600228229401496703205375).bit_count()
  EXPECT_EQ(R(method(I(7LL).val(), "as_integer_ratio", {})), "(7, 1)");  // (7).as_integer_ratio()
  EXPECT_EQ(R(method(Ref<>::borrow(true_value()).val(), "as_integer_ratio", {})), "(1, 1)");  // (True).as_integer_ratio()
  EXPECT_EQ(R(method(I(5LL).val(), "conjugate", {})), "5");  // (5).conjugate()
  EXPECT_EQ(R(method(Ref<>::borrow(true_value()).val(), "conjugate", {})), "1");  // (True).conjugate()
  // int.is_integer is new in 3.12; 3.11 (the reference) has none.
  EXPECT_EQ(R(method(I(5LL).val(), "is_integer", {})), "AttributeError: 'int' object has no attribute 'is_integer'");
  EXPECT_EQ(R(method(I(1234LL).val(), "__round__", {I(-2LL).val()})), "1200");  // (1234).__round__(-2)
  EXPECT_EQ(R(method(I(1250LL).val(), "__round__", {I(-2LL).val()})), "1200");  // (1250).__round__(-2)
  EXPECT_EQ(R(method(I(1350LL).val(), "__round__", {I(-2LL).val()})), "1400");  // (1350).__round__(-2)
  EXPECT_EQ(R(method(I(-1250LL).val(), "__round__", {I(-2LL).val()})), "-1200");  // (-1250).__round__(-2)
  EXPECT_EQ(R(method(I(-1251LL).val(), "__round__", {I(-2LL).val()})), "-1300");  // (-1251).__round__(-2)
  EXPECT_EQ(R(method(I(5LL).val(), "__round__", {I(-1LL).val()})), "0");  // (5).__round__(-1)
  EXPECT_EQ(R(method(I(15LL).val(), "__round__", {I(-1LL).val()})), "20");  // (15).__round__(-1)
  EXPECT_EQ(R(method(I(25LL).val(), "__round__", {I(-1LL).val()})), "20");  // (25).__round__(-1)
  EXPECT_EQ(R(method(I(12345LL).val(), "__round__", {I(2LL).val()})), "12345");  // (12345).__round__(2)
  EXPECT_EQ(R(method(I(12345LL).val(), "__round__", {})), "12345");  // (12345).__round__()
  EXPECT_EQ(R(method(I(12345LL).val(), "__round__", {Ref<>::borrow(none()).val()})), "TypeError: 'NoneType' object cannot be interpreted as an integer");  // (12345).__round__(None)
  EXPECT_EQ(R(method(BigInt("1000000000000000000005000000000").val(), "__round__", {I(-10LL).val()})), "1000000000000000000000000000000");  // (1000000000000000000005000000000).__round__(-10)
  EXPECT_EQ(R(method(I(123LL).val(), "__round__", {F(0x1.8000000000000p+0).val()})), "TypeError: 'float' object cannot be interpreted as an integer");  // (123).__round__(1.5)
  EXPECT_EQ(R(method(I(123LL).val(), "__round__", {I(-1000LL).val()})), "0");  // (123).__round__(-1000)
  EXPECT_EQ(R(method(Ref<>::borrow(true_value()).val(), "__trunc__", {})), "1");  // (True).__trunc__()
  EXPECT_EQ(R(method(I(7LL).val(), "__floor__", {})), "7");  // (7).__floor__()
  EXPECT_EQ(R(method(I(7LL).val(), "__ceil__", {})), "7");  // (7).__ceil__()
  EXPECT_EQ(R(method(I(7LL).val(), "__getnewargs__", {})), "(7,)");  // (7).__getnewargs__()
  EXPECT_EQ(R(method(I(0LL).val(), "__sizeof__", {})), "28");  // (0).__sizeof__()
  EXPECT_EQ(R(method(I(1LL).val(), "__sizeof__", {})), "28");  // (1).__sizeof__()
  EXPECT_EQ(R(method(I(1073741824LL).val(), "__sizeof__", {})), "32");  // (1073741824).__sizeof__()
  EXPECT_EQ(R(method(BigInt("1267650600228229401496703205376").val(), "__sizeof__", {})), "40");  // (1267650600228229401496703205376).__sizeof__()
  EXPECT_EQ(R(method(I(255LL).val(), "__format__", {S("x").val()})), "'ff'");  // (255).__format__('x')
  EXPECT_EQ(R(method(Ref<>::borrow(true_value()).val(), "__format__", {S("").val()})), "'True'");  // (True).__format__('')
  EXPECT_EQ(R(method(I(5LL).val(), "__format__", {I(5LL).val()})), "TypeError: __format__() argument must be str, not int");  // (5).__format__(5)
}

TEST_F(IntTest, GettersReturnExactInts) {
  EXPECT_EQ(R(getattr(I(5LL).val(), "real")), "5");  // (5).real
  EXPECT_EQ(R(getattr(I(5LL).val(), "imag")), "0");  // (5).imag
  EXPECT_EQ(R(getattr(I(5LL).val(), "numerator")), "5");  // (5).numerator
  EXPECT_EQ(R(getattr(I(5LL).val(), "denominator")), "1");  // (5).denominator
  EXPECT_EQ(R(getattr(Ref<>::borrow(true_value()).val(), "real")), "1");  // (True).real
  EXPECT_EQ(R(getattr(Ref<>::borrow(true_value()).val(), "imag")), "0");  // (True).imag
  EXPECT_EQ(R(getattr(Ref<>::borrow(true_value()).val(), "numerator")), "1");  // (True).numerator
  EXPECT_EQ(R(getattr(Ref<>::borrow(true_value()).val(), "denominator")), "1");  // (True).denominator
  EXPECT_EQ(R(getattr(BigInt("-1180591620717411303424").val(), "real")), "-1180591620717411303424");  // (-1180591620717411303424).real
  EXPECT_EQ(R(getattr(BigInt("-1180591620717411303424").val(), "imag")), "0");  // (-1180591620717411303424).imag
  EXPECT_EQ(R(getattr(BigInt("-1180591620717411303424").val(), "numerator")), "-1180591620717411303424");  // (-1180591620717411303424).numerator
  EXPECT_EQ(R(getattr(BigInt("-1180591620717411303424").val(), "denominator")), "1");  // (-1180591620717411303424).denominator
}

TEST_F(IntTest, HashOfIntegralFloatEqualsHashOfInt) {
  for (double d : {0.0, 1.0, -1.0, -2.0, 1e18, -1e18, 9007199254740993.0, 1e300, -1e300, 2305843009213693951.0}) {
    Ref<> f = F(d);
    Ref<> i = int_from_double(d);
    EXPECT_EQ(hash(f.val()), hash(i.val())) << d;
  }
  Ref<> m1 = I(-1);
  EXPECT_EQ(hash(m1.val()), -2);
  Ref<> big = BigInt("-2305843009213693952");  // -(2**61) hashes like -1 -> -2
  EXPECT_EQ(hash(big.val()), -2);
}

TEST_F(IntTest, ReprOfHugeIntIsFastAndLimited) {
  Ref<> big = BigInt(std::string(4300, '7').c_str());
  EXPECT_EQ(R(repr(big.val())).size(), 4302u);
  Ref<> too_long = binary_op(big.val(), big.val(), kOpMul);
  EXPECT_EQ(R(repr(too_long.val())),
            "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use "
            "sys.set_int_max_str_digits() to increase the limit");
  int_set_max_str_digits(0);
  EXPECT_EQ(R(repr(too_long.val())).size(), 8602u);
  int_set_max_str_digits(4300);
}

TEST_F(IntTest, StringLimitAppliesToParsing) {
  EXPECT_EQ(R(call_v(Value(&g_int_type), {S(std::string(5000, '1')).val()})),
            "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; "
            "use sys.set_int_max_str_digits() to increase the limit");
  // Power-of-two bases are not limited.
  Ref<> r = call_v(Value(&g_int_type), {S(std::string(5000, 'f')).val(), I(16).val()});
  ASSERT_TRUE(r);
  EXPECT_EQ(R(method(r.val(), "bit_length")), "20000");
}

}  // namespace
}  // namespace ftpy
