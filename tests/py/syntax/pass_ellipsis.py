def f():
    pass
print(f())
class Empty:
    pass
print(Empty.__name__)
def g():
    ...
print(g())
print(..., type(...).__name__, Ellipsis is ...)
for _ in range(2):
    pass
if True:
    pass
print(bool(...))
def doc_only():
    "Only a docstring."
print(doc_only(), doc_only.__doc__)
