print("{} {} {}".format(1, "a", [2]), "{0} {1} {0}".format("x", "y"), "{b} {a}".format(a=1, b=2))
print("{0[1]} {0[k]}".format({1: "one", "k": "kay"}), "{0[0]}{0[2]}".format("abc"), "{.real}".format(3 + 4j))
class P:
    x = 5
    items = [10, 20]
print("{0.x} {0.items[1]} {p.x}".format(P(), p=P()), "{!r:>6}".format("s"), "{:{}{}}".format(3.14159, ".", 3) if False else "{:.{}f}".format(3.14159, 2))
print("{{}} {{{0}}}".format(7), "{:^9}".format("mid"), "{0:*>+8.2f}".format(3.14159), "{:,}".format(12345678))
for fmt, a, k in [("{}{1}", (1, 2), {}), ("{0}{}", (1, 2), {}), ("{2}", (1,), {}), ("{x}", (), {}), ("{0.nope}", (1,), {}), ("{", (), {}), ("}", (), {}), ("{0[5]}", ([1],), {}), ("{!x}", (1,), {})]:
    try:
        print(fmt.format(*a, **k))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(type(e).__name__, e)
print("{name}-{n:03}".format_map({"name": "f", "n": 7}))
class Default(dict):
    def __missing__(self, k): return "<" + k + ">"
print("{a} {b}".format_map(Default(a=1)))
