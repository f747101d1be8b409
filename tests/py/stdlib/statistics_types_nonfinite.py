# statistics with Python 3.11's results for mixed types (Decimal and float do
# not mix), infinities and NaNs in the data, and many exact cases.
import statistics as st
from fractions import Fraction as F
from decimal import Decimal as D
import random
tests = ["st.mean([1, 2, 3, 4, 4])", "st.mean([-1.0, 2.5, 3.25, 5.75])", "st.mean([F(3, 7), F(1, 21), F(5, 3), F(1, 3)])", "st.mean([D('0.5'), D('0.75'), D('0.625'), D('0.375')])", "st.mean([1, 2.5])", "st.mean([F(1, 2), 0.5])", "st.mean([D('1'), 1.5])", "st.mean(['a'])", "st.mean(iter([1, 2]))", "st.mean([True, True, False])", "st.mean([1e308, 1e308, -1e308])",
 "st.fmean([3.5, 4.0, 5.25])", "st.fmean([], )", "st.fmean([1, 2], weights=[1])", "st.fmean(iter([1, 2, 3]))", "st.fmean([1, 2, 3], weights=[0, 0, 0])", "st.fmean([F(1, 3), F(2, 3)])", "st.fmean([1, 2, 3], weights=[0.25, 0.25, 0.5])",
 "st.harmonic_mean([2.5, 3, 10])", "st.harmonic_mean([40, 60], weights=[5, 30])", "st.harmonic_mean([0, 5])", "st.harmonic_mean([F(1, 2), F(1, 3)])", "st.harmonic_mean([D('2'), D('3')])", "st.harmonic_mean([1, -1])", "st.harmonic_mean([5])", "st.harmonic_mean([1, 2], weights=[0, 0])",
 "st.median([1, 3, 5])", "st.median([1, 3, 5, 7])", "st.median([F(1, 2), F(1, 3)])", "st.median([D('1.5'), D('2.5')])", "st.median(['a', 'c'])", "st.median_low([1, 3, 5, 7])", "st.median_high([1, 3, 5, 7])", "st.median_grouped([52, 52, 53, 54])", "st.median_grouped([1, 3, 3, 5, 7], interval=1)", "st.median_grouped([1, 3, 3, 5, 7], interval=2)", "st.median_grouped([1.5, 2.5])", "st.median_grouped(['a'])", "st.median_grouped([F(1,2), F(3, 2), 2])", "st.median_grouped([2, 4, 4, 4, 6], 0.5)",
 "st.mode([1, 1, 2, 2])", "st.mode('aabbbc')", "st.mode([(1, 2), (1, 2), (3,)])", "st.mode([[1]])", "st.multimode([])", "st.multimode('aabbc')",
 "st.variance([2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5])", "st.variance([1, 2, 3, 4], xbar=2.5)", "st.variance([F(1, 6), F(1, 2), F(5, 3)])", "st.variance([D('27.5'), D('30.25'), D('30.25'), D('34.5'), D('41.75')])", "st.pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25])", "st.pvariance([F(1, 4), F(5, 4), F(1, 2)])", "st.pvariance([D('27.5'), D('30.25')])",
 "st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75])", "st.stdev([F(1, 2), F(3, 2), 2])", "st.stdev([D('1.5'), D('2.5'), D('2.5')])", "st.pstdev([1, 2, 3])", "st.pstdev([D('1'), D('2')])", "st.stdev([1, 1, 1])", "st.stdev([10**20, 10**20 + 2])", "st.variance([10**20, 10**20 + 2])", "st.variance([1, float('inf')])", "st.variance([1, float('nan')])", "st.variance([1, 'a'])", "st.pvariance([1.5])", "st.variance(iter([1, 2, 3]))",
 "st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10)", "st.quantiles([1, 2], n=1)", "st.quantiles([1, 2], n=0)", "st.quantiles([1, 2], method='x')", "st.quantiles([F(1, 2), F(3, 2), 2])", "st.quantiles(range(10), n=3, method='inclusive')",
 "st.geometric_mean([1.5, 2.5])", "st.geometric_mean([F(1, 2), F(9, 2)])", "st.geometric_mean(iter([2, 8]))"]
for t in tests:
    try: print(t, '->', repr(eval(t)))
    except Exception as e: print(t, '->', type(e).__name__, e)
r = random.Random(1)
for _ in range(100):
    d = [r.uniform(-100, 100) for _ in range(r.randint(2, 30))]
    di = [r.randint(-1000, 1000) for _ in range(r.randint(2, 30))]
    print(st.mean(d), st.variance(d), st.stdev(d), st.pstdev(d), st.median(d), st.mean(di), st.variance(di), st.stdev(di), st.pvariance(di), st.median(di), st.quantiles(di))
inf = float('inf'); nan = float('nan')
for d in [[1, inf], [1, nan], [inf, -inf], [1, inf, inf], [inf, 1, 2]]:
    for f in [st.mean, st.variance, st.pvariance, st.stdev, st.pstdev, st.fmean, st.median]:
        try:
            print(f.__name__, d, f(d))
        except Exception as e:
            print(f.__name__, d, type(e).__name__, e)
    print(st.variance(d, xbar=1.0), st.pvariance(d, mu=2.0))
