x = "global"
def f():
    print(x)
f()
def g():
    x = "local"
    def h():
        return x
    return h()
print(g())
class K:
    x = "class"
    def m(self):
        return x
print(K().m())
def comp():
    y = 10
    return [y + i for i in range(2)]
print(comp())
class K2:
    y = 5
    try:
        vals = [y for _ in range(2)]
    except NameError as e:
        vals = str(e)
print(K2.vals)
def builtins_shadow():
    len = lambda s: "shadowed"
    return len([1, 2])
print(builtins_shadow(), len([1, 2]))
import builtins
print(builtins.len is len)
def loop_var():
    for i in range(3):
        pass
    return i
print(loop_var())
