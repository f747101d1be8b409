"""Basic statistics (ftpy): mean, fmean, geometric_mean, harmonic_mean,
median (low/high/grouped), mode, multimode, quantiles, variance, stdev,
pvariance, pstdev.

Sums are exact: every value is turned into an integer ratio and summed
exactly, and only the final result is rounded, as CPython does, so results
agree with CPython for int and float data.  Fraction and Decimal inputs are
accepted where they convert exactly via as_integer_ratio()."""

import math
from math import fsum as _fsum, isqrt as _isqrt, gcd as _gcd

__all__ = ['StatisticsError', 'fmean', 'geometric_mean', 'harmonic_mean',
           'mean', 'median', 'median_grouped', 'median_high', 'median_low',
           'mode', 'multimode', 'pstdev', 'pvariance', 'quantiles', 'stdev',
           'variance']


class StatisticsError(ValueError):
    pass


def _ratio(x):
    try:
        return x.as_integer_ratio()
    except AttributeError:
        raise TypeError("can't convert type '%s' to numerator/denominator"
                        % type(x).__name__) from None


def _exact_sum(data):
    """(type, numerator, denominator, count) of the exact sum of data."""
    kinds = set()
    num, den, count = 0, 1, 0
    for x in data:
        kinds.add(type(x))
        n, d = _ratio(x)
        if not math.isfinite(x) if isinstance(x, float) else False:
            return float, x, None, count + 1
        num = num * d + n * den
        den *= d
        g = _gcd(num, den)
        if g > 1:
            num //= g
            den //= g
        count += 1
    return _result_type(kinds), num, den, count


def _result_type(kinds):
    if not kinds:
        return int
    if float in kinds:
        return float
    if kinds <= {int, bool}:
        return int
    kinds.discard(int)
    kinds.discard(bool)
    if len(kinds) == 1:
        return kinds.pop()
    raise TypeError("can't convert type '%s' to '%s'" % tuple(k.__name__ for k in list(kinds)[:2]))


def _convert(num, den, T):
    """num/den as a value of type T (int results that are not whole become
    float, as in CPython)."""
    if den is None:       # a non-finite float short-circuited the sum
        return num
    g = _gcd(num, den)
    if g > 1:
        num //= g
        den //= g
    if T is int:
        if den == 1:
            return num
        return num / den
    if T is float:
        return num / den
    try:
        return T(num) / T(den) if T.__name__ == 'Decimal' else T(num, den)
    except TypeError:
        return num / den


