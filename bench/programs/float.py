# Float: make many small Point objects from sin/cos, normalise each, and take
# the component-wise maximum. Checked against the same maxima computed
# directly with plain floats (no objects), which must agree exactly.
import math
import benchlib

BENCH = {"kind": "single", "scale": 150000, "quick": 5000,
         "about": "allocating float-holding objects, math.sin/cos/sqrt"}


class Point:
    def __init__(self, i):
        self.x = x = math.sin(i)
        self.y = math.cos(i) * 3
        self.z = (x * x) / 2

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = math.sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def run(n):
    points = []
    for i in range(n):
        points.append(Point(i))
    for p in points:
        p.normalize()
    best = points[0]
    for p in points[1:]:
        best = best.maximize(p)
    return best


def reference(n):
    mx = my = mz = None
    for i in range(n):
        x = math.sin(i)
        y = math.cos(i) * 3
        z = (x * x) / 2
        norm = math.sqrt(x * x + y * y + z * z)
        x = x / norm
        y = y / norm
        z = z / norm
        if mx is None:
            mx, my, mz = x, y, z
        else:
            mx = max(mx, x)
            my = max(my, y)
            mz = max(mz, z)
    return mx, my, mz


def main():
    n = benchlib.parse_args({"scale": BENCH["scale"]})["scale"]
    start = benchlib.clock()
    # Three rounds, as objects are freed between them.
    for _ in range(3):
        best = run(n)
    elapsed = benchlib.clock() - start
    got = (best.x, best.y, best.z)
    benchlib.check_equal(got, reference(n), "component-wise maximum")
    benchlib.check(0.0 < best.x < 1.0 and 0.0 < best.y <= 1.0, "maximum out of range")
    benchlib.report(elapsed)


main()
