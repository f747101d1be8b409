# The names CPython's site module adds to builtins: exit/quit (Quitter),
# copyright/credits/license (_Printer) and help (_Helper), with their types,
# reprs and attributes; calling exit closes sys.stdin and raises SystemExit.
import sys
print(repr(exit), repr(quit), str(exit))
print(type(exit), type(copyright), type(help), type(exit).__name__, type(exit).__module__, type(exit).__qualname__)
print(repr(credits))
print(repr(license))
print(repr(help))
print(exit.name, exit.eof, vars(exit))
print(callable(exit), callable(help), callable(license))
print(sorted(k for k in vars(license)))
print(type(help).__doc__)
try:
    exit(3)
except SystemExit as e:
    print("exit", e.code, e.args)
try:
    quit(code="bye")
except SystemExit as e:
    print("quit", e.code)
print(sys.stdin.closed)
try:
    exit()
except SystemExit as e:
    print("none", e.code, e.args)
exit(0)
