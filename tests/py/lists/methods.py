l = [3, 1, 4, 1, 5]
l.append(9); print(l)
l.extend([2, 6]); print(l)
l.insert(0, 0); l.insert(100, 99); l.insert(-1, 98); print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(1); print(l)
print(l.index(1), l.index(5, 2), l.count(1), l.count(42))
l.reverse(); print(l)
c = l.copy(); c.append("c"); print(l, c)
l.clear(); print(l)
for f in (lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2)):
    try:
        f()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
for f in (lambda: [1].index(2), lambda: [1, 2].index(1, 1)):
    try:
        f()
    except ValueError as e:
        print(type(e).__name__)
l = [1, 2]
l.extend(range(3)); l.extend("ab"); l.extend({9: 0}); l += (7,)
print(l)
l = [1]
l.extend(l); print(l)
l.append(l)
print(l)
