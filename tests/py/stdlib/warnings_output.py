import warnings
def old():
    warnings.warn("old() is deprecated", DeprecationWarning, stacklevel=2)
    return 1
print("start")
warnings.warn("plain user warning")
warnings.warn("runtime thing", RuntimeWarning)
old()
warnings.simplefilter("always")
old()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("recorded", UserWarning)
    old()
print([(w.category.__name__, str(w.message)) for w in caught])
warnings.simplefilter("error")
try:
    warnings.warn("now an error")
except UserWarning as e:
    print("raised", type(e).__name__, e)
print("end")
