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
           'variance', 'covariance', 'correlation', 'linear_regression',
           'LinearRegression', 'NormalDist']


class StatisticsError(ValueError):
    pass


def _ratio(x):
    try:
        return x.as_integer_ratio()
    except AttributeError:
        raise TypeError("can't convert type '%s' to numerator/denominator"
                        % type(x).__name__) from None


def _exact_sum(data):
    """(type, numerator, denominator, count) of the exact sum of data.
    If data holds infinities or NaNs, the result is (type, their plain sum,
    None, count): the finite values cannot change it (as in CPython)."""
    kinds = []
    num, den, count = 0, 1, 0
    nonfinite = None
    for x in data:
        if type(x) not in kinds:
            kinds.append(type(x))
        count += 1
        if isinstance(x, float) and not math.isfinite(x):
            nonfinite = x if nonfinite is None else nonfinite + x
            continue
        n, d = _ratio(x)
        num = num * d + n * den
        den *= d
        g = _gcd(num, den)
        if g > 1:
            num //= g
            den //= g
    T = _result_type(kinds)
    if nonfinite is not None:
        return T, nonfinite, None, count
    return T, num, den, count


def _coerce(T, S):
    # The common type of T and S (ints give way to anything; a Fraction
    # gives way to a float), or TypeError.
    if T is S or S is int or S is bool:
        return T
    if T is int:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    if T.__name__ == 'Fraction' and issubclass(S, float):
        return S
    if issubclass(T, float) and S.__name__ == 'Fraction':
        return T
    raise TypeError("don't know how to coerce %s and %s" % (T.__name__, S.__name__))


def _result_type(kinds):
    T = int
    for S in kinds:
        T = _coerce(T, S)
    return T


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
        return num / n
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
    """Geometric mean (computed with logarithms, as floats).  As in Python
    3.11, a zero or negative value is an error."""
    try:
        logs = [math.log(x) for x in data]
        if not logs:
            raise ValueError
    except ValueError:
        raise StatisticsError('geometric mean requires a non-empty dataset '
                              'containing positive numbers') from None
    return math.exp(_fsum(logs) / len(logs))


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
        # Python 3.11 needs two points (3.13 accepts one).
        raise StatisticsError('must have at least two data points')
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
        if xbar is not None:
            # Only the infinite/NaN deviations count, as in CPython.
            snum = None
            for x in data:
                if isinstance(x, float) and not math.isfinite(x):
                    sq = (x - xbar) * (x - xbar)
                    snum = sq if snum is None else snum + sq
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
        return num / (n - 1)
    return _convert(num, den * (n - 1), T)


def pvariance(data, mu=None):
    """Population variance (divides by n)."""
    T, num, den, n = _sum_squares(data, mu)
    if n < 1:
        raise StatisticsError('pvariance requires at least one data point')
    if den is None:
        return num / n
    return _convert(num, den * n, T)


def _no_numerator():
    # CPython 3.11's stdev of data with an infinity or NaN fails this way.
    raise AttributeError("'float' object has no attribute 'numerator'")


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
        _no_numerator()
    return _std(num, den * (n - 1), T)


def pstdev(data, mu=None):
    """Population standard deviation (square root of pvariance())."""
    T, num, den, n = _sum_squares(data, mu)
    if n < 1:
        raise StatisticsError('pstdev requires at least one data point')
    if den is None:
        _no_numerator()
    return _std(num, den * n, T)


# --- two-variable statistics (float arithmetic on fsum'd sums, as CPython) ---

def _check_pair(x, y, what):
    n = len(x)
    if len(y) != n:
        raise StatisticsError('%s requires that both inputs have same number of data points' % what)
    if n < 2:
        raise StatisticsError('%s requires at least two data points' % what)
    return n


def _deviation_sums(x, y, n):
    """(sum of (x - xbar)(y - ybar), sum of (x - xbar)**2, xbar, ybar)."""
    xbar = _fsum(x) / n
    ybar = _fsum(y) / n
    sxy = _fsum([(xi - xbar) * (yi - ybar) for xi, yi in zip(x, y)])
    dx = [xi - xbar for xi in x]
    sxx = _fsum([d * d for d in dx])
    return sxy, sxx, xbar, ybar


def covariance(x, y, /):
    """Sample covariance of x and y."""
    n = _check_pair(x, y, 'covariance')
    sxy, _, _, _ = _deviation_sums(x, y, n)
    return sxy / (n - 1)


def correlation(x, y, /):
    """Pearson's correlation coefficient of x and y."""
    n = _check_pair(x, y, 'correlation')
    sxy, sxx, _, ybar = _deviation_sums(x, y, n)
    dy = [yi - ybar for yi in y]
    syy = _fsum([d * d for d in dy])
    try:
        return sxy / math.sqrt(sxx * syy)
    except ZeroDivisionError:
        raise StatisticsError('at least one of the inputs is constant')


