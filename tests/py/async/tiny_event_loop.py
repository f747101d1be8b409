import types
from collections import deque
@types.coroutine
def sleep(ticks):
    for _ in range(ticks):
        yield
class Loop:
    def __init__(self):
        self.ready = deque()
        self.results = {}
    def spawn(self, name, coro):
        self.ready.append((name, coro))
    def run(self):
        while self.ready:
            name, coro = self.ready.popleft()
            try:
                coro.send(None)
            except StopIteration as e:
                self.results[name] = e.value
                print(f"{name} finished -> {e.value}")
            else:
                self.ready.append((name, coro))
async def worker(name, n, log):
    total = 0
    for i in range(n):
        log.append(f"{name}{i}")
        total += i
        await sleep(1)
    return total
log = []
loop = Loop()
loop.spawn("A", worker("a", 3, log))
loop.spawn("B", worker("b", 1, log))
loop.spawn("C", worker("c", 2, log))
loop.run()
print(log)
print(loop.results)
