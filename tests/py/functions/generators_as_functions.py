def gen_fn():
    yield 1
print(type(gen_fn).__name__, type(gen_fn()).__name__)
print(gen_fn.__code__.co_flags & 0x20 != 0, square_flag := (lambda: 0).__code__.co_flags & 0x20)
def not_gen():
    return (x for x in range(3))
print(list(not_gen()))
def maybe(flag):
    if flag:
        return "returned"
    yield "yielded"
print(list(maybe(True)), list(maybe(False)))
