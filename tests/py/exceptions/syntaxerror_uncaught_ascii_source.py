# coding: ascii
# the next line has a byte ASCII cannot decode
print("é")
