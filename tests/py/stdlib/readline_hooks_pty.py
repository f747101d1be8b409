# readline's hooks on a terminal: the startup and pre-input hooks (which
# insert text into the line), a completer that sees the line buffer, the
# word's begin/end indices and the completion type, a completer that
# raises (ignored), the display-matches hook, and auto-history switched off.
import os
import select
import sys
import time

CHILD = r'''
import readline
seen = []
def startup():
    seen.append('startup')
def pre_input():
    readline.insert_text('pre ')
    readline.redisplay()
def completer(text, state):
    seen.append((text, state, readline.get_line_buffer(), readline.get_begidx(), readline.get_endidx(),
                 readline.get_completion_type()))
    options = [w for w in ('apple', 'apricot', 'banana') if w.startswith(text)]
    return options[state] if state < len(options) else None
shown = []
def display(substitution, matches, longest):
    shown.append((substitution, sorted(matches), longest))
readline.set_startup_hook(startup)
readline.set_pre_input_hook(pre_input)
readline.set_completer(completer)
readline.set_completion_display_matches_hook(display)
readline.parse_and_bind('tab: complete')
readline.parse_and_bind('set show-all-if-ambiguous on')
line = input('one> ')
print('LINE1', repr(line))
readline.set_pre_input_hook()
readline.set_startup_hook()
def broken(text, state):
    raise ValueError('boom')
readline.set_completer(broken)
readline.set_auto_history(False)
line = input('two> ')
print('LINE2', repr(line))
print('SEEN', seen)
print('SHOWN', shown)
print('HIST', readline.get_current_history_length(), readline.get_history_item(1))
'''

pid, fd = os.forkpty()
if pid == 0:
    env = dict(os.environ, TERM='xterm', INPUTRC='/dev/null')
    os.execve(sys.executable, [sys.executable, '-c', CHILD], env)
buf = b''
alltext = b''


def read_until(marker, timeout=20.0):
    global buf, alltext
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
            alltext += data
    i = buf.index(marker) + len(marker)
    seen, buf = buf[:i], buf[i:]
    return seen


read_until(b'pre ')
os.write(fd, b'ap\t')
time.sleep(0.5)
os.write(fd, b'r\t')
read_until(b'apricot')
os.write(fd, b' ban\t')
read_until(b'banana')
os.write(fd, b'\r')
read_until(b'two> ')
os.write(fd, b'zz\t\r')
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
for line in (alltext + out).decode('utf-8', 'replace').splitlines():
    for tag in ('LINE1', 'LINE2', 'SEEN', 'SHOWN', 'HIST'):
        if tag in line:
            print(line[line.index(tag):].strip())
print('exit', os.waitstatus_to_exitcode(status))
os.close(fd)
