# One compiled re.Pattern and one scanner shared by threads (the native
# Pattern is immutable; a scanner advances inside its critical section),
# sub() callbacks that match again on the same pattern, and struct's format
# cache (a shared dict with per-thread borrowed entries, emptied by another
# thread all the while): no crash, no TSan report, right results.
import re
import struct
import threading

pat = re.compile(r'(?P<w>[a-z]+)(?P<d>\d*)')
text = ' '.join('w%d' % i if i % 3 else 'abc' for i in range(400))
want_words = pat.findall(text)
scanner = pat.scanner(text)
taken = []
taken_lock = threading.Lock()
stop = False


def matcher(rounds):
    for _ in range(rounds):
        assert pat.findall(text) == want_words
        out = pat.sub(lambda m: pat.match(m.group()).group('w').upper(), text)
        assert out.count('ABC') == text.count('abc')
        m = pat.search(text, 5)
        assert m.span() == (7, 9) and m.groupdict() == {'w': 'w', 'd': '2'}
        assert len(pat.split(text, 10)) == 10 * 3 + 1


def take():
    mine = []
    while True:
        m = scanner.search()
        if m is None:
            break
        mine.append(m.start())
    with taken_lock:
        taken.extend(mine)


def packer(rounds):
    for r in range(rounds):
        for n in range(1, 130):
            fmt = '<%dh' % n
            data = struct.pack(fmt, *range(n))
            assert struct.unpack(fmt, data) == tuple(range(n))
            assert struct.calcsize(fmt) == 2 * n


def clearer():
    while not stop:
        struct._clearcache()


threads = [threading.Thread(target=matcher, args=(20,)) for _ in range(2)]
threads += [threading.Thread(target=take) for _ in range(2)]
threads += [threading.Thread(target=packer, args=(4,)) for _ in range(2)]
c = threading.Thread(target=clearer)
c.start()
for t in threads:
    t.start()
for t in threads:
    t.join()
stop = True
c.join()
assert sorted(taken) == [m.start() for m in pat.finditer(text)]
print("ok")
