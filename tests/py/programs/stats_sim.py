"""Seeded Monte Carlo simulation with random + statistics + fractions + decimal reporting."""
import random
import statistics as st
from fractions import Fraction
from decimal import Decimal, getcontext, localcontext, ROUND_HALF_UP
import math
import bisect
import heapq
from collections import Counter

rng = random.Random(12345)
print(rng.random(), rng.randint(1, 6), rng.randrange(0, 100, 7), rng.uniform(-1, 1))
print(rng.choice("abcdef"), rng.choices(range(10), k=5), rng.choices("xyz", weights=[5, 1, 1], k=6),
      rng.choices("xyz", cum_weights=[1, 2, 10], k=4))
deck = list(range(20))
rng.shuffle(deck)
print(deck, rng.sample(deck, 5), rng.sample(range(1000), k=3), rng.sample(["a", "b", "c"], counts=[3, 1, 2], k=4))
print(rng.gauss(0, 1), rng.normalvariate(10, 2), rng.expovariate(1.5), rng.lognormvariate(0, 0.5))
print(rng.triangular(0, 10, 3), rng.betavariate(2, 5), rng.gammavariate(2.0, 1.0), rng.gammavariate(0.5, 1.0))
print(rng.paretovariate(3), rng.weibullvariate(1, 1.5), rng.vonmisesvariate(0, 4), rng.getrandbits(70), rng.randbytes(5))
state = rng.getstate()
a = [rng.random() for _ in range(3)]
rng.setstate(state)
print(a == [rng.random() for _ in range(3)])
random.seed("text seed")
print(random.random(), random.randint(0, 10 ** 30))
random.seed(b"bytes seed")
print(random.random())
random.seed(3.5)
print(random.random())
random.seed(-7)
print(random.random())
random.seed(2 ** 100 + 1)
print(random.random())
for bad in [lambda: rng.randrange(5, 1), lambda: rng.choice([]), lambda: rng.sample([1, 2], 3), lambda: rng.randint(1.5, 3),
            lambda: rng.choices("ab", weights=[1], k=1), lambda: rng.sample({1, 2}, 1), lambda: rng.randrange(0)]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)

# simulate dice games
def play(rng, rounds):
    wins = 0
    hist = Counter()
    for _ in range(rounds):
        s = rng.randint(1, 6) + rng.randint(1, 6)
        hist[s] += 1
        if s in (7, 11):
            wins += 1
    return wins, hist

wins, hist = play(random.Random(7), 2000)
print(wins, sorted(hist.items()))
samples = [random.Random(i).gauss(100, 15) for i in range(200)]
print(f"mean={st.mean(samples):.4f} median={st.median(samples):.4f} stdev={st.stdev(samples):.4f} pvar={st.pvariance(samples):.4f}")
print(st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]), st.mode("aabbbc"), st.multimode("aabbcc"))
print(st.quantiles(samples, n=4), st.quantiles([1, 2, 3, 4, 5, 6, 7, 8], n=5, method="inclusive"))
print(st.fmean([1, 2, 3, 4], weights=[4, 3, 2, 1]), st.geometric_mean([1, 2, 4, 8]), st.harmonic_mean([40, 60], weights=[5, 30]))
print(st.mean([Fraction(1, 3), Fraction(2, 3), Fraction(1, 2)]), st.mean([Decimal("1.1"), Decimal("2.2")]), st.variance([Fraction(1), Fraction(2), Fraction(4)]))
print(st.correlation([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]), st.covariance([1, 2, 3, 4], [1, 3, 2, 4]), st.linear_regression([1, 2, 3, 4], [3, 5, 7, 10]))
print(st.linear_regression([1, 2, 3], [2, 4, 6.5], proportional=True))
nd = st.NormalDist.from_samples(samples)
print(nd, round(nd.cdf(100), 6), round(nd.inv_cdf(0.975), 6), round(nd.overlap(st.NormalDist(110, 15)), 6), nd.quantiles(4)[1])
print(st.NormalDist(0, 1) + 2, st.NormalDist(1, 2) * 3, st.NormalDist(5, 1).zscore(7), round(st.NormalDist().pdf(0), 8))
for bad in [lambda: st.mean([]), lambda: st.stdev([1]), lambda: st.harmonic_mean([-1]), lambda: st.geometric_mean([0, 1]),
            lambda: st.correlation([1, 1], [1, 2]), lambda: st.quantiles([1], n=4), lambda: st.mode([]), lambda: st.NormalDist(0, -1),
            lambda: st.mean(["a"]), lambda: st.variance([1, "2"])]:
    try:
        print(bad())
    except (st.StatisticsError, TypeError, ValueError) as e:
        print(type(e).__name__, e)

