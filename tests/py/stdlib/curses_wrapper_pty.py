# A curses.wrapper program run under a pty (TERM=xterm, 24x80): what it
# draws reaches the terminal, keys typed come back through getkey/getch/
# get_wch, and LINES/COLS follow the window size. Only facts about the
# screen bytes are printed.
import fcntl
import os
import select
import struct
import sys
import termios
import time

CHILD = r'''
import curses, curses.panel

def main(stdscr):
    stdscr.addstr(0, 0, "Hello curses", curses.A_BOLD)
    stdscr.addstr(2, 4, "h\u00e9llo wide \u2713")
    stdscr.addch(3, 0, 'Z')
    stdscr.hline(4, 0, curses.ACS_HLINE, 10)
    colors = curses.has_colors()
    if colors:
        curses.init_pair(1, curses.COLOR_RED, curses.COLOR_BLACK)
        stdscr.addstr(5, 0, "red text", curses.color_pair(1))
    win = curses.newwin(5, 20, 8, 5)
    win.box()
    win.addstr(1, 1, "in window")
    sub = win.derwin(2, 10, 2, 2)
    sub.addstr(0, 0, "sub")
    pad = curses.newpad(10, 10)
    pad.addstr(0, 0, "pad text")
    stdscr.refresh()
    win.refresh()
    pad.refresh(0, 0, 20, 0, 20, 9)
    p = curses.panel.new_panel(curses.newwin(3, 10, 14, 40))
    p.window().addstr(0, 0, "panel")
    curses.panel.update_panels()
    curses.doupdate()
    stdscr.addstr(1, 0, "READY")
    stdscr.refresh()
    k1 = stdscr.getkey()
    k2 = stdscr.getch()
    k3 = stdscr.get_wch()
    stdscr.nodelay(True)
    k4 = stdscr.getch()
    stdscr.nodelay(False)
    stdscr.timeout(50)
    k5 = stdscr.getch()
    return dict(k1=k1, k2=k2 == curses.KEY_UP, k3=k3, k4=k4, k5=k5, lines=curses.LINES, cols=curses.COLS,
                maxyx=stdscr.getmaxyx(), beg=win.getbegyx(), subbeg=sub.getbegyx(), subpar=sub.getparyx(),
                yx=stdscr.getyx(), inch=chr(stdscr.inch(3, 0) & curses.A_CHARTEXT),
                instr=stdscr.instr(0, 0, 12), colors=colors, top=curses.panel.top_panel() is p,
                isendwin=curses.isendwin())

res = curses.wrapper(main)
print("RESULT", sorted(res.items()))
print("isendwin after", curses.isendwin())
'''

pid, fd = os.forkpty()
if pid == 0:
    env = dict(os.environ, TERM='xterm', LC_ALL='C.UTF-8')
    env.pop('LINES', None)
    env.pop('COLUMNS', None)
    os.execve(sys.executable, [sys.executable, '-c', CHILD], env)

fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
buf = b''


def read_until(marker, timeout=20.0):
    global buf
    end = time.time() + timeout
    while marker not in buf:
        left = end - time.time()
        if left <= 0:
            raise SystemExit('timed out waiting for %r; got %r' % (marker, buf))
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                data = os.read(fd, 4096)
            except OSError:
                data = b''
            if not data:
                raise SystemExit('child ended before %r; got %r' % (marker, buf))
            buf += data
    return buf


screen = read_until(b'READY')
for text in [b'Hello curses', 'h\u00e9llo wide \u2713'.encode(), b'in window', b'sub', b'pad text', b'panel',
             b'red text', b'Z']:
    print(text.decode(), 'drawn:', text in screen)
print('alternate screen:', b'\x1b[?1049h' in screen)
os.write(fd, b'x')
time.sleep(0.3)
os.write(fd, b'\x1bOA')
time.sleep(0.3)
os.write(fd, '\u00e9'.encode())
out = read_until(b'isendwin after')
out = read_until(b'\n')
_, status = os.waitpid(pid, 0)
text = out.decode('utf-8', 'replace')
for line in text.splitlines():
    if 'RESULT' in line or 'isendwin after' in line:
        print(line[line.index('RESULT') if 'RESULT' in line else line.index('isendwin'):].strip())
print('left alternate screen:', b'\x1b[?1049l' in out)
print('exit', os.waitstatus_to_exitcode(status))
os.close(fd)
