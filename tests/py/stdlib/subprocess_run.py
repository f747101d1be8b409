# subprocess over _posixsubprocess.fork_exec and select.poll.
import os
import select
import selectors
import subprocess
import sys

r = subprocess.run([sys.executable, '-c', 'print(1)'], capture_output=True)
print(r.returncode, r.stdout, r.stderr)
print(subprocess.check_output([sys.executable, '-c', 'import sys; print(sys.argv[1:])', 'a', 'b c']))
print(subprocess.check_output(['echo', 'from', 'PATH'], text=True), end='')
try:
    subprocess.check_call([sys.executable, '-c', 'raise SystemExit(3)'])
except subprocess.CalledProcessError as e:
    print('CalledProcessError', e.returncode, str(e).replace(sys.executable, 'PY'))
r = subprocess.run([sys.executable, '-c', 'import sys; sys.stdout.write(sys.stdin.read().upper())'],
                   input=b'shout\n', stdout=subprocess.PIPE)
print(r.stdout)
r = subprocess.run(['cat'], input='text mode', capture_output=True, text=True)
print(repr(r.stdout))
p = subprocess.Popen([sys.executable, '-c',
                      'import sys; data = sys.stdin.read(); print(len(data)); print("err", file=sys.stderr)'],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out, err = p.communicate(b'x' * 200000)
print(out, err, p.returncode, p.wait(), p.poll())
r = subprocess.run([sys.executable, '-c', 'import sys; print("to err", file=sys.stderr)'],
                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(r.stdout)
r = subprocess.run('echo $FTPY_TEST_VAR; pwd', shell=True, capture_output=True, text=True,
                   env={'FTPY_TEST_VAR': 'from env', 'PATH': os.environ.get('PATH', '')}, cwd='/')
print(r.stdout.split())
print(subprocess.run(['true']).returncode, subprocess.call(['false']))
try:
    subprocess.run(['/nonexistent/program'])
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.filename)
try:
    subprocess.run(['true'], cwd='/nonexistent/dir')
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.filename)
try:
    subprocess.run([sys.executable, '-c', 'import time; time.sleep(5)'], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print('TimeoutExpired', 0.1 < e.timeout <= 0.2)
p = subprocess.Popen(['sleep', '5'])
p.kill()
print(p.wait())
print(subprocess.getoutput('echo hi; exit 2'), subprocess.getstatusoutput('exit 2'))
r = subprocess.run(['sh', '-c', 'echo $0 $1', 'zero', 'one'], stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
print(r.stdout)
with subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE) as p:
    p.stdin.write(b'streamed')
    p.stdin.close()
    print(p.stdout.read())
print(p.returncode)

# select on a pipe.
rfd, wfd = os.pipe()
print(select.select([rfd], [], [], 0))
os.write(wfd, b'x')
ready = select.select([rfd], [wfd], [], 1.0)
print(ready == ([rfd], [wfd], []))
poller = select.poll()
poller.register(rfd, select.POLLIN)
print(poller.poll(0) == [(rfd, select.POLLIN)])
poller.modify(rfd, select.POLLOUT)
print(poller.poll(0))
poller.unregister(rfd)
try:
    poller.unregister(rfd)
except KeyError as e:
    print('KeyError', e.args[0] == rfd)
sel = selectors.DefaultSelector()
sel.register(rfd, selectors.EVENT_READ, 'data')
print([(k.fd == rfd, k.data, ev) for k, ev in sel.select(0)])
sel.close()
os.close(rfd)
os.close(wfd)
try:
    select.select([], [], [], -1)
except ValueError as e:
    print('ValueError', e)
