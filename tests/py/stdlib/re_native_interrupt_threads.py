# The native matcher checks the eval breaker: a signal handler's exception
# (here from SIGALRM after a second, as Ctrl-C's KeyboardInterrupt would be) stops an
# exponential match. A compiled pattern is shared by threads that match at
# once, each with its own state.
import re
import signal
import threading
import time


class Stop(Exception):
    pass


def on_alarm(signum, frame):
    raise Stop()


signal.signal(signal.SIGALRM, on_alarm)
signal.alarm(1)
t0 = time.monotonic()
try:
    re.match(r'(x+x+)+y', 'x' * 60)
    print('finished?')
except Stop:
    print('interrupted', time.monotonic() - t0 < 30)
signal.alarm(0)

word = re.compile(r'(\w+)@(\w+)\.com|(?P<num>\d+)')
text = 'ann@x.com 12 bob@y.com 345 ' * 500
want = word.findall(text)
want_sub = word.sub(lambda m: m.group(0).upper(), text[:100])
results = []


def worker(k):
    ok = True
    for _ in range(20):
        ok = ok and word.findall(text) == want
        ok = ok and word.sub(lambda m: m.group(0).upper(), text[:100]) == want_sub
        ok = ok and [m.span() for m in word.finditer('12 a@b.com')] == [(0, 2), (3, 10)]
    results.append(ok)


threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results, len(want))
