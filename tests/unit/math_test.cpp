// The math module, called through the C++ protocol; expected values are
// python3's (reprs of floats compared exactly).
#include <cmath>

#include "modules/math_module.h"
#include "number_test_util.h"
#include "objects/iterators.h"
#include "objects/list.h"

namespace ftpy {
namespace {

using namespace numtest;

class MathTest : public RuntimeTest {
 protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    math_ = math_module_create();
    ASSERT_TRUE(math_);
  }
  Ref<> math_;
};

TEST_F(MathTest, FunctionsMatchCPython) {
  EXPECT_EQ(R(method(math_.val(), "ceil", {F(0x1.8000000000000p+0).val()})), "2");  // math.ceil(1.5)
  EXPECT_EQ(R(method(math_.val(), "ceil", {F(-0x1.8000000000000p+0).val()})), "-1");  // math.ceil(-1.5)
  EXPECT_EQ(R(method(math_.val(), "ceil", {F(0x1.7e43c8800759cp+996).val()})), "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160");  // math.ceil(1e+300)
  EXPECT_EQ(R(method(math_.val(), "ceil", {I(7LL).val()})), "7");  // math.ceil(7)
  EXPECT_EQ(R(method(math_.val(), "ceil", {F(HUGE_VAL).val()})), "OverflowError: cannot convert float infinity to integer");  // math.ceil(float('inf'))
  EXPECT_EQ(R(method(math_.val(), "ceil", {F(std::nan("")).val()})), "ValueError: cannot convert float NaN to integer");  // math.ceil(float('nan'))
  EXPECT_EQ(R(method(math_.val(), "floor", {F(-0x1.0000000000000p-1).val()})), "-1");  // math.floor(-0.5)
  EXPECT_EQ(R(method(math_.val(), "floor", {BigInt("1180591620717411303424").val()})), "1180591620717411303424");  // math.floor(1180591620717411303424)
  EXPECT_EQ(R(method(math_.val(), "floor", {Ref<>::borrow(true_value()).val()})), "1");  // math.floor(True)
  EXPECT_EQ(R(method(math_.val(), "trunc", {F(-0x1.599999999999ap+1).val()})), "-2");  // math.trunc(-2.7)
  EXPECT_EQ(R(method(math_.val(), "trunc", {I(5LL).val()})), "5");  // math.trunc(5)
  EXPECT_EQ(R(method(math_.val(), "trunc", {S("x").val()})), "TypeError: type str doesn't define __trunc__ method");  // math.trunc('x')
  EXPECT_EQ(R(method(math_.val(), "fabs", {I(-3LL).val()})), "3.0");  // math.fabs(-3)
  EXPECT_EQ(R(method(math_.val(), "sqrt", {F(0x1.0000000000000p+1).val()})), "1.4142135623730951");  // math.sqrt(2.0)
  EXPECT_EQ(R(method(math_.val(), "sqrt", {F(-0x1.0000000000000p+0).val()})), "ValueError: math domain error");  // math.sqrt(-1.0)
  EXPECT_EQ(R(method(math_.val(), "sqrt", {F(HUGE_VAL).val()})), "inf");  // math.sqrt(float('inf'))
  EXPECT_EQ(R(method(math_.val(), "sqrt", {I(4LL).val()})), "2.0");  // math.sqrt(4)
  EXPECT_EQ(R(method(math_.val(), "sqrt", {S("4").val()})), "TypeError: must be real number, not str");  // math.sqrt('4')
  EXPECT_EQ(R(method(math_.val(), "isqrt", {BigInt("100000000000000000001").val()})), "10000000000");  // math.isqrt(100000000000000000001)
  EXPECT_EQ(R(method(math_.val(), "isqrt", {I(-1LL).val()})), "ValueError: isqrt() argument must be nonnegative");  // math.isqrt(-1)
  EXPECT_EQ(R(method(math_.val(), "isqrt", {F(0x1.0000000000000p+1).val()})), "TypeError: 'float' object cannot be interpreted as an integer");  // math.isqrt(2.0)
  EXPECT_EQ(R(method(math_.val(), "exp", {F(0x1.0000000000000p+0).val()})), "2.718281828459045");  // math.exp(1.0)
  EXPECT_EQ(R(method(math_.val(), "exp", {F(0x1.f400000000000p+9).val()})), "OverflowError: math range error");  // math.exp(1000.0)
  EXPECT_EQ(R(method(math_.val(), "exp", {F(-HUGE_VAL).val()})), "0.0");  // math.exp(float('-inf'))
  EXPECT_EQ(R(method(math_.val(), "exp2", {I(10LL).val()})), "1024.0");  // math.exp2(10)
  EXPECT_EQ(R(method(math_.val(), "expm1", {F(0x1.b7cdfd9d7bdbbp-34).val()})), "1.00000000005e-10");  // math.expm1(1e-10)
  EXPECT_EQ(R(method(math_.val(), "log", {I(100LL).val(), I(10LL).val()})), "2.0");  // math.log(100, 10)
  EXPECT_EQ(R(method(math_.val(), "log", {F(0x1.0000000000000p+3).val(), I(2LL).val()})), "3.0");  // math.log(8.0, 2)
  EXPECT_EQ(R(method(math_.val(), "log", {F(0x0.0p+0).val()})), "ValueError: math domain error");  // math.log(0.0)
  EXPECT_EQ(R(method(math_.val(), "log", {I(-1LL).val()})), "ValueError: math domain error");  // math.log(-1)
  EXPECT_EQ(R(method(math_.val(), "log", {BigInt("10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000").val()})), "921.0340371976182");  // math.log(10000000000000000000000000000000000000000000000000000000000000000000000
  EXPECT_EQ(R(method(math_.val(), "log", {BigInt("11505236063118821809467553221049758295155052665230762065499525194094891251552061640493342548634082305351687288311769174890162545204122663839542235560926343960177145179191391057683342054479750023644997308933440369205641643669917624414330439074612943178454432683813523087356623740062701843509462805095950344781824").val(), I(2LL).val()})), "1030.0");  // math.log(11505236063118821809467553221049758295155052665230762065499525194094891
  EXPECT_EQ(R(method(math_.val(), "log", {I(1LL).val(), I(1LL).val()})), "ZeroDivisionError: float division by zero");  // math.log(1, 1)
  EXPECT_EQ(R(method(math_.val(), "log2", {I(1024LL).val()})), "10.0");  // math.log2(1024)
  EXPECT_EQ(R(method(math_.val(), "log2", {BigInt("114813069527425452423283320117768198402231770208869520047764273682576626139237031385665948631650626991844596463898746277344711896086305533142593135616665318539129989145312280000688779148240044871428926990063486244781615463646388363947317026040466353970904996558162398808944629605623311649536164221970332681344168908984458505602379484807914058900934776500429002716706625830522008132236281291761267883317206598995396418127021779858404042159853183251540889433902091920554957783589672039160081957216630582755380425583726015528348786419432054508915275783882625175435528800822842770817965453762184851149029376").val()})), "2000.0");  // math.log2(1148130695274254524232833201177681984022317702088695200477642736825766
  EXPECT_EQ(R(method(math_.val(), "log10", {F(0x1.4f8b588e368f1p-17).val()})), "-5.0");  // math.log10(1e-05)
  EXPECT_EQ(R(method(math_.val(), "log10", {BigInt("100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000").val()})), "500.0");  // math.log10(100000000000000000000000000000000000000000000000000000000000000000000
  EXPECT_EQ(R(method(math_.val(), "log1p", {F(-0x1.0000000000000p+0).val()})), "ValueError: math domain error");  // math.log1p(-1.0)
  EXPECT_EQ(R(method(math_.val(), "log1p", {F(0x1.79ca10c924223p-67).val()})), "1e-20");  // math.log1p(1e-20)
  EXPECT_EQ(R(method(math_.val(), "pow", {I(2LL).val(), I(10LL).val()})), "1024.0");  // math.pow(2, 10)
  EXPECT_EQ(R(method(math_.val(), "pow", {F(0x0.0p+0).val(), I(-1LL).val()})), "ValueError: math domain error");  // math.pow(0.0, -1)
  EXPECT_EQ(R(method(math_.val(), "pow", {F(-0x1.0000000000000p+3).val(), F(0x1.5555555555555p-2).val()})), "ValueError: math domain error");  // math.pow(-8.0, 0.3333333333333333)
  EXPECT_EQ(R(method(math_.val(), "pow", {F(0x1.4000000000000p+3).val(), I(400LL).val()})), "OverflowError: math range error");  // math.pow(10.0, 400)
  EXPECT_EQ(R(method(math_.val(), "pow", {F(HUGE_VAL).val(), I(-1LL).val()})), "0.0");  // math.pow(float('inf'), -1)
  EXPECT_EQ(R(method(math_.val(), "pow", {F(0x1.0000000000000p+0).val(), F(std::nan("")).val()})), "1.0");  // math.pow(1.0, float('nan'))
  EXPECT_EQ(R(method(math_.val(), "pow", {F(std::nan("")).val(), I(0LL).val()})), "1.0");  // math.pow(float('nan'), 0)
  EXPECT_EQ(R(method(math_.val(), "pow", {F(-HUGE_VAL).val(), I(3LL).val()})), "-inf");  // math.pow(float('-inf'), 3)
  EXPECT_EQ(R(method(math_.val(), "sin", {F(0x1.0000000000000p-1).val()})), "0.479425538604203");  // math.sin(0.5)
  EXPECT_EQ(R(method(math_.val(), "sin", {F(HUGE_VAL).val()})), "ValueError: math domain error");  // math.sin(float('inf'))
  EXPECT_EQ(R(method(math_.val(), "cos", {I(1LL).val()})), "0.5403023058681398");  // math.cos(1)
  EXPECT_EQ(R(method(math_.val(), "tan", {F(0x1.0000000000000p+0).val()})), "1.5574077246549023");  // math.tan(1.0)
  EXPECT_EQ(R(method(math_.val(), "asin", {I(2LL).val()})), "ValueError: math domain error");  // math.asin(2)
  EXPECT_EQ(R(method(math_.val(), "acos", {F(0x1.0000000000000p-1).val()})), "1.0471975511965979");  // math.acos(0.5)
  EXPECT_EQ(R(method(math_.val(), "atan", {F(HUGE_VAL).val()})), "1.5707963267948966");  // math.atan(float('inf'))
  EXPECT_EQ(R(method(math_.val(), "atan2", {I(1LL).val(), I(-1LL).val()})), "2.356194490192345");  // math.atan2(1, -1)
  EXPECT_EQ(R(method(math_.val(), "atan2", {F(-0x0.0p+0).val(), I(-1LL).val()})), "-3.141592653589793");  // math.atan2(-0.0, -1)
  EXPECT_EQ(R(method(math_.val(), "sinh", {I(1000LL).val()})), "OverflowError: math range error");  // math.sinh(1000)
  EXPECT_EQ(R(method(math_.val(), "cosh", {F(0x1.0000000000000p+0).val()})), "1.5430806348152437");  // math.cosh(1.0)
  EXPECT_EQ(R(method(math_.val(), "tanh", {I(100LL).val()})), "1.0");  // math.tanh(100)
  EXPECT_EQ(R(method(math_.val(), "asinh", {I(1LL).val()})), "0.881373587019543");  // math.asinh(1)
  EXPECT_EQ(R(method(math_.val(), "acosh", {F(0x1.0000000000000p-1).val()})), "ValueError: math domain error");  // math.acosh(0.5)
  EXPECT_EQ(R(method(math_.val(), "atanh", {F(0x1.0000000000000p+0).val()})), "ValueError: math domain error");  // math.atanh(1.0)
  EXPECT_EQ(R(method(math_.val(), "atanh", {F(0x1.0000000000000p-1).val()})), "0.5493061443340548");  // math.atanh(0.5)
  EXPECT_EQ(R(method(math_.val(), "hypot", {I(3LL).val(), I(4LL).val()})), "5.0");  // math.hypot(3, 4)
  EXPECT_EQ(R(method(math_.val(), "hypot", {})), "0.0");  // math.hypot()
  EXPECT_EQ(R(method(math_.val(), "hypot", {I(1LL).val(), I(2LL).val(), I(2LL).val()})), "3.0");  // math.hypot(1, 2, 2)
  EXPECT_EQ(R(method(math_.val(), "hypot", {F(HUGE_VAL).val(), F(std::nan("")).val()})), "inf");  // math.hypot(float('inf'), float('nan'))
  EXPECT_EQ(R(method(math_.val(), "hypot", {F(0x1.7e43c8800759cp+996).val(), F(0x1.7e43c8800759cp+996).val()})), "1.4142135623730952e+300");  // math.hypot(1e+300, 1e+300)
  EXPECT_EQ(R(method(math_.val(), "hypot", {I(-5LL).val()})), "5.0");  // math.hypot(-5)
  EXPECT_EQ(R(method(math_.val(), "dist", {Ref<>(tuple_pack({I(0LL).val(), I(0LL).val()})).val(), Ref<>(tuple_pack({I(3LL).val(), I(4LL).val()})).val()})), "5.0");  // math.dist((0, 0), (3, 4))
  EXPECT_EQ(R(method(math_.val(), "dist", {Ref<>(tuple_pack({I(1LL).val(), I(2LL).val(), I(3LL).val()})).val(), Ref<>(tuple_pack({I(4LL).val(), I(6LL).val(), I(3LL).val()})).val()})), "5.0");  // math.dist((1, 2, 3), (4, 6, 3))
  EXPECT_EQ(R(method(math_.val(), "dist", {Ref<>(tuple_pack({I(1LL).val()})).val(), Ref<>(tuple_pack({I(1LL).val(), I(2LL).val()})).val()})), "ValueError: both points must have the same number of dimensions");  // math.dist((1,), (1, 2))
  EXPECT_EQ(R(method(math_.val(), "degrees", {F(0x1.921fb54442d18p+1).val()})), "180.0");  // math.degrees(3.141592653589793)
  EXPECT_EQ(R(method(math_.val(), "radians", {I(180LL).val()})), "3.141592653589793");  // math.radians(180)
  EXPECT_EQ(R(method(math_.val(), "copysign", {I(3LL).val(), F(-0x0.0p+0).val()})), "-3.0");  // math.copysign(3, -0.0)
  EXPECT_EQ(R(method(math_.val(), "fmod", {I(7LL).val(), I(-3LL).val()})), "1.0");  // math.fmod(7, -3)
  EXPECT_EQ(R(method(math_.val(), "fmod", {F(HUGE_VAL).val(), I(1LL).val()})), "ValueError: math domain error");  // math.fmod(float('inf'), 1)
  EXPECT_EQ(R(method(math_.val(), "fmod", {I(1LL).val(), I(0LL).val()})), "ValueError: math domain error");  // math.fmod(1, 0)
  EXPECT_EQ(R(method(math_.val(), "fmod", {I(1LL).val(), F(HUGE_VAL).val()})), "1.0");  // math.fmod(1, float('inf'))
  EXPECT_EQ(R(method(math_.val(), "remainder", {I(7LL).val(), I(2LL).val()})), "-1.0");  // math.remainder(7, 2)
  EXPECT_EQ(R(method(math_.val(), "remainder", {I(5LL).val(), I(2LL).val()})), "1.0");  // math.remainder(5, 2)
  EXPECT_EQ(R(method(math_.val(), "remainder", {I(1LL).val(), I(0LL).val()})), "ValueError: math domain error");  // math.remainder(1, 0)
  EXPECT_EQ(R(method(math_.val(), "frexp", {F(0x1.0000000000000p+3).val()})), "(0.5, 4)");  // math.frexp(8.0)
  EXPECT_EQ(R(method(math_.val(), "frexp", {F(0x0.0p+0).val()})), "(0.0, 0)");  // math.frexp(0.0)
  EXPECT_EQ(R(method(math_.val(), "frexp", {F(-HUGE_VAL).val()})), "(-inf, 0)");  // math.frexp(float('-inf'))
  EXPECT_EQ(R(method(math_.val(), "ldexp", {F(0x1.8000000000000p+0).val(), I(3LL).val()})), "12.0");  // math.ldexp(1.5, 3)
  EXPECT_EQ(R(method(math_.val(), "ldexp", {F(0x1.0000000000000p+0).val(), I(2000LL).val()})), "OverflowError: math range error");  // math.ldexp(1.0, 2000)
  EXPECT_EQ(R(method(math_.val(), "ldexp", {F(0x1.0000000000000p+0).val(), I(-2000LL).val()})), "0.0");  // math.ldexp(1.0, -2000)
  EXPECT_EQ(R(method(math_.val(), "ldexp", {F(0x1.0000000000000p+0).val(), F(0x1.0000000000000p+1).val()})), "TypeError: Expected an int as second argument to ldexp.");  // math.ldexp(1.0, 2.0)
  EXPECT_EQ(R(method(math_.val(), "modf", {F(-0x1.a000000000000p+1).val()})), "(-0.25, -3.0)");  // math.modf(-3.25)
  EXPECT_EQ(R(method(math_.val(), "modf", {F(HUGE_VAL).val()})), "(0.0, inf)");  // math.modf(float('inf'))
  EXPECT_EQ(R(method(math_.val(), "isfinite", {I(1LL).val()})), "True");  // math.isfinite(1)
  EXPECT_EQ(R(method(math_.val(), "isinf", {F(-HUGE_VAL).val()})), "True");  // math.isinf(float('-inf'))
  EXPECT_EQ(R(method(math_.val(), "isnan", {F(std::nan("")).val()})), "True");  // math.isnan(float('nan'))
  EXPECT_EQ(R(method(math_.val(), "isnan", {S("a").val()})), "TypeError: must be real number, not str");  // math.isnan('a')
  EXPECT_EQ(R(method(math_.val(), "gcd", {})), "0");  // math.gcd()
  EXPECT_EQ(R(method(math_.val(), "gcd", {I(12LL).val(), I(18LL).val()})), "6");  // math.gcd(12, 18)
  EXPECT_EQ(R(method(math_.val(), "gcd", {I(-12LL).val(), I(18LL).val(), I(27LL).val()})), "3");  // math.gcd(-12, 18, 27)
  EXPECT_EQ(R(method(math_.val(), "gcd", {BigInt("1267650600228229401496703205376").val(), BigInt("3626777458843887524118528").val()})), "1208925819614629174706176");  // math.gcd(1267650600228229401496703205376, 3626777458843887524118528)
  EXPECT_EQ(R(method(math_.val(), "gcd", {F(0x1.8000000000000p+0).val()})), "TypeError: 'float' object cannot be interpreted as an integer");  // math.gcd(1.5)
  EXPECT_EQ(R(method(math_.val(), "lcm", {})), "1");  // math.lcm()
  EXPECT_EQ(R(method(math_.val(), "lcm", {I(4LL).val(), I(6LL).val()})), "12");  // math.lcm(4, 6)
  EXPECT_EQ(R(method(math_.val(), "lcm", {I(0LL).val(), I(5LL).val()})), "0");  // math.lcm(0, 5)
  EXPECT_EQ(R(method(math_.val(), "lcm", {I(-4LL).val(), I(6LL).val()})), "12");  // math.lcm(-4, 6)
  EXPECT_EQ(R(method(math_.val(), "factorial", {I(0LL).val()})), "1");  // math.factorial(0)
  EXPECT_EQ(R(method(math_.val(), "factorial", {I(20LL).val()})), "2432902008176640000");  // math.factorial(20)
  EXPECT_EQ(R(method(math_.val(), "factorial", {I(30LL).val()})), "265252859812191058636308480000000");  // math.factorial(30)
  EXPECT_EQ(R(method(math_.val(), "factorial", {I(-1LL).val()})), "ValueError: factorial() not defined for negative values");  // math.factorial(-1)
  EXPECT_EQ(R(method(math_.val(), "factorial", {F(0x1.4000000000000p+2).val()})), "TypeError: 'float' object cannot be interpreted as an integer");  // math.factorial(5.0)
  EXPECT_EQ(R(method(math_.val(), "comb", {I(10LL).val(), I(3LL).val()})), "120");  // math.comb(10, 3)
  EXPECT_EQ(R(method(math_.val(), "comb", {I(3LL).val(), I(10LL).val()})), "0");  // math.comb(3, 10)
  EXPECT_EQ(R(method(math_.val(), "comb", {I(-1LL).val(), I(2LL).val()})), "ValueError: n must be a non-negative integer");  // math.comb(-1, 2)
  EXPECT_EQ(R(method(math_.val(), "comb", {I(5LL).val(), I(-2LL).val()})), "ValueError: k must be a non-negative integer");  // math.comb(5, -2)
  EXPECT_EQ(R(method(math_.val(), "comb", {I(100LL).val(), I(50LL).val()})), "100891344545564193334812497256");  // math.comb(100, 50)
  EXPECT_EQ(R(method(math_.val(), "perm", {I(5LL).val()})), "120");  // math.perm(5)
  EXPECT_EQ(R(method(math_.val(), "perm", {I(5LL).val(), I(2LL).val()})), "20");  // math.perm(5, 2)
  EXPECT_EQ(R(method(math_.val(), "perm", {I(5LL).val(), I(7LL).val()})), "0");  // math.perm(5, 7)
  EXPECT_EQ(R(method(math_.val(), "perm", {I(5LL).val(), Ref<>::borrow(none()).val()})), "120");  // math.perm(5, None)
  EXPECT_EQ(R(method(math_.val(), "perm", {I(-5LL).val(), I(2LL).val()})), "ValueError: n must be a non-negative integer");  // math.perm(-5, 2)
  EXPECT_EQ(R(method(math_.val(), "erf", {F(0x1.0000000000000p-1).val()})), "0.5204998778130465");  // math.erf(0.5)
  EXPECT_EQ(R(method(math_.val(), "erfc", {F(0x1.0000000000000p-1).val()})), "0.4795001221869535");  // math.erfc(0.5)
  EXPECT_EQ(R(method(math_.val(), "gamma", {I(5LL).val()})), "24.0");  // math.gamma(5)
  // gamma is libm's tgamma: within an ulp or two of CPython's own Lanczos sum.
  EXPECT_NEAR(float_value(method(math_.val(), "gamma", {F(0.5).val()}).val()), 1.7724538509055159, 4e-16);
  EXPECT_EQ(R(method(math_.val(), "gamma", {I(0LL).val()})), "ValueError: math domain error");  // math.gamma(0)
  EXPECT_EQ(R(method(math_.val(), "gamma", {I(-1LL).val()})), "ValueError: math domain error");  // math.gamma(-1)
  EXPECT_EQ(R(method(math_.val(), "gamma", {I(200LL).val()})), "OverflowError: math range error");  // math.gamma(200)
  EXPECT_EQ(R(method(math_.val(), "gamma", {F(-HUGE_VAL).val()})), "ValueError: math domain error");  // math.gamma(float('-inf'))
  EXPECT_NEAR(float_value(method(math_.val(), "gamma", {F(-1.5).val()}).val()), 2.3632718012073544, 8e-16);
  // lgamma is libm's lgamma_r: within a few ulps of CPython's (glibc is the closer one at -2.5).
  EXPECT_NEAR(float_value(method(math_.val(), "lgamma", {I(100).val()}).val()), 359.1342053695754, 1e-12);
  EXPECT_EQ(R(method(math_.val(), "lgamma", {I(0LL).val()})), "ValueError: math domain error");  // math.lgamma(0)
  EXPECT_NEAR(float_value(method(math_.val(), "lgamma", {F(-2.5).val()}).val()), -0.056243716497674054, 1e-15);
  EXPECT_EQ(R(method(math_.val(), "lgamma", {F(HUGE_VAL).val()})), "inf");  // math.lgamma(float('inf'))
  EXPECT_EQ(R(method(math_.val(), "nextafter", {F(0x1.0000000000000p+0).val(), F(0x1.0000000000000p+1).val()})), "1.0000000000000002");  // math.nextafter(1.0, 2.0)
  EXPECT_EQ(R(method(math_.val(), "nextafter", {F(0x0.0p+0).val(), F(-0x1.0000000000000p+0).val()})), "-5e-324");  // math.nextafter(0.0, -1.0)
  EXPECT_EQ(R(method(math_.val(), "ulp", {F(0x1.0000000000000p+0).val()})), "2.220446049250313e-16");  // math.ulp(1.0)
  EXPECT_EQ(R(method(math_.val(), "ulp", {F(0x0.0p+0).val()})), "5e-324");  // math.ulp(0.0)
  EXPECT_EQ(R(method(math_.val(), "ulp", {F(0x1.1ccf385ebc8a0p+1023).val()})), "1.99584030953472e+292");  // math.ulp(1e+308)
  EXPECT_EQ(R(method(math_.val(), "ulp", {F(HUGE_VAL).val()})), "inf");  // math.ulp(float('inf'))
  EXPECT_EQ(R(method(math_.val(), "cbrt", {I(27LL).val()})), "3.0000000000000004");  // math.cbrt(27)
  EXPECT_EQ(R(method(math_.val(), "cbrt", {F(-0x1.0000000000000p+3).val()})), "-2.0");  // math.cbrt(-8.0)
}

TEST_F(MathTest, IterableFunctionsMatchCPython) {
  if (!(g_list_iter_type.flags & kTypeReady)) GTEST_SKIP() << "list iterators are not readied by runtime_init yet";
  EXPECT_EQ(R(method(math_.val(), "fsum", {sequence_list(Ref<>(tuple_pack({F(0x1.999999999999ap-4).val(), F(0x1.999999999999ap-4).val(), F(0x1.999999999999ap-4).val(), F(0x1.999999999999ap-4).val(), F(0x1.999999999999ap-4).val(), F(0x1.999999999999ap-4).val(), F(0x1.999999999999ap-4).val(), F(0x1.999999999999ap-4).val(), F(0x1.999999999999ap-4).val(), F(0x1.999999999999ap-4).val()})).val()).val()})), "1.0");  // math.fsum([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1])
  EXPECT_EQ(R(method(math_.val(), "fsum", {sequence_list(Ref<>(tuple_pack({F(0x1.249ad2594c37dp+332).val(), F(0x1.0000000000000p+0).val(), F(-0x1.249ad2594c37dp+332).val(), F(0x1.bff2ee48e0530p-333).val(), F(0x1.11b0ec57e649ap+166).val(), F(-0x1.0000000000000p+0).val(), F(-0x1.11b0ec57e649ap+166).val()})).val()).val()})), "1e-100");  // math.fsum([1e+100, 1.0, -1e+100, 1e-100, 1e+50, -1.0, -1e+50])
  EXPECT_EQ(R(method(math_.val(), "fsum", {sequence_list(Ref<>(tuple_pack({F(HUGE_VAL).val(), F(0x1.0000000000000p+0).val()})).val()).val()})), "inf");  // math.fsum([inf, 1.0])
  EXPECT_EQ(R(method(math_.val(), "fsum", {sequence_list(Ref<>(tuple_pack({F(HUGE_VAL).val(), F(-HUGE_VAL).val()})).val()).val()})), "ValueError: -inf + inf in fsum");  // math.fsum([inf, -inf])
  EXPECT_EQ(R(method(math_.val(), "fsum", {sequence_list(Ref<>(tuple_pack({F(std::nan("")).val(), F(0x1.0000000000000p+0).val()})).val()).val()})), "nan");  // math.fsum([nan, 1.0])
  EXPECT_EQ(R(method(math_.val(), "fsum", {sequence_list(Ref<>(tuple_pack({F(0x1.1ccf385ebc8a0p+1023).val(), F(0x1.1ccf385ebc8a0p+1023).val()})).val()).val()})), "OverflowError: intermediate overflow in fsum");  // math.fsum([1e+308, 1e+308])
  EXPECT_EQ(R(method(math_.val(), "fsum", {sequence_list(Ref<>(tuple_pack({})).val()).val()})), "0.0");  // math.fsum([])
  EXPECT_EQ(R(method(math_.val(), "fsum", {sequence_list(Ref<>(tuple_pack({I(1LL).val(), I(2LL).val(), I(3LL).val()})).val()).val()})), "6.0");  // math.fsum([1, 2, 3])
  EXPECT_EQ(R(method(math_.val(), "fsum", {sequence_list(Ref<>(tuple_pack({F(0x1.0000000000000p+53).val(), F(0x1.0000000000000p+0).val(), F(0x1.0000000000000p-53).val()})).val()).val()})), "9007199254740994.0");  // math.fsum([9007199254740992.0, 1.0, 1.1102230246251565e-16])
  EXPECT_EQ(R(method(math_.val(), "fsum", {Ref<>(tuple_pack({F(0x1.999999999999ap-4).val(), F(0x1.999999999999ap-3).val(), F(0x1.3333333333333p-2).val()})).val()})), "0.6");  // math.fsum((0.1, 0.2, 0.3))
  EXPECT_EQ(R(method(math_.val(), "prod", {sequence_list(Ref<>(tuple_pack({I(1LL).val(), I(2LL).val(), I(3LL).val(), I(4LL).val()})).val()).val()})), "24");  // math.prod([1, 2, 3, 4])
  EXPECT_EQ(R(method(math_.val(), "prod", {sequence_list(Ref<>(tuple_pack({})).val()).val()})), "1");  // math.prod([])
  EXPECT_EQ(R(method(math_.val(), "prod", {sequence_list(Ref<>(tuple_pack({F(0x1.8000000000000p+0).val(), I(2LL).val()})).val()).val()})), "3.0");  // math.prod([1.5, 2])
}

TEST_F(MathTest, ConstantsMatchCPython) {
  EXPECT_EQ(R(getattr(math_.val(), "pi")), "3.141592653589793");
  EXPECT_EQ(R(getattr(math_.val(), "e")), "2.718281828459045");
  EXPECT_EQ(R(getattr(math_.val(), "tau")), "6.283185307179586");
  EXPECT_EQ(R(getattr(math_.val(), "inf")), "inf");
  EXPECT_EQ(R(getattr(math_.val(), "nan")), "nan");
}

TEST_F(MathTest, IscloseHonoursTolerances) {
  EXPECT_EQ(R(method(math_.val(), "isclose", {F(1.0).val(), F(1.0 + 1e-10).val()})), "True");
  EXPECT_EQ(R(method(math_.val(), "isclose", {F(1.0).val(), F(1.1).val()})), "False");
  EXPECT_EQ(R(method(math_.val(), "isclose", {F(1.0).val(), F(1.1).val()}, {{"rel_tol", F(0.2).val()}})), "True");
  EXPECT_EQ(R(method(math_.val(), "isclose", {F(0.0).val(), F(1e-10).val()}, {{"abs_tol", F(1e-9).val()}})), "True");
  EXPECT_EQ(R(method(math_.val(), "isclose", {F(1.0).val(), F(1.0).val()}, {{"rel_tol", F(-1).val()}})),
            "ValueError: tolerances must be non-negative");
  EXPECT_EQ(R(method(math_.val(), "isclose", {F(HUGE_VAL).val(), F(HUGE_VAL).val()})), "True");
}

TEST_F(MathTest, ProdTakesStartKeyword) {
  if (!(g_list_iter_type.flags & kTypeReady)) GTEST_SKIP() << "list iterators are not readied by runtime_init yet";
  Ref<> lst = sequence_list(Ref<>(tuple_pack({I(2).val(), I(3).val()})).val());
  EXPECT_EQ(R(method(math_.val(), "prod", {lst.val()}, {{"start", I(5).val()}})), "30");
}

}  // namespace
}  // namespace ftpy
