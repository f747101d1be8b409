# Wrong argument counts for builtins whose parameters are positional-only get
# CPython's messages: "get expected at least 1 argument, got 0" for counted
# forms, "list.append() takes exactly one argument (0 given)" for one-argument
# functions, "list.clear() takes no arguments (1 given)".
tests = [
    lambda: {}.get(),
    lambda: {}.get(1, 2, 3),
    lambda: [].insert(),
    lambda: [].insert(1, 2, 3),
    lambda: [].append(),
    lambda: [].append(1, 2),
    lambda: [].pop(1, 2),
    lambda: [].clear(1),
    lambda: divmod(1),
    lambda: isinstance(1),
    lambda: getattr(1),
    lambda: setattr(1, 2),
    lambda: {}.setdefault(),
    lambda: {}.pop(),
    lambda: "".join(),
    lambda: [].index(),
    lambda: "".center(),
    lambda: "".ljust(1, 2, 3),
    lambda: len(),
    lambda: len(1, 2),
    lambda: abs(1, 2),
    lambda: sorted(),
    lambda: set().add(),
    lambda: hasattr(1),
    lambda: "".split(1, 2, 3),
]
for t in tests:
    try:
        t()
        print("no error")
    except TypeError as e:
        print(e)
