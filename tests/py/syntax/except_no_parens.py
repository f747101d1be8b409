# requires: 3.14
# PEP 758: except without parentheses; expected output written by hand.
for exc in (ValueError("v"), TypeError("t"), KeyError("k")):
    try:
        try:
            raise exc
        except ValueError, TypeError:
            print("caught", type(exc).__name__)
    except KeyError:
        print("outer caught", type(exc).__name__)
