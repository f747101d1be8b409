# pickle as CPython's C _pickle reports damaged data and unpicklable
# objects: EOFError 'Ran out of input' at an opcode boundary,
# UnpicklingError 'pickle data was truncated' inside an argument, 'invalid
# load key', local objects, failed attribute lookups (also when loading),
# str input; the exception classes belong to _pickle; and an uncaught error
# from pickle.dumps shows no pickle frames, only the caller's.
import io, pickle, re

top_lambda = lambda: 0

class Local:
    pass

def make_local():
    class Inner:
        pass
    return Inner()

good = pickle.dumps({"a": [1, 2.5, "x"], "b": (None, True)}, protocol=4)
cases = [
    ("empty", lambda: pickle.loads(b"")),
    ("opcode boundary", lambda: pickle.loads(b"K\x01")),
    ("inside BININT1", lambda: pickle.loads(b"K")),
    ("line without newline", lambda: pickle.loads(b"I1")),
    ("short frame header", lambda: pickle.loads(b"\x80\x04\x95")),
    ("cut protocol 4", lambda: pickle.loads(good[:-3])),
    ("cut protocol 0", lambda: pickle.loads(pickle.dumps([1, "ab"], 0)[:-2])),
    ("garbage", lambda: pickle.loads(b"garbage")),
    ("bad key 0xff", lambda: pickle.loads(b"\xff")),
    ("bad key quote", lambda: pickle.loads(b"'")),
    ("bad key z", lambda: pickle.loads(b"z")),
    ("str input", lambda: pickle.loads("text")),
    ("MARK then STOP", lambda: pickle.loads(b"(.")),
    ("POP on empty stack", lambda: pickle.loads(b"0.")),
    ("APPEND without list", lambda: pickle.loads(b"K\x01a.")),
    ("Unpickler.load underflow", lambda: pickle.Unpickler(io.BytesIO(b"0.")).load()),
    ("load from empty file", lambda: pickle.load(io.BytesIO(b""))),
    ("missing global p0", lambda: pickle.loads(b"c__main__\nNope\n.")),
    ("missing global p4", lambda: pickle.loads(b"\x80\x04\x8c\x08__main__\x8c\x04Nope\x93.")),
    ("nested lambda", lambda: pickle.dumps(lambda: 0)),
    ("module-level lambda", lambda: pickle.dumps(top_lambda)),
    ("local class instance", lambda: pickle.dumps(make_local())),
    ("module-level class ok", lambda: len(pickle.dumps(Local())) > 0),
]
for label, fn in cases:
    try:
        print(label, "->", repr(fn())[:60])
    except Exception as e:
        msg = re.sub(" at 0x[0-9a-f]+", "", str(e))
        print(label, "->", type(e).__module__, type(e).__name__, msg)

print(pickle.PickleError, pickle.PicklingError, pickle.UnpicklingError)
print(pickle.loads(good), pickle.loads(pickle.dumps(Local)) is Local)

class Unreducible:
    def __reduce__(self):
        raise RuntimeError("no reduce for you")

def save(obj):
    return pickle.dumps([1, obj])

save(Unreducible())
