# Context.flags / Context.traps behave as _decimal's signal dicts: bool
# values, libmpdec's key order, a copy on assignment, no deletion, C's
# KeyError/TypeError messages.
import decimal
from decimal import Context, Inexact, Rounded, DivisionByZero, Decimal

c = Context()
print(c.flags)
print(c.traps)
print(decimal.DefaultContext.traps[DivisionByZero], decimal.ExtendedContext.traps[DivisionByZero],
      decimal.BasicContext.traps[decimal.Underflow])
c.divide(Decimal(1), Decimal(3))
print(c.flags[Inexact], c.flags[Rounded], c.flags[DivisionByZero])
c.traps[Inexact] = 5
print(c.traps[Inexact])
c.flags.update({Rounded: 0})
print(c.flags[Rounded], len(c.flags), Inexact in c.flags, c.flags.get(Inexact))
print([k.__name__ for k in c.flags])
d = c.flags.copy()
print(type(d).__name__, d == dict(c.flags))
c.clear_flags()
print(sorted(k.__name__ for k, v in c.flags.items() if v), d[Inexact])
# assignment copies
d[Inexact] = 1
c.flags = d
d[Inexact] = 0
print(c.flags[Inexact])
for bad in ([1], {Inexact: 1}, 5, None):
    try:
        c.flags = bad
    except (TypeError, KeyError) as e:
        print(type(e).__name__, e)
for op in (lambda: c.flags["x"], lambda: c.traps.__setitem__("x", 1),
           lambda: c.flags.__delitem__(Inexact), lambda: c.flags.pop(Inexact),
           lambda: c.flags[decimal.ConversionSyntax]):
    try:
        op()
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
print(Context(flags=[Inexact]).flags[Inexact], Context(traps=[]).traps[DivisionByZero])
print(c.copy().flags[Inexact], repr(c)[-60:])
with decimal.localcontext() as lc:
    lc.traps[Inexact] = True
    try:
        Decimal(1) / 3
    except Inexact as e:
        print("trapped", e)
print(decimal.getcontext().traps[Inexact])
