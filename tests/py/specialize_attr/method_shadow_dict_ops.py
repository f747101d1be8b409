# A specialised method load must see an instance attribute that shadows the
# method however the instance __dict__ got it: a str-subclass key, a bulk
# update, a clear and re-insertion, a replaced __dict__, many other keys.


class S(str):
    pass


class C:
    def m(self):
        return "method"


def call_m(o):
    return o.m()


def warm(o):
    for _ in range(50):
        call_m(o)


def shadow(o, how):
    if how == "subclass_key":
        o.__dict__[S("m")] = lambda: "subclass key"
    elif how == "update":
        o.__dict__.update({"a%d" % i: i for i in range(40)} | {"m": lambda: "update"})
    elif how == "clear":
        o.__dict__.clear()
        o.m = lambda: "after clear"
    elif how == "replace":
        o.__dict__ = {"m": lambda: "replaced dict"}
    elif how == "setattr":
        setattr(o, "m", lambda: "setattr")


for how in ["subclass_key", "update", "clear", "replace", "setattr"]:
    o = C()
    o.x = 1
    warm(o)
    print(how, call_m(o), end=" ")
    shadow(o, how)
    print(call_m(o), end=" ")
    del o.__dict__["m"]
    print(call_m(o))

# Many attributes: every bloom bit set, the probe decides.
o = C()
for i in range(200):
    setattr(o, "attr%d" % i, i)
warm(o)
print(call_m(o), sum(getattr(o, "attr%d" % i) for i in range(200)))
o.m = lambda: "late shadow"
print(call_m(o))
