# Richards: Martin Richards' simulation of an operating-system kernel
# scheduling six tasks (idle, worker, two handlers, two devices) that pass
# packets to each other. One round is the standard configuration (idle task
# count 10000); each round is checked against the standard answers: 23246
# packets queued and 9297 self-holds.
import benchlib

BENCH = {"kind": "single", "scale": 30, "quick": 2,
         "about": "object-oriented scheduler: attribute access, calls, linked lists"}

IDLE = 1
WORKER = 2
HANDLER_A = 3
HANDLER_B = 4
DEVICE_A = 5
DEVICE_B = 6

KIND_DEVICE = 0
KIND_WORK = 1

PKT_BIT = 1
WAIT_BIT = 2
HOLD_BIT = 4

RUN = 0
RUN_PKT = 1
WAIT = 2
WAIT_PKT = 3

DATA_SIZE = 4
LETTERS = "0ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.count = 0
        self.data = [0] * DATA_SIZE


def append_packet(pkt, queue):
    """Append pkt at the end of the queue starting at `queue`; return the head."""
    pkt.link = None
    if queue is None:
        return pkt
    tail = queue
    while tail.link is not None:
        tail = tail.link
    tail.link = pkt
    return queue


class Task:
    def __init__(self, kernel, ident, priority, queue, state, v1, v2):
        self.kernel = kernel
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.state = state
        self.v1 = v1
        self.v2 = v2
        self.link = kernel.tasks
        kernel.tasks = self
        kernel.table[ident] = self

    def run(self, pkt):
        raise NotImplementedError


class IdleTask(Task):
    def run(self, pkt):
        k = self.kernel
        self.v2 -= 1
        if self.v2 == 0:
            return k.hold_self()
        if self.v1 & 1 == 0:
            self.v1 = self.v1 >> 1
            return k.release(DEVICE_A)
        self.v1 = (self.v1 >> 1) ^ 0xD008
        return k.release(DEVICE_B)


class WorkerTask(Task):
    def run(self, pkt):
        k = self.kernel
        if pkt is None:
            return k.wait()
        self.v1 = HANDLER_A + HANDLER_B - self.v1
        pkt.ident = self.v1
        pkt.count = 0
        for i in range(DATA_SIZE):
            self.v2 += 1
            if self.v2 > 26:
                self.v2 = 1
            pkt.data[i] = LETTERS[self.v2]
        return k.queue_packet(pkt)


class HandlerTask(Task):
    # v1: queue of work packets, v2: queue of device packets
    def run(self, pkt):
        k = self.kernel
        if pkt is not None:
            if pkt.kind == KIND_WORK:
                self.v1 = append_packet(pkt, self.v1)
            else:
                self.v2 = append_packet(pkt, self.v2)
        if self.v1 is not None:
            work = self.v1
            count = work.count
            if count >= DATA_SIZE:
                self.v1 = work.link
                return k.queue_packet(work)
            if self.v2 is not None:
                dev = self.v2
                self.v2 = dev.link
                dev.count = work.data[count]
                work.count = count + 1
                return k.queue_packet(dev)
        return k.wait()


class DeviceTask(Task):
    # v1: the packet being "transmitted"
    def run(self, pkt):
        k = self.kernel
        if pkt is None:
            if self.v1 is None:
                return k.wait()
            pkt = self.v1
            self.v1 = None
            return k.queue_packet(pkt)
        self.v1 = pkt
        return k.hold_self()


class Kernel:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 7
        self.current = None
        self.queue_count = 0
        self.hold_count = 0

    def wait(self):
        self.current.state |= WAIT_BIT
        return self.current

    def hold_self(self):
        self.hold_count += 1
        self.current.state |= HOLD_BIT
        return self.current.link

    def release(self, ident):
        t = self.table[ident]
        t.state &= ~HOLD_BIT
        if t.priority > self.current.priority:
            return t
        return self.current

    def queue_packet(self, pkt):
        t = self.table[pkt.ident]
        self.queue_count += 1
        pkt.link = None
        pkt.ident = self.current.ident
        if t.queue is None:
            t.queue = pkt
            t.state |= PKT_BIT
            if t.priority > self.current.priority:
                return t
        else:
            append_packet(pkt, t.queue)
        return self.current

    def schedule(self):
        t = self.tasks
        while t is not None:
            state = t.state
            if state == WAIT_PKT:
                pkt = t.queue
                t.queue = pkt.link
                if t.queue is None:
                    t.state = RUN
                else:
                    t.state = RUN_PKT
                self.current = t
                t = t.run(pkt)
            elif state == RUN or state == RUN_PKT:
                self.current = t
                t = t.run(None)
            else:
                t = t.link


def one_round():
    k = Kernel()
    IdleTask(k, IDLE, 0, None, RUN, 1, 10000)
    q = Packet(None, 0, KIND_WORK)
    q = Packet(q, 0, KIND_WORK)
    WorkerTask(k, WORKER, 1000, q, WAIT_PKT, HANDLER_A, 0)
    q = Packet(None, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    HandlerTask(k, HANDLER_A, 2000, q, WAIT_PKT, None, None)
    q = Packet(None, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    HandlerTask(k, HANDLER_B, 3000, q, WAIT_PKT, None, None)
    DeviceTask(k, DEVICE_A, 4000, None, WAIT, None, None)
    DeviceTask(k, DEVICE_B, 5000, None, WAIT, None, None)
    k.schedule()
    return k.queue_count, k.hold_count


def main():
    rounds = benchlib.parse_args({"scale": BENCH["scale"]})["scale"]
    results = []
    start = benchlib.clock()
    for _ in range(rounds):
        results.append(one_round())
    elapsed = benchlib.clock() - start
    for r in results:
        benchlib.check_equal(r, (23246, 9297), "(packets queued, holds)")
    benchlib.report(elapsed)


main()
