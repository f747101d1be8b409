# Assignment expressions.
if (n := 10) > 5:
    print("n is", n)
data = [1, 4, 9, 16]
print([y for x in data if (y := x * 2) > 5])
print(y)
it = iter([3, 2, 1, 0, 5])
while (v := next(it)) != 0:
    print("v", v)
def f(x):
    return (z := x + 1) * z
print(f(3))
print((a := 1, b := 2))
print(a, b)
vals = [(k := i) for i in range(3)]
print(vals, k)
total = 0
print([total := total + i for i in range(5)], total)
print(any((hit := w).startswith("b") for w in ["apple", "banana", "cherry"]), hit)
