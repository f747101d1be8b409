x = 1234.5678
print(format(x, "f"), format(x, ".2f"), format(x, ".0f"), format(x, "10.1f") + "|", format(x, "<10.1f") + "|")
print(format(x, "e"), format(x, ".3E"), format(x, "g"), format(x, ".3g"), format(x, ".10g"), format(x, "G"))
print(format(x, ","), format(x, "_.2f"), format(x, ",.3f"), format(x, "+.1f"), format(-x, " .1f"), format(x, " .1f"))
print(format(0.5, "%"), format(0.12345, ".2%"), format(x, "=+12.2f"), format(x, "012.2f"), format(-x, "012.2f"))
print(format(1e-10, "g"), format(1e16, "g"), format(123456789.0, "g"), format(0.0001, "g"), format(0.00001, "g"))
print(format(1.0, "g"), format(1.0, "#g"), format(1.0, ".0f"), format(1.5, "#.0f"), format(10.0, "n"))
print(format(float("inf"), "f"), format(float("-inf"), "e"), format(float("nan"), "10.2f") + "|", format(float("inf"), "F"))
print(format(x, ""), format(1e20, ""), format(1e16, ".1f"), format(2.5, "*^9.2f"))
print(f"{x:.3}", f"{x:10.2e}", f"{1/3:.15f}", f"{2/3:.20f}")
print("%.2f %e %g %10.3f| %-8.1f| %+.0f %E %G" % (x, x, x, x, x, x, x, 1e-20))
print(format(-0.0, ".1f"), format(-0.0, "g"), format(0.0, "+"), format(-1e-10, ".1f"))
try:
    format(1.5, "d")
except ValueError as e:
    print(type(e).__name__, e)
