for s in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\n", "\\", "\x00\x07\x1b", "\x7f\x80\xff", "\u00e9\u0100", "\u2028\u200b\ufeff", "\U0001F600", "\ud800", "\r", "'"]:
    print(repr(s), ascii(s), len(repr(s)))
print(repr(repr("x")), str(repr("\n")))
