s = {1, 2, 3}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print(type(e).__name__, e)
s = {1, 2, 3}
for x in list(s):
    s.discard(x)
print(s)
s = set(range(5))
s -= {x for x in s if x % 2}
print(sorted(s))
try:
    {1} < [1]
except TypeError as e:
    print(type(e).__name__, e)
try:
    set(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    {1}.update(5)
except TypeError as e:
    print(type(e).__name__, e)
