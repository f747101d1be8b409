class U:
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __invert__(self): return "invert"
    def __abs__(self): return "abs"
u = U()
print(-u, +u, ~u, abs(u))
class Nothing: pass
for op, f in [("-", lambda x: -x), ("+", lambda x: +x), ("~", lambda x: ~x), ("abs", abs)]:
    try:
        f(Nothing())
    except TypeError as e:
        print(op, type(e).__name__, e)
print(-(-5), +(-5), ~0, ~-1, ~7, abs(-7), abs(-0.0), -0.0)
try:
    ~1.5
except TypeError as e:
    print(type(e).__name__, e)
try:
    -"s"
except TypeError as e:
    print(type(e).__name__, e)
