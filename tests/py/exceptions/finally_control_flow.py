import warnings
warnings.simplefilter("ignore")
src = '''
def ret_in_finally():
    try:
        return "try"
    finally:
        return "finally"
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return i
def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError
            out.append(i)
        finally:
            continue
    return out
'''
ns = {}
exec(compile(src, "<finally>", "exec"), ns)
print(ns["ret_in_finally"](), ns["swallow"](), ns["break_in_finally"](), ns["continue_in_finally"]())
def finally_runs_on_break():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print("finally", i)
finally_runs_on_break()
def return_value_overwritten():
    x = "first"
    try:
        return x
    finally:
        x = "second"
print(return_value_overwritten())
