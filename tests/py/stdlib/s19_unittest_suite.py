# A small unittest suite run with TextTestRunner on a StringIO stream:
# assertions, failures, errors, skips, expected failures, subTest,
# setUp/tearDown/class fixtures, mock.
import io
import re
import unittest
from unittest import mock


class Calc:
    def div(self, a, b):
        return a / b

    def fetch(self, client):
        return client.get("/value").json()["v"] * 2


class CalcTests(unittest.TestCase):
    log = []

    @classmethod
    def setUpClass(cls):
        cls.log.append("setUpClass")

    @classmethod
    def tearDownClass(cls):
        cls.log.append("tearDownClass")

    def setUp(self):
        self.c = Calc()
        self.addCleanup(self.log.append, "cleanup")

    def test_div(self):
        self.assertEqual(self.c.div(6, 3), 2)
        self.assertAlmostEqual(self.c.div(1, 3), 0.333, places=3)

    def test_div_zero(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            self.c.div(1, 0)
        self.assertIn("division", str(cm.exception))
        self.assertRaisesRegex(ZeroDivisionError, r"by zero", self.c.div, 1, 0)

    def test_fail_equal(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])

    def test_fail_dict(self):
        self.assertDictEqual({"a": 1, "b": 2}, {"a": 1, "b": 3})

    def test_fail_multiline(self):
        self.assertMultiLineEqual("one\ntwo\nthree\n", "one\n2\nthree\n")

    def test_error(self):
        {}["missing"]

    @unittest.skip("not today")
    def test_skipped(self):
        pass

    @unittest.skipIf(True, "condition")
    def test_skipped_if(self):
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
                self.assertEqual(i % 2, 0)

    def test_mock(self):
        client = mock.Mock()
        client.get.return_value.json.return_value = {"v": 21}
        self.assertEqual(self.c.fetch(client), 42)
        client.get.assert_called_once_with("/value")
        with mock.patch.object(Calc, "div", return_value=99) as m:
            self.assertEqual(Calc().div(1, 2), 99)
            m.assert_called_with(1, 2)

    def test_misc_asserts(self):
        self.assertIsNone(None)
        self.assertIsInstance(1, int)
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertRegex("abc123", r"\d+")
        self.assertGreater(3, 2)
        with self.assertWarns(DeprecationWarning):
            import warnings
            warnings.warn("old", DeprecationWarning)
        with self.assertLogs("x", level="INFO") as lg:
            import logging
            logging.getLogger("x").info("hello %d", 5)
        self.assertEqual(lg.output, ["INFO:x:hello 5"])


class Other(unittest.TestCase):
    def test_tuple(self):
        self.assertTupleEqual((1, "a"), (1, "b"))

    def test_ok(self):
        self.assertNotEqual(1, 2)

    def test_msg(self):
        self.assertTrue(0, msg="custom message")


def clean(text):
    text = re.sub(r'File "[^"]*", line \d+', 'File "X", line N', text)
    text = re.sub(r"Ran (\d+) tests? in [\d.]+s", r"Ran \1 tests in Ts", text)
    return "\n".join(l for l in text.splitlines() if not re.fullmatch(r"\s*[~^]+\s*", l))


loader = unittest.TestLoader()
suite = unittest.TestSuite()
suite.addTests(loader.loadTestsFromTestCase(CalcTests))
suite.addTests(loader.loadTestsFromTestCase(Other))
print(suite.countTestCases(), loader.getTestCaseNames(Other))
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
print(clean(stream.getvalue()))
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
      len(result.expectedFailures), len(result.unexpectedSuccesses), result.wasSuccessful())
print([t.id().split(".")[-1] for t, _ in result.failures])
print([(t.id().split(".")[-1], r) for t, r in result.skipped])
print(CalcTests.log[:3], CalcTests.log[-1])

stream = io.StringIO()
one = unittest.TestSuite([Other("test_ok")])
r = unittest.TextTestRunner(stream=stream, verbosity=1).run(one)
print(clean(stream.getvalue()), r.wasSuccessful())
m = mock.MagicMock()
m.__len__.return_value = 3
m(1, k=2)
m.method.side_effect = [1, ValueError("boom")]
print(len(m), m.call_args, m.method(), m.call_count)
try:
    m.method()
except ValueError as e:
    print("ValueError", e)
print(m.mock_calls)
s = mock.sentinel.token
print(s, mock.call(1, a=2), mock.ANY == object())
try:
    m.assert_called_with(5)
except AssertionError as e:
    print("AssertionError:", str(e).splitlines()[:2])
