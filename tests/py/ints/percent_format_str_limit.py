# '%d' % n (str and bytes) obeys the int max str digits limit like str(n);
# sys.flags.int_max_str_digits is -1 when no -X option or env var set it.
import sys
big = 7 ** 6000
for fmt in ['%d', '%i', '%u', '%5d', '%+d']:
    try:
        print(len(fmt % big))
    except ValueError as e:
        print('ValueError', e)
try:
    print(len(b'%d' % big))
except ValueError as e:
    print('ValueError', e)
print(len('%x' % big), len('%o' % big), len('%d' % 10 ** 4299))
print(sys.flags.int_max_str_digits, sys.get_int_max_str_digits())
sys.set_int_max_str_digits(0)
print(len('%d' % big), len(b'%d' % big))
