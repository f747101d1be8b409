# pickle: pickle.dumps and pickle.loads of a list of small records (dicts of
# ints, floats, strs, bools, None, tuples and nested lists/dicts) and of
# instances of a plain class, with protocols 2 to 5, as multiprocessing
# queues, caches and process pools do them. Checked: every round trip gives
# the records back, and the pickles have the expected lengths.
import pickle
import benchlib

BENCH = {"kind": "single", "scale": 4, "quick": 1,
         "about": "pickle.dumps/pickle.loads of 4,000 records and 1,000 instances, protocols 2-5"}


class Point:
    def __init__(self, x, y, label):
        self.x = x
        self.y = y
        self.label = label

    def __eq__(self, other):
        return (type(other) is Point and self.x == other.x and self.y == other.y
                and self.label == other.label)


def make_records(n):
    return [{"id": i, "name": "item %d" % i, "price": i * 1.25, "ok": i % 3 == 0,
             "tags": ("a", "b", "caf\u00e9"), "parent": None if i % 2 else i - 1,
             "dims": {"w": i % 7, "h": [2.5, i, -i]}, "big": 2 ** 70 + i}
            for i in range(n)]


def make_points(n):
    return [Point(i, i * 0.5, "p%d" % (i % 10)) for i in range(n)]


EXPECTED_LENGTHS = {2: 497449, 3: 497449, 4: 407152, 5: 407152}


def main():
    rounds = benchlib.parse_args({"scale": BENCH["scale"]})["scale"]
    records = make_records(4000)
    points = make_points(1000)
    data = [records, points]
    lengths = {}
    start = benchlib.clock()
    for _ in range(rounds):
        for proto in (2, 3, 4, 5):
            blob = pickle.dumps(data, protocol=proto)
            back = pickle.loads(blob)
            lengths[proto] = len(blob)
    elapsed = benchlib.clock() - start
    benchlib.check(back == data, "round trip")
    for proto in (2, 3, 4, 5):
        benchlib.check_equal(lengths[proto], EXPECTED_LENGTHS[proto], "pickle length, protocol %d" % proto)
    benchlib.report(elapsed, ops=rounds * 4 * (len(records) + len(points)))


main()
