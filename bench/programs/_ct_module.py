# Helper module for ct_module_func: a function that lives in another module.


def add_low_bits(x, i):
    return x + (i & 7)
