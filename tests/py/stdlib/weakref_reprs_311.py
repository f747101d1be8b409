# weakref reprs in 3.11's forms: a ref names the referent's __name__ when it
# has a str one, a proxy is <weakproxy at ADDR to TYPE at ADDR>.
import re
import weakref


def clean(text):
    return re.sub(r"0x[0-9a-f]+", "ADDR", text)


class Node:
    pass


class Named:
    __name__ = "custom"


class NumName:
    __name__ = 5


def handler():
    pass


keep = [Node(), Named(), NumName(), handler, Node]
for obj in keep:
    print(clean(repr(weakref.ref(obj))))
print(clean(repr(weakref.proxy(keep[0]))), clean(repr(weakref.proxy(handler))))
dead = weakref.ref(Node())
print(clean(repr(dead)))
