# Errors raised inside library functions that CPython implements in C
# (heapq, bisect, _csv, OrderedDict, operator, pickle) show no library
# frames in an uncaught traceback; frames of user code they call (a key
# function, a failing __lt__) still show. Each case runs in a child.
import subprocess, sys

cases = [
    "import heapq\nheapq.heappop([])",
    "import heapq\nh = [1]\nheapq.heappush(h, 'a')",
    "import heapq\nclass Bad:\n    def __lt__(self, other):\n        raise ValueError('no order')\nheapq.heapify([Bad(), Bad()])",
    "import bisect\nbisect.insort(None, 1)",
    "import bisect\nbisect.bisect([1, 2], 1, key=lambda v: v / 0)",
    "import csv, io\nlist(csv.reader(io.StringIO('a,\"b'), strict=True))",
    "import csv, io\nlist(csv.reader(io.StringIO('1,x'), quoting=csv.QUOTE_NONNUMERIC))",
    "import csv\ncsv.writer(None)",
    "import csv, io\ncsv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['a,b'])",
    "import collections\ncollections.OrderedDict().popitem()",
    "import collections\ncollections.OrderedDict(a=1).move_to_end('b')",
    "import operator\noperator.itemgetter('k')({})",
    "import pickle\npickle.loads(b'K')",
]
for code in cases:
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    lines = [l for l in r.stderr.splitlines() if l.strip() and set(l.strip()) - set("^~")]
    print(r.returncode, "|".join(lines))
