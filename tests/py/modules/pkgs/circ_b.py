import circ_a
B_VALUE = "b"
def a_partial():
    return hasattr(circ_a, "A_VALUE")
PARTIAL_AT_IMPORT = hasattr(circ_a, "A_VALUE")
