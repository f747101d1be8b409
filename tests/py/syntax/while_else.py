i = 0
while i < 3:
    print("loop", i)
    i += 1
else:
    print("else ran", i)
i = 0
while i < 10:
    if i == 2:
        print("break at", i)
        break
    i += 1
else:
    print("not reached")
i = 0
while i < 6:
    i += 1
    if i % 2:
        continue
    print("even", i)
else:
    print("done", i)
while False:
    pass
else:
    print("zero iterations still run else")
n = 5
while n:
    n -= 1
    while True:
        break
    if n == 2:
        break
print("n", n)
