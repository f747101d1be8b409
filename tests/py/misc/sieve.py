def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0:2] = [False, False]
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            is_p[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, p in enumerate(is_p) if p]
ps = sieve(100000)
print(len(ps), ps[:10], ps[-3:], sum(ps))
twins = [(p, p + 2) for p, q in zip(ps, ps[1:]) if q == p + 2]
print(len(twins), twins[:5])
gaps = {}
for p, q in zip(ps, ps[1:]):
    gaps[q - p] = gaps.get(q - p, 0) + 1
print(sorted(gaps.items())[:8], max(gaps))
