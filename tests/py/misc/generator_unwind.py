# An exception raised inside a for loop over a generator, inside a generator:
# the inner generator is closed while the exception propagates.
def inner():
    try:
        yield 1
        yield 2
    finally:
        print("inner closed")
def outer():
    for x in inner():
        if x == 2:
            raise ValueError("bad")
        yield x
try:
    print(list(outer()))
except ValueError as e:
    print(type(e).__name__, e)
print("end")
