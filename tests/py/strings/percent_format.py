print("%s|%r|%a" % ("é", "é", "é"))
print("%d|%i|%5d|%-5d|%05d|%+d|% d" % (1, 2, 3, 4, 5, 6, 7))
print("%x|%X|%#x|%o|%#o|%e|%E|%f|%.2f|%g|%G|%10.3e|" % (255, 255, 255, 8, 8, 1.5, 1.5, 1.5, 1.555, 0.00001, 1e20, 12345.678))
print("%c%c|%%|%5s|%-5s|%.2s" % ("a", 98, "r", "l", "trunc"))
print("%(name)s is %(age)d" % {"name": "Bob", "age": 30}, "%s" % [1, 2], "%s" % (1,), "%s %s" % (1, 2))
print("%*d|%-*d|%.*f" % (5, 1, 5, 2, 2, 3.14159))
for fmt, args in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(k)s", (1,)), ("%c", 1.5), ("%c", "ab")]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError) as e:
        print(fmt, type(e).__name__)
print("%d" % 3.99, "%s" % None, "%r" % None, "%5.1f%%" % 99.44, "%x" % -255, "%o" % -8)
print("%.3s" % "abcdef", "%-6.2f|" % 3.14159, "%+.1e" % -12345.678)
