cases = [
    (lambda: 1 + "a"), (lambda: "a" + 1), (lambda: [1] + (1,)), (lambda: None + 1),
    (lambda: 1 - "a"), (lambda: "a" * "b"), (lambda: [1] * 1.5), (lambda: 1 / "x"),
    (lambda: {} | []), (lambda: 1 @ 2), (lambda: "a" < 1), (lambda: [] > {}),
    (lambda: None < None), (lambda: 1 ** "2"), (lambda: "a" % ()), (lambda: 2 << 1.0),
    (lambda: {1} + {2}), (lambda: b"a" + "a"), (lambda: 3 // []), (lambda: 1j < 2j),
    (lambda: object() >= object()),
]
for f in cases:
    try:
        print("ok", f())
    except TypeError as e:
        print(e)
