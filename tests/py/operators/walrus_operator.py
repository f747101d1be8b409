values = [1, 5, 2, 8, 3]
if (n := len(values)) > 3:
    print(f"long list ({n})")
print([m for v in values if (m := v * 10) > 25])
print((x := 3) * x)
def f(a=(d := 7)): return a
print(f(), d)
count = 0
while (count := count + 1) < 4:
    print("iter", count)
data = {"k": [1, 2]}
if (items := data.get("k")) and (first := items[0]):
    print(items, first)
