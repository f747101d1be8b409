# locale over a native _locale: setlocale from the environment (the test
# runner sets LC_ALL=C.UTF-8), queries, localeconv, nl_langinfo, collation,
# number formatting, and locale.Error for an unknown locale.
import locale

print(locale.setlocale(locale.LC_ALL, ""), locale.setlocale(locale.LC_CTYPE))
print(locale.getlocale(), locale.getencoding(), locale.nl_langinfo(locale.CODESET))
print(locale.nl_langinfo(locale.DAY_1), locale.nl_langinfo(locale.ABMON_2), locale.nl_langinfo(locale.D_FMT),
      locale.nl_langinfo(locale.RADIXCHAR), repr(locale.nl_langinfo(locale.THOUSEP)))
print(sorted(locale.localeconv().items()))
print(locale.format_string("%d items at %.2f", (1234567, 1234.5), grouping=True), locale.str(3.25),
      locale.atof("1234.5"), locale.atoi("42"), locale.delocalize("1234.5"))
print(locale.strcoll("a", "b") < 0, locale.strcoll("b", "a") > 0, locale.strcoll("x", "x"),
      locale.strxfrm("abc"), sorted(["b", "A", "a", "B"], key=locale.strxfrm))
for bad in ["xx_XX", "no_such_locale.UTF-8"]:
    try:
        locale.setlocale(locale.LC_ALL, bad)
    except locale.Error as e:
        print("locale.Error:", e, [c.__name__ for c in type(e).__mro__])
print(locale.setlocale(locale.LC_ALL, "C"), locale.localeconv()["decimal_point"], locale.getlocale(locale.LC_NUMERIC))
print(locale.setlocale(locale.LC_ALL, "C.UTF-8"), locale.getlocale())
try:
    locale.nl_langinfo(99999)
except ValueError as e:
    print("ValueError:", e)
print(locale.Error, locale.LC_ALL, locale.CHAR_MAX, locale.normalize("en_us"))
