a, b = 2 + 3j, 1 - 1j
print(a + b, a - b, a * b, a / b, a + 1, 2 * a, a - 1.5)
print(a ** 2, a ** 0, a ** -1, pow(a, 2))
print(abs(3 + 4j), abs(-5j), abs(complex(1e300, 1e300)))
import cmath
print(cmath.sqrt(-1), cmath.phase(-1), cmath.polar(1j), cmath.isnan(complex("nan")), cmath.sqrt(4))
print(cmath.exp(0), cmath.isclose(cmath.exp(1j * cmath.pi), -1, abs_tol=1e-15))
try:
    a // b
except TypeError as e:
    print(type(e).__name__, e)
try:
    a % b
except TypeError as e:
    print(type(e).__name__, e)
