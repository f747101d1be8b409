s = "abcdefghij"
print(s[0], s[-1], s[2:5], s[:3], s[7:], s[:], s[::2], s[1::3], s[::-1], s[-3:], s[:-3], s[5:2], s[5:2:-1])
print(s[100:], s[-100:2], s[::-100], s[3:3], s[-1:-4:-1], s[10:0:-2])
try:
    s[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s[::0]
except ValueError as e:
    print(type(e).__name__, e)
print(s[slice(2, 8, 2)], s[slice(None)], s[True:], s[-len(s)])
try:
    s[0] = "x"
except TypeError as e:
    print(type(e).__name__, e)
