# Importing and calling a native module that declares free-threading support.
import sys

print('gil before:', sys._is_gil_enabled())
import ft_demo
print('gil after:', sys._is_gil_enabled())
print(ft_demo.__name__, ft_demo.__file__.endswith('ft_demo.ftpy-1.so'), ft_demo.__package__ == '')
print(ft_demo.__doc__)
print(ft_demo.VERSION)
print(ft_demo.add, ft_demo.add.__name__, ft_demo.add.__module__, ft_demo.add.__doc__)

# Arguments bound by the Python signature, with def-style errors.
print(ft_demo.add(2, 3), ft_demo.add(2, 3, scale=10), ft_demo.add(2**40, 1))
for call in (lambda: ft_demo.add(1, 2, 3), lambda: ft_demo.add(a=1, b=2), lambda: ft_demo.add(1),
             lambda: ft_demo.add('x', 1), lambda: ft_demo.add(2**70, 1), lambda: ft_demo.greet(),
             lambda: ft_demo.greet('a', nope=1)):
    try:
        call()
    except (TypeError, OverflowError) as e:
        print(type(e).__name__ + ':', e)
print(ft_demo.greet('ftpy'), ft_demo.greet(greeting='Hi', name='you'), ft_demo.greet('é', 'Ça va'))
print(ft_demo.optional(), ft_demo.optional(5), ft_demo.optional(x=None))

# Exceptions raised in native code are ordinary Python exceptions.
for kind in ('ValueError', 'KeyError', 'ZeroDivisionError', 'NoSuchError'):
    try:
        ft_demo.fail(kind, 'from C++')
    except Exception as e:
        print(type(e).__name__, repr(e), isinstance(e, LookupError))
try:
    ft_demo.throws()
except RuntimeError as e:
    print('RuntimeError:', e)

# Calling back into Python: args, kwargs, and errors crossing both ways.
print(ft_demo.call(lambda *a, **k: (a, sorted(k.items())), 1, 'two', x=3, y=[4]))
def boom():
    raise IndexError('raised in Python')
try:
    ft_demo.call(boom)
except IndexError as e:
    print('propagated:', e)
try:
    ft_demo.call(ft_demo.fail, 'TypeError', 'nested')
except TypeError as e:
    print('nested:', e)

# Values built in C++; attributes.
print(ft_demo.make(5))
class Thing:
    pass
t = Thing()
print(ft_demo.attrs(t, 'colour', 'red'), t.colour)
try:
    ft_demo.attrs(1, 'x', 2)
except AttributeError as e:
    print('AttributeError:', e)

# Native state in a capsule.
c = ft_demo.counter_new()
ft_demo.counter_add(c, 5)
print(type(c).__name__, ft_demo.counter_get(c))
for bad in (42, ft_demo):
    try:
        ft_demo.counter_get(bad)
    except TypeError as e:
        print('TypeError:', e)

from ft_demo import greet
print(greet('again'), sys.modules['ft_demo'] is ft_demo)
print('gil at end:', sys._is_gil_enabled())
