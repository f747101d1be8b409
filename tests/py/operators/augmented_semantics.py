a = [1]
b = a
a += [2]
print(a is b, b)
a = a + [3]
print(a is b, b)
s = "x"
t = s
s += "y"
print(s, t)
d = {"a": 1}
e = d
d |= {"b": 2}
print(e)
st = {1}
st2 = st
st |= {2}
st &= {2, 3}
print(st2)
n = 5
n **= 2
n //= 3
n %= 5
print(n)
class Counter:
    calls = 0
    def idx(self):
        Counter.calls += 1
        return 0
c = Counter()
arr = [10]
arr[c.idx()] += 1
print(arr, Counter.calls)
