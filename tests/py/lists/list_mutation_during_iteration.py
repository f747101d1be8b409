l = [1, 2, 3, 4, 5, 6]
for x in l:
    if x % 2 == 0:
        l.remove(x)
print(l)
l = [1, 2, 3]
out = []
for x in l:
    out.append(x)
    if len(l) < 6:
        l.append(x * 10)
print(out, l)
l = [1, 2, 3, 4]
for x in l[:]:
    if x > 2:
        l.remove(x)
print(l)
l = [5, 6, 7]
it = iter(l)
next(it)
l.clear()
print(list(it))
l = [1, 2, 3]
print([l.pop() for _ in range(len(l))], l)
