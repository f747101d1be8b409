# Sudoku solver: constraint propagation with sets plus backtracking search; also a bitmask solver.
PUZZLES = [
    "530070000600195000098000060800060003400803001700020006060000280000419005000080079",
    "003020600900305001001806400008102900700000008006708200002609500800203009005010300",
    "000000010400000000020000000000050407008000300001090000300400200050100000000806000",
]

DIGITS = "123456789"
ROWS = "ABCDEFGHI"
COLS = DIGITS


def cross(a, b):
    return [x + y for x in a for y in b]


SQUARES = cross(ROWS, COLS)
UNITLIST = ([cross(ROWS, c) for c in COLS] + [cross(r, COLS) for r in ROWS]
            + [cross(rs, cs) for rs in ("ABC", "DEF", "GHI") for cs in ("123", "456", "789")])
UNITS = {s: [u for u in UNITLIST if s in u] for s in SQUARES}
PEERS = {s: set(sum(UNITS[s], [])) - {s} for s in SQUARES}


class Contradiction(Exception):
    pass


def assign(values, s, d):
    for other in values[s].replace(d, ""):
        eliminate(values, s, other)
    return values


def eliminate(values, s, d):
    if d not in values[s]:
        return
    values[s] = values[s].replace(d, "")
    if not values[s]:
        raise Contradiction(f"no values left for {s}")
    if len(values[s]) == 1:
        d2 = values[s]
        for p in PEERS[s]:
            eliminate(values, p, d2)
    for u in UNITS[s]:
        places = [q for q in u if d in values[q]]
        if not places:
            raise Contradiction(f"no place for {d} in unit")
        if len(places) == 1:
            assign(values, places[0], d)


def parse(grid):
    values = {s: DIGITS for s in SQUARES}
    for s, ch in zip(SQUARES, grid):
        if ch in DIGITS:
            assign(values, s, ch)
    return values


stats = {"guesses": 0}


def search(values):
    if all(len(values[s]) == 1 for s in SQUARES):
        return values
    n, s = min((len(values[s]), s) for s in SQUARES if len(values[s]) > 1)
    for d in values[s]:
        stats["guesses"] += 1
        try:
            return search(assign(dict(values), s, d))
        except Contradiction:
            continue
    raise Contradiction("dead end")


def render(values):
    lines = []
    for i, r in enumerate(ROWS):
        if i in (3, 6):
            lines.append("------+-------+------")
        row = ""
        for j, c in enumerate(COLS):
            if j in (3, 6):
                row += "| "
            row += values[r + c] + " "
        lines.append(row.rstrip())
    return "\n".join(lines)


def valid(values):
    return all(sorted(values[s] for s in u) == list(DIGITS) for u in UNITLIST)


# --- a second, independent solver on a flat list with bitmasks -------------

def bit_solve(grid):
    cells = [int(c) for c in grid]
    rows = [0] * 9
    cols = [0] * 9
    boxes = [0] * 9
    empty = []
    for i, v in enumerate(cells):
        r, c = divmod(i, 9)
        b = (r // 3) * 3 + c // 3
        if v:
            bit = 1 << v
            if rows[r] & bit or cols[c] & bit or boxes[b] & bit:
                return None
            rows[r] |= bit
            cols[c] |= bit
            boxes[b] |= bit
        else:
            empty.append((i, r, c, b))

    def rec(k):
        if k == len(empty):
            return True
        # choose most constrained remaining cell
        best = min(range(k, len(empty)),
                   key=lambda j: bin(rows[empty[j][1]] | cols[empty[j][2]] | boxes[empty[j][3]]).count("1") * -1)
        empty[k], empty[best] = empty[best], empty[k]
        i, r, c, b = empty[k]
        used = rows[r] | cols[c] | boxes[b]
        for v in range(1, 10):
            bit = 1 << v
            if not used & bit:
                cells[i] = v
                rows[r] |= bit
                cols[c] |= bit
                boxes[b] |= bit
                if rec(k + 1):
                    return True
                rows[r] &= ~bit
                cols[c] &= ~bit
                boxes[b] &= ~bit
        cells[i] = 0
        empty[k], empty[best] = empty[best], empty[k]
        return False

    return "".join(map(str, cells)) if rec(0) else None


for n, p in enumerate(PUZZLES[:2], 1):
    stats["guesses"] = 0
    sol = search(parse(p))
    flat = "".join(sol[s] for s in SQUARES)
    print(f"puzzle {n}: valid={valid(sol)} guesses={stats['guesses']}")
    print(render(sol))
    print("bitmask agrees:", bit_solve(p) == flat)
    print()

print(len(SQUARES), len(UNITLIST), len(PEERS["C2"]), sorted(PEERS["A1"])[:5])
try:
    parse("11" + "0" * 79)
except Contradiction as e:
    print("Contradiction:", e)
print(bit_solve("11" + "0" * 79))
hard = parse(PUZZLES[2])
print(sum(len(v) for v in hard.values()), "candidates after propagation")
print(sorted({len(v) for v in hard.values()}))
