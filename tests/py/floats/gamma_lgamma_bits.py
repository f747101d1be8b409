# math.gamma and math.lgamma agree with CPython to the last bit (Lanczos
# approximation with CPython's parameters), with the same errors.
import math, random
r = random.Random(11)
vals = [0.5, -0.5, 1.5, 2.5, 3, 10, 23, 24, 30.5, 100.25, 141.5, 170.5, 171.7, 200.5, -200.5, -1e-30, 1e-30, 1e-320, -2.5, -3.75, -140.5, -170.3, 1e308, 5e-324, 0.9999999, 1.0000001, 2.0000001]
vals += [r.uniform(-50, 50) for _ in range(150)] + [r.uniform(0, 5) for _ in range(80)] + [r.uniform(-180, 180) for _ in range(80)] + [float(r.randint(-30, 30)) for _ in range(40)]
for v in vals:
    out = []
    for f in (math.gamma, math.lgamma):
        try: out.append(repr(f(v)))
        except (ValueError, OverflowError) as e: out.append(type(e).__name__ + ':' + str(e))
    print(repr(v), *out)
