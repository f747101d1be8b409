# BINARY_SUBSCR_LIST_INT and FOR_ITER_LIST read items lock-free inline; these
# check their edges once the forms are warm.

def get(l, i):
    return l[i]

l = [10, 20, 30]
for _ in range(100):
    get(l, 1)
for i in (0, 2, -1, -3, True, False):
    print(i, get(l, i))
for i in (3, -4, 2**62, -2**62, 2**100):
    try:
        get(l, i)
    except IndexError as e:
        print(i, "IndexError", e)
try:
    get(l, "x")
except TypeError as e:
    print("TypeError", e)
try:
    get(l, 1.0)
except TypeError as e:
    print("TypeError", e)
print(get([], slice(None)), get(l, slice(1, None)))

class L(list):
    def __getitem__(self, i):
        return ("L", i)
print(get(L([1, 2]), 0), get((5, 6), -1), get({1: "d"}, 1), get("abc", 1))

# A list that shrinks and grows under the loop.
m = list(range(10))
out = []
for x in m:
    out.append(x)
    if x == 3:
        del m[5:]
print(out)
m = [0]
out = []
for x in m:
    out.append(x)
    if x < 5:
        m.append(x + 1)
print(out)
m = [1, 2, 3]
for x in m:
    m.clear()
    print("cleared after", x)
print(m)

# Items replaced while read.
m = [[i] for i in range(5)]
total = 0
for i in range(5):
    v = get(m, i)
    m[i] = None
    total += v[0]
print(total, m)
