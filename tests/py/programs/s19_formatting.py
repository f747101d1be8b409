# Tables and numbers formatted every way people do it.
import math
from decimal import Decimal
from datetime import date, datetime, timedelta

rows = [
    ("Widget", 3, 4.5, 0.125),
    ("Gadget extra long name", 12, 1234.5678, 0.5),
    ("Doohickey", 1000, -0.001, 1.0),
    ("Thing", -7, float("inf"), 0.0333),
]

print(f"{'Name':<12}|{'Qty':^7}|{'Price':>12}|{'Share':>8}")
print(f"{'':-<12}+{'':-^7}+{'':->12}+{'':->8}")
for name, qty, price, share in rows:
    print(f"{name:<12.12}|{qty:^7d}|{price:>12,.2f}|{share:>8.1%}")

print("%-10s|%5d|%8.3f|%x|%o|%e|%g|%%" % ("left", 42, math.pi, 255, 8, 12345.678, 0.00001234))
print("%(name)s is %(age)03d years" % {"name": "Bob", "age": 7})
print("%5.1s|%-6r|%c%c|%+d|% d|%#x|%#o|%.0f|%10.4e" % ("xyz", "r", 65, "z", 5, 5, 255, 8, 2.5, 1e-10))
print("{0}{1}{0}".format("ab", "cd"), "{name!r:>10}".format(name="x"), "{:{fill}{align}{w}}".format("c", fill="*", align="^", w=9))
print("{0[1]} {0[key]} {1.real}".format({1: "one", "key": "k"}, 3 + 4j))
print(format(1234567.891, ","), format(1234567.891, "_.2f"), format(255, "#010b"), format(-255, "08x"), format(255, "X"))
print(f"{3.0:g} {1e16:g} {1e-5:g} {123456789.0:g} {0.0001:g} {1.5e300*1e10:g} {-0.0:g} {float('nan'):F}")
print(f"{12345.6789:.3e} {12345.6789:.0e} {0.1:.20f} {2.5:.0f} {3.5:.0f} {-2.5:.0f} {1.005:.2f}")
print(f"{42:+} {42: } {-42: } {42:=+8} {42:*<6} {42:c} {0.5:%} {1/3:.3%} {1e6:,.0f}")
print(f"{'abc':^9}|{'abc':>9}|{'é':*^5}|{'tab':10}|{'':5}|")
print(f"{True!s} {True!r} {None!a} {'ü'!a} {b'x'!r} {[1, 'a']!s:>12}")
n = 10
print(f"{n=} {n * 2 = } {math.pi=:.3f} {'q'=!s}")
width, prec = 12, 4
print(f"[{math.e:{width}.{prec}f}] [{math.e:<{width}}] [{'nested':{'>' if n > 5 else '<'}{width}}]")
print(f"{{literal}} {n:{'0'}{5}} {'{'}")

print(repr(0.1 + 0.2), 0.1 + 0.2 == 0.3, math.isclose(0.1 + 0.2, 0.3), 1e22, 1e16, 1e15, 123456789012345678.0)
print(repr(1/3), repr(2/3), 1e-7, 1.0e-4, 5e-324, 1.7976931348623157e308, float("-inf"), -0.0)
print(round(2.5), round(3.5), round(-0.5), round(0.125, 2), round(0.375, 2), round(2.675, 2), round(1234.5, -1), round(1250, -2), round(-1350, -2))
print(divmod(-7, 2), divmod(7, -2), -7 // 2, -7 % 2, 7 % -2, divmod(-7.5, 2), math.fmod(-7, 2), -7.5 // 2)
print(2 ** 100, -2 ** 0.5, (-8) ** (1 / 3), 10 ** -2, pow(3, 100, 7), pow(3, -1, 7), 7 ** 0)
print(int("1_000"), int("0x1f", 16), int("1f", 16), int("z", 36), int(" -12 "), int(3.99), int(-3.99), int("0b101", 0))
print(hex(-255), oct(64), bin(-5), (255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"), (1023).bit_length())
big = 3 ** 200
print(big, len(str(big)), big % 1000007, big.bit_length(), -big // 7 ** 50)
print(float(big), math.isqrt(big), math.factorial(25), math.comb(50, 25), math.perm(10, 3))
print(Decimal("1.1") + Decimal("2.2"), Decimal(1) / Decimal(7), Decimal("2.50").quantize(Decimal("0.1")), Decimal("-0"), Decimal("1e3").normalize())
print(f"{Decimal('1234.5678'):,.2f} {Decimal('0.000012'):e} {Decimal('12'):08.3f}")
print((0.1).as_integer_ratio(), (2.5).is_integer(), float.fromhex("0x1.8p1"), (3.0).hex(), math.frexp(10.0), math.ldexp(0.625, 4))
print(sum([0.1] * 10), math.fsum([0.1] * 10), math.prod(range(1, 11)), math.nan == math.nan, math.inf > 1e308)
print(str(1e100), str(12.0), str(1.5e-6), 100.0 / 3, 1e300 * 1e10, int(1e20), 2 ** 63, -(2 ** 63) - 1)

d = date(2024, 2, 29)
dt = datetime(2024, 3, 10, 14, 5, 9, 123456)
print(d, d + timedelta(days=365), d.strftime("%A %d %B %Y, day %j, week %U"), d.isoformat(), d.weekday())
print(dt, dt.strftime("%Y-%m-%d %H:%M:%S.%f %p %I"), f"{dt:%d/%m/%y %H:%M}", dt - datetime(2024, 1, 1))
print(repr(dt), repr(timedelta(hours=-1, seconds=5)), timedelta(days=1, hours=25).total_seconds(), str(timedelta(microseconds=1500)))

table = {"alpha": 1, "beta": 22, "gamma": 333, "delta": 4444}
w = max(map(len, table))
for k, v in sorted(table.items(), key=lambda kv: -kv[1]):
    bar = "#" * len(str(v))
    print(f"{k:>{w}} : {v:<6}{bar}")
print("\n".join(f"{i:2d} {i*i:4d} {i**3:6d} {math.sqrt(i):8.4f}" for i in range(1, 6)))
print(str.center("title", 21, "="), "x".ljust(4, ".") + "|", "7".zfill(4), "-7".zfill(4), "+7".zfill(4), "abc".rjust(2))
print("tab\tsep\tcols".expandtabs(8), "|".join("a b  c".split(" ")), "  strip me  ".strip(), "xxhixx".strip("x"))
