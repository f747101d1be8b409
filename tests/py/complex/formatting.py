z = 1.5 - 2.25j
print(format(z, ".2f"), format(z, "e"), format(z, "^20"), format(z, ".1g"), str(z))
print(f"{z}", f"{z.real:.1f}", f"{z:>20}|", f"{1j:g}", f"{(1+1j):+.1f}")
print(repr(complex(1e20, 1e-20)), repr(complex(1, float("inf"))), repr(complex(float("nan"), 1)))
print(str(2j), str(-2j), str(1 - 0j), str(complex(0.0, -0.0)), str(complex(-0.0, 0.0)))
