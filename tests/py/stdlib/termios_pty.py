# termios on a pseudo-terminal: attributes read, changed (echo off, raw
# mode through tty.setraw) and read back, window sizes, the constants, and
# termios.error / TypeError for bad descriptors and attribute lists.
import os
import termios
import tty

print(len([n for n in dir(termios) if not n.startswith("_")]))
print(termios.TCSANOW, termios.ECHO, termios.ICANON, termios.VMIN, termios.NCCS, termios.B38400)
print(termios.error.__mro__)
master, slave = os.openpty()
a = termios.tcgetattr(slave)
print(len(a), [type(x).__name__ for x in a], len(a[6]), type(a[6][0]), a[6][termios.VMIN], a[6][termios.VTIME])
print(termios.tcgetwinsize(slave))
termios.tcsetwinsize(slave, (24, 80))
print(termios.tcgetwinsize(slave))
a[3] &= ~termios.ECHO
termios.tcsetattr(slave, termios.TCSANOW, a)
print(termios.tcgetattr(slave)[3] & termios.ECHO)
tty.setraw(slave)
raw = termios.tcgetattr(slave)
print(raw[3] & termios.ICANON, raw[6][termios.VMIN], raw[6][termios.VTIME])
termios.tcflush(slave, termios.TCIOFLUSH)
termios.tcdrain(slave)
os.write(slave, b"hi")
print(os.read(master, 2))

calls = [
    lambda: termios.tcgetattr(os.open("/dev/null", os.O_RDONLY)), lambda: termios.tcgetattr("x"),
    lambda: termios.tcgetattr(-1), lambda: termios.tcsetattr(slave, 0, []),
    lambda: termios.tcsetattr(slave, 0, [1, 2, 3]), lambda: termios.tcsetattr(slave, 0, a[:6] + [[1] * 5]),
    lambda: termios.tcsetattr(slave, 0, (1,) * 7), lambda: termios.tcsetattr(slave, 0, a[:6] + [[1.5] * 32]),
    lambda: termios.tcsetwinsize(slave, (1,)), lambda: termios.tcsetwinsize(slave, [1, "a"]),
    lambda: termios.tcsetattr(slave, 99, a),
]
for c in calls:
    try:
        print("ok", c())
    except termios.error as e:
        print("termios.error", e.args)
    except Exception as e:
        print(type(e).__name__, e)
os.close(master)
os.close(slave)
