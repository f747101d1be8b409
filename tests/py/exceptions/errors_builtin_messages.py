cases = [
    lambda: [][0], lambda: {}["k"], lambda: (1).foo, lambda: None.bar, lambda: int("x"), lambda: 1 / 0,
    lambda: undefined_name, lambda: "a" + 1, lambda: len(5), lambda: iter(5), lambda: next(iter([])),
    lambda: [].pop(), lambda: float("inf") // 0 if False else (lambda: 0)(1), lambda: import_error(),
    lambda: "abc".index("z"), lambda: ord(""), lambda: chr(-1), lambda: {}.fromkeys(1), lambda: object().x,
]
def import_error():
    import no_such_mod_q
for c in cases:
    try:
        c()
    except Exception as e:
        print(type(e).__name__ + ":", e)
