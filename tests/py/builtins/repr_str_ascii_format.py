vals = [1, 1.5, "s", "é", b"b", [1, "x"], (1,), {"k": "v"}, None, True, 1j, range(2), ..., "\n"]
for v in vals:
    print(repr(v), str(v), ascii(v), format(v) if not isinstance(v, (list, dict, tuple, range, type(...))) else "-")
print(format(3.14159, ".2f"), format(42, "08b"), format("x", "^5"), format(1234, ","), format(0.5, "%"))
print(ascii("日本"), ascii("\U0001f600"), repr("日本"))
