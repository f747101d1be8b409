# An except clause checks its whole operand before matching, as CPython 3.11:
# a non-class entry anywhere in the tuple (or a nested tuple) is a TypeError
# even when an earlier entry matches; except* checks the same way.
cases = [
    "try:\n    1/0\nexcept (ZeroDivisionError, 1):\n    print('caught')",
    "try:\n    1/0\nexcept ((ZeroDivisionError,),):\n    print('caught')",
    "try:\n    1/0\nexcept 1:\n    pass",
    "try:\n    pass\nexcept 1:\n    pass\nprint('not checked without an exception')",
    "try:\n    raise ExceptionGroup('g', [ValueError(1)])\nexcept* (ValueError, 1):\n    print('caught')",
    "try:\n    raise ExceptionGroup('g', [ValueError(1)])\nexcept* int:\n    print('caught')",
    "try:\n    raise ExceptionGroup('g', [ValueError(1)])\nexcept* (ValueError, ExceptionGroup):\n    print('caught')",
    "try:\n    1/0\nexcept (ValueError, ArithmeticError):\n    print('tuple ok')",
    "try:\n    1/0\nexcept ():\n    pass",
]
for c in cases:
    try:
        exec(c, {})
    except BaseException as e:
        print(type(e).__name__, e)
