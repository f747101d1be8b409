class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return False
with CM("a") as a:
    print("body", a)
with CM("x") as x, CM("y") as y:
    print("two", x, y)
with (CM("p") as p,
      CM("q")):
    print("paren", p)
try:
    with CM("err"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated", e)
def early():
    with CM("ret"):
        return "returned"
print(early())
for i in range(2):
    with CM(str(i)):
        if i == 0:
            continue
        print("after continue")
with CM("t") as (first):
    print(first)
