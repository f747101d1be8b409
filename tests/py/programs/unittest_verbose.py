import unittest, sys

class Stack:
    def __init__(self): self._items = []
    def push(self, x): self._items.append(x)
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()
    def __len__(self): return len(self._items)

class StackTests(unittest.TestCase):
    def setUp(self):
        self.s = Stack()
    def test_push_pop(self):
        self.s.push(1); self.s.push(2)
        self.assertEqual(self.s.pop(), 2)
        self.assertEqual(len(self.s), 1)
    def test_empty_pop(self):
        with self.assertRaises(IndexError) as cm:
            self.s.pop()
        self.assertIn("empty", str(cm.exception))
    def test_fail_equal(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])
    def test_fail_dict(self):
        self.assertDictEqual({"a": 1, "b": 2}, {"a": 1, "b": 3})
    def test_error(self):
        {}["missing"]
    @unittest.skip("not today")
    def test_skipped(self):
        pass
    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertTrue(False)
    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass
    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertLess(i, 2)
    def test_multiline(self):
        self.assertEqual("line one\nline two\n", "line one\nline 2\n")
    def test_almost(self):
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertAlmostEqual(1.0, 1.1, places=3)

class FixtureTests(unittest.TestCase):
    log = []
    @classmethod
    def setUpClass(cls):
        cls.log.append("setUpClass")
    @classmethod
    def tearDownClass(cls):
        cls.log.append("tearDownClass")
        print("fixture log:", cls.log)
    def tearDown(self):
        self.log.append("tearDown " + self._testMethodName)
    def test_a(self):
        self.addCleanup(self.log.append, "cleanup a")
        self.assertIsNone(None)
    def test_b(self):
        self.assertRegex("hello world", r"w.rld")
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        with self.assertWarns(DeprecationWarning):
            import warnings; warnings.warn("old", DeprecationWarning)
        with self.assertRaisesRegex(ValueError, "inv.lid"):
            int("invalid")

if __name__ == "__main__":
    import re
    class NoTiming:
        def __init__(self, stream): self.stream = stream
        def write(self, s): return self.stream.write(re.sub(r"in \d+\.\d+s", "in X.XXXs", s))
        def flush(self): self.stream.flush()
    runner = unittest.TextTestRunner(stream=NoTiming(sys.stderr), verbosity=2)
    prog = unittest.main(exit=False, testRunner=runner)
    r = prog.result
    print("ran", r.testsRun, "failures", len(r.failures), "errors", len(r.errors),
          "skipped", len(r.skipped), "xfail", len(r.expectedFailures),
          "xpass", len(r.unexpectedSuccesses), "ok", r.wasSuccessful())
    suite = unittest.TestLoader().loadTestsFromName("__main__.StackTests.test_push_pop")
    res = unittest.TextTestRunner(stream=NoTiming(sys.stdout), verbosity=0).run(suite)
    print(res)
    sys.exit(not r.wasSuccessful())
