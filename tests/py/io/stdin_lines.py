import sys
total = 0
for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    name, qty = line.split(",")
    total += int(qty)
    print(f"{name:>8}: {int(qty):3d}")
print("total", total)
