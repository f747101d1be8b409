log = []
def v(x):
    log.append(x)
    return x
print(v(1) < v(2) < v(3) < v(0) < v(9))
print(log)
log.clear()
print(v(5) == v(5) != v(6))
print(log)
log.clear()
print(v(3) > v(4) > v(1))
print(log)
a = [1, 2, 3]
print(1 in a < [2], 0 < len(a) <= 3)
x = 5
print(0 <= x < 10, 0 <= x < 5, x == 5 != 6)
