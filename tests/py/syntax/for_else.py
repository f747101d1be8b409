for i in range(3):
    print(i, end=" ")
else:
    print("else")
for c in "abcde":
    if c == "c":
        break
    print(c)
else:
    print("no")
for x in []:
    print("never")
else:
    print("empty else")
def find(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            return i
    else:
        return -1
print(find([5, 6, 7], 7), find([5, 6, 7], 8))
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > 1:
            break
        print(i, j)
d = {"a": 1, "b": 2}
for k in d:
    print(k, d[k])
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a + b)
lst = [1, 2, 3]
for lst[0] in [7, 8]:
    pass
print(lst)
