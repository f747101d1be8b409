# functools.update_wrapper copies 3.11's WRAPPER_ASSIGNMENTS (no
# __type_params__ or __annotate__): a callable object used as a decorator
# gets exactly those attributes in its __dict__.
import functools
import typing

print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)


class CountCalls:
    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.count = 0

    def __call__(self, *args, **kwargs):
        self.count += 1
        return self.__wrapped__(*args, **kwargs)


@CountCalls
def hello(name: str = "world") -> str:
    """Say hello."""
    return "hello " + name


print(hello("ann"), hello.count, list(vars(hello)))
print(hello.__name__, hello.__doc__, hello.__annotations__, typing.get_type_hints(hello))


def logged(func):
    @functools.wraps(func)
    def wrapper(*args):
        return func(*args)
    return wrapper


@logged
def add(a: int, b: int) -> int:
    return a + b


print(add(1, 2), add.__annotations__, add.__wrapped__ is not add, sorted(vars(add)))
partial_target = functools.partial(max, key=abs)


def shim():
    pass


functools.update_wrapper(shim, partial_target)
print(shim.__name__, sorted(vars(shim)))
functools.update_wrapper(shim, add, assigned=("__name__", "__missing__"), updated=())
print(shim.__name__)
