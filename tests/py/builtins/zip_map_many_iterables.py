# zip() and map() over few and many iterables (the step keeps up to 8 pulled
# items inline and more on the heap), partial pulls at exhaustion, strict
# length errors, and an iterator that raises part way through a step.
print(list(zip('abc', [1, 2, 3], range(9))))
print(list(zip(*[range(3)] * 8)))
print(list(zip(*[range(3)] * 9)))
print(list(zip(*[iter(range(20))] * 12)))
print(list(map(lambda *a: sum(a), *[range(4)] * 8)))
print(list(map(lambda *a: sum(a), *[range(4)] * 11)))
print(list(map(max, [1, 5, 2], [4, 3], [0, 9, 9, 9])))

# Items pulled before a shorter iterator ran out are dropped, not leaked or
# kept: the longer iterators have advanced by one.
a, b = iter([1, 2, 3]), iter([10])
print(list(zip(a, b)), list(a))
many = [iter(range(5)) for _ in range(10)] + [iter(range(2))]
print(len(list(zip(*many))), [next(it) for it in many[:3]])

for args in (('ab', 'abc'), ('abc', 'ab'), ('ab', 'ab', 'abc'), ['x'] * 9 + ['xy']):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print('ValueError:', e)


def boom(n):
    yield from range(n)
    raise KeyError('stop at %d' % n)


for k in (2, 9):
    try:
        list(zip(*[range(10)] * k, boom(3)))
    except KeyError as e:
        print('KeyError', e)
    try:
        list(map(lambda *a: a, *[range(10)] * k, boom(1)))
    except KeyError as e:
        print('KeyError', e)


class Item:
    live = 0

    def __init__(self):
        Item.live += 1

    def __del__(self):
        Item.live -= 1


def items(n):
    for _ in range(n):
        yield Item()


for k in (3, 10):
    list(zip(*[items(4) for _ in range(k)], range(2)))
    list(map(lambda *a: None, *[items(4) for _ in range(k)], range(2)))
print('live items', Item.live)
