# codecs: the built-in codecs' StreamReader/StreamWriter classes (getreader/
# getwriter returned None), UTF-16/UTF-32 incremental codecs that write the
# BOM once and keep the byte order read from it, surrogate pairs split across
# chunks, StreamReaderWriter, StreamRecoder/EncodedFile, make_encoding_map.
import os
import tempfile
import codecs, io
print(list(codecs.iterdecode([b'\xfe\xff\x00a', b'\x00b'], 'utf-16')))
print(list(codecs.iterdecode([b'\xff\xfe\x00\x00a\x00', b'\x00\x00b\x00\x00\x00'], 'utf-32')))
print(list(codecs.iterencode(['a','b'], 'utf-16')), list(codecs.iterencode(['a','b'], 'utf-32')))
s = "x😀y".encode('utf-16-le')
print([list(codecs.iterdecode([s[:i], s[i:]], 'utf-16-le')) for i in range(len(s)+1)])
s = "x😀y".encode('utf-16')
print([''.join(codecs.iterdecode([s[:i], s[i:]], 'utf-16')) for i in range(len(s)+1)])
s = "x😀y".encode('utf-16-be')
print([''.join(codecs.iterdecode([s[:i], s[i:]], 'utf-16-be')) for i in range(len(s)+1)])
for enc in ['latin-1', 'utf-8', 'utf-16', 'utf-32', 'cp1252', 'utf-8-sig', 'utf-16-be', 'cp437']:
    ci = codecs.lookup(enc)
    print(enc, ci.streamreader, ci.streamwriter, ci.incrementalencoder, ci.incrementaldecoder)
    buf = io.BytesIO()
    w = codecs.getwriter(enc)(buf)
    w.write("héllo\n")
    w.writelines(["a", "b\n"])
    w.write("")
    print(buf.getvalue())
    buf.seek(0)
    r = codecs.getreader(enc)(buf)
    print(repr(r.readline()), repr(r.read()))
    buf.seek(0)
    print(codecs.getreader(enc)(buf).readlines())
e = codecs.getincrementalencoder('utf-16')()
print(e.encode('a'), e.getstate(), e.encode('b'), e.reset(), e.encode('c'), e.getstate())
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'cod.txt')
    with codecs.open(path, 'w', encoding='utf-16') as f:
        f.write('abc')
    print(open(path, 'rb').read())
sr = codecs.StreamReaderWriter(io.BytesIO(b'caf\xc3\xa9'), codecs.getreader('utf-8'), codecs.getwriter('utf-8'))
print(sr.read())
print(codecs.EncodedFile(io.BytesIO(b'caf\xe9'), 'utf-8', 'latin-1').read())
rec = codecs.EncodedFile(io.BytesIO(), 'latin-1', 'utf-16-le')
rec.write(b'caf\xe9')
print(rec.stream.getvalue(), rec.data_encoding, rec.file_encoding)
print(codecs.make_encoding_map({1: 'a', 2: 'b', 3: 'a'}))
e = codecs.getincrementalencoder('utf-32')()
print(e.encode(''), e.encode('x'), e.getstate())
d = codecs.getincrementaldecoder('utf-16')()
print([d.decode(bytes([b])) for b in b'\xfe\xff\x00h\x00i'], d.decode(b'', final=True))
d.reset()
print(d.decode(b'\xff\xfeh\x00i\x00'))
for data in [b'h\x00i\x00', b'h', b'']:
    d = codecs.getincrementaldecoder('utf-16')()
    try:
        print(repr(d.decode(data, final=True)))
    except UnicodeError as e:
        print(type(e).__name__, e)
try:
    codecs.getreader('utf-32')(io.BytesIO(b'a\x00\x00\x00')).read()
except UnicodeError as e:
    print(type(e).__name__, e)
print(list(codecs.iterdecode([b'\xff', b'\xfe', b'a', b'\x00'], 'utf-16')))
