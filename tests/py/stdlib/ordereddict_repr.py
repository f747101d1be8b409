# OrderedDict's 3.11 repr: a list of pairs, "..." for a recursive reference,
# the subclass's name, and empty as OrderedDict().
from collections import OrderedDict
od = OrderedDict.fromkeys("abcde")
od.move_to_end("b")
od.move_to_end("e", last=False)
print(od, repr(OrderedDict()), str(OrderedDict(x=[1, 2])))
od["self"] = od
print(od)
class Sub(OrderedDict):
    pass
print(Sub(z=1, a=2), repr(Sub()), [OrderedDict(k=(1, "v"))], {"o": OrderedDict(a={})})
print(f"{OrderedDict(q=1)!r:>30}|", "%s" % OrderedDict(w=0))
