import heapq
class Scheduler:
    def __init__(self):
        self.now = 0
        self.queue = []
        self.seq = 0
        self.log = []
    def at(self, t, name, action=None):
        heapq.heappush(self.queue, (t, self.seq, name, action))
        self.seq += 1
    def run(self):
        while self.queue:
            t, _, name, action = heapq.heappop(self.queue)
            self.now = t
            self.log.append(f"t={t:>3} {name}")
            if action:
                action(self)
def spawn_child(s):
    s.at(s.now + 5, "child")
def repeat(n):
    def act(s):
        if n > 0:
            s.at(s.now + 10, f"tick{n}", repeat(n - 1))
    return act
s = Scheduler()
s.at(20, "late")
s.at(1, "early", spawn_child)
s.at(1, "early-2")
s.at(0, "tick3", repeat(2))
s.run()
print("\n".join(s.log))
