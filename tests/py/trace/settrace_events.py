# sys.settrace: call/line/return/exception events with CPython 3.11's line
# rules (a new line, a backward jump to the same line, nothing for RESUME),
# the local trace function returned from 'call', f_trace, f_trace_lines and
# gettrace.
import sys

events = []


def describe(arg):
    if isinstance(arg, tuple) and len(arg) == 3:
        return arg[0].__name__
    if arg is None or isinstance(arg, (int, str)):
        return arg
    return type(arg).__name__


def tracer(frame, event, arg):
    events.append((event, frame.f_code.co_name, frame.f_lineno, describe(arg)))
    return tracer


def show(title):
    print(title)
    for e in events:
        print('   ', e)
    events.clear()


def simple(a):
    b = a + 1
    c = b * 2
    return c


def loop(n):
    total = 0
    for i in range(n):
        total += i
    return total


def one_line_loop(n):
    x = 0
    for i in range(n): x += i
    return x


def raiser():
    raise KeyError('k')


def handler():
    try: raiser()
    except KeyError:
        v = 1
    return v


def gen():
    yield 1
    yield 2


def use_gen():
    return list(gen())


def branches(x):
    if x:
        y = 1
    else:
        y = 2
    return y


def run(fn, *args):
    sys.settrace(tracer)
    try:
        fn(*args)
    finally:
        sys.settrace(None)
    show(fn.__name__)


run(simple, 1)
run(loop, 3)
run(one_line_loop, 3)
run(handler)
run(use_gen)
run(branches, 0)
run(branches, 1)

# An exception that escapes: 'exception' in each frame, 'return' None.
def outer():
    raiser()


sys.settrace(tracer)
try:
    outer()
except KeyError:
    pass
sys.settrace(None)
show('escaping')

# A global trace function returning None: only 'call' events.
calls = []


def global_only(frame, event, arg):
    calls.append((event, frame.f_code.co_name))


sys.settrace(global_only)
simple(2)
loop(2)
sys.settrace(None)
print('global only:', calls)

# f_trace_lines = False: no line events, other events still come.
def no_lines(frame, event, arg):
    frame.f_trace_lines = False
    events.append((event, frame.f_code.co_name, frame.f_lineno, describe(arg)))
    return no_lines


sys.settrace(no_lines)
simple(3)
sys.settrace(None)
show('f_trace_lines False')

# f_trace_opcodes: opcode events come (their number is the VM's own).
ops = [0]


def opcodes(frame, event, arg):
    frame.f_trace_opcodes = True
    if event == 'opcode':
        ops[0] += 1
    return opcodes


sys.settrace(opcodes)
simple(4)
sys.settrace(None)
print('opcode events seen:', ops[0] > 3)

# gettrace, and a frame's f_trace.
sys.settrace(tracer)
print('gettrace is tracer:', sys.gettrace() is tracer)
sys.settrace(None)
print('gettrace after:', sys.gettrace())
events.clear()
def set_lineno():
    f = sys._getframe()
    print('f_trace default:', f.f_trace, f.f_trace_lines, f.f_trace_opcodes)
    try:
        f.f_lineno = 3
    except ValueError as e:
        print('ValueError raised', type(e).__name__)


set_lineno()


# A trace function that raises is removed.
def bad(frame, event, arg):
    if event == 'line':
        raise RuntimeError('trace failed')
    return bad


sys.settrace(bad)
try:
    simple(5)
except RuntimeError as e:
    print('raised:', e)
print('after failure:', sys.gettrace())

# threading.settrace: installed in threads started afterwards, not in this one.
import threading

thread_events = []


def thread_tracer(frame, event, arg):
    if frame.f_code.co_name == 'in_thread':
        thread_events.append((event, frame.f_lineno))
    return thread_tracer


def in_thread():
    a = 1
    return a


threading.settrace(thread_tracer)
print('gettrace here after threading.settrace:', sys.gettrace())
t = threading.Thread(target=in_thread)
t.start()
t.join()
threading.settrace(None)
print('thread events:', thread_events)

# Statements with lines of their own: try:, pass, break, continue, a class
# body's end after a comprehension, a generator closed inside try/finally.
def statements():
    n = 0
    for i in range(3):
        if i == 0:
            continue
        n += i
        if n > 1:
            break
    try:
        x = 1
    except Exception:
        pass
    else:
        x = 2
    finally:
        x = 3
    if n:
        pass
    elif x:
        pass
    return n


class Holder:
    a = [i for i in range(2)]


def closing_gen():
    try:
        yield 1
    finally:
        pass


def run_statements():
    statements()
    it = closing_gen()
    next(it)
    it.close()


sys.settrace(tracer)
run_statements()
sys.settrace(None)
show('statements')


# `while True:` reports its line on entry and at each iteration, also after
# a continue.
def forever():
    n = 0
    while True:
        n += 1
        if n == 2:
            continue
        if n > 3:
            break
    while 1: break
    return n


sys.settrace(tracer)
forever()
sys.settrace(None)
show('while True')
