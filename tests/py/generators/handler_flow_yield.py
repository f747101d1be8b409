# yield / yield from / await inside try, except, finally and with blocks;
# send, throw and close arriving at each suspension point; comprehensions and
# except* whose handlers run with values on the stack.
import sys

def yield_in_except():
    try:
        raise ValueError("v")
    except ValueError:
        x = yield "in except"
        yield ("resumed", x, repr(sys.exception()))
    yield ("after", sys.exception())

g = yield_in_except()
print(next(g))
print(g.send(5))
print(next(g))

def yield_in_finally(log):
    for i in range(2):
        try:
            yield i
        finally:
            log.append("fin%d" % i)
            yield "f%d" % i

log = []
print(list(yield_in_finally(log)), log)
log = []
g = yield_in_finally(log)
next(g)
print(g.throw(KeyError("k")), log)
try:
    next(g)
except KeyError as e:
    print("propagated", repr(e), log)

def yield_from_in_try(log):
    try:
        r = yield from inner(log)
        log.append(("r", r))
    except ZeroDivisionError as e:
        log.append("outer caught " + str(e))
        yield "recovered"
    finally:
        log.append("outer finally")

def inner(log):
    try:
        yield "i1"
        yield "i2"
    finally:
        log.append("inner finally")
    return "ret"

log = []
print(list(yield_from_in_try(log)), log)
log = []
g = yield_from_in_try(log)
next(g)
print(g.throw(ZeroDivisionError("z")), log)
print(next(g, "done"), log)
log = []
g = yield_from_in_try(log)
next(g)
g.close()
print("closed", log)

def break_out_of_yielding_loop():
    for i in range(10):
        try:
            yield i
            if i == 2:
                break
        except GeneratorExit:
            raise
        finally:
            pass
    yield "broke"

print(list(break_out_of_yielding_loop()))

def return_from_finally_in_gen():
    try:
        yield 1
    finally:
        return "swallowed"

g = return_from_finally_in_gen()
next(g)
g.close()  # (3.13 returns "swallowed" here, 3.11 None: not printed)
print("closed after return in finally", g.gi_frame)

def comp_in_handler():
    try:
        raise ValueError(3)
    except ValueError as e:
        return [x * e.args[0] for x in range(3) if x], {k: v for k, v in [(1, 2)]}, list(y for y in "ab")

print(comp_in_handler())

def comp_raises_mid():
    try:
        return [1 // (x - 2) for x in range(5)]
    except ZeroDivisionError:
        return "zde in comprehension"

print(comp_raises_mid())

def gen_exc_state_isolated():
    def gen():
        try:
            raise KeyError("gen")
        except KeyError:
            yield sys.exception()
            yield sys.exception()
        yield sys.exception()
    g = gen()
    first = next(g)
    outside = sys.exception()
    try:
        raise OSError("caller")
    except OSError:
        second = next(g)
        third = next(g)
    return repr(first), outside, repr(second), repr(third)

print(gen_exc_state_isolated())

def except_star_flows():
    out = []
    for i in range(3):
        try:
            raise ExceptionGroup("g", [ValueError(i), TypeError(i)])
        except* ValueError as eg:
            out.append(("v", [str(e) for e in eg.exceptions]))
        except* TypeError:
            out.append("t")
        out.append(i)
    return out

print(except_star_flows())
print(sys.exception())
