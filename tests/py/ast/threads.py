# ast.parse, dump and compile of trees from several threads at once; the
# first use of _ast (through compile's PyCF_ONLY_AST flag) races too.
import threading

SRC = '''
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
result = [fib(i) for i in range(12)]
'''
results = []
lock = threading.Lock()
barrier = threading.Barrier(4)


def work(k):
    barrier.wait()
    tree = compile(SRC, "<t%d>" % k, "exec", 0x400)  # PyCF_ONLY_AST
    import ast
    out = []
    for i in range(20):
        t = ast.parse(SRC)
        t.body[1].value.elt.args[0] = ast.BinOp(ast.Name("i", ast.Load()), ast.Add(), ast.Constant(k))
        ast.fix_missing_locations(t)
        ns = {}
        exec(compile(t, "<t>", "exec"), ns)
        out.append(ns["result"][-1])
        out.append(len(ast.dump(tree)))
    with lock:
        results.append((k, sorted(set(out))))


threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for r in sorted(results):
    print(r)
