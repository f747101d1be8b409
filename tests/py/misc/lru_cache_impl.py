class Node:
    __slots__ = ("key", "val", "prev", "next")
    def __init__(self, key=None, val=None):
        self.key, self.val, self.prev, self.next = key, val, None, None
class LRU:
    def __init__(self, cap):
        self.cap, self.map = cap, {}
        self.head, self.tail = Node(), Node()
        self.head.next, self.tail.prev = self.tail, self.head
    def _unlink(self, n):
        n.prev.next, n.next.prev = n.next, n.prev
    def _push(self, n):
        n.next, n.prev = self.head.next, self.head
        self.head.next.prev = n
        self.head.next = n
    def get(self, k):
        n = self.map.get(k)
        if n is None:
            return -1
        self._unlink(n); self._push(n)
        return n.val
    def put(self, k, v):
        if k in self.map:
            self._unlink(self.map[k])
        n = Node(k, v)
        self.map[k] = n
        self._push(n)
        if len(self.map) > self.cap:
            lru = self.tail.prev
            self._unlink(lru)
            del self.map[lru.key]
    def keys(self):
        out, n = [], self.head.next
        while n is not self.tail:
            out.append(n.key); n = n.next
        return out
c = LRU(3)
for k in "abc":
    c.put(k, ord(k))
print(c.keys(), c.get("a"), c.keys())
c.put("d", 100)
print(c.keys(), c.get("b"), c.get("c"))
c.put("a", 1)
print(c.keys(), c.get("a"))
