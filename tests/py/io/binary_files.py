import os
path = f"/tmp/ftpy_io_bin_{os.getpid()}.bin"
data = bytes(range(256))
with open(path, "wb") as f:
    print(f.write(data), f.tell())
with open(path, "rb") as f:
    print(f.read(4), f.tell(), f.seek(250), f.read(), f.read(), f.seek(-2, 2), f.read())
with open(path, "ab") as f:
    f.write(b"\xff\xfe")
with open(path, "rb") as f:
    content = f.read()
print(len(content), content[-3:], content == data + b"\xff\xfe")
with open(path, "rb") as f:
    chunks = []
    while chunk := f.read(100):
        chunks.append(len(chunk))
print(chunks)
os.remove(path)
