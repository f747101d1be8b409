def none1(): return
def none2(): pass
def tup(): return 1, 2
def star(): return *[1, 2], 3
def early(x):
    if x:
        return "early"
    return "late"
print(none1(), none2(), tup(), star())
print(early(1), early(0))
def multi():
    for i in range(10):
        if i == 3:
            return i
print(multi())
def finally_ret():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(finally_ret())
def gen():
    yield 1
    return "value"
g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration value", e.value)
