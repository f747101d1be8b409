// float: constructors and methods called through the C++ protocol;
// expected values are python3's.
#include <cmath>

#include "number_test_util.h"

namespace ftpy {
namespace {

using namespace numtest;

class FloatTest : public RuntimeTest {};

TEST_F(FloatTest, ConstructorMatchesCPython) {
  EXPECT_EQ(R(call_v(Value(&g_float_type), {})), "0.0");  // float()
  EXPECT_EQ(R(call_v(Value(&g_float_type), {S(" 1_0.5 ").val()})), "10.5");  // float(' 1_0.5 ')
  EXPECT_EQ(R(call_v(Value(&g_float_type), {S("1_.5").val()})), "ValueError: could not convert string to float: '1_.5'");  // float('1_.5')
  EXPECT_EQ(R(call_v(Value(&g_float_type), {S("1._5").val()})), "ValueError: could not convert string to float: '1._5'");  // float('1._5')
  EXPECT_EQ(R(call_v(Value(&g_float_type), {S("1e1_0").val()})), "10000000000.0");  // float('1e1_0')
  EXPECT_EQ(R(call_v(Value(&g_float_type), {S("-infinity").val()})), "-inf");  // float('-infinity')
  EXPECT_EQ(R(call_v(Value(&g_float_type), {S("+NaN").val()})), "nan");  // float('+NaN')
  EXPECT_EQ(R(call_v(Value(&g_float_type), {S("1e500").val()})), "inf");  // float('1e500')
  EXPECT_EQ(R(call_v(Value(&g_float_type), {S("x").val()})), "ValueError: could not convert string to float: 'x'");  // float('x')
  EXPECT_EQ(R(call_v(Value(&g_float_type), {S("").val()})), "ValueError: could not convert string to float: ''");  // float('')
  EXPECT_EQ(R(call_v(Value(&g_float_type), {S("0x10").val()})), "ValueError: could not convert string to float: '0x10'");  // float('0x10')
  EXPECT_EQ(R(call_v(Value(&g_float_type), {S(".5").val()})), "0.5");  // float('.5')
  EXPECT_EQ(R(call_v(Value(&g_float_type), {S("5.").val()})), "5.0");  // float('5.')
  EXPECT_EQ(R(call_v(Value(&g_float_type), {S(".").val()})), "ValueError: could not convert string to float: '.'");  // float('.')
  EXPECT_EQ(R(call_v(Value(&g_float_type), {S("1e").val()})), "ValueError: could not convert string to float: '1e'");  // float('1e')
  EXPECT_EQ(R(call_v(Value(&g_float_type), {S("_1").val()})), "ValueError: could not convert string to float: '_1'");  // float('_1')
  EXPECT_EQ(R(call_v(Value(&g_float_type), {Ref<>::borrow(none()).val()})), "TypeError: float() argument must be a string or a real number, not 'NoneType'");  // float(None)
  EXPECT_EQ(R(call_v(Value(&g_float_type), {}, {{"x", I(1LL).val()}})), "TypeError: float() takes no keyword arguments");  // float(x=1)
  EXPECT_EQ(R(call_v(Value(&g_float_type), {I(1LL).val(), I(2LL).val()})), "TypeError: float expected at most 1 argument, got 2");  // float(1, 2)
  EXPECT_EQ(R(call_v(Value(&g_float_type), {BigInt("10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000").val()})), "OverflowError: int too large to convert to float");  // float(10000000000000000000000000000000000000000000000000000000000000000000000000
  EXPECT_EQ(R(call_v(Value(&g_float_type), {S("nan(1)").val()})), "ValueError: could not convert string to float: 'nan(1)'");  // float('nan(1)')
  EXPECT_EQ(R(call_v(Value(&g_float_type), {S("1.\xd9\xa0""").val()})), "1.0");  // float('1.٠')
  EXPECT_EQ(R(call_v(Value(&g_float_type), {S("\xc2\xa0""7\xe2\x80\x83""").val()})), "7.0");  // float('\\xa07\\u2003')
  EXPECT_EQ(R(call_v(Value(&g_float_type), {S("in f").val()})), "ValueError: could not convert string to float: 'in f'");  // float('in f')
  EXPECT_EQ(R(call_v(Value(&g_float_type), {S("  ").val()})), "ValueError: could not convert string to float: '  '");  // float('  ')
  EXPECT_EQ(R(call_v(Value(&g_float_type), {S("-.5e-3").val()})), "-0.0005");  // float('-.5e-3')
  EXPECT_EQ(R(call_v(Value(&g_float_type), {S("1e+").val()})), "ValueError: could not convert string to float: '1e+'");  // float('1e+')
  EXPECT_EQ(R(call_v(Value(&g_float_type), {S("infinit").val()})), "ValueError: could not convert string to float: 'infinit'");  // float('infinit')
  EXPECT_EQ(R(call_v(Value(&g_float_type), {Ref<>::borrow(true_value()).val()})), "1.0");  // float(True)
  EXPECT_EQ(R(call_v(Value(&g_float_type), {BigInt("1208925819614629174706176").val()})), "1.2089258196146292e+24");  // float(1208925819614629174706176)
}

TEST_F(FloatTest, MethodsMatchCPython) {
  EXPECT_EQ(R(method(F(0x1.4000000000000p+1).val(), "hex", {})), "'0x1.4000000000000p+1'");  // (2.5).hex()
  EXPECT_EQ(R(method(F(0x0.0000000000001p-1022).val(), "hex", {})), "'0x0.0000000000001p-1022'");  // (5e-324).hex()
  EXPECT_EQ(R(method(F(-0x0.0p+0).val(), "hex", {})), "'-0x0.0p+0'");  // (-0.0).hex()
  EXPECT_EQ(R(method(F(0x1.999999999999ap-4).val(), "hex", {})), "'0x1.999999999999ap-4'");  // (0.1).hex()
  EXPECT_EQ(R(method(F(HUGE_VAL).val(), "hex", {})), "'inf'");  // (float('inf')).hex()
  EXPECT_EQ(R(method(F(0x1.8000000000000p+0).val(), "as_integer_ratio", {})), "(3, 2)");  // (1.5).as_integer_ratio()
  EXPECT_EQ(R(method(F(0x1.999999999999ap-4).val(), "as_integer_ratio", {})), "(3602879701896397, 36028797018963968)");  // (0.1).as_integer_ratio()
  EXPECT_EQ(R(method(F(-0x1.0000000000000p+80).val(), "as_integer_ratio", {})), "(-1208925819614629174706176, 1)");  // (-1.2089258196146292e+24).as_integer_ratio()
  EXPECT_EQ(R(method(F(HUGE_VAL).val(), "as_integer_ratio", {})), "OverflowError: cannot convert Infinity to integer ratio");  // (float('inf')).as_integer_ratio()
  EXPECT_EQ(R(method(F(std::nan("")).val(), "as_integer_ratio", {})), "ValueError: cannot convert NaN to integer ratio");  // (float('nan')).as_integer_ratio()
  EXPECT_EQ(R(method(F(0x1.5666666666666p+1).val(), "__round__", {I(2LL).val()})), "2.67");  // (2.675).__round__(2)
  EXPECT_EQ(R(method(F(0x1.4000000000000p+1).val(), "__round__", {})), "2");  // (2.5).__round__()
  EXPECT_EQ(R(method(F(0x1.c000000000000p+1).val(), "__round__", {})), "4");  // (3.5).__round__()
  EXPECT_EQ(R(method(F(-0x1.0000000000000p-1).val(), "__round__", {})), "0");  // (-0.5).__round__()
  EXPECT_EQ(R(method(F(0x1.7e43c8800759cp+996).val(), "__round__", {I(-300LL).val()})), "1e+300");  // (1e+300).__round__(-300)
  EXPECT_EQ(R(method(F(-0x1.4000000000000p+2).val(), "__round__", {I(-1LL).val()})), "-0.0");  // (-5.0).__round__(-1)
  EXPECT_EQ(R(method(F(0x1.e000000000000p+3).val(), "__round__", {I(-1LL).val()})), "20.0");  // (15.0).__round__(-1)
  EXPECT_EQ(R(method(F(0x1.8000000000000p+0).val(), "__round__", {I(400LL).val()})), "1.5");  // (1.5).__round__(400)
  EXPECT_EQ(R(method(F(-0x1.8000000000000p+0).val(), "__round__", {I(-400LL).val()})), "-0.0");  // (-1.5).__round__(-400)
  EXPECT_EQ(R(method(F(HUGE_VAL).val(), "__round__", {})), "OverflowError: cannot convert float infinity to integer");  // (float('inf')).__round__()
  EXPECT_EQ(R(method(F(std::nan("")).val(), "__round__", {})), "ValueError: cannot convert float NaN to integer");  // (float('nan')).__round__()
  EXPECT_EQ(R(method(F(HUGE_VAL).val(), "__round__", {I(2LL).val()})), "inf");  // (float('inf')).__round__(2)
  EXPECT_EQ(R(method(F(0x1.3c0c1fc8f3238p+0).val(), "__round__", {Ref<>::borrow(none()).val()})), "1");  // (1.23456).__round__(None)
  EXPECT_EQ(R(method(F(0x1.edd2f1a9fbe77p+6).val(), "__round__", {I(-2LL).val()})), "100.0");  // (123.456).__round__(-2)
  EXPECT_EQ(R(method(F(0x1.0000000000000p-3).val(), "__round__", {I(2LL).val()})), "0.12");  // (0.125).__round__(2)
  EXPECT_EQ(R(method(F(0x1.8000000000000p-2).val(), "__round__", {I(2LL).val()})), "0.38");  // (0.375).__round__(2)
  EXPECT_EQ(R(method(F(0x1.fffffffffffffp+1023).val(), "__round__", {I(-308LL).val()})), "OverflowError: rounded value too large to represent");  // (1.7976931348623157e+308).__round__(-308)
  EXPECT_EQ(R(method(F(0x0.0000000000001p-1022).val(), "__round__", {I(400LL).val()})), "5e-324");  // (5e-324).__round__(400)
  EXPECT_EQ(R(method(F(0x1.0000000000000p-1).val(), "__round__", {I(0LL).val()})), "0.0");  // (0.5).__round__(0)
  EXPECT_EQ(R(method(F(0x1.8000000000000p+0).val(), "__round__", {F(0x1.8000000000000p+0).val()})), "TypeError: 'float' object cannot be interpreted as an integer");  // (1.5).__round__(1.5)
  EXPECT_EQ(R(method(F(0x1.8000000000000p+0).val(), "__trunc__", {})), "1");  // (1.5).__trunc__()
  EXPECT_EQ(R(method(F(-0x1.8000000000000p+0).val(), "__floor__", {})), "-2");  // (-1.5).__floor__()
  EXPECT_EQ(R(method(F(-0x1.8000000000000p+0).val(), "__ceil__", {})), "-1");  // (-1.5).__ceil__()
  EXPECT_EQ(R(method(F(0x1.5af1d78b58c40p+66).val(), "__floor__", {})), "100000000000000000000");  // (1e+20).__floor__()
  EXPECT_EQ(R(method(F(std::nan("")).val(), "__trunc__", {})), "ValueError: cannot convert float NaN to integer");  // (float('nan')).__trunc__()
  EXPECT_EQ(R(method(F(0x1.0000000000000p+0).val(), "is_integer", {})), "True");  // (1.0).is_integer()
  EXPECT_EQ(R(method(F(0x1.8000000000000p+0).val(), "is_integer", {})), "False");  // (1.5).is_integer()
  EXPECT_EQ(R(method(F(HUGE_VAL).val(), "is_integer", {})), "False");  // (float('inf')).is_integer()
  EXPECT_EQ(R(method(F(0x1.8000000000000p+0).val(), "__getnewargs__", {})), "(1.5,)");  // (1.5).__getnewargs__()
  EXPECT_EQ(R(method(F(0x1.8000000000000p+0).val(), "conjugate", {})), "1.5");  // (1.5).conjugate()
  EXPECT_EQ(R(method(Value(&g_float_type), "fromhex", {S("0x1.8p1").val()})), "3.0");  // float.fromhex('0x1.8p1')
  EXPECT_EQ(R(method(Value(&g_float_type), "fromhex", {S(" -0X1P-2 ").val()})), "-0.25");  // float.fromhex(' -0X1P-2 ')
  EXPECT_EQ(R(method(Value(&g_float_type), "fromhex", {S("inf").val()})), "inf");  // float.fromhex('inf')
  EXPECT_EQ(R(method(Value(&g_float_type), "fromhex", {S("-infinity").val()})), "-inf");  // float.fromhex('-infinity')
  EXPECT_EQ(R(method(Value(&g_float_type), "fromhex", {S("nan").val()})), "nan");  // float.fromhex('nan')
  EXPECT_EQ(R(method(Value(&g_float_type), "fromhex", {S("0x1p2000").val()})), "OverflowError: hexadecimal value too large to represent as a float");  // float.fromhex('0x1p2000')
  EXPECT_EQ(R(method(Value(&g_float_type), "fromhex", {S("x").val()})), "ValueError: invalid hexadecimal floating-point string");  // float.fromhex('x')
  EXPECT_EQ(R(method(Value(&g_float_type), "fromhex", {S("1.8").val()})), "1.5");  // float.fromhex('1.8')
  EXPECT_EQ(R(method(Value(&g_float_type), "fromhex", {S("0x.8").val()})), "0.5");  // float.fromhex('0x.8')
  EXPECT_EQ(R(method(Value(&g_float_type), "fromhex", {S("0x1.fffffffffffff8p1023").val()})), "OverflowError: hexadecimal value too large to represent as a float");  // float.fromhex('0x1.fffffffffffff8p1023')
  EXPECT_EQ(R(method(Value(&g_float_type), "fromhex", {S("0x1.0000000000000801p0").val()})), "1.0000000000000002");  // float.fromhex('0x1.0000000000000801p0')
  EXPECT_EQ(R(method(Value(&g_float_type), "fromhex", {S("0x1p-1075").val()})), "0.0");  // float.fromhex('0x1p-1075')
  EXPECT_EQ(R(method(Value(&g_float_type), "fromhex", {S("0x1p-1074").val()})), "5e-324");  // float.fromhex('0x1p-1074')
  EXPECT_EQ(R(method(Value(&g_float_type), "fromhex", {S("0x").val()})), "ValueError: invalid hexadecimal floating-point string");  // float.fromhex('0x')
  EXPECT_EQ(R(method(Value(&g_float_type), "fromhex", {S("0x1p").val()})), "ValueError: invalid hexadecimal floating-point string");  // float.fromhex('0x1p')
  EXPECT_EQ(R(method(Value(&g_float_type), "fromhex", {S("1p3").val()})), "8.0");  // float.fromhex('1p3')
  EXPECT_EQ(R(method(Value(&g_float_type), "fromhex", {S("  0xA.Bp-1  ").val()})), "5.34375");  // float.fromhex('  0xA.Bp-1  ')
  EXPECT_EQ(R(method(Value(&g_float_type), "__getformat__", {S("double").val()})), "'IEEE, little-endian'");  // float.__getformat__("double")
  EXPECT_EQ(R(method(Value(&g_float_type), "__getformat__", {S("x").val()})), "ValueError: __getformat__() argument 1 must be 'double' or 'float'");  // float.__getformat__("x")
}

TEST_F(FloatTest, ReprMatchesCPython) {
  // python3: repr(x) for each value.
  const std::pair<double, const char*> cases[] = {
      {0.1, "0.1"}, {1e16, "1e+16"}, {1e-5, "1e-05"}, {1.2345678901234568e+17, "1.2345678901234568e+17"},
      {1.4142135623730951, "1.4142135623730951"}, {1.0 / 3, "0.3333333333333333"}, {5e-324, "5e-324"},
      {1e22, "1e+22"}, {1e21, "1e+21"}, {100.0, "100.0"}, {-0.0, "-0.0"}, {0.0001, "0.0001"},
      {123456789012345.6, "123456789012345.6"}, {1e15, "1000000000000000.0"}, {9999999999999998.0, "9999999999999998.0"},
      {1.7976931348623157e308, "1.7976931348623157e+308"}, {2.2250738585072014e-308, "2.2250738585072014e-308"},
      {HUGE_VAL, "inf"}, {-HUGE_VAL, "-inf"}, {0.30000000000000004, "0.30000000000000004"}};
  for (auto& [d, s] : cases) EXPECT_EQ(float_repr(d), s);
}

}  // namespace
}  // namespace ftpy
