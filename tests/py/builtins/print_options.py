import sys
print("a", "b", "c")
print("a", "b", sep="-")
print("x", end="!\n")
print("no newline", end="")
print()
print(1, 2, 3, sep="")
print(*["p", "q"], sep=", ", end=".\n")
print("to stderr", file=sys.stderr)
print(None, sep=None, end=None)
print("flushed", flush=True)
try:
    print("x", sep=5)
except TypeError as e:
    print(type(e).__name__, e)
print("", end="")
print("multi\nline")
