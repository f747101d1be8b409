print("a\tb|", "a\\tb|", r"a\tb|", "\x41\x42", "\101\102", "\u0041", "\N{LATIN SMALL LETTER A WITH ACUTE}")
print(len("\n"), len(r"\n"), len("\\n"), "\a\b\f\v".encode(), "\0".encode(), "\1234".encode())
print("line1\
line2", "quote\"s", 'quote\'s')
print(repr("\x00\x1f\x7f"), "\u00a0".isspace(), "\t".isprintable())
