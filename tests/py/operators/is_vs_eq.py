x = [1]
y = x[:]
print(x == y, x is y, x[0] is y[0])
e = ()
print(e is e, "" == "", None is None)
a = 1000
b = a
print(a is b)
s1 = "hello"
s2 = "".join(["hel", "lo"])
print(s1 == s2)
t = (1, 2)
print(t == (1, 2), t is t)
class Always:
    def __eq__(self, o): return True
w = Always()
print(w == 1, w is w, w != 1)
nan = float("nan")
lst = [nan]
print(nan == nan, nan in lst, lst.count(nan), lst.index(nan))