# fractions
f = Fraction(3, 4)
print(f + Fraction(1, 6), f * 2, f / 3, f ** 2, f ** -2, 2 ** f, f ** 0.5, -f, abs(-f), f // Fraction(1, 5), f % Fraction(1, 5))
print(Fraction("3.1415"), Fraction(" -7/21 "), Fraction(0.1), Fraction(0.1).limit_denominator(100), Fraction(Decimal("1.25")), Fraction(1e-5))
print(math.floor(Fraction(-7, 2)), math.ceil(Fraction(7, 2)), round(Fraction(5, 2)), round(Fraction(7, 2)), round(Fraction(22, 7), 3), int(Fraction(-7, 2)))
print(Fraction(1, 3) == 1 / 3, Fraction(1, 2) == 0.5, Fraction(1, 2) < 0.6, hash(Fraction(1, 2)) == hash(0.5), Fraction(6, 4).as_integer_ratio(), float(Fraction(1, 3)))
print(sorted([Fraction(1, 3), 0.3, Decimal("0.31") if False else 0.32, 1, Fraction(2, 7)]), Fraction(5), repr(Fraction(-1, 3)), str(Fraction(4, 2)))
for bad in [lambda: Fraction(1, 0), lambda: Fraction("1/0"), lambda: Fraction("abc"), lambda: Fraction(1.5, 2), lambda: Fraction(float("nan")), lambda: Fraction(float("inf"))]:
    try:
        bad()
    except (ZeroDivisionError, ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)

# decimal money report
getcontext().prec = 12
prices = [Decimal("19.99"), Decimal("5.01"), Decimal("0.333"), Decimal("1E+2")]
total = sum(prices, Decimal(0))
print(total, total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), total / 3, (total / 3).quantize(Decimal("1.000")))
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(7), Decimal("123456789") * 1, +Decimal("3.14159265"))
print(Decimal(1) / Decimal(7), Decimal("2").sqrt(), Decimal("10").ln(), Decimal("1e-3").log10(), Decimal(0.1), Decimal("-0"), Decimal("NaN"), Decimal("-Infinity"))
print(f"{Decimal('1234.5678'):,.2f}", f"{Decimal('0.000123'):e}", f"{Decimal('42'):>8}", f"{Decimal('1.5'):%}", Decimal("1.10").normalize(), Decimal("7.3").to_integral_value())
print(Decimal("3.7") // 2, Decimal("-3.7") // 2, Decimal("-3.7") % 2, divmod(Decimal("7.5"), 2), round(Decimal("2.675"), 2), Decimal("1.23E+5").as_tuple())
print(Decimal("1") == 1, Decimal("0.5") == 0.5, Decimal("0.1") == 0.1, Decimal(3) < 3.5, max(Decimal("1"), 2, 1.5), Decimal("1.0") == Decimal("1.00"))

# heapq / bisect leaderboard
scores = [(rng.randint(0, 1000), f"p{i}") for i in range(15)]
print(heapq.nlargest(3, scores), heapq.nsmallest(2, scores, key=lambda t: t[1]))
h = []
for s in scores:
    heapq.heappush(h, s)
print([heapq.heappop(h) for _ in range(4)], heapq.heappushpop(h, (0, "z")), heapq.heapreplace(h, (9999, "top")), len(h))
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [5])), list(heapq.merge(["b", "C"], ["a"], key=str.lower)), list(heapq.merge([9, 1], [8, 2], reverse=True)))
grades = [60, 70, 80, 90]
print([("FDCBA")[bisect.bisect(grades, s)] for s in [33, 99, 77, 70, 89, 90, 100]])
keyed = sorted(scores)
print(bisect.bisect_left(keyed, (500,)), bisect.bisect_right([1, 2, 2, 3], 2), bisect.bisect_left([(1, "a"), (5, "b")], 5, key=lambda t: t[0]))
ins = [1, 3]
bisect.insort(ins, 2)
bisect.insort_left(ins, 0)
bisect.insort_right(ins, 3, lo=1)
print(ins)
