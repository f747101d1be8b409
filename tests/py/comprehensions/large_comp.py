sq = [i * i for i in range(10000)]
print(len(sq), sq[-1], sum(sq))
d = {i: str(i) for i in range(5000)}
print(len(d), d[4999])
s = {i % 97 for i in range(100000)}
print(len(s), min(s), max(s))
