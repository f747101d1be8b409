# Empty groups and empty sequences compile and match (argparse builds '()' patterns).
import re
print(re.match("()", "A"), re.match("(?:)", "x"), re.match("(()|a)", "a").groups())
print(re.search("()b", "ab").span(), re.findall("()", "ab"), re.sub("()", "-", "ab"), re.split("()", "ab"))
print(re.fullmatch("(A)()", "A").groups(), re.compile("").match("zz").span(), re.findall("(?:)|a", "a"))
