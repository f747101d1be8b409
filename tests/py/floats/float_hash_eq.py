print(hash(1.0) == hash(1), hash(0.5), hash(-0.5), hash(2.0 ** 62), hash(1e100) == hash(int(1e100)))
print({1.0, 1, True}, {0.0, -0.0}, {1.5: "x"}[1.5])
print(len({float(i) for i in range(100)} | set(range(100))))
print(hash(1e-300) == hash(1e-300), hash(0.1) == hash(0.1))
