// complex: constructors and methods called through the C++ protocol;
// expected values are python3's.
#include <cmath>

#include "number_test_util.h"

namespace ftpy {
namespace {

using namespace numtest;

class ComplexTest : public RuntimeTest {};

TEST_F(ComplexTest, ConstructorMatchesCPython) {
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {S("1+2j").val()})), "(1+2j)");  // complex('1+2j')
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {S(" ( 1-2j ) ").val()})), "(1-2j)");  // complex(' ( 1-2j ) ')
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {S("j").val()})), "1j");  // complex('j')
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {S("-j").val()})), "-1j");  // complex('-j')
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {S("+1.5e3J").val()})), "1500j");  // complex('+1.5e3J')
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {S("1+j").val()})), "(1+1j)");  // complex('1+j')
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {S("infj").val()})), "infj");  // complex('infj')
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {S("-nan+infj").val()})), "(nan+infj)");  // complex('-nan+infj')
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {S("1 + 2j").val()})), "ValueError: complex() arg is a malformed string");  // complex('1 + 2j')
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {S("1_0+2_0j").val()})), "(10+20j)");  // complex('1_0+2_0j')
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {S("").val()})), "ValueError: complex() arg is a malformed string");  // complex('')
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {S("()").val()})), "ValueError: complex() arg is a malformed string");  // complex('()')
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {S("1").val(), I(2LL).val()})), "TypeError: complex() can't take second arg if first is a string");  // complex('1', 2)
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {I(1LL).val(), S("2").val()})), "TypeError: complex() second arg can't be a string");  // complex(1, '2')
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {Ref<>::borrow(none()).val()})), "TypeError: complex() first argument must be a string or a number, not 'NoneType'");  // complex(None)
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {I(1LL).val(), Ref<>::borrow(none()).val()})), "TypeError: complex() second argument must be a number, not 'NoneType'");  // complex(1, None)
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {C(0x0.0p+0, 0x1.0000000000000p+0).val(), C(0x0.0p+0, 0x1.0000000000000p+0).val()})), "(-1+1j)");  // complex(complex(0.0, 1.0), complex(0.0, 1.0))
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {I(1LL).val(), F(-0x0.0p+0).val()})), "(1-0j)");  // complex(1, -0.0)
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {}, {{"real", I(1LL).val()}, {"imag", I(2LL).val()}})), "(1+2j)");  // complex(real=1, imag=2)
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {}, {{"imag", I(2LL).val()}})), "2j");  // complex(imag=2)
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {S("(1+2j").val()})), "ValueError: complex() arg is a malformed string");  // complex('(1+2j')
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {F(-0x0.0p+0).val(), F(-0x0.0p+0).val()})), "(-0-0j)");  // complex(-0.0, -0.0)
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {F(0x0.0p+0).val(), F(-0x0.0p+0).val()})), "-0j");  // complex(0.0, -0.0)
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {S("-0").val()})), "(-0+0j)");  // complex('-0')
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {I(1LL).val(), I(2LL).val(), I(3LL).val()})), "TypeError: complex() takes at most 2 arguments (3 given)");  // complex(1, 2, 3)
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {}, {{"x", I(1LL).val()}})), "TypeError: 'x' is an invalid keyword argument for complex()");  // complex(x=1)
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {S("1e500j").val()})), "infj");  // complex('1e500j')
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {S("1j+1").val()})), "ValueError: complex() arg is a malformed string");  // complex('1j+1')
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {S("j1").val()})), "ValueError: complex() arg is a malformed string");  // complex('j1')
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {S("+").val()})), "ValueError: complex() arg is a malformed string");  // complex('+')
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {})), "0j");  // complex()
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {F(0x1.4000000000000p+1).val()})), "(2.5+0j)");  // complex(2.5)
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {Ref<>::borrow(true_value()).val(), Ref<>::borrow(false_value()).val()})), "(1+0j)");  // complex(True, False)
  EXPECT_EQ(R(call_v(Value(&g_complex_type), {C(0x1.0000000000000p+0, 0x1.0000000000000p+1).val()})), "(1+2j)");  // complex(complex(1.0, 2.0))
}

TEST_F(ComplexTest, MethodsAndGettersMatchCPython) {
  EXPECT_EQ(R(method(C(0x1.0000000000000p+0, 0x1.0000000000000p+1).val(), "conjugate", {})), "(1-2j)");  // (complex(1.0, 2.0)).conjugate()
  EXPECT_EQ(R(method(C(0x1.0000000000000p+0, 0x1.0000000000000p+1).val(), "__getnewargs__", {})), "(1.0, 2.0)");  // (complex(1.0, 2.0)).__getnewargs__()
  EXPECT_EQ(R(method(C(0x0.0p+0, 0x1.0000000000000p+0).val(), "__complex__", {})), "1j");  // (complex(0.0, 1.0)).__complex__()
  EXPECT_EQ(R(method(C(0x1.0000000000000p+0, 0x1.0000000000000p+1).val(), "__format__", {S("^12.1f").val()})), "'  1.0+2.0j  '");  // (complex(1.0, 2.0)).__format__('^12.1f')
  EXPECT_EQ(R(getattr(C(0x1.0000000000000p+0, 0x1.0000000000000p+1).val(), "real")), "1.0");  // (complex(1.0, 2.0)).real
  EXPECT_EQ(R(getattr(C(0x1.0000000000000p+0, 0x1.0000000000000p+1).val(), "imag")), "2.0");  // (complex(1.0, 2.0)).imag
  EXPECT_EQ(R(getattr(C(-0x0.0p+0, -0x1.8000000000000p+0).val(), "real")), "-0.0");  // (complex(-0.0, -1.5)).real
  EXPECT_EQ(R(getattr(C(-0x0.0p+0, -0x1.8000000000000p+0).val(), "imag")), "-1.5");  // (complex(-0.0, -1.5)).imag
  EXPECT_EQ(R(repr(C(-0x0.0p+0, 0x0.0p+0).val())), "'(-0+0j)'");  // repr(complex(-0.0, 0.0))
  EXPECT_EQ(R(repr(C(0x0.0p+0, -0x0.0p+0).val())), "'-0j'");  // repr(complex(0.0, -0.0))
  EXPECT_EQ(R(repr(C(std::nan(""), HUGE_VAL).val())), "'(nan+infj)'");  // repr(complex(float('nan'), float('inf')))
  EXPECT_EQ(R(repr(C(-HUGE_VAL, std::nan("")).val())), "'(-inf+nanj)'");  // repr(complex(float('-inf'), float('nan')))
  EXPECT_EQ(R(repr(C(0x1.1c37937e08000p+53, -0x1.4f8b588e368f1p-17).val())), "'(1e+16-1e-05j)'");  // repr(complex(1e+16, -1e-05))
  EXPECT_EQ(R(repr(C(0x0.0p+0, 0x1.ddd4baa009303p+999).val())), "'1e+301j'");  // repr(complex(0.0, 1e+301))
}

}  // namespace
}  // namespace ftpy
