# zlib objects shared between threads, large inputs (detached work), and
# subprocesses started from several threads at once.
import subprocess
import sys
import threading
import zlib

N_THREADS = 4
CHUNK = b'A' * 1000 + b'B' * 24
shared = zlib.compressobj()
parts = []
parts_lock = threading.Lock()
big = bytes(range(256)) * 4096      # 1 MiB: past the detach threshold
big_crc = zlib.crc32(big)
results = []


def worker(i):
    local = []
    for _ in range(200):
        local.append(shared.compress(CHUNK))
    own = zlib.compress(big, 1)
    ok = zlib.decompress(own) == big and zlib.crc32(big) == big_crc
    d = zlib.decompressobj()
    ok = ok and d.decompress(own, 50000) + d.flush() == big
    with parts_lock:
        parts.extend(local)
        results.append(ok)


threads = [threading.Thread(target=worker, args=(i,)) for i in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
# Every compress call appended to the one stream; chunks are identical, so
# the stream decompresses to them all whatever the interleaving.
stream = b''.join(parts) + shared.flush()
out = zlib.decompress(stream)
print(len(out) == N_THREADS * 200 * len(CHUNK), out == CHUNK * (N_THREADS * 200), results)

outputs = [None] * N_THREADS


def run(i):
    r = subprocess.run([sys.executable, '-c', f'print({i} * 7)'], capture_output=True, text=True)
    outputs[i] = (r.returncode, r.stdout.strip())


threads = [threading.Thread(target=run, args=(i,)) for i in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(outputs)
