result = []
for i in range(5):
    if i == 1:
        continue
    for j in range(5):
        if j > i:
            break
        if (i + j) % 2:
            continue
        result.append((i, j))
    else:
        result.append("never")
    if i == 3:
        break
print(result)
found = None
for a in range(1, 10):
    for b in range(a, 10):
        if a * b == 24:
            found = (a, b)
            break
    else:
        continue
    break
print(found)
i = 0
while True:
    i += 1
    try:
        if i == 3:
            break
        continue
    finally:
        print("finally", i)
print("end", i)
