def f(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print("zero")
        r = None
    except (TypeError, ValueError) as e:
        print("type/value:", type(e).__name__)
        r = None
    else:
        print("else")
    finally:
        print("finally")
    return r
print(f(2))
print(f(0))
print(f("s"))
try:
    pass
finally:
    print("bare finally")
try:
    raise KeyError("k")
except LookupError as e:
    print("caught base", repr(e))
try:
    try:
        raise ValueError("inner")
    except TypeError:
        print("no")
except ValueError as e:
    print("outer caught", e)
e = "before"
try:
    raise RuntimeError
except RuntimeError as e:
    pass
try:
    e
except NameError:
    print("as-target deleted after except")
