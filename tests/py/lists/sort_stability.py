import random
rng = random.Random(3)
items = [(rng.randint(0, 5), i) for i in range(200)]
s = sorted(items, key=lambda t: t[0])
print(all(s[i][1] < s[i + 1][1] for i in range(len(s) - 1) if s[i][0] == s[i + 1][0]))
r = sorted(items, key=lambda t: t[0], reverse=True)
print(all(r[i][1] < r[i + 1][1] for i in range(len(r) - 1) if r[i][0] == r[i + 1][0]))
print(r[:5], s[:5])
students = [("amy", "B", 90), ("bob", "A", 85), ("cat", "B", 85), ("dan", "A", 90)]
students.sort(key=lambda s: s[2], reverse=True)
students.sort(key=lambda s: s[1])
print(students)
class Odd:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"Odd({self.v})"
print(sorted([Odd(3), Odd(1), Odd(2)]), max([Odd(3), Odd(7)], key=lambda o: o.v))
