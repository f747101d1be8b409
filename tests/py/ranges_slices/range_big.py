big = range(0, 10 ** 20, 3)
print(big[10 ** 15], 10 ** 19 in big, 10 ** 19 + 1 in big, big[-1], big.index(3 * 10 ** 18))
try:
    len(big)
except OverflowError as e:
    print(type(e).__name__)
print(big.__len__ if False else len(range(0, 10 ** 18, 10 ** 9)))
r = range(-10 ** 30, 10 ** 30, 10 ** 29)
print(list(r)[:3], len(r), r[-1])
print(list(range(5))[::-1] == list(range(4, -1, -1)), sum(range(1, 101)), max(range(7)), min(range(3, 9)))
print(1.0 in range(3), 1.5 in range(3), True in range(2))
