from collections import ChainMap, Counter, OrderedDict, namedtuple, UserDict, UserList, UserString
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), dict(cm), cm.maps)
cm["c"] = 4
print(cm.maps[0], cm.new_child({"z": 0})["z"], cm.parents.maps)
c = Counter(["x", "y", "x"])
print(c, c.most_common(), +Counter(a=-1, b=2), Counter("aab") == Counter("aba"))
class UD(UserDict):
    def __setitem__(self, k, v): super().__setitem__(k, v * 2)
u = UD(a=1)
print(u, u.data, isinstance(u, UserDict))
ul = UserList([3, 1]); ul.sort()
print(ul, UserString("abc").upper(), UserString("x") + "y")
