for v in [1.0, 1.5, -2.0, 0.0, 1e300, float("inf"), float("nan")]:
    print(v, v.is_integer())
for v in [0.5, 0.1, -2.75, 3.0, 1e-3]:
    print(v, v.as_integer_ratio())
for v in (float("inf"), float("nan")):
    try:
        v.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print((2.5).real, (2.5).imag, (2.5).conjugate(), float.__name__)
print((3.7).__trunc__(), (3.7).__floor__(), (3.2).__ceil__(), (-3.7).__trunc__(), (2.5).__round__())
print(float.fromhex("0x1p-2"), (0.25).hex())
