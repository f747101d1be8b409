# A terminal resized under a curses program (TERM=xterm): getch() returns
# KEY_RESIZE, and update_lines_cols() (or resizeterm) brings LINES and COLS
# in both _curses and the curses package up to date.
import fcntl
import os
import select
import struct
import sys
import termios
import time

CHILD = r'''
import curses, _curses

def main(stdscr):
    before = (curses.LINES, curses.COLS, stdscr.getmaxyx())
    stdscr.addstr(0, 0, "READY")
    stdscr.refresh()
    key = stdscr.getch()
    curses.update_lines_cols()
    after = (curses.LINES, curses.COLS, _curses.LINES, _curses.COLS, stdscr.getmaxyx())
    curses.resizeterm(20, 60)
    forced = (curses.LINES, curses.COLS, stdscr.getmaxyx(), curses.is_term_resized(20, 60), curses.is_term_resized(10, 10))
    return before, key == curses.KEY_RESIZE, after, forced

print("RESULT", curses.wrapper(main))
'''

pid, fd = os.forkpty()
if pid == 0:
    env = dict(os.environ, TERM='xterm')
    env.pop('LINES', None)
    env.pop('COLUMNS', None)
    os.execve(sys.executable, [sys.executable, '-c', CHILD], env)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
buf = b''
end = time.time() + 30
while b'READY' not in buf and time.time() < end:
    r, _, _ = select.select([fd], [], [], 1)
    if r:
        buf += os.read(fd, 4096)
time.sleep(0.2)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 30, 100, 0, 0))
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
    if 'RESULT' in line:
        print(line[line.index('RESULT'):].strip())
print('exit', os.waitstatus_to_exitcode(status))
os.close(fd)
