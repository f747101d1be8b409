# The MRO conflict message names the heads of the lists left unmerged.
# (3.11 breaks the message over two lines; only the names are printed.)
class A: pass
class B(A): pass
class X: pass
class Y: pass
class XY(X, Y): pass
class YX(Y, X): pass
class P(XY): pass
def names(e):
    return str(e).split('for bases ')[1]
for bases in [(A, B), (XY, YX), (P, YX), (A, B, X), (X, XY)]:
    try:
        type('T', bases, {})
    except TypeError as e:
        print([b.__name__ for b in bases], '->', names(e))
try:
    class Dup(A, A): pass
except TypeError as e:
    print(e)
