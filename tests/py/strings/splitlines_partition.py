s = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\u2028eight\n"
print(s.splitlines())
print(s.splitlines(keepends=True)[:3], "".splitlines(), "\n".splitlines(), "a\n\nb".splitlines())
print("key=value=x".partition("="), "novalue".partition("="), "key=value=x".rpartition("="), "none".rpartition("="))
print("abc".partition("abc"), "".partition("x"))
try:
    "a".partition("")
except ValueError as e:
    print(type(e).__name__, e)
