"""Module with doctests.

>>> add(2, 3)
5
>>> add('a', 'b')
'ab'
"""
import doctest

def add(a, b):
    """Add things.

    >>> add(1, 1)
    2
    >>> add(1, 1.5)
    2.5
    >>> add([1], [2])
    [1, 2]
    """
    return a + b

def broken(n):
    """Fails on purpose.

    >>> broken(3)
    9
    >>> broken(0)
    Traceback (most recent call last):
        ...
    ValueError: n must be positive
    >>> broken(-1)  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ValueError: wrong message
    >>> print(list(range(n)))  # doctest: +SKIP
    nope
    """
    if n <= 0:
        raise ValueError("n must be positive")
    return n * 2

def ellipsis_demo():
    """
    >>> list(range(20))  # doctest: +ELLIPSIS
    [0, 1, ..., 19]
    >>> print("a   b\\n c")  # doctest: +NORMALIZE_WHITESPACE
    a b c
    >>> {'x': 1}
    {'x': 1}
    >>> 1/0
    Traceback (most recent call last):
      ...
    ZeroDivisionError: division by zero
    >>> 'undefined_name'
    5
    """

class Account:
    """
    >>> a = Account(10)
    >>> a.deposit(5)
    15
    >>> a.balance
    16
    """
    def __init__(self, b): self.balance = b
    def deposit(self, x):
        """
        >>> Account(0).deposit(3)
        3
        """
        self.balance += x
        return self.balance

if __name__ == "__main__":
    res = doctest.testmod(verbose=False)
    print(res)
    print(type(res).__name__, res.failed, res.attempted)
    res2 = doctest.testmod(verbose=False, optionflags=doctest.REPORT_ONLY_FIRST_FAILURE)
    print(res2)
    t = doctest.DocTestFinder().find(Account)
    print(sorted(x.name for x in t))
    p = doctest.DocTestParser()
    ex = p.get_examples(">>> 1 + 1\n2\n>>> x = 3\n>>> x\n3\n")
    print([(e.source, e.want, e.lineno) for e in ex])
    print(doctest.run_docstring_examples(add, {"add": add}, name="add_only"))
