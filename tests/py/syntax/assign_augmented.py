# Every augmented assignment operator.
x = 10
x += 3; print(x)
x -= 1; print(x)
x *= 2; print(x)
x /= 4; print(x)
x //= 2; print(x)
x = 17
x %= 5; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x &= 0b1110; print(x)
x |= 1; print(x)
x ^= 0b101; print(x)
s = "ab"
s *= 3; print(s)
l = [1]
alias = l
l += (2, 3)
print(l, alias is l)
t = (1,)
talias = t
t += (2,)
print(t, talias)
d = {"a": [1]}
d["a"] += [2]
print(d)
class C:
    def __init__(self): self.n = 0
c = C()
c.n += 5
c.n *= 3
print(c.n)
arr = [1, 2, 3]
arr[1] **= 4
arr[-1] -= 10
print(arr)
import operator
print(operator.iadd([1], [2]))
