x = 5
print(1 < x < 10, 1 < x > 10, 5 <= x <= 5)
print(1 < 2 < 3 < 4 < 5, 1 < 2 > 1 < 2)
print(1 == 1.0 == True)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(0) < v(5))
print(calls)
calls.clear()
print(v(1) < v(2) < v(3))
print(calls)
print("a" < "b" < "c", [1] < [1, 0] < [2])
print(3 in [3] not in [[1]], 3 in [3] in [[1]])
a = [1, 2]
print(1 in a in [[1, 2]], 2 not in a)
print(0 < 1 == 1 != 2)
class Cmp:
    def __lt__(self, other):
        print("lt called")
        return "truthy-string"
print(Cmp() < 3)
print(Cmp() < 3 < 4)
