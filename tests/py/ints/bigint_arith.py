a = 2 ** 200
b = 3 ** 150
print(a)
print(b)
print(a + b)
print(a - b)
print(a * b)
print(a // b, a % b)
print(-a // b, -a % b)
print(b // 7 ** 40, b % 7 ** 40)
print((a * b) // b == a, (a * b) % a)
x = 1
for i in range(1, 60):
    x *= i
print(x)
print(x // (2 ** 50), x % 1000003)
print(10 ** 100 - 1)
print(-(10 ** 50) * -(10 ** 50) == 10 ** 100)
print((2 ** 521 - 1) % 1000000007)
print(sum(range(10 ** 6)), sum(i * i for i in range(1000)))
