vals = [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.675, 1.005, 0.125, 0.375]
print([round(v) for v in vals])
print([round(v, 2) for v in vals])
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(123.456, -1), round(123.456, -2), round(-0.0))
print(round(1e15 + 0.5), round(1234.5678, 3), round(5e-324, 400), round(1.23, 0), type(round(1.23, 0)).__name__)
print(round(0.5 + 1e-16), round(2.5000000000000004), round(-2.5), round(1e300, 2))
import math
print(math.floor(-0.5), math.ceil(-0.5), math.trunc(-0.5), math.floor(2.9999999999999996))
print(math.floor(1e300) == int(1e300), type(math.floor(2.5)).__name__)
print(f"{2.675:.2f}", f"{0.125:.2f}", f"{0.375:.2f}", f"{2.5:.0f}", f"{3.5:.0f}", f"{-0.5:.0f}")
