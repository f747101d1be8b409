# types.GenericAlias substitution (tuple[T, T][int]), __parameters__, attribute forwarding, subclassing, and collections.abc.Callable aliases
import typing, collections.abc as cabc, types
T = typing.TypeVar("T"); K = typing.TypeVar("K"); V = typing.TypeVar("V")
P = typing.ParamSpec("P")
Pair = tuple[T, T]
print(Pair.__parameters__, Pair[int], dict[K, list[V]].__parameters__, dict[K, list[V]][str, int])
print(list[T].__parameters__, list[int].__parameters__, list[list[T]][str])
try:
    list[int][str]
except TypeError as e:
    print("TE", e)
try:
    dict[K, V][int]
except TypeError as e:
    print("TE", e)
print(typing.get_args(dict[str, int]), typing.get_origin(list[int]) is list)
print(list[int] == list[int], list[int] != list[str], hash(list[int]) == hash(list[int]))
G = types.GenericAlias
class Sub(G): pass
s = Sub(list, (int,))
print(type(s).__name__, s)
print(type[int], type(list[int]).__name__, list[int].__module__ if hasattr(list[int], '__module__') else None)
print(repr(list[int, ...]), list[()], tuple[()])
print(isinstance(list[int], type), isinstance(list[int], types.GenericAlias))
print(dir(list[int]) == dir(list[int]))
a = cabc.Callable[[int], str]
print(a, a.__args__, typing.get_args(a), type(a).__name__, a.__origin__)
b = cabc.Callable[[T], T]
print(b, b.__parameters__, b[int])
print(cabc.Callable[..., int], cabc.Callable[..., int].__args__, cabc.Callable[[], int], cabc.Callable[[], int].__args__)
for bad in ("int", "int, str"):
    try:
        eval(f"cabc.Callable[{bad}]")
    except TypeError as e:
        print("TE", e)
print(cabc.Callable[P, T], cabc.Callable[P, T][[int], str], cabc.Callable[typing.Concatenate[int, P], T])
print(a == cabc.Callable[[int], str], hash(a) == hash(cabc.Callable[[int], str]))
import pickle
print(pickle.loads(pickle.dumps(a)), pickle.loads(pickle.dumps(list[int])))
print(cabc.Mapping[str, T][int], cabc.Iterable[T].__parameters__)
