# randrange() with Python 3.11's argument rules: integral floats work with a
# DeprecationWarning, other floats raise ValueError, and the messages name
# the bad argument; randint(a, b) reports randrange's empty range.
import random
import warnings

random.seed(9)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    print(random.randrange(5.0), random.randrange(2.0, 30), random.randrange(0, 20.0, 2), random.randint(3, 3.0))
    for args in [(1, 5.5), (1, 5, 1.5), (2.5,)]:
        try:
            random.randrange(*args)
        except ValueError as e:
            print('ValueError', e)
print([str(w.message) for w in caught])
print([w.category.__name__ for w in caught])
for args in [(0,), (-3,), (5, 2), (5, 5), (1, 1, 2), (10, 1, 3), (0, 10, 0), ('a',), (1, 'a')]:
    try:
        print(random.randrange(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for a, b in [(5, 1), (3, 2), (0, 0)]:
    try:
        print(random.randint(a, b))
    except ValueError as e:
        print('ValueError', e)
print([random.randrange(-10, 10, 3) for _ in range(8)], random.randrange(10**30, 10**30 + 5))
