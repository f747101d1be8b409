# decimal prints what CPython's C implementation prints: trapped signals carry
# the list of conditions, Context repr orders flags as libmpdec, int() of NaN
# and Infinity use _decimal's messages.
import decimal
c = decimal.Context()
for s in [decimal.Clamped, decimal.InvalidOperation, decimal.DivisionByZero, decimal.Inexact, decimal.FloatOperation, decimal.Overflow, decimal.Rounded, decimal.Subnormal, decimal.Underflow][::-1]:
    c.flags[s] = True; c.traps[s] = True
print(c)
print(decimal.DefaultContext, decimal.BasicContext, decimal.ExtendedContext)
for e in ['int(decimal.Decimal("nan"))', 'int(decimal.Decimal("-inf"))', 'int(decimal.Decimal("snan"))', 'round(decimal.Decimal("inf"))', 'decimal.Decimal("nan").as_integer_ratio()', 'decimal.Decimal("inf").as_integer_ratio()','decimal.Decimal("9e999999")*10', 'decimal.Decimal(1).quantize(decimal.Decimal("1e-30"))', 'decimal.Decimal(-1).sqrt()', 'decimal.Decimal(0).ln()', 'decimal.Decimal("1.5") < 2.5', 'decimal.Decimal("snan") < 1', 'decimal.Decimal("nan") < 1', 'decimal.getcontext().prec', 'decimal.Decimal(1.1)', 'decimal.Decimal("1.1") == 1.1', 'decimal.Decimal(2) ** decimal.Decimal("0.5")', 'decimal.Decimal(10) // decimal.Decimal(0)', 'decimal.Decimal(0) // decimal.Decimal(0)', 'decimal.Decimal(10) % 0', 'decimal.Decimal("1e500000") ** 3', 'decimal.Decimal("1e-999999") / 10**10', 'decimal.Decimal("abc")', 'decimal.Decimal(1) / 0', 'round(decimal.Decimal("2.5"))', 'int(decimal.Decimal("-7.9"))', 'decimal.Decimal("-7.9").__floor__()', 'decimal.Decimal(7.25).as_integer_ratio()']:
    try: print(e, repr(eval(e)))
    except Exception as x: print(e, type(x).__name__, x)
decimal.getcontext().traps[decimal.DivisionByZero] = False
print(decimal.Decimal(1) / 0, decimal.getcontext())

