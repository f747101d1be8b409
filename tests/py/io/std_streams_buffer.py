# sys.stdin.buffer and sys.stdout.buffer with piped input
# (std_streams_buffer.stdin): binary reads, and bytes written between text.
import sys
inp = sys.stdin.buffer
print(inp.readline())
print(inp.readline(4), inp.readline())
print(inp.read(3), inp.read(0))
print([line for line in inp][:2])
print(inp.read(), inp.readline(), inp.readlines())
sys.stdout.write('text then ')
sys.stdout.buffer.write(b'bytes\n')
print(sys.stdout.buffer.write(bytearray(b'ba\n')))
sys.stdout.buffer.write(memoryview(b'mv\n'))
sys.stdout.buffer.flush()
print(sys.stdout.buffer.mode, sys.stdin.buffer.mode, sys.stdout.buffer.name, sys.stdout.buffer.fileno())
print(sys.stdout.buffer.writable(), sys.stdin.buffer.readable(), sys.stdout.buffer is sys.stdout.buffer)
try:
    sys.stdout.buffer.write('str')
except TypeError as e:
    print('TypeError', e)
sys.stderr.buffer.write(b'err bytes\n')
print('end', flush=True)
