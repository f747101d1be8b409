#!/usr/bin/env python3
"""Bytes per plain-class instance, side by side (docs/architecture.md,
"Instance attributes"): RSS growth over 200,000 instances kept in a list,
with the collector off and attribute values None, for 2 and 5 attributes.

    python3 bench/instance_size.py [--interp build/ftpy,python3]
"""
import argparse
import subprocess

PROGRAM = r'''
import gc
gc.disable()
class P:
    def __init__(self, a, b):
        self.a = a; self.b = b{extra}
def rss():
    for l in open('/proc/self/status'):
        if l.startswith('VmRSS'): return int(l.split()[1])
n = 200000
r0 = rss()
ps = [P(None, None) for i in range(n)]
print(round((rss() - r0) * 1024 / n))
'''


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--interp", default="build/ftpy,python3")
    args = ap.parse_args()
    print("%-12s %8s %8s" % ("interp", "2 attrs", "5 attrs"))
    for interp in args.interp.split(","):
        sizes = []
        for extra in ("", "; self.c = a; self.d = b; self.e = a"):
            out = subprocess.run([interp, "-c", PROGRAM.format(extra=extra)], capture_output=True, text=True,
                                 check=True).stdout
            sizes.append(out.strip())
        print("%-12s %8s %8s" % (interp, *sizes))


if __name__ == "__main__":
    main()
