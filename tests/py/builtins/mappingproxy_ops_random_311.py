# mappingproxy supports | (unwrapping either side), ==, reversed() and
# refuses |= as CPython does; random.expovariate has no default rate in
# 3.11 (lambd=1.0 is 3.12's).
import random
import types


class Config:
    debug = False
    level = 3


proxy = types.MappingProxyType({"a": 1, "b": 2})
print(proxy | {"c": 3}, {"z": 0} | proxy, proxy | types.MappingProxyType({"a": 9}), type(proxy | {}).__name__)
print(proxy == {"a": 1, "b": 2}, proxy != {"a": 1}, {"b": 2, "a": 1} == proxy, list(reversed(proxy)))
print(sorted(k for k in (Config.__dict__ | {"extra": 1}) if not k.startswith("__")))
for bad in (lambda: proxy | 5, lambda: 5 | proxy, lambda: proxy < proxy):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
p2 = proxy
try:
    p2 |= {"x": 1}
except TypeError as e:
    print("TypeError:", e)
rng = random.Random(42)
try:
    rng.expovariate()
except TypeError as e:
    print("TypeError:", e)
print(round(rng.expovariate(2.0), 12), round(rng.expovariate(lambd=0.5), 12))
