# strftime shows a struct_time's own zone: gmtime's is GMT.
import time
t = time.gmtime(0)
print(t.tm_zone, t.tm_gmtoff, repr(time.strftime('%Z %z', t)))
print(time.strftime('%Y-%m-%d %H:%M:%S %Z', time.gmtime(1700000000)))
print(time.strftime('%a %d %b %Y %H:%M:%S %z (%Z)', time.gmtime(86400 * 400)))
