class Empty:
    def __len__(self): return 0
class Full:
    def __len__(self): return 3
class Truthy:
    def __bool__(self): return False
    def __len__(self): return 10
print(bool(Empty()), bool(Full()), bool(Truthy()), bool(object()))
print("yes" if Full() else "no", not Empty())
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
class NegLen:
    def __len__(self): return -1
try:
    len(NegLen())
except ValueError as e:
    print(type(e).__name__, e)
class BigLen:
    def __len__(self): return 2 ** 70
try:
    len(BigLen())
except OverflowError as e:
    print(type(e).__name__, e)
class StrLen:
    def __len__(self): return "3"
try:
    len(StrLen())
except TypeError as e:
    print(type(e).__name__, e)
print(len(Full()), bool(Empty()) or "fallback")
