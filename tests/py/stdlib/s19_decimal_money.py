# decimal as used for money: contexts, quantize with rounding modes, traps,
# signals, localcontext, and formatting.
from decimal import (Decimal, getcontext, localcontext, Context, ROUND_HALF_UP,
                     ROUND_HALF_EVEN, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR,
                     ROUND_05UP, ROUND_UP, ROUND_HALF_DOWN, InvalidOperation,
                     DivisionByZero, Inexact, Rounded, Overflow, DefaultContext,
                     BasicContext, ExtendedContext, FloatOperation)
import decimal

CENT = Decimal("0.01")
prices = [Decimal(x) for x in ["19.995", "0.005", "-2.675", "100", "3.14159", "2.5", "-0.125"]]
modes = [ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_DOWN, ROUND_UP,
         ROUND_CEILING, ROUND_FLOOR, ROUND_05UP]
for p in prices:
    print(p, [str(p.quantize(CENT, rounding=m)) for m in modes])

print(getcontext().prec, getcontext().rounding)
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(7), Decimal("123456789") + 0)
    ctx.rounding = ROUND_DOWN
    print(Decimal(2) / Decimal(3))
print(Decimal(1) / Decimal(7))

ctx = Context(prec=6, rounding=ROUND_HALF_EVEN, traps=[DivisionByZero])
try:
    ctx.divide(Decimal(1), Decimal(0))
except DivisionByZero as e:
    print("DivisionByZero", type(e).__mro__[1].__name__)
ctx.traps[DivisionByZero] = False
print(ctx.divide(Decimal(1), Decimal(0)), ctx.divide(Decimal(-1), Decimal(0)))
print(ctx.flags[DivisionByZero])
ctx.clear_flags()
r = ctx.divide(Decimal(10), Decimal(3))
print(r, ctx.flags[Inexact], ctx.flags[Rounded])
ctx.traps[Inexact] = True
try:
    ctx.divide(Decimal(10), Decimal(3))
except Inexact:
    print("Inexact trapped")

try:
    Decimal("abc")
except InvalidOperation as e:
    print("InvalidOperation", e.__class__.__name__)
print(Decimal("NaN"), Decimal("-Infinity"), Decimal("sNaN"), Decimal(" 1.5e3 "))
print(Decimal(0.1), Decimal.from_float(0.5), Decimal((1, (3, 1, 4), -2)))
print(Decimal("1.30").normalize(), Decimal("100").normalize(), Decimal("0.00").normalize())
print(Decimal("123.456").as_tuple())
print(Decimal("7.5").to_integral_value(), Decimal("8.5").to_integral_value(ROUND_HALF_UP))
print(Decimal(2).sqrt(), Decimal(10).ln(), Decimal(100).log10(), Decimal(1).exp())
print(Decimal("12.5") % 5, Decimal("-7") // 2, Decimal("-7") % 2, divmod(Decimal(17), Decimal(5)))
print(Decimal("1.1") + Decimal("2.2") == Decimal("3.3"), 1.1 + 2.2 == 3.3)
print(Decimal(3).compare(Decimal(4)), Decimal("2.0").compare_total(Decimal("2")))
print(max(Decimal("1.0"), Decimal("1")), Decimal("1.0") == Decimal("1"), hash(Decimal("1.0")) == hash(1))
print(round(Decimal("2.675"), 2), round(Decimal("2.5")), round(Decimal("3.5")))
print(int(Decimal("-3.9")), float(Decimal("1e-3")), Decimal("5").is_signed(), Decimal("-0").is_signed())
print(Decimal("1e+2").to_eng_string(), Decimal("1.23E-7").to_eng_string(), str(Decimal("1E+2")))
print(format(Decimal("1234567.891"), ",.2f"), format(Decimal("0.5"), ".0%"), format(Decimal("-3.1"), "+010.3f"))
print(format(Decimal("1.5e10"), "e"), format(Decimal("123.456"), ".2g"), f"{Decimal('42'):>8}|")
print(Decimal("1.20") * 3, Decimal("1.20") * Decimal("1.5"), -Decimal("0.0"), abs(Decimal("-2.50")))
print(repr(Decimal("3.0")), Decimal(5).adjusted(), Decimal("0.0012").adjusted())

# FloatOperation trap
c2 = Context(traps=[FloatOperation])
with localcontext(c2):
    try:
        Decimal(1.5) < 2.5
        print("no trap on construction")
        Decimal("1.5") < 2.5
    except FloatOperation:
        print("FloatOperation trapped")

# Overflow
with localcontext(Context(Emax=5, prec=3)) as c:
    try:
        Decimal(999999) * 10
    except Overflow:
        print("Overflow")
    c.traps[Overflow] = False
    print(Decimal(999999) * 10)

# Sum an invoice with tax
lines = [("widget", 3, "4.99"), ("gizmo", 1, "19.95"), ("bolt", 12, "0.15")]
subtotal = sum((q * Decimal(p) for _, q, p in lines), Decimal(0))
tax = (subtotal * Decimal("0.0825")).quantize(CENT, ROUND_HALF_UP)
print(f"subtotal={subtotal} tax={tax} total={subtotal + tax}")
print(DefaultContext.prec, BasicContext.prec, ExtendedContext.traps[DivisionByZero])
print(str(getcontext())[:60])
print(Decimal("1").__class__.__module__, decimal.MAX_PREC > 10**8)
