# enumerate[...] is a types.GenericAlias (PEP 585), as for the other
# built-in generic classes, so annotations using it evaluate.
import types


def numbered(items: list[str]) -> enumerate[str]:
    return enumerate(items, 1)


alias = enumerate[int]
print(alias, type(alias) is types.GenericAlias, alias.__origin__ is enumerate, alias.__args__)
print(numbered.__annotations__["return"], list(numbered(["a", "b"])))
print(enumerate[int] == enumerate[int], enumerate[int, str].__args__, "__class_getitem__" in dir(enumerate))
print(list(alias("xy")), isinstance(enumerate([]), enumerate))
