import random
rng = random.Random(12345)
ok = 0
for _ in range(2000):
    x = rng.random() * 10 ** rng.randint(-20, 20)
    if float(repr(x)) == x:
        ok += 1
print(ok)
for x in [0.1, 123.456, 1e-300, 2.2250738585072014e-308, 4.9e-324]:
    print(repr(x), float(repr(x)) == x, float(str(x)) == x)
print(repr(float("1.0000000000000001")), repr(float("0.30000000000000004")))
print(repr(1 / 7), repr(22 / 7), repr(1e-9), repr(123e-20))
