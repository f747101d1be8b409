from fractions import Fraction
def det(m):
    m = [[Fraction(x) for x in row] for row in m]
    n, sign, result = len(m), 1, Fraction(1)
    for col in range(n):
        pivot = next((r for r in range(col, n) if m[r][col] != 0), None)
        if pivot is None:
            return Fraction(0)
        if pivot != col:
            m[col], m[pivot] = m[pivot], m[col]
            sign = -sign
        result *= m[col][col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            m[r] = [a - f * b for a, b in zip(m[r], m[col])]
    return sign * result
print(det([[1, 2], [3, 4]]), det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), det([[1, 2], [2, 4]]), det([[0, 1], [1, 0]]))
hilbert = [[Fraction(1, i + j + 1) for j in range(5)] for i in range(5)]
print(det(hilbert))
