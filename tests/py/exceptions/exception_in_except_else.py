def f():
    try:
        pass
    except Exception:
        pass
    else:
        raise ValueError("from else")
    finally:
        print("finally still runs")
try:
    f()
except ValueError as e:
    print("caught", e, e.__context__)
def g():
    try:
        raise KeyError(1)
    except KeyError:
        raise IndexError(2)
    finally:
        print("g finally")
try:
    g()
except IndexError as e:
    print(repr(e), repr(e.__context__))
def h():
    try:
        raise ValueError
    finally:
        raise TypeError
try:
    h()
except TypeError as e:
    print(type(e.__context__).__name__)
