for n in [0, 1, 2, 7, 8, 255, 256, -1, -8, 2 ** 100, -(2 ** 100)]:
    print(n, n.bit_length(), n.bit_count())
print((12).as_integer_ratio(), (-5).as_integer_ratio(), (7).numerator, (7).denominator)
print((5).real, (5).imag, (5).conjugate(), (True).conjugate())
print(int.is_integer(5) if hasattr(int, "is_integer") else True)
print((10).__index__(), (3).__abs__(), (-3).__neg__())
print((255).__format__("x"), (6).__round__(), (2).__pow__(10))
