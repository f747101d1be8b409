# The '%' presentation type appends '%' after inf and nan too.
for v in [float('inf'), float('-inf'), float('nan'), 0.25, -0.0]:
    print(format(v, '%'), format(v, '.1%'), format(v, '>10%'), format(v, '+%'), f'{v:^12.0%}|')
    print(format(complex(v, v), 'e'), format(v, 'F'), format(v, 'E'), format(v, 'G'))
