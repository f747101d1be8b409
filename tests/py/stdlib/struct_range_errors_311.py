# struct.pack range errors as Python 3.11 words them: they depend on the code,
# the byte-order prefix and the magnitude of the value.
import struct
for mode in '@<>=!':
    for c in 'bBhHiIlLqQnNP':
        if c in 'nNP' and mode != '@': continue
        for v in [-2**70, -2**64, -2**63-1, -2**31-1, -2**15-1, -129, -1, 256, 2**15, 2**16, 2**31, 2**32, 2**63, 2**64, 2**70]:
            try: struct.pack(mode + c, v)
            except Exception as e: print(mode, c, v, type(e).__name__, e)
    for c in 'efd':
        for v in [1e300, 1e40, 70000.0, 65520.0, float('inf'), 2**1100]:
            try: print(mode, c, struct.pack(mode + c, v))
            except Exception as e: print(mode, c, v, type(e).__name__, e)
