"""Discrete-event simulation of a bank branch: customers arrive, queue for
tellers, get served; seeded randomness, heapq event queue, dataclass(order=True)
events, statistics at the end."""
import heapq
import random
import statistics
from dataclasses import dataclass, field
from enum import Enum, auto
from collections import deque, Counter


class Kind(Enum):
    ARRIVE = auto()
    DONE = auto()
    BREAK = auto()
    RETURN = auto()


@dataclass(order=True)
class Event:
    time: float
    seq: int
    kind: Kind = field(compare=False)
    data: dict = field(compare=False, default_factory=dict)


@dataclass
class Customer:
    id: int
    arrived: float
    needs: str
    started: float | None = None
    finished: float | None = None

    @property
    def wait(self):
        return self.started - self.arrived


@dataclass
class Teller:
    name: str
    speed: float
    busy_with: Customer | None = None
    on_break: bool = False
    served: int = 0
    busy_time: float = 0.0


class Simulation:
    def __init__(self, seed, tellers, hours=2.0):
        self.rng = random.Random(seed)
        self.now = 0.0
        self.events = []
        self.seq = 0
        self.queue = deque()
        self.tellers = tellers
        self.customers = []
        self.end = hours * 60
        self.log = []

    def schedule(self, delay, kind, **data):
        self.seq += 1
        heapq.heappush(self.events, Event(self.now + delay, self.seq, kind, data))

    def run(self):
        self.schedule(self.rng.expovariate(1 / 1.5), Kind.ARRIVE)
        self.schedule(45, Kind.BREAK, teller=self.tellers[0])
        while self.events:
            ev = heapq.heappop(self.events)
            self.now = ev.time
            handler = getattr(self, "on_" + ev.kind.name.lower())
            handler(**ev.data)
        return self

    def on_arrive(self):
        if self.now > self.end:
            return
        c = Customer(len(self.customers) + 1, self.now, self.rng.choices(["deposit", "loan", "query"], [6, 1, 3])[0])
        self.customers.append(c)
        self.queue.append(c)
        self.dispatch()
        self.schedule(self.rng.expovariate(1 / 1.5), Kind.ARRIVE)

    def on_done(self, teller):
        c = teller.busy_with
        c.finished = self.now
        teller.busy_time += c.finished - c.started
        teller.served += 1
        teller.busy_with = None
        if len(self.log) < 8:
            self.log.append(f"{self.now:7.2f}  {teller.name:<5} finished #{c.id:<3} ({c.needs}, waited {c.wait:.2f})")
        self.dispatch()

    def on_break(self, teller):
        teller.on_break = True
        self.log.append(f"{self.now:7.2f}  {teller.name} goes on break (queue {len(self.queue)})")
        self.schedule(15, Kind.RETURN, teller=teller)

    def on_return(self, teller):
        teller.on_break = False
        self.log.append(f"{self.now:7.2f}  {teller.name} is back")
        self.dispatch()

    def dispatch(self):
        for t in self.tellers:
            if not self.queue:
                return
            if t.busy_with is None and not t.on_break:
                c = self.queue.popleft()
                c.started = self.now
                t.busy_with = c
                base = {"deposit": 2.0, "loan": 9.0, "query": 3.5}[c.needs]
                self.schedule(self.rng.gauss(base, base / 4) / t.speed if base else 1, Kind.DONE, teller=t)


for n_tellers in (2, 3):
    tellers = [Teller(name, speed) for name, speed in list(zip(["Ann", "Bob", "Cy"], [1.0, 1.2, 0.8]))[:n_tellers]]
    sim = Simulation(seed=1234, tellers=tellers).run()
    done = [c for c in sim.customers if c.finished is not None]
    waits = [c.wait for c in done]
    print(f"=== {n_tellers} tellers: {len(sim.customers)} customers, {len(done)} served, ends at {sim.now:.2f}")
    print("\n".join(sim.log))
    print(f"wait mean {statistics.mean(waits):.3f}  median {statistics.median(waits):.3f}  "
          f"stdev {statistics.stdev(waits):.3f}  max {max(waits):.3f}")
    print("p90 wait", round(statistics.quantiles(waits, n=10)[-1], 3))
    for t in sim.tellers:
        print(f"  {t.name:<4} served {t.served:>3}  utilisation {t.busy_time / sim.now:6.1%}")
    print("  needs:", sorted(Counter(c.needs for c in sim.customers).items()))
    slowest = max(done, key=lambda c: c.finished - c.arrived)
    print("  slowest:", slowest, f"{slowest.finished - slowest.arrived:.2f}")

e1, e2 = Event(1.0, 1, Kind.DONE), Event(1.0, 2, Kind.ARRIVE)
print(e1 < e2, sorted([e2, e1])[0].seq, e1 == Event(1.0, 1, Kind.ARRIVE), Kind.DONE, Kind(2), Kind.DONE.value)
rng = random.Random(99)
print([round(rng.gauss(0, 1), 6) for _ in range(3)], rng.sample("abcdefgh", 3), rng.randrange(10, 100, 5), round(rng.vonmisesvariate(0, 4), 6))
