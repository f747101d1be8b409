# exit() and quit() (added by CPython's site module) raise SystemExit.
for f, args in ((exit, ()), (quit, (3,)), (exit, ('bye',)), (quit, (None,)), (exit, ((1, 2),))):
    try:
        f(*args)
    except SystemExit as e:
        print(repr(e.code), e.args)
import sys
try:
    exit(code=4)
except SystemExit as e:
    print('code', e.code)
def cleanup():
    try:
        exit(2)
    finally:
        print('finally runs')
try:
    cleanup()
except SystemExit as e:
    print('exit', e.code)
print('stdin closed:', sys.stdin.closed)
sys.stdout.flush()
quit(5)
