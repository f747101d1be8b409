name = input()
age = int(input("prompt> "))
print(f"name={name!r} age={age}")
import sys
rest = sys.stdin.read()
print(repr(rest))
try:
    input()
except EOFError as e:
    print(type(e).__name__, repr(str(e)))
