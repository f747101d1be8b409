# Text processing with re: findall of \w+ and of an email-like pattern, sub
# with a callback, split on a class, over a ~130 KB string (scale: rounds).
# Checked against counts worked out from the text's construction.
import re

import benchlib

BENCH = {"kind": "single", "scale": 5, "quick": 1,
         "about": "re findall/sub/split over a 130 KB string"}

LINE = "The quick brown fox jumps over the lazy dog 12345, foo@bar.com; "
COPIES = 2000


def main():
    rounds = benchlib.parse_args({"scale": BENCH["scale"]})["scale"]
    text = LINE * COPIES
    start = benchlib.clock()
    for _ in range(rounds):
        a = len(re.findall(r'\w+', text))
        b = len(re.findall(r'[\w.]+@[\w.]+', text))
        c = len(re.sub(r'(\d+)', lambda m: m.group(1)[::-1], text))
        d = len(re.split(r'[,;]\s*', text))
    elapsed = benchlib.clock() - start
    benchlib.check_equal(a, 13 * COPIES, "words")
    benchlib.check_equal(b, COPIES, "emails")
    benchlib.check_equal(c, len(text), "sub length")
    benchlib.check_equal(d, 2 * COPIES + 1, "split pieces")
    benchlib.check_equal(re.sub(r'(\d+)', lambda m: m.group(1)[::-1], LINE),
                         LINE.replace("12345", "54321"), "sub result")
    benchlib.report(elapsed)


main()
