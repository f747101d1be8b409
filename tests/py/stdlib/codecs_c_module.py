# _codecs: the low-level codec module CPython's codecs re-exports; pickles of
# bytes at protocols 0-2 name _codecs.encode.
import _codecs
import codecs
import pickle

print(_codecs.encode('héllo', 'utf-8'), _codecs.decode(b'h\xc3\xa9llo', 'utf-8'))
print(_codecs.utf_8_encode('é'), _codecs.latin_1_decode(b'\xe9'))
print(codecs.encode.__module__, _codecs.encode is codecs.encode)
print(_codecs.lookup('UTF-8').name)
for proto in range(6):
    for obj in (b'abc', bytearray(b'\x00\xff'), b''):
        data = pickle.dumps(obj, proto)
        print(proto, type(obj).__name__, data, pickle.loads(data) == obj)
# A protocol 2 pickle of bytes as CPython writes it.
print(pickle.loads(b'\x80\x02c_codecs\nencode\nq\x00X\x03\x00\x00\x00abcq\x01X\x06\x00\x00\x00latin1q\x02\x86q\x03Rq\x04.'))
try:
    _codecs.lookup('no-such-codec')
except LookupError as e:
    print('LookupError', e)
print(_codecs.readbuffer_encode(b'xy'), _codecs.readbuffer_encode('xé'))
