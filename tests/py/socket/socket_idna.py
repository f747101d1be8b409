# Host names given as str are encoded with the idna codec, as in CPython:
# always for getaddrinfo/gethostbyname, only when not ASCII for an address
# tuple (where a failure reads "encoding of hostname failed"). Only names
# that fail before any lookup are used, so no resolver is needed.
import socket

calls = [('getaddrinfo', lambda h: socket.getaddrinfo(h, 80)),
         ('gethostbyname', socket.gethostbyname),
         ('gethostbyaddr', socket.gethostbyaddr)]
for name, fn in calls:
    for h in ['a' * 64 + '.com', 'ü' * 64 + '.com', '.', 'x\u05d0a.com', 'x..y']:
        try:
            fn(h)
            print(name, 'resolved?')
        except UnicodeError as e:
            print(name, ascii(h[:8]), type(e).__name__, e, repr(e.__cause__))
        except (OSError, TypeError) as e:
            print(name, ascii(h[:8]), type(e).__name__)
try:
    socket.gethostbyname('a\0b')
except TypeError as e:
    print('TypeError', e)
with socket.socket() as s:
    for h in ['ü' * 64 + '.com', 'x\u05d0a.com', '\u0221\0']:
        try:
            s.connect((h, 80))
        except TypeError as e:
            print(ascii(h[:8]), 'TypeError', e, e.__cause__)
    try:
        s.connect(('a\0b', 80))
    except TypeError as e:
        print('TypeError', e)
try:
    socket.gethostbyaddr('a\0b')
except TypeError as e:
    print('TypeError', e)
