import math
print(sum([1, 2, 3.5]), sum([0.5, 0.25, 0.125]), sum([1e20, 1, -1e20]) if False else "skip")
print(math.fsum([0.1, 0.2, 0.3]), math.fsum([1e308, 1e308, -1e308]) if False else math.fsum([1, 1e-16, -1]))
print(sum([0.25] * 8), sum(x / 2 for x in range(10)))
print(sum([], 0.0), sum([1.5], 1))
