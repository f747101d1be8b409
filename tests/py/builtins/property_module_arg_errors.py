# Argument errors from property() and types.ModuleType() name the type.
import types
for make in (lambda: property(1, 2, 3, 4, 5), lambda: types.ModuleType(),
             lambda: types.ModuleType('a', 'b', 'c')):
    try:
        make()
    except TypeError as e:
        print(e)
p = property(doc='documented')
print(p.__doc__, types.ModuleType('m', 'doc').__doc__)
