print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "x")
print([] or {} or "last", "" and 1 / 0)
calls = []
def t(v):
    calls.append(v)
    return v
t(0) and t(1)
t(1) or t(2)
t(1) and t(0) and t(3)
print(calls)
print(not None, not [], not [0])
x = None
print(x or "default", x is None and "none")
print(all([]), any([]))
a = 5
print(a > 3 and a < 10 or a == 100)
print(type(1 and 2.0).__name__, type(0 or "").__name__)
