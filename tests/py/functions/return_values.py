def multiple():
    return 1, "two", [3]
a, b, c = multiple()
print(a, b, c, type(multiple()).__name__)
def implicit():
    x = 1
print(implicit())
def returns_func():
    def inner(): return "inner"
    return inner
print(returns_func()())
def early_exit(items):
    for i in items:
        if i < 0:
            return i
    return None
print(early_exit([1, -2, -3]), early_exit([1]))
def try_return():
    try:
        return "try"
    except Exception:
        return "except"
    finally:
        print("cleanup")
print(try_return())
def return_in_loop_finally():
    for i in range(3):
        try:
            if i == 1:
                return i
        finally:
            print("finally", i)
print(return_in_loop_finally())
