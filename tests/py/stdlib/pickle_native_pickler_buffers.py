# PickleBuffer and protocol 5's out-of-band buffers with the native pickler:
# in-band bytes/bytearray data, NEXT_BUFFER/READONLY_BUFFER with a
# buffer_callback, the callback's result deciding per buffer, and the
# round trip through loads(buffers=...).
import pickle
import pickletools
from pickle import PickleBuffer


def reconstruct(cls, obj):
    with memoryview(obj) as m:
        obj = m.obj
        if type(obj) is cls:
            return obj
        return cls(obj)


class ZeroCopyBytes(bytes):
    def __reduce_ex__(self, protocol):
        if protocol >= 5:
            return reconstruct, (type(self), PickleBuffer(self)), None
        return reconstruct, (type(self), bytes(self))


class ZeroCopyByteArray(bytearray):
    def __reduce_ex__(self, protocol):
        if protocol >= 5:
            return reconstruct, (type(self), PickleBuffer(self)), None
        return reconstruct, (type(self), bytes(self))


ro = ZeroCopyBytes(b'read-only data')
rw = ZeroCopyByteArray(b'writable data')
for proto in range(6):
    data = pickle.dumps([ro, rw, ro], proto)
    print(proto, data.hex())
    back = pickle.loads(data)
    print(type(back[0]).__name__, bytes(back[0]), type(back[1]).__name__, bytes(back[1]), back[0] is back[2])

seen = []
data = pickle.dumps([ro, rw], 5, buffer_callback=seen.append)
print('out of band', data.hex(), len(seen), [bytes(b.raw()) for b in seen])
pickletools.dis(data)
back = pickle.loads(data, buffers=seen)
print(type(back[0]).__name__, back[0], type(back[1]).__name__, back[1])
try:
    pickle.loads(data)
except pickle.UnpicklingError as e:
    print('UnpicklingError', e)

# the callback's truth value picks in-band (true) or out-of-band (false)
chosen = []


def keep_large(buf):
    chosen.append(len(buf.raw()))
    return len(buf.raw()) < 10


small = ZeroCopyBytes(b'tiny')
data = pickle.dumps([small, ro], 5, buffer_callback=keep_large)
print('mixed', chosen, data.hex())

# PickleBuffer objects directly
pb = PickleBuffer(b'abc')
print(pickle.dumps(pb, 5).hex(), pickle.dumps(PickleBuffer(bytearray(b'abc')), 5).hex())
print(pickle.loads(pickle.dumps(pb, 5)))
print(type(pickle.loads(pickle.dumps(PickleBuffer(bytearray(b'xy')), 5))).__name__)
m = memoryview(pb)
print(m.readonly, m.tobytes(), pb.raw().tobytes(), pb.raw().format)
pb2 = PickleBuffer(bytearray(b'12345'))
print(memoryview(pb2).readonly)
pb2.release()
for action in (lambda: memoryview(pb2), lambda: pb2.raw(), lambda: pickle.dumps(pb2, 5)):
    try:
        action()
    except ValueError as e:
        print('ValueError', e)
try:
    PickleBuffer(5)
except TypeError as e:
    print('TypeError', e)
strided = memoryview(b'abcdef')[::2]
try:
    pickle.dumps(PickleBuffer(strided), 5)
except pickle.PicklingError as e:
    print('PicklingError', e)
try:
    PickleBuffer(strided).raw()
except BufferError as e:
    print('BufferError', e)
shared = PickleBuffer(b'shared')
print(pickle.dumps([shared, shared], 5).hex())
print(pickle.dumps([shared, shared], 5, buffer_callback=lambda b: None).hex())
# bytearray at every protocol, and large bytearrays (outside frames)
for proto in range(6):
    print(proto, pickle.dumps([bytearray(b'ab'), bytearray()], proto).hex())
big = bytearray(range(256)) * 300
data = pickle.dumps(big, 5)
print(len(data), data[:20].hex(), pickle.loads(data) == big)
