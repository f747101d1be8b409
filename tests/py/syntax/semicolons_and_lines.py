a = 1; b = 2; c = a + b; print(c)
x = (1 +
     2 +
     3)
print(x)
y = 1 + \
    2
print(y)
z = [
    1,
    2,
]
print(z)
if a: print("one-line if")
for i in range(2): print(i)
while False: pass
def f(): return "inline"
print(f())
s = ("implicit "
     "concatenation")
print(s)
d = {
    "k": 1,  # comment inside
}
print(d)
