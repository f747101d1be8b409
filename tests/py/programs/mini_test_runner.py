# A mini unittest-style runner built on introspection: dir(), getattr, __dict__, decorators.
import functools
import sys
import traceback


class SkipTest(Exception):
    pass


def skip(reason):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*a, **k):
            raise SkipTest(reason)
        wrapper.__skip_reason__ = reason
        return wrapper
    return deco


def expected_failure(fn):
    fn.__expected_failure__ = True
    return fn


def tags(*names):
    def deco(fn):
        fn.tags = set(getattr(fn, "tags", set())) | set(names)
        return fn
    return deco


def repeat(n):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(self, *args):
            return [fn(self, *args) for _ in range(n)]
        return wrapper
    return deco


class AssertionsMixin:
    def assertEqual(self, a, b, msg=None):
        if a != b:
            raise AssertionError(msg or f"{a!r} != {b!r}")

    def assertTrue(self, x):
        if not x:
            raise AssertionError(f"{x!r} is not true")

    def assertIn(self, a, b):
        if a not in b:
            raise AssertionError(f"{a!r} not found in {b!r}")

    def assertRaises(self, exc_type, fn=None, *args, **kwargs):
        ctx = _RaisesContext(exc_type)
        if fn is None:
            return ctx
        with ctx:
            fn(*args, **kwargs)
        return ctx

    def assertAlmostEqual(self, a, b, places=7):
        if round(abs(a - b), places) != 0:
            raise AssertionError(f"{a} != {b} within {places} places")


class _RaisesContext:
    def __init__(self, exc_type):
        self.exc_type = exc_type
        self.exception = None

    def __enter__(self):
        return self

    def __exit__(self, tp, value, tb):
        if tp is None:
            raise AssertionError(f"{self.exc_type.__name__} not raised")
        if not issubclass(tp, self.exc_type):
            return False
        self.exception = value
        return True


class TestCase(AssertionsMixin):
    registry = []

    def __init_subclass__(cls, /, abstract=False, **kwargs):
        super().__init_subclass__(**kwargs)
        if not abstract:
            TestCase.registry.append(cls)

    def setUp(self):
        pass

    def tearDown(self):
        pass


class Result:
    def __init__(self):
        self.records = []

    def add(self, name, status, detail=""):
        self.records.append((name, status, detail))

    def summary(self):
        counts = {}
        for _, status, _ in self.records:
            counts[status] = counts.get(status, 0) + 1
        return ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))


def run_class(cls, result, only_tag=None):
    names = sorted(n for n in dir(cls) if n.startswith("test") and callable(getattr(cls, n)))
    for name in names:
        method = getattr(cls, name)
        if only_tag and only_tag not in getattr(method, "tags", ()):
            continue
        inst = cls()
        full = f"{cls.__qualname__}.{name}"
        xfail = getattr(method, "__expected_failure__", False)
        try:
            inst.setUp()
            try:
                getattr(inst, name)()
            finally:
                inst.tearDown()
        except SkipTest as e:
            result.add(full, "skip", str(e))
        except AssertionError as e:
            result.add(full, "xfail" if xfail else "FAIL", str(e))
        except Exception as e:
            tb = traceback.extract_tb(e.__traceback__)
            result.add(full, "ERROR", f"{type(e).__name__}: {e} (in {tb[-1].name})")
        else:
            result.add(full, "XPASS" if xfail else "ok")


class Stack:
    def __init__(self):
        self._items = []

    def push(self, x):
        self._items.append(x)

    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()

    def __len__(self):
        return len(self._items)


class BaseStackTests(TestCase, abstract=True):
    def setUp(self):
        self.s = Stack()
        self.log = []

    def test_empty(self):
        self.assertEqual(len(self.s), 0)


class StackTests(BaseStackTests):
    @tags("fast")
    def test_push_pop(self):
        self.s.push(1)
        self.s.push(2)
        self.assertEqual(self.s.pop(), 2)
        self.assertEqual(len(self.s), 1)

    def test_pop_empty(self):
        with self.assertRaises(IndexError) as cm:
            self.s.pop()
        self.assertIn("empty", str(cm.exception))

    @tags("fast", "broken")
    def test_wrong(self):
        self.assertEqual(self.s.pop() if self.s else None, 1)

    @expected_failure
    def test_known_bug(self):
        self.assertTrue(False)

    @expected_failure
    def test_fixed_bug(self):
        self.assertTrue(True)

    @skip("not today")
    def test_skipped(self):
        raise RuntimeError("never")

    def test_error(self):
        return {}["missing"]

    @repeat(3)
    def test_repeat(self):
        self.s.push(0)
        return len(self.s)

    not_a_test = 42


class MathTests(TestCase):
    def test_float(self):
        self.assertAlmostEqual(0.1 + 0.2, 0.3)

    def test_float_bad(self):
        self.assertAlmostEqual(1.0, 1.1, places=3)

    def test_raises_wrong_type(self):
        self.assertRaises(KeyError, int, "x")

    def test_not_raised(self):
        self.assertRaises(ValueError, int, "5")


result = Result()
for cls in TestCase.registry:
    run_class(cls, result)
for name, status, detail in result.records:
    print(f"{status:<6} {name}" + (f" -- {detail}" if detail else ""))
print(result.summary())

fast = Result()
run_class(StackTests, fast, only_tag="fast")
print([n for n, _, _ in fast.records])

print([c.__name__ for c in TestCase.registry], [c.__name__ for c in TestCase.__subclasses__()])
m = StackTests.test_skipped
print(m.__name__, m.__qualname__, m.__skip_reason__, m.__wrapped__.__name__, sorted(StackTests.test_wrong.tags))
print(sorted(k for k in StackTests.__dict__ if not k.startswith("__")))
print("setUp" in StackTests.__dict__, "setUp" in BaseStackTests.__dict__, StackTests.__mro__[1].__name__)
inst = StackTests()
inst.setUp()
print(sorted(vars(inst)), hasattr(inst, "assertIn"), getattr(inst, "nope", "default"))
print(StackTests.test_repeat(inst))
print(type(StackTests.__dict__["test_empty" if "test_empty" in StackTests.__dict__ else "test_error"]).__name__)
print(callable(StackTests.not_a_test), StackTests.not_a_test)
bound = inst.test_push_pop
print(bound.__self__ is inst, bound.__func__ is StackTests.test_push_pop, bound.__name__)
print(sys.version_info >= (3, 8), isinstance(sys.maxsize, int))
