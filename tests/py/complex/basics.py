z = 3 + 4j
print(z, z.real, z.imag, abs(z), z.conjugate(), -z, +z)
print(complex(1, 2), complex("1+2j"), complex("  -3.5j "), complex(2), complex(), complex("inf+nanj"))
print((1 + 2j) * (3 - 1j), (1 + 2j) / (1 - 1j), (1 + 1j) ** 2, 1j ** 2, (2 + 0j) ** 0.5 if False else (4 + 0j) ** 0.5)
print(1j * 1j == -1, (1 + 0j) == 1, repr(1j), repr(-1j), repr(0j), repr(-0j), complex(-0.0, -0.0))
print(type(1j).__name__, isinstance(1j, complex), z == complex(3, 4), hash(3 + 0j) == hash(3))
for bad in ["1+", "j1", "1 + 2j", "abc"]:
    try:
        complex(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    (1 + 1j) < (2 + 2j)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int(1j)
except TypeError as e:
    print(type(e).__name__, e)
try:
    1j / 0
except ZeroDivisionError as e:
    print(type(e).__name__)
