# readline's and curses' process-wide C state used from many threads at
# once: threads add, read, replace and remove history items and swap the
# completer and delimiters (one readline module mutex); under a pty, threads
# draw into their own curses windows, one waits in getch() and gc.collect()
# stops the world meanwhile (one curses module mutex, waited for detached).
import gc
import os
import select
import sys
import threading
import time

import readline

N, ROUNDS = 4, 400
errors = []


def history_worker(i):
    try:
        for r in range(ROUNDS):
            readline.add_history('t%d-%d' % (i, r))
            n = readline.get_current_history_length()
            item = readline.get_history_item(n)
            assert item is None or item.startswith('t'), item
            f = (lambda text, state, i=i: None)
            readline.set_completer(f)
            c = readline.get_completer()
            assert c is None or callable(c)
            readline.set_completer_delims(' \t%d' % i)
            assert readline.get_completer_delims().startswith(' \t')
            if r % 50 == 0:
                gc.collect()
    except Exception as e:
        errors.append(e)


ts = [threading.Thread(target=history_worker, args=(i,)) for i in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
assert not errors, errors
assert readline.get_current_history_length() == N * ROUNDS, readline.get_current_history_length()
items = [readline.get_history_item(k) for k in range(1, N * ROUNDS + 1)]
for i in range(N):
    mine = [x for x in items if x.startswith('t%d-' % i)]
    assert mine == ['t%d-%d' % (i, r) for r in range(ROUNDS)], i
readline.clear_history()

CHILD = r'''
import curses, gc, threading, time

def main(stdscr):
    wins = [curses.newwin(2, 30, i * 2, 0) for i in range(4)]
    stop = threading.Event()
    def draw(i):
        n = 0
        while not stop.is_set():
            wins[i].addstr(0, 0, "thread %d step %6d" % (i, n))
            wins[i].refresh()
            n += 1
    ts = [threading.Thread(target=draw, args=(i,)) for i in range(4)]
    for t in ts:
        t.start()
    got = []
    reader = threading.Thread(target=lambda: got.append(stdscr.getkey()))
    reader.start()
    for _ in range(20):
        gc.collect()
        time.sleep(0.01)
    stdscr.addstr(12, 0, "GO")
    stdscr.refresh()
    reader.join()
    stop.set()
    for t in ts:
        t.join()
    return got

print("RESULT", curses.wrapper(main))
'''

pid, fd = os.forkpty()
if pid == 0:
    os.execve(sys.executable, [sys.executable, '-c', CHILD], dict(os.environ, TERM='xterm', LINES='24', COLUMNS='80'))
buf = b''
end = time.time() + 60
while b'GO' not in buf:
    assert time.time() < end, 'curses child did not draw'
    r, _, _ = select.select([fd], [], [], 1)
    if r:
        buf += os.read(fd, 65536)
os.write(fd, b'k')
while True:
    try:
        data = os.read(fd, 65536)
    except OSError:
        break
    if not data:
        break
    buf += data
_, status = os.waitpid(pid, 0)
assert os.waitstatus_to_exitcode(status) == 0, status
assert b"RESULT ['k']" in buf, buf[-300:]
print('ok')
