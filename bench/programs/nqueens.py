# N-queens: count all placements of n queens on an n x n board by
# backtracking with sets of attacked columns and diagonals. Checked against
# the known number of solutions (OEIS A000170).
import benchlib

BENCH = {"kind": "single", "scale": 12, "quick": 8,
         "about": "backtracking over sets and lists, recursion"}

KNOWN = {1: 1, 2: 0, 3: 0, 4: 2, 5: 10, 6: 4, 7: 40, 8: 92, 9: 352,
         10: 724, 11: 2680, 12: 14200}


def solve(n):
    solutions = []
    cols = set()
    diag1 = set()
    diag2 = set()
    placed = []

    def place(row):
        if row == n:
            solutions.append(tuple(placed))
            return
        for col in range(n):
            if col in cols or (row + col) in diag1 or (row - col) in diag2:
                continue
            cols.add(col)
            diag1.add(row + col)
            diag2.add(row - col)
            placed.append(col)
            place(row + 1)
            placed.pop()
            cols.remove(col)
            diag1.remove(row + col)
            diag2.remove(row - col)

    place(0)
    return solutions


def valid(solution):
    n = len(solution)
    for r1 in range(n):
        for r2 in range(r1 + 1, n):
            c1 = solution[r1]
            c2 = solution[r2]
            if c1 == c2 or abs(c1 - c2) == r2 - r1:
                return False
    return True


def main():
    n = benchlib.parse_args({"scale": BENCH["scale"]})["scale"]
    benchlib.check(n in KNOWN, "scale must be between 1 and 12")
    start = benchlib.clock()
    solutions = solve(n)
    elapsed = benchlib.clock() - start
    benchlib.check_equal(len(solutions), KNOWN[n], "number of solutions")
    benchlib.check_equal(len(set(solutions)), KNOWN[n], "distinct solutions")
    for s in solutions:
        benchlib.check(valid(s), "invalid placement " + repr(s))
    benchlib.report(elapsed)


main()
