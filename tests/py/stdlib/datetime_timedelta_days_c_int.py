# timedelta's days overflow as CPython's C datetime reports it: a day count
# that fits a C int but exceeds 999999999 names itself, a larger one fails
# the C int conversion first.
from datetime import timedelta

for kw in [dict(days=1e10), dict(days=10**10), dict(days=-1e10), dict(days=10**9),
           dict(days=2**31 - 1), dict(days=2**31), dict(days=-2**31), dict(days=-2**31 - 1),
           dict(weeks=1e10), dict(seconds=1e20), dict(days=999999999.5)]:
    try:
        print(kw, timedelta(**kw))
    except OverflowError as e:
        print(kw, 'OverflowError', e)