class LinearRegression(tuple):
    """(slope, intercept) of a least-squares line."""
    __slots__ = ()
    _fields = ('slope', 'intercept')

    def __new__(cls, slope, intercept):
        return tuple.__new__(cls, (slope, intercept))

    slope = property(lambda self: self[0], doc='Alias for field number 0')
    intercept = property(lambda self: self[1], doc='Alias for field number 1')

    def __repr__(self):
        return 'LinearRegression(slope=%r, intercept=%r)' % (self[0], self[1])

    def _asdict(self):
        return {'slope': self[0], 'intercept': self[1]}


def linear_regression(x, y, /, *, proportional=False):
    """Slope and intercept of simple linear regression (ordinary least
    squares); proportional=True fits a line through the origin."""
    n = _check_pair(x, y, 'linear regression')
    if proportional:
        sxy = _fsum([xi * yi for xi, yi in zip(x, y)])
        sxx = _fsum([xi * xi for xi in x])
    else:
        sxy, sxx, xbar, ybar = _deviation_sums(x, y, n)
    try:
        slope = sxy / sxx
    except ZeroDivisionError:
        raise StatisticsError('x is constant')
    intercept = 0.0 if proportional else ybar - slope * xbar
    return LinearRegression(slope=slope, intercept=intercept)


# --- NormalDist -------------------------------------------------------------

# Wichura's algorithm AS241 (Applied Statistics 37, 1988): rational
# approximations of the normal quantile, accurate to about 1e-16. Each list
# holds one polynomial's coefficients, highest power first.
_AS241_CENTRAL_NUM = [2.5090809287301226727e+3, 3.3430575583588128105e+4, 6.7265770927008700853e+4,
                      4.5921953931549871457e+4, 1.3731693765509461125e+4, 1.9715909503065514427e+3,
                      1.3314166789178437745e+2, 3.3871328727963666080e+0]
_AS241_CENTRAL_DEN = [5.2264952788528545610e+3, 2.8729085735721942674e+4, 3.9307895800092710610e+4,
                      2.1213794301586595867e+4, 5.3941960214247511077e+3, 6.8718700749205790830e+2,
                      4.2313330701600911252e+1, 1.0]
_AS241_NEAR_NUM = [7.74545014278341407640e-4, 2.27238449892691845833e-2, 2.41780725177450611770e-1,
                   1.27045825245236838258e+0, 3.64784832476320460504e+0, 5.76949722146069140550e+0,
                   4.63033784615654529590e+0, 1.42343711074968357734e+0]
_AS241_NEAR_DEN = [1.05075007164441684324e-9, 5.47593808499534494600e-4, 1.51986665636164571966e-2,
                   1.48103976427480074590e-1, 6.89767334985100004550e-1, 1.67638483018380384940e+0,
                   2.05319162663775882187e+0, 1.0]
_AS241_FAR_NUM = [2.01033439929228813265e-7, 2.71155556874348757815e-5, 1.24266094738807843860e-3,
                  2.65321895265761230930e-2, 2.96560571828504891230e-1, 1.78482653991729133580e+0,
                  5.46378491116411436990e+0, 6.65790464350110377720e+0]
_AS241_FAR_DEN = [2.04426310338993978564e-15, 1.42151175831644588870e-7, 1.84631831751005468180e-5,
                  7.86869131145613259100e-4, 1.48753612908506148525e-2, 1.36929880922735805310e-1,
                  5.99832206555887937690e-1, 1.0]


def _horner(coefficients, r):
    acc = coefficients[0]
    for c in coefficients[1:]:
        acc = acc * r + c
    return acc


def _normal_quantile(p, mu, sigma):
    q = p - 0.5
    if math.fabs(q) <= 0.425:
        r = 0.180625 - q * q
        x = _horner(_AS241_CENTRAL_NUM, r) * q / _horner(_AS241_CENTRAL_DEN, r)
        return mu + (x * sigma)
    r = math.sqrt(-math.log(p if q <= 0.0 else 1.0 - p))
    if r <= 5.0:
        r = r - 1.6
        x = _horner(_AS241_NEAR_NUM, r) / _horner(_AS241_NEAR_DEN, r)
    else:
        r = r - 5.0
        x = _horner(_AS241_FAR_NUM, r) / _horner(_AS241_FAR_DEN, r)
    if q < 0.0:
        x = -x
    return mu + (x * sigma)


_SQRT2 = math.sqrt(2.0)


