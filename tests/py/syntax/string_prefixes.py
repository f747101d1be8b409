name = "x"
print(f"{name}", F"{name!r}", rf"\n{name}", fr"{name}\t", Rf"{name}")
print(b"a" + B"b", u"unicode", U"also")
print(f"{{literal braces}} {name}")
print(f"{'nested' + 'q'}", f"{f'{name}' * 2}")
print(f"""triple {name}
multi""")
print(f"{1 + 1 = }")
print(len(r"\n"), len("\n"))
print("a\
b")
print(f"{name:>5}|{name:<5}|{name:^5}|")
