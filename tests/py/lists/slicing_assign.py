l = list(range(10))
print(l[2:7], l[::3], l[::-2], l[-3:], l[8:2:-2], l[100:], l[-100:2])
l[2:5] = ["a", "b"]; print(l)
l[1:1] = [0.5, 0.7]; print(l)
l[-2:] = []; print(l)
l[:] = "xyz"; print(l)
l = list(range(10))
l[::2] = "ABCDE"; print(l)
l[1::3] = [None] * 3; print(l)
try:
    l[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    l[1:2] = 5
except TypeError as e:
    print(type(e).__name__, e)
l = list(range(10))
del l[::3]; print(l)
del l[1:3]; print(l)
del l[::-2]; print(l)
l = [1, 2, 3]
l[5:10] = [4]; print(l)
l[-10:0] = [0]; print(l)
l[::-1] = [7, 8, 9, 10, 11]; print(l)
a = [1, 2, 3]
a[1:2] = a; print(a)
