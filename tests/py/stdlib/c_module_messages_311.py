# Messages and reprs that follow CPython 3.11's C modules: datetime's
# required arguments and timedelta's component types, struct.Struct's
# default repr, descriptor errors naming '_io.' types, TextIOWrapper's probe
# order, the locale encoding outside UTF-8 mode.
import datetime
import io
import locale
import os
import pickle
import re
import struct
import sys


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: datetime.date(2020, 1))
show(lambda: datetime.date(2020))
show(lambda: datetime.date())
show(lambda: datetime.date(year=2020, day=3))
show(lambda: datetime.date(2020, None, 1))
show(lambda: datetime.datetime(2020, 1))
show(lambda: datetime.datetime(2020, 1, 2))
show(lambda: datetime.date(month=1, day=2, year=2021))
show(lambda: datetime.timedelta("1"))
show(lambda: datetime.timedelta(1, "1"))
show(lambda: datetime.timedelta(days=[]))
show(lambda: datetime.timedelta(weeks=None, microseconds=''))
show(lambda: datetime.timedelta(True, 1.5, minutes=2))
show(lambda: datetime.date("2020", 1, 1))
for proto in (0, 2, 4):
    show(lambda: pickle.loads(pickle.dumps(datetime.date(2020, 5, 17), proto)))
    show(lambda: pickle.loads(pickle.dumps(
        datetime.datetime(2020, 5, 17, 3, 4, 5, 6, tzinfo=datetime.timezone.utc), proto)))
    show(lambda: pickle.loads(pickle.dumps(datetime.datetime(2001, 1, 1), proto)))

print(re.sub(r'0x[0-9a-f]+', 'ADDR', repr(struct.Struct('i'))))
print(re.sub(r'0x[0-9a-f]+', 'ADDR', repr(struct.Struct(b'<2h'))))

show(lambda: io.TextIOWrapper.write(io.BytesIO(), 'x'))
show(lambda: io.StringIO.getvalue(io.BytesIO()))
show(lambda: io.BytesIO.getvalue(io.StringIO()))
show(lambda: io.TextIOWrapper(1))
show(lambda: str.upper.__get__(1))

print(sys.flags.utf8_mode, locale.getpreferredencoding(), locale.getpreferredencoding(False))
print(io.text_encoding(None), io.text_encoding('latin-1'))
print(io.TextIOWrapper(io.BytesIO()).encoding, io.TextIOWrapper(io.BytesIO(), encoding='locale').encoding)
with open(os.devnull) as f:
    print(f.encoding)
print(os.device_encoding(os.open(os.devnull, os.O_RDONLY)))
