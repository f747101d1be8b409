# The interpreter's "Did you mean" hint for an uncaught NameError raised in a
# function: the frame's local names are candidates, and a near global loses
# to a nearer local.
config_itemz = 0

def report():
    config_items = 3
    print("items", config_items)
    config_itms
report()
