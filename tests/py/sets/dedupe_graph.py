edges = [("a", "b"), ("b", "c"), ("c", "a"), ("d", "e"), ("a", "b")]
nodes = set()
for u, v in edges:
    nodes |= {u, v}
print(sorted(nodes), len(set(edges)))
adj = {n: set() for n in nodes}
for u, v in edges:
    adj[u].add(v); adj[v].add(u)
def component(start):
    seen, stack = set(), [start]
    while stack:
        n = stack.pop()
        if n not in seen:
            seen.add(n)
            stack.extend(adj[n] - seen)
    return seen
comps = []
remaining = set(nodes)
while remaining:
    c = component(min(remaining))
    comps.append(sorted(c))
    remaining -= c
print(comps)
