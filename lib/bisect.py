"""Bisection algorithms for sorted lists (ftpy)."""

__all__ = ['bisect', 'bisect_left', 'bisect_right', 'insort', 'insort_left',
           'insort_right']

from operator import index as _index


def _bounds(a, lo, hi):
    # As CPython's C bisect: lo and hi are C integers, and hi == -1 (its
    # "not given" value) means len(a).
    lo = _index(lo)
    if lo < 0:
        raise ValueError('lo must be non-negative')
    if hi is not None:
        try:
            hi = _index(hi)
        except TypeError:
            raise TypeError("argument should be integer or None, not '%s'"
                            % type(hi).__name__) from None
    if hi is None or hi == -1:
        hi = len(a)
    return lo, hi


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    """Return the index after the last item <= x in sorted list a."""
    lo, hi = _bounds(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < a[mid]:
                hi = mid
            else:
                lo = mid + 1
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < key(a[mid]):
                hi = mid
            else:
                lo = mid + 1
    return lo


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    """Return the index of the first item >= x in sorted list a."""
    lo, hi = _bounds(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if a[mid] < x:
                lo = mid + 1
            else:
                hi = mid
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if key(a[mid]) < x:
                lo = mid + 1
            else:
                hi = mid
    return lo


def insort_right(a, x, lo=0, hi=None, *, key=None):
    """Insert x into sorted list a, after any equal items."""
    if key is None:
        lo = bisect_right(a, x, lo, hi)
    else:
        lo = bisect_right(a, key(x), lo, hi, key=key)
    a.insert(lo, x)


def insort_left(a, x, lo=0, hi=None, *, key=None):
    """Insert x into sorted list a, before any equal items."""
    if key is None:
        lo = bisect_left(a, x, lo, hi)
    else:
        lo = bisect_left(a, key(x), lo, hi, key=key)
    a.insert(lo, x)


# CPython's bisect functions are C (_bisect): no frames in tracebacks.
def _hide_frames():
    import sys
    if hasattr(sys, '_ftpy_hide_frames'):
        sys._ftpy_hide_frames(_bounds, bisect_right, bisect_left,
                              insort_right, insort_left)
_hide_frames()
del _hide_frames

# The native versions (src/modules/bisect_module.cpp), as CPython's _bisect.
try:
    from _bisect import *
except ImportError:
    pass

bisect = bisect_right
insort = insort_right
