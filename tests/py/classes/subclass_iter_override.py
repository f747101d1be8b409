# list()/tuple()/unpacking/sorted() of a list or tuple subclass go through
# its __iter__, as in CPython (only exact lists and tuples are copied
# directly).
class Evens(list):
    def __iter__(self):
        return (x for x in super().__iter__() if x % 2 == 0)
class Doubled(tuple):
    def __iter__(self):
        for x in super().__iter__():
            yield x
            yield x
e = Evens([1, 2, 3, 4])
d = Doubled((1, 2))
print(list(e), tuple(e), [*e], sorted(e, reverse=True), set(e) == {2, 4}, len(e))
print(list(d), tuple(d), [*d, 0], sum(d), max(d), len(d))
a, b, c, f = d
print(a, b, c, f)
lst = [0]
lst.extend(e)
lst += d
print(lst, list(zip(e, d)), dict.fromkeys(e))
print(list(Evens()), tuple(Doubled()))
