import heapq
from collections import deque, defaultdict
import itertools


class Graph:
    def __init__(self, directed=False):
        self.adj = defaultdict(dict)
        self.directed = directed

    def add_edge(self, u, v, w=1):
        self.adj[u][v] = w
        if not self.directed:
            self.adj[v][u] = w
        else:
            self.adj.setdefault(v, {})

    def nodes(self):
        return sorted(self.adj)

    def dijkstra(self, src):
        dist = {src: 0}
        prev = {}
        counter = itertools.count()
        pq = [(0, next(counter), src)]
        done = set()
        while pq:
            d, _, u = heapq.heappop(pq)
            if u in done:
                continue
            done.add(u)
            for v, w in self.adj[u].items():
                nd = d + w
                if nd < dist.get(v, float("inf")):
                    dist[v] = nd
                    prev[v] = u
                    heapq.heappush(pq, (nd, next(counter), v))
        return dist, prev

    def path(self, src, dst):
        dist, prev = self.dijkstra(src)
        if dst not in dist:
            return None, float("inf")
        p = [dst]
        while p[-1] != src:
            p.append(prev[p[-1]])
        return p[::-1], dist[dst]

    def bfs(self, src):
        seen = {src}
        order = []
        q = deque([src])
        while q:
            u = q.popleft()
            order.append(u)
            for v in sorted(self.adj[u]):
                if v not in seen:
                    seen.add(v)
                    q.append(v)
        return order

    def dfs(self, src, seen=None):
        if seen is None:
            seen = []
        seen.append(src)
        for v in sorted(self.adj[src]):
            if v not in seen:
                self.dfs(v, seen)
        return seen

    def topo_sort(self):
        indeg = {u: 0 for u in self.adj}
        for u in self.adj:
            for v in self.adj[u]:
                indeg[v] += 1
        ready = [u for u, d in indeg.items() if d == 0]
        heapq.heapify(ready)
        out = []
        while ready:
            u = heapq.heappop(ready)
            out.append(u)
            for v in self.adj[u]:
                indeg[v] -= 1
                if indeg[v] == 0:
                    heapq.heappush(ready, v)
        if len(out) != len(self.adj):
            cyc = sorted(u for u, d in indeg.items() if d > 0)
            raise ValueError(f"cycle among {cyc}")
        return out


class UnionFind:
    def __init__(self, items):
        self.parent = {x: x for x in items}
        self.rank = dict.fromkeys(items, 0)

    def find(self, x):
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.rank[ra] < self.rank[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        if self.rank[ra] == self.rank[rb]:
            self.rank[ra] += 1
        return True


def kruskal(g):
    edges = sorted({(w, min(u, v), max(u, v)) for u in g.adj for v, w in g.adj[u].items()})
    uf = UnionFind(g.nodes())
    tree = [(u, v, w) for w, u, v in edges if uf.union(u, v)]
    return tree, sum(w for *_, w in tree)


g = Graph()
for u, v, w in [("A", "B", 4), ("A", "C", 2), ("B", "C", 5), ("B", "D", 10),
                ("C", "E", 3), ("E", "D", 4), ("D", "F", 11), ("G", "H", 1)]:
    g.add_edge(u, v, w)

print("nodes:", g.nodes())
dist, _ = g.dijkstra("A")
print("dist:", dict(sorted(dist.items())))
for dst in "DFH":
    p, d = g.path("A", dst)
    print(f"A->{dst}: {' -> '.join(p) if p else 'unreachable'} ({d})")
print("bfs:", g.bfs("A"))
print("dfs:", g.dfs("A"))
tree, total = kruskal(g)
print("mst:", tree, "weight", total)

uf = UnionFind(range(10))
for a, b in [(0, 1), (2, 3), (1, 3), (5, 6), (7, 7), (6, 0)]:
    print(f"union({a},{b}) -> {uf.union(a, b)}")
groups = defaultdict(list)
for x in range(10):
    groups[uf.find(x)].append(x)
print("components:", sorted(groups.values(), key=len, reverse=True))

dag = Graph(directed=True)
for a, b in [("shirt", "tie"), ("tie", "jacket"), ("pants", "shoes"), ("pants", "belt"),
             ("belt", "jacket"), ("shirt", "belt"), ("socks", "shoes"), ("undershorts", "pants"),
             ("undershorts", "shoes")]:
    dag.add_edge(a, b)
dag.adj["watch"]
print("topo:", dag.topo_sort())
dag.add_edge("jacket", "shirt")
try:
    dag.topo_sort()
except ValueError as e:
    print("error:", e)

# grid shortest path with walls
grid = """\
S..#......
.#.#.####.
.#...#....
.####.#.#.
......#.#E""".splitlines()
start = next((r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch == "S")
end = next((r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch == "E")
q = deque([(start, 0)])
seen = {start: None}
while q:
    (r, c), d = q.popleft()
    if (r, c) == end:
        break
    for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < len(grid) and 0 <= nc < len(grid[0]) and grid[nr][nc] != "#" and (nr, nc) not in seen:
            seen[(nr, nc)] = (r, c)
            q.append(((nr, nc), d + 1))
print("grid distance:", d)
cells = [list(row) for row in grid]
node = seen[end]
while node != start:
    cells[node[0]][node[1]] = "*"
    node = seen[node]
print("\n".join("".join(row) for row in cells))
