class P:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return isinstance(o, P) and self.x == o.x
    def __hash__(self): return hash(self.x)
    def __repr__(self): return f"P({self.x})"
s = {P(1), P(1), P(2)}
print(len(s), P(1) in s, sorted(s, key=lambda p: p.x))
s.remove(P(2))
print(s)
print({1, 1.0, True}, {0, 0.0, False, -0.0}, len({"a", "a"}), {(1, 2), (1, 2)})
