import functools
calls = 0
def fib_naive(n):
    global calls
    calls += 1
    return n if n < 2 else fib_naive(n - 1) + fib_naive(n - 2)
print(fib_naive(20), calls)
memo = {}
def fib_memo(n):
    if n in memo:
        return memo[n]
    memo[n] = n if n < 2 else fib_memo(n - 1) + fib_memo(n - 2)
    return memo[n]
print(fib_memo(300))
@functools.cache
def fib_cached(n):
    return n if n < 2 else fib_cached(n - 1) + fib_cached(n - 2)
print(fib_cached(300) == fib_memo(300), fib_cached.cache_info().misses)
def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(all(fib_iter(i) == fib_memo(i) for i in range(300)), len(str(fib_iter(5000))))
def fib_matrix(n):
    def mul(A, B):
        return [[A[0][0] * B[0][0] + A[0][1] * B[1][0], A[0][0] * B[0][1] + A[0][1] * B[1][1]],
                [A[1][0] * B[0][0] + A[1][1] * B[1][0], A[1][0] * B[0][1] + A[1][1] * B[1][1]]]
    R, M = [[1, 0], [0, 1]], [[1, 1], [1, 0]]
    while n:
        if n & 1:
            R = mul(R, M)
        M = mul(M, M)
        n >>= 1
    return R[0][1]
print(fib_matrix(1000) == fib_iter(1000))
