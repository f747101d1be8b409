# Argument errors of native module functions name the module, as CPython's
# do ("math.sqrt() takes ..."); builtins' do not ("len() takes ...").
import math
import sys
import time

calls = [
    ("math.sqrt(x=1)", lambda: math.sqrt(x=1)),
    ("math.sqrt()", lambda: math.sqrt()),
    ("math.floor(1, 2)", lambda: math.floor(1, 2)),
    ("math.pow(1)", lambda: math.pow(1)),
    ("time.time(1)", lambda: time.time(1)),
    ("sys.getrefcount()", lambda: sys.getrefcount()),
    ("len()", lambda: len()),
    ("len(x=1)", lambda: len(x=1)),
    ("abs()", lambda: abs()),
]
for text, call in calls:
    try:
        call()
        print(text, "-> no error")
    except TypeError as e:
        print(text, "->", e)
