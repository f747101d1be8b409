import sys
def inner():
    try:
        sys.exit(4)
    finally:
        print("finally runs during SystemExit")
def outer():
    try:
        inner()
    except Exception:
        print("Exception does not catch SystemExit")
try:
    outer()
except SystemExit as e:
    print("caught SystemExit", e.code, type(e.code).__name__)
try:
    sys.exit()
except SystemExit as e:
    print("no-arg code", e.code)
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print("tuple code", e.code)
outer()
