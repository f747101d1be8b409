# statistics as in Python 3.11: covariance, correlation, linear_regression,
# NormalDist, and 3.11's rules for quantiles (two points) and geometric_mean
# (positive data only).
import statistics as st
from fractions import Fraction
for x, y in [([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]), ([1.5, 2.5, 3.5], [10, 20, 35]), ([Fraction(1, 2), 1, 2], [3, 4, 6]), ([1, 1, 1], [1, 2, 3]), ([1, 2, 3], [5, 5, 5]), ([1], [2]), ([1, 2], [3])]:
    for f in [st.covariance, st.correlation, st.linear_regression, lambda a, b: st.linear_regression(a, b, proportional=True)]:
        try: print(f(x, y))
        except st.StatisticsError as e: print('StatisticsError', e)
r = st.linear_regression([1, 2, 3], [2, 4, 7]); print(r.slope, r.intercept, r[0], tuple(r), r == (r.slope, r.intercept))
for d in [[0, 1], [-1, 2], [], [1, 4], [2.5, 3.5, 4.5], iter([1, 10, 100])]:
    try: print(st.geometric_mean(d))
    except st.StatisticsError as e: print('StatisticsError', e)
for d in [[1], [], [1, 2], [5, 1, 9, 3]]:
    for n in [1, 2, 4, 0]:
        try: print(st.quantiles(d, n=n), st.quantiles(d, n=n, method='inclusive'))
        except st.StatisticsError as e: print('StatisticsError', e)
nd = st.NormalDist(100, 15); print(nd, nd.cdf(130), nd.inv_cdf(0.95), nd.pdf(100), nd.mean, nd.stdev, nd.variance, nd.overlap(st.NormalDist(110, 10)), nd.zscore(85), nd.quantiles(4), nd + 5, nd * 2, st.NormalDist.from_samples([1, 2, 3, 4]))
print(nd.samples(3, seed=42), nd.quantiles(10), st.NormalDist().inv_cdf(1e-10), st.NormalDist().inv_cdf(1e-300), st.NormalDist().inv_cdf(0.3), st.NormalDist(2, 3).inv_cdf(0.999999))
print(nd - st.NormalDist(1, 2), 5 - nd, -nd, +nd, nd / 4, 3 * nd, nd == st.NormalDist(100, 15), nd == 5, hash(nd) == hash(st.NormalDist(100.0, 15.0)), nd.overlap(nd), st.NormalDist(0, 1).overlap(st.NormalDist(1, 1)))
print(st.NormalDist.from_samples([2.5, 3.25, 5.5, 11.25]), st.NormalDist.from_samples(range(10)))
for bad in [lambda: st.NormalDist(0, -1), lambda: st.NormalDist(0, 0).pdf(1), lambda: st.NormalDist(0, 0).cdf(1), lambda: nd.inv_cdf(0), lambda: nd.inv_cdf(1.5), lambda: st.NormalDist(1, 0).inv_cdf(0.5), lambda: nd.overlap(3), lambda: st.NormalDist(1, 0).overlap(nd), lambda: st.NormalDist(1, 0).zscore(1), lambda: st.NormalDist.from_samples([1])]:
    try: print(bad())
    except (st.StatisticsError, TypeError) as e: print(type(e).__name__, e)
import random
random.seed(7)
print([round(x, 6) for x in nd.samples(4)])
