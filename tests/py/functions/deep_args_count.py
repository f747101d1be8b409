def many(*args):
    return len(args), sum(args)
print(many(*range(1000)))
def kws(**kw):
    return len(kw)
print(kws(**{f"k{i}": i for i in range(300)}))
def params(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19):
    return a0 + a19
print(params(*range(20)))
try:
    params(*range(21))
except TypeError as e:
    print(e)
