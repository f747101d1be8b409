import sys
print(sys.int_info.str_digits_check_threshold, sys.get_int_max_str_digits())
big = 10 ** 5000
try:
    str(big)
except ValueError as e:
    print(type(e).__name__)
try:
    int("1" * 5000)
except ValueError as e:
    print(type(e).__name__)
print(len(hex(big)) > 100)
sys.set_int_max_str_digits(6000)
print(len(str(big)))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 10000)))
