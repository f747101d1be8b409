# Repetition whose length passes the index range raises OverflowError; one that
# fits but cannot be allocated raises MemoryError (CPython's order).
# expandtabs takes a C int tab size.
cases = ["'a' * (2**62)", "'ab' * (2**62)", "'\\u20ac' * (2**61)", "'a' * (2**63)",
         "b'a' * (2**62)", "b'ab' * (2**62)", "(1, 2) * (2**62)", "[1, 2] * (2**62)",
         "'a\\tb'.expandtabs(2**62)", "b'a\\tb'.expandtabs(2**31)", "'a\\tb'.expandtabs(1.5)",
         "'a\\tb'.expandtabs(-3)"]
for c in cases:
    try:
        r = eval(c)
        print(c, "->", repr(r)[:20])
    except (OverflowError, MemoryError, TypeError) as e:
        print(c, type(e).__name__, e)
print(compile("1", "f", "eval") is not None)
try:
    compile("1", "f", "bad")
except ValueError as e:
    print(e)
