data = [5, 3, 8, 1]
print([y := x * 2 for x in data], y)
print([last := x for x in data], last)
running = 0
print([running := running + x for x in data])
def f():
    out = [z for x in range(4) if (z := x * x) > 2]
    return out, z
print(f())
print({k: (v := k * 3) for k in range(3)}, v)
try:
    exec("[i := 0 for i in range(3)]")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
