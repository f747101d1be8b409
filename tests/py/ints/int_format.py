n = 1234567
print(format(n, ","), format(n, "_"), format(n, "x"), format(n, "X"), format(n, "o"), format(n, "b"))
print(format(n, "#x"), format(n, "#o"), format(n, "#b"), format(-n, "#x"))
print(format(n, ">12"), format(n, "<12") + "|", format(n, "^12") + "|", format(n, "012"))
print(format(n, "+"), format(-n, "+"), format(n, " "), format(-n, " "))
print(format(n, "*^15,"), format(-n, "=+12"), format(n, "_x"), format(n, "_b"))
print(format(n, "e"), format(n, ".2e"), format(n, "f"), format(n, ".1%"), format(n, "g"))
print(format(65, "c"), format(n, "d"), format(n, "n"), format(0, "#x"), format(-0, "b"))
print(f"{n:#010x}", f"{n:_d}", f"{-42:08d}", f"{42:-8d}|")
for spec in ("s", ".2", ",c"):
    try:
        print(format(n, spec))
    except ValueError as e:
        print(type(e).__name__, e)
print(format(2 ** 70, ","), format(-2 ** 70, "_x"))
print("{:,}".format(10 ** 12), "%d %5d %-5d| %05d %x %X %o" % (7, 7, 7, 7, 255, 255, 8))
print("%+d % d %#x %#o %c" % (5, 5, 255, 8, 97))
