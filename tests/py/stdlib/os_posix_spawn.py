# os.posix_spawn / posix_spawnp: running programs with file_actions,
# setpgroup, setsid, setsigmask, setsigdef, resetids and scheduler, the
# argument checks and messages of CPython 3.11, and subprocess around them.
import os
import signal
import subprocess
import sys
import tempfile


def show(f):
    try:
        print("ok", f())
    except Exception as ex:
        print(type(ex).__name__, ex, getattr(ex, "errno", ""), getattr(ex, "filename", ""))


def run(path, argv, env=None, spawn=os.posix_spawn, **kw):
    """Spawn with stdout on a pipe; (exit status, output)."""
    r, w = os.pipe()
    actions = [(os.POSIX_SPAWN_DUP2, w, 1), (os.POSIX_SPAWN_CLOSE, r)] + kw.pop("file_actions", [])
    pid = spawn(path, argv, os.environ if env is None else env, file_actions=actions, **kw)
    os.close(w)
    out = b""
    while chunk := os.read(r, 4096):
        out += chunk
    os.close(r)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), out.decode()


print(os.POSIX_SPAWN_OPEN, os.POSIX_SPAWN_CLOSE, os.POSIX_SPAWN_DUP2)
print(run("/bin/echo", ["echo", "hello", "world"]))
print(run("/bin/sh", ["sh", "-c", "echo $FOO; exit 3"], {"FOO": "bar"}))
print(run("sh", ["sh", "-c", "echo spawnp"], spawn=os.posix_spawnp))
print(run("/bin/sh", [b"sh", b"-c", b"echo bytes"], {b"X": b"1"}))
d = tempfile.mkdtemp()
out = os.path.join(d, "out")
r = run("/bin/sh", ["sh", "-c", "echo to-file >&5"],
        file_actions=[(os.POSIX_SPAWN_OPEN, 5, out, os.O_WRONLY | os.O_CREAT, 0o644)])
print(r, open(out).read())
os.unlink(out)
os.rmdir(d)
print(run("/bin/sh", ["sh", "-c", "[ $(ps -o pgid= $$) = $$ ] && echo own-group"], setpgroup=0))
print(run("/bin/sh", ["sh", "-c", "[ $(ps -o sid= $$) = $$ ] && echo own-session"], setsid=True))
print(run("/bin/sh", ["sh", "-c", "grep SigBlk /proc/self/status"], setsigmask=[signal.SIGUSR1]))
print(run("/bin/sh", ["sh", "-c", "echo sigdef"], setsigdef=[signal.SIGUSR1, signal.SIGTERM]))
print(run("/bin/sh", ["sh", "-c", "echo resetids"], resetids=True))
print(run("/bin/sh", ["sh", "-c", "echo sched"], scheduler=(None, os.sched_param(0))))
print(run("/bin/sh", ["sh", "-c", "echo sched2"], scheduler=(os.SCHED_OTHER, os.sched_param(0))))

env = dict(os.environ)
T = "/bin/true"
show(lambda: os.posix_spawn(T, [], env))
show(lambda: os.posix_spawn(T, [""], env))
show(lambda: os.posix_spawn(T, "abc", env))
show(lambda: os.posix_spawn(T, 5, env))
show(lambda: os.posix_spawn(T, [T], 5))
show(lambda: os.posix_spawn(T, [T], [("a", "b")]))
show(lambda: os.posix_spawn(T, [T], {"a=b": "c"}))
show(lambda: os.posix_spawn(T, [T], {"": "c"}))
show(lambda: os.posix_spawn(T, [T], {"a": "c\0"}))
show(lambda: os.posix_spawn(T, [T, "a\0"], env))
show(lambda: os.posix_spawn(T, [T, 5], env))
show(lambda: os.posix_spawn("/nonexistent", ["x"], env))
show(lambda: os.posix_spawnp("nonexistent-prog-ftpy", ["x"], env))
show(lambda: os.posix_spawn(5, [T], env))
show(lambda: os.posix_spawnp(5, [T], env))
show(lambda: os.posix_spawn(T, [T], env, file_actions=5))
show(lambda: os.posix_spawn(T, [T], env, file_actions=[5]))
show(lambda: os.posix_spawn(T, [T], env, file_actions=[()]))
show(lambda: os.posix_spawn(T, [T], env, file_actions=[(99,)]))
show(lambda: os.posix_spawn(T, [T], env, file_actions=[(os.POSIX_SPAWN_OPEN, 1)]))
show(lambda: os.posix_spawn(T, [T], env, file_actions=[(os.POSIX_SPAWN_CLOSE,)]))
show(lambda: os.posix_spawn(T, [T], env, file_actions=[(os.POSIX_SPAWN_DUP2, 1)]))
show(lambda: os.posix_spawn(T, [T], env, file_actions=[(os.POSIX_SPAWN_CLOSE, 1, 2)]))
show(lambda: os.posix_spawn(T, [T], env, file_actions=[(os.POSIX_SPAWN_OPEN, 1, 5, 0, 0)]))
show(lambda: os.posix_spawn(T, [T], env, file_actions=[(os.POSIX_SPAWN_CLOSE, "x")]))
show(lambda: os.posix_spawn(T, [T], env, file_actions=[(os.POSIX_SPAWN_CLOSE, -1)]))
show(lambda: os.posix_spawn(T, [T], env, setpgroup="x"))
show(lambda: os.posix_spawn(T, [T], env, setsigmask=5))
show(lambda: os.posix_spawn(T, [T], env, setsigmask=[0]))
show(lambda: os.posix_spawn(T, [T], env, setsigmask=[999]))
show(lambda: os.posix_spawn(T, [T], env, setsigdef=[signal.NSIG]))
show(lambda: os.posix_spawn(T, [T], env, setsigdef=["x"]))
show(lambda: os.posix_spawn(T, [T], env, scheduler=5))
show(lambda: os.posix_spawn(T, [T], env, scheduler=(0, 5)))
show(lambda: os.posix_spawn(T, [T], env, resetids=[]))
show(lambda: os.posix_spawn(T, [T], env, setsid="x"))

# subprocess takes its posix_spawn path for close_fds=False with an
# executable given by path; the results are the same either way.
print(subprocess._USE_POSIX_SPAWN)
p = subprocess.run(["/bin/sh", "-c", "echo via-spawn; echo err >&2; exit 4"], close_fds=False,
                   capture_output=True)
print(p.returncode, p.stdout, p.stderr)
p = subprocess.run(["/bin/cat"], input=b"piped", close_fds=False, stdout=subprocess.PIPE)
print(p.returncode, p.stdout)
show(lambda: subprocess.run(["/nonexistent/prog"], close_fds=False))
print(subprocess.run(["sh", "-c", "exit 7"]).returncode)
