# Method loads (LOAD_ATTR method form) that specialised, then the method is
# shadowed by the instance, replaced on the class, or the object changes class.


class A:
    def f(self):
        return "A.f"

    def g(self, x):
        return ("A.g", x)


class B(A):
    def f(self):
        return "B.f"


def call_f(o):
    return o.f()


a, b = A(), B()
print([call_f(a) for _ in range(20)][-1], call_f(b), call_f(a))

# Shadowed by an instance attribute.
a.f = lambda: "instance f"
print(call_f(a))
del a.f
print(call_f(a))

# Replaced on the class, then on the base of a subclass.
for _ in range(20):
    call_f(a)
A.f = lambda self: "new A.f"
print(call_f(a), call_f(b))
del B.f
print(call_f(b))
A.f = staticmethod(lambda: "static f")
print(call_f(a), call_f(b))
A.f = classmethod(lambda cls: "class f of " + cls.__name__)
print(call_f(a), call_f(b))


# __class__ reassignment.
class C:
    def f(self):
        return "C.f"


o = C()
for _ in range(20):
    call_f(o)
o.__class__ = A
print(call_f(o))
o.__class__ = C
print(call_f(o))


# A method inherited through two levels, then overridden in the middle.
class Base1:
    def h(self):
        return "Base1.h"


class Mid(Base1):
    pass


class Kid(Mid):
    pass


def call_h(o):
    return o.h()


k = Kid()
print([call_h(k) for _ in range(20)][-1])
Mid.h = lambda self: "Mid.h"
print(call_h(k))
del Mid.h
print(call_h(k))


# Builtin method descriptors through the method form.
def append_all(lst, n):
    for i in range(n):
        lst.append(i)
    return lst


print(append_all([], 10))


class MyList(list):
    pass


print(append_all(MyList(), 3))


class Weird(list):
    def append(self, x):
        list.append(self, x * 10)


print(append_all(Weird(), 3))


# __bases__ reassignment changes what an inherited method resolves to.
class Left:
    def h(self):
        return "Left.h"


class Right:
    def h(self):
        return "Right.h"


class Child(Left):
    pass


ch = Child()
print([call_h(ch) for _ in range(20)][-1])
Child.__bases__ = (Right,)
print(call_h(ch))
Child.__bases__ = (Left,)
print(call_h(ch))
