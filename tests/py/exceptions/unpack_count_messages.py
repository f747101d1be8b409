# Unpacking errors in CPython 3.11 words (no ", got N" for too many values).
for src in ["a, b = [1, 2, 3]", "a, b = (1, 2, 3)", "a, b = 'abc'", "a, b = {1: 2, 3: 4, 5: 6}", "a, b = iter([1, 2, 3])", "a, *b, c = [1]", "a, b, c = [1]", "a, b = 1", "[a] = []", "a, b = range(5)"]:
    try:
        exec(src)
    except (ValueError, TypeError) as e:
        print(src, "->", type(e).__name__, e)
