# sys.stdin text reads with sizes (in characters), as piped programs use them.
import sys
print(sys.stdin.readline(3), repr(sys.stdin.readline()))
print(repr(sys.stdin.read(5)), repr(sys.stdin.readline(0)), repr(sys.stdin.read(0)))
print(repr(sys.stdin.readline(100)))
print(repr(sys.stdin.readline(-1)))
for bad in [None, 'x', 2.0]:
    try:
        sys.stdin.readline(bad)
    except TypeError as e:
        print('TypeError', e)
print(repr(sys.stdin.read(None)))
print(repr(sys.stdin.read()), repr(sys.stdin.readline()), sys.stdin.readlines())
try:
    sys.stdin.read('x')
except TypeError as e:
    print('TypeError', e)
