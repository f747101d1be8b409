# coding=iso-8859-1
print("éÿ", len("éÿ"))
