def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
for v in (-5, 0, 3, 42):
    print(v, classify(v))
x = 0
if x: print("no")
elif not x: print("not x")
if []: print("empty list true")
else: print("empty list false")
for v in (None, 0, 0.0, "", (), {}, set(), "0", [0], 1j):
    print(repr(v), "truthy" if v else "falsy")
if True:
    if False:
        pass
    else:
        print("nested else")
