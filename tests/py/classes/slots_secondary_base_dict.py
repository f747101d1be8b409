# A class with __slots__ gets __dict__ and __weakref__ from a secondary base
# that has them (CPython's rule), so xml.dom.minidom can set attributes on
# its slotted node classes (processing instructions).
class N:
    owner = None
class C:
    __slots__ = ()
class P(C, N):
    __slots__ = ('t',)
p = P()
p.owner = 1
print(p.owner, p.__dict__, hasattr(P, '__dict__'), '__dict__' in dir(p))
class Q(N, C):
    __slots__ = ('t',)
q = Q(); q.owner = 2; print(q.__dict__)
import weakref
class N2:
    pass
class C2:
    __slots__ = ()
class P2(C2, N2):
    __slots__ = ('t',)
x = P2(); x.t = 1; x.z = 2
print(vars(x), weakref.ref(x)() is x, sorted(k for k in P2.__dict__ if not k.startswith('__')))
class S1:
    __slots__ = ('a',)
class S2:
    __slots__ = ()
class P3(S1, S2):
    __slots__ = ('b',)
try:
    P3().c = 1
except AttributeError as e:
    print(e)
try:
    weakref.ref(P3())
except TypeError as e:
    print(e)
from xml.dom import minidom
doc = minidom.parseString('<?xml version="1.0"?><?pi data?><r><?inner x?></r>')
print(doc.toxml())
