def run(excs):
    try:
        raise ExceptionGroup("group", excs)
    except* ValueError as g:
        print("ValueError group:", [str(e) for e in g.exceptions])
    except* (TypeError, KeyError) as g:
        print("Type/Key group:", [repr(e) for e in g.exceptions])
run([ValueError("a"), TypeError("b"), ValueError("c")])
run([KeyError("k")])
try:
    run([OSError("unhandled"), ValueError("handled")])
except ExceptionGroup as eg:
    print("left over:", eg.exceptions)
try:
    try:
        raise ValueError("naked")
    except* ValueError as g:
        print("naked wrapped:", type(g).__name__, g.exceptions)
except Exception as e:
    print("no")
try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        raise KeyError("from handler")
except Exception as e:
    print("raised in handler:", type(e).__name__, type(e.__context__).__name__)
