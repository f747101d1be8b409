# sys.setprofile: the event sequence CPython 3.11 reports (call, return with
# the value, c_call/c_return/c_exception around built-in functions and
# method descriptors, generator resumptions as calls and yields as returns).
import sys
import threading

events = []


def describe(arg):
    if arg is None or isinstance(arg, (int, str, bool)):
        return arg
    name = getattr(arg, '__name__', None)
    if name is not None:
        return name
    return type(arg).__name__


def prof(frame, event, arg):
    events.append((event, frame.f_code.co_name, frame.f_lineno, describe(arg)))


def show(title):
    print(title)
    for e in events:
        print('   ', e)
    events.clear()


def leaf(x):
    return x * 2


def middle(x):
    y = leaf(x)
    return leaf(y) + 1


def gen(n):
    for i in range(n):
        yield i
    return 'done'


def raiser():
    raise ValueError('boom')


def catcher():
    try:
        raiser()
    except ValueError as e:
        return str(e)


def uses_builtins(items):
    items.append(3)
    n = len(items)
    s = sorted(items, key=abs)
    return n, s, max(items)


def falls_off_end():
    x = 1
    x += 1


def c_raises():
    try:
        int.from_bytes(1)
    except TypeError:
        pass
    try:
        [].pop()
    except IndexError:
        return 'caught'


class Box:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


def use_class():
    b = Box(5)
    return b.get()


def run(fn, *args):
    sys.setprofile(prof)
    try:
        fn(*args)
    finally:
        sys.setprofile(None)
    # drop the c_call of setprofile(None) itself
    show(fn.__name__)


run(middle, 3)
run(lambda: list(gen(2)))
run(catcher)
run(uses_builtins, [1, -5])
run(falls_off_end)
run(c_raises)
run(use_class)


def key_fn(v):
    return -v


run(sorted, [3, 1, 2], key=key_fn) if False else run(lambda: sorted([3, 1, 2], key=key_fn))

# getprofile returns what was installed.
sys.setprofile(prof)
got = sys.getprofile()
sys.setprofile(None)
events.clear()
print('getprofile is prof:', got is prof, sys.getprofile())


# A profile function that raises is removed, and its exception propagates.
def bad(frame, event, arg):
    if event == 'call':
        raise RuntimeError('profile failed')


sys.setprofile(bad)
try:
    leaf(1)
except RuntimeError as e:
    print('raised:', e)
print('after failure:', sys.getprofile())


# Installed inside a function: the frames already running report their
# returns without a call.
def outer():
    sys.setprofile(prof)
    return leaf(4)


outer()
sys.setprofile(None)
show('installed midway')

# threading.setprofile: threads started later run the hook; the calling
# thread's own hook is unchanged.
thread_events = []


def tprof(frame, event, arg):
    if event in ('call', 'return'):
        thread_events.append((event, frame.f_code.co_name))


def work():
    return leaf(10)


threading.setprofile(tprof)
print('threading.getprofile is tprof:', threading.getprofile() is tprof)
print('main thread hook:', sys.getprofile())
t = threading.Thread(target=work)
t.start()
t.join()
threading.setprofile(None)
print('work events:', [e for e in thread_events if e[1] in ('work', 'leaf')])
