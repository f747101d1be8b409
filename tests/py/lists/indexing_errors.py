l = [10, 20, 30]
print(l[0], l[-1], l[-3])
for i in (3, -4, 100):
    try:
        l[i]
    except IndexError as e:
        print(type(e).__name__, e)
try:
    l[3] = 1
except IndexError as e:
    print(type(e).__name__, e)
try:
    del l[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    l["0"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    l[1.5] = 0
except TypeError as e:
    print(type(e).__name__, e)
print(l[True], l[2 ** 0])
try:
    l[2 ** 100]
except IndexError as e:
    print(type(e).__name__, e)
