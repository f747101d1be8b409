# A tour of stdlib modules real tools use: unittest runner, argparse, pickle, difflib, calendar,
# pprint, shlex, urllib.parse, html, graphlib, decimal, datetime, statistics, uuid.
import unittest, argparse, pickle, difflib, calendar, pprint, shlex, urllib.parse, html, graphlib, decimal, datetime, statistics, uuid
class T(unittest.TestCase):
    def test_a(self): self.assertEqual(1, 1)
    def test_b(self): self.assertIn(3, [1, 2])
    @unittest.skip("no")
    def test_c(self): pass
    def test_d(self):
        with self.assertRaises(KeyError): {}[1]
    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)
import io
s = io.StringIO()
r = unittest.TextTestRunner(stream=s, verbosity=2).run(unittest.defaultTestLoader.loadTestsFromTestCase(T))
print(r.testsRun, len(r.failures), len(r.skipped), r.wasSuccessful())
print("\n".join(l for l in s.getvalue().splitlines() if not l.startswith(("Ran ", "  File")) ))
p = argparse.ArgumentParser(prog="tool", description="d")
p.add_argument("files", nargs="*"); p.add_argument("-v", "--verbose", action="count", default=0)
p.add_argument("--n", type=int, choices=[1,2,3], default=1); p.add_argument("--mode", required=False)
print(p.parse_args(["a", "b", "-vv", "--n", "2"]))
print(p.format_help())
try:
    p.parse_args(["--n", "9"])
except SystemExit as e:
    print("exit", e.code)
d = {"a": [1, 2, {"b": (3, 4)}], "c": {1, 2}}
print(pickle.loads(pickle.dumps(d)) == d, pickle.loads(pickle.dumps(T)) is T)
print(list(difflib.unified_diff(["a\n", "b\n"], ["a\n", "c\n"], "x", "y")))
print(difflib.SequenceMatcher(None, "abcd", "bcde").ratio(), difflib.get_close_matches("appel", ["ape", "apple", "peach"]))
print(calendar.month(2024, 2), calendar.isleap(2024), calendar.monthrange(2024, 2))
pprint.pprint({"k%d" % i: list(range(i)) for i in range(8)}, width=50)
print(shlex.split("a 'b c' \"d e\" f\\ g"), shlex.quote("it's"), shlex.join(["a b", "c"]))
u = urllib.parse.urlparse("https://user@host:8080/p/a?x=1&y=2#frag")
print(u, urllib.parse.parse_qs(u.query), urllib.parse.urlencode({"a": "b c", "d": "&"}), urllib.parse.quote("a b/c"))
print(html.escape("<a href='x'>&</a>"), html.unescape("&lt;&amp;&#39;&eacute;"))
ts = graphlib.TopologicalSorter({"b": {"a"}, "c": {"b", "a"}}); print(list(ts.static_order()))
decimal.getcontext().prec = 30
print(decimal.Decimal(1) / decimal.Decimal(7), decimal.Decimal("1.10") + decimal.Decimal("2.205"), round(decimal.Decimal("2.675"), 2))
dt = datetime.datetime(2024, 2, 28, 23, 30) + datetime.timedelta(hours=2)
print(dt, dt.isoformat(), dt.strftime("%A %d %B %Y %I:%M %p"), dt.weekday(), datetime.date(2024, 3, 1) - datetime.date(2023, 3, 1))
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]), statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]), statistics.mode("aabbbc"))
print(uuid.UUID("12345678123456781234567812345678"), uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), len(str(uuid.uuid4())))
