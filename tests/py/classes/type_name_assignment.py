# Assigning and deleting a class's __name__ / __qualname__.
class Widget:
    class Part:
        pass
print(Widget.Part.__name__, Widget.Part.__qualname__)
Widget.Part.__name__ = 'Piece'
Widget.Part.__qualname__ = 'Box.Piece'
print(Widget.Part.__name__, Widget.Part.__qualname__, repr(Widget.Part).split('.')[-1])
try:
    Widget.Part().missing
except AttributeError as e:
    print(e)
statements = [
    'Widget.__name__ = 5',
    'Widget.__qualname__ = 5',
    'del Widget.__name__',
    'del Widget.__qualname__',
    'int.__name__ = "integer"',
    'int.__qualname__ = "integer"',
    'del int.__qualname__',
]
for stmt in statements:
    try:
        exec(stmt)
        print('ok', stmt)
    except TypeError as e:
        print(stmt, '->', e)
print(Widget.__name__, int.__name__)
