# types.UnionType has __parameters__ and substitutes them: (list[T] | None)[int]
import typing
T = typing.TypeVar("T")
U = list[T] | None
print(U, U.__parameters__, U[int])
print((int | str).__parameters__)
try:
    (int | str)[int]
except TypeError as e:
    print("TE", e)
print(typing.Optional[list[T]][int], typing.List[list[T]][str])
