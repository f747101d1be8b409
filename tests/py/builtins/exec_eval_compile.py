print(eval("1 + 2"), eval("x * 2", {"x": 21}), eval("y", {}, {"y": "local"}), eval("len('abc')"))
ns = {}
exec("a = 5\nb = a * 2\ndef f(): return a + b", ns)
print(ns["a"], ns["b"], ns["f"](), sorted(k for k in ns if k != "__builtins__"))
code = compile("3 * 7", "<expr>", "eval")
print(eval(code), code.co_filename, type(code).__name__)
code2 = compile("for i in range(3): out.append(i)", "<loop>", "exec")
env = {"out": []}
exec(code2, env)
print(env["out"])
print(eval("__name__"), eval("__name__", {"__name__": "custom"}))
try:
    eval("import os")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    eval("undefined_var_q")
except NameError as e:
    print(type(e).__name__, e)
print(exec("1 + 1"), eval("[i for i in range(3)]"))
single = compile("42", "<single>", "single")
exec(single)
restricted = {"__builtins__": {}}
try:
    eval("len([])", restricted)
except NameError as e:
    print(type(e).__name__, e)
