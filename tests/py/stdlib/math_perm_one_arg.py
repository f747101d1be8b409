# math.perm(n) without k is factorial(n), with factorial()'s errors.
import math
for t in ['math.perm(10**20)', 'math.perm(5.0)', 'math.perm(-3)', 'math.perm(4)', 'math.factorial(10**20)', 'math.perm(True)', 'math.perm(2.5)']:
    try: print(t, '->', repr(eval(t)))
    except Exception as e: print(t, '->', type(e).__name__, e)
