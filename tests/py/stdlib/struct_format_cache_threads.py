# struct's module functions cache their Struct objects by format (a shared
# dict with a per-thread identity cache in front, src/modules/struct_module.cpp).
# Threads pack and unpack with more formats than the cache holds (so it is
# emptied again and again) while one thread clears it: every result stays
# right. Also: equal formats that are different objects, str and bytes
# formats, and a bad format that must not be cached.
import struct
import threading

print(struct.pack('<i', 7), struct.pack(b'<i', 7), struct.pack('<' + 'i', 7))
print(struct.calcsize('>hq'), struct.calcsize(b'>hq'), struct.unpack('>h', b'\x01\x02'))
for _ in range(2):
    try:
        struct.pack('<y', 1)
    except struct.error as e:
        print('error:', e)
# Formats built at run time: each is a new object, freed after the call,
# whose address the next one may reuse.
for code in 'bBhHiIqQ' * 3:
    fmt = '<' + code
    try:
        print(fmt, struct.pack(fmt, 200), end=' ')
    except struct.error as e:
        print(fmt, 'error:', e, end=' ')
    print(struct.calcsize('>' + code))
struct._clearcache()
print(struct.pack('<H', 513), struct.unpack_from('<H', b'\x00\x01\x02', 1))

FORMATS = ['<%di' % n for n in range(1, 151)] + ['>%dh' % n for n in range(1, 31)]
N_THREADS = 4
ROUNDS = 6
results = [None] * N_THREADS
start = threading.Barrier(N_THREADS + 1)
stop = False


def worker(index):
    start.wait()
    ok = True
    for r in range(ROUNDS):
        for fmt in FORMATS:
            n = struct.calcsize(fmt)
            count = n // (4 if 'i' in fmt else 2)
            values = list(range(index, index + count))
            data = struct.pack(fmt, *values)
            if len(data) != n or list(struct.unpack(fmt, data)) != values:
                ok = False
    results[index] = ok


def clearer():
    start.wait()
    while not stop:
        struct._clearcache()
        struct.pack('<q', 1)


threads = [threading.Thread(target=worker, args=(i,)) for i in range(N_THREADS)]
c = threading.Thread(target=clearer)
for t in threads:
    t.start()
c.start()
for t in threads:
    t.join()
stop = True
c.join()
print('threads:', results)
