# Deeply nested source compiles up to CPython's limit (3 x the recursion
# limit) and past it raises RecursionError (never a crash); brackets stop at
# 200 levels with "too many nested parentheses".
def try_compile(src):
    try:
        compile(src, "<deep>", "eval")
        return "ok"
    except RecursionError as e:
        return "RecursionError: " + str(e)
    except SyntaxError as e:
        return "SyntaxError: " + e.msg


shapes = {
    "unary minus": lambda n: "-" * n + "1",
    "not": lambda n: "not " * n + "x",
    "conditional": lambda n: "1 if x else " * n + "1",
    "sum chain": lambda n: "1" + "+1" * n,
    "attribute chain": lambda n: "a" + ".b" * n,
    "call chain": lambda n: "f" + "()" * n,
    "subscript chain": lambda n: "x" + "[0]" * n,
}
for name, make in shapes.items():
    print(name, [try_compile(make(n)) for n in (10, 1500, 5000)])
# (CPython's parser gives up on 5000 nested lambdas with a MemoryError.)
print("lambda", [try_compile("lambda: " * n + "1") for n in (10, 1500)])
# The 100000-term chains used to overflow the C stack in the symbol table.
print(try_compile("1" + "+1" * 100000))
try:
    compile("-" * 100000 + "1", "<deep>", "eval")
except (RecursionError, MemoryError):  # CPython's parser: MemoryError
    print("too deep")
print(try_compile("(" * 200 + ")" * 200), try_compile("(" * 201 + ")" * 201))
print(try_compile("[" * 201 + "]" * 201))
# A long flat chain still evaluates.
print(eval("1" + "+1" * 2000), eval("-" * 2000 + "5"))
