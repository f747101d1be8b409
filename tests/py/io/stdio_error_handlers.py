# The standard streams' error handlers. The runner sets PYTHONIOENCODING=utf-8,
# which makes stdin and stdout strict; stderr is always backslashreplace.
# Children run with other settings: under the C.UTF-8 locale alone, or with
# PYTHONIOENCODING=utf-8:surrogateescape, invalid input bytes come in as
# U+DC80..U+DCFF and go out as the same bytes. An uncaught exception is
# written through sys.stderr, whatever it is now.
import os, subprocess, sys
print(sys.stdin.errors, sys.stdout.errors, sys.stderr.errors)
print(ascii(sys.stdin.readline()))
print("x\udcffy \u20ac \ud800", file=sys.stderr)
try:
    print("q\ud800")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
sys.stdout.reconfigure(errors="replace")
print("r\ud800", sys.stdout.errors)
sys.stdout.reconfigure(errors="strict")

child = r'''
import sys
print(sys.stdin.errors, sys.stdout.errors, sys.stderr.errors)
line = sys.stdin.readline()
print(ascii(line))
sys.stdout.write(line)
print(ascii(sys.stdin.read()))
print("a\udc80b \udcff")
sys.stdout.flush()
print("e\udcff \ud800", file=sys.stderr)
'''
base = {k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"}
for extra in [{}, {"PYTHONIOENCODING": "utf-8:surrogateescape"}, {"PYTHONIOENCODING": ":replace"}]:
    r = subprocess.run([sys.executable, "-c", child], input=b"ab\xffc\n\xe2\x82z\xed\xa0\x80\n",
                       capture_output=True, env={**base, **extra})
    print(extra, r.returncode, r.stdout, r.stderr)

sys.stdout.flush()
sys.stderr = sys.stdout
raise ValueError("to stdout")
