# set(s), s.copy() and frozenset(s) iterate as CPython's copies do: a source
# without deleted slots is copied slot for slot, one with deleted slots is
# re-inserted into a table sized by CPython's rule.
import abc

colliding = set()
for i in range(20):
    colliding.add(i * 8)          # many keys share their home slot
print(list(colliding) == list(set(colliding)), list(colliding) == list(frozenset(colliding)))
print(list(set(colliding)))

t = {1, 9, 17, 25, 33}
t.discard(9)                      # leaves a deleted slot
print(list(t), list(set(t)), list(t.copy()), list(frozenset(t)))

big = {i * 7919 % 1000 for i in range(40)}
print(list(big) == list(set(big)), list(big) == list(big.copy()))
for x in list(big)[::5]:
    big.discard(x)
print(list(set(big)) == list(big), sorted(set(big)) == sorted(big))
print(list(set(big))[:10])

small = {3, 11, 19}
print(list(small), list(set(small)), list(small | set()), list(set().union(small)))


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...

    @abc.abstractmethod
    def perimeter(self): ...

    @abc.abstractmethod
    def name(self): ...


print(sorted(Shape.__abstractmethods__))
try:
    Shape()
except TypeError as e:
    print(e)

# Set displays of constants: built as CPython 3.11 builds them (a frozenset
# constant, built twice), so they print in CPython's order.
print({3, 11, 19}, {1, 2, 3}, {8, 16, 24, 32, 40, 48}, {-1, -2, 5, 13})
print({"apple", "banana", "cherry", "date"}, {"a", "b"}, {"x", "y", "z"})
print({(1, 2), (3, 4), (5, 6)}, {1.5, 2.5, 3.5, 9.5}, {True, 0, "", 2})
s = {100, 200, 300, 400, 500, 600, 700, 800, 900}
print(s, frozenset({5, 13, 21, 29}))
def f():
    return {7, 15, 23, 31, 39}
print(f(), f() == {39, 31, 23, 15, 7})
x = 3
print({x, 11, 19}, {3, 11, 19, x})
print(19 in {3, 11, 19}, 4 not in {3, 11, 19})
print([v for v in {10, 18, 26, 34}])
