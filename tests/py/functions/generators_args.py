def gen(a, *b, c=0, **d):
    yield a
    yield b
    yield c
    yield d
print(list(gen(1, 2, 3, c=4, e=5)))
try:
    gen()
except TypeError as e:
    print(e)
