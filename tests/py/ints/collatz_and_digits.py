def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print([collatz(n) for n in range(1, 20)], collatz(27), collatz(2 ** 100 + 1))
def digit_sum(n):
    return sum(int(c) for c in str(n))
print(digit_sum(2 ** 1000), digit_sum(3 ** 500))
def reverse_num(n):
    r = 0
    while n:
        n, d = divmod(n, 10)
        r = r * 10 + d
    return r
print(reverse_num(123456789), reverse_num(10 ** 30 + 7))
def is_palindrome(n): return str(n) == str(n)[::-1]
print([n for n in range(100, 200) if is_palindrome(n)])
