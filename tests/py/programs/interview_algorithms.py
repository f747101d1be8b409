from functools import cmp_to_key
from collections import deque, Counter
import bisect, heapq, math, itertools
def two_sum(nums, t):
    seen = {}
    for i, n in enumerate(nums):
        if t - n in seen: return [seen[t - n], i]
        seen[n] = i
def longest_sub(s):
    last = {}; start = best = 0
    for i, ch in enumerate(s):
        if last.get(ch, -1) >= start: start = last[ch] + 1
        last[ch] = i; best = max(best, i - start + 1)
    return best
def valid_paren(s):
    st = []; pairs = {")": "(", "]": "[", "}": "{"}
    for c in s:
        if c in "([{": st.append(c)
        elif not st or st.pop() != pairs[c]: return False
    return not st
def merge_intervals(iv):
    out = []
    for s, e in sorted(iv):
        if out and s <= out[-1][1]: out[-1][1] = max(out[-1][1], e)
        else: out.append([s, e])
    return out
def largest_number(nums):
    return "".join(sorted(map(str, nums), key=cmp_to_key(lambda a, b: (b + a > a + b) - (b + a < a + b)))).lstrip("0") or "0"
def lis(a):
    t = []
    for x in a:
        i = bisect.bisect_left(t, x)
        t[i:i+1] = [x]
    return len(t)
def edit(a, b):
    dp = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        prev, dp[0] = dp[0], i
        for j in range(1, len(b) + 1):
            prev, dp[j] = dp[j], min(dp[j] + 1, dp[j-1] + 1, prev + (a[i-1] != b[j-1]))
    return dp[-1]
def dijkstra(g, s):
    dist = {s: 0}; pq = [(0, s)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist[u]: continue
        for v, w in g.get(u, []):
            if d + w < dist.get(v, math.inf): dist[v] = d + w; heapq.heappush(pq, (d + w, v))
    return dist
def bfs_grid(grid):
    R, C = len(grid), len(grid[0]); q = deque([(0, 0, 0)]); seen = {(0, 0)}
    while q:
        r, c, d = q.popleft()
        if (r, c) == (R-1, C-1): return d
        for dr, dc in ((1,0),(-1,0),(0,1),(0,-1)):
            nr, nc = r+dr, c+dc
            if 0 <= nr < R and 0 <= nc < C and grid[nr][nc] == "." and (nr, nc) not in seen: seen.add((nr, nc)); q.append((nr, nc, d+1))
    return -1
def topo(n, edges):
    indeg = [0]*n; adj = [[] for _ in range(n)]
    for a, b in edges: adj[a].append(b); indeg[b] += 1
    q = deque(i for i in range(n) if indeg[i] == 0); out = []
    while q:
        u = q.popleft(); out.append(u)
        for v in adj[u]:
            indeg[v] -= 1
            if indeg[v] == 0: q.append(v)
    return out if len(out) == n else None
def permute(s): return ["".join(p) for p in itertools.permutations(s)]
def anagrams(words):
    g = {}
    for w in words: g.setdefault("".join(sorted(w)), []).append(w)
    return sorted(g.values())
def rle(s): return "".join(f"{len(list(g))}{k}" for k, g in itertools.groupby(s))
def primes(n):
    sieve = bytearray([1]) * (n + 1); sieve[0:2] = b"\0\0"
    for i in range(2, int(n ** .5) + 1):
        if sieve[i]: sieve[i*i::i] = bytes(len(range(i*i, n+1, i)))
    return [i for i, v in enumerate(sieve) if v]
def roman(n):
    vals = [(1000,"M"),(900,"CM"),(500,"D"),(400,"CD"),(100,"C"),(90,"XC"),(50,"L"),(40,"XL"),(10,"X"),(9,"IX"),(5,"V"),(4,"IV"),(1,"I")]
    out = ""
    for v, s in vals:
        q, n = divmod(n, v); out += s * q
    return out
print(two_sum([2,7,11,15], 9), longest_sub("abcabcbb"), [valid_paren(s) for s in ("()[]{}", "(]", "([)]", "{[]}", "")])
print(merge_intervals([[1,3],[2,6],[8,10],[15,18],[17,20]]), largest_number([3,30,34,5,9]), largest_number([0,0]), lis([10,9,2,5,3,7,101,18]))
print(edit("kitten", "sitting"), dijkstra({"a": [("b", 1), ("c", 4)], "b": [("c", 2), ("d", 5)], "c": [("d", 1)]}, "a"))
print(bfs_grid(["..#", "#..", "#.."]), topo(4, [(0,1),(1,2),(0,3),(3,2)]), topo(2, [(0,1),(1,0)]), permute("abc"), anagrams(["eat","tea","tan","ate","nat","bat"]))
print(rle("aaabccddddd"), primes(60), [roman(n) for n in (1994, 2024, 3999, 4)], Counter("mississippi").most_common())
print(sorted(["banana", "Apple", "cherry"], key=str.lower), sorted([(1, "b"), (1, "a"), (0, "z")], key=lambda t: (-t[0], t[1])), sorted("hello", reverse=True))
print(f"{math.comb(10, 3)} {math.perm(5, 2)} {math.gcd(12, 18)} {math.lcm(4, 6)} {math.isqrt(99)} {math.factorial(20)} {math.prod([1,2,3,4])} {math.dist((0,0),(3,4))} {math.hypot(5, 12)}")
print(f"{1234567.891:,.2f} {0.000123:e} {255:#x} {255:08b} {-42:+d} {3.14159:10.3f}| {'left':<8}|{'r':>4}|{'c':*^7}| {12:o} {1e20:g} {0.1+0.2!r} {1/3:.20f} {2**100:_}")
