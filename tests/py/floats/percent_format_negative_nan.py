# printf-style formatting of a NaN with its sign bit set prints 'nan', not
# the C library's '-nan'; -0.0 keeps its sign; '0' pads inf and nan.
n = -float('nan')
print('%f|%e|%g|%5.1f|%+f|% f|%F|%E|%G|%r|%s' % (n, n, n, n, n, n, n, n, n, n, n))
print(b'%f|%e|%g' % (n, n, n), '%f' % -0.0, '%+.1f' % -0.0, '%.2e' % -0.0, '%g' % -0.0)
print('%010.2f|%-8f|%010f|%-010f|%+010f' % (n, n, float('inf'), float('-inf'), float('inf')), '%f' % float('-inf'), '%e' % -float('inf'))
print(format(n, 'f'), format(n, '+e'), f'{n:g}', str(n), repr(n))
