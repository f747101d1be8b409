# Chaos game: iterate a random choice among the four affine maps of
# Barnsley's fern (choices from a fixed-seed LCG, so every interpreter draws
# the same sequence), and rasterise the orbit into a grid. Checked by: every
# point stays inside the attractor's known bounding box; the hit counts add
# up; and, at the standard sizes, the number of lit pixels equals what
# CPython computes.
import benchlib

BENCH = {"kind": "single", "scale": 1500000, "quick": 10000,
         "about": "method calls on small objects, float math, 2-D grid"}

# scale: number of lit pixels (computed with CPython 3.11)
KNOWN = {10000: 5768, 1500000: 16027}

WIDTH = 160
HEIGHT = 240


class Affine:
    def __init__(self, a, b, c, d, e, f, weight):
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.e = e
        self.f = f
        self.weight = weight

    def apply(self, point):
        x = point[0]
        y = point[1]
        return (self.a * x + self.b * y + self.e, self.c * x + self.d * y + self.f)


class Fern:
    def __init__(self):
        self.maps = [
            Affine(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 1),
            Affine(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 85),
            Affine(0.20, -0.26, 0.23, 0.22, 0.0, 1.6, 7),
            Affine(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 7),
        ]
        self.table = []
        for m in self.maps:
            for _ in range(m.weight):
                self.table.append(m)

    def pick(self, rng):
        return self.table[rng.next_int(len(self.table))]


class Canvas:
    def __init__(self, width, height):
        self.width = width
        self.height = height
        self.rows = []
        for _ in range(height):
            self.rows.append([0] * width)

    def plot(self, point):
        col = int((point[0] + 2.25) / 5.0 * (self.width - 1))
        row = int(point[1] / 10.0 * (self.height - 1))
        self.rows[row][col] += 1

    def lit(self):
        count = 0
        for row in self.rows:
            for v in row:
                if v:
                    count += 1
        return count

    def total(self):
        s = 0
        for row in self.rows:
            s += sum(row)
        return s


def run(iterations):
    rng = benchlib.Lcg(1234)
    fern = Fern()
    canvas = Canvas(WIDTH, HEIGHT)
    point = (0.0, 0.0)
    for i in range(iterations):
        point = fern.pick(rng).apply(point)
        x = point[0]
        y = point[1]
        if not (-2.2 <= x <= 2.7 and 0.0 <= y <= 10.0):
            benchlib.fail("point " + repr(point) + " left the fern's bounding box")
        canvas.plot(point)
    return canvas


def main():
    n = benchlib.parse_args({"scale": BENCH["scale"]})["scale"]
    start = benchlib.clock()
    canvas = run(n)
    elapsed = benchlib.clock() - start
    benchlib.check_equal(canvas.total(), n, "hits")
    lit = canvas.lit()
    if n in KNOWN:
        benchlib.check_equal(lit, KNOWN[n], "lit pixels")
    benchlib.check(lit > 100, "too few lit pixels: " + str(lit))
    print("lit pixels: " + str(lit))
    benchlib.report(elapsed)


main()
