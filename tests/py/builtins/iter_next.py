it = iter([1, 2])
print(next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
data = iter([5, 4, 3, 0, 9])
print(list(iter(lambda: next(data), 0)))
count = [0]
def tick():
    count[0] += 1
    return count[0]
print(list(iter(tick, 4)))
try:
    iter(5, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1])
except TypeError as e:
    print(type(e).__name__, e)
s = iter("ab")
print(iter(s) is s, type(iter({})).__name__, type(iter(set())).__name__, type(iter(())).__name__)
