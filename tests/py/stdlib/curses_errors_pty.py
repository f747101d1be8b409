# curses window errors and edge cases under a pty (TERM=xterm, 24x80):
# CPython's messages for drawing outside a window, argument counts and
# types, "no input" in nodelay mode, pads, colours out of range, and
# Ctrl-C while waiting in getch().
import fcntl
import os
import select
import struct
import sys
import termios
import time

CHILD = r'''
import curses

def attempt(f):
    try:
        r = f()
        return 'ok %r' % (r,)
    except BaseException as e:
        return '%s: %s' % (type(e).__name__, e)

def main(stdscr):
    out = []
    w = curses.newwin(3, 10, 0, 0)
    pad = curses.newpad(5, 5)
    tests = [
        lambda: w.addstr(5, 5, 'x'),
        lambda: w.addstr(2, 9, 'xyz'),
        lambda: w.addstr(0, 0, b'bytes ok'),
        lambda: w.addch(10, 10, 'a'),
        lambda: w.addstr(),
        lambda: w.addstr(1, 2, 3, 4, 5),
        lambda: w.addstr(1.5),
        lambda: w.addch('ab'),
        lambda: w.addch(3.0),
        lambda: w.move(50, 50),
        lambda: w.getmaxyx(),
        lambda: type(w.derwin(1, 1)).__name__,
        lambda: w.subwin(20, 20, 0, 0),
        lambda: pad.refresh(),
        lambda: pad.refresh(0, 0, 0, 0, 2, 2),
        lambda: curses.newwin(-1, -1),
        lambda: curses.init_pair(100000, 1, 1),
        lambda: curses.init_pair(1, 10000, 1),
        lambda: curses.color_content(1),
        lambda: curses.pair_content(0),
        lambda: curses.pair_number(curses.color_pair(3)),
        lambda: curses.keyname(curses.KEY_LEFT),
        lambda: curses.keyname(-5),
        lambda: curses.unctrl(1),
        lambda: curses.has_key(curses.KEY_UP),
        lambda: curses.curs_set(1),
        lambda: stdscr.scroll(),
        lambda: w.is_linetouched(100),
        lambda: w.insstr(0, 0, 'ins'),
        lambda: w.instr(0, 0, 5),
        lambda: w.inch(0, 0) & 0xff,
        lambda: w.enclose(1, 1),
        lambda: w.encoding,
        lambda: stdscr.getbkgd(),
    ]
    for t in tests:
        out.append(attempt(t))
    w.nodelay(True)
    out.append(attempt(lambda: w.getkey()))
    out.append(attempt(lambda: w.get_wch()))
    out.append(attempt(lambda: w.getch()))
    w.nodelay(False)
    stdscr.addstr(10, 0, 'WAITING')
    stdscr.refresh()
    out.append(attempt(lambda: stdscr.getch()))
    return out

for line in curses.wrapper(main):
    print('R', line)
'''

pid, fd = os.forkpty()
if pid == 0:
    env = dict(os.environ, TERM='xterm', LC_ALL='C.UTF-8')
    env.pop('LINES', None)
    env.pop('COLUMNS', None)
    os.execve(sys.executable, [sys.executable, '-c', CHILD], env)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
buf = b''
end = time.time() + 30
while b'WAITING' not in buf and time.time() < end:
    r, _, _ = select.select([fd], [], [], 1)
    if r:
        buf += os.read(fd, 4096)
time.sleep(0.2)
os.write(fd, b'\x03')
out = b''
while True:
    try:
        data = os.read(fd, 4096)
    except OSError:
        break
    if not data:
        break
    out += data
_, status = os.waitpid(pid, 0)
for line in out.decode('utf-8', 'replace').splitlines():
    if line.startswith('R '):
        print(line)
print('exit', os.waitstatus_to_exitcode(status))
os.close(fd)
