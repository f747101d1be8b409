tests = ["abc", "ABC", "Abc", "123", "½", "²", "١٢٣", "abc123", "", " ", "\t\n", "Hello World", "Hello world",
         "_id", "id1", "1id", "class", "é", "a b", "\x00", "İ", "ǅ", "Ⅻ"]
for t in tests:
    print(repr(t), t.isalpha(), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalnum(), t.isspace(),
          t.islower(), t.isupper(), t.istitle(), t.isidentifier(), t.isprintable(), t.isascii())
