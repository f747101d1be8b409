# A Unix-filter style script reading its .stdin file in the ways filters
# do: readline/input for a header, fileinput over '-', the stream's
# attributes, EOF handling and `with sys.stdin.buffer` closing the stream.
# (Text and binary reads are not mixed: CPython's text layer reads ahead,
# so what the binary layer then sees depends on buffer sizes.)
import fileinput
import sys

print(sys.stdin.readable(), sys.stdin.writable(), sys.stdin.encoding, sys.stdin.name, sys.stdin.buffer.name)
header = input()
print("header:", header.split(","))
count = int(sys.stdin.readline())
rows = [sys.stdin.readline().rstrip("\n").split(",") for _ in range(count)]
print(rows)
with fileinput.input(files=("-",)) as fi:
    for line in fi:
        if line.startswith("END"):
            print("stop at", fi.lineno(), fi.filename(), fi.isstdin())
            break
        print(fi.lineno(), line.rstrip())
rest = sys.stdin.read()
print(repr(rest), len(rest))
print(repr(sys.stdin.read()), sys.stdin.readline() == "")
try:
    input("prompt> ")
except EOFError as e:
    print("EOFError", repr(str(e)))
with sys.stdin.buffer as f:
    pass
print(sys.stdin.closed, sys.stdin.buffer.closed)
try:
    sys.stdin.read()
except ValueError as e:
    print("ValueError:", e)
