import math
def winner(b):
    lines = [(0,1,2),(3,4,5),(6,7,8),(0,3,6),(1,4,7),(2,5,8),(0,4,8),(2,4,6)]
    for a,c,d in lines:
        if b[a] != ' ' and b[a] == b[c] == b[d]: return b[a]
    return None
def minimax(b, player, memo={}):
    key = (''.join(b), player)
    if key in memo: return memo[key]
    w = winner(b)
    if w == 'X': return (1, None)
    if w == 'O': return (-1, None)
    if ' ' not in b: return (0, None)
    best = (-math.inf, None) if player == 'X' else (math.inf, None)
    for i in range(9):
        if b[i] == ' ':
            b[i] = player
            s, _ = minimax(b, 'O' if player == 'X' else 'X')
            b[i] = ' '
            if (player == 'X' and s > best[0]) or (player == 'O' and s < best[0]):
                best = (s, i)
    memo[key] = best
    return best
def show(b):
    print('\n-+-+-\n'.join('|'.join(b[r*3:r*3+3]) for r in range(3)))
b = [' '] * 9
p = 'X'
while winner(b) is None and ' ' in b:
    _, m = minimax(b, p)
    b[m] = p
    p = 'O' if p == 'X' else 'X'
show(b); print("winner:", winner(b))

def queens(n):
    def place(row, cols, d1, d2):
        if row == n: yield (); return
        for c in range(n):
            if c in cols or row - c in d1 or row + c in d2: continue
            for rest in place(row + 1, cols | {c}, d1 | {row - c}, d2 | {row + c}):
                yield (c,) + rest
    yield from place(0, frozenset(), frozenset(), frozenset())
for n in range(1, 9): print(n, sum(1 for _ in queens(n)))
g = queens(8); print(next(g)); print(next(g))
sol = next(queens(6))
for c in sol: print(''.join('Q' if i == c else '.' for i in range(6)))

grid = ("530070000600195000098000060800060003400803001700020006060000280000419005000080079")
def solve(g):
    try: i = g.index('0')
    except ValueError: return g
    r, c = divmod(i, 9)
    used = {g[r*9+k] for k in range(9)} | {g[k*9+c] for k in range(9)} | \
        {g[(r//3*3+dr)*9 + c//3*3+dc] for dr in range(3) for dc in range(3)}
    for d in '123456789':
        if d not in used:
            s = solve(g[:i] + d + g[i+1:])
            if s: return s
    return None
s = solve(grid)
for r in range(9): print(' '.join(s[r*9:r*9+9]))
