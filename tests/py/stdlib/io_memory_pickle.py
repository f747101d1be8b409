# io.StringIO and io.BytesIO pickle and copy through __getstate__/__setstate__,
# with CPython's checks on the state tuple.
import io, pickle, copy
s=io.StringIO('a\r\nb', newline=None); s.read(1); print(s.__getstate__())
s=io.StringIO('ab'); print(s.__getstate__()); s.x=1; print(s.__getstate__())
b=io.BytesIO(b'xyz'); b.read(2); print(b.__getstate__())
for st in [1, (1,2), ('a',None,-1,None), ('a','\n',0,5), (1,None,0,None), ('a','zz',0,None), ('a', None, 'x', None)]:
  try: io.StringIO().__setstate__(st); print('ok')
  except Exception as e: print(type(e).__name__, e)
for st in [1, (b'a',0), (b'a',-1,None), ('a',0,None), (b'a','x',None), (b'a',0,5)]:
  try: io.BytesIO().__setstate__(st); print('ok')
  except Exception as e: print(type(e).__name__, e)
for f in (io.StringIO, io.BytesIO):
  s=f(); s.close()
  for m in ("__getstate__",):
    try: getattr(s, m)(); print("ok")
    except Exception as e: print(type(e).__name__, e)
  try: s.__setstate__(('', '\n', 0, None) if f is io.StringIO else (b'', 0, None)); print("setstate closed ok", s.closed)
  except Exception as e: print(type(e).__name__, e)
s=io.StringIO("line1\r\nline2\n", newline="\r\n"); s.seek(3); s.tag="t"
for r in (copy.copy(s), copy.deepcopy(s), pickle.loads(pickle.dumps(s))):
  print(type(r).__name__, repr(r.getvalue()), r.tell(), r.tag, r.read())
b=io.BytesIO(b"hello"); b.seek(2)
for r in (copy.copy(b), pickle.loads(pickle.dumps(b, protocol=2))):
  print(type(r).__name__, r.getvalue(), r.tell(), r.read())
class Sub(io.StringIO):
  pass
x=Sub("sub"); x.k=[1]
y=pickle.loads(pickle.dumps(x)); print(type(y).__name__, y.getvalue(), y.k)