def mean(data):
    """Arithmetic mean of data (exact sum, one rounding)."""
    T, num, den, n = _exact_sum(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    if den is None:
        return num
    return _convert(num, den * n, T)


def fmean(data, weights=None):
    """Fast float mean (math.fsum based)."""
    if weights is None:
        data = list(data)
        n = len(data)
        if n == 0:
            raise StatisticsError('fmean requires at least one data point')
        return _fsum(data) / n
    data = list(data)
    weights = list(weights)
    if len(weights) != len(data):
        raise StatisticsError('data and weights must be the same length')
    total = _fsum(weights)
    if not total:
        raise StatisticsError('sum of weights must be non-zero')
    return _fsum(x * w for x, w in zip(data, weights)) / total


def geometric_mean(data):
    """Geometric mean (computed with logarithms, as floats)."""
    data = list(data)
    if not data:
        raise StatisticsError('geometric mean requires a non-empty dataset '
                              'containing positive numbers')
    if any(x < 0 for x in data):
        raise StatisticsError('geometric mean requires a non-empty dataset '
                              'containing positive numbers')
    if any(x == 0 for x in data):
        return 0.0
    return math.exp(fmean(map(math.log, data)))


def harmonic_mean(data, weights=None):
    """Harmonic mean: n / sum(1/x)."""
    data = list(data)
    if not data:
        raise StatisticsError('harmonic_mean requires at least one data point')
    if weights is None:
        if len(data) == 1:
            if data[0] < 0:
                raise StatisticsError('harmonic mean does not support negative values')
            return data[0]
        weights = [1] * len(data)
    else:
        weights = list(weights)
        if len(weights) != len(data):
            raise StatisticsError('Number of weights does not match data size')
    for x in data:
        if x < 0:
            raise StatisticsError('harmonic mean does not support negative values')
    if any(x == 0 for x in data):
        return 0
    _, wnum, wden, _ = _exact_sum(weights)
    # The terms use ordinary division (so int data gives float terms).
    T, tnum, tden, _ = _exact_sum([w / x if w else 0 for w, x in zip(weights, data)])
    if tnum <= 0:
        raise StatisticsError('Weighted sum must be positive')
    return _convert(wnum * tden, wden * tnum, T)


def median(data):
    """Median (middle value, or mean of the middle two)."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    """Low median: the smaller of the two middle values."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    return data[n // 2] if n % 2 == 1 else data[n // 2 - 1]


def median_high(data):
    """High median: the larger of the two middle values."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    return data[n // 2]


def median_grouped(data, interval=1.0):
    """Median of grouped continuous data (50th percentile by
    interpolation)."""
    data = sorted(data)
    n = len(data)
    if not n:
        raise StatisticsError('no median for empty data')
    x = data[n // 2]
    lo = 0
    while lo < n and data[lo] < x:
        lo += 1
    hi = lo
    while hi < n and data[hi] == x:
        hi += 1
    try:
        interval = float(interval)
        x = float(x)
    except ValueError:
        raise TypeError('Value cannot be converted to a float')
    L = x - interval / 2.0
    cf = lo
    f = hi - lo
    return L + interval * (n / 2 - cf) / f


def mode(data):
    """The most common value (the first one met, on ties)."""
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    if not counts:
        raise StatisticsError('no mode for empty data')
    best = max(counts.values())
    for x, c in counts.items():
        if c == best:
            return x


def multimode(data):
    """All the most common values, in order of first appearance."""
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    if not counts:
        return []
    best = max(counts.values())
    return [x for x, c in counts.items() if c == best]


def quantiles(data, *, n=4, method='exclusive'):
    """n-1 cut points dividing data into n intervals of equal probability."""
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        if ld == 1:
            return data * (n - 1)
        raise StatisticsError('must have at least one data point')
    if method == 'inclusive':
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
            result.append(interpolated)
        return result
    if method == 'exclusive':
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
            result.append(interpolated)
        return result
    raise ValueError('Unknown method: %r' % (method,))


def _sum_squares(data, xbar=None):
    """(type, exact sum of squared deviations as num/den, count)."""
    data = list(data)
    n = len(data)
    T, snum, sden, _ = _exact_sum(data)
    if sden is None:
        return T, snum, None, n
    if xbar is None:
        cnum, cden = snum, sden * n            # exact mean
    else:
        cnum, cden = _ratio(xbar)
    # sum((x - c)^2) with x = xn/xd: accumulate exactly.
    num, den = 0, 1
    for x in data:
        xn, xd = _ratio(x)
        dn = xn * cden - cnum * xd
        dd = xd * cden
        sq_n, sq_d = dn * dn, dd * dd
        num = num * sq_d + sq_n * den
        den *= sq_d
        g = _gcd(num, den)
        if g > 1:
            num //= g
            den //= g
    return T, num, den, n


def _sqrt_ratio(num, den):
    """Correctly rounded float square root of num/den (num, den > 0)."""
    if num <= 0:
        return 0.0
    # Scale so that the integer root has at least 55 significant bits,
    # then round once, with a sticky bit for inexact roots.
    k = max(0, 55 - (num.bit_length() - den.bit_length()) // 2 + 2)
    scaled_num = num << (2 * k)
    q, r = divmod(scaled_num, den)
    root = _isqrt(q)
    if root * root != q or r:
        root |= 1
    return math.ldexp(float(root), -k) if root.bit_length() <= 1023 else \
        math.ldexp(float(root >> k), 0)


def variance(data, xbar=None):
    """Sample variance (divides by n - 1)."""
    T, num, den, n = _sum_squares(data, xbar)
    if n < 2:
        raise StatisticsError('variance requires at least two data points')
    if den is None:
        return float('nan')
    return _convert(num, den * (n - 1), T)


def pvariance(data, mu=None):
    """Population variance (divides by n)."""
    T, num, den, n = _sum_squares(data, mu)
    if n < 1:
        raise StatisticsError('pvariance requires at least one data point')
    if den is None:
        return float('nan')
    return _convert(num, den * n, T)


def _std(num, den, T):
    if T is float or T is int:
        return _sqrt_ratio(num, den)
    v = _convert(num, den, T)
    try:
        return v.sqrt()
    except AttributeError:
        return math.sqrt(v)


def stdev(data, xbar=None):
    """Sample standard deviation (square root of variance())."""
    T, num, den, n = _sum_squares(data, xbar)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    if den is None:
        return float('nan')
    return _std(num, den * (n - 1), T)


def pstdev(data, mu=None):
    """Population standard deviation (square root of pvariance())."""
    T, num, den, n = _sum_squares(data, mu)
    if n < 1:
        raise StatisticsError('pstdev requires at least one data point')
    if den is None:
        return float('nan')
    return _std(num, den * n, T)
