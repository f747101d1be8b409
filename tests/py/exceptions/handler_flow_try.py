# Control flow leaving try/except/finally blocks in every way, with values on
# the stack (for loops, with blocks) that the unwinding must keep or drop.
import sys

def ret_in_except():
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError as e:
            return ("ret", e.args[0], sys.exception() is e)

def break_in_except():
    out = []
    for i in range(5):
        try:
            if i == 2:
                raise KeyError(i)
            out.append(i)
        except KeyError:
            out.append("k")
            break
    return out, sys.exception()

def continue_in_except():
    out = []
    for i in range(4):
        try:
            1 / (i % 2)
        except ZeroDivisionError:
            out.append("z")
            continue
        out.append(i)
    return out

def ret_in_finally_overrides():
    for x in [1]:
        try:
            raise RuntimeError("lost")
        finally:
            return "finally wins"

def break_in_finally():
    out = []
    for i in range(3):
        try:
            try:
                raise TypeError(i)
            finally:
                out.append("f%d" % i)
                break
        except TypeError:
            out.append("never")
    return out, sys.exception()

def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise OSError
        finally:
            out.append(i)
            continue
    return out

def raise_in_except_chains():
    try:
        try:
            raise ValueError("a")
        except ValueError:
            raise KeyError("b")
    except KeyError as e:
        return repr(e), repr(e.__context__)

def raise_in_finally_chains():
    try:
        try:
            raise ValueError("a")
        finally:
            raise KeyError("c")
    except KeyError as e:
        return repr(e), repr(e.__context__)

def nested_handlers_restore():
    seen = []
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise KeyError("inner")
        except KeyError:
            seen.append(repr(sys.exception()))
        seen.append(repr(sys.exception()))
    seen.append(sys.exception())
    return seen

def return_from_try_runs_finally(log):
    for i in range(2):
        try:
            return i
        finally:
            log.append("fin%d" % i)

def else_clause_raises():
    try:
        try:
            pass
        except Exception:
            return "no"
        else:
            raise LookupError("else")
        finally:
            pass
    except LookupError as e:
        return "else raised " + str(e)

def bare_raise_in_nested_function():
    def reraiser():
        raise
    try:
        raise ValueError("x")
    except ValueError:
        try:
            reraiser()
        except ValueError as e:
            return "reraised " + str(e)

def deep_stack_in_handler():
    # A handler entered with items on the stack below it (call args).
    def f(*args):
        return args
    def boom():
        raise IndexError("i")
    try:
        return f(1, 2, [3, 4], {5: boom()})
    except IndexError as e:
        return f("caught", str(e))

print(ret_in_except())
print(break_in_except())
print(continue_in_except())
print(ret_in_finally_overrides())
print(break_in_finally())
print(continue_in_finally())
print(raise_in_except_chains())
print(raise_in_finally_chains())
print(nested_handlers_restore())
log = []
print(return_from_try_runs_finally(log), log)
print(else_clause_raises())
print(bare_raise_in_nested_function())
print(deep_stack_in_handler())
print(sys.exception())
