import string
print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
print(string.capwords("hello   world  foo"), string.capwords("a-b c", "-"))
t = string.Template("$who likes ${what}; $$5")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"))
try:
    t.substitute(who="x")
except KeyError as e:
    print(type(e).__name__, e)
f = string.Formatter()
print(f.format("{0}-{x}", 1, x=2), list(f.parse("a{0}b{x:>3}c")))
