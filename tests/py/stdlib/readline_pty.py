# input() through GNU readline on a terminal: a child interpreter runs under
# a pty; the parent types a line with a Tab completion, recalls it from the
# history with the Up arrow, interrupts a read with Ctrl-C and ends with
# Ctrl-D. Only deterministic facts about the screen are printed.
import os
import select
import sys
import time

CHILD = r'''
import readline, rlcompleter
readline.parse_and_bind('tab: complete')
spam_and_eggs = 42
line = input('first> ')
print('GOT1', repr(line), eval(line))
line = input('second> ')
print('GOT2', repr(line), readline.get_current_history_length())
try:
    input('third> ')
except KeyboardInterrupt:
    print('KI')
try:
    input('fourth> ')
except EOFError:
    print('EOF')
print('HIST', [readline.get_history_item(i) for i in range(1, readline.get_current_history_length() + 1)])
'''

pid, fd = os.forkpty()
if pid == 0:
    env = dict(os.environ, TERM='xterm', INPUTRC='/dev/null')
    os.execve(sys.executable, [sys.executable, '-c', CHILD], env)

buf = b''


def read_until(marker, timeout=20.0, or_none=False):
    global buf
    end = time.time() + timeout
    while marker not in buf:
        left = end - time.time()
        if left <= 0:
            if or_none:
                return None
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
    i = buf.index(marker) + len(marker)
    seen, buf = buf[:i], buf[i:]
    return seen


def interrupt(marker):
    # Ctrl-C, then wait for `marker`. python3's readline loses a SIGINT that
    # arrives while its input loop is not blocked in select() (the handler
    # runs, but nothing wakes the loop: CI saw it wait 20 s, one run in
    # about six under load); a second Ctrl-C, sent only after 5 s of
    # silence, then interrupts it. ftpy answers the first.
    for _ in range(4):
        os.write(fd, b'\x03')
        seen = read_until(marker, 5.0, or_none=True)
        if seen is not None:
            return seen
    raise SystemExit('no answer to Ctrl-C; got %r' % buf)


read_until(b'first> ')
os.write(fd, b'spam_a\t')
seen = read_until(b'spam_and_eggs')
print('completed on screen:', b'spam_and_eggs' in seen)
os.write(fd, b' + 1\r')
print(read_until(b'GOT1').endswith(b'GOT1'), read_until(b'\n').strip())
read_until(b'second> ')
os.write(fd, b'\x1b[A')  # Up: the previous line
read_until(b'spam_and_eggs + 1')
os.write(fd, b'\x01# \r')  # Home, then make it a comment
print(read_until(b'GOT2').endswith(b'GOT2'), read_until(b'\n').strip())
read_until(b'third> ')
os.write(fd, b'abc')
read_until(b'abc')  # as below: Ctrl-C once readline holds the text
print(interrupt(b'KI').endswith(b'KI'))
read_until(b'fourth> ')
os.write(fd, b'\x04')
print(read_until(b'EOF').endswith(b'EOF'))
print(read_until(b']').split(b'HIST')[-1].strip())
_, status = os.waitpid(pid, 0)
print('exit', os.waitstatus_to_exitcode(status))
os.close(fd)

# The interactive prompt: Tab completes through rlcompleter, Ctrl-C drops
# the line being typed, Ctrl-D leaves. HOME is a fresh directory so the
# session's history file is written there.
import tempfile
home = tempfile.mkdtemp()
pid, fd = os.forkpty()
if pid == 0:
    env = dict(os.environ, TERM='xterm', INPUTRC='/dev/null', HOME=home)
    os.execve(sys.executable, [sys.executable, '-q'], env)
buf = b''
read_until(b'>>> ')
os.write(fd, b'abc_def = 5\r')
read_until(b'>>> ')
os.write(fd, b'abc_d\t * 3\r')
seen = read_until(b'>>> ')
print('repl completed:', b'abc_def * 3' in seen, b'15' in seen)
# Ctrl-C only once readline has echoed the text (see interrupt()).
os.write(fd, b'1 +')
read_until(b'1 +')
seen = interrupt(b'>>> ')
print('repl interrupted:', b'KeyboardInterrupt' in seen)
os.write(fd, b'\x04')
while True:
    try:
        if not os.read(fd, 4096):
            break
    except OSError:
        break
_, status = os.waitpid(pid, 0)
print('exit', os.waitstatus_to_exitcode(status))
with open(os.path.join(home, '.python_history')) as f:
    print('history file:', f.read().splitlines()[-2:])
import shutil
shutil.rmtree(home)
