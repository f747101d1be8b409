# BytesIO.getbuffer() reads the current contents (pickle's framer uses it);
# shutil.get_terminal_size falls back through os.terminal_size.
import io
import os
import pickle
import shutil

b = io.BytesIO(b"hello")
b.seek(0, 2)
b.write(b" world")
view = b.getbuffer()
print(bytes(view), len(view), view.nbytes, view[0], bytes(view[6:]))
view.release()

data = {"ints": list(range(5)), "nested": {"t": (1, "two", 3.0), "s": {4, 5}}, "b": b"\x00\xff", "none": None}
for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):  # 0 and 1 need raw-unicode-escape
    blob = pickle.dumps(data, protocol=proto)
    print(proto, pickle.loads(blob) == data)

print(os.terminal_size((80, 24)), os.terminal_size((100, 40)).columns)
size = shutil.get_terminal_size(fallback=(77, 33))
print(type(size).__name__, isinstance(size.columns, int), len(size))
