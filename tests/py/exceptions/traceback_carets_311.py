import traceback
def check(x):
    assert x == 1, "x must be 1"
def gen(n):
    yield 1 // n
try:
    check(2)
except AssertionError:
    print(traceback.format_exc())
try:
    print([y for y in gen(0)])
except ZeroDivisionError:
    print(traceback.format_exc())
try:
    import nonexistent_module_zz
except ImportError:
    print(traceback.format_exc())
