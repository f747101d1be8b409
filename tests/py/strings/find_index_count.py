s = "hello world, hello python"
print(s.find("hello"), s.find("hello", 1), s.rfind("hello"), s.find("xyz"), s.find(""), s.rfind(""), s.find("o", 5, 8))
print(s.index("world"), s.rindex("o"), s.count("o"), s.count("hello"), s.count(""), "aaaa".count("aa"), s.count("l", 0, 5))
try:
    s.index("xyz")
except ValueError as e:
    print(type(e).__name__, e)
try:
    s.rindex("xyz")
except ValueError as e:
    print(type(e).__name__, e)
print("abc".find("c", -1), "abc".find("a", -100), "abc".find("", 10), "abc".count("", 1), "".count(""))
print(s.startswith("hello"), s.startswith(("x", "hell")), s.endswith("python"), s.endswith(("py", "on")), s.startswith("world", 6), s.endswith("hello", 0, 18))
try:
    s.startswith(["h"])
except TypeError as e:
    print(type(e).__name__, e)
