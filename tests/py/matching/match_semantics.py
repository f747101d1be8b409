x = "outer"
match 42:
    case x:
        pass
print(x)
calls = []
class Spy:
    __match_args__ = ("a",)
    @property
    def a(self):
        calls.append("a")
        return 1
match Spy():
    case Spy(2):
        print("no")
    case Spy(1):
        print("yes")
print(calls)
match [1, 2]:
    case [1, y] if y > 5:
        print("guard failed")
    case [1, y]:
        print("y is", y)
match "abc":
    case ["a", "b", "c"]:
        print("str is not a sequence pattern")
    case _:
        print("strings do not match sequence patterns")
match {"a": 1, "b": 2}:
    case {"a": 1}:
        print("extra keys ignored")
