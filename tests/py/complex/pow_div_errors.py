# complex ** and / follow CPython: integral exponents up to 100 by binary
# powering (negative ones as 1 / x**n), an infinite result is OverflowError,
# a zero base to a negative or complex power and a zero divisor are
# ZeroDivisionError with CPython's messages.
for e in ['0j**-1', '0j**1j', '0j**(1+1j)', '0j**0', '0j**0j', '0j**2', '(1+2j)**1000', '(1+2j)**-2',
          '(1e200+1j)**2', '(1+2j)**2.5', '(1+2j)**(1+1j)', '(1+1j)**101', '(1.5+0.5j)**-100',
          '(1.1+0.3j)**37', '(0.3-1.7j)**-13', '(2+3j)**100', '(2+3j)**100.5', 'complex(float("inf"), 0)**2',
          '(-1)**0.5', '(-8)**(1/3)', '(-1e300)**1.5', '(-2.0)**0.5', 'pow(1j, 2, 3)',
          '(1+1j)/0', '1/0j', '(1+1j)/(0.0-0.0j)', '(3+4j)/(1-2j)', '1e300j/(1e-300+1e-300j)',
          '0.0**-1', '0**-1', '0**-1.0', '0.0**-2.5', '1.0 % 0.0', '5 % 0.0', '1.0 // 0', 'divmod(1.0, 0)',
          'divmod(1, 0)', '1 % 0', '1 // 0', '1 / 0', '1.0 / 0']:
    try:
        print(e, '->', eval(e))
    except (ZeroDivisionError, OverflowError, ValueError, TypeError) as x:
        print(e, '->', type(x).__name__, x)
