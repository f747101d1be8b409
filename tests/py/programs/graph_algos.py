# A small graph library: BFS, DFS, Dijkstra with heapq, topological sort, components, MST.
import heapq
from collections import deque, defaultdict, OrderedDict
from itertools import count


class Graph:
    def __init__(self, directed=False):
        self.directed = directed
        self.adj = defaultdict(dict)

    def add_edge(self, u, v, w=1):
        self.adj[u][v] = w
        if not self.directed:
            self.adj[v][u] = w
        else:
            self.adj.setdefault(v, {})

    def nodes(self):
        return sorted(self.adj)

    def edges(self):
        seen = set()
        for u in sorted(self.adj):
            for v, w in sorted(self.adj[u].items()):
                key = (u, v) if self.directed else tuple(sorted((u, v)))
                if key not in seen:
                    seen.add(key)
                    yield key[0], key[1], w

    def bfs(self, start):
        order, dist = [], {start: 0}
        q = deque([start])
        while q:
            u = q.popleft()
            order.append(u)
            for v in sorted(self.adj[u]):
                if v not in dist:
                    dist[v] = dist[u] + 1
                    q.append(v)
        return order, dist

    def dfs(self, start):
        order, seen = [], set()

        def visit(u):
            seen.add(u)
            order.append(u)
            for v in sorted(self.adj[u]):
                if v not in seen:
                    visit(v)
        visit(start)
        return order

    def dfs_iter(self, start):
        order, seen, stack = [], set(), [start]
        while stack:
            u = stack.pop()
            if u in seen:
                continue
            seen.add(u)
            order.append(u)
            stack.extend(sorted(self.adj[u], reverse=True))
        return order

    def dijkstra(self, src):
        dist = {src: 0}
        prev = {}
        tie = count()
        pq = [(0, next(tie), src)]
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
                    heapq.heappush(pq, (nd, next(tie), v))
        return dist, prev

    def path(self, src, dst):
        dist, prev = self.dijkstra(src)
        if dst not in dist:
            return None, float("inf")
        p = [dst]
        while p[-1] != src:
            p.append(prev[p[-1]])
        return p[::-1], dist[dst]

    def toposort(self):
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
        if len(out) != len(indeg):
            cyc = sorted(u for u, d in indeg.items() if d > 0)
            raise ValueError(f"cycle among {cyc}")
        return out

    def components(self):
        seen, comps = set(), []
        for u in self.nodes():
            if u not in seen:
                comp = self.dfs(u)
                seen.update(comp)
                comps.append(sorted(comp))
        return comps

    def mst_kruskal(self):
        parent = {u: u for u in self.adj}

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x
        total, chosen = 0, []
        for u, v, w in sorted(self.edges(), key=lambda e: (e[2], e[0], e[1])):
            ru, rv = find(u), find(v)
            if ru != rv:
                parent[ru] = rv
                chosen.append((u, v, w))
                total += w
        return total, chosen


g = Graph()
for u, v, w in [("A", "B", 4), ("A", "C", 2), ("B", "C", 5), ("B", "D", 10),
                ("C", "E", 3), ("E", "D", 4), ("D", "F", 11), ("G", "H", 1)]:
    g.add_edge(u, v, w)
print("nodes", g.nodes())
print("bfs", g.bfs("A"))
print("dfs", g.dfs("A"), g.dfs_iter("A"))
dist, _ = g.dijkstra("A")
print("dijkstra", sorted(dist.items()))
print("path A->F", g.path("A", "F"))
print("path A->H", g.path("A", "H"))
print("components", g.components())
print("mst", g.mst_kruskal())

dag = Graph(directed=True)
for u, v in [("shirt", "tie"), ("tie", "jacket"), ("pants", "shoes"), ("pants", "belt"),
             ("belt", "jacket"), ("shirt", "belt"), ("socks", "shoes"), ("undershorts", "pants"),
             ("undershorts", "shoes")]:
    dag.add_edge(u, v)
dag.adj["watch"]
print("topo", dag.toposort())
dag.add_edge("jacket", "shirt")
try:
    dag.toposort()
except ValueError as e:
    print("error:", e)

# grid shortest path with BFS
GRID = """\
S.#.......
.##.####..
....#..#.#
.####.##..
......#..E""".splitlines()
rows, cols = len(GRID), len(GRID[0])
start = next((r, c) for r in range(rows) for c in range(cols) if GRID[r][c] == "S")
end = next((r, c) for r in range(rows) for c in range(cols) if GRID[r][c] == "E")
q = deque([start])
prev = {start: None}
while q:
    cur = q.popleft()
    if cur == end:
        break
    r, c = cur
    for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < rows and 0 <= nc < cols and GRID[nr][nc] != "#" and (nr, nc) not in prev:
            prev[(nr, nc)] = cur
            q.append((nr, nc))
path = []
node = end
while node:
    path.append(node)
    node = prev[node]
canvas = [list(row) for row in GRID]
for r, c in path[1:-1]:
    canvas[r][c] = "*"
print(f"grid path length {len(path) - 1}")
print("\n".join("".join(row) for row in canvas))

# heapq utilities
data = [5, 1, 8, 3, 9, 2, 7]
print(heapq.nsmallest(3, data), heapq.nlargest(2, data, key=lambda x: -x))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9])))
h = []
for x in data:
    heapq.heappush(h, -x)
print([-heapq.heappop(h) for _ in range(3)], heapq.heappushpop(h, -100), heapq.heapreplace(h, 0))
od = OrderedDict.fromkeys("dcba")
od.move_to_end("d")
od.move_to_end("a", last=False)
print(list(od), od.popitem(last=False))