class NormalDist:
    """Normal distribution of a random variable (mean mu, standard
    deviation sigma)."""

    __slots__ = {'_mu': 'Arithmetic mean of a normal distribution',
                 '_sigma': 'Standard deviation of a normal distribution'}

    def __init__(self, mu=0.0, sigma=1.0):
        if sigma < 0.0:
            raise StatisticsError('sigma must be non-negative')
        self._mu = float(mu)
        self._sigma = float(sigma)

    @classmethod
    def from_samples(cls, data):
        data = list(data)
        if len(data) < 2:
            raise StatisticsError('stdev requires at least two data points')
        return cls(float(mean(data)), float(stdev(data)))

    def samples(self, n, *, seed=None):
        import random
        gauss = random.gauss if seed is None else random.Random(seed).gauss
        mu, sigma = self._mu, self._sigma
        return [gauss(mu, sigma) for _ in range(n)]

    def pdf(self, x):
        variance = self._sigma * self._sigma
        if not variance:
            raise StatisticsError('pdf() not defined when sigma is zero')
        diff = x - self._mu
        return math.exp(diff * diff / (-2.0 * variance)) / math.sqrt(math.tau * variance)

    def cdf(self, x):
        if not self._sigma:
            raise StatisticsError('cdf() not defined when sigma is zero')
        return 0.5 * (1.0 + math.erf((x - self._mu) / (self._sigma * _SQRT2)))

    def inv_cdf(self, p):
        if p <= 0.0 or p >= 1.0:
            raise StatisticsError('p must be in the range 0.0 < p < 1.0')
        if self._sigma <= 0.0:
            raise StatisticsError('cdf() not defined when sigma at or below zero')
        return _normal_quantile(p, self._mu, self._sigma)

    def quantiles(self, n=4):
        return [self.inv_cdf(i / n) for i in range(1, n)]

    def overlap(self, other):
        """Overlapping coefficient: the area shared by the two densities."""
        if not isinstance(other, NormalDist):
            raise TypeError('Expected another NormalDist instance')
        X, Y = self, other
        if (Y._sigma, Y._mu) < (X._sigma, X._mu):
            X, Y = Y, X
        X_var, Y_var = X.variance, Y.variance
        if not X_var or not Y_var:
            raise StatisticsError('overlap() not defined when sigma is zero')
        dv = Y_var - X_var
        dm = math.fabs(Y._mu - X._mu)
        if not dv:
            return 1.0 - math.erf(dm / (2.0 * X._sigma * _SQRT2))
        a = X._mu * Y_var - Y._mu * X_var
        b = X._sigma * Y._sigma * math.sqrt(dm * dm + dv * math.log(Y_var / X_var))
        x1 = (a + b) / dv
        x2 = (a - b) / dv
        return 1.0 - (math.fabs(Y.cdf(x1) - X.cdf(x1)) + math.fabs(Y.cdf(x2) - X.cdf(x2)))

    def zscore(self, x):
        if not self._sigma:
            raise StatisticsError('zscore() not defined when sigma is zero')
        return (x - self._mu) / self._sigma

    @property
    def mean(self):
        return self._mu

    @property
    def median(self):
        return self._mu

    @property
    def mode(self):
        return self._mu

    @property
    def stdev(self):
        return self._sigma

    @property
    def variance(self):
        return self._sigma * self._sigma

    def __add__(x1, x2):
        if isinstance(x2, NormalDist):
            return NormalDist(x1._mu + x2._mu, math.hypot(x1._sigma, x2._sigma))
        return NormalDist(x1._mu + x2, x1._sigma)

    def __sub__(x1, x2):
        if isinstance(x2, NormalDist):
            return NormalDist(x1._mu - x2._mu, math.hypot(x1._sigma, x2._sigma))
        return NormalDist(x1._mu - x2, x1._sigma)

    def __mul__(x1, x2):
        return NormalDist(x1._mu * x2, x1._sigma * math.fabs(x2))

    def __truediv__(x1, x2):
        return NormalDist(x1._mu / x2, x1._sigma / math.fabs(x2))

    def __pos__(x1):
        return NormalDist(x1._mu, x1._sigma)

    def __neg__(x1):
        return NormalDist(-x1._mu, x1._sigma)

    __radd__ = __add__

    def __rsub__(x1, x2):
        return -(x1 - x2)

    __rmul__ = __mul__

    def __eq__(x1, x2):
        if not isinstance(x2, NormalDist):
            return NotImplemented
        return x1._mu == x2._mu and x1._sigma == x2._sigma

    def __hash__(self):
        return hash((self._mu, self._sigma))

    def __repr__(self):
        return f'{type(self).__name__}(mu={self._mu!r}, sigma={self._sigma!r})'
