# A data descriptor without __delete__ (or without __set__) makes `del`
# (or assignment) raise AttributeError naming just the missing method.
class OnlySet:
    def __get__(self, obj, owner=None): return 'got'
    def __set__(self, obj, value): print('set', value)
class OnlyDelete:
    def __get__(self, obj, owner=None): return 'got'
    def __delete__(self, obj): print('deleted')
class Holder:
    s = OnlySet()
    d = OnlyDelete()
h = Holder()
h.s = 1
del h.d
try:
    del h.s
except AttributeError as e:
    print('AttributeError:', e)
try:
    h.d = 2
except AttributeError as e:
    print('AttributeError:', e)
print(h.s, h.d)
