import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("caught", type(e).__name__, "maximum recursion depth exceeded" in str(e))
def mutual_a(n): return mutual_b(n)
def mutual_b(n): return mutual_a(n)
try:
    mutual_a(0)
except RecursionError:
    print("mutual recursion caught")
class Loop:
    def __getattr__(self, name):
        return getattr(self, "x" + name)
try:
    Loop().a
except RecursionError:
    print("getattr recursion caught")
print(sys.getrecursionlimit())
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print(depth(0) > 100)
def ok(n): return 0 if n == 0 else 1 + ok(n - 1)
print(ok(800))
