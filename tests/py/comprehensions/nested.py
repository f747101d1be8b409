print([[i * j for j in range(1, 4)] for i in range(1, 4)])
print([(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 20) if a * a + b * b == c * c])
flat = [x for sub in [[1, 2], [], [3], [4, 5, 6]] for x in sub]
print(flat)
print({i: {j: i * j for j in range(3)} for i in range(2)})
print([[c for c in w if c in "aeiou"] for w in ["banana", "sky", "queue"]])
print(sum(sum(row) for row in [[1, 2], [3, 4]]))
