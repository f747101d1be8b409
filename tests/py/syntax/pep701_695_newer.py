# requires: 3.12
# Syntax newer than the host python3 (3.11): expected output written by hand.
songs = ["a", "b"]
print(f"{", ".join(songs)}")
print(f"{f"{f"{1 + 1}"}"}")
type Pair = tuple[int, int]
print(Pair.__name__, Pair.__value__)
def first[T](xs: list[T]) -> T:
    return xs[0]
print(first([3, 4]), len(first.__type_params__), first.__type_params__[0].__name__)
from itertools import batched
print(list(batched("ABCDEFG", 3)))
