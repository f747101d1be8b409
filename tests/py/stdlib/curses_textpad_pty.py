# curses.textpad.Textbox (the host's pure-Python editor widget) under a pty:
# typed text, a backspace, Ctrl-A (start of line), Ctrl-K (kill to end of
# line) and Ctrl-G (finish) through window.getch/addch/inch/delch/move.
import os
import select
import sys
import time

CHILD = r'''
import curses, curses.textpad

def main(stdscr):
    win = curses.newwin(3, 30, 2, 2)
    curses.textpad.rectangle(stdscr, 1, 1, 5, 33)
    stdscr.addstr(0, 0, "READY")
    stdscr.refresh()
    box = curses.textpad.Textbox(win)
    first = box.edit()
    second = box.edit()
    return first, second

print("RESULT", curses.wrapper(main))
'''

pid, fd = os.forkpty()
if pid == 0:
    os.execve(sys.executable, [sys.executable, '-c', CHILD], dict(os.environ, TERM='xterm', LINES='24', COLUMNS='80'))
buf = b''
end = time.time() + 30
while b'READY' not in buf and time.time() < end:
    r, _, _ = select.select([fd], [], [], 1)
    if r:
        buf += os.read(fd, 4096)
for chunk in [b'hello worlx', b'\x7f', b'd', b'\x07', b'abc', b'\x01', b'\x0b', b'xyz', b'\x07']:
    os.write(fd, chunk)
    time.sleep(0.1)
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
