# Go: random playouts on a 9x9 Go board with the real rules (captures, no
# suicide, simple ko, players do not fill their own single-point eyes), and
# area scoring at the end. The choices come from a fixed-seed LCG, so every
# interpreter plays the same games. Checked after every game: no group on
# the board is without liberties, stones placed minus stones captured equals
# stones on the board, and the score covers the whole board; at the standard
# sizes the total score equals what CPython computes.
import benchlib

BENCH = {"kind": "single", "scale": 120, "quick": 6,
         "about": "board game playouts: flood fill, lists, small methods"}

# scale: (black points, white points) summed over all games (CPython 3.11)
KNOWN = {6: (206, 280), 120: (5186, 4534)}

SIZE = 9
STRIDE = SIZE + 2
EMPTY = 0
BLACK = 1
WHITE = 2
EDGE = 3
DIRS = (1, -1, STRIDE, -STRIDE)


class Board:
    def __init__(self):
        self.cells = [EDGE] * (STRIDE * STRIDE)
        self.points = []
        for row in range(1, SIZE + 1):
            for col in range(1, SIZE + 1):
                p = row * STRIDE + col
                self.cells[p] = EMPTY
                self.points.append(p)
        self.ko = -1
        self.placed = [0, 0, 0]
        self.captured = [0, 0, 0]

    def group(self, start):
        """Return (stones, liberty count) of the group at start."""
        cells = self.cells
        color = cells[start]
        seen = {start}
        stack = [start]
        stones = []
        liberties = set()
        while stack:
            p = stack.pop()
            stones.append(p)
            for d in DIRS:
                q = p + d
                c = cells[q]
                if c == color:
                    if q not in seen:
                        seen.add(q)
                        stack.append(q)
                elif c == EMPTY:
                    liberties.add(q)
        return stones, len(liberties)

    def is_own_eye(self, p, color):
        cells = self.cells
        for d in DIRS:
            c = cells[p + d]
            if c != color and c != EDGE:
                return False
        return True

    def try_play(self, p, color):
        """Play color at p if legal; return True if played."""
        cells = self.cells
        if cells[p] != EMPTY or p == self.ko:
            return False
        other = BLACK + WHITE - color
        cells[p] = color
        removed = []
        for d in DIRS:
            q = p + d
            if cells[q] == other:
                stones, libs = self.group(q)
                if libs == 0:
                    for s in stones:
                        cells[s] = EMPTY
                        removed.append(s)
        stones, libs = self.group(p)
        if libs == 0:
            # Suicide: undo (nothing was captured, or libs would be > 0).
            cells[p] = EMPTY
            return False
        self.placed[color] += 1
        self.captured[other] += len(removed)
        if len(removed) == 1 and len(stones) == 1 and libs == 1:
            self.ko = removed[0]
        else:
            self.ko = -1
        return True

    def score(self):
        cells = self.cells
        result = [0, 0, 0]
        seen = set()
        for p in self.points:
            c = cells[p]
            if c != EMPTY:
                result[c] += 1
            elif p not in seen:
                # An empty region counts for a colour if only it borders it.
                region = [p]
                seen.add(p)
                borders = set()
                i = 0
                while i < len(region):
                    r = region[i]
                    i += 1
                    for d in DIRS:
                        q = r + d
                        cq = cells[q]
                        if cq == EMPTY:
                            if q not in seen:
                                seen.add(q)
                                region.append(q)
                        elif cq != EDGE:
                            borders.add(cq)
                if len(borders) == 1:
                    for owner in borders:
                        result[owner] += len(region)
                else:
                    result[EMPTY] += len(region)
        return result

    def check(self):
        stones = [0, 0, 0]
        for p in self.points:
            c = self.cells[p]
            if c != EMPTY:
                stones[c] += 1
                if self.group(p)[1] == 0:
                    benchlib.fail("group without liberties at " + str(p))
        for color in (BLACK, WHITE):
            benchlib.check_equal(stones[color],
                                 self.placed[color] - self.captured[color],
                                 "stones on board")


def playout(rng):
    board = Board()
    color = BLACK
    passes = 0
    moves = 0
    candidates = board.points[:]
    while passes < 2 and moves < 3 * SIZE * SIZE:
        # Shuffle the candidate points, then take the first legal one.
        n = len(candidates)
        for i in range(n - 1, 0, -1):
            j = rng.next_int(i + 1)
            candidates[i], candidates[j] = candidates[j], candidates[i]
        played = False
        for p in candidates:
            if board.cells[p] == EMPTY and not board.is_own_eye(p, color):
                if board.try_play(p, color):
                    played = True
                    break
        if played:
            passes = 0
        else:
            passes += 1
        moves += 1
        color = BLACK + WHITE - color
    return board


def main():
    games = benchlib.parse_args({"scale": BENCH["scale"]})["scale"]
    rng = benchlib.Lcg(2024)
    boards = []
    start = benchlib.clock()
    for _ in range(games):
        boards.append(playout(rng))
    elapsed = benchlib.clock() - start
    black = white = 0
    for b in boards:
        b.check()
        s = b.score()
        benchlib.check_equal(s[0] + s[1] + s[2], SIZE * SIZE, "score covers the board")
        black += s[BLACK]
        white += s[WHITE]
    if games in KNOWN:
        benchlib.check_equal((black, white), KNOWN[games], "total score")
    print("score: " + str(black) + " " + str(white))
    benchlib.report(elapsed)


main()
