import copy
a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[1].append(99); a[2]["k"].append(5)
print(s, d)
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc is not cyc, len(dc))
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
class Node:
    def __init__(self, v): self.v, self.kids = v, []
    def __copy__(self):
        print("custom copy")
        n = Node(self.v); n.kids = self.kids
        return n
n = Node(1); n.kids.append(Node(2))
c1 = copy.copy(n)
c2 = copy.deepcopy(n)
print(c1.kids is n.kids, c2.kids is n.kids, c2.kids[0].v)
print(copy.copy((1, 2)) == (1, 2), copy.deepcopy("s"), copy.copy({1, 2}) == {1, 2})
class Memo:
    def __deepcopy__(self, memo):
        return "deep-copied"
print(copy.deepcopy([Memo()]))
