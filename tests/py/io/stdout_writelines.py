# sys.stdout.writelines and sys.stderr.writelines write each item as write()
# does; a non-str item raises write()'s TypeError after the earlier ones.
import sys

sys.stdout.writelines(["a\n", "b", "c\n"])
sys.stdout.writelines(line.upper() for line in ["x\n", "y\n"])
sys.stdout.writelines([])
sys.stderr.writelines(["to stderr\n"])
try:
    sys.stdout.writelines(["ok ", 5, "never"])
except TypeError as e:
    print()
    print("TypeError:", e)
try:
    sys.stdout.writelines(7)
except TypeError as e:
    print("TypeError:", e)
print("end")
