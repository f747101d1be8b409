# frame.clear(): finished frames drop their locals, running frames refuse;
# unittest's assertRaises relies on it (traceback.clear_frames).
import sys
import unittest
import io

def grab():
    local_value = [1, 2, 3]
    return sys._getframe()

f = grab()
print(f.clear(), "local_value" in f.f_locals)
try:
    sys._getframe().clear()
except RuntimeError as e:
    print("RuntimeError:", e)

try:
    {}["k"]
except KeyError as e:
    tb = e.__traceback__
    import traceback
    traceback.clear_frames(tb)
    print("clear_frames ok", type(tb).__name__)

class T(unittest.TestCase):
    def test_raises(self):
        with self.assertRaises(KeyError) as cm:
            {}["missing"]
        self.assertEqual(cm.exception.args, ("missing",))
    def test_raises_regex(self):
        with self.assertRaisesRegex(ValueError, "invalid literal"):
            int("x")
    def test_not_raised(self):
        with self.assertRaises(ZeroDivisionError):
            pass

stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=0).run(unittest.defaultTestLoader.loadTestsFromTestCase(T))
print(result.testsRun, len(result.failures), len(result.errors), [str(t[0]).split()[0] for t in result.failures])
