s = "ab" * 50000
print(len(s), s.count("ab"), s.find("ba"), s.rfind("ab"), s[-3:])
t = "-".join(str(i) for i in range(10000))
print(len(t), t[:20], t.split("-")[-1], t.count("-"))
big = "x" * 10 ** 6
print(len(big + big), (big * 3).count("xx"), big.replace("x", "yz")[:5], len(big.upper()))
print(hash(s) == hash("ab" * 50000))
