# _random.Random and random.Random: CPython's seeding and the MT19937 stream.
import random

for seed in [7, 0, 1, 2 ** 70, -5, 12345678901234567890]:
    r = random.Random(seed)
    print(seed, r.random(), r.getrandbits(70), r.getrandbits(5))

r = random.Random(7)
print([r.random() for _ in range(5)])
print(r.randrange(1000), r.randint(-10, 10), r.choice('abcdef'))
xs = list(range(12))
r.shuffle(xs)
print(xs)
print(r.sample(range(50), 6))

r.seed(b'bytes seed')
print(r.random())
r.seed('str seed')
print(r.random())
r.seed(1.5)
print(r.random())

state = r.getstate()
first = [r.random() for _ in range(3)]
r.setstate(state)
print(first == [r.random() for _ in range(3)], len(state[1]), state[0])

print(r.getrandbits(0))
for bad in [lambda: r.getrandbits(-1), lambda: r.setstate((3, (1,) * 3, None))]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

a = random.Random()
b = random.Random()
print(a.random() != b.random())  # seeded from the OS: distinct streams
