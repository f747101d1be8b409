class Color:
    RED, GREEN, BLUE = range(3)
    names = {0: "RED", 1: "GREEN", 2: "BLUE"}
    @classmethod
    def name_of(cls, v): return cls.names[v]
print(Color.GREEN, Color.name_of(Color.BLUE))
class Counter:
    _next = 0
    def __init__(self):
        Counter._next += 1
        self.id = Counter._next
print([Counter().id for _ in range(3)])
