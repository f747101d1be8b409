# fractions and statistics in a grade-book style computation.
from fractions import Fraction
import statistics as st
import math

scores = {"ann": [88, 92, 79, 93], "bob": [75, 64, 80, 91], "cy": [100, 95, 98, 97],
          "dee": [60, 70, 65, 72], "eve": [88, 88, 91, 85]}
for name, s in scores.items():
    print(f"{name:4} mean={st.mean(s):6.2f} median={st.median(s)} "
          f"stdev={st.stdev(s):.4f} pvar={st.pvariance(s):.3f}")
allv = [v for s in scores.values() for v in s]
print(st.mode(allv), st.multimode(allv), st.median_low(allv), st.median_high(allv))
print(st.quantiles(allv, n=4), st.quantiles(allv, n=10, method="inclusive"))
print(st.harmonic_mean([40, 60]), st.geometric_mean([1, 10, 100]))
print(st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]), st.fmean([1, 2, 4]))
print(st.mean([Fraction(1, 3), Fraction(2, 3), Fraction(1, 2)]))
print(st.variance([Fraction(1, 2), Fraction(3, 4), Fraction(1, 4)]))
x = [1, 2, 3, 4, 5]
y = [2, 4, 5, 4, 5]
print(st.correlation(x, y), st.covariance(x, y), st.linear_regression(x, y))
nd = st.NormalDist(100, 15)
print(nd, nd.cdf(115), nd.inv_cdf(0.975), nd.pdf(100), nd.zscore(130))
print(nd + 5, nd * 2, nd.overlap(st.NormalDist(110, 10)))
print(st.NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]))
for bad in ([], [1]):
    try:
        st.stdev(bad)
    except st.StatisticsError as e:
        print("StatisticsError:", e)
try:
    st.mean([])
except st.StatisticsError as e:
    print("StatisticsError:", e)
try:
    st.harmonic_mean([1, -1])
except st.StatisticsError as e:
    print("StatisticsError:", e)

# Fractions
f = Fraction(3, 4)
g = Fraction("1.25")
print(f + g, f * g, f / g, f - g, f ** 2, f ** -2, -f, abs(-f))
print(Fraction(0.1), Fraction(0.1).limit_denominator(100), Fraction(math.pi).limit_denominator(1000))
print(Fraction("3/7"), Fraction(" -12/18 "), Fraction("2e-3"), Fraction(Fraction(1, 2), Fraction(1, 3)))
print(f.numerator, f.denominator, f.as_integer_ratio(), float(f), int(Fraction(-7, 2)))
print(math.floor(Fraction(-7, 2)), math.ceil(Fraction(-7, 2)), round(Fraction(5, 2)), round(Fraction(7, 2)),
      round(Fraction(22, 7), 3))
print(Fraction(1, 3) == 1 / 3, Fraction(1, 2) == 0.5, Fraction(1, 2) < 0.6, hash(Fraction(1, 2)) == hash(0.5))
print(Fraction(2, 4) + 1, 1 - Fraction(1, 3), 2 ** Fraction(1, 2), Fraction(9, 4) ** Fraction(1, 2))
print(divmod(Fraction(7, 2), Fraction(1, 3)), Fraction(7, 2) % 1, Fraction(7, 2) // Fraction(2, 3))
print(repr(Fraction(-6, 4)), str(Fraction(5, 1)), format(float(Fraction(1, 3)), ".5f"))
for args in [(1, 0), ("abc",), (1.5, 2), ("1/0",)]:
    try:
        Fraction(*args)
    except (ZeroDivisionError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    Fraction(float("nan"))
except ValueError as e:
    print("ValueError", e)
try:
    Fraction(float("inf"))
except OverflowError as e:
    print("OverflowError", e)
print(sum(Fraction(1, n) for n in range(1, 11)))
print(sorted([Fraction(1, 3), 0.3, 1, Fraction(2, 7)]))
print(Fraction(1, 3).is_integer() if hasattr(Fraction, "is_integer") else "n/a")
