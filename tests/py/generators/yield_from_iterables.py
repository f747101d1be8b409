def g():
    yield from [1, 2]
    yield from (3, 4)
    yield from {5: "a"}
    yield from "xy"
    yield from range(6, 8)
    yield from iter([9])
print(list(g()))
def bad():
    yield from 5
try:
    list(bad())
except TypeError as e:
    print(type(e).__name__, e)
class It:
    def __iter__(self):
        return iter([10, 20])
def custom():
    x = yield from It()
    yield x
print(list(custom()))
