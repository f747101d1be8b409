print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (0).to_bytes(1, "big"))
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True))
print((255).to_bytes(1, "big"), (2 ** 64 - 1).to_bytes(8, "big").hex())
for args in [(256, 1, "big", False), (-1, 1, "big", False), (128, 1, "big", True)]:
    try:
        args[0].to_bytes(args[1], args[2], signed=args[3])
    except OverflowError as e:
        print(type(e).__name__, e)
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\xff\xff", "big"))
print(int.from_bytes(b"", "big"), int.from_bytes([1, 2, 3], "big"), int.from_bytes(bytearray(b"\x80"), "little", signed=True))
n = 123456789012345678901234567890
print(int.from_bytes(n.to_bytes(16, "little"), "little") == n)
print((5).to_bytes(), int.from_bytes(b"\x05"))
try:
    (1).to_bytes(1, "middle")
except ValueError as e:
    print(type(e).__name__, e)
class MyInt(int): pass
print(type(MyInt.from_bytes(b"\x01", "big")).__name__)
