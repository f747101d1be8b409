# curses from several threads under a pty: four threads draw into their own
# windows at once (ftpy serialises every ncurses call on one module mutex),
# and a thread waiting in getkey() does not stop another thread drawing.
import os
import select
import sys
import time

CHILD = r'''
import curses, threading, time

def main(stdscr):
    wins = [curses.newwin(2, 30, i * 2, 0) for i in range(4)]
    def draw(i):
        for n in range(200):
            wins[i].addstr(0, 0, "thread %d step %4d" % (i, n))
            wins[i].noutrefresh()
            curses.doupdate()
    ts = [threading.Thread(target=draw, args=(i,)) for i in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    got = []
    reader = threading.Thread(target=lambda: got.append(stdscr.getkey()))
    reader.start()
    time.sleep(0.2)
    w = curses.newwin(1, 20, 12, 0)
    w.addstr(0, 0, "WHILE READING")
    w.refresh()
    reader.join()
    return got, [wins[i].instr(0, 0, 19) for i in range(4)]

print("RESULT", curses.wrapper(main))
'''

pid, fd = os.forkpty()
if pid == 0:
    env = dict(os.environ, TERM='xterm', LINES='24', COLUMNS='80')
    os.execve(sys.executable, [sys.executable, '-c', CHILD], env)
buf = b''


def read_until(marker, timeout=30.0):
    global buf
    end = time.time() + timeout
    while marker not in buf:
        left = end - time.time()
        if left <= 0:
            raise SystemExit('timed out waiting for %r' % (marker,))
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                data = os.read(fd, 4096)
            except OSError:
                data = b''
            if not data:
                raise SystemExit('child ended before %r' % (marker,))
            buf += data
    return buf


screen = read_until(b'WHILE READING')
os.write(fd, b'q')
out = read_until(b'RESULT')
while True:
    try:
        data = os.read(fd, 4096)
    except OSError:
        break
    if not data:
        break
    out += data
line = out[out.index(b'RESULT'):].split(b'\r\n')[0].decode()
print(line)
_, status = os.waitpid(pid, 0)
print('exit', os.waitstatus_to_exitcode(status))
os.close(fd)
