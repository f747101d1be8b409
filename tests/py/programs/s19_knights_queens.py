# Backtracking solvers: N-queens, knight's tour (Warnsdorff), sudoku, subset sum,
# and a word-search. Written like a competitive programmer's scratch file.
import sys
sys.setrecursionlimit(5000)


def queens(n):
    sols = []
    cols = [0] * n
    used_c, used_d1, used_d2 = set(), set(), set()

    def place(r):
        if r == n:
            sols.append(cols[:])
            return
        for c in range(n):
            if c in used_c or r - c in used_d1 or r + c in used_d2:
                continue
            cols[r] = c
            used_c.add(c); used_d1.add(r - c); used_d2.add(r + c)
            place(r + 1)
            used_c.discard(c); used_d1.discard(r - c); used_d2.discard(r + c)

    place(0)
    return sols


for n in range(1, 9):
    print(n, len(queens(n)))
s = queens(8)[0]
for r in range(8):
    print(" ".join("Q" if s[r] == c else "." for c in range(8)))


def knights_tour(n, start=(0, 0)):
    moves = [(2, 1), (1, 2), (-1, 2), (-2, 1), (-2, -1), (-1, -2), (1, -2), (2, -1)]
    board = [[0] * n for _ in range(n)]

    def ok(r, c):
        return 0 <= r < n and 0 <= c < n and board[r][c] == 0

    def degree(r, c):
        return sum(ok(r + dr, c + dc) for dr, dc in moves)

    r, c = start
    board[r][c] = 1
    for step in range(2, n * n + 1):
        options = [(degree(r + dr, c + dc), r + dr, c + dc) for dr, dc in moves if ok(r + dr, c + dc)]
        if not options:
            return None
        _, r, c = min(options)
        board[r][c] = step
    return board


b = knights_tour(6)
print("\n".join(" ".join(f"{v:2}" for v in row) for row in b))
print(knights_tour(3))

PUZZLE = """
53..7....
6..195...
.98....6.
8...6...3
4..8.3..1
7...2...6
.6....28.
...419..5
....8..79
"""


def solve_sudoku(grid):
    for i in range(81):
        if grid[i] == 0:
            r, c = divmod(i, 9)
            br, bc = 3 * (r // 3), 3 * (c // 3)
            used = {grid[r * 9 + k] for k in range(9)} | {grid[k * 9 + c] for k in range(9)} | {
                grid[(br + dr) * 9 + bc + dc] for dr in range(3) for dc in range(3)}
            for v in range(1, 10):
                if v not in used:
                    grid[i] = v
                    if solve_sudoku(grid):
                        return True
            grid[i] = 0
            return False
    return True


grid = [int(ch) if ch.isdigit() else 0 for ch in PUZZLE if ch in "0123456789."]
assert len(grid) == 81, len(grid)
print(solve_sudoku(grid))
for r in range(9):
    row = grid[r * 9:(r + 1) * 9]
    print(" ".join("".join(map(str, row[k:k + 3])) for k in (0, 3, 6)))
    if r in (2, 5):
        print("-" * 11)


def subset_sum(nums, target):
    nums = sorted(nums, reverse=True)
    out = []

    def go(i, remaining, chosen):
        if remaining == 0:
            out.append(tuple(chosen))
            return
        if i == len(nums) or remaining < 0:
            return
        go(i + 1, remaining - nums[i], chosen + [nums[i]])
        go(i + 1, remaining, chosen)

    go(0, target, [])
    return sorted(set(out))


print(subset_sum([3, 34, 4, 12, 5, 2, 7, 8], 15))

WORDS = ["PYTHON", "CODE", "LOOP", "HEAP", "TREE", "MISSING"]
GRID = ["PYTHONX", "XCODEXE", "LOOPXEH", "XXXXRAX", "TREETXP"]


def find_word(word):
    R, C = len(GRID), len(GRID[0])
    for r in range(R):
        for c in range(C):
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    if (dr, dc) == (0, 0):
                        continue
                    if all(0 <= r + k * dr < R and 0 <= c + k * dc < C and GRID[r + k * dr][c + k * dc] == ch
                           for k, ch in enumerate(word)):
                        return (r, c, (dr, dc))
    return None


for w in WORDS:
    print(w, find_word(w))


def hanoi(n, a="A", b="B", c="C", moves=None):
    if moves is None:
        moves = []
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves


print(len(hanoi(10)), hanoi(3))


def perms(s):
    if len(s) <= 1:
        return [s]
    return sorted({s[i] + p for i in range(len(s)) for p in perms(s[:i] + s[i + 1:])})


print(perms("aabc"))


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


print([ackermann(2, n) for n in range(5)], ackermann(3, 3))


def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)


print(deep(4000))
sys.setrecursionlimit(100)
try:
    deep(200)
except RecursionError as e:
    print("RecursionError:", e)
