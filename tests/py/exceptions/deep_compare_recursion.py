# Comparing and printing containers nested deeper than the recursion limit
# raises RecursionError with CPython's message for each case, and the
# interpreter carries on normally afterwards.
def nest(make, depth):
    x = make(())
    for _ in range(depth):
        x = make(x)
    return x


for name, make in [("list", lambda x: [x]), ("tuple", lambda x: (x,)), ("dict", lambda x: {1: x})]:
    a = nest(make, 5000)
    b = nest(make, 5000)
    try:
        a == b
    except RecursionError as e:
        print(name, "==:", e)
    if name != "dict":
        try:
            a < b
        except RecursionError as e:
            print(name, "<:", e)
    try:
        repr(a)
    except RecursionError as e:
        print(name, "repr:", e)
    shallow = nest(make, 10)
    print(name, shallow == nest(make, 10), len(repr(shallow)))
