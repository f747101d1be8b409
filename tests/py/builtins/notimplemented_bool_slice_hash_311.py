# 3.11: NotImplemented in a boolean context is a DeprecationWarning (and
# true), not 3.14's TypeError, so Python-2-era `__ne__` written as
# `not self.__eq__(other)` keeps working; slices are unhashable until 3.12.
import functools
import warnings

print(slice.__hash__)
for probe in (lambda: hash(slice(1, 2)), lambda: {slice(None): 1}, lambda: {slice(0, 5, 2)}):
    try:
        probe()
    except TypeError as e:
        print("TypeError:", e)


@functools.lru_cache(maxsize=None)
def window(seq, sl):
    return seq[sl]


try:
    window((1, 2, 3), slice(1, None))
except TypeError as e:
    print("TypeError:", e)


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents == other.cents

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = None


print(Money(5) != Money(5), Money(5) != Money(6), Money(5) != 5, Money(5) == 5)
print(bool(NotImplemented), not NotImplemented, NotImplemented and "and", NotImplemented or "or")
print([x for x in [NotImplemented, 0] if x])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        if NotImplemented:
            pass
    except DeprecationWarning as e:
        print("DeprecationWarning:", e)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    bool(NotImplemented)
    print([(w.category.__name__, str(w.message)) for w in caught])
